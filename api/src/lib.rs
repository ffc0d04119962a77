//! The call-management service: GraphQL over HTTP.
pub mod auth;
pub mod config;
pub mod db;
pub mod error;
pub mod graphql;
pub mod http;
pub mod service;
pub mod state;
pub mod telemetry;

pub use http::build_app;
