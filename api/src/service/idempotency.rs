//! `idempotencyKey` on create mutations: the same key from the same user
//! returns the first result instead of a duplicate.

use chrono::{DateTime, Utc};
use entity::idempotency_key;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::error::{AppError, AppResult};

const MAX_KEY_LEN: usize = 200;

pub fn check_key(key: Option<&str>) -> AppResult<()> {
    match key {
        Some(k) if k.trim().is_empty() || k.len() > MAX_KEY_LEN => {
            Err(AppError::bad(format!("idempotencyKey must be 1 to {MAX_KEY_LEN} characters")))
        }
        _ => Ok(()),
    }
}

/// The entity id a previous request with this key created.
pub async fn find<C: ConnectionTrait>(
    conn: &C,
    employee_id: i64,
    operation: &str,
    key: Option<&str>,
) -> AppResult<Option<i64>> {
    let Some(key) = key else { return Ok(None) };
    let row = idempotency_key::Entity::find()
        .filter(idempotency_key::Column::EmployeeId.eq(employee_id))
        .filter(idempotency_key::Column::Operation.eq(operation))
        .filter(idempotency_key::Column::Key.eq(key))
        .one(conn)
        .await?;
    Ok(row.map(|r| r.entity_id))
}

pub async fn remember<C: ConnectionTrait>(
    conn: &C,
    employee_id: i64,
    operation: &str,
    key: Option<&str>,
    entity_id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let Some(key) = key else { return Ok(()) };
    let row = idempotency_key::ActiveModel {
        employee_id: Set(employee_id),
        operation: Set(operation.to_owned()),
        key: Set(key.to_owned()),
        entity_id: Set(entity_id),
        created_at: Set(now),
        ..Default::default()
    };
    row.insert(conn).await.map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            AppError::conflict("a request with this idempotencyKey is already being processed")
        }
        _ => e.into(),
    })?;
    Ok(())
}
