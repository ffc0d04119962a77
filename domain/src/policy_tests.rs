#![allow(clippy::unwrap_used)]
use super::*;
use FieldAccess::*;

const ME: i64 = 1;
const COLLEAGUE: i64 = 2;
const OUTSIDER: i64 = 3;
const MY_DEPT: i64 = 10;
const OTHER_DEPT: i64 = 20;

fn viewer(roles: &[Role]) -> Viewer {
    Viewer { employee_id: ME, department_id: MY_DEPT, roles: roles.to_vec() }
}

fn call(handler: i64, dept: i64, confidential: bool) -> CallFacts {
    CallFacts { handler_id: Some(handler), department_id: Some(dept), confidential }
}

/// (role, own call, colleague's call, colleague's confidential call, other department's call)
/// → caller identity access; Forbidden also means the call is invisible.
#[test]
fn every_role_sees_caller_identity_as_the_matrix_says() {
    let table: [(Role, [FieldAccess; 4]); 6] = [
        (Role::Staff, [Full, Masked, Forbidden, Forbidden]),
        (Role::DepartmentHead, [Full, Full, Full, Forbidden]),
        (Role::Administration, [Full, Full, Full, Full]),
        (Role::Hr, [Forbidden; 4]),
        (Role::Analyst, [Forbidden; 4]),
        (Role::SystemAdmin, [Forbidden; 4]),
    ];
    let calls = [
        call(ME, MY_DEPT, false),
        call(COLLEAGUE, MY_DEPT, false),
        call(COLLEAGUE, MY_DEPT, true),
        call(OUTSIDER, OTHER_DEPT, false),
    ];
    for (role, expected) in table {
        let v = viewer(&[role]);
        for (c, want) in calls.iter().zip(expected) {
            assert_eq!(caller_identity_access(&v, c), want, "{role} on {c:?}");
            assert_eq!(can_see_call(&v, c), want != Forbidden, "{role} sees {c:?}");
        }
    }
}

#[test]
fn a_confidential_call_is_visible_to_its_handler_even_as_plain_staff() {
    let v = viewer(&[Role::Staff]);
    assert!(can_see_call(&v, &call(ME, OTHER_DEPT, true)));
    assert!(!can_see_call(&v, &call(COLLEAGUE, MY_DEPT, true)));
}

#[test]
fn roles_add_up_to_the_widest_view() {
    let v = viewer(&[Role::Staff, Role::DepartmentHead]);
    assert_eq!(caller_identity_access(&v, &call(COLLEAGUE, MY_DEPT, false)), Full);
    assert!(can_see_call(&v, &call(COLLEAGUE, MY_DEPT, true)));
    let hr_staff = viewer(&[Role::Hr, Role::Staff]);
    assert!(call_scope(&hr_staff).is_some());
}

#[test]
fn roles_without_call_access_get_no_scope_at_all() {
    for role in [Role::Hr, Role::Analyst, Role::SystemAdmin] {
        assert_eq!(call_scope(&viewer(&[role])), None, "{role}");
        assert!(!allows(&viewer(&[role]), Capability::RecordCalls));
    }
}

#[test]
fn every_role_sees_employee_contact_data_as_the_matrix_says() {
    let table = [
        (Role::Staff, Masked),
        (Role::DepartmentHead, Masked),
        (Role::Administration, Masked),
        (Role::Hr, Full),
        (Role::Analyst, Forbidden),
        (Role::SystemAdmin, Full),
    ];
    for (role, want) in table {
        let v = viewer(&[role]);
        assert_eq!(employee_contact_access(&v, COLLEAGUE), want, "{role} on a colleague");
        assert_eq!(employee_contact_access(&v, ME), Full, "{role} on self");
    }
    assert_eq!(employee_contact_access(&viewer(&[Role::Analyst, Role::Staff]), COLLEAGUE), Masked);
    assert_eq!(employee_contact_access(&viewer(&[]), COLLEAGUE), Forbidden);
}

#[test]
fn only_administration_reads_the_audit_log() {
    for role in Role::ALL {
        assert_eq!(allows(&viewer(&[role]), Capability::ReadAudit), role == Role::Administration);
    }
}

#[test]
fn organisation_and_sla_are_written_by_system_admin_and_the_calendar_also_by_administration() {
    for role in Role::ALL {
        let v = viewer(&[role]);
        assert_eq!(allows(&v, Capability::ManageOrganisation), role == Role::SystemAdmin);
        assert_eq!(allows(&v, Capability::WriteSla), role == Role::SystemAdmin);
        assert_eq!(allows(&v, Capability::WriteCalendar), matches!(role, Role::SystemAdmin | Role::Administration));
        assert!(allows(&v, Capability::ReadOrganisation));
    }
}

#[test]
fn calls_are_edited_by_their_handler_their_head_or_administration() {
    let colleague_call = call(COLLEAGUE, MY_DEPT, false);
    assert!(!can_edit_call(&viewer(&[Role::Staff]), &colleague_call));
    assert!(can_edit_call(&viewer(&[Role::Staff]), &call(ME, MY_DEPT, false)));
    assert!(can_edit_call(&viewer(&[Role::DepartmentHead]), &colleague_call));
    assert!(can_edit_call(&viewer(&[Role::Administration]), &call(OUTSIDER, OTHER_DEPT, true)));
    assert!(!can_edit_call(&viewer(&[Role::DepartmentHead]), &call(OUTSIDER, OTHER_DEPT, false)));
}

