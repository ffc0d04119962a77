//! Row visibility as SQL: the policy's scopes turned into conditions that
//! every list and single read starts from, so what a list shows and what
//! `call(id)` returns cannot disagree.

use domain::policy::{self, CallScope, FollowUpScope};
use entity::{call, follow_up};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, Select};

use crate::auth::Actor;
use crate::error::{AppError, AppResult};

fn call_condition(scope: &CallScope) -> Condition {
    if scope.all {
        return Condition::all();
    }
    let mut any = Condition::any();
    if let Some(h) = scope.handled_by {
        any = any.add(call::Column::HandlerId.eq(h));
    }
    if let Some(d) = scope.department_all {
        any = any.add(call::Column::DepartmentId.eq(d));
    }
    if let Some(d) = scope.department_open {
        any = any.add(Condition::all().add(call::Column::DepartmentId.eq(d)).add(call::Column::Confidential.eq(false)));
    }
    any
}

/// The calls the actor may see; FORBIDDEN for roles without call access.
pub fn calls_visible_to(actor: &Actor) -> AppResult<Select<call::Entity>> {
    let scope = policy::call_scope(&actor.viewer).ok_or(AppError::Forbidden)?;
    Ok(call::Entity::find().filter(call_condition(&scope)))
}

fn follow_up_condition(scope: &FollowUpScope) -> Condition {
    if scope.all {
        return Condition::all();
    }
    let mut any = Condition::any();
    if let Some(a) = scope.assignee {
        any = any.add(follow_up::Column::AssigneeId.eq(a));
    }
    if let Some(d) = scope.department {
        any = any.add(follow_up::Column::DepartmentId.eq(d));
    }
    any
}

pub fn follow_ups_visible_to(actor: &Actor) -> AppResult<Select<follow_up::Entity>> {
    let scope = policy::follow_up_scope(&actor.viewer).ok_or(AppError::Forbidden)?;
    Ok(follow_up::Entity::find().filter(follow_up_condition(&scope)))
}

pub fn call_facts(c: &call::Model) -> policy::CallFacts {
    policy::CallFacts { handler_id: c.handler_id, department_id: c.department_id, confidential: c.confidential }
}

pub fn follow_up_facts(f: &follow_up::Model) -> policy::FollowUpFacts {
    policy::FollowUpFacts { assignee_id: f.assignee_id, department_id: f.department_id }
}

/// Requires a role-level capability.
pub fn require(actor: &Actor, capability: policy::Capability) -> AppResult<()> {
    if policy::allows(&actor.viewer, capability) { Ok(()) } else { Err(AppError::Forbidden) }
}
