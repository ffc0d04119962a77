#![allow(clippy::unwrap_used, clippy::expect_used)]
pub mod harness;

mod audit;
mod auth;
mod calls;
mod contract;
mod deadlines;
mod foundation;
mod limits;
mod outcomes;
