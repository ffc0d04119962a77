//! SeaORM entities: one module per table. No GraphQL or HTTP here.
pub mod audit_entry;
pub mod audit_head;
pub mod call;
pub mod calendar_day;
pub mod department;
pub mod employee;
pub mod follow_up;
pub mod idempotency_key;
pub mod refresh_token;
pub mod scoring_rules;
pub mod sla_policy;
