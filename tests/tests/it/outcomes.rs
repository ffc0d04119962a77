//! What a call leads to, read through the call: transfers, inquiry, lead,
//! complaint, with the confidentiality rules of spec §6 on lead content and
//! complaint details. The rows are written straight to the database because
//! the mutations that create them belong to later issues.

use chrono::{TimeZone, Utc};
use entity::{complaint, complaint_department, complaint_progress, cooperation_lead, inquiry, transfer};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};

use super::harness::{RECORD, TestApp, codes};

struct World {
    app: TestApp,
    call: String,
    recorder: String,
    colleague: String,
    head: String,
    outsider_head: String,
}

fn id(v: &str) -> i64 {
    v.parse().unwrap()
}

async fn world() -> World {
    let app = TestApp::new().await;
    let sales = app.create_department("SALES").await;
    let legal = app.create_department("LEGAL").await;
    let (recorder_id, recorder) = app.employee("rita", &sales, &["STAFF"]).await;
    let (_, colleague) = app.employee("carl", &sales, &["STAFF"]).await;
    let (_, head) = app.employee("hugo", &sales, &["STAFF", "DEPARTMENT_HEAD"]).await;
    let (_, outsider_head) = app.employee("olga", &legal, &["STAFF", "DEPARTMENT_HEAD"]).await;
    let call = app
        .ok(&recorder, RECORD, json!({"i": {"receivedAt": "2026-12-02T05:00:00Z", "answeredAt": "2026-12-02T05:00:05Z", "callerNumber": "13812345678", "reason": "complaint about delivery", "category": "COMPLAINT_SUGGESTION"}}))
        .await["recordCall"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let at = Utc.with_ymd_and_hms(2026, 12, 2, 5, 10, 0).unwrap();
    let c = complaint::ActiveModel {
        call_id: Set(id(&call)),
        kind: Set("COMPLAINT".into()),
        subject: Set("late delivery".into()),
        details: Set("driver was rude at gate 3".into()),
        complainant_name: Set(Some("王小明".into())),
        complainant_organization: Set(Some("ACME".into())),
        attitude_related: Set(true),
        forwarded_to: Set(None),
        forwarded_at: Set(at),
        investigation_due_at: Set(Utc.with_ymd_and_hms(2026, 12, 4, 5, 10, 0).unwrap()),
        status: Set("INVESTIGATING".into()),
        recorded_by: Set(Some(id(&recorder_id))),
        version: Set(1),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    complaint_department::ActiveModel { complaint_id: Set(c.id), department_id: Set(id(&sales)) }
        .insert(&app.db)
        .await
        .unwrap();
    complaint_progress::ActiveModel {
        complaint_id: Set(c.id),
        at: Set(at),
        author_id: Set(Some(id(&recorder_id))),
        note: Set("called the depot".into()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    cooperation_lead::ActiveModel {
        call_id: Set(id(&call)),
        intent: Set("distribution".into()),
        content: Set(Some("margin 12% in Jiangsu".into())),
        method: Set(Some("joint venture".into())),
        department_id: Set(id(&sales)),
        forwarded_to: Set(None),
        forwarded_at: Set(at),
        contact_due_at: Set(Utc.with_ymd_and_hms(2026, 12, 2, 5, 20, 0).unwrap()),
        contacted_at: Set(None),
        involves_contract: Set(false),
        status: Set("FORWARDED".into()),
        recorded_by: Set(Some(id(&recorder_id))),
        version: Set(1),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    inquiry::ActiveModel {
        call_id: Set(id(&call)),
        question: Set("opening hours".into()),
        answered_on_spot: Set(true),
        answer: Set(Some("9 to 6".into())),
        version: Set(1),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    transfer::ActiveModel {
        call_id: Set(id(&call)),
        from_employee_id: Set(id(&recorder_id)),
        to_department_id: Set(id(&legal)),
        reason: Set("legal question".into()),
        reason_explained_to_caller: Set(true),
        both_parties_informed: Set(false),
        target_reminded: Set(false),
        status: Set("REQUESTED".into()),
        requested_at: Set(at),
        version: Set(1),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    World { app, call, recorder, colleague, head, outsider_head }
}

const Q: &str = "query($id:ID!){ call(id:$id){ transfers { status reason toDepartment { code } fromEmployee { employeeNo } } inquiry { question answeredOnSpot overdue } cooperationLead { intent content overdue status } complaint { subject details complainantName complainantOrganization status overdue involvedDepartments { code } progress { note author { employeeNo } } } } }";

#[tokio::test]
async fn a_call_shows_what_it_led_to() {
    let w = world().await;
    let d = w.app.ok(&w.recorder, Q, json!({"id": w.call})).await;
    let c = &d["call"];
    assert_eq!(
        c["transfers"],
        json!([{"status": "REQUESTED", "reason": "legal question", "toDepartment": {"code": "LEGAL"}, "fromEmployee": {"employeeNo": "rita"}}])
    );
    assert_eq!(c["inquiry"], json!({"question": "opening hours", "answeredOnSpot": true, "overdue": false}));
    // The clock (14:00 Shanghai) is past the lead's contact due time.
    assert_eq!(
        c["cooperationLead"],
        json!({"intent": "distribution", "content": "margin 12% in Jiangsu", "overdue": true, "status": "FORWARDED"})
    );
    assert_eq!(c["complaint"]["involvedDepartments"], json!([{"code": "SALES"}]));
    assert_eq!(c["complaint"]["progress"], json!([{"note": "called the depot", "author": {"employeeNo": "rita"}}]));
    assert_eq!(c["complaint"]["overdue"], false);
}

/// (viewer, sees complaint details and name, sees lead content)
#[tokio::test]
async fn complaint_details_and_lead_content_are_seen_only_by_those_entitled() {
    let w = world().await;
    let admin = w.app.admin.clone();
    for (who, token, complaint_full, lead_full) in [
        ("recording handler", &w.recorder, true, true),
        ("colleague", &w.colleague, false, false),
        ("head of the involved department", &w.head, true, true),
        ("administration", &admin, true, true),
    ] {
        let body = w.app.gql(token, Q, json!({"id": w.call})).await;
        let c = &body["data"]["call"];
        assert_eq!(c["complaint"]["subject"], "late delivery", "{who}");
        assert_eq!(c["complaint"]["complainantOrganization"], "ACME", "{who}");
        let details: Value = if complaint_full { json!("driver was rude at gate 3") } else { Value::Null };
        let name: Value = if complaint_full { json!("王小明") } else { Value::Null };
        let content: Value = if lead_full { json!("margin 12% in Jiangsu") } else { Value::Null };
        assert_eq!(
            (&c["complaint"]["details"], &c["complaint"]["complainantName"], &c["cooperationLead"]["content"]),
            (&details, &name, &content),
            "{who}"
        );
        let expected_errors = if complaint_full { 0 } else { 2 } + if lead_full { 0 } else { 1 };
        assert_eq!(codes(&body), vec!["FORBIDDEN"; expected_errors], "{who}");
    }
    // A head of another department does not see the call at all.
    assert_eq!(w.app.ok(&w.outsider_head, Q, json!({"id": w.call})).await["call"], Value::Null);
}

#[tokio::test]
async fn reading_complaint_details_in_full_is_audited() {
    let w = world().await;
    w.app.ok(&w.head, "query($id:ID!){ call(id:$id){ complaint { details } } }", json!({"id": w.call})).await;
    let log = w.app.ok(&w.app.admin, "{ auditLog(filter:{entityType:\"Complaint\", action:\"read\"}){ totalCount edges { node { fields actor { employeeNo } } } } }", json!({})).await;
    assert_eq!(log["auditLog"]["totalCount"], 1);
    assert_eq!(log["auditLog"]["edges"][0]["node"], json!({"fields": ["details"], "actor": {"employeeNo": "hugo"}}));
}

#[tokio::test]
async fn an_inquiry_call_becomes_complete_once_its_inquiry_exists() {
    let app = TestApp::new().await;
    let c = app
        .ok(&app.admin, RECORD, json!({"i": {"receivedAt": "2026-12-02T05:00:00Z", "answeredAt": "2026-12-02T05:00:05Z", "callerNumber": "13812345678", "reason": "prices", "category": "BUSINESS_INQUIRY"}}))
        .await;
    assert_eq!(c["recordCall"]["missingFields"], json!(["inquiry"]));
    let call_id = c["recordCall"]["id"].as_str().unwrap().to_owned();
    let at = Utc.with_ymd_and_hms(2026, 12, 2, 5, 1, 0).unwrap();
    inquiry::ActiveModel {
        call_id: Set(id(&call_id)),
        question: Set("price of model X".into()),
        answered_on_spot: Set(true),
        version: Set(1),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let upd = "mutation($i:UpdateCallInput!){ updateCall(input:$i){ recordComplete missingFields } }";
    let d = app.ok(&app.admin, upd, json!({"i": {"id": call_id, "version": 1, "notes": "answered"}})).await;
    assert_eq!(d["updateCall"], json!({"recordComplete": true, "missingFields": []}));
}
