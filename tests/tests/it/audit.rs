//! The hash-chained audit log: reads and mutations recorded, tampering found.

use sea_orm::ConnectionTrait;
use serde_json::json;

use super::harness::{RECORD, TestApp, codes};

const VERIFY: &str = "{ verifyAuditChain { valid entries firstBrokenId } }";

#[tokio::test]
async fn full_reads_of_sensitive_fields_and_mutations_are_audited_with_field_names() {
    let app = TestApp::new().await;
    let c = app.ok(&app.admin, RECORD, json!({"i": {"receivedAt": "2026-12-02T05:00:00Z", "callerNumber": "13812345678", "callerName": "王小明", "reason": "x"}})).await;
    let id = c["recordCall"]["id"].as_str().unwrap().to_owned();
    app.ok(&app.admin, "query($id:ID!){ call(id:$id){ callerNumber callerName } }", json!({"id": id})).await;
    let log = app
        .ok(&app.admin, "query($id:String){ auditLog(filter:{entityType:\"Call\", entityId:$id}){ totalCount edges { node { action fields actor { employeeNo } hash previousHash requestId } } } }", json!({"id": id}))
        .await;
    let entries = log["auditLog"]["edges"].as_array().unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e["node"]["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"recordCall"), "{actions:?}");
    let reads: Vec<_> = entries.iter().filter(|e| e["node"]["action"] == "read").collect();
    // One from the recordCall response itself, one from the query.
    assert_eq!(reads.len(), 2);
    assert_eq!(reads[0]["node"]["fields"], json!(["callerName", "callerNumber"]));
    assert_eq!(reads[0]["node"]["actor"]["employeeNo"], "admin");
    assert!(reads[0]["node"]["requestId"].as_str().is_some_and(|r| !r.is_empty()));
    // Nothing in the log carries the number itself.
    let all = app
        .ok(&app.admin, "{ auditLog(first: 100){ edges { node { action entityType entityId fields } } } }", json!({}))
        .await;
    assert!(!all.to_string().contains("13812345678"));
}

#[tokio::test]
async fn masked_reads_are_not_audited_as_full_reads() {
    let app = TestApp::new().await;
    let dept = app.create_department("DESK").await;
    let (_, alice) = app.employee("alice", &dept, &["STAFF"]).await;
    let (_, bob) = app.employee("bob", &dept, &["STAFF"]).await;
    let c = app
        .ok(
            &alice,
            RECORD,
            json!({"i": {"receivedAt": "2026-12-02T05:00:00Z", "callerNumber": "13812345678", "reason": "x"}}),
        )
        .await;
    let id = c["recordCall"]["id"].as_str().unwrap().to_owned();
    let before = app.count("audit_entry").await;
    let d = app.ok(&bob, "query($id:ID!){ call(id:$id){ callerNumber } }", json!({"id": id})).await;
    assert_eq!(d["call"]["callerNumber"], "138****5678");
    assert_eq!(app.count("audit_entry").await, before);
}

#[tokio::test]
async fn only_administration_reads_the_audit_log() {
    let app = TestApp::new().await;
    let dept = app.create_department("DESK").await;
    let (_, sysadmin) = app.employee("root2", &dept, &["SYSTEM_ADMIN"]).await;
    assert_eq!(codes(&app.gql(&sysadmin, VERIFY, json!({})).await), vec!["FORBIDDEN"]);
    assert_eq!(codes(&app.gql(&sysadmin, "{ auditLog { totalCount } }", json!({})).await), vec!["FORBIDDEN"]);
}

#[tokio::test]
async fn verify_audit_chain_finds_a_changed_row_and_a_deleted_one() {
    let app = TestApp::new().await;
    for m in 0..3 {
        app.ok(&app.admin, RECORD, json!({"i": {"receivedAt": format!("2026-12-02T05:0{m}:00Z"), "callerNumber": "13812345678", "reason": "x"}})).await;
    }
    let ok = app.ok(&app.admin, VERIFY, json!({})).await;
    assert_eq!(ok["verifyAuditChain"]["valid"], true);
    let n = ok["verifyAuditChain"]["entries"].as_i64().unwrap();
    assert!(n >= 6);

    app.db.execute_unprepared("UPDATE audit_entry SET action = 'nothing to see' WHERE id = 3").await.unwrap();
    let broken = app.ok(&app.admin, VERIFY, json!({})).await;
    assert_eq!(broken["verifyAuditChain"]["valid"], false);
    assert_eq!(broken["verifyAuditChain"]["firstBrokenId"], "3");

    let app = TestApp::new().await;
    for m in 0..3 {
        app.ok(&app.admin, RECORD, json!({"i": {"receivedAt": format!("2026-12-02T05:0{m}:00Z"), "callerNumber": "13812345678", "reason": "x"}})).await;
    }
    app.db.execute_unprepared("DELETE FROM audit_entry WHERE id = 4").await.unwrap();
    let broken = app.ok(&app.admin, VERIFY, json!({})).await;
    assert_eq!(broken["verifyAuditChain"]["valid"], false);
    assert_eq!(broken["verifyAuditChain"]["firstBrokenId"], "5");
    // Removing the newest entries is found too, through the head row.
    let app = TestApp::new().await;
    app.ok(
        &app.admin,
        RECORD,
        json!({"i": {"receivedAt": "2026-12-02T05:00:00Z", "callerNumber": "13812345678", "reason": "x"}}),
    )
    .await;
    let last = app.count("audit_entry").await;
    app.db.execute_unprepared(&format!("DELETE FROM audit_entry WHERE id = {last}")).await.unwrap();
    let broken = app.ok(&app.admin, VERIFY, json!({})).await;
    assert_eq!(broken["verifyAuditChain"]["valid"], false);
}

#[tokio::test]
async fn concurrent_mutations_keep_one_unbroken_chain() {
    let app = std::sync::Arc::new(TestApp::new().await);
    let mut tasks = Vec::new();
    for i in 0..12 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            let input = json!({"i": {"receivedAt": format!("2026-12-02T05:{i:02}:00Z"), "callerNumber": "13812345678", "reason": "x"}});
            app.ok(&app.admin, RECORD, input).await;
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(app.count("call").await, 12);
    let v = app.ok(&app.admin, VERIFY, json!({})).await;
    assert_eq!(v["verifyAuditChain"]["valid"], true, "{v}");
    // Each call: recordCall, openFollowUp, and the read of its number.
    assert!(v["verifyAuditChain"]["entries"].as_i64().unwrap() >= 36);
}
