//! Recording, validation, idempotency, versioning, paging and scoping of calls.

use serde_json::{Value, json};

use super::harness::{RECORD, TestApp, codes};

fn answered(at: &str, number: &str) -> Value {
    json!({"receivedAt": at, "answeredAt": at, "callerNumber": number, "reason": "question", "category": "OTHER"})
}

#[tokio::test]
async fn bad_input_is_rejected_before_anything_is_written() {
    let app = TestApp::new().await;
    let before = (app.count("call").await, app.count("audit_entry").await);
    let cases = [
        // More than 5 minutes ahead of the (fixed) clock: 2026-12-02T06:00Z.
        json!({"receivedAt": "2026-12-02T06:06:00Z", "callerNumber": "13812345678", "reason": "x"}),
        json!({"receivedAt": "2026-12-02T05:00:00Z", "callerNumber": "12345", "reason": "x"}),
        json!({"receivedAt": "2026-12-02T05:00:00Z", "answeredAt": "2026-12-02T04:00:00Z", "callerNumber": "13812345678", "reason": "x"}),
        json!({"receivedAt": "2026-12-02T05:00:00Z", "callerNumber": "13812345678", "reason": "x", "ringCount": 0}),
    ];
    for input in cases {
        assert_eq!(codes(&app.gql(&app.admin, RECORD, json!({"i": input})).await), vec!["BAD_USER_INPUT"], "{input}");
    }
    assert_eq!((app.count("call").await, app.count("audit_entry").await), before);
    // Within the 5 minutes of skew is fine: backdated and slightly-ahead calls are accepted.
    app.ok(&app.admin, RECORD, json!({"i": answered("2026-12-02T06:04:00Z", "13812345678")})).await;
    app.ok(&app.admin, RECORD, json!({"i": answered("2025-01-02T06:04:00Z", "13812345678")})).await;
}

#[tokio::test]
async fn the_same_idempotency_key_returns_the_first_call() {
    let app = TestApp::new().await;
    let mut input = answered("2026-12-02T05:00:00Z", "13812345678");
    input["idempotencyKey"] = json!("desk-1-0001");
    let a = app.ok(&app.admin, RECORD, json!({"i": input.clone()})).await;
    let b = app.ok(&app.admin, RECORD, json!({"i": input})).await;
    assert_eq!(a["recordCall"]["id"], b["recordCall"]["id"]);
    assert_eq!(app.count("call").await, 1);
}

#[tokio::test]
async fn a_stale_version_is_a_conflict_and_changes_nothing() {
    let app = TestApp::new().await;
    let c = app.ok(&app.admin, RECORD, json!({"i": answered("2026-12-02T05:00:00Z", "13812345678")})).await;
    let id = c["recordCall"]["id"].clone();
    let upd = "mutation($i:UpdateCallInput!){ updateCall(input:$i){ version reason important keyFactsConfirmed recordComplete missingFields } }";
    let d = app
        .ok(&app.admin, upd, json!({"i": {"id": id, "version": 1, "reason": "new reason", "important": true}}))
        .await;
    assert_eq!(d["updateCall"]["version"], 2);
    assert_eq!(d["updateCall"]["recordComplete"], false);
    assert_eq!(d["updateCall"]["missingFields"], json!(["keyFactsConfirmed"]));
    let body = app.gql(&app.admin, upd, json!({"i": {"id": id, "version": 1, "reason": "lost update"}})).await;
    assert_eq!(codes(&body), vec!["CONFLICT"]);
    let now = app.ok(&app.admin, "query($id:ID!){ call(id:$id){ reason version } }", json!({"id": id})).await;
    assert_eq!(now["call"], json!({"reason": "new reason", "version": 2}));
}

