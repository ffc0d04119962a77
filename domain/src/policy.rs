//! THE access matrix of spec §6, as pure functions of the viewer and the
//! record. Everything that decides who may see or do what goes through here;
//! the service layer turns the same answers into SQL scopes, so lists, single
//! reads and field values cannot disagree.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Staff,
    DepartmentHead,
    Administration,
    Hr,
    Analyst,
    SystemAdmin,
}

impl Role {
    pub const ALL: [Role; 6] =
        [Self::Staff, Self::DepartmentHead, Self::Administration, Self::Hr, Self::Analyst, Self::SystemAdmin];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Staff => "STAFF",
            Self::DepartmentHead => "DEPARTMENT_HEAD",
            Self::Administration => "ADMINISTRATION",
            Self::Hr => "HR",
            Self::Analyst => "ANALYST",
            Self::SystemAdmin => "SYSTEM_ADMIN",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown role")]
pub struct UnknownRole;

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|r| r.as_str() == s).ok_or(UnknownRole)
    }
}

/// The signed-in employee as authorization sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewer {
    pub employee_id: i64,
    pub department_id: i64,
    pub roles: Vec<Role>,
}

impl Viewer {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
    fn has_any(&self, roles: &[Role]) -> bool {
        roles.iter().any(|r| self.has(*r))
    }
}

/// How much of a sensitive field a viewer gets. Ordered so that the widest of
/// several roles is the maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FieldAccess {
    Forbidden,
    Masked,
    Full,
}

/// Operations gated by role alone (the record-dependent checks are below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capability {
    /// Record calls, transfers, inquiries, leads, complaints; submit numbers.
    RecordCalls,
    /// Read call records at all (lists and single reads, then scoped).
    ReadCalls,
    /// Read follow-ups (scoped like calls).
    ReadFollowUps,
    /// Read departments, employees, SLA table and calendar.
    ReadOrganisation,
    /// Create departments and employees, change them, set heads.
    ManageOrganisation,
    WriteSla,
    WriteCalendar,
    ReadAudit,
}

const CALL_ROLES: [Role; 3] = [Role::Staff, Role::DepartmentHead, Role::Administration];

pub fn allows(viewer: &Viewer, capability: Capability) -> bool {
    use Capability::*;
    match capability {
        RecordCalls | ReadCalls | ReadFollowUps => viewer.has_any(&CALL_ROLES),
        ReadOrganisation => !viewer.roles.is_empty(),
        ManageOrganisation | WriteSla => viewer.has(Role::SystemAdmin),
        WriteCalendar => viewer.has_any(&[Role::Administration, Role::SystemAdmin]),
        ReadAudit => viewer.has(Role::Administration),
    }
}

/// What the policy needs to know about a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallFacts {
    pub handler_id: Option<i64>,
    pub department_id: Option<i64>,
    pub confidential: bool,
}

/// Which calls a viewer may see, as a disjunction the service turns into SQL
/// and `can_see_call` evaluates in memory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CallScope {
    pub all: bool,
    /// Calls this employee handled (confidential or not).
    pub handled_by: Option<i64>,
    /// Every call of this department, confidential ones included.
    pub department_all: Option<i64>,
    /// Non-confidential calls of this department.
    pub department_open: Option<i64>,
}

/// `None`: the viewer has no access to calls at all (FORBIDDEN on the query).
pub fn call_scope(viewer: &Viewer) -> Option<CallScope> {
    if !allows(viewer, Capability::ReadCalls) {
        return None;
    }
    let mut scope = CallScope::default();
    if viewer.has(Role::Administration) {
        scope.all = true;
    }
    if viewer.has(Role::DepartmentHead) {
        scope.department_all = Some(viewer.department_id);
    }
    if viewer.has(Role::Staff) {
        scope.handled_by = Some(viewer.employee_id);
        scope.department_open = Some(viewer.department_id);
    }
    Some(scope)
}

impl CallScope {
    pub fn contains(&self, call: &CallFacts) -> bool {
        self.all
            || (self.handled_by.is_some() && call.handler_id == self.handled_by)
            || (self.department_all.is_some() && call.department_id == self.department_all)
            || (!call.confidential && self.department_open.is_some() && call.department_id == self.department_open)
    }
}

pub fn can_see_call(viewer: &Viewer, call: &CallFacts) -> bool {
    call_scope(viewer).is_some_and(|s| s.contains(call))
}

/// `callerNumber` and `callerName` of a call the viewer can see.
pub fn caller_identity_access(viewer: &Viewer, call: &CallFacts) -> FieldAccess {
    if !can_see_call(viewer, call) {
        return FieldAccess::Forbidden;
    }
    if viewer.has_any(&[Role::Administration, Role::DepartmentHead]) {
        return FieldAccess::Full;
    }
    if call.handler_id == Some(viewer.employee_id) { FieldAccess::Full } else { FieldAccess::Masked }
}

