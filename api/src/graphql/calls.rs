//! Area root: calls.

use async_graphql::{Context, ID, Object};

use super::ctx;
use super::inputs::{CallFilter, CallOrder, CompleteCallbackInput, RecordCallInput, UpdateCallInput};
use super::types::call::Call;
use super::types::connection::CallConnection;
use crate::error::AppResult;
use crate::service::page::PageArgs;
use crate::service::scope::require;
use crate::service::{call_list, calls, parse_id};
use domain::policy::Capability;

#[derive(Default)]
pub struct CallQuery;

#[Object]
impl CallQuery {
    /// A call in the viewer's scope; null when missing or out of scope alike.
    async fn call(&self, ctx: &Context<'_>, id: ID) -> AppResult<Option<Call>> {
        let (st, actor, _) = ctx::parts(ctx)?;
        Ok(calls::get_call(st, actor, parse_id(&id)).await?.map(Call))
    }

    /// Calls in the viewer's scope, newest first unless ordered otherwise.
    #[graphql(complexity = "first.or(last).unwrap_or(20).max(0) as usize * child_complexity + 1")]
    #[allow(clippy::too_many_arguments)]
    async fn calls(
        &self,
        ctx: &Context<'_>,
        filter: Option<CallFilter>,
        order_by: Option<CallOrder>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> AppResult<CallConnection> {
        let (st, actor, _) = ctx::parts(ctx)?;
        let page = call_list::list_calls(
            st,
            actor,
            filter.unwrap_or_default().into(),
            order_by.into(),
            PageArgs { first, after, last, before, skip_total: false }
                .counting(ctx.look_ahead().field("totalCount").exists()),
        )
        .await?;
        Ok(CallConnection::from_page(page, Call))
    }
}

#[derive(Default)]
pub struct CallMutation;

#[Object]
impl CallMutation {
    /// Records an incoming call; a call without answeredAt is MISSED and
    /// opens a callback follow-up for its handler.
    async fn record_call(&self, ctx: &Context<'_>, input: RecordCallInput) -> AppResult<Call> {
        let (st, actor, meta) = ctx::parts(ctx)?;
        require(actor, Capability::RecordCalls)?;
        Ok(Call(calls::record_call(st, actor, meta, input.into_service()?).await?))
    }

    async fn update_call(&self, ctx: &Context<'_>, input: UpdateCallInput) -> AppResult<Call> {
        let (st, actor, meta) = ctx::parts(ctx)?;
        require(actor, Capability::RecordCalls)?;
        Ok(Call(calls::update_call(st, actor, meta, input.into_service()?).await?))
    }

    /// The missed caller was called back and told why (P2.2).
    async fn complete_callback(&self, ctx: &Context<'_>, input: CompleteCallbackInput) -> AppResult<Call> {
        let (st, actor, meta) = ctx::parts(ctx)?;
        require(actor, Capability::RecordCalls)?;
        Ok(Call(calls::complete_callback(st, actor, meta, input.into_service()?).await?))
    }
}
