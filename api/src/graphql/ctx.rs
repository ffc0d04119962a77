//! Reading the request's state and actor from the GraphQL context.

use std::sync::Arc;

use async_graphql::Context;

use crate::auth::{Actor, Session};
use crate::error::{AppError, AppResult};
use crate::service::RequestMeta;
use crate::service::audit::ReadLog;
use crate::state::AppState;

/// Put into every request's data by the HTTP handler.
pub struct RequestData {
    pub session: Session,
    pub meta: RequestMeta,
    pub reads: Arc<ReadLog>,
}

fn missing(what: &str) -> AppError {
    AppError::internal(anyhow::anyhow!("{what} missing from the request context"))
}

pub fn state<'a>(ctx: &Context<'a>) -> AppResult<&'a AppState> {
    ctx.data::<AppState>().map_err(|_| missing("state"))
}

pub fn request<'a>(ctx: &Context<'a>) -> AppResult<&'a RequestData> {
    ctx.data::<RequestData>().map_err(|_| missing("request data"))
}

pub fn actor<'a>(ctx: &Context<'a>) -> AppResult<&'a Actor> {
    request(ctx)?.session.actor()
}

/// State, actor and request facts: what a use case needs.
pub fn parts<'a>(ctx: &Context<'a>) -> AppResult<(&'a AppState, &'a Actor, &'a RequestMeta)> {
    let req = request(ctx)?;
    Ok((state(ctx)?, req.session.actor()?, &req.meta))
}

/// A denied field: null in the response (not missing, as the GraphQL spec
/// wants) with a FORBIDDEN error on its path; the rest stays intact.
pub fn forbidden_field<T>(ctx: &Context<'_>) -> Option<T> {
    let mut err = async_graphql::ServerError::new("forbidden", Some(ctx.item.pos));
    let mut ext = async_graphql::ErrorExtensionValues::default();
    ext.set("code", "FORBIDDEN");
    err.extensions = Some(ext);
    ctx.add_error(ctx.set_error_path(err));
    None
}
