//! Fills a database with a realistic volume of demonstration data, for
//! benchmarks and for trying the service out:
//!
//! ```text
//! DATABASE_URL=postgres://… cargo run --release -p api --bin seed -- --calls 100000
//! ```
//!
//! Creates departments `SEED-D00`..`SEED-D09` with five staff each
//! (`seed-e<dept>-<n>`, the first also head of the department), an
//! ADMINISTRATION employee `seed-admin`, and `--calls` calls spread over the
//! last 365 days. Every seeded account has the password `seed-password-1`.
//!
//! Idempotent: when `SEED-D00` already exists nothing is written and what is
//! there is reported. Everything is written in one transaction, so a run that
//! fails part-way leaves nothing behind and can simply be repeated.

use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use domain::policy::Role;
use entity::{call, department, employee};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, Set, TransactionTrait,
};

use api::auth::actor::encode_roles;
use api::config::DEFAULT_DATABASE_URL;
use api::service::calls::{ANSWERED, CATEGORIES, Linked, MISSED, missing_for};

const DEPARTMENTS: usize = 10;
const STAFF_PER_DEPARTMENT: usize = 5;
const PASSWORD: &str = "seed-password-1";
const ADMIN_NO: &str = "seed-admin";
const MARKER_CODE: &str = "SEED-D00";
/// Rows per INSERT. A call row binds 27 values (the id is generated), so
/// 1000 rows bind 27 000: under SQLite's 32 766 and PostgreSQL's 65 535.
const BATCH: usize = 1000;
const DEFAULT_CALLS: usize = 100_000;
/// The ring limit and interval the migration seeds (P2.1, spec §3).
const RING_LIMIT: i32 = 3;
const RING_INTERVAL_SECONDS: i64 = 5;

/// xorshift64*: tiny, deterministic, good enough for demonstration data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }
    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (n > 0; the modulo bias is irrelevant here).
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    fn range(&mut self, lo: i64, hi_inclusive: i64) -> i64 {
        let span = u64::try_from(hi_inclusive - lo + 1).unwrap_or(1);
        lo + i64::try_from(self.below(span)).unwrap_or(0)
    }
    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = usize::try_from(self.below(items.len() as u64)).unwrap_or(0);
        &items[i.min(items.len() - 1)]
    }
}

struct Args {
    calls: usize,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut calls = DEFAULT_CALLS;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--calls" => {
                let v = it.next().ok_or_else(|| anyhow::anyhow!("--calls needs a number"))?;
                calls = v.parse().map_err(|_| anyhow::anyhow!("--calls must be a whole number, not '{v}'"))?;
            }
            "-h" | "--help" => {
                println!("usage: seed [--calls N]   (default {DEFAULT_CALLS}; DATABASE_URL selects the database)");
                std::process::exit(0);
            }
            other => anyhow::bail!("unknown argument '{other}' (usage: seed [--calls N])"),
        }
    }
    Ok(Args { calls })
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    let url = std::env::var("DATABASE_URL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
    let started = Instant::now();
    let db = api::db::connect(&url).await?;
    api::db::migrate(&db).await?;
    println!("connected and migrated in {:.2?}", started.elapsed());

    if department::Entity::find().filter(department::Column::Code.eq(MARKER_CODE)).one(&db).await?.is_some() {
        println!("seed data already present ({MARKER_CODE} exists); nothing written");
        report(&db).await?;
        return Ok(());
    }

    let t_hash = Instant::now();
    let password_hash = api::auth::password::hash(PASSWORD)?;
    println!("password hashed once in {:.2?}", t_hash.elapsed());

    // Whole seconds, so values round-trip exactly through either database.
    let now = DateTime::from_timestamp(Utc::now().timestamp(), 0).unwrap_or_else(Utc::now);
    let txn = db.begin().await?;
    let t_org = Instant::now();
    let org = seed_organisation(&txn, &password_hash, now).await?;
    println!(
        "created {} departments and {} employees in {:.2?}",
        org.departments.len(),
        org.staff.len() + 1,
        t_org.elapsed()
    );

    let t_calls = Instant::now();
    let inserted = seed_calls(&txn, &org, args.calls, now).await?;
    txn.commit().await?;
    let secs = t_calls.elapsed().as_secs_f64();
    println!(
        "inserted {inserted} calls in {secs:.2}s ({:.0} rows/s, batches of {BATCH})",
        inserted as f64 / secs.max(1e-9)
    );
    println!("total elapsed {:.2?}", started.elapsed());
    report(&db).await?;
    Ok(())
}

