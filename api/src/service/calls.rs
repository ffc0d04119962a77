//! Call records (contract: calls): recording, changing, callbacks, listing.

use chrono::{DateTime, Duration, Utc};
use domain::completeness::{CallRecordFacts, CategoryNeed, missing_fields};
use domain::policy::{self, Capability};
use domain::sla::FollowUpKind;
use entity::{call, employee, follow_up};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};

use super::audit::{self, AuditRecord};
use super::scope::{call_facts, calls_visible_to, require};
use super::{RequestMeta, check_len, clean, idempotency, settings};
use crate::auth::Actor;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub const CATEGORIES: [&str; 6] =
    ["UNCLASSIFIED", "BUSINESS_INQUIRY", "COOPERATION", "COMPLAINT_SUGGESTION", "SALES_ADVERTISING", "OTHER"];
pub const MISSED: &str = "MISSED";
pub const CALLED_BACK: &str = "CALLED_BACK";
pub const ANSWERED: &str = "ANSWERED";
/// Clock skew tolerated on times reported by phones and desk clients.
const SKEW: Duration = Duration::minutes(5);

fn category_need(category: &str) -> Option<CategoryNeed> {
    match category {
        "BUSINESS_INQUIRY" => Some(CategoryNeed::Inquiry),
        "COOPERATION" => Some(CategoryNeed::CooperationLead),
        "COMPLAINT_SUGGESTION" => Some(CategoryNeed::Complaint),
        _ => None,
    }
}

/// Which linked records a call has (an inquiry, a cooperation lead, a complaint).
#[derive(Debug, Clone, Copy, Default)]
pub struct Linked {
    pub inquiry: bool,
    pub cooperation_lead: bool,
    pub complaint: bool,
}

pub async fn linked_records<C: ConnectionTrait>(conn: &C, call_id: i64) -> AppResult<Linked> {
    use entity::{complaint, cooperation_lead, inquiry};
    Ok(Linked {
        inquiry: inquiry::Entity::find().filter(inquiry::Column::CallId.eq(call_id)).one(conn).await?.is_some(),
        cooperation_lead: cooperation_lead::Entity::find()
            .filter(cooperation_lead::Column::CallId.eq(call_id))
            .one(conn)
            .await?
            .is_some(),
        complaint: complaint::Entity::find().filter(complaint::Column::CallId.eq(call_id)).one(conn).await?.is_some(),
    })
}

/// The contract fields a record still lacks for its category (spec §10).
pub fn missing_for(c: &call::Model, linked: Linked) -> Vec<&'static str> {
    missing_fields(&CallRecordFacts {
        has_caller_number: !c.caller_number.is_empty(),
        reason: c.reason.clone(),
        category_classified: c.category != "UNCLASSIFIED",
        category: category_need(&c.category),
        has_handler: c.handler_id.is_some(),
        answered: c.status == ANSWERED,
        has_answered_at: c.answered_at.is_some(),
        important: c.important,
        key_facts_confirmed: c.key_facts_confirmed,
        has_inquiry: linked.inquiry,
        has_cooperation_lead: linked.cooperation_lead,
        has_complaint: linked.complaint,
    })
}

fn apply_completeness(m: &mut call::Model, linked: Linked) {
    let missing = missing_for(m, linked);
    m.record_complete = missing.is_empty();
    m.missing_fields = missing.join(",");
}

#[derive(Debug, Default, Clone)]
pub struct NewCall {
    pub received_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub ring_count: Option<i32>,
    pub caller_number: String,
    pub caller_name: Option<String>,
    pub caller_organization: Option<String>,
    pub reason: String,
    pub category: Option<&'static str>,
    pub notes: Option<String>,
    pub important: Option<bool>,
    pub key_facts_confirmed: Option<bool>,
    pub greeting_given: Option<bool>,
    pub confidential: Option<bool>,
    pub handler_id: Option<i64>,
    pub idempotency_key: Option<String>,
}

fn check_texts(name: Option<&str>, org: Option<&str>, reason: Option<&str>, notes: Option<&str>) -> AppResult<()> {
    check_len("callerName", name, 100)?;
    check_len("callerOrganization", org, 200)?;
    check_len("reason", reason, 2000)?;
    check_len("notes", notes, 4000)
}

