//! GraphQL input types and their conversion into the services' inputs.

use async_graphql::{ID, InputObject};
use chrono::{DateTime, Utc};

use super::enums::{CallCategory, CallOrderField, CallStatus, FollowUpKind, FollowUpStatus, OrderDirection, Role};
use crate::error::AppResult;
use crate::service::{audit, call_list, calls, follow_ups, parse_id, people, require_id};

#[derive(InputObject)]
pub struct CreateDepartmentInput {
    pub code: String,
    pub name: String,
    pub is_administration: Option<bool>,
    pub head_id: Option<ID>,
}

impl CreateDepartmentInput {
    pub fn into_service(self) -> AppResult<people::NewDepartment> {
        Ok(people::NewDepartment {
            code: self.code.trim().to_owned(),
            name: self.name,
            is_administration: self.is_administration.unwrap_or(false),
            head_id: self.head_id.map(|h| require_id(&h, "headId")).transpose()?,
        })
    }
}

#[derive(InputObject)]
pub struct CreateEmployeeInput {
    pub employee_no: String,
    pub name: String,
    pub department_id: ID,
    pub roles: Vec<Role>,
    pub extension: Option<String>,
    pub email: Option<String>,
    pub mobile: Option<String>,
    #[graphql(secret)]
    pub initial_password: String,
}

impl CreateEmployeeInput {
    pub fn into_service(self) -> AppResult<people::NewEmployee> {
        Ok(people::NewEmployee {
            employee_no: self.employee_no.trim().to_owned(),
            name: self.name,
            department_id: require_id(&self.department_id, "departmentId")?,
            roles: self.roles.into_iter().map(Into::into).collect(),
            extension: self.extension,
            email: self.email,
            mobile: self.mobile,
            initial_password: self.initial_password,
        })
    }
}

#[derive(InputObject)]
pub struct UpdateEmployeeInput {
    pub id: ID,
    pub version: i32,
    pub name: Option<String>,
    pub department_id: Option<ID>,
    pub roles: Option<Vec<Role>>,
    pub extension: Option<String>,
    pub email: Option<String>,
    pub mobile: Option<String>,
    pub active: Option<bool>,
}

impl UpdateEmployeeInput {
    pub fn into_service(self) -> AppResult<people::EmployeeChanges> {
        Ok(people::EmployeeChanges {
            id: parse_id(&self.id).ok_or(crate::error::AppError::NotFound)?,
            version: self.version,
            name: self.name,
            department_id: self.department_id.map(|d| require_id(&d, "departmentId")).transpose()?,
            roles: self.roles.map(|r| r.into_iter().map(Into::into).collect()),
            extension: self.extension,
            email: self.email,
            mobile: self.mobile,
            active: self.active,
        })
    }
}

#[derive(InputObject)]
pub struct RecordCallInput {
    pub received_at: DateTime<Utc>,
    /// Omit for a missed call.
    pub answered_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    pub ring_count: Option<i32>,
    pub caller_number: String,
    pub caller_name: Option<String>,
    pub caller_organization: Option<String>,
    pub reason: String,
    pub category: Option<CallCategory>,
    pub notes: Option<String>,
    pub important: Option<bool>,
    pub key_facts_confirmed: Option<bool>,
    pub greeting_given: Option<bool>,
    pub confidential: Option<bool>,
    /// Defaults to the caller of the mutation.
    pub handler_id: Option<ID>,
    pub idempotency_key: Option<String>,
}

impl RecordCallInput {
    pub fn into_service(self) -> AppResult<calls::NewCall> {
        Ok(calls::NewCall {
            received_at: self.received_at,
            answered_at: self.answered_at,
            ended_at: self.ended_at,
            ring_count: self.ring_count,
            caller_number: self.caller_number,
            caller_name: self.caller_name,
            caller_organization: self.caller_organization,
            reason: self.reason,
            category: self.category.map(CallCategory::as_str),
            notes: self.notes,
            important: self.important,
            key_facts_confirmed: self.key_facts_confirmed,
            greeting_given: self.greeting_given,
            confidential: self.confidential,
            handler_id: self.handler_id.map(|h| require_id(&h, "handlerId")).transpose()?,
            idempotency_key: self.idempotency_key,
        })
    }
}

#[derive(InputObject)]
pub struct UpdateCallInput {
    pub id: ID,
    pub version: i32,
    pub ended_at: Option<DateTime<Utc>>,
    pub caller_name: Option<String>,
    pub caller_organization: Option<String>,
    pub reason: Option<String>,
    pub category: Option<CallCategory>,
    pub notes: Option<String>,
    pub important: Option<bool>,
    pub key_facts_confirmed: Option<bool>,
    pub confidential: Option<bool>,
}