#[test]
fn staff_record_calls_for_themselves_and_their_department_only() {
    let v = viewer(&[Role::Staff]);
    assert!(can_record_for(&v, ME, MY_DEPT));
    assert!(can_record_for(&v, COLLEAGUE, MY_DEPT));
    assert!(!can_record_for(&v, OUTSIDER, OTHER_DEPT));
    assert!(can_record_for(&viewer(&[Role::Administration]), OUTSIDER, OTHER_DEPT));
    assert!(!can_record_for(&viewer(&[Role::Hr]), ME, MY_DEPT));
}

#[test]
fn plain_staff_may_filter_by_number_only_over_their_own_calls() {
    assert_eq!(caller_number_filter_restriction(&viewer(&[Role::Staff])), Some(ME));
    assert_eq!(caller_number_filter_restriction(&viewer(&[Role::DepartmentHead])), None);
    assert_eq!(caller_number_filter_restriction(&viewer(&[Role::Administration])), None);
}

#[test]
fn follow_ups_are_scoped_to_assignee_department_or_administration() {
    let mine = FollowUpFacts { assignee_id: Some(ME), department_id: Some(OTHER_DEPT) };
    let dept = FollowUpFacts { assignee_id: Some(COLLEAGUE), department_id: Some(MY_DEPT) };
    let other = FollowUpFacts { assignee_id: Some(OUTSIDER), department_id: Some(OTHER_DEPT) };
    let staff = follow_up_scope(&viewer(&[Role::Staff])).unwrap();
    assert!(staff.contains(&mine) && staff.contains(&dept) && !staff.contains(&other));
    assert!(follow_up_scope(&viewer(&[Role::Administration])).unwrap().contains(&other));
    assert!(follow_up_scope(&viewer(&[Role::Hr])).is_none());
    assert!(can_complete_follow_up(&viewer(&[Role::Staff]), &mine));
    assert!(!can_complete_follow_up(&viewer(&[Role::Staff]), &dept));
    assert!(can_complete_follow_up(&viewer(&[Role::DepartmentHead]), &dept));
}

#[test]
fn roles_round_trip_through_their_names() {
    for r in Role::ALL {
        assert_eq!(r.as_str().parse::<Role>(), Ok(r));
    }
    assert!("ROOT".parse::<Role>().is_err());
}

#[test]
fn complaint_details_follow_the_matrix_for_every_role() {
    let recorded_by_me =
        ComplaintFacts { recorded_by: Some(ME), forwarded_to: Some(OUTSIDER), involved_departments: vec![OTHER_DEPT] };
    let forwarded_to_me =
        ComplaintFacts { recorded_by: Some(COLLEAGUE), forwarded_to: Some(ME), involved_departments: vec![OTHER_DEPT] };
    let my_dept_involved = ComplaintFacts {
        recorded_by: Some(COLLEAGUE),
        forwarded_to: Some(OUTSIDER),
        involved_departments: vec![MY_DEPT],
    };
    let unrelated = ComplaintFacts {
        recorded_by: Some(COLLEAGUE),
        forwarded_to: Some(OUTSIDER),
        involved_departments: vec![OTHER_DEPT],
    };
    let table: [(Role, [FieldAccess; 4]); 6] = [
        (Role::Staff, [Full, Forbidden, Forbidden, Forbidden]),
        (Role::DepartmentHead, [Full, Full, Full, Forbidden]),
        (Role::Administration, [Full, Full, Full, Full]),
        (Role::Hr, [Forbidden; 4]),
        (Role::Analyst, [Forbidden; 4]),
        (Role::SystemAdmin, [Forbidden; 4]),
    ];
    for (role, want) in table {
        let v = viewer(&[role]);
        let got = [&recorded_by_me, &forwarded_to_me, &my_dept_involved, &unrelated]
            .map(|c| complaint_sensitive_access(&v, c));
        assert_eq!(got, want, "{role}");
    }
}

#[test]
fn cooperation_content_follows_the_matrix_for_every_role() {
    let mine = LeadFacts { recorded_by: Some(ME), department_id: OTHER_DEPT };
    let my_dept = LeadFacts { recorded_by: Some(COLLEAGUE), department_id: MY_DEPT };
    let other = LeadFacts { recorded_by: Some(OUTSIDER), department_id: OTHER_DEPT };
    let table: [(Role, [FieldAccess; 3]); 6] = [
        (Role::Staff, [Full, Forbidden, Forbidden]),
        (Role::DepartmentHead, [Full, Full, Forbidden]),
        (Role::Administration, [Full, Full, Full]),
        (Role::Hr, [Forbidden; 3]),
        (Role::Analyst, [Forbidden; 3]),
        (Role::SystemAdmin, [Forbidden; 3]),
    ];
    for (role, want) in table {
        let v = viewer(&[role]);
        assert_eq!([&mine, &my_dept, &other].map(|l| lead_content_access(&v, l)), want, "{role}");
    }
}
