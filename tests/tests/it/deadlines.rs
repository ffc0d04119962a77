//! Working-time deadlines, the SLA table and the calendar through the API.

use serde_json::json;

use super::harness::{RECORD, TestApp, codes};

const DEADLINE: &str = "query($f:DateTime!,$m:Int!){ workingDeadline(from:$f, workingMinutes:$m) }";
const SET_DAYS: &str = "mutation($h:[Date!]!,$m:[Date!]!){ setCalendarDays(holidays:$h, makeUpWorkdays:$m){ holidays makeUpWorkdays weekendDays timezone workdayStart workdayEnd } }";

#[tokio::test]
async fn friday_afternoon_plus_one_working_day_moves_with_holidays_and_make_up_days() {
    let app = TestApp::new().await;
    let fri = json!({"f": "2027-03-05T16:00:00+08:00", "m": 540});
    assert_eq!(app.ok(&app.admin, DEADLINE, fri.clone()).await["workingDeadline"], "2027-03-08T08:00:00+00:00");
    app.ok(&app.admin, SET_DAYS, json!({"h": ["2027-03-08"], "m": []})).await;
    assert_eq!(app.ok(&app.admin, DEADLINE, fri.clone()).await["workingDeadline"], "2027-03-09T08:00:00+00:00");
    let cal = app.ok(&app.admin, SET_DAYS, json!({"h": [], "m": ["2027-03-06"]})).await;
    assert_eq!(cal["setCalendarDays"]["makeUpWorkdays"], json!(["2027-03-06"]));
    assert_eq!(cal["setCalendarDays"]["holidays"], json!([]));
    assert_eq!(app.ok(&app.admin, DEADLINE, fri).await["workingDeadline"], "2027-03-06T08:00:00+00:00");
}

#[tokio::test]
async fn a_new_installation_knows_the_published_chinese_holidays() {
    let app = TestApp::new().await;
    let cal = app
        .ok(
            &app.admin,
            "{ businessCalendar { timezone workdayStart workdayEnd weekendDays holidays makeUpWorkdays } }",
            json!({}),
        )
        .await;
    let c = &cal["businessCalendar"];
    assert_eq!(c["timezone"], "Asia/Shanghai");
    assert_eq!((c["workdayStart"].as_str().unwrap(), c["workdayEnd"].as_str().unwrap()), ("09:00", "18:00"));
    assert_eq!(c["weekendDays"], json!([6, 7]));
    let holidays = c["holidays"].as_array().unwrap();
    assert!(holidays.contains(&json!("2026-10-01")) && holidays.contains(&json!("2025-10-08")));
    assert!(c["makeUpWorkdays"].as_array().unwrap().contains(&json!("2026-02-14")));
    // Tuesday 2025-09-30 16:00 + one working day skips the National Day week.
    let d = app.ok(&app.admin, DEADLINE, json!({"f": "2025-09-30T16:00:00+08:00", "m": 540})).await;
    assert_eq!(d["workingDeadline"], "2025-10-09T08:00:00+00:00");
}

#[tokio::test]
async fn calendar_days_must_mean_something_and_only_administration_or_system_admin_sets_them() {
    let app = TestApp::new().await;
    assert_eq!(
        codes(&app.gql(&app.admin, SET_DAYS, json!({"h": ["2027-03-06"], "m": []})).await),
        vec!["BAD_USER_INPUT"]
    );
    assert_eq!(
        codes(&app.gql(&app.admin, SET_DAYS, json!({"h": [], "m": ["2027-03-08"]})).await),
        vec!["BAD_USER_INPUT"]
    );
    let dept = app.create_department("DESK").await;
    let (_, staff) = app.employee("sam", &dept, &["STAFF"]).await;
    assert_eq!(codes(&app.gql(&staff, SET_DAYS, json!({"h": [], "m": []})).await), vec!["FORBIDDEN"]);
    // Reading is open to every role.
    assert!(app.ok(&staff, "{ businessCalendar { timezone } slaPolicies { kind } }", json!({})).await.is_object());
}

