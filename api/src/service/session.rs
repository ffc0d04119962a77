//! Sign-in, refresh-token rotation with reuse detection, sign-out.

use chrono::{DateTime, Utc};
use entity::{employee, refresh_token};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait};

use super::RequestMeta;
use super::audit::{self, AuditRecord};
use crate::auth::actor::decode_roles;
use crate::auth::{Actor, password, random_token, token_digest};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

#[derive(Debug)]
pub struct Issued {
    pub access_token: String,
    pub refresh_token: String,
    pub expires_at: DateTime<Utc>,
    pub employee: employee::Model,
}

const BAD_LOGIN: AppError = AppError::Unauthenticated("wrong employee number or password");

async fn issue<C: ConnectionTrait>(
    st: &AppState,
    conn: &C,
    emp: employee::Model,
    family: String,
    now: DateTime<Utc>,
) -> AppResult<Issued> {
    let roles = decode_roles(&emp.roles).iter().map(|r| r.as_str().to_owned()).collect();
    // jsonwebtoken checks expiry against the system clock, so access tokens
    // are issued against it too (not the injectable clock).
    let (access_token, expires_at) = st.jwt.issue(emp.id, roles, Utc::now()).map_err(AppError::internal)?;
    let refresh = random_token(32);
    refresh_token::ActiveModel {
        employee_id: Set(emp.id),
        family_id: Set(family),
        token_hash: Set(token_digest(&refresh)),
        expires_at: Set(now + chrono::Duration::seconds(st.config.refresh_token_ttl_seconds)),
        rotated_at: Set(None),
        revoked_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(Issued { access_token, refresh_token: refresh, expires_at, employee: emp })
}

#[tracing::instrument(skip_all)]
pub async fn login(st: &AppState, meta: &RequestMeta, employee_no: &str, password_plain: &str) -> AppResult<Issued> {
    let key = employee_no.trim().to_owned();
    let now = st.now();
    let allowed = st.login_throttle.lock().map(|mut t| t.allows(&key, now)).unwrap_or(true);
    if !allowed {
        return Err(AppError::RateLimited);
    }
    let emp = employee::Entity::find().filter(employee::Column::EmployeeNo.eq(employee_no.trim())).one(&st.db).await?;
    // Verify even for unknown numbers so timing does not reveal which exist.
    let hash = emp.as_ref().map_or(password::dummy_hash(), |e| e.password_hash.as_str()).to_owned();
    let pw = password_plain.to_owned();
    let ok = tokio::task::spawn_blocking(move || password::verify(&pw, &hash)).await.map_err(AppError::internal)?;
    let emp = match emp {
        Some(e) if ok && e.active => e,
        _ => {
            if let Ok(mut t) = st.login_throttle.lock() {
                t.failed(&key, now);
            }
            return Err(BAD_LOGIN);
        }
    };
    if let Ok(mut t) = st.login_throttle.lock() {
        t.succeeded(&key);
    }
    let txn = st.db.begin().await?;
    let issued = issue(st, &txn, emp, uuid::Uuid::new_v4().to_string(), now).await?;
    audit::append(
        &txn,
        Some(issued.employee.id),
        meta.request_id.as_deref(),
        now,
        vec![AuditRecord::mutation("login", "Employee", issued.employee.id, &[])],
    )
    .await?;
    txn.commit().await?;
    Ok(issued)
}

#[tracing::instrument(skip_all)]
pub async fn refresh(st: &AppState, meta: &RequestMeta, token: &str) -> AppResult<Issued> {
    let invalid = AppError::Unauthenticated("the refresh token is not valid");
    let now = st.now();
    let txn = st.db.begin().await?;
    let row = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(token_digest(token)))
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::Unauthenticated("the refresh token is not valid"))?;
    if row.revoked_at.is_some() || row.expires_at <= now {
        return Err(invalid);
    }
    if row.rotated_at.is_some() {
        // A rotated token came back: someone holds a copy. End the session.
        revoke_family(&txn, &row.family_id, now).await?;
        audit::append(
            &txn,
            Some(row.employee_id),
            meta.request_id.as_deref(),
            now,
            vec![AuditRecord::mutation("refreshTokenReuse", "Employee", row.employee_id, &[])],
        )
        .await?;
        txn.commit().await?;
        return Err(invalid);
    }
    let emp = employee::Entity::find_by_id(row.employee_id).one(&txn).await?;
    let Some(emp) = emp.filter(|e| e.active) else { return Err(invalid) };
    let res = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RotatedAt, sea_orm::sea_query::Expr::value(now))
        .filter(refresh_token::Column::Id.eq(row.id))
        .filter(refresh_token::Column::RotatedAt.is_null())
        .exec(&txn)
        .await?;
    if res.rows_affected == 0 {
        return Err(invalid);
    }
    let issued = issue(st, &txn, emp, row.family_id, now).await?;
    audit::append(
        &txn,
        Some(issued.employee.id),
        meta.request_id.as_deref(),
        now,
        vec![AuditRecord::mutation("refreshSession", "Employee", issued.employee.id, &[])],
    )
    .await?;
    txn.commit().await?;
    Ok(issued)
}

