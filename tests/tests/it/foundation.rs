//! The end-to-end scenario: organisation, three calls, a callback,
//! and what each role sees of them.

use serde_json::{Value, json};

use super::harness::{RECORD, TestApp, codes};

const CALLS: &str = "{ calls(first: 50, orderBy:{field: RING_COUNT, direction: ASC}) { totalCount edges { node { id ringCount callerNumber callerName status handler { employeeNo } department { code } } } } }";

fn numbers(data: &Value) -> Vec<(i64, String, String)> {
    data["calls"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let n = &e["node"];
            (
                n["ringCount"].as_i64().unwrap_or(0),
                n["callerNumber"].as_str().unwrap().to_owned(),
                n["callerName"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_front_desk_records_calls_calls_back_and_each_role_sees_what_it_may() {
    let app = TestApp::new().await;
    let sales = app.create_department("SALES").await;
    let support = app.create_department("SUPPORT").await;
    let (head_id, _) = app.employee("head1", &sales, &["STAFF"]).await;
    app.ok(
        &app.admin,
        "mutation($d:ID!,$e:ID!){ setDepartmentHead(departmentId:$d, employeeId:$e){ head { employeeNo } } }",
        json!({"d": sales, "e": head_id}),
    )
    .await;
    // Roles are read from the database on each request, so the old token now carries DEPARTMENT_HEAD.
    let head = app.login("head1", super::harness::PASSWORD).await;
    let (_, alice) = app.employee("alice", &sales, &["STAFF"]).await;
    let (_, bob) = app.employee("bob", &sales, &["STAFF"]).await;
    let (_, carol) = app.employee("carol", &support, &["STAFF"]).await;
    let (_, hr) = app.employee("hr1", &support, &["HR"]).await;

    // 13:00 Shanghai on Wednesday 2026-12-02.
    let two = app
        .ok(
            &alice,
            RECORD,
            json!({"i": {"receivedAt": "2026-12-02T13:00:00+08:00", "answeredAt": "2026-12-02T13:00:08+08:00",
        "callerNumber": "+86 138-1234-5678", "callerName": "王小明", "reason": "price list", "category": "OTHER"}}),
        )
        .await;
    assert_eq!(two["recordCall"]["ringCount"], 2);
    assert_eq!(two["recordCall"]["answeredWithinRingLimit"], true);
    assert_eq!(two["recordCall"]["callerNumber"], "+8613812345678");
    assert_eq!(two["recordCall"]["recordComplete"], true);

    let five = app.ok(&alice, RECORD, json!({"i": {"receivedAt": "2026-12-02T13:10:00+08:00", "answeredAt": "2026-12-02T13:10:30+08:00",
        "ringCount": 5, "callerNumber": "13900001111", "callerName": "John", "reason": "delivery", "category": "OTHER"}})).await;
    assert_eq!(five["recordCall"]["ringCount"], 5);
    assert_eq!(five["recordCall"]["answeredWithinRingLimit"], false);

    let missed = app
        .ok(
            &bob,
            RECORD,
            json!({"i": {"receivedAt": "2026-12-02T13:20:00+08:00", "callerNumber": "0086 137 0000 2222",
        "reason": "asked for a manager", "category": "OTHER"}}),
        )
        .await;
    let m = &missed["recordCall"];
    assert_eq!(m["status"], "MISSED");
    assert_eq!(m["answeredWithinRingLimit"], false);
    assert_eq!(m["followUps"][0]["kind"], "MISSED_CALL_CALLBACK");
    // 120 working minutes after 13:20 on a working Wednesday.
    assert_eq!(m["followUps"][0]["dueAt"], "2026-12-02T07:20:00+00:00");
    assert_eq!(m["missingFields"], json!([]));

    // Alice may not complete Bob's callback; Bob may.
    let cb = "mutation($i:CompleteCallbackInput!){ completeCallback(input:$i){ status followUps { status completedLate } } }";
    let input = json!({"i": {"callId": m["id"], "calledBackAt": "2026-12-02T14:00:00+08:00", "reasonExplained": true}});
    assert_eq!(codes(&app.gql(&alice, cb, input.clone()).await), vec!["FORBIDDEN"]);
    let done = app.ok(&bob, cb, input.clone()).await;
    assert_eq!(done["completeCallback"]["status"], "CALLED_BACK");
    assert_eq!(done["completeCallback"]["followUps"][0]["status"], "DONE");
    assert_eq!(done["completeCallback"]["followUps"][0]["completedLate"], false);
    assert_eq!(codes(&app.gql(&bob, cb, input).await), vec!["CONFLICT"]);

    // Alice handled two calls: full on hers, masked on Bob's.
    let seen = numbers(&app.ok(&alice, CALLS, json!({})).await);
    assert_eq!(
        seen,
        vec![
            (0, "137****2222".into(), "".into()),
            (2, "+8613812345678".into(), "王小明".into()),
            (5, "+8613900001111".into(), "John".into()),
        ]
    );
    // Bob: his own full, Alice's masked.
    let seen = numbers(&app.ok(&bob, CALLS, json!({})).await);
    assert_eq!(seen[0].1, "+8613700002222");
    assert_eq!((seen[1].1.as_str(), seen[1].2.as_str()), ("138****5678", "王**"));
    assert_eq!((seen[2].1.as_str(), seen[2].2.as_str()), ("139****1111", "J**"));
    // The head sees the whole department in full.
    let seen = numbers(&app.ok(&head, CALLS, json!({})).await);
    assert_eq!(
        seen.iter().map(|s| s.1.as_str()).collect::<Vec<_>>(),
        vec!["+8613700002222", "+8613812345678", "+8613900001111"]
    );
    // Another department's staff sees none of them.
    assert_eq!(app.ok(&carol, CALLS, json!({})).await["calls"]["totalCount"], 0);
    assert_eq!(
        app.ok(&carol, "query($id:ID!){ call(id:$id){ id } }", json!({"id": m["id"]})).await["call"],
        Value::Null
    );
    // HR has no access to calls at all.
    let body = app.gql(&hr, CALLS, json!({})).await;
    assert_eq!(codes(&body), vec!["FORBIDDEN"]);
    assert_eq!(body["data"], Value::Null);
    // Administration sees everything in full, with handler and department.
    let all = app.ok(&app.admin, CALLS, json!({})).await;
    assert_eq!(all["calls"]["totalCount"], 3);
    assert_eq!(all["calls"]["edges"][0]["node"]["handler"]["employeeNo"], "bob");
    assert_eq!(all["calls"]["edges"][0]["node"]["department"]["code"], "SALES");
}