fn check_times(
    now: DateTime<Utc>,
    received: DateTime<Utc>,
    answered: Option<DateTime<Utc>>,
    ended: Option<DateTime<Utc>>,
) -> AppResult<()> {
    if received > now + SKEW {
        return Err(AppError::bad("receivedAt is in the future"));
    }
    if let Some(a) = answered {
        if a < received {
            return Err(AppError::bad("answeredAt is before receivedAt"));
        }
        if a > now + SKEW {
            return Err(AppError::bad("answeredAt is in the future"));
        }
    }
    if let Some(e) = ended {
        if e < answered.unwrap_or(received) {
            return Err(AppError::bad("endedAt is before the call was received or answered"));
        }
        if e > now + SKEW {
            return Err(AppError::bad("endedAt is in the future"));
        }
    }
    Ok(())
}

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn record_call(st: &AppState, actor: &Actor, meta: &RequestMeta, input: NewCall) -> AppResult<call::Model> {
    require(actor, Capability::RecordCalls)?;
    idempotency::check_key(input.idempotency_key.as_deref())?;
    let now = st.now();
    check_times(now, input.received_at, input.answered_at, input.ended_at)?;
    if let Some(n) = input.ring_count
        && !(1..=1000).contains(&n)
    {
        return Err(AppError::bad("ringCount must be between 1 and 1000"));
    }
    let caller_number = domain::phone::normalize(&input.caller_number)
        .map_err(|_| AppError::bad("callerNumber is not a plausible phone number"))?;
    let caller_name = clean(input.caller_name);
    let caller_organization = clean(input.caller_organization);
    let notes = clean(input.notes);
    let reason = input.reason.trim().to_owned();
    check_texts(caller_name.as_deref(), caller_organization.as_deref(), Some(&reason), notes.as_deref())?;

    let txn = st.db.begin().await?;
    if let Some(id) = idempotency::find(&txn, actor.id(), "recordCall", input.idempotency_key.as_deref()).await? {
        let existing = calls_visible_to(actor)?.filter(call::Column::Id.eq(id)).one(&txn).await?;
        return existing.ok_or(AppError::NotFound);
    }
    let handler_id = input.handler_id.unwrap_or(actor.id());
    let handler = employee::Entity::find_by_id(handler_id).one(&txn).await?;
    let handler = match handler {
        Some(h) if h.active => h,
        Some(_) => return Err(AppError::bad("the handler is deactivated")),
        None => return Err(AppError::bad("no such handler")),
    };
    if !policy::can_record_for(&actor.viewer, handler.id, handler.department_id) {
        return Err(AppError::Forbidden);
    }
    let rules = settings::rules(&txn).await?;
    let ring_count =
        domain::ring::ring_count(input.ring_count, input.received_at, input.answered_at, rules.ring_interval_seconds);
    let answered = input.answered_at.is_some();
    let mut model = call::Model {
        id: 0,
        received_at: input.received_at,
        answered_at: input.answered_at,
        ended_at: input.ended_at,
        ring_count,
        ring_sort: ring_count.unwrap_or(0),
        answered_within_limit: domain::ring::answered_within_limit(answered, ring_count, rules.ring_limit),
        status: if answered { ANSWERED } else { MISSED }.to_owned(),
        category: input.category.unwrap_or("UNCLASSIFIED").to_owned(),
        caller_number,
        caller_name,
        caller_organization,
        reason,
        notes,
        important: input.important.unwrap_or(false),
        key_facts_confirmed: input.key_facts_confirmed.unwrap_or(false),
        greeting_given: input.greeting_given.unwrap_or(false),
        confidential: input.confidential.unwrap_or(false),
        from_blocked_number: false,
        record_complete: false,
        missing_fields: String::new(),
        handler_id: Some(handler.id),
        department_id: Some(handler.department_id),
        created_by: Some(actor.id()),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    // A new call has no linked records yet.
    apply_completeness(&mut model, Linked::default());
    let mut active: call::ActiveModel = model.into();
    active.id = sea_orm::ActiveValue::NotSet;
    let saved = active.insert(&txn).await?;
    if !answered {
        let minutes = settings::sla_minutes(&txn, FollowUpKind::MissedCallCallback).await?;
        let calendar = settings::load_calendar(&txn).await?;
        let due_at = calendar
            .working_deadline(saved.received_at, i64::from(minutes))
            .map_err(|e| AppError::internal(anyhow::anyhow!("deadline: {e}")))?;
        let fu = super::follow_ups::open(
            &txn,
            FollowUpKind::MissedCallCallback,
            Some(saved.id),
            Some(handler.id),
            Some(handler.department_id),
            None,
            due_at,
            now,
        )
        .await?;
        audit::record(
            &txn,
            actor,
            meta,
            now,
            vec![AuditRecord::mutation("openFollowUp", "FollowUp", fu.id, &["kind", "dueAt", "assignee"])],
        )
        .await?;
    }
    idempotency::remember(&txn, actor.id(), "recordCall", input.idempotency_key.as_deref(), saved.id, now).await?;
    audit::record(
        &txn,
        actor,
        meta,
        now,
        vec![AuditRecord::mutation(
            "recordCall",
            "Call",
            saved.id,
            &["receivedAt", "answeredAt", "callerNumber", "callerName", "reason", "category", "handler"],
        )],
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// A call the actor may see, or NOT_FOUND (outside scope looks like missing).
async fn visible<C: ConnectionTrait>(conn: &C, actor: &Actor, id: i64) -> AppResult<call::Model> {
    calls_visible_to(actor)?.filter(call::Column::Id.eq(id)).one(conn).await?.ok_or(AppError::NotFound)
}

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn get_call(st: &AppState, actor: &Actor, id: Option<i64>) -> AppResult<Option<call::Model>> {
    let q = calls_visible_to(actor)?;
    match id {
        Some(id) => Ok(q.filter(call::Column::Id.eq(id)).one(&st.db).await?),
        None => Ok(None),
    }
}

#[derive(Debug, Default, Clone)]
pub struct CallChanges {
    pub id: i64,
    pub version: i32,
    pub ended_at: Option<DateTime<Utc>>,
    pub caller_name: Option<String>,
    pub caller_organization: Option<String>,
    pub reason: Option<String>,
    pub category: Option<&'static str>,
    pub notes: Option<String>,
    pub important: Option<bool>,
    pub key_facts_confirmed: Option<bool>,
    pub confidential: Option<bool>,
}

/// Writes `after` only if the row still has `before`'s version.
async fn save_versioned<C: ConnectionTrait>(
    conn: &C,
    before: &call::Model,
    mut after: call::Model,
    now: DateTime<Utc>,
) -> AppResult<call::Model> {
    after.version = before.version + 1;
    after.updated_at = now;
    let mut am = call::ActiveModel::from(after.clone()).reset_all();
    am.id = sea_orm::ActiveValue::NotSet;
    let res = call::Entity::update_many()
        .set(am)
        .filter(call::Column::Id.eq(before.id))
        .filter(call::Column::Version.eq(before.version))
        .exec(conn)
        .await?;
    if res.rows_affected == 0 {
        return Err(AppError::stale());
    }
    Ok(after)
}

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn update_call(
    st: &AppState,
    actor: &Actor,
    meta: &RequestMeta,
    input: CallChanges,
) -> AppResult<call::Model> {
    require(actor, Capability::RecordCalls)?;
    let caller_name = input.caller_name.map(|n| n.trim().to_owned());
    let caller_organization = input.caller_organization.map(|n| n.trim().to_owned());
    let reason = input.reason.map(|r| r.trim().to_owned());
    let notes = input.notes.map(|n| n.trim().to_owned());
    check_texts(caller_name.as_deref(), caller_organization.as_deref(), reason.as_deref(), notes.as_deref())?;
    let now = st.now();
    let txn = st.db.begin().await?;
    let before = visible(&txn, actor, input.id).await?;
    if !policy::can_edit_call(&actor.viewer, &call_facts(&before)) {
        return Err(AppError::Forbidden);
    }
    if before.version != input.version {
        return Err(AppError::stale());
    }
    if let Some(e) = input.ended_at {
        check_times(now, before.received_at, before.answered_at, Some(e))?;
    }
    let mut after = before.clone();
    let mut changed = Vec::new();
    if let Some(e) = input.ended_at {
        after.ended_at = Some(e);
        changed.push("endedAt");
    }
    if let Some(n) = caller_name {
        after.caller_name = Some(n).filter(|s| !s.is_empty());
        changed.push("callerName");
    }
    if let Some(o) = caller_organization {
        after.caller_organization = Some(o).filter(|s| !s.is_empty());
        changed.push("callerOrganization");
    }
    if let Some(r) = reason {
        after.reason = r;
        changed.push("reason");
    }
    if let Some(c) = input.category {
        after.category = c.to_owned();
        changed.push("category");
    }
    if let Some(n) = notes {
        after.notes = Some(n).filter(|s| !s.is_empty());
        changed.push("notes");
    }
    if let Some(i) = input.important {
        after.important = i;
        changed.push("important");
    }
    if let Some(k) = input.key_facts_confirmed {
        after.key_facts_confirmed = k;
        changed.push("keyFactsConfirmed");
    }
    if let Some(c) = input.confidential {
        after.confidential = c;
        changed.push("confidential");
    }
    apply_completeness(&mut after, linked_records(&txn, before.id).await?);
    let saved = save_versioned(&txn, &before, after, now).await?;
    audit::record(&txn, actor, meta, now, vec![AuditRecord::mutation("updateCall", "Call", saved.id, &changed)])
        .await?;
    txn.commit().await?;
    Ok(saved)
}

#[derive(Debug, Clone)]
pub struct Callback {
    pub call_id: i64,
    pub called_back_at: DateTime<Utc>,
    pub reason_explained: bool,
    pub notes: Option<String>,
}

/// P2.2: the missed caller was called back and told why; closes the
/// MISSED_CALL_CALLBACK follow-up and makes the call CALLED_BACK.
#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn complete_callback(
    st: &AppState,
    actor: &Actor,
    meta: &RequestMeta,
    input: Callback,
) -> AppResult<call::Model> {
    require(actor, Capability::RecordCalls)?;
    let notes = clean(input.notes);
    check_len("notes", notes.as_deref(), 4000)?;
    let now = st.now();
    let txn = st.db.begin().await?;
    let before = visible(&txn, actor, input.call_id).await?;
    if !policy::can_edit_call(&actor.viewer, &call_facts(&before)) {
        return Err(AppError::Forbidden);
    }
    if before.status != MISSED {
        return Err(AppError::conflict(format!("the call is {} and has no callback pending", before.status)));
    }
    if !input.reason_explained {
        return Err(AppError::bad(
            "the caller must be told why the call was missed (P2.2) before the callback is complete",
        ));
    }
    if input.called_back_at < before.received_at || input.called_back_at > now + SKEW {
        return Err(AppError::bad("calledBackAt must be after the call and not in the future"));
    }
    let mut after = before.clone();
    after.status = CALLED_BACK.to_owned();
    if let Some(n) = &notes {
        after.notes = Some(match &before.notes {
            Some(old) => format!("{old}\n{n}"),
            None => n.clone(),
        });
    }
    apply_completeness(&mut after, linked_records(&txn, before.id).await?);
    let saved = save_versioned(&txn, &before, after, now).await?;
    let closed = super::follow_ups::close_for_call(
        &txn,
        saved.id,
        FollowUpKind::MissedCallCallback,
        input.called_back_at,
        actor.id(),
        notes,
        now,
    )
    .await?;
    let mut records = vec![AuditRecord::mutation("completeCallback", "Call", saved.id, &["status"])];
    records.extend(
        closed
            .into_iter()
            .map(|id| AuditRecord::mutation("completeFollowUp", "FollowUp", id, &["status", "completedAt"])),
    );
    audit::record(&txn, actor, meta, now, records).await?;
    txn.commit().await?;
    Ok(saved)
}

pub async fn follow_ups_of<C: ConnectionTrait>(conn: &C, call_ids: &[i64]) -> AppResult<Vec<follow_up::Model>> {
    Ok(follow_up::Entity::find()
        .filter(follow_up::Column::CallId.is_in(call_ids.iter().copied()))
        .order_by_asc(follow_up::Column::Id)
        .all(conn)
        .await?)
}
