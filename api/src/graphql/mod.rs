//! The GraphQL schema: one merged root per area.
pub mod audit;
pub mod calls;
pub mod ctx;
pub mod enums;
pub mod follow_ups;
pub mod inputs;
pub mod limits;
pub mod loaders;
pub mod people;
pub mod scalars;
pub mod types;

use async_graphql::{EmptySubscription, MergedObject, Schema, SchemaBuilder};

#[derive(MergedObject, Default)]
pub struct Query(people::PeopleQuery, calls::CallQuery, follow_ups::FollowUpQuery, audit::AuditQuery);

#[derive(MergedObject, Default)]
pub struct Mutation(people::PeopleMutation, calls::CallMutation, follow_ups::FollowUpMutation);

pub type AppSchema = Schema<Query, Mutation, EmptySubscription>;

pub const MAX_DEPTH: usize = 12;
pub const MAX_COMPLEXITY: usize = 5_000;

/// The schema with its limits, without per-process data: what the SDL export
/// and the server share.
pub fn schema_builder(production: bool) -> SchemaBuilder<Query, Mutation, EmptySubscription> {
    let mut b = Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
        .limit_recursive_depth(32)
        .limit_directives(10)
        // Every request passes `limits::admit` first (see there).
        .extension(async_graphql::extensions::Tracing);
    if production {
        b = b.disable_suggestions();
    }
    b
}

pub fn build_schema(state: crate::state::AppState) -> AppSchema {
    let production = state.config.is_production();
    schema_builder(production).data(state).finish()
}

/// The SDL as committed in `schema.graphql`.
pub fn sdl() -> String {
    schema_builder(false).finish().sdl()
}
