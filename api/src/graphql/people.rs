//! Area root: people and sign-in.

use async_graphql::{Context, ID, Object};

use super::ctx;
use super::enums::Role;
use super::inputs::{CreateDepartmentInput, CreateEmployeeInput, UpdateEmployeeInput};
use super::types::connection::EmployeeConnection;
use super::types::people::{AuthPayload, Department, Employee};
use crate::error::{AppError, AppResult};
use crate::service::page::PageArgs;
use crate::service::people::{self, EmployeeFilter};
use crate::service::session::{self, Issued};
use crate::service::{parse_id, require_id};

#[derive(Default)]
pub struct PeopleQuery;

#[Object]
impl PeopleQuery {
    /// The signed-in employee.
    async fn me(&self, ctx: &Context<'_>) -> AppResult<Employee> {
        let (st, actor, _) = ctx::parts(ctx)?;
        people::employee(st, actor, actor.id()).await?.map(Employee::new).ok_or(AppError::NotFound)
    }

    async fn employee(&self, ctx: &Context<'_>, id: ID) -> AppResult<Option<Employee>> {
        let (st, actor, _) = ctx::parts(ctx)?;
        let Some(id) = parse_id(&id) else { return Ok(None) };
        Ok(people::employee(st, actor, id).await?.map(Employee::new))
    }

    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity + 1")]
    async fn employees(
        &self,
        ctx: &Context<'_>,
        department_id: Option<ID>,
        role: Option<Role>,
        search: Option<String>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<EmployeeConnection> {
        let (st, actor, _) = ctx::parts(ctx)?;
        let filter = EmployeeFilter {
            department_id: department_id.map(|d| parse_id(&d).unwrap_or(-1)),
            role: role.map(Into::into),
            search,
        };
        let page = people::employees(
            st,
            actor,
            filter,
            PageArgs::forward(first, after).counting(ctx.look_ahead().field("totalCount").exists()),
        )
        .await?;
        Ok(EmployeeConnection::from_page(page, Employee::new))
    }

    async fn departments(&self, ctx: &Context<'_>) -> AppResult<Vec<Department>> {
        let (st, actor, _) = ctx::parts(ctx)?;
        Ok(people::departments(st, actor).await?.into_iter().map(Department).collect())
    }
}

fn payload(i: Issued) -> AuthPayload {
    AuthPayload {
        access_token: i.access_token,
        refresh_token: i.refresh_token,
        expires_at: i.expires_at,
        employee: i.employee,
    }
}

#[derive(Default)]
pub struct PeopleMutation;

#[Object]
impl PeopleMutation {
    /// Signs in with employee number and password.
    async fn login(
        &self,
        ctx: &Context<'_>,
        employee_no: String,
        #[graphql(secret)] password: String,
    ) -> AppResult<AuthPayload> {
        let st = ctx::state(ctx)?;
        Ok(payload(session::login(st, &ctx::request(ctx)?.meta, &employee_no, &password).await?))
    }

    /// Exchanges a refresh token for new tokens; the old one stops working,
    /// and presenting it again ends the whole session.
    async fn refresh_session(
        &self,
        ctx: &Context<'_>,
        #[graphql(secret)] refresh_token: String,
    ) -> AppResult<AuthPayload> {
        let st = ctx::state(ctx)?;
        Ok(payload(session::refresh(st, &ctx::request(ctx)?.meta, &refresh_token).await?))
    }

    /// Ends the session of this refresh token.
    async fn logout(&self, ctx: &Context<'_>, #[graphql(secret)] refresh_token: String) -> AppResult<bool> {
        let st = ctx::state(ctx)?;
        session::logout(st, &ctx::request(ctx)?.meta, &refresh_token).await
    }

    /// Changes one's own password and ends every session.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        #[graphql(secret)] current_password: String,
        #[graphql(secret)] new_password: String,
    ) -> AppResult<bool> {
        let (st, actor, meta) = ctx::parts(ctx)?;
        session::change_password(st, actor, meta, &current_password, &new_password).await
    }

    async fn create_department(&self, ctx: &Context<'_>, input: CreateDepartmentInput) -> AppResult<Department> {
        let (st, actor, meta) = ctx::parts(ctx)?;
        crate::service::scope::require(actor, domain::policy::Capability::ManageOrganisation)?;
        Ok(Department(people::create_department(st, actor, meta, input.into_service()?).await?))
    }

    async fn set_department_head(
        &self,
        ctx: &Context<'_>,
        department_id: ID,
        employee_id: ID,
    ) -> AppResult<Department> {
        let (st, actor, meta) = ctx::parts(ctx)?;
        crate::service::scope::require(actor, domain::policy::Capability::ManageOrganisation)?;
        let d = require_id(&department_id, "departmentId")?;
        let e = require_id(&employee_id, "employeeId")?;
        Ok(Department(people::set_department_head(st, actor, meta, d, e).await?))
    }

    async fn create_employee(&self, ctx: &Context<'_>, input: CreateEmployeeInput) -> AppResult<Employee> {
        let (st, actor, meta) = ctx::parts(ctx)?;
        crate::service::scope::require(actor, domain::policy::Capability::ManageOrganisation)?;
        Ok(Employee::new(people::create_employee(st, actor, meta, input.into_service()?).await?))
    }

    async fn update_employee(&self, ctx: &Context<'_>, input: UpdateEmployeeInput) -> AppResult<Employee> {
        let (st, actor, meta) = ctx::parts(ctx)?;
        crate::service::scope::require(actor, domain::policy::Capability::ManageOrganisation)?;
        Ok(Employee::new(people::update_employee(st, actor, meta, input.into_service()?).await?))
    }
}