#[tokio::test]
async fn categories_that_need_a_linked_record_are_incomplete_until_it_exists() {
    let app = TestApp::new().await;
    let mut input = answered("2026-12-02T05:00:00Z", "13812345678");
    input["category"] = json!("BUSINESS_INQUIRY");
    let c = app.ok(&app.admin, RECORD, json!({"i": input})).await;
    assert_eq!(c["recordCall"]["missingFields"], json!(["inquiry"]));
    let mut input = answered("2026-12-02T05:00:00Z", "13812345678");
    input["category"] = json!(null);
    input["reason"] = json!("  ");
    let c = app.ok(&app.admin, RECORD, json!({"i": input})).await;
    assert_eq!(c["recordCall"]["missingFields"], json!(["reason", "category"]));
}

#[tokio::test]
async fn calls_page_forward_and_backward_with_cursors_and_a_total() {
    let app = TestApp::new().await;
    for m in 0..5 {
        app.ok(&app.admin, RECORD, json!({"i": answered(&format!("2026-12-02T05:0{m}:00Z"), "13812345678")})).await;
    }
    let q = "query($f:Int,$a:String,$l:Int,$b:String){ calls(first:$f, after:$a, last:$l, before:$b){ totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } edges { node { receivedAt } } } }";
    let times = |d: &Value| -> Vec<String> {
        d["calls"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["node"]["receivedAt"].as_str().unwrap()[14..16].to_owned())
            .collect()
    };
    let p1 = app.ok(&app.admin, q, json!({"f": 2})).await;
    assert_eq!(p1["calls"]["totalCount"], 5);
    assert_eq!(times(&p1), vec!["04", "03"]);
    assert_eq!(p1["calls"]["pageInfo"]["hasNextPage"], true);
    let p2 = app.ok(&app.admin, q, json!({"f": 2, "a": p1["calls"]["pageInfo"]["endCursor"]})).await;
    assert_eq!(times(&p2), vec!["02", "01"]);
    let p3 = app.ok(&app.admin, q, json!({"f": 2, "a": p2["calls"]["pageInfo"]["endCursor"]})).await;
    assert_eq!(times(&p3), vec!["00"]);
    assert_eq!(p3["calls"]["pageInfo"]["hasNextPage"], false);
    let back = app.ok(&app.admin, q, json!({"l": 2, "b": p3["calls"]["pageInfo"]["startCursor"]})).await;
    assert_eq!(times(&back), vec!["02", "01"]);
    assert_eq!(codes(&app.gql(&app.admin, q, json!({"f": 101})).await), vec!["BAD_USER_INPUT"]);
    assert_eq!(codes(&app.gql(&app.admin, q, json!({"f": 1, "a": "garbage"})).await), vec!["BAD_USER_INPUT"]);
}

#[tokio::test]
async fn filtering_by_a_number_never_reveals_calls_whose_number_one_sees_masked() {
    let app = TestApp::new().await;
    let dept = app.create_department("DESK").await;
    let (_, alice) = app.employee("alice", &dept, &["STAFF"]).await;
    let (_, bob) = app.employee("bob", &dept, &["STAFF"]).await;
    app.ok(&bob, RECORD, json!({"i": answered("2026-12-02T05:00:00Z", "13812345678")})).await;
    app.ok(&alice, RECORD, json!({"i": answered("2026-12-02T05:01:00Z", "13900001111")})).await;
    let q = "query($n:String){ calls(filter:{callerNumber:$n}){ totalCount } }";
    // Alice sees Bob's call (masked) in the list, but a number filter cannot confirm it.
    assert_eq!(app.ok(&alice, "{ calls { totalCount } }", json!({})).await["calls"]["totalCount"], 2);
    assert_eq!(app.ok(&alice, q, json!({"n": "138 1234 5678"})).await["calls"]["totalCount"], 0);
    assert_eq!(app.ok(&alice, q, json!({"n": "+86 139-0000-1111"})).await["calls"]["totalCount"], 1);
    assert_eq!(app.ok(&bob, q, json!({"n": "0086 138 1234 5678"})).await["calls"]["totalCount"], 1);
    assert_eq!(app.ok(&app.admin, q, json!({"n": "13812345678"})).await["calls"]["totalCount"], 1);
}

