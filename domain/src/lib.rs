//! Pure business rules of the call-management service. No I/O, no GraphQL,
//! no HTTP: every function takes what it needs (including `now`) as arguments.
pub mod calendar;
pub mod completeness;
pub mod holidays;
pub mod masking;
pub mod phone;
pub mod policy;
pub mod ring;
pub mod sla;
pub mod throttle;
