//! Latency of the `calls` list over real HTTP, against seeded data:
//!
//! ```text
//! DATABASE_URL=postgres://… cargo run --release -p api --bin seed -- --calls 100000
//! DATABASE_URL=postgres://… cargo run --release -p api --bin bench-calls -- --requests 200
//! ```
//!
//! Builds the service in-process as `main.rs` does, serves it on a loopback
//! port chosen by the OS, signs in as `seed-admin` and times sequential
//! requests: the first page of 50, then walks of 20 pages each following
//! `endCursor`. Bounded, loopback only, and stops by itself.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use api::config::{Config, DEFAULT_DATABASE_URL};
use api::state::{AppState, SystemClock};
use entity::{department, employee};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

const JWT_SECRET: &str = "bench-calls-fixed-secret-0123456789abcdef";
const ADMIN_NO: &str = "seed-admin";
const PASSWORD: &str = "seed-password-1";
const WARM_UP: usize = 20;
const PAGES_PER_WALK: usize = 20;

const FIRST_PAGE: &str = "{ calls(first: 50) { totalCount edges { cursor node { id receivedAt callerNumber status handler { id name } department { id name } } } } }";
const NEXT_PAGE: &str = "query Next($after: String) { calls(first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id receivedAt callerNumber status handler { id name } department { id name } } } } }";

