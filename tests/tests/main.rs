//! One integration test binary; a module per area. Every test gets its own
//! freshly migrated database: a SQLite file, or a new PostgreSQL database
//! when TEST_DATABASE_URL is set.
mod it;