#[tokio::test]
async fn sla_defaults_match_the_spec_and_inquiry_replies_cannot_exceed_a_working_day() {
    let app = TestApp::new().await;
    let d = app.ok(&app.admin, "{ slaPolicies { kind workingMinutes } }", json!({})).await;
    let got: Vec<(String, i64)> = d["slaPolicies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["kind"].as_str().unwrap().to_owned(), p["workingMinutes"].as_i64().unwrap()))
        .collect();
    assert_eq!(got.len(), 8);
    assert!(
        got.contains(&("MISSED_CALL_CALLBACK".into(), 120)) && got.contains(&("COMPLAINT_INVESTIGATION".into(), 1620))
    );
    let upd =
        "mutation($k:FollowUpKind!,$m:Int!){ updateSlaPolicy(kind:$k, workingMinutes:$m){ kind workingMinutes } }";
    assert_eq!(codes(&app.gql(&app.admin, upd, json!({"k": "INQUIRY_REPLY", "m": 541})).await), vec!["BAD_USER_INPUT"]);
    let dept = app.create_department("DESK").await;
    let (_, admin_only) = app.employee("adm", &dept, &["ADMINISTRATION", "STAFF"]).await;
    assert_eq!(codes(&app.gql(&admin_only, upd, json!({"k": "INQUIRY_REPLY", "m": 541})).await), vec!["FORBIDDEN"]);
    // A changed policy applies to follow-ups created afterwards.
    let first = app
        .ok(
            &app.admin,
            RECORD,
            json!({"i": {"receivedAt": "2026-12-02T13:00:00+08:00", "callerNumber": "13812345678", "reason": "x"}}),
        )
        .await;
    app.ok(&app.admin, upd, json!({"k": "MISSED_CALL_CALLBACK", "m": 60})).await;
    let second = app
        .ok(
            &app.admin,
            RECORD,
            json!({"i": {"receivedAt": "2026-12-02T13:00:00+08:00", "callerNumber": "13812345678", "reason": "x"}}),
        )
        .await;
    assert_eq!(first["recordCall"]["followUps"][0]["dueAt"], "2026-12-02T07:00:00+00:00");
    assert_eq!(second["recordCall"]["followUps"][0]["dueAt"], "2026-12-02T06:00:00+00:00");
}

#[tokio::test]
async fn a_callback_becomes_overdue_when_its_due_time_passes() {
    let app = TestApp::new().await;
    let dept = app.create_department("DESK").await;
    let (_, alice) = app.employee("alice", &dept, &["STAFF"]).await;
    let other = app.create_department("OTHER").await;
    let (_, carol) = app.employee("carol", &other, &["STAFF"]).await;
    // Received 13:00 Shanghai: due 15:00 (07:00Z); the clock says 14:00.
    app.ok(
        &alice,
        RECORD,
        json!({"i": {"receivedAt": "2026-12-02T13:00:00+08:00", "callerNumber": "13812345678", "reason": "x"}}),
    )
    .await;
    let q = "query($o:Boolean){ followUps(filter:{overdue:$o}){ totalCount edges { node { kind overdue completedLate assignee { employeeNo } call { status } } } } }";
    assert_eq!(app.ok(&alice, q, json!({"o": true})).await["followUps"]["totalCount"], 0);
    let d = app.ok(&alice, q, json!({"o": false})).await;
    assert_eq!(d["followUps"]["edges"][0]["node"]["overdue"], false);

    app.clock.set(chrono::DateTime::parse_from_rfc3339("2026-12-02T15:30:00+08:00").unwrap().to_utc());
    let d = app.ok(&alice, q, json!({"o": true})).await;
    assert_eq!(d["followUps"]["totalCount"], 1);
    let n = &d["followUps"]["edges"][0]["node"];
    assert_eq!(
        (n["kind"].as_str(), n["overdue"].as_bool(), n["completedLate"].is_null()),
        (Some("MISSED_CALL_CALLBACK"), Some(true), true)
    );
    assert_eq!(n["assignee"]["employeeNo"], "alice");
    assert_eq!(n["call"]["status"], "MISSED");
    assert_eq!(app.ok(&alice, q, json!({"o": false})).await["followUps"]["totalCount"], 0);
    assert_eq!(app.ok(&carol, q, json!({})).await["followUps"]["totalCount"], 0);

    // A callback is closed through completeCallback, which records the explanation.
    let node = app.ok(&alice, "{ followUps { edges { node { id version call { id } } } } }", json!({})).await["followUps"]["edges"][0]["node"].clone();
    let body = app
        .gql(
            &alice,
            "mutation($i:CompleteFollowUpInput!){ completeFollowUp(input:$i){ id } }",
            json!({"i": {"id": node["id"], "version": node["version"]}}),
        )
        .await;
    assert_eq!(codes(&body), vec!["BAD_USER_INPUT"]);
    let cb = "mutation($i:CompleteCallbackInput!){ completeCallback(input:$i){ followUps { status completedLate } } }";
    let body = app.gql(&alice, cb, json!({"i": {"callId": node["call"]["id"], "calledBackAt": "2026-12-02T15:20:00+08:00", "reasonExplained": false}})).await;
    assert_eq!(codes(&body), vec!["BAD_USER_INPUT"]);
    let d = app.ok(&alice, cb, json!({"i": {"callId": node["call"]["id"], "calledBackAt": "2026-12-02T15:20:00+08:00", "reasonExplained": true}})).await;
    assert_eq!(d["completeCallback"]["followUps"][0], json!({"status": "DONE", "completedLate": true}));
}
