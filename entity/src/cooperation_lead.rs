use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cooperation_lead")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub call_id: i64,
    pub intent: String,
    /// Trade secret (P4.1).
    pub content: Option<String>,
    pub method: Option<String>,
    pub department_id: i64,
    pub forwarded_to: Option<i64>,
    pub forwarded_at: DateTimeUtc,
    pub contact_due_at: DateTimeUtc,
    pub contacted_at: Option<DateTimeUtc>,
    pub involves_contract: bool,
    pub contract_reference: Option<String>,
    pub status: String,
    pub recorded_by: Option<i64>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
