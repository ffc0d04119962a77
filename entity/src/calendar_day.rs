use sea_orm::entity::prelude::*;

/// A date that departs from the weekly pattern: `HOLIDAY` (a weekday off)
/// or `MAKE_UP_WORKDAY` (a weekend day worked).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calendar_day")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: Date,
    pub kind: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