struct Args {
    requests: usize,
    walks: usize,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut args = Args { requests: 200, walks: 10 };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut number = |name: &str| -> anyhow::Result<usize> {
            let v = it.next().with_context(|| format!("{name} needs a number"))?;
            let n: usize = v.parse().map_err(|_| anyhow::anyhow!("{name} must be a whole number, not '{v}'"))?;
            if n == 0 || n > 100_000 {
                bail!("{name} must be between 1 and 100000");
            }
            Ok(n)
        };
        match a.as_str() {
            "--requests" => args.requests = number("--requests")?,
            "--walks" => args.walks = number("--walks")?,
            "-h" | "--help" => {
                println!("usage: bench-calls [--requests N (200)] [--walks W (10) of {PAGES_PER_WALK} pages]");
                std::process::exit(0);
            }
            other => bail!("unknown argument '{other}' (usage: bench-calls [--requests N] [--walks W])"),
        }
    }
    Ok(args)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    let database_url = std::env::var("DATABASE_URL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
    let lookup_url = database_url.clone();
    let config = Config::from_lookup(move |k| match k {
        "DATABASE_URL" => Some(lookup_url.clone()),
        "JWT_SECRET" => Some(JWT_SECRET.to_owned()),
        "LISTEN_ADDR" => Some("127.0.0.1:0".to_owned()),
        _ => None,
    })
    .map_err(|e| anyhow::anyhow!("configuration: {e}"))?;

    let db = api::db::connect(&config.database_url).await?;
    api::db::migrate(&db).await?;
    check_seed(&db).await?;

    let state = AppState::new(db, config, Arc::new(SystemClock))?;
    let app = api::build_app(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let url = format!("http://{addr}/graphql");
    println!("serving on {addr} (database {})", redact(&database_url));

    let client = reqwest::Client::builder().timeout(Duration::from_secs(60)).no_proxy().build()?;
    let login = post(
        &client,
        &url,
        None,
        json!({ "query": format!("mutation {{ login(employeeNo: \"{ADMIN_NO}\", password: \"{PASSWORD}\") {{ accessToken }} }}") }),
    )
    .await
    .context("signing in as seed-admin (is the seed data there? run the seed binary first)")?;
    let token = login
        .pointer("/data/login/accessToken")
        .and_then(Value::as_str)
        .context("the login response has no accessToken")?
        .to_owned();

    // First page.
    let first_body = json!({ "query": FIRST_PAGE });
    let probe = post(&client, &url, Some(&token), first_body.clone()).await?;
    let total = probe.pointer("/data/calls/totalCount").and_then(Value::as_i64).unwrap_or(0);
    let edges = probe.pointer("/data/calls/edges").and_then(Value::as_array).map_or(0, Vec::len);
    if total == 0 || edges == 0 {
        bail!("seed-admin sees no calls: run `cargo run --release -p api --bin seed` against this database first");
    }
    println!("seed-admin sees {total} calls; first page has {edges} edges");
    for _ in 0..WARM_UP {
        post(&client, &url, Some(&token), first_body.clone()).await?;
    }
    let mut first = Vec::with_capacity(args.requests);
    let wall = Instant::now();
    for _ in 0..args.requests {
        let t = Instant::now();
        post(&client, &url, Some(&token), first_body.clone()).await?;
        first.push(t.elapsed());
    }
    summarise(&format!("first page (first: 50), {} sequential requests", args.requests), &mut first, wall.elapsed());

    // Deep paging: walks of PAGES_PER_WALK pages, each `after` the previous endCursor.
    let mut deep = Vec::with_capacity(args.walks * PAGES_PER_WALK);
    let mut by_page = vec![Duration::ZERO; PAGES_PER_WALK];
    let mut rows_seen = 0usize;
    let wall = Instant::now();
    for _ in 0..args.walks {
        let mut after: Option<String> = None;
        rows_seen = 0;
        for page in by_page.iter_mut() {
            let body = json!({ "query": NEXT_PAGE, "variables": { "after": after } });
            let t = Instant::now();
            let resp = post(&client, &url, Some(&token), body).await?;
            let took = t.elapsed();
            deep.push(took);
            *page += took;
            rows_seen += resp.pointer("/data/calls/edges").and_then(Value::as_array).map_or(0, Vec::len);
            let has_next = resp.pointer("/data/calls/pageInfo/hasNextPage").and_then(Value::as_bool).unwrap_or(false);
            after = resp.pointer("/data/calls/pageInfo/endCursor").and_then(Value::as_str).map(str::to_owned);
            if !has_next || after.is_none() {
                break;
            }
        }
    }
    summarise(
        &format!(
            "deep paging, {} walks of up to {PAGES_PER_WALK} pages via endCursor ({rows_seen} rows per walk)",
            args.walks
        ),
        &mut deep,
        wall.elapsed(),
    );
    let walks = u32::try_from(args.walks).unwrap_or(1);
    let mean = |d: Duration| ms(d / walks);
    println!(
        "  mean by depth: page 1 {:.2} ms, page 2 {:.2} ms, page 10 {:.2} ms, page 20 {:.2} ms",
        mean(by_page[0]),
        mean(by_page[1]),
        mean(by_page[9]),
        mean(by_page[PAGES_PER_WALK - 1])
    );

    server.abort();
    Ok(())
}

/// Fails with a clear message when the seed data is missing.
async fn check_seed(db: &sea_orm::DatabaseConnection) -> anyhow::Result<()> {
    let dept = department::Entity::find().filter(department::Column::Code.eq("SEED-D00")).count(db).await?;
    let admin = employee::Entity::find().filter(employee::Column::EmployeeNo.eq(ADMIN_NO)).count(db).await?;
    let calls = entity::call::Entity::find().count(db).await?;
    if dept == 0 || admin == 0 || calls == 0 {
        bail!(
            "seed data is missing (department SEED-D00: {dept}, employee {ADMIN_NO}: {admin}, calls: {calls}); \
             run `DATABASE_URL=… cargo run --release -p api --bin seed -- --calls 100000` first"
        );
    }
    Ok(())
}

async fn post(client: &reqwest::Client, url: &str, token: Option<&str>, body: Value) -> anyhow::Result<Value> {
    let mut req = client.post(url).json(&body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let resp = req.send().await?;
    let status = resp.status();
    let value: Value = resp.json().await.with_context(|| format!("HTTP {status}: the body is not JSON"))?;
    if let Some(errors) = value.get("errors").and_then(Value::as_array).filter(|e| !e.is_empty()) {
        bail!("HTTP {status}: GraphQL errors: {}", Value::Array(errors.clone()));
    }
    if !status.is_success() {
        bail!("HTTP {status}: {value}");
    }
    Ok(value)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Nearest-rank percentile of sorted samples.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn summarise(label: &str, samples: &mut [Duration], wall: Duration) {
    samples.sort();
    let n = samples.len();
    println!("{label}:");
    println!(
        "  p50 {:.2} ms  p90 {:.2} ms  p99 {:.2} ms  max {:.2} ms  min {:.2} ms  ({n} requests, {:.1} req/s)",
        ms(percentile(samples, 50.0)),
        ms(percentile(samples, 90.0)),
        ms(percentile(samples, 99.0)),
        ms(samples.last().copied().unwrap_or_default()),
        ms(samples.first().copied().unwrap_or_default()),
        n as f64 / wall.as_secs_f64().max(1e-9),
    );
}

/// The URL without a password, for printing.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}
