//! Inquiry and KnowledgeArticle (P3.1): read model; the mutations come with
//! the inquiries issue.

use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use entity::{inquiry, knowledge_article};

use super::call::Call;
use super::people::Employee;
use crate::error::AppResult;
use crate::graphql::ctx;

pub struct Inquiry(pub inquiry::Model);

#[Object]
impl Inquiry {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn call(&self, ctx: &Context<'_>) -> AppResult<Call> {
        super::visible_call(ctx, self.0.call_id).await
    }
    async fn question(&self) -> &str {
        &self.0.question
    }
    async fn answered_on_spot(&self) -> bool {
        self.0.answered_on_spot
    }
    async fn answer(&self) -> Option<&str> {
        self.0.answer.as_deref()
    }
    /// What the caller was told; never later than replyDueAt.
    async fn promised_reply_by(&self) -> Option<DateTime<Utc>> {
        self.0.promised_reply_by
    }
    /// At most one working day after the call.
    async fn reply_due_at(&self) -> Option<DateTime<Utc>> {
        self.0.reply_due_at
    }
    async fn replied_at(&self) -> Option<DateTime<Utc>> {
        self.0.replied_at
    }
    async fn replied_by(&self, ctx: &Context<'_>) -> AppResult<Option<Employee>> {
        super::load_employee(ctx, self.0.replied_by).await
    }
    /// Not answered on the spot, not replied, and past replyDueAt.
    async fn overdue(&self, ctx: &Context<'_>) -> AppResult<bool> {
        let open = !self.0.answered_on_spot && self.0.replied_at.is_none();
        Ok(domain::sla::is_overdue(open, self.0.reply_due_at, ctx::state(ctx)?.now()))
    }
    async fn knowledge_article(&self, ctx: &Context<'_>) -> AppResult<Option<KnowledgeArticle>> {
        let Some(id) = self.0.knowledge_article_id else { return Ok(None) };
        let loaded = super::loaders(ctx)?.knowledge_articles.load_one(id).await.map_err(super::load_err)?;
        Ok(loaded.map(KnowledgeArticle))
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

pub struct KnowledgeArticle(pub knowledge_article::Model);

#[Object]
impl KnowledgeArticle {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn question(&self) -> &str {
        &self.0.question
    }
    async fn answer(&self) -> &str {
        &self.0.answer
    }
    async fn tags(&self) -> Vec<&str> {
        self.0.tags.split(',').filter(|t| !t.is_empty()).collect()
    }
    async fn created_by(&self, ctx: &Context<'_>) -> AppResult<Option<Employee>> {
        super::load_employee(ctx, self.0.created_by).await
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}
