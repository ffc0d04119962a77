//! Departments and employees (contract: people).

use chrono::{DateTime, Utc};
use domain::policy::{Capability, Role};
use entity::{department, employee};
use sea_orm::sea_query::{Expr, Func, LikeExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};

use super::audit::{self, AuditRecord};
use super::page::{Cursor, Page, PageArgs};
use super::scope::require;
use super::{RequestMeta, check_len, clean};
use crate::auth::actor::{decode_roles, encode_roles};
use crate::auth::{Actor, password};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn departments(st: &AppState, actor: &Actor) -> AppResult<Vec<department::Model>> {
    require(actor, Capability::ReadOrganisation)?;
    Ok(department::Entity::find().order_by_asc(department::Column::Code).all(&st.db).await?)
}

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn employee(st: &AppState, actor: &Actor, id: i64) -> AppResult<Option<employee::Model>> {
    require(actor, Capability::ReadOrganisation)?;
    Ok(employee::Entity::find_by_id(id).one(&st.db).await?)
}

#[derive(Debug, Default)]
pub struct EmployeeFilter {
    pub department_id: Option<i64>,
    pub role: Option<Role>,
    pub search: Option<String>,
}

pub fn like_pattern(text: &str) -> LikeExpr {
    let escaped = text.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn employees(
    st: &AppState,
    actor: &Actor,
    f: EmployeeFilter,
    page: PageArgs,
) -> AppResult<Page<employee::Model>> {
    require(actor, Capability::ReadOrganisation)?;
    let window = page.window()?;
    let mut q = employee::Entity::find();
    if let Some(d) = f.department_id {
        q = q.filter(employee::Column::DepartmentId.eq(d));
    }
    if let Some(r) = f.role {
        q = q.filter(employee::Column::Roles.like(format!("%,{},%", r.as_str())));
    }
    if let Some(s) = clean(f.search) {
        let p = like_pattern(&s);
        q = q.filter(
            Condition::any()
                .add(Expr::expr(Func::lower(Expr::col(employee::Column::Name))).like(p.clone()))
                .add(Expr::expr(Func::lower(Expr::col(employee::Column::EmployeeNo))).like(p)),
        );
    }
    let total = page.total(&q, &st.db).await?;
    if let Some(c) = &window.cursor {
        q = q.filter(if window.backward { employee::Column::Id.lt(c.id) } else { employee::Column::Id.gt(c.id) });
    }
    q = if window.backward { q.order_by_desc(employee::Column::Id) } else { q.order_by_asc(employee::Column::Id) };
    let rows = q.limit(window.limit + 1).all(&st.db).await?;
    Ok(Page::from_rows(rows, &window, total, |e| Cursor { key: 0, id: e.id }))
}

#[derive(Debug)]
pub struct NewDepartment {
    pub code: String,
    pub name: String,
    pub is_administration: bool,
    pub head_id: Option<i64>,
}

fn check_code(code: &str) -> AppResult<()> {
    let ok =
        !code.is_empty() && code.len() <= 32 && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ok { Ok(()) } else { Err(AppError::bad("code must be 1 to 32 letters, digits, '-' or '_'")) }
}

fn required_text(field: &str, value: &str, max: usize) -> AppResult<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(AppError::bad(format!("{field} may not be empty")));
    }
    check_len(field, Some(v), max)?;
    Ok(v.to_owned())
}

fn unique_violation(e: sea_orm::DbErr, what: &str) -> AppError {
    match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => AppError::conflict(format!("{what} already exists")),
        _ => e.into(),
    }
}

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn create_department(
    st: &AppState,
    actor: &Actor,
    meta: &RequestMeta,
    input: NewDepartment,
) -> AppResult<department::Model> {
    require(actor, Capability::ManageOrganisation)?;
    check_code(&input.code)?;
    let name = required_text("name", &input.name, 200)?;
    let now = st.now();
    let txn = st.db.begin().await?;
    if department::Entity::find().filter(department::Column::Code.eq(&input.code)).one(&txn).await?.is_some() {
        return Err(AppError::conflict("a department with this code already exists"));
    }
    if let Some(h) = input.head_id {
        active_employee(&txn, h).await?;
    }
    let dept = department::ActiveModel {
        code: Set(input.code),
        name: Set(name),
        is_administration: Set(input.is_administration),
        head_id: Set(input.head_id),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e| unique_violation(e, "a department with this code"))?;
    audit::record(
        &txn,
        actor,
        meta,
        now,
        vec![AuditRecord::mutation(
            "createDepartment",
            "Department",
            dept.id,
            &["code", "name", "isAdministration", "head"],
        )],
    )
    .await?;
    txn.commit().await?;
    Ok(dept)
}

