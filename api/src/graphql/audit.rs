//! Area root: audit.

use async_graphql::{Context, ID, Object};

use super::ctx;
use super::inputs::AuditFilter;
use super::types::audit::{AuditChainStatus, AuditEntry};
use super::types::connection::AuditEntryConnection;
use crate::error::AppResult;
use crate::service::audit;
use crate::service::page::PageArgs;

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// Newest first.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity + 1")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        filter: Option<AuditFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<AuditEntryConnection> {
        let (st, actor, _) = ctx::parts(ctx)?;
        let page = audit::list(
            st,
            actor,
            filter.unwrap_or_default().into(),
            PageArgs::forward(first, after).counting(ctx.look_ahead().field("totalCount").exists()),
        )
        .await?;
        Ok(AuditEntryConnection::from_page(page, AuditEntry))
    }

    /// Recomputes the hash chain and finds entries changed or removed behind
    /// the service's back.
    async fn verify_audit_chain(&self, ctx: &Context<'_>) -> AppResult<AuditChainStatus> {
        let (st, actor, _) = ctx::parts(ctx)?;
        let s = audit::verify(st, actor).await?;
        Ok(AuditChainStatus {
            valid: s.valid,
            entries: i32::try_from(s.entries).unwrap_or(i32::MAX),
            first_broken_id: s.first_broken_id.map(|i| ID(i.to_string())),
        })
    }
}
