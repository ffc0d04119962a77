pub mod audit;
pub mod call;
pub mod complaint;
pub mod connection;
pub mod cooperation;
pub mod follow_up;
pub mod inquiry;
pub mod people;
pub mod settings;
pub mod transfer;

use async_graphql::Context;

use super::loaders::Loaders;
use crate::error::{AppError, AppResult};

pub(crate) fn loaders<'a>(ctx: &Context<'a>) -> AppResult<&'a Loaders> {
    ctx.data::<Loaders>().map_err(|_| AppError::internal(anyhow::anyhow!("loaders missing")))
}

pub(crate) fn load_err(e: std::sync::Arc<AppError>) -> AppError {
    AppError::internal(anyhow::anyhow!("loader: {e}"))
}

pub(crate) async fn load_employee(ctx: &Context<'_>, id: Option<i64>) -> AppResult<Option<people::Employee>> {
    let Some(id) = id else { return Ok(None) };
    Ok(loaders(ctx)?.employees.load_one(id).await.map_err(load_err)?.map(people::Employee::new))
}

pub(crate) async fn load_department(ctx: &Context<'_>, id: Option<i64>) -> AppResult<Option<people::Department>> {
    let Some(id) = id else { return Ok(None) };
    Ok(loaders(ctx)?.departments.load_one(id).await.map_err(load_err)?.map(people::Department))
}

pub(crate) async fn load_call_model(ctx: &Context<'_>, id: i64) -> AppResult<Option<entity::call::Model>> {
    loaders(ctx)?.calls.load_one(id).await.map_err(load_err)
}

pub(crate) async fn load_call_follow_ups(ctx: &Context<'_>, call_id: i64) -> AppResult<Vec<entity::follow_up::Model>> {
    Ok(loaders(ctx)?.call_follow_ups.load_one(call_id).await.map_err(load_err)?.unwrap_or_default())
}

/// The call a record hangs off. Records are reached through visible calls,
/// but the check stays here so no path can skip it.
pub(crate) async fn visible_call(ctx: &Context<'_>, call_id: i64) -> AppResult<call::Call> {
    let actor = crate::graphql::ctx::actor(ctx)?;
    let model = load_call_model(ctx, call_id).await?.ok_or(AppError::NotFound)?;
    if domain::policy::can_see_call(&actor.viewer, &crate::service::scope::call_facts(&model)) {
        Ok(call::Call(model))
    } else {
        Err(AppError::NotFound)
    }
}