#[tokio::test]
async fn confidential_calls_are_seen_only_by_handler_head_and_administration() {
    let app = TestApp::new().await;
    let dept = app.create_department("RND").await;
    let (head_id, _) = app.employee("hana", &dept, &["STAFF"]).await;
    app.ok(
        &app.admin,
        "mutation($d:ID!,$e:ID!){ setDepartmentHead(departmentId:$d, employeeId:$e){ id } }",
        json!({"d": dept, "e": head_id}),
    )
    .await;
    let head = app.login("hana", super::harness::PASSWORD).await;
    let (_, alice) = app.employee("alice", &dept, &["STAFF"]).await;
    let (_, bob) = app.employee("bob", &dept, &["STAFF"]).await;
    let mut input = answered("2026-12-02T05:00:00Z", "13812345678");
    input["confidential"] = json!(true);
    let c = app.ok(&alice, RECORD, json!({"i": input})).await;
    let id = c["recordCall"]["id"].clone();
    let q = "query($id:ID!){ call(id:$id){ id confidential } }";
    for (token, visible) in [(&alice, true), (&head, true), (&app.admin, true), (&bob, false)] {
        let d = app.ok(token, q, json!({"id": id})).await;
        assert_eq!(d["call"].is_object(), visible);
    }
    assert_eq!(app.ok(&bob, "{ calls { totalCount } }", json!({})).await["calls"]["totalCount"], 0);
}

/// Every role against callerNumber and callerName on four kinds of call:
/// the viewer's own, a colleague's, a colleague's confidential one, and
/// another department's. `None` means the call is not visible at all;
/// `Err` means the query itself is FORBIDDEN.
#[tokio::test]
async fn every_role_sees_caller_identity_exactly_as_the_matrix_says() {
    let app = TestApp::new().await;
    let mine = app.create_department("MINE").await;
    let other = app.create_department("OTHER").await;
    let (_, colleague) = app.employee("colleague", &mine, &["STAFF"]).await;
    let (_, outsider) = app.employee("outsider", &other, &["STAFF"]).await;
    let record = |number: &'static str, name: &'static str, confidential: bool| json!({"i": {"receivedAt": "2026-12-02T05:00:00Z", "answeredAt": "2026-12-02T05:00:05Z", "callerNumber": number, "callerName": name, "reason": "x", "confidential": confidential}});
    let full = |n: &str, m: &str| Some((n.to_owned(), m.to_owned()));
    let q = "query($id:ID!){ call(id:$id){ callerNumber callerName } }";
    type Seen = Option<(String, String)>;
    let roles: [(&str, &[&str]); 6] = [
        ("STAFF", &["STAFF"]),
        ("DEPARTMENT_HEAD", &["DEPARTMENT_HEAD"]),
        ("ADMINISTRATION", &["ADMINISTRATION"]),
        ("HR", &["HR"]),
        ("ANALYST", &["ANALYST"]),
        ("SYSTEM_ADMIN", &["SYSTEM_ADMIN"]),
    ];
    for (i, (role, role_list)) in roles.iter().enumerate() {
        let (_, viewer) = app.employee(&format!("viewer{i}"), &mine, role_list).await;
        let colleague_call =
            app.ok(&colleague, RECORD, record("13811112222", "王小明", false)).await["recordCall"]["id"].clone();
        let secret_call =
            app.ok(&colleague, RECORD, record("13833334444", "李四", true)).await["recordCall"]["id"].clone();
        let other_call =
            app.ok(&outsider, RECORD, record("13855556666", "John", false)).await["recordCall"]["id"].clone();
        let own_call = if role_list.contains(&"STAFF")
            || role_list.contains(&"DEPARTMENT_HEAD")
            || role_list.contains(&"ADMINISTRATION")
        {
            Some(app.ok(&viewer, RECORD, record("13877778888", "Ann", false)).await["recordCall"]["id"].clone())
        } else {
            None
        };
        let expected: [Result<Seen, ()>; 3] = match *role {
            "STAFF" => [Ok(Some(("138****2222".into(), "王**".into()))), Ok(None), Ok(None)],
            "DEPARTMENT_HEAD" => [Ok(full("+8613811112222", "王小明")), Ok(full("+8613833334444", "李四")), Ok(None)],
            "ADMINISTRATION" => [
                Ok(full("+8613811112222", "王小明")),
                Ok(full("+8613833334444", "李四")),
                Ok(full("+8613855556666", "John")),
            ],
            _ => [Err(()), Err(()), Err(())],
        };
        for (call, want) in [colleague_call, secret_call, other_call].iter().zip(expected) {
            let body = app.gql(&viewer, q, json!({"id": call})).await;
            let got: Result<Seen, ()> = if codes(&body) == vec!["FORBIDDEN"] {
                Err(())
            } else {
                let c = &body["data"]["call"];
                Ok(c.as_object().map(|_| {
                    (c["callerNumber"].as_str().unwrap().to_owned(), c["callerName"].as_str().unwrap().to_owned())
                }))
            };
            assert_eq!(got, want, "{role} reading {call}");
        }
        if let Some(own) = own_call {
            let d = app.ok(&viewer, q, json!({"id": own})).await;
            assert_eq!(d["call"], json!({"callerNumber": "+8613877778888", "callerName": "Ann"}), "{role} on own call");
        }
    }
}

