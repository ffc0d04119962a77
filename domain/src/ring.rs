//! Ring counts and the three-ring rule (spec §3, policy P2.1).

use chrono::{DateTime, Utc};

pub const DEFAULT_RING_LIMIT: i32 = 3;
pub const DEFAULT_RING_INTERVAL_SECONDS: i32 = 5;

/// `ringCount` as given; when omitted and `answeredAt` is given,
/// `max(1, ceil((answeredAt − receivedAt) / interval))`; `None` when neither.
///
/// The ceiling is taken on whole milliseconds so that 10.001 s at a 5 s
/// interval is a third ring. A non-positive interval is a configuration
/// mistake and falls back to the default rather than dividing by zero.
pub fn ring_count(
    given: Option<i32>,
    received_at: DateTime<Utc>,
    answered_at: Option<DateTime<Utc>>,
    interval_seconds: i32,
) -> Option<i32> {
    if given.is_some() {
        return given;
    }
    let answered_at = answered_at?;
    let interval = if interval_seconds > 0 { interval_seconds } else { DEFAULT_RING_INTERVAL_SECONDS };
    let interval_ms = u64::from(interval.unsigned_abs()) * 1000;
    // An answer stamped before the call arrived (clock skew) still rang once.
    let waited_ms = u64::try_from((answered_at - received_at).num_milliseconds()).unwrap_or(0);
    let rings = waited_ms.div_ceil(interval_ms).max(1);
    Some(i32::try_from(rings).unwrap_or(i32::MAX))
}

/// Answered, and within `limit` rings. An answered call with no known ring
/// count cannot be shown to meet the limit, so it does not.
pub fn answered_within_limit(answered: bool, ring_count: Option<i32>, limit: i32) -> bool {
    answered && ring_count.is_some_and(|rings| rings <= limit)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_736_470_800, 0).unwrap()
    }

    fn after_ms(ms: i64) -> Option<DateTime<Utc>> {
        Some(t0() + TimeDelta::milliseconds(ms))
    }

    #[test]
    fn a_given_ring_count_is_used_as_is() {
        assert_eq!(ring_count(Some(4), t0(), after_ms(1_000), 5), Some(4));
        assert_eq!(ring_count(Some(2), t0(), None, 5), Some(2));
    }

    #[test]
    fn without_count_or_answer_there_is_no_ring_count() {
        assert_eq!(ring_count(None, t0(), None, 5), None);
    }

    #[test]
    fn an_answer_at_the_moment_of_arrival_is_one_ring() {
        assert_eq!(ring_count(None, t0(), after_ms(0), 5), Some(1));
        assert_eq!(ring_count(None, t0(), after_ms(1), 5), Some(1));
    }

    #[test]
    fn rings_are_the_ceiling_of_waiting_time_over_the_interval() {
        assert_eq!(ring_count(None, t0(), after_ms(5_000), 5), Some(1));
        assert_eq!(ring_count(None, t0(), after_ms(5_001), 5), Some(2));
        assert_eq!(ring_count(None, t0(), after_ms(10_000), 5), Some(2));
        assert_eq!(ring_count(None, t0(), after_ms(10_001), 5), Some(3));
        assert_eq!(ring_count(None, t0(), after_ms(15_001), 5), Some(4));
        assert_eq!(ring_count(None, t0(), after_ms(10_001), 3), Some(4));
    }

    #[test]
    fn an_answer_before_arrival_counts_as_one_ring() {
        assert_eq!(ring_count(None, t0(), after_ms(-3_000), 5), Some(1));
    }

    #[test]
    fn a_non_positive_interval_falls_back_to_the_default() {
        assert_eq!(ring_count(None, t0(), after_ms(10_001), 0), Some(3));
        assert_eq!(ring_count(None, t0(), after_ms(10_001), -5), Some(3));
    }

    #[test]
    fn a_very_long_wait_saturates_instead_of_overflowing() {
        let years = Some(t0() + TimeDelta::days(365 * 5_000));
        assert_eq!(ring_count(None, t0(), years, 1), Some(i32::MAX));
    }

    #[test]
    fn within_limit_needs_an_answer_and_at_most_limit_rings() {
        assert!(answered_within_limit(true, Some(1), DEFAULT_RING_LIMIT));
        assert!(answered_within_limit(true, Some(3), DEFAULT_RING_LIMIT));
        assert!(!answered_within_limit(true, Some(4), DEFAULT_RING_LIMIT));
        assert!(!answered_within_limit(false, Some(1), DEFAULT_RING_LIMIT));
        assert!(!answered_within_limit(true, None, DEFAULT_RING_LIMIT));
    }
}