struct Org {
    departments: Vec<i64>,
    /// (employee id, department id) of every seeded staff member.
    staff: Vec<(i64, i64)>,
}

async fn seed_organisation<C: ConnectionTrait>(
    conn: &C,
    password_hash: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<Org> {
    let mut departments = Vec::with_capacity(DEPARTMENTS);
    let mut staff = Vec::with_capacity(DEPARTMENTS * STAFF_PER_DEPARTMENT);
    let new_employee = |no: String, name: String, dept: i64, roles: &[Role], ext: String| employee::ActiveModel {
        employee_no: Set(no),
        name: Set(name),
        department_id: Set(dept),
        roles: Set(encode_roles(roles)),
        extension: Set(Some(ext)),
        email: Set(None),
        mobile: Set(None),
        password_hash: Set(password_hash.to_owned()),
        active: Set(true),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    for d in 0..DEPARTMENTS {
        let dept = department::ActiveModel {
            code: Set(format!("SEED-D{d:02}")),
            name: Set(format!("Seed department {d:02}")),
            is_administration: Set(d == 0),
            head_id: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        let mut head = None;
        for n in 1..=STAFF_PER_DEPARTMENT {
            let roles: &[Role] = if n == 1 { &[Role::Staff, Role::DepartmentHead] } else { &[Role::Staff] };
            let emp = new_employee(
                format!("seed-e{d:02}-{n}"),
                format!("Seed Staff {d:02}-{n}"),
                dept.id,
                roles,
                format!("8{d:02}{n}"),
            )
            .insert(conn)
            .await?;
            head.get_or_insert(emp.id);
            staff.push((emp.id, dept.id));
        }
        let mut d_am: department::ActiveModel = dept.clone().into();
        d_am.head_id = Set(head);
        d_am.update(conn).await?;
        departments.push(dept.id);
    }
    let Some(&admin_dept) = departments.first() else { anyhow::bail!("no departments were created") };
    new_employee(
        ADMIN_NO.to_owned(),
        "Seed Administrator".to_owned(),
        admin_dept,
        &[Role::Administration, Role::Staff],
        "8000".to_owned(),
    )
    .insert(conn)
    .await?;
    Ok(Org { departments, staff })
}

const REASONS: [&str; 8] = [
    "Asked about delivery dates",
    "Wants a quote for the spring order",
    "Follow-up on an invoice",
    "Requested a call from the sales manager",
    "Reported a damaged shipment",
    "Asked for the head office address",
    "Offered a partnership for trade fairs",
    "Complained about waiting time on the phone",
];
const ORGANISATIONS: [&str; 5] =
    ["Huaxin Trading", "Bright Star Logistics", "Eastern Machinery", "Jinling Foods", "Pearl River Media"];
const NAMES: [&str; 6] = ["Wang Wei", "Li Na", "Zhang Min", "Liu Yang", "Chen Jing", "Zhao Lei"];

fn make_call(rng: &mut Rng, staff: &[(i64, i64)], now: DateTime<Utc>) -> anyhow::Result<call::ActiveModel> {
    let span = 365 * 24 * 3600;
    let received_at = now - Duration::seconds(rng.range(60, span));
    let &(handler_id, department_id) = rng.pick(staff);
    let missed = rng.chance(10);
    let (status, ring_count, answered_at, ended_at) = if missed {
        (MISSED, None, None, None)
    } else {
        let rings = rng.range(1, 6);
        let answered = received_at + Duration::seconds(rings * RING_INTERVAL_SECONDS);
        let ended = answered + Duration::seconds(rng.range(20, 900));
        (ANSWERED, Some(i32::try_from(rings)?), Some(answered), Some(ended.min(now)))
    };
    let caller_number = format!("+861{}{:09}", rng.range(3, 9), rng.below(1_000_000_000));
    // Every stored number is in normal form; make sure ours are too.
    if domain::phone::normalize(&caller_number).ok().as_deref() != Some(caller_number.as_str()) {
        anyhow::bail!("generated caller number {caller_number} is not in normal form");
    }
    let important = rng.chance(10);
    let reason = if rng.chance(5) { String::new() } else { (*rng.pick(&REASONS)).to_owned() };
    let created_at = (received_at + Duration::minutes(rng.range(1, 30))).min(now);
    let mut model = call::Model {
        id: 0,
        received_at,
        answered_at,
        ended_at,
        ring_count,
        ring_sort: ring_count.unwrap_or(0),
        answered_within_limit: ring_count.is_some_and(|r| !missed && r <= RING_LIMIT),
        status: status.to_owned(),
        category: (*rng.pick(&CATEGORIES)).to_owned(),
        caller_number,
        caller_name: rng.chance(60).then(|| (*rng.pick(&NAMES)).to_owned()),
        caller_organization: rng.chance(40).then(|| (*rng.pick(&ORGANISATIONS)).to_owned()),
        reason,
        notes: rng.chance(20).then(|| "Seeded call; notes for the search filter.".to_owned()),
        important,
        key_facts_confirmed: important && rng.chance(70),
        greeting_given: rng.chance(90),
        confidential: rng.chance(5),
        from_blocked_number: false,
        record_complete: false,
        missing_fields: String::new(),
        handler_id: Some(handler_id),
        department_id: Some(department_id),
        created_by: Some(handler_id),
        version: 1,
        created_at,
        updated_at: created_at,
    };
    let missing = missing_for(&model, Linked::default());
    model.record_complete = missing.is_empty();
    model.missing_fields = missing.join(",");
    let mut am: call::ActiveModel = model.into();
    am.id = NotSet;
    Ok(am)
}

async fn seed_calls<C: ConnectionTrait>(conn: &C, org: &Org, n: usize, now: DateTime<Utc>) -> anyhow::Result<u64> {
    if org.staff.is_empty() {
        anyhow::bail!("no staff to handle calls");
    }
    let mut rng = Rng::new(0x5EED_CA11_2026_0001);
    let mut inserted = 0u64;
    let mut remaining = n;
    let step = (n / 10).max(BATCH);
    let mut next_report = step;
    while remaining > 0 {
        let size = remaining.min(BATCH);
        let batch = (0..size).map(|_| make_call(&mut rng, &org.staff, now)).collect::<anyhow::Result<Vec<_>>>()?;
        inserted += call::Entity::insert_many(batch).exec_without_returning(conn).await?;
        remaining -= size;
        if inserted as usize >= next_report && remaining > 0 {
            println!("  … {inserted} calls");
            next_report += step;
        }
    }
    Ok(inserted)
}

async fn report(db: &DatabaseConnection) -> anyhow::Result<()> {
    let seeded_depts =
        department::Entity::find().filter(department::Column::Code.starts_with("SEED-")).count(db).await?;
    let seeded_emps =
        employee::Entity::find().filter(employee::Column::EmployeeNo.starts_with("seed-")).count(db).await?;
    let calls = call::Entity::find().count(db).await?;
    let missed = call::Entity::find().filter(call::Column::Status.eq(MISSED)).count(db).await?;
    let confidential = call::Entity::find().filter(call::Column::Confidential.eq(true)).count(db).await?;
    let complete = call::Entity::find().filter(call::Column::RecordComplete.eq(true)).count(db).await?;
    println!(
        "database now holds: {seeded_depts} seed departments, {seeded_emps} seed employees, {calls} calls \
         ({missed} missed, {confidential} confidential, {complete} complete records)"
    );
    println!("sign in as {ADMIN_NO} / {PASSWORD} (ADMINISTRATION: sees every call)");
    Ok(())
}
