//! Sign-in, tokens, refresh rotation, sign-out, deactivation.

use base64::Engine as _;
use serde_json::{Value, json};

use super::harness::{ADMIN_NO, ADMIN_PW, JWT_SECRET, TestApp, codes};

const ME: &str = "{ me { employeeNo roles } }";
const LOGIN: &str = "mutation($n:String!,$p:String!){ login(employeeNo:$n, password:$p){ accessToken refreshToken expiresAt employee { employeeNo email } } }";
const REFRESH: &str = "mutation($t:String!){ refreshSession(refreshToken:$t){ accessToken refreshToken } }";

fn forge(header: &str, claims: Value, secret: &[u8]) -> String {
    use jsonwebtoken_shim::sign;
    sign(header, &claims, secret)
}

/// Minimal HS256 signing so tests can forge tokens the server must refuse.
mod jsonwebtoken_shim {
    use base64::Engine as _;
    use serde_json::Value;
    pub fn sign(header: &str, claims: &Value, secret: &[u8]) -> String {
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let signing_input = format!("{}.{}", b64.encode(header), b64.encode(claims.to_string()));
        let mac = hmac_sha256(secret, signing_input.as_bytes());
        format!("{signing_input}.{}", b64.encode(mac))
    }
    fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        let mut k = [0u8; 64];
        k[..key.len()].copy_from_slice(key);
        let mut inner = Sha256::new();
        inner.update(k.iter().map(|b| b ^ 0x36).collect::<Vec<_>>());
        inner.update(msg);
        let mut outer = Sha256::new();
        outer.update(k.iter().map(|b| b ^ 0x5c).collect::<Vec<_>>());
        outer.update(inner.finalize());
        outer.finalize().into()
    }
}

fn claims(iss: &str, aud: &str, exp_offset: i64) -> Value {
    let now = chrono::Utc::now().timestamp();
    json!({"sub": "1", "iss": iss, "aud": aud, "iat": now, "exp": now + exp_offset, "roles": ["SYSTEM_ADMIN"]})
}

#[tokio::test]
async fn login_returns_tokens_and_the_employee_and_me_works_with_the_token() {
    let app = TestApp::new().await;
    let (status, body) = app.post(None, LOGIN, json!({"n": ADMIN_NO, "p": ADMIN_PW})).await;
    assert_eq!(status, 200);
    let l = &body["data"]["login"];
    assert!(l["accessToken"].as_str().unwrap().split('.').count() == 3);
    assert!(l["refreshToken"].as_str().unwrap().len() > 30);
    assert_eq!(l["employee"]["employeeNo"], ADMIN_NO);
    let me = app.ok(&app.admin, ME, json!({})).await;
    assert_eq!(me["me"]["roles"], json!(["STAFF", "ADMINISTRATION", "SYSTEM_ADMIN"]));
}

#[tokio::test]
async fn a_wrong_password_or_unknown_employee_is_unauthenticated() {
    let app = TestApp::new().await;
    for (n, p) in [(ADMIN_NO, "wrong-password"), ("nobody", ADMIN_PW)] {
        let (_, body) = app.post(None, LOGIN, json!({"n": n, "p": p})).await;
        assert_eq!(codes(&body), vec!["UNAUTHENTICATED"]);
        assert_eq!(body["data"], Value::Null);
    }
}