impl UpdateCallInput {
    pub fn into_service(self) -> AppResult<calls::CallChanges> {
        Ok(calls::CallChanges {
            id: parse_id(&self.id).ok_or(crate::error::AppError::NotFound)?,
            version: self.version,
            ended_at: self.ended_at,
            caller_name: self.caller_name,
            caller_organization: self.caller_organization,
            reason: self.reason,
            category: self.category.map(CallCategory::as_str),
            notes: self.notes,
            important: self.important,
            key_facts_confirmed: self.key_facts_confirmed,
            confidential: self.confidential,
        })
    }
}

#[derive(InputObject)]
pub struct CompleteCallbackInput {
    pub call_id: ID,
    pub called_back_at: DateTime<Utc>,
    /// The caller was told why the call was missed.
    pub reason_explained: bool,
    pub notes: Option<String>,
}

impl CompleteCallbackInput {
    pub fn into_service(self) -> AppResult<calls::Callback> {
        Ok(calls::Callback {
            call_id: parse_id(&self.call_id).ok_or(crate::error::AppError::NotFound)?,
            called_back_at: self.called_back_at,
            reason_explained: self.reason_explained,
            notes: self.notes,
        })
    }
}

#[derive(InputObject, Default)]
pub struct CallFilter {
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub category: Option<CallCategory>,
    pub status: Option<CallStatus>,
    pub handler_id: Option<ID>,
    pub department_id: Option<ID>,
    pub important: Option<bool>,
    pub record_complete: Option<bool>,
    /// Exact match on the normalised number; needs the right to see numbers.
    pub caller_number: Option<String>,
    /// Reason, notes, caller organisation.
    pub search: Option<String>,
}

/// An id that cannot exist filters to nothing rather than erroring.
fn filter_id(id: Option<ID>) -> Option<i64> {
    id.map(|i| parse_id(&i).unwrap_or(-1))
}

impl From<CallFilter> for call_list::CallFilter {
    fn from(f: CallFilter) -> Self {
        Self {
            from: f.from,
            to: f.to,
            category: f.category.map(CallCategory::as_str),
            status: f.status.map(CallStatus::as_str),
            handler_id: filter_id(f.handler_id),
            department_id: filter_id(f.department_id),
            important: f.important,
            record_complete: f.record_complete,
            caller_number: f.caller_number,
            search: f.search,
        }
    }
}

#[derive(InputObject)]
pub struct CallOrder {
    pub field: CallOrderField,
    pub direction: OrderDirection,
}

impl From<Option<CallOrder>> for call_list::CallOrder {
    fn from(o: Option<CallOrder>) -> Self {
        match o {
            None => Self::ReceivedAtDesc,
            Some(CallOrder { field: CallOrderField::ReceivedAt, direction: OrderDirection::Asc }) => {
                Self::ReceivedAtAsc
            }
            Some(CallOrder { field: CallOrderField::ReceivedAt, direction: OrderDirection::Desc }) => {
                Self::ReceivedAtDesc
            }
            Some(CallOrder { field: CallOrderField::RingCount, direction: OrderDirection::Asc }) => Self::RingCountAsc,
            Some(CallOrder { field: CallOrderField::RingCount, direction: OrderDirection::Desc }) => {
                Self::RingCountDesc
            }
        }
    }
}

#[derive(InputObject, Default)]
pub struct FollowUpFilter {
    pub kind: Option<FollowUpKind>,
    pub status: Option<FollowUpStatus>,
    pub assignee_id: Option<ID>,
    pub department_id: Option<ID>,
    pub overdue: Option<bool>,
    pub due_before: Option<DateTime<Utc>>,
}

impl From<FollowUpFilter> for follow_ups::FollowUpFilter {
    fn from(f: FollowUpFilter) -> Self {
        Self {
            kind: f.kind.map(Into::into),
            status: f.status.map(FollowUpStatus::as_str),
            assignee_id: filter_id(f.assignee_id),
            department_id: filter_id(f.department_id),
            overdue: f.overdue,
            due_before: f.due_before,
        }
    }
}

#[derive(InputObject)]
pub struct CompleteFollowUpInput {
    pub id: ID,
    pub version: i32,
    pub notes: Option<String>,
}

#[derive(InputObject, Default)]
pub struct AuditFilter {
    pub actor_id: Option<ID>,
    pub action: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

impl From<AuditFilter> for audit::AuditFilter {
    fn from(f: AuditFilter) -> Self {
        Self {
            actor_id: filter_id(f.actor_id),
            action: f.action,
            entity_type: f.entity_type,
            entity_id: f.entity_id,
            from: f.from,
            to: f.to,
        }
    }
}
