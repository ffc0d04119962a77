use sea_orm::entity::prelude::*;

/// Append-only: the service never updates or deletes rows. `hash` covers the
/// row's content and `previous_hash`, chaining every entry to the one before.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_entry")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i64,
    pub at: DateTimeUtc,
    pub actor_id: Option<i64>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    /// Comma-separated GraphQL field names.
    pub fields: String,
    pub request_id: Option<String>,
    pub previous_hash: Option<String>,
    pub hash: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
