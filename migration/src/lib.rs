//! Schema migrations. A merged migration is never edited: change the schema
//! with a new one.
pub use sea_orm_migration::prelude::*;

mod m20261204_000001_create_foundation;
mod m20261204_000002_create_call_outcomes;
mod util;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261204_000001_create_foundation::Migration),
            Box::new(m20261204_000002_create_call_outcomes::Migration),
        ]
    }
}
