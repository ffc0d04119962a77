use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "complaint")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub call_id: i64,
    pub kind: String,
    pub subject: String,
    /// Sensitive (spec §6).
    pub details: String,
    /// Sensitive personal data.
    pub complainant_name: Option<String>,
    pub complainant_organization: Option<String>,
    pub attitude_related: bool,
    pub forwarded_to: Option<i64>,
    pub forwarded_at: DateTimeUtc,
    pub investigation_due_at: DateTimeUtc,
    pub status: String,
    pub result: Option<String>,
    pub resolved_at: Option<DateTimeUtc>,
    pub result_due_at: Option<DateTimeUtc>,
    pub result_reported_at: Option<DateTimeUtc>,
    pub satisfaction: Option<String>,
    pub recorded_by: Option<i64>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
