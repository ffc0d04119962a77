use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "transfer")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub call_id: i64,
    pub from_employee_id: i64,
    pub to_department_id: i64,
    pub to_employee_id: Option<i64>,
    pub reason: String,
    pub reason_explained_to_caller: bool,
    pub caller_agreed_to_wait: Option<bool>,
    pub target_available: Option<bool>,
    pub both_parties_informed: bool,
    pub target_reminded: bool,
    pub status: String,
    pub requested_at: DateTimeUtc,
    pub connected_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
