//! Follow-ups and their deadlines (contract: follow-ups and deadlines).

use chrono::{DateTime, Utc};
use domain::policy;
use domain::sla::FollowUpKind;
use entity::follow_up;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};

use super::audit::{self, AuditRecord};
use super::page::{Cursor, Page, PageArgs};
use super::scope::{follow_up_facts, follow_ups_visible_to};
use super::{RequestMeta, check_len, clean};
use crate::auth::Actor;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub const OPEN: &str = "OPEN";
pub const DONE: &str = "DONE";

#[allow(clippy::too_many_arguments)]
pub async fn open<C: ConnectionTrait>(
    conn: &C,
    kind: FollowUpKind,
    call_id: Option<i64>,
    assignee_id: Option<i64>,
    department_id: Option<i64>,
    summary: Option<String>,
    due_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> AppResult<follow_up::Model> {
    Ok(follow_up::ActiveModel {
        kind: Set(kind.as_str().to_owned()),
        status: Set(OPEN.to_owned()),
        call_id: Set(call_id),
        assignee_id: Set(assignee_id),
        department_id: Set(department_id),
        summary: Set(summary),
        due_at: Set(due_at),
        completed_at: Set(None),
        completed_by: Set(None),
        notes: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}

/// Closes the open follow-ups of a kind on a call; returns their ids.
pub async fn close_for_call<C: ConnectionTrait>(
    conn: &C,
    call_id: i64,
    kind: FollowUpKind,
    completed_at: DateTime<Utc>,
    by: i64,
    notes: Option<String>,
    now: DateTime<Utc>,
) -> AppResult<Vec<i64>> {
    let open_rows = follow_up::Entity::find()
        .filter(follow_up::Column::CallId.eq(call_id))
        .filter(follow_up::Column::Kind.eq(kind.as_str()))
        .filter(follow_up::Column::Status.eq(OPEN))
        .all(conn)
        .await?;
    let mut ids = Vec::new();
    for f in open_rows {
        ids.push(f.id);
        let version = f.version;
        let mut m: follow_up::ActiveModel = f.into();
        m.status = Set(DONE.to_owned());
        m.completed_at = Set(Some(completed_at));
        m.completed_by = Set(Some(by));
        m.notes = Set(notes.clone());
        m.version = Set(version + 1);
        m.updated_at = Set(now);
        m.update(conn).await?;
    }
    Ok(ids)
}

pub fn is_overdue(f: &follow_up::Model, now: DateTime<Utc>) -> bool {
    f.status == OPEN && now > f.due_at
}

pub fn completed_late(f: &follow_up::Model) -> Option<bool> {
    f.completed_at.map(|c| c > f.due_at)
}

#[derive(Debug, Default, Clone)]
pub struct FollowUpFilter {
    pub kind: Option<FollowUpKind>,
    pub status: Option<&'static str>,
    pub assignee_id: Option<i64>,
    pub department_id: Option<i64>,
    pub overdue: Option<bool>,
    pub due_before: Option<DateTime<Utc>>,
}

/// Ordered by due time, soonest first: the work queue.
#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn list(
    st: &AppState,
    actor: &Actor,
    f: FollowUpFilter,
    page: PageArgs,
) -> AppResult<Page<follow_up::Model>> {
    let mut q = follow_ups_visible_to(actor)?;
    let window = page.window()?;
    let now = st.now();
    if let Some(k) = f.kind {
        q = q.filter(follow_up::Column::Kind.eq(k.as_str()));
    }
    if let Some(s) = f.status {
        q = q.filter(follow_up::Column::Status.eq(s));
    }
    if let Some(a) = f.assignee_id {
        q = q.filter(follow_up::Column::AssigneeId.eq(a));
    }
    if let Some(d) = f.department_id {
        q = q.filter(follow_up::Column::DepartmentId.eq(d));
    }
    if let Some(b) = f.due_before {
        q = q.filter(follow_up::Column::DueAt.lt(b));
    }
    match f.overdue {
        Some(true) => q = q.filter(follow_up::Column::Status.eq(OPEN)).filter(follow_up::Column::DueAt.lt(now)),
        Some(false) => {
            q = q.filter(
                sea_orm::Condition::any()
                    .add(follow_up::Column::Status.ne(OPEN))
                    .add(follow_up::Column::DueAt.gte(now)),
            )
        }
        None => {}
    }
    let total = page.total(&q, &st.db).await?;
    let ascending = !window.backward;
    if let Some(c) = &window.cursor {
        let at = DateTime::from_timestamp_micros(c.key).ok_or_else(|| AppError::bad("invalid cursor"))?;
        let col = follow_up::Column::DueAt;
        q = q.filter(if ascending {
            sea_orm::Condition::all().add(col.gte(at)).add(
                sea_orm::Condition::any()
                    .add(col.gt(at))
                    .add(sea_orm::Condition::all().add(col.eq(at)).add(follow_up::Column::Id.gt(c.id))),
            )
        } else {
            sea_orm::Condition::all().add(col.lte(at)).add(
                sea_orm::Condition::any()
                    .add(col.lt(at))
                    .add(sea_orm::Condition::all().add(col.eq(at)).add(follow_up::Column::Id.lt(c.id))),
            )
        });
    }
    q = if ascending {
        q.order_by_asc(follow_up::Column::DueAt).order_by_asc(follow_up::Column::Id)
    } else {
        q.order_by_desc(follow_up::Column::DueAt).order_by_desc(follow_up::Column::Id)
    };
    let rows = q.limit(window.limit + 1).all(&st.db).await?;
    Ok(Page::from_rows(rows, &window, total, |f| Cursor { key: f.due_at.timestamp_micros(), id: f.id }))
}

pub struct Completion {
    pub id: i64,
    pub version: i32,
    pub notes: Option<String>,
}

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn complete(
    st: &AppState,
    actor: &Actor,
    meta: &RequestMeta,
    input: Completion,
) -> AppResult<follow_up::Model> {
    super::scope::require(actor, policy::Capability::RecordCalls)?;
    let notes = clean(input.notes);
    check_len("notes", notes.as_deref(), 4000)?;
    let now = st.now();
    let txn = st.db.begin().await?;
    let f = follow_ups_visible_to(actor)?
        .filter(follow_up::Column::Id.eq(input.id))
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if !policy::can_complete_follow_up(&actor.viewer, &follow_up_facts(&f)) {
        return Err(AppError::Forbidden);
    }
    if f.version != input.version {
        return Err(AppError::stale());
    }
    if f.status != OPEN {
        return Err(AppError::conflict("the follow-up is already closed"));
    }
    if f.kind == FollowUpKind::MissedCallCallback.as_str() {
        return Err(AppError::bad(
            "a missed-call callback is completed with completeCallback, which records that the caller was told why",
        ));
    }
    let res = follow_up::Entity::update_many()
        .col_expr(follow_up::Column::Status, sea_orm::sea_query::Expr::value(DONE))
        .col_expr(follow_up::Column::CompletedAt, sea_orm::sea_query::Expr::value(now))
        .col_expr(follow_up::Column::CompletedBy, sea_orm::sea_query::Expr::value(actor.id()))
        .col_expr(follow_up::Column::Notes, sea_orm::sea_query::Expr::value(notes))
        .col_expr(follow_up::Column::Version, sea_orm::sea_query::Expr::value(f.version + 1))
        .col_expr(follow_up::Column::UpdatedAt, sea_orm::sea_query::Expr::value(now))
        .filter(follow_up::Column::Id.eq(f.id))
        .filter(follow_up::Column::Version.eq(f.version))
        .exec(&txn)
        .await?;
    if res.rows_affected == 0 {
        return Err(AppError::stale());
    }
    audit::record(
        &txn,
        actor,
        meta,
        now,
        vec![AuditRecord::mutation("completeFollowUp", "FollowUp", f.id, &["status", "completedAt"])],
    )
    .await?;
    let done = follow_up::Entity::find_by_id(f.id).one(&txn).await?.ok_or(AppError::NotFound)?;
    txn.commit().await?;
    Ok(done)
}