async fn active_employee<C: ConnectionTrait>(conn: &C, id: i64) -> AppResult<employee::Model> {
    match employee::Entity::find_by_id(id).one(conn).await? {
        Some(e) if e.active => Ok(e),
        Some(_) => Err(AppError::bad("the employee is deactivated")),
        None => Err(AppError::bad("no such employee")),
    }
}

/// Makes an employee of the department its head and gives them the
/// DEPARTMENT_HEAD role, which is what lets them see its calls.
#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn set_department_head(
    st: &AppState,
    actor: &Actor,
    meta: &RequestMeta,
    department_id: i64,
    employee_id: i64,
) -> AppResult<department::Model> {
    require(actor, Capability::ManageOrganisation)?;
    let now = st.now();
    let txn = st.db.begin().await?;
    let dept = department::Entity::find_by_id(department_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    let emp = active_employee(&txn, employee_id).await?;
    if emp.department_id != dept.id {
        return Err(AppError::bad("a department head must belong to the department"));
    }
    let mut roles = decode_roles(&emp.roles);
    if !roles.contains(&Role::DepartmentHead) {
        roles.push(Role::DepartmentHead);
        let mut e: employee::ActiveModel = emp.clone().into();
        e.roles = Set(encode_roles(&roles));
        e.version = Set(emp.version + 1);
        e.updated_at = Set(now);
        e.update(&txn).await?;
    }
    let version = dept.version;
    let mut d: department::ActiveModel = dept.into();
    d.head_id = Set(Some(employee_id));
    d.version = Set(version + 1);
    d.updated_at = Set(now);
    let dept = d.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        meta,
        now,
        vec![AuditRecord::mutation("setDepartmentHead", "Department", dept.id, &["head"])],
    )
    .await?;
    txn.commit().await?;
    Ok(dept)
}

#[derive(Debug, Default)]
pub struct NewEmployee {
    pub employee_no: String,
    pub name: String,
    pub department_id: i64,
    pub roles: Vec<Role>,
    pub extension: Option<String>,
    pub email: Option<String>,
    pub mobile: Option<String>,
    pub initial_password: String,
}

fn check_email(email: Option<String>) -> AppResult<Option<String>> {
    let Some(e) = clean(email) else { return Ok(None) };
    let valid = e.len() <= 254
        && e.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
        })
        && !e.chars().any(char::is_whitespace);
    if valid { Ok(Some(e)) } else { Err(AppError::bad("email is not a valid e-mail address")) }
}

fn check_mobile(mobile: Option<String>) -> AppResult<Option<String>> {
    match clean(mobile) {
        None => Ok(None),
        Some(m) => {
            domain::phone::normalize(&m).map(Some).map_err(|_| AppError::bad("mobile is not a plausible phone number"))
        }
    }
}

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn create_employee(
    st: &AppState,
    actor: &Actor,
    meta: &RequestMeta,
    input: NewEmployee,
) -> AppResult<employee::Model> {
    require(actor, Capability::ManageOrganisation)?;
    check_code(&input.employee_no)
        .map_err(|_| AppError::bad("employeeNo must be 1 to 32 letters, digits, '-' or '_'"))?;
    let name = required_text("name", &input.name, 100)?;
    if input.roles.is_empty() {
        return Err(AppError::bad("an employee needs at least one role"));
    }
    let email = check_email(input.email)?;
    let mobile = check_mobile(input.mobile)?;
    let extension = clean(input.extension);
    check_len("extension", extension.as_deref(), 20)?;
    password::check_strength(&input.initial_password).map_err(AppError::BadInput)?;
    let hash = password::hash(&input.initial_password).map_err(AppError::internal)?;
    let now = st.now();
    let txn = st.db.begin().await?;
    if department::Entity::find_by_id(input.department_id).one(&txn).await?.is_none() {
        return Err(AppError::bad("no such department"));
    }
    if employee::Entity::find().filter(employee::Column::EmployeeNo.eq(&input.employee_no)).one(&txn).await?.is_some() {
        return Err(AppError::conflict("an employee with this employeeNo already exists"));
    }
    let emp = employee::ActiveModel {
        employee_no: Set(input.employee_no),
        name: Set(name),
        department_id: Set(input.department_id),
        roles: Set(encode_roles(&input.roles)),
        extension: Set(extension),
        email: Set(email),
        mobile: Set(mobile),
        password_hash: Set(hash),
        active: Set(true),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e| unique_violation(e, "an employee with this employeeNo"))?;
    audit::record(
        &txn,
        actor,
        meta,
        now,
        vec![AuditRecord::mutation(
            "createEmployee",
            "Employee",
            emp.id,
            &["employeeNo", "name", "department", "roles", "extension", "email", "mobile"],
        )],
    )
    .await?;
    txn.commit().await?;
    Ok(emp)
}

