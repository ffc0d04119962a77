use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inquiry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub call_id: i64,
    pub question: String,
    pub answered_on_spot: bool,
    pub answer: Option<String>,
    pub promised_reply_by: Option<DateTimeUtc>,
    pub reply_due_at: Option<DateTimeUtc>,
    pub replied_at: Option<DateTimeUtc>,
    pub replied_by: Option<i64>,
    pub knowledge_article_id: Option<i64>,
    pub recorded_by: Option<i64>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