/// Whether the viewer may filter calls by an exact caller number: only over
/// calls whose numbers they see in full, or the filter would reveal them.
/// Returns the restriction to apply: `None` = no restriction needed,
/// `Some(id)` = only calls handled by that employee.
pub fn caller_number_filter_restriction(viewer: &Viewer) -> Option<i64> {
    if viewer.has_any(&[Role::Administration, Role::DepartmentHead]) { None } else { Some(viewer.employee_id) }
}

/// Change a call's record or complete its callback: the handler, the head of
/// its department, or administration.
pub fn can_edit_call(viewer: &Viewer, call: &CallFacts) -> bool {
    if !allows(viewer, Capability::RecordCalls) || !can_see_call(viewer, call) {
        return false;
    }
    viewer.has(Role::Administration)
        || call.handler_id == Some(viewer.employee_id)
        || (viewer.has(Role::DepartmentHead) && call.department_id == Some(viewer.department_id))
}

/// Whether a call may be recorded with this handler: oneself, someone of
/// one's own department, or anyone for administration.
pub fn can_record_for(viewer: &Viewer, handler_id: i64, handler_department_id: i64) -> bool {
    allows(viewer, Capability::RecordCalls)
        && (handler_id == viewer.employee_id
            || viewer.has(Role::Administration)
            || handler_department_id == viewer.department_id)
}

/// `Employee.email` and `Employee.mobile`.
pub fn employee_contact_access(viewer: &Viewer, subject_id: i64) -> FieldAccess {
    if subject_id == viewer.employee_id {
        return FieldAccess::Full;
    }
    viewer
        .roles
        .iter()
        .map(|role| match role {
            Role::Hr | Role::SystemAdmin => FieldAccess::Full,
            Role::Staff | Role::DepartmentHead | Role::Administration => FieldAccess::Masked,
            Role::Analyst => FieldAccess::Forbidden,
        })
        .max()
        .unwrap_or(FieldAccess::Forbidden)
}

/// What the policy needs to know about a follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FollowUpFacts {
    pub assignee_id: Option<i64>,
    pub department_id: Option<i64>,
}

/// Follow-ups: one's own, one's department's (staff and heads), all for
/// administration. `None`: no access at all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FollowUpScope {
    pub all: bool,
    pub assignee: Option<i64>,
    pub department: Option<i64>,
}

pub fn follow_up_scope(viewer: &Viewer) -> Option<FollowUpScope> {
    if !allows(viewer, Capability::ReadFollowUps) {
        return None;
    }
    Some(FollowUpScope {
        all: viewer.has(Role::Administration),
        assignee: Some(viewer.employee_id),
        department: Some(viewer.department_id),
    })
}

impl FollowUpScope {
    pub fn contains(&self, f: &FollowUpFacts) -> bool {
        self.all
            || (self.assignee.is_some() && f.assignee_id == self.assignee)
            || (self.department.is_some() && f.department_id == self.department)
    }
}

/// Complete a follow-up: its assignee, the head of its department, or
/// administration.
pub fn can_complete_follow_up(viewer: &Viewer, f: &FollowUpFacts) -> bool {
    allows(viewer, Capability::RecordCalls)
        && (viewer.has(Role::Administration)
            || f.assignee_id == Some(viewer.employee_id)
            || (viewer.has(Role::DepartmentHead) && f.department_id == Some(viewer.department_id)))
}

/// What the policy needs to know about a complaint.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ComplaintFacts {
    pub recorded_by: Option<i64>,
    pub forwarded_to: Option<i64>,
    pub involved_departments: Vec<i64>,
}

/// `Complaint.details` and `complainantName`: the recording handler,
/// a head it was forwarded to or whose department is involved, and
/// administration read them; everyone else gets FORBIDDEN.
pub fn complaint_sensitive_access(viewer: &Viewer, c: &ComplaintFacts) -> FieldAccess {
    let full = viewer.has(Role::Administration)
        || (allows(viewer, Capability::RecordCalls) && c.recorded_by == Some(viewer.employee_id))
        || (viewer.has(Role::DepartmentHead)
            && (c.forwarded_to == Some(viewer.employee_id) || c.involved_departments.contains(&viewer.department_id)));
    if full { FieldAccess::Full } else { FieldAccess::Forbidden }
}

/// What the policy needs to know about a cooperation lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeadFacts {
    pub recorded_by: Option<i64>,
    pub department_id: i64,
}

/// `CooperationLead.content` (a trade secret): the recording handler, the
/// head of the lead's department, and administration.
pub fn lead_content_access(viewer: &Viewer, l: &LeadFacts) -> FieldAccess {
    let full = viewer.has(Role::Administration)
        || (allows(viewer, Capability::RecordCalls) && l.recorded_by == Some(viewer.employee_id))
        || (viewer.has(Role::DepartmentHead) && l.department_id == viewer.department_id);
    if full { FieldAccess::Full } else { FieldAccess::Forbidden }
}

#[cfg(test)]
#[path = "policy_tests.rs"]
mod tests;
