//! Prints the schema's SDL: `cargo run -p api --bin export-schema > schema.graphql`.
fn main() {
    print!("{}", api::graphql::sdl());
}
