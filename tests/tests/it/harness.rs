//! TestApp: the real router on a random port over a fresh database.

use std::sync::{Arc, Mutex};

use api::config::Config;
use api::state::{AppState, Clock};
use chrono::{DateTime, TimeZone, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::{Value, json};

pub const ADMIN_NO: &str = "admin";
pub const ADMIN_PW: &str = "admin-password-1";
pub const PASSWORD: &str = "staff-password-1";
pub const JWT_SECRET: &str = "test-secret-test-secret-test-secret-0123";

/// A clock tests can set; starts on Wednesday 2026-12-02 14:00 Shanghai.
#[derive(Debug)]
pub struct TestClock(Mutex<DateTime<Utc>>);

impl TestClock {
    pub fn set(&self, t: DateTime<Utc>) {
        *self.0.lock().unwrap() = t;
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

pub fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 6, 0, 0).unwrap()
}

pub struct TestApp {
    pub base: String,
    pub db: DatabaseConnection,
    pub clock: Arc<TestClock>,
    pub http: reqwest::Client,
    pub admin: String,
}

async fn fresh_database() -> String {
    match std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) {
        Some(server) => {
            let name = format!("t_{}", uuid::Uuid::new_v4().simple());
            let admin = sea_orm::Database::connect(&server).await.expect("connect to TEST_DATABASE_URL");
            admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create test database");
            admin.close().await.ok();
            let (base, _) = server.rsplit_once('/').expect("TEST_DATABASE_URL names a database");
            format!("{base}/{name}")
        }
        None => {
            let dir = std::env::temp_dir().join("calls-api-tests");
            std::fs::create_dir_all(&dir).unwrap();
            format!("sqlite://{}/{}.db?mode=rwc", dir.display(), uuid::Uuid::new_v4().simple())
        }
    }
}

pub fn config(database_url: &str, extra: &[(&str, &str)]) -> Config {
    let mut vars: Vec<(String, String)> = vec![
        ("DATABASE_URL".into(), database_url.into()),
        ("JWT_SECRET".into(), JWT_SECRET.into()),
        ("BOOTSTRAP_ADMIN_NO".into(), ADMIN_NO.into()),
        ("BOOTSTRAP_ADMIN_PASSWORD".into(), ADMIN_PW.into()),
    ];
    vars.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    Config::from_lookup(|k| vars.iter().rev().find(|(n, _)| n == k).map(|(_, v)| v.clone())).unwrap()
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_env(&[]).await
    }

    pub async fn with_env(extra: &[(&str, &str)]) -> Self {
        let url = fresh_database().await;
        let config = config(&url, extra);
        let db = api::db::connect(&url).await.unwrap();
        api::db::migrate(&db).await.unwrap();
        api::service::people::bootstrap(&db, ADMIN_NO, ADMIN_PW, start_time()).await.unwrap();
        let clock = Arc::new(TestClock(Mutex::new(start_time())));
        let state = AppState::new(db.clone(), config, clock.clone()).unwrap();
        let app = api::build_app(state);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.ok() });
        let mut t =
            Self { base: format!("http://{addr}"), db, clock, http: reqwest::Client::new(), admin: String::new() };
        t.admin = t.login(ADMIN_NO, ADMIN_PW).await;
        t
    }

    /// POST /graphql; returns (HTTP status, body).
    pub async fn post(&self, token: Option<&str>, query: &str, vars: Value) -> (u16, Value) {
        let mut req =
            self.http.post(format!("{}/graphql", self.base)).json(&json!({ "query": query, "variables": vars }));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status().as_u16();
        (status, resp.json().await.unwrap_or(Value::Null))
    }

    pub async fn gql(&self, token: &str, query: &str, vars: Value) -> Value {
        self.post(Some(token), query, vars).await.1
    }

    /// Data of a request that must succeed.
    pub async fn ok(&self, token: &str, query: &str, vars: Value) -> Value {
        let body = self.gql(token, query, vars).await;
        assert!(body.get("errors").is_none(), "unexpected errors: {body}");
        body["data"].clone()
    }

    pub async fn login(&self, no: &str, pw: &str) -> String {
        let (_, body) = self
            .post(
                None,
                "mutation($n:String!,$p:String!){ login(employeeNo:$n, password:$p){ accessToken } }",
                json!({"n": no, "p": pw}),
            )
            .await;
        body["data"]["login"]["accessToken"].as_str().unwrap_or_else(|| panic!("login failed: {body}")).to_owned()
    }

    pub async fn create_department(&self, code: &str) -> String {
        let d = self
            .ok(
                &self.admin,
                "mutation($c:String!){ createDepartment(input:{code:$c, name:$c}){ id } }",
                json!({"c": code}),
            )
            .await;
        d["createDepartment"]["id"].as_str().unwrap().to_owned()
    }

    /// Creates an employee and signs them in: (id, token).
    pub async fn employee(&self, no: &str, dept: &str, roles: &[&str]) -> (String, String) {
        let d = self
            .ok(
                &self.admin,
                "mutation($i:CreateEmployeeInput!){ createEmployee(input:$i){ id } }",
                json!({"i": {"employeeNo": no, "name": format!("Name {no}"), "departmentId": dept, "roles": roles,
                    "email": format!("{no}@example.com"), "mobile": "13812345678", "initialPassword": PASSWORD}}),
            )
            .await;
        let id = d["createEmployee"]["id"].as_str().unwrap().to_owned();
        (id, self.login(no, PASSWORD).await)
    }

    pub async fn count(&self, table: &str) -> i64 {
        let row = self
            .db
            .query_one_raw(sea_orm::Statement::from_string(
                self.db.get_database_backend(),
                format!("SELECT COUNT(*) AS n FROM {table}"),
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get::<i64>("", "n").unwrap()
    }
}

/// The error codes of a response, in order.
pub fn codes(body: &Value) -> Vec<String> {
    body["errors"]
        .as_array()
        .map(|es| es.iter().map(|e| e["extensions"]["code"].as_str().unwrap_or("").to_owned()).collect())
        .unwrap_or_default()
}

pub const RECORD: &str = "mutation($i:RecordCallInput!){ recordCall(input:$i){ id version status ringCount answeredWithinRingLimit callerNumber recordComplete missingFields followUps { id kind dueAt status } } }";
