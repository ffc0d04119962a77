//! The GraphQL endpoint. Only POST with a JSON body executes operations, so
//! mutations never ride on GET or on form posts (CSRF).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde_json::json;

use super::{HttpState, REQUEST_ID};
use crate::auth::Session;
use crate::auth::jwt::TokenError;
use crate::error::finish_errors;
use crate::graphql::ctx::RequestData;
use crate::graphql::loaders::Loaders;
use crate::service::RequestMeta;
use crate::service::audit::ReadLog;
use crate::state::AppState;

fn error_response(status: StatusCode, code: &str, message: &str) -> Response {
    let body = json!({ "data": null, "errors": [{ "message": message, "extensions": { "code": code } }] });
    (status, axum::Json(body)).into_response()
}

pub async fn graphiql(State(s): State<HttpState>) -> Response {
    if s.app.config.is_production() {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    Html(async_graphql::http::GraphiQLSource::build().endpoint("/graphql").finish()).into_response()
}

/// Turns the Authorization header into a session. A header that is present
/// but malformed, forged or not ours is refused outright (HTTP 401), never
/// treated as anonymous.
async fn authenticate(app: &AppState, headers: &HeaderMap) -> Result<Session, Response> {
    let Some(value) = headers.get(header::AUTHORIZATION) else { return Ok(Session::Anonymous) };
    let unauthorized = |m: &str| error_response(StatusCode::UNAUTHORIZED, "UNAUTHENTICATED", m);
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| unauthorized("the Authorization header must be 'Bearer <token>'"))?;
    let employee_id = match app.jwt.verify(token) {
        Ok(id) => id,
        Err(TokenError::Expired) => return Ok(Session::Expired),
        Err(TokenError::Invalid) => return Err(unauthorized("the access token is not valid")),
    };
    match crate::service::session::active_actor(&app.db, employee_id).await {
        Ok(Some(actor)) => Ok(Session::Authenticated(actor)),
        Ok(None) => Err(unauthorized("the account is not active")),
        Err(e) => {
            if let crate::error::AppError::Internal(cause) = &e {
                tracing::error!(error = ?cause, "loading the actor");
            }
            Err(error_response(StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL", "internal error"))
        }
    }
}

pub async fn execute(State(s): State<HttpState>, headers: HeaderMap, body: Bytes) -> Response {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.split(';').next().is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json")));
    if !is_json {
        return error_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "BAD_USER_INPUT",
            "send the GraphQL request as application/json",
        );
    }
    let session = match authenticate(&s.app, &headers).await {
        Ok(sess) => sess,
        Err(resp) => return resp,
    };
    let mut request: async_graphql::Request = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(_) => {
            return error_response(StatusCode::BAD_REQUEST, "BAD_USER_INPUT", "the body is not a GraphQL request");
        }
    };
    if let Err(too_big) = crate::graphql::limits::admit(&mut request) {
        let mut errors = vec![too_big];
        finish_errors(&mut errors);
        return axum::Json(async_graphql::Response::from_errors(errors)).into_response();
    }
    let anonymous = !matches!(session, Session::Authenticated(_));
    if anonymous && s.app.config.is_production() {
        request = request.disable_introspection();
    }
    let actor_id = match &session {
        Session::Authenticated(a) => Some(a.id()),
        _ => None,
    };
    let request_id = headers.get(REQUEST_ID).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let reads = Arc::new(ReadLog::default());
    let data = RequestData { session, meta: RequestMeta { request_id: request_id.clone() }, reads: reads.clone() };
    let request = request.data(data).data(Loaders::new(&s.app.db));
    let mut response = s.schema.execute(request).await;
    finish_errors(&mut response.errors);
    // Full reads of sensitive fields are on record before anyone sees them.
    if let Err(e) = reads.flush(&s.app.db, actor_id, request_id.as_deref(), s.app.now()).await {
        if let crate::error::AppError::Internal(cause) = &e {
            tracing::error!(error = ?cause, "writing the read audit");
        }
        return error_response(StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL", "internal error");
    }
    axum::Json(response).into_response()
}
