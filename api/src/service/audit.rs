//! The append-only, hash-chained audit log (spec §6). Every mutation appends
//! inside its own transaction; full reads of sensitive fields are collected
//! during a request and appended once at its end.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use chrono::{DateTime, SecondsFormat, Utc};
use entity::{audit_entry, audit_head};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbBackend, EntityTrait, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use sha2::{Digest, Sha256};

use crate::error::{AppError, AppResult};

/// One audit row to append.
#[derive(Debug, Clone)]
pub struct AuditRecord {
    pub action: String,
    pub entity_type: &'static str,
    pub entity_id: Option<String>,
    pub fields: Vec<String>,
}

impl AuditRecord {
    pub fn mutation(action: &str, entity_type: &'static str, entity_id: i64, fields: &[&str]) -> Self {
        Self {
            action: action.to_owned(),
            entity_type,
            entity_id: Some(entity_id.to_string()),
            fields: fields.iter().map(|f| (*f).to_owned()).collect(),
        }
    }
}

pub fn entry_hash(e: &audit_entry::Model) -> String {
    let canonical = format!(
        "{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
        e.id,
        e.at.to_rfc3339_opts(SecondsFormat::Micros, true),
        e.actor_id.map(|a| a.to_string()).unwrap_or_default(),
        e.action,
        e.entity_type,
        e.entity_id.as_deref().unwrap_or(""),
        e.fields,
        e.request_id.as_deref().unwrap_or(""),
        e.previous_hash.as_deref().unwrap_or(""),
    );
    hex::encode(Sha256::digest(canonical.as_bytes()))
}

/// Appends records to the chain. Call inside the transaction of the change
/// being audited; the head row lock serialises concurrent appends.
pub async fn append<C: ConnectionTrait>(
    conn: &C,
    actor_id: Option<i64>,
    request_id: Option<&str>,
    at: DateTime<Utc>,
    records: Vec<AuditRecord>,
) -> AppResult<()> {
    if records.is_empty() {
        return Ok(());
    }
    let mut q = audit_head::Entity::find_by_id(1);
    if conn.get_database_backend() == DbBackend::Postgres {
        q = q.lock_exclusive();
    }
    let head = q.one(conn).await?.ok_or_else(|| AppError::internal(anyhow::anyhow!("audit head row missing")))?;
    let mut last_id = head.last_id;
    let mut last_hash = head.last_hash.clone();
    for r in records {
        last_id += 1;
        let mut model = audit_entry::Model {
            id: last_id,
            at,
            actor_id,
            action: r.action,
            entity_type: r.entity_type.to_owned(),
            entity_id: r.entity_id,
            fields: r.fields.join(","),
            request_id: request_id.map(str::to_owned),
            previous_hash: last_hash.clone(),
            hash: String::new(),
        };
        model.hash = entry_hash(&model);
        last_hash = Some(model.hash.clone());
        audit_entry::ActiveModel::from(model).insert(conn).await?;
    }
    let mut head: audit_head::ActiveModel = head.into();
    head.last_id = Set(last_id);
    head.last_hash = Set(last_hash);
    head.update(conn).await?;
    Ok(())
}

/// Appends records made by the actor of a request (the usual case).
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    actor: &crate::auth::Actor,
    meta: &super::RequestMeta,
    at: DateTime<Utc>,
    records: Vec<AuditRecord>,
) -> AppResult<()> {
    append(conn, Some(actor.id()), meta.request_id.as_deref(), at, records).await
}

/// Sensitive fields read in full during one request, merged per entity.
#[derive(Debug, Default)]
pub struct ReadLog {
    reads: Mutex<BTreeMap<(&'static str, String), BTreeSet<&'static str>>>,
}

impl ReadLog {
    pub fn record(&self, entity_type: &'static str, entity_id: i64, field: &'static str) {
        if let Ok(mut reads) = self.reads.lock() {
            reads.entry((entity_type, entity_id.to_string())).or_default().insert(field);
        }
    }

    fn take(&self) -> Vec<AuditRecord> {
        let reads = self.reads.lock().map(|mut r| std::mem::take(&mut *r)).unwrap_or_default();
        reads
            .into_iter()
            .map(|((entity_type, id), fields)| AuditRecord {
                action: "read".into(),
                entity_type,
                entity_id: Some(id),
                fields: fields.into_iter().map(str::to_owned).collect(),
            })
            .collect()
    }