#[tokio::test]
async fn operations_without_a_token_are_unauthenticated() {
    let app = TestApp::new().await;
    let (status, body) = app.post(None, ME, json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(codes(&body), vec!["UNAUTHENTICATED"]);
}

#[tokio::test]
async fn forged_none_foreign_and_malformed_tokens_answer_http_401() {
    let app = TestApp::new().await;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let hs = r#"{"alg":"HS256","typ":"JWT"}"#;
    let none = format!(
        "{}.{}.",
        b64.encode(r#"{"alg":"none","typ":"JWT"}"#),
        b64.encode(claims("calls-api", "calls-clients", 600).to_string())
    );
    let bad = [
        forge(hs, claims("calls-api", "calls-clients", 600), b"another-secret-another-secret-0123456"),
        forge(hs, claims("someone-else", "calls-clients", 600), JWT_SECRET.as_bytes()),
        forge(hs, claims("calls-api", "other-clients", 600), JWT_SECRET.as_bytes()),
        forge(r#"{"alg":"HS512","typ":"JWT"}"#, claims("calls-api", "calls-clients", 600), JWT_SECRET.as_bytes()),
        none,
        "not-a-jwt".to_owned(),
    ];
    for token in bad {
        let (status, body) = app.post(Some(&token), ME, json!({})).await;
        assert_eq!(status, 401, "{token}");
        assert_eq!(codes(&body), vec!["UNAUTHENTICATED"]);
    }
    let resp = app
        .http
        .post(format!("{}/graphql", app.base))
        .header("authorization", "Basic abc")
        .json(&json!({"query": ME}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401);
}

#[tokio::test]
async fn an_expired_token_is_unauthenticated_but_sign_in_still_works() {
    let app = TestApp::new().await;
    let expired =
        forge(r#"{"alg":"HS256","typ":"JWT"}"#, claims("calls-api", "calls-clients", -60), JWT_SECRET.as_bytes());
    let (status, body) = app.post(Some(&expired), ME, json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(codes(&body), vec!["UNAUTHENTICATED"]);
    let (_, body) = app.post(Some(&expired), LOGIN, json!({"n": ADMIN_NO, "p": ADMIN_PW})).await;
    assert!(body["data"]["login"]["accessToken"].is_string(), "{body}");
}

#[tokio::test]
async fn refresh_rotates_and_reusing_a_rotated_token_ends_the_session() {
    let app = TestApp::new().await;
    let (_, body) = app.post(None, LOGIN, json!({"n": ADMIN_NO, "p": ADMIN_PW})).await;
    let first = body["data"]["login"]["refreshToken"].as_str().unwrap().to_owned();
    let (_, body) = app.post(None, REFRESH, json!({"t": first})).await;
    let second = body["data"]["refreshSession"]["refreshToken"].as_str().unwrap().to_owned();
    assert_ne!(first, second);
    assert!(body["data"]["refreshSession"]["accessToken"].is_string());
    // The old token again: refused, and the newer one dies with it.
    let (_, body) = app.post(None, REFRESH, json!({"t": first})).await;
    assert_eq!(codes(&body), vec!["UNAUTHENTICATED"]);
    let (_, body) = app.post(None, REFRESH, json!({"t": second})).await;
    assert_eq!(codes(&body), vec!["UNAUTHENTICATED"]);
    // Refresh tokens are stored only as digests.
    let stored = app.count("refresh_token").await;
    assert!(stored >= 2);
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let raw = entity::refresh_token::Entity::find()
        .filter(entity::refresh_token::Column::TokenHash.eq(second.clone()))
        .all(&app.db)
        .await
        .unwrap();
    assert!(raw.is_empty());
}

#[tokio::test]
async fn logout_revokes_the_refresh_token() {
    let app = TestApp::new().await;
    let (_, body) = app.post(None, LOGIN, json!({"n": ADMIN_NO, "p": ADMIN_PW})).await;
    let rt = body["data"]["login"]["refreshToken"].as_str().unwrap().to_owned();
    let (_, body) = app.post(None, "mutation($t:String!){ logout(refreshToken:$t) }", json!({"t": rt})).await;
    assert_eq!(body["data"]["logout"], true);
    let (_, body) = app.post(None, REFRESH, json!({"t": rt})).await;
    assert_eq!(codes(&body), vec!["UNAUTHENTICATED"]);
}

#[tokio::test]
async fn a_deactivated_employee_can_neither_sign_in_nor_refresh_nor_use_a_token() {
    let app = TestApp::new().await;
    let dept = app.create_department("OPS").await;
    let (id, token) = app.employee("dave", &dept, &["STAFF"]).await;
    let (_, body) = app.post(None, LOGIN, json!({"n": "dave", "p": super::harness::PASSWORD})).await;
    let rt = body["data"]["login"]["refreshToken"].as_str().unwrap().to_owned();
    let upd = "mutation($i:UpdateEmployeeInput!){ updateEmployee(input:$i){ active version } }";
    let d = app.ok(&app.admin, upd, json!({"i": {"id": id, "version": 1, "active": false}})).await;
    assert_eq!(d["updateEmployee"]["active"], false);
    // A stale version changes nothing.
    assert_eq!(
        codes(&app.gql(&app.admin, upd, json!({"i": {"id": id, "version": 1, "active": true}})).await),
        vec!["CONFLICT"]
    );
    let (_, body) = app.post(None, LOGIN, json!({"n": "dave", "p": super::harness::PASSWORD})).await;
    assert_eq!(codes(&body), vec!["UNAUTHENTICATED"]);
    let (_, body) = app.post(None, REFRESH, json!({"t": rt})).await;
    assert_eq!(codes(&body), vec!["UNAUTHENTICATED"]);
    let (status, _) = app.post(Some(&token), ME, json!({})).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn only_system_admins_manage_people_and_forbidden_comes_before_input_checks() {
    let app = TestApp::new().await;
    let dept = app.create_department("OPS").await;
    let (_, staff) = app.employee("erin", &dept, &["STAFF", "ADMINISTRATION"]).await;
    let body =
        app.gql(&staff, "mutation{ createDepartment(input:{code:\"bad code!\", name:\"\"}){ id } }", json!({})).await;
    assert_eq!(codes(&body), vec!["FORBIDDEN"]);
    let body = app
        .gql(&app.admin, "mutation{ createDepartment(input:{code:\"bad code!\", name:\"x\"}){ id } }", json!({}))
        .await;
    assert_eq!(codes(&body), vec!["BAD_USER_INPUT"]);
    let body =
        app.gql(&app.admin, "mutation{ createDepartment(input:{code:\"OPS\", name:\"x\"}){ id } }", json!({})).await;
    assert_eq!(codes(&body), vec!["CONFLICT"]);
}

#[tokio::test]
async fn employee_contact_data_follows_the_matrix_with_a_null_and_an_error_for_analysts() {
    let app = TestApp::new().await;
    let dept = app.create_department("OPS").await;
    let (subject, subject_token) = app.employee("fay", &dept, &["STAFF"]).await;
    let q = "query($id:ID!){ employee(id:$id){ employeeNo email mobile } }";
    let cases = [
        (vec!["STAFF"], "f***@example.com", "138****5678"),
        (vec!["DEPARTMENT_HEAD"], "f***@example.com", "138****5678"),
        (vec!["ADMINISTRATION"], "f***@example.com", "138****5678"),
        (vec!["HR"], "fay@example.com", "+8613812345678"),
        (vec!["SYSTEM_ADMIN"], "fay@example.com", "+8613812345678"),
    ];
    for (i, (roles, email, mobile)) in cases.iter().enumerate() {
        let (_, token) = app.employee(&format!("v{i}"), &dept, roles).await;
        let d = app.ok(&token, q, json!({"id": subject})).await;
        assert_eq!(
            (d["employee"]["email"].as_str().unwrap(), d["employee"]["mobile"].as_str().unwrap()),
            (*email, *mobile),
            "{roles:?}"
        );
    }
    let own = app.ok(&subject_token, q, json!({"id": subject})).await;
    assert_eq!(own["employee"]["email"], "fay@example.com");
    let (_, analyst) = app.employee("ana", &dept, &["ANALYST"]).await;
    let body = app.gql(&analyst, q, json!({"id": subject})).await;
    // The exact shape: the denied fields are present and null, the rest intact.
    assert_eq!(body["data"], json!({"employee": {"employeeNo": "fay", "email": null, "mobile": null}}));
    let paths: Vec<Value> = body["errors"].as_array().unwrap().iter().map(|e| e["path"].clone()).collect();
    assert!(paths.contains(&json!(["employee", "email"])) && paths.contains(&json!(["employee", "mobile"])));
    assert_eq!(codes(&body), vec!["FORBIDDEN", "FORBIDDEN"]);
}

#[tokio::test]
async fn repeated_failed_sign_ins_are_rate_limited_for_that_account_only() {
    let app = TestApp::new().await;
    let dept = app.create_department("OPS").await;
    app.employee("gina", &dept, &["STAFF"]).await;
    for _ in 0..5 {
        let (_, body) = app.post(None, LOGIN, json!({"n": "gina", "p": "wrong-password"})).await;
        assert_eq!(codes(&body), vec!["UNAUTHENTICATED"]);
    }
    // Even the right password waits out the window now.
    let (_, body) = app.post(None, LOGIN, json!({"n": "gina", "p": super::harness::PASSWORD})).await;
    assert_eq!(codes(&body), vec!["RATE_LIMITED"]);
    let (_, body) = app.post(None, LOGIN, json!({"n": ADMIN_NO, "p": ADMIN_PW})).await;
    assert!(body["data"]["login"]["accessToken"].is_string());
    app.clock.set(super::harness::start_time() + chrono::Duration::minutes(16));
    let (_, body) = app.post(None, LOGIN, json!({"n": "gina", "p": super::harness::PASSWORD})).await;
    assert!(body["data"]["login"]["accessToken"].is_string(), "{body}");
}
