//! Request limits: body size, content type, query budget, health endpoints.

use serde_json::json;

use super::harness::{TestApp, codes};

#[tokio::test]
async fn bodies_over_64_kib_are_refused() {
    let app = TestApp::new().await;
    let big = format!("{{ me {{ id }} }} #{}", "x".repeat(70 * 1024));
    let resp = app
        .http
        .post(format!("{}/graphql", app.base))
        .bearer_auth(&app.admin)
        .json(&json!({"query": big}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 413);
}

#[tokio::test]
async fn operations_need_a_json_post() {
    let app = TestApp::new().await;
    let resp = app
        .http
        .post(format!("{}/graphql", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("query=mutation{logout(refreshToken:\"x\")}")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 415);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(codes(&body), vec!["BAD_USER_INPUT"]);
}

#[tokio::test]
async fn exponential_fragments_are_too_complex() {
    let app = TestApp::new().await;
    let mut q = String::from("query { ...F0 }\n");
    for i in 0..30 {
        q.push_str(&format!("fragment F{i} on Query {{ ...F{n} ...F{n} }}\n", n = i + 1));
    }
    q.push_str("fragment F30 on Query { __typename }\n");
    // 2^30 selections once expanded: refused, and quickly (nothing expands them).
    let started = std::time::Instant::now();
    let body = app.gql(&app.admin, &q, json!({})).await;
    assert_eq!(codes(&body), vec!["TOO_COMPLEX"]);
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "took {:?}", started.elapsed());
}

#[tokio::test]
async fn deep_queries_are_refused() {
    let app = TestApp::new().await;
    let q = "{ me { department { head { department { head { department { head { department { head { department { head { department { head { id } } } } } } } } } } } } } }";
    let body = app.gql(&app.admin, q, json!({})).await;
    assert!(body["errors"].as_array().is_some_and(|e| !e.is_empty()));
    assert!(body["data"].is_null());
}

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = TestApp::new().await;
    for path in ["/healthz", "/readyz"] {
        let resp = app.http.get(format!("{}{path}", app.base)).send().await.unwrap();
        assert_eq!(resp.status().as_u16(), 200, "{path}");
    }
    let resp = app.http.get(format!("{}/graphql", app.base)).send().await.unwrap();
    assert_eq!(resp.status().as_u16(), 200, "GraphiQL in development");
}

#[tokio::test]
async fn production_hides_introspection_from_anonymous_callers() {
    let app = TestApp::with_env(&[("APP_ENV", "production")]).await;
    let (_, body) = app.post(None, "{ __schema { types { name } } }", json!({})).await;
    assert!(body["data"]["__schema"].is_null(), "{body}");
    assert!(!body.to_string().contains("CallConnection"));
    let (_, body) = app.post(Some(&app.admin), "{ __schema { queryType { name } } }", json!({})).await;
    assert_eq!(body["data"]["__schema"]["queryType"]["name"], "Query");
    let resp = app.http.get(format!("{}/graphql", app.base)).send().await.unwrap();
    assert_eq!(resp.status().as_u16(), 405);
}

#[tokio::test]
async fn a_body_that_is_not_a_graphql_request_is_bad_input() {
    let app = TestApp::new().await;
    let resp = app
        .http
        .post(format!("{}/graphql", app.base))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 400);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(codes(&body), vec!["BAD_USER_INPUT"]);
}

#[tokio::test]
async fn every_response_carries_a_request_id() {
    let app = TestApp::new().await;
    let resp = app
        .http
        .post(format!("{}/graphql", app.base))
        .bearer_auth(&app.admin)
        .json(&json!({"query": "{ me { id } }"}))
        .send()
        .await
        .unwrap();
    let id = resp.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("");
    assert_eq!(id.len(), 36, "a UUID request id: {id:?}");
}
