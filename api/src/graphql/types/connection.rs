//! Relay connections with totalCount, one concrete name per node type.

use async_graphql::SimpleObject;

use super::audit::AuditEntry;
use super::call::Call;
use super::follow_up::FollowUp;
use super::people::Employee;
use crate::service::page::Page;

#[derive(SimpleObject)]
pub struct PageInfo {
    pub has_next_page: bool,
    pub has_previous_page: bool,
    pub start_cursor: Option<String>,
    pub end_cursor: Option<String>,
}

/// Rows of a page with their cursors, in the shape every connection shares.
pub struct PageParts<T> {
    pub edges: Vec<(String, T)>,
    pub page_info: PageInfo,
    pub total_count: i32,
}

impl<T> PageParts<T> {
    pub fn from_page<M>(page: Page<M>, wrap: impl Fn(M) -> T) -> Self {
        let start_cursor = page.items.first().map(|(c, _)| c.clone());
        let end_cursor = page.items.last().map(|(c, _)| c.clone());
        Self {
            page_info: PageInfo {
                has_next_page: page.has_next_page,
                has_previous_page: page.has_previous_page,
                start_cursor,
                end_cursor,
            },
            total_count: i32::try_from(page.total_count).unwrap_or(i32::MAX),
            edges: page.items.into_iter().map(|(cursor, m)| (cursor, wrap(m))).collect(),
        }
    }
}

/// Declares `XConnection` and `XEdge` for a node type (async-graphql cannot
/// nest generic objects).
macro_rules! connection {
    ($conn:ident, $edge:ident, $node:ty) => {
        #[derive(SimpleObject)]
        pub struct $edge {
            pub cursor: String,
            pub node: $node,
        }

        #[derive(SimpleObject)]
        pub struct $conn {
            pub edges: Vec<$edge>,
            pub page_info: PageInfo,
            pub total_count: i32,
        }

        impl $conn {
            pub fn from_page<M>(page: Page<M>, wrap: impl Fn(M) -> $node) -> Self {
                let p = PageParts::from_page(page, wrap);
                Self {
                    edges: p.edges.into_iter().map(|(cursor, node)| $edge { cursor, node }).collect(),
                    page_info: p.page_info,
                    total_count: p.total_count,
                }
            }
        }
    };
}

connection!(EmployeeConnection, EmployeeEdge, Employee);
connection!(CallConnection, CallEdge, Call);
connection!(FollowUpConnection, FollowUpEdge, FollowUp);
connection!(AuditEntryConnection, AuditEntryEdge, AuditEntry);
