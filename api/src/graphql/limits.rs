//! A linear-time budget over the parsed document, checked before anything
//! else looks at it.
//!
//! async-graphql's depth and complexity limits run after validation, and
//! fragments that spread other fragments several times grow exponentially
//! before any of them fires; directives outside fields and `__typename`
//! aliases are not counted either. This counts every selection as it would
//! be executed (fragment sizes memoised, so the work stays linear in the
//! document) plus every directive, and rejects the document with TOO_COMPLEX.

use async_graphql::parser::types::{Directive, ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Name, Positioned, ServerError};
use std::collections::HashMap;

/// Selections (fields, `__typename`, fragment spreads) after expanding fragments.
pub const MAX_SELECTIONS: u64 = 2_000;
/// Directives anywhere in the document.
pub const MAX_DIRECTIVES: u64 = 50;
/// Operations plus fragment definitions.
pub const MAX_DEFINITIONS: usize = 100;

#[derive(Debug, PartialEq, Eq)]
pub enum Overrun {
    Selections,
    Directives,
    Definitions,
    FragmentCycle,
}

#[derive(Default, Clone, Copy)]
struct Cost {
    selections: u64,
    directives: u64,
}

impl Cost {
    fn add(self, o: Cost) -> Cost {
        Cost {
            selections: self.selections.saturating_add(o.selections),
            directives: self.directives.saturating_add(o.directives),
        }
    }
}

struct Counter<'a> {
    doc: &'a ExecutableDocument,
    memo: HashMap<&'a str, Cost>,
    in_progress: Vec<&'a str>,
}

fn directives(d: &[Positioned<Directive>]) -> Cost {
    Cost { selections: 0, directives: d.len() as u64 }
}

impl<'a> Counter<'a> {
    fn set(&mut self, set: &'a SelectionSet) -> Result<Cost, Overrun> {
        let mut total = Cost::default();
        for item in &set.items {
            let c = match &item.node {
                Selection::Field(f) => Cost { selections: 1, directives: 0 }
                    .add(directives(&f.node.directives))
                    .add(self.set(&f.node.selection_set.node)?),
                Selection::InlineFragment(f) => {
                    directives(&f.node.directives).add(self.set(&f.node.selection_set.node)?)
                }
                Selection::FragmentSpread(s) => Cost { selections: 1, directives: 0 }
                    .add(directives(&s.node.directives))
                    .add(self.fragment(&s.node.fragment_name.node)?),
            };
            total = total.add(c);
            if total.selections > MAX_SELECTIONS {
                return Err(Overrun::Selections);
            }
        }
        Ok(total)
    }

    fn fragment(&mut self, name: &'a Name) -> Result<Cost, Overrun> {
        let key: &'a str = name.as_str();
        if let Some(c) = self.memo.get(key) {
            return Ok(*c);
        }
        if self.in_progress.contains(&key) {
            return Err(Overrun::FragmentCycle);
        }
        // An unknown fragment is for validation to report.
        let Some(def) = self.doc.fragments.get(name) else { return Ok(Cost::default()) };
        self.in_progress.push(key);
        let c = directives(&def.node.directives).add(self.set(&def.node.selection_set.node)?);
        self.in_progress.pop();
        self.memo.insert(key, c);
        Ok(c)
    }
}

/// Checks a parsed document against the budget.
pub fn check(doc: &ExecutableDocument) -> Result<(), Overrun> {
    let operations: Vec<_> = doc.operations.iter().collect();
    if operations.len() + doc.fragments.len() > MAX_DEFINITIONS {
        return Err(Overrun::Definitions);
    }
    let mut counter = Counter { doc, memo: HashMap::new(), in_progress: Vec::new() };
    let mut total = Cost::default();
    for (_, op) in operations {
        let var_directives: u64 = op.node.variable_definitions.iter().map(|v| v.node.directives.len() as u64).sum();
        total = total
            .add(directives(&op.node.directives))
            .add(Cost { selections: 0, directives: var_directives })
            .add(counter.set(&op.node.selection_set.node)?);
    }
    // Fragments never spread still cost parsing; count their directives too.
    for name in doc.fragments.keys() {
        if !counter.memo.contains_key(name.as_str()) {
            counter.fragment(name)?;
        }
    }
    if total.selections > MAX_SELECTIONS {
        return Err(Overrun::Selections);
    }
    let all_directives = total.directives + counter.memo.values().map(|c| c.directives).sum::<u64>();
    if all_directives > MAX_DIRECTIVES {
        return Err(Overrun::Directives);
    }
    Ok(())
}

/// Admits a request: parses it once (the parsed document is kept for
/// execution) and checks the budget. Must run before `Schema::execute`,
/// because async-graphql's own parse-time checks (recursion depth,
/// directives per field) walk fragment spreads without memoising and so take
/// exponential time on such documents. A document that does not parse is let
/// through for execution to report.
pub fn admit(request: &mut async_graphql::Request) -> Result<(), ServerError> {
    let Ok(doc) = request.parsed_query() else { return Ok(()) };
    check(doc).map_err(|why| {
        let msg = match why {
            Overrun::Selections => {
                format!("the query selects more than {MAX_SELECTIONS} fields once fragments are expanded")
            }
            Overrun::Directives => format!("the query has more than {MAX_DIRECTIVES} directives"),
            Overrun::Definitions => format!("the query has more than {MAX_DEFINITIONS} operations and fragments"),
            Overrun::FragmentCycle => "the query's fragments spread each other in a cycle".to_owned(),
        };
        let mut err = ServerError::new(msg, None);
        let mut ext = async_graphql::ErrorExtensionValues::default();
        ext.set("code", "TOO_COMPLEX");
        err.extensions = Some(ext);
        err
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use async_graphql::parser::parse_query;

    fn run(q: &str) -> Result<(), Overrun> {
        check(&parse_query(q).unwrap())
    }

    #[test]
    fn an_ordinary_query_fits() {
        assert_eq!(run("{ me { id name department { code } } }"), Ok(()));
    }

    #[test]
    fn fragments_that_spread_each_other_twice_are_caught_quickly() {
        // Each level doubles: 2^40 selections, computed in linear time.
        let mut q = String::from("query { ...F0 }\n");
        for i in 0..40 {
            q.push_str(&format!("fragment F{i} on Query {{ ...F{n} ...F{n} }}\n", n = i + 1));
        }
        q.push_str("fragment F40 on Query { __typename }\n");
        let started = std::time::Instant::now();
        assert_eq!(run(&q), Err(Overrun::Selections));
        assert!(started.elapsed().as_secs() < 2);
    }

    #[test]
    fn many_typename_aliases_count() {
        let fields: String = (0..2100).map(|i| format!("a{i}: __typename ")).collect();
        assert_eq!(run(&format!("{{ {fields} }}")), Err(Overrun::Selections));
    }

    #[test]
    fn directives_outside_fields_count() {
        let dirs: String = (0..60).map(|_| "@skip(if: false) ").collect();
        assert_eq!(run(&format!("query Q {dirs} {{ __typename }}")), Err(Overrun::Directives));
    }

    #[test]
    fn a_fragment_cycle_is_rejected() {
        assert_eq!(
            run("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"),
            Err(Overrun::FragmentCycle)
        );
    }
}
