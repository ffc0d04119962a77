//! SLA table, business calendar, ring settings.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use domain::calendar::BusinessCalendar;
use domain::policy::Capability;
use domain::sla::{FollowUpKind, validate_sla};
use entity::{calendar_day, scoring_rules, sla_policy};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, QueryOrder, Set, TransactionTrait};

use super::RequestMeta;
use super::audit::{self, AuditRecord};
use super::scope::require;
use crate::auth::Actor;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

const HOLIDAY: &str = "HOLIDAY";
const MAKE_UP: &str = "MAKE_UP_WORKDAY";

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn sla_policies(st: &AppState, actor: &Actor) -> AppResult<Vec<(FollowUpKind, i32)>> {
    require(actor, Capability::ReadOrganisation)?;
    let rows = sla_policy::Entity::find().all(&st.db).await?;
    Ok(FollowUpKind::ALL
        .iter()
        .map(|k| {
            let minutes = rows.iter().find(|r| r.kind == k.as_str()).map_or(k.default_minutes(), |r| r.working_minutes);
            (*k, minutes)
        })
        .collect())
}

pub async fn sla_minutes<C: ConnectionTrait>(conn: &C, kind: FollowUpKind) -> AppResult<i32> {
    Ok(sla_policy::Entity::find_by_id(kind.as_str().to_owned())
        .one(conn)
        .await?
        .map_or(kind.default_minutes(), |r| r.working_minutes))
}

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn update_sla_policy(
    st: &AppState,
    actor: &Actor,
    meta: &RequestMeta,
    kind: FollowUpKind,
    minutes: i32,
) -> AppResult<(FollowUpKind, i32)> {
    require(actor, Capability::WriteSla)?;
    validate_sla(kind, minutes).map_err(|e| AppError::bad(e.to_string()))?;
    let now = st.now();
    let txn = st.db.begin().await?;
    sla_policy::Entity::delete_by_id(kind.as_str().to_owned()).exec(&txn).await?;
    sla_policy::ActiveModel {
        kind: Set(kind.as_str().to_owned()),
        working_minutes: Set(minutes),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        meta,
        now,
        vec![AuditRecord {
            action: "updateSlaPolicy".into(),
            entity_type: "SlaPolicy",
            entity_id: Some(kind.as_str().to_owned()),
            fields: vec!["workingMinutes".into()],
        }],
    )
    .await?;
    txn.commit().await?;
    Ok((kind, minutes))
}

pub async fn load_calendar<C: ConnectionTrait>(conn: &C) -> AppResult<BusinessCalendar> {
    let days = calendar_day::Entity::find().order_by_asc(calendar_day::Column::Day).all(conn).await?;
    let holidays = days.iter().filter(|d| d.kind == HOLIDAY).map(|d| d.day);
    let make_up = days.iter().filter(|d| d.kind == MAKE_UP).map(|d| d.day);
    Ok(BusinessCalendar::standard().with_days(holidays, make_up))
}

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn calendar(st: &AppState, actor: &Actor) -> AppResult<BusinessCalendar> {
    require(actor, Capability::ReadOrganisation)?;
    load_calendar(&st.db).await
}

fn is_weekend(cal: &BusinessCalendar, d: NaiveDate) -> bool {
    cal.weekend_days.contains(&d.weekday())
}

/// Replaces both lists. A holiday must be a weekday and a make-up workday a
/// weekend day, or the entry would mean nothing.
#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn set_calendar_days(
    st: &AppState,
    actor: &Actor,
    meta: &RequestMeta,
    holidays: Vec<NaiveDate>,
    make_up: Vec<NaiveDate>,
) -> AppResult<BusinessCalendar> {
    require(actor, Capability::WriteCalendar)?;
    let std_cal = BusinessCalendar::standard();
    let hs: BTreeSet<NaiveDate> = holidays.into_iter().collect();
    let ms: BTreeSet<NaiveDate> = make_up.into_iter().collect();
    if let Some(d) = hs.iter().find(|d| is_weekend(&std_cal, **d)) {
        return Err(AppError::bad(format!("holiday {d} falls on a weekend; list only weekdays off")));
    }
    if let Some(d) = ms.iter().find(|d| !is_weekend(&std_cal, **d)) {
        return Err(AppError::bad(format!("make-up workday {d} is not a weekend day")));
    }
    if hs.len() + ms.len() > 10_000 {
        return Err(AppError::bad("at most 10000 calendar days"));
    }
    let now = st.now();
    let txn = st.db.begin().await?;
    calendar_day::Entity::delete_many().exec(&txn).await?;
    let rows: Vec<calendar_day::ActiveModel> = hs
        .iter()
        .map(|d| (*d, HOLIDAY))
        .chain(ms.iter().map(|d| (*d, MAKE_UP)))
        .map(|(day, kind)| calendar_day::ActiveModel { day: Set(day), kind: Set(kind.to_owned()) })
        .collect();
    for chunk in rows.chunks(500) {
        calendar_day::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    audit::record(
        &txn,
        actor,
        meta,
        now,
        vec![AuditRecord {
            action: "setCalendarDays".into(),
            entity_type: "BusinessCalendar",
            entity_id: None,
            fields: vec!["holidays".into(), "makeUpWorkdays".into()],
        }],
    )
    .await?;
    txn.commit().await?;
    Ok(BusinessCalendar::standard().with_days(hs, ms))
}

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn working_deadline(
    st: &AppState,
    actor: &Actor,
    from: DateTime<Utc>,
    minutes: i32,
) -> AppResult<DateTime<Utc>> {
    require(actor, Capability::ReadOrganisation)?;
    let cal = load_calendar(&st.db).await?;
    cal.working_deadline(from, i64::from(minutes)).map_err(|e| AppError::bad(format!("workingMinutes: {e}")))
}

/// Ring limit and interval (part of the scoring rules, P2.1 and spec §3).
pub async fn rules<C: ConnectionTrait>(conn: &C) -> AppResult<scoring_rules::Model> {
    scoring_rules::Entity::find_by_id(1)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("scoring rules row missing")))
}

pub fn weekday_iso(w: Weekday) -> i32 {
    w.number_from_monday() as i32
}
