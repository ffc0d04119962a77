//! Listing calls: filters, orders and keyset pages over the viewer's scope.

use chrono::{DateTime, Utc};
use domain::policy;
use entity::call;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{ColumnTrait, Condition, ExprTrait, QueryFilter, QueryOrder, QuerySelect};

use super::page::{Cursor, Page, PageArgs};
use super::people::like_pattern;
use super::scope::calls_visible_to;
use super::{check_len, clean};
use crate::auth::Actor;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

#[derive(Debug, Default, Clone)]
pub struct CallFilter {
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub category: Option<&'static str>,
    pub status: Option<&'static str>,
    pub handler_id: Option<i64>,
    pub department_id: Option<i64>,
    pub important: Option<bool>,
    pub record_complete: Option<bool>,
    pub caller_number: Option<String>,
    pub search: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CallOrder {
    #[default]
    ReceivedAtDesc,
    ReceivedAtAsc,
    RingCountDesc,
    RingCountAsc,
}

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn list_calls(
    st: &AppState,
    actor: &Actor,
    f: CallFilter,
    order: CallOrder,
    page: PageArgs,
) -> AppResult<Page<call::Model>> {
    let mut q = calls_visible_to(actor)?;
    let window = page.window()?;
    if let Some(v) = f.from {
        q = q.filter(call::Column::ReceivedAt.gte(v));
    }
    if let Some(v) = f.to {
        q = q.filter(call::Column::ReceivedAt.lt(v));
    }
    if let Some(v) = f.category {
        q = q.filter(call::Column::Category.eq(v));
    }
    if let Some(v) = f.status {
        q = q.filter(call::Column::Status.eq(v));
    }
    if let Some(v) = f.handler_id {
        q = q.filter(call::Column::HandlerId.eq(v));
    }
    if let Some(v) = f.department_id {
        q = q.filter(call::Column::DepartmentId.eq(v));
    }
    if let Some(v) = f.important {
        q = q.filter(call::Column::Important.eq(v));
    }
    if let Some(v) = f.record_complete {
        q = q.filter(call::Column::RecordComplete.eq(v));
    }
    if let Some(n) = clean(f.caller_number) {
        let n =
            domain::phone::normalize(&n).map_err(|_| AppError::bad("callerNumber is not a plausible phone number"))?;
        q = q.filter(call::Column::CallerNumber.eq(n));
        // Matching a number one sees only masked would reveal it.
        if let Some(only) = policy::caller_number_filter_restriction(&actor.viewer) {
            q = q.filter(call::Column::HandlerId.eq(only));
        }
    }
    if let Some(s) = clean(f.search) {
        check_len("search", Some(&s), 200)?;
        let p = like_pattern(&s);
        let lower = |c: call::Column| Expr::expr(Func::lower(Expr::col(c)));
        q = q.filter(
            Condition::any()
                .add(lower(call::Column::Reason).like(p.clone()))
                .add(lower(call::Column::Notes).like(p.clone()))
                .add(lower(call::Column::CallerOrganization).like(p)),
        );
    }
    let total = page.total(&q, &st.db).await?;
    let by_rings = matches!(order, CallOrder::RingCountAsc | CallOrder::RingCountDesc);
    let ascending = matches!(order, CallOrder::ReceivedAtAsc | CallOrder::RingCountAsc) != window.backward;
    if let Some(c) = &window.cursor {
        let cond = if by_rings {
            keyset(call::Column::RingSort, c.key as i32, c.id, ascending)
        } else {
            let at = DateTime::from_timestamp_micros(c.key).ok_or_else(|| AppError::bad("invalid cursor"))?;
            keyset(call::Column::ReceivedAt, at, c.id, ascending)
        };
        q = q.filter(cond);
    }
    let key_col = if by_rings { call::Column::RingSort } else { call::Column::ReceivedAt };
    q = if ascending {
        q.order_by_asc(key_col).order_by_asc(call::Column::Id)
    } else {
        q.order_by_desc(key_col).order_by_desc(call::Column::Id)
    };
    let rows = q.limit(window.limit + 1).all(&st.db).await?;
    Ok(Page::from_rows(rows, &window, total, |c| Cursor {
        key: if by_rings { i64::from(c.ring_sort) } else { c.received_at.timestamp_micros() },
        id: c.id,
    }))
}

/// `(col, id)` after (or before) the cursor. The leading `col >= key` is
/// implied by the disjunction but lets the database use it as an index range
/// instead of filtering every row before the cursor.
fn keyset<V: Into<sea_orm::Value> + Clone>(col: call::Column, key: V, id: i64, ascending: bool) -> Condition {
    if ascending {
        Condition::all().add(col.gte(key.clone())).add(
            Condition::any()
                .add(col.gt(key.clone()))
                .add(Condition::all().add(col.eq(key)).add(call::Column::Id.gt(id))),
        )
    } else {
        Condition::all().add(col.lte(key.clone())).add(
            Condition::any()
                .add(col.lt(key.clone()))
                .add(Condition::all().add(col.eq(key)).add(call::Column::Id.lt(id))),
        )
    }
}