    /// Writes the collected reads in one transaction.
    pub async fn flush(
        &self,
        db: &sea_orm::DatabaseConnection,
        actor_id: Option<i64>,
        request_id: Option<&str>,
        at: DateTime<Utc>,
    ) -> AppResult<()> {
        let records = self.take();
        if records.is_empty() {
            return Ok(());
        }
        let txn = db.begin().await?;
        append(&txn, actor_id, request_id, at, records).await?;
        txn.commit().await?;
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainStatus {
    pub valid: bool,
    pub entries: u64,
    pub first_broken_id: Option<i64>,
}

/// Recomputes every hash and link in id order, in batches.
pub async fn verify_chain<C: ConnectionTrait>(conn: &C) -> AppResult<ChainStatus> {
    use sea_orm::{ColumnTrait, QueryFilter};
    const BATCH: u64 = 1000;
    let mut entries = 0u64;
    let mut prev_hash: Option<String> = None;
    let mut prev_id = 0i64;
    loop {
        let batch = audit_entry::Entity::find()
            .filter(audit_entry::Column::Id.gt(prev_id))
            .order_by_asc(audit_entry::Column::Id)
            .limit(BATCH)
            .all(conn)
            .await?;
        let done = (batch.len() as u64) < BATCH;
        for e in batch {
            entries += 1;
            let broken = e.id != prev_id + 1 || e.previous_hash != prev_hash || entry_hash(&e) != e.hash;
            if broken {
                return Ok(ChainStatus { valid: false, entries, first_broken_id: Some(e.id) });
            }
            prev_id = e.id;
            prev_hash = Some(e.hash);
        }
        if done {
            break;
        }
    }
    let head = audit_head::Entity::find_by_id(1).one(conn).await?;
    match head {
        Some(h) if h.last_id == prev_id && h.last_hash == prev_hash => {
            Ok(ChainStatus { valid: true, entries, first_broken_id: None })
        }
        // The newest entries were removed (or the head was tampered with).
        Some(h) => Ok(ChainStatus { valid: false, entries, first_broken_id: Some(h.last_id.max(prev_id + 1)) }),
        None => Ok(ChainStatus { valid: false, entries, first_broken_id: Some(prev_id + 1) }),
    }
}

#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    pub actor_id: Option<i64>,
    pub action: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// Newest first.
pub async fn list(
    st: &crate::state::AppState,
    actor: &crate::auth::Actor,
    f: AuditFilter,
    page: super::page::PageArgs,
) -> AppResult<super::page::Page<audit_entry::Model>> {
    use sea_orm::{ColumnTrait, QueryFilter};
    super::scope::require(actor, domain::policy::Capability::ReadAudit)?;
    let window = page.window()?;
    let mut q = audit_entry::Entity::find();
    if let Some(a) = f.actor_id {
        q = q.filter(audit_entry::Column::ActorId.eq(a));
    }
    if let Some(a) = f.action {
        q = q.filter(audit_entry::Column::Action.eq(a));
    }
    if let Some(t) = f.entity_type {
        q = q.filter(audit_entry::Column::EntityType.eq(t));
    }
    if let Some(i) = f.entity_id {
        q = q.filter(audit_entry::Column::EntityId.eq(i));
    }
    if let Some(t) = f.from {
        q = q.filter(audit_entry::Column::At.gte(t));
    }
    if let Some(t) = f.to {
        q = q.filter(audit_entry::Column::At.lt(t));
    }
    let total = page.total(&q, &st.db).await?;
    // Newest first: walking forward means descending ids.
    if let Some(c) = &window.cursor {
        q = q.filter(if window.backward { audit_entry::Column::Id.gt(c.id) } else { audit_entry::Column::Id.lt(c.id) });
    }
    q = if window.backward {
        q.order_by_asc(audit_entry::Column::Id)
    } else {
        q.order_by_desc(audit_entry::Column::Id)
    };
    let rows = q.limit(window.limit + 1).all(&st.db).await?;
    Ok(super::page::Page::from_rows(rows, &window, total, |e| super::page::Cursor { key: 0, id: e.id }))
}

pub async fn verify(st: &crate::state::AppState, actor: &crate::auth::Actor) -> AppResult<ChainStatus> {
    super::scope::require(actor, domain::policy::Capability::ReadAudit)?;
    verify_chain(&st.db).await
}