/// Ends the session the token belongs to. False when it was not live.
#[tracing::instrument(skip_all)]
pub async fn logout(st: &AppState, meta: &RequestMeta, token: &str) -> AppResult<bool> {
    let now = st.now();
    let txn = st.db.begin().await?;
    let row = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(token_digest(token)))
        .one(&txn)
        .await?;
    let Some(row) = row.filter(|r| r.revoked_at.is_none() && r.rotated_at.is_none() && r.expires_at > now) else {
        return Ok(false);
    };
    revoke_family(&txn, &row.family_id, now).await?;
    audit::append(
        &txn,
        Some(row.employee_id),
        meta.request_id.as_deref(),
        now,
        vec![AuditRecord::mutation("logout", "Employee", row.employee_id, &[])],
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

async fn revoke_family<C: ConnectionTrait>(conn: &C, family: &str, now: DateTime<Utc>) -> AppResult<()> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, sea_orm::sea_query::Expr::value(now))
        .filter(refresh_token::Column::FamilyId.eq(family))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// Ends every session of an employee (deactivation, password change).
pub async fn revoke_all<C: ConnectionTrait>(conn: &C, employee_id: i64, now: DateTime<Utc>) -> AppResult<()> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, sea_orm::sea_query::Expr::value(now))
        .filter(refresh_token::Column::EmployeeId.eq(employee_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn change_password(
    st: &AppState,
    actor: &Actor,
    meta: &RequestMeta,
    current: &str,
    new: &str,
) -> AppResult<bool> {
    password::check_strength(new).map_err(AppError::BadInput)?;
    let emp = employee::Entity::find_by_id(actor.id()).one(&st.db).await?.ok_or(AppError::NotFound)?;
    let (cur, stored, newpw) = (current.to_owned(), emp.password_hash.clone(), new.to_owned());
    let (ok, hash) = tokio::task::spawn_blocking(move || (password::verify(&cur, &stored), password::hash(&newpw)))
        .await
        .map_err(AppError::internal)?;
    if !ok {
        return Err(AppError::bad("the current password is wrong"));
    }
    let hash = hash.map_err(AppError::internal)?;
    let now = st.now();
    let txn = st.db.begin().await?;
    let version = emp.version;
    let mut m: employee::ActiveModel = emp.into();
    m.password_hash = Set(hash);
    m.version = Set(version + 1);
    m.updated_at = Set(now);
    m.update(&txn).await?;
    revoke_all(&txn, actor.id(), now).await?;
    audit::record(
        &txn,
        actor,
        meta,
        now,
        vec![AuditRecord::mutation("changePassword", "Employee", actor.id(), &["password"])],
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// The actor behind a verified token: the employee as stored now, if active.
pub async fn active_actor(db: &sea_orm::DatabaseConnection, employee_id: i64) -> AppResult<Option<Actor>> {
    let emp = employee::Entity::find_by_id(employee_id).one(db).await?;
    Ok(emp.filter(|e| e.active).map(|e| Actor {
        viewer: domain::policy::Viewer {
            employee_id: e.id,
            department_id: e.department_id,
            roles: decode_roles(&e.roles),
        },
        name: e.name,
    }))
}
