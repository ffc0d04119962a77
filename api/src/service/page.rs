//! Relay paging arguments and opaque keyset cursors.

use base64::Engine;

use crate::error::{AppError, AppResult};

pub const DEFAULT_PAGE: u64 = 20;
pub const MAX_PAGE: u64 = 100;

#[derive(Debug, Clone, Default)]
pub struct PageArgs {
    pub first: Option<i32>,
    pub after: Option<String>,
    pub last: Option<i32>,
    pub before: Option<String>,
    /// Skip the COUNT query when the client did not ask for totalCount.
    pub skip_total: bool,
}

/// Which way to walk the keyset and how many rows to return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub limit: u64,
    /// Walking from the end (`last`/`before`): results are reversed after.
    pub backward: bool,
    pub cursor: Option<Cursor>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub key: i64,
    pub id: i64,
}

impl Cursor {
    pub fn encode(&self) -> String {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{}:{}", self.key, self.id))
    }

    pub fn decode(s: &str) -> AppResult<Self> {
        let bad = || AppError::bad("invalid cursor");
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(s).map_err(|_| bad())?;
        let text = String::from_utf8(bytes).map_err(|_| bad())?;
        let (k, i) = text.split_once(':').ok_or_else(bad)?;
        Ok(Self { key: k.parse().map_err(|_| bad())?, id: i.parse().map_err(|_| bad())? })
    }
}

impl PageArgs {
    pub fn forward(first: Option<i32>, after: Option<String>) -> Self {
        Self { first, after, ..Default::default() }
    }

    pub fn counting(mut self, wanted: bool) -> Self {
        self.skip_total = !wanted;
        self
    }

    /// The number of rows matching `q`, or 0 when not wanted.
    pub async fn total<E: sea_orm::EntityTrait, C: sea_orm::ConnectionTrait>(
        &self,
        q: &sea_orm::Select<E>,
        conn: &C,
    ) -> AppResult<u64>
    where
        E::Model: Sync,
    {
        use sea_orm::PaginatorTrait;
        if self.skip_total {
            return Ok(0);
        }
        Ok(q.clone().count(conn).await?)
    }

    pub fn window(&self) -> AppResult<Window> {
        let size = |n: Option<i32>, name: &str| -> AppResult<Option<u64>> {
            match n {
                None => Ok(None),
                Some(n) if n < 0 => Err(AppError::bad(format!("{name} may not be negative"))),
                Some(n) if n as u64 > MAX_PAGE => Err(AppError::bad(format!("{name} may be at most {MAX_PAGE}"))),
                Some(n) => Ok(Some(n as u64)),
            }
        };
        let first = size(self.first, "first")?;
        let last = size(self.last, "last")?;
        if first.is_some() && last.is_some() {
            return Err(AppError::bad("pass either first or last, not both"));
        }
        if self.after.is_some() && self.before.is_some() {
            return Err(AppError::bad("pass either after or before, not both"));
        }
        let backward = last.is_some() || (first.is_none() && self.before.is_some());
        let cursor = match if backward { &self.before } else { &self.after } {
            Some(c) => Some(Cursor::decode(c)?),
            None => None,
        };
        Ok(Window { limit: first.or(last).unwrap_or(DEFAULT_PAGE), backward, cursor })
    }
}

/// One page of rows with their cursors.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<(String, T)>,
    pub has_next_page: bool,
    pub has_previous_page: bool,
    pub total_count: u64,
}

impl<T> Page<T> {
    /// Builds a page from `limit + 1` rows fetched in walking order.
    pub fn from_rows(mut rows: Vec<T>, window: &Window, total_count: u64, cursor_of: impl Fn(&T) -> Cursor) -> Self {
        let more = rows.len() as u64 > window.limit;
        rows.truncate(window.limit as usize);
        if window.backward {
            rows.reverse();
        }
        let items = rows.into_iter().map(|r| (cursor_of(&r).encode(), r)).collect();
        let had_cursor = window.cursor.is_some();
        let (has_next_page, has_previous_page) = if window.backward { (had_cursor, more) } else { (more, had_cursor) };
        Self { items, has_next_page, has_previous_page, total_count }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_bad_input() {
        let c = Cursor { key: -5, id: 42 };
        assert_eq!(Cursor::decode(&c.encode()).unwrap(), c);
        assert!(matches!(Cursor::decode("nope!"), Err(AppError::BadInput(_))));
    }

    #[test]
    fn page_sizes_are_bounded() {
        assert!(PageArgs { first: Some(101), ..Default::default() }.window().is_err());
        assert!(PageArgs { first: Some(-1), ..Default::default() }.window().is_err());
        assert_eq!(PageArgs::default().window().unwrap().limit, DEFAULT_PAGE);
        let w = PageArgs { last: Some(5), ..Default::default() }.window().unwrap();
        assert!(w.backward);
    }

    #[test]
    fn a_backward_page_is_returned_in_forward_order() {
        let w = Window { limit: 2, backward: true, cursor: None };
        let p = Page::from_rows(vec![3, 2, 1], &w, 3, |n| Cursor { key: *n, id: *n });
        let got: Vec<i64> = p.items.iter().map(|(_, n)| *n).collect();
        assert_eq!(got, vec![2, 3]);
        assert!(p.has_previous_page && !p.has_next_page);
    }
}