#[derive(Debug, Default)]
pub struct EmployeeChanges {
    pub id: i64,
    pub version: i32,
    pub name: Option<String>,
    pub department_id: Option<i64>,
    pub roles: Option<Vec<Role>>,
    pub extension: Option<String>,
    pub email: Option<String>,
    pub mobile: Option<String>,
    pub active: Option<bool>,
}

#[tracing::instrument(skip_all, fields(actor = actor.id()))]
pub async fn update_employee(
    st: &AppState,
    actor: &Actor,
    meta: &RequestMeta,
    input: EmployeeChanges,
) -> AppResult<employee::Model> {
    require(actor, Capability::ManageOrganisation)?;
    let name = input.name.as_deref().map(|n| required_text("name", n, 100)).transpose()?;
    if input.roles.as_ref().is_some_and(Vec::is_empty) {
        return Err(AppError::bad("an employee needs at least one role"));
    }
    let email = check_email(input.email.clone())?;
    let mobile = check_mobile(input.mobile.clone())?;
    if input.active == Some(false) && input.id == actor.id() {
        return Err(AppError::bad("you cannot deactivate yourself"));
    }
    let now = st.now();
    let txn = st.db.begin().await?;
    let current = employee::Entity::find_by_id(input.id).one(&txn).await?.ok_or(AppError::NotFound)?;
    if current.version != input.version {
        return Err(AppError::stale());
    }
    if let Some(d) = input.department_id
        && department::Entity::find_by_id(d).one(&txn).await?.is_none()
    {
        return Err(AppError::bad("no such department"));
    }
    let mut changed: Vec<&str> = Vec::new();
    let mut m: employee::ActiveModel = current.clone().into();
    if let Some(n) = name {
        m.name = Set(n);
        changed.push("name");
    }
    if let Some(d) = input.department_id {
        m.department_id = Set(d);
        changed.push("department");
    }
    if let Some(r) = &input.roles {
        m.roles = Set(encode_roles(r));
        changed.push("roles");
    }
    if input.extension.is_some() {
        m.extension = Set(clean(input.extension));
        changed.push("extension");
    }
    if input.email.is_some() {
        m.email = Set(email);
        changed.push("email");
    }
    if input.mobile.is_some() {
        m.mobile = Set(mobile);
        changed.push("mobile");
    }
    if let Some(a) = input.active {
        m.active = Set(a);
        changed.push("active");
    }
    m.version = Set(current.version + 1);
    m.updated_at = Set(now);
    let res = employee::Entity::update_many()
        .set(m)
        .filter(employee::Column::Id.eq(current.id))
        .filter(employee::Column::Version.eq(current.version))
        .exec(&txn)
        .await?;
    if res.rows_affected == 0 {
        return Err(AppError::stale());
    }
    if input.active == Some(false) {
        super::session::revoke_all(&txn, current.id, now).await?;
    }
    audit::record(
        &txn,
        actor,
        meta,
        now,
        vec![AuditRecord::mutation("updateEmployee", "Employee", current.id, &changed)],
    )
    .await?;
    let updated = employee::Entity::find_by_id(current.id).one(&txn).await?.ok_or(AppError::NotFound)?;
    txn.commit().await?;
    Ok(updated)
}

/// On first start with no employees: the ADMIN department and the bootstrap
/// administrator of spec §1.
pub async fn bootstrap(
    db: &sea_orm::DatabaseConnection,
    employee_no: &str,
    password_plain: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<bool> {
    let txn = db.begin().await?;
    if employee::Entity::find().count(&txn).await? > 0 {
        return Ok(false);
    }
    let dept = match department::Entity::find().filter(department::Column::Code.eq("ADMIN")).one(&txn).await? {
        Some(d) => d,
        None => {
            department::ActiveModel {
                code: Set("ADMIN".into()),
                name: Set("Administration".into()),
                is_administration: Set(true),
                head_id: Set(None),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    let emp = employee::ActiveModel {
        employee_no: Set(employee_no.to_owned()),
        name: Set("Administrator".into()),
        department_id: Set(dept.id),
        roles: Set(encode_roles(&[Role::SystemAdmin, Role::Administration, Role::Staff])),
        password_hash: Set(password::hash(password_plain)?),
        active: Set(true),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::append(
        &txn,
        None,
        None,
        now,
        vec![AuditRecord::mutation("bootstrap", "Employee", emp.id, &["employeeNo", "roles"])],
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    txn.commit().await?;
    Ok(true)
}
