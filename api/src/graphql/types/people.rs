//! Department, Employee, AuthPayload.

use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use domain::masking;
use domain::policy::{self, FieldAccess};
use entity::{department, employee};

use super::connection::EmployeeConnection;
use crate::auth::actor::decode_roles;
use crate::error::{AppError, AppResult};
use crate::graphql::ctx;
use crate::graphql::enums::Role;
use crate::service::page::PageArgs;
use crate::service::people::{self, EmployeeFilter};

pub struct Department(pub department::Model);

#[Object]
impl Department {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn head(&self, ctx: &Context<'_>) -> AppResult<Option<Employee>> {
        super::load_employee(ctx, self.0.head_id).await
    }
    async fn is_administration(&self) -> bool {
        self.0.is_administration
    }
    #[graphql(complexity = "first.unwrap_or(20).max(0) as usize * child_complexity + 1")]
    async fn employees(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> AppResult<EmployeeConnection> {
        let (st, actor, _) = ctx::parts(ctx)?;
        let filter = EmployeeFilter { department_id: Some(self.0.id), ..Default::default() };
        let page = people::employees(
            st,
            actor,
            filter,
            PageArgs::forward(first, after).counting(ctx.look_ahead().field("totalCount").exists()),
        )
        .await?;
        Ok(EmployeeConnection::from_page(page, Employee::new))
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

pub struct Employee(pub employee::Model, Viewing);

/// Whether the response is for the employee themself without a session yet
/// (the payload of `login` and `refreshSession`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Viewing {
    BySession,
    AsSelf,
}

impl Employee {
    pub fn new(m: employee::Model) -> Self {
        Self(m, Viewing::BySession)
    }
    /// Email and mobile by the policy: full (audited unless it is one's own),
    /// masked, or null with FORBIDDEN.
    fn contact(
        &self,
        ctx: &Context<'_>,
        field: &'static str,
        value: Option<&str>,
        mask: fn(&str) -> String,
    ) -> AppResult<Option<String>> {
        if self.1 == Viewing::AsSelf {
            return Ok(value.map(str::to_owned));
        }
        let actor = ctx::actor(ctx)?;
        match policy::employee_contact_access(&actor.viewer, self.0.id) {
            FieldAccess::Forbidden => Ok(ctx::forbidden_field(ctx)),
            FieldAccess::Masked => Ok(value.map(mask)),
            FieldAccess::Full => {
                if value.is_some() && actor.id() != self.0.id {
                    ctx::request(ctx)?.reads.record("Employee", self.0.id, field);
                }
                Ok(value.map(str::to_owned))
            }
        }
    }
}

#[Object]
impl Employee {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn employee_no(&self) -> &str {
        &self.0.employee_no
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn department(&self, ctx: &Context<'_>) -> AppResult<Department> {
        super::load_department(ctx, Some(self.0.department_id)).await?.ok_or(AppError::NotFound)
    }
    async fn roles(&self) -> Vec<Role> {
        decode_roles(&self.0.roles).into_iter().map(Role::from).collect()
    }
    async fn extension(&self) -> Option<&str> {
        self.0.extension.as_deref()
    }
    /// Personal data: full to oneself, HR and system administrators; masked
    /// to other call-handling roles; FORBIDDEN to analysts.
    async fn email(&self, ctx: &Context<'_>) -> AppResult<Option<String>> {
        self.contact(ctx, "email", self.0.email.as_deref(), masking::mask_email)
    }
    /// Personal data, like `email`.
    async fn mobile(&self, ctx: &Context<'_>) -> AppResult<Option<String>> {
        self.contact(ctx, "mobile", self.0.mobile.as_deref(), masking::mask_phone)
    }
    async fn active(&self) -> bool {
        self.0.active
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

pub struct AuthPayload {
    pub access_token: String,
    pub refresh_token: String,
    pub expires_at: DateTime<Utc>,
    pub employee: employee::Model,
}

#[Object]
impl AuthPayload {
    async fn access_token(&self) -> &str {
        &self.access_token
    }
    async fn refresh_token(&self) -> &str {
        &self.refresh_token
    }
    async fn expires_at(&self) -> DateTime<Utc> {
        self.expires_at
    }
    async fn employee(&self) -> Employee {
        Employee(self.employee.clone(), Viewing::AsSelf)
    }
}