#[tokio::test]
async fn every_call_filter_narrows_the_list() {
    let app = TestApp::new().await;
    let a = app.create_department("A").await;
    let b = app.create_department("B").await;
    let (alice_id, alice) = app.employee("alice", &a, &["STAFF"]).await;
    let (_, bert) = app.employee("bert", &b, &["STAFF"]).await;
    let rec = |at: &str, answered: bool, category: &str, important: bool, reason: &str, org: &str| {
        let mut i = json!({"receivedAt": at, "callerNumber": "13812345678", "reason": reason, "category": category,
            "important": important, "keyFactsConfirmed": important, "callerOrganization": org});
        if answered {
            i["answeredAt"] = json!(at);
        }
        json!({"i": i})
    };
    app.ok(&alice, RECORD, rec("2026-11-30T02:00:00Z", true, "OTHER", false, "invoice copy", "Acme Trading")).await;
    app.ok(&alice, RECORD, rec("2026-12-01T02:00:00Z", false, "SALES_ADVERTISING", false, "cold call", "AdCorp")).await;
    app.ok(&bert, RECORD, rec("2026-12-02T02:00:00Z", true, "OTHER", true, "urgent shipment", "Beta Ltd")).await;
    app.ok(&bert, RECORD, rec("2026-12-02T03:00:00Z", true, "UNCLASSIFIED", false, "", "Gamma")).await;
    let q = "query($f:CallFilter){ calls(filter:$f){ totalCount } }";
    let count = |f: Value| {
        let app = &app;
        async move { app.ok(&app.admin, q, json!({"f": f})).await["calls"]["totalCount"].as_i64().unwrap() }
    };
    assert_eq!(count(json!({})).await, 4);
    assert_eq!(count(json!({"from": "2026-12-01T00:00:00Z"})).await, 3);
    assert_eq!(count(json!({"from": "2026-12-01T00:00:00Z", "to": "2026-12-02T00:00:00Z"})).await, 1);
    assert_eq!(count(json!({"category": "OTHER"})).await, 2);
    assert_eq!(count(json!({"status": "MISSED"})).await, 1);
    assert_eq!(count(json!({"handlerId": alice_id})).await, 2);
    assert_eq!(count(json!({"departmentId": b})).await, 2);
    assert_eq!(count(json!({"important": true})).await, 1);
    assert_eq!(count(json!({"recordComplete": false})).await, 1);
    assert_eq!(count(json!({"search": "SHIPMENT"})).await, 1);
    assert_eq!(count(json!({"search": "acme"})).await, 1);
    assert_eq!(count(json!({"search": "100%"})).await, 0);
    assert_eq!(count(json!({"status": "ANSWERED", "departmentId": b, "important": false})).await, 1);
    assert_eq!(count(json!({"handlerId": "not-an-id"})).await, 0);
}
