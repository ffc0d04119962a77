use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "knowledge_article")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub question: String,
    pub answer: String,
    /// Tags wrapped in commas (`,pricing,delivery,`) so a tag filter is a LIKE.
    pub tags: String,
    pub created_by: Option<i64>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
