use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "call")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub received_at: DateTimeUtc,
    pub answered_at: Option<DateTimeUtc>,
    pub ended_at: Option<DateTimeUtc>,
    pub ring_count: Option<i32>,
    /// `ring_count` with 0 for unknown: a non-null key for keyset ordering,
    /// since SQLite and PostgreSQL sort NULLs differently.
    pub ring_sort: i32,
    pub answered_within_limit: bool,
    pub status: String,
    pub category: String,
    pub caller_number: String,
    pub caller_name: Option<String>,
    pub caller_organization: Option<String>,
    pub reason: String,
    pub notes: Option<String>,
    pub important: bool,
    pub key_facts_confirmed: bool,
    pub greeting_given: bool,
    pub confidential: bool,
    pub from_blocked_number: bool,
    /// Stored (not derived on read) so `recordComplete` can be filtered on an index.
    pub record_complete: bool,
    /// Comma-separated contract field names, empty when complete.
    pub missing_fields: String,
    pub handler_id: Option<i64>,
    pub department_id: Option<i64>,
    pub created_by: Option<i64>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
