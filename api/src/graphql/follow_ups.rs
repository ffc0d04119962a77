//! Area root: follow-ups, SLA and calendar.

use async_graphql::{Context, Object};
use chrono::{DateTime, NaiveDate, Utc};

use super::ctx;
use super::enums::FollowUpKind;
use super::inputs::{CompleteFollowUpInput, FollowUpFilter};
use super::scalars::Date;
use super::types::connection::FollowUpConnection;
use super::types::follow_up::FollowUp;
use super::types::settings::{BusinessCalendar, SlaPolicy};
use crate::error::{AppError, AppResult};
use crate::service::page::PageArgs;
use crate::service::scope::require;
use crate::service::{follow_ups, parse_id, settings};
use domain::policy::Capability;

#[derive(Default)]
pub struct FollowUpQuery;

#[Object]
impl FollowUpQuery {
    /// Follow-ups in the viewer's scope, soonest due first.
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity + 1")]
    async fn follow_ups(
        &self,
        ctx: &Context<'_>,
        filter: Option<FollowUpFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<FollowUpConnection> {
        let (st, actor, _) = ctx::parts(ctx)?;
        let page = follow_ups::list(
            st,
            actor,
            filter.unwrap_or_default().into(),
            PageArgs::forward(first, after).counting(ctx.look_ahead().field("totalCount").exists()),
        )
        .await?;
        Ok(FollowUpConnection::from_page(page, FollowUp))
    }

    async fn sla_policies(&self, ctx: &Context<'_>) -> AppResult<Vec<SlaPolicy>> {
        let (st, actor, _) = ctx::parts(ctx)?;
        Ok(settings::sla_policies(st, actor)
            .await?
            .into_iter()
            .map(|(kind, working_minutes)| SlaPolicy { kind: kind.into(), working_minutes })
            .collect())
    }

    async fn business_calendar(&self, ctx: &Context<'_>) -> AppResult<BusinessCalendar> {
        let (st, actor, _) = ctx::parts(ctx)?;
        Ok(settings::calendar(st, actor).await?.into())
    }

    /// `from` plus working minutes, counted only inside working hours on
    /// working days.
    async fn working_deadline(
        &self,
        ctx: &Context<'_>,
        from: DateTime<Utc>,
        working_minutes: i32,
    ) -> AppResult<DateTime<Utc>> {
        let (st, actor, _) = ctx::parts(ctx)?;
        settings::working_deadline(st, actor, from, working_minutes).await
    }
}

#[derive(Default)]
pub struct FollowUpMutation;

#[Object]
impl FollowUpMutation {
    async fn complete_follow_up(&self, ctx: &Context<'_>, input: CompleteFollowUpInput) -> AppResult<FollowUp> {
        let (st, actor, meta) = ctx::parts(ctx)?;
        require(actor, Capability::RecordCalls)?;
        let id = parse_id(&input.id).ok_or(AppError::NotFound)?;
        let done = follow_ups::complete(
            st,
            actor,
            meta,
            follow_ups::Completion { id, version: input.version, notes: input.notes },
        )
        .await?;
        Ok(FollowUp(done))
    }

    /// Applies to follow-ups created afterwards.
    async fn update_sla_policy(
        &self,
        ctx: &Context<'_>,
        kind: FollowUpKind,
        working_minutes: i32,
    ) -> AppResult<SlaPolicy> {
        let (st, actor, meta) = ctx::parts(ctx)?;
        require(actor, Capability::WriteSla)?;
        let (kind, working_minutes) =
            settings::update_sla_policy(st, actor, meta, kind.into(), working_minutes).await?;
        Ok(SlaPolicy { kind: kind.into(), working_minutes })
    }

    /// Replaces the lists of holidays (weekdays off) and make-up workdays.
    async fn set_calendar_days(
        &self,
        ctx: &Context<'_>,
        holidays: Vec<Date>,
        make_up_workdays: Vec<Date>,
    ) -> AppResult<BusinessCalendar> {
        let (st, actor, meta) = ctx::parts(ctx)?;
        require(actor, Capability::WriteCalendar)?;
        let days = |v: Vec<Date>| -> Vec<NaiveDate> { v.into_iter().map(|d| d.0).collect() };
        Ok(settings::set_calendar_days(st, actor, meta, days(holidays), days(make_up_workdays)).await?.into())
    }
}
