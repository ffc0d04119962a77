//! Working-time calendar and deadlines (spec §2).
//!
//! All arithmetic happens on local wall-clock time in the calendar's time
//! zone, because "09:00–18:00 on a working day" is a wall-clock rule; instants
//! are converted only on the way in and out.

use std::collections::BTreeSet;

use chrono::{
    DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta,
    TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;

use crate::holidays;

/// About five years of standard working days; larger spans are almost
/// certainly input mistakes and would only make the caller wait.
pub const MAX_DEADLINE_MINUTES: i64 = 540 * 260 * 5;

/// A calendar with no working day for ten years is misconfigured; stopping
/// here keeps every search bounded.
const MAX_NON_WORKING_DAYS: u32 = 3660;

const ALL_WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

const fn clock(hour: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(hour, 0, 0) {
        Some(time) => time,
        None => NaiveTime::MIN,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessCalendar {
    pub timezone: Tz,
    pub workday_start: NaiveTime,
    pub workday_end: NaiveTime,
    pub weekend_days: Vec<Weekday>,
    /// Weekdays off; an entry on a weekend day has no effect.
    pub holidays: BTreeSet<NaiveDate>,
    /// Weekend days worked; an entry on a weekday has no effect.
    pub make_up_workdays: BTreeSet<NaiveDate>,
}

#[derive(Debug, Clone, Copy, thiserror::Error, PartialEq, Eq)]
pub enum CalendarError {
    #[error("working minutes must not be negative")]
    NegativeMinutes,
    #[error("working minutes must not exceed {MAX_DEADLINE_MINUTES}")]
    TooManyMinutes,
    #[error("the calendar has no working time within {MAX_NON_WORKING_DAYS} days")]
    NoWorkingTime,
    #[error("the working day must start before it ends")]
    InvalidHours,
}

impl Default for BusinessCalendar {
    fn default() -> Self {
        Self::standard()
    }
}

impl BusinessCalendar {
    pub fn standard() -> Self {
        Self {
            timezone: chrono_tz::Asia::Shanghai,
            workday_start: clock(9),
            workday_end: clock(18),
            weekend_days: vec![Weekday::Sat, Weekday::Sun],
            holidays: BTreeSet::new(),
            make_up_workdays: BTreeSet::new(),
        }
    }

    pub fn china_default() -> Self {
        let (holidays, make_up) = holidays::china_official_days();
        Self::standard().with_days(holidays, make_up)
    }

    pub fn with_days(
        mut self,
        holidays: impl IntoIterator<Item = NaiveDate>,
        make_up: impl IntoIterator<Item = NaiveDate>,
    ) -> Self {
        self.holidays = holidays.into_iter().collect();
        self.make_up_workdays = make_up.into_iter().collect();
        self
    }

    fn is_weekend(&self, date: NaiveDate) -> bool {
        self.weekend_days.contains(&date.weekday())
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        if self.is_weekend(date) {
            self.make_up_workdays.contains(&date)
        } else {
            !self.holidays.contains(&date)
        }
    }

    pub fn is_working_time(&self, at: DateTime<Utc>) -> bool {
        let local = self.local(at);
        let time = local.time();
        self.is_working_day(local.date()) && self.workday_start <= time && time < self.workday_end
    }

    pub fn workday_minutes(&self) -> i64 {
        (self.workday_end - self.workday_start).num_minutes().max(0)
    }

    /// Working minutes are counted only inside working hours on working
    /// days; an event outside working hours starts counting at the next
    /// working-time start. A deadline that uses up a day exactly is that
    /// day's end of work, not the next morning. `minutes == 0` gives `from`
    /// when it is working time, else the next working-time start.
    pub fn working_deadline(
        &self,
        from: DateTime<Utc>,
        minutes: i64,
    ) -> Result<DateTime<Utc>, CalendarError> {
        if minutes < 0 {
            return Err(CalendarError::NegativeMinutes);
        }
        if minutes > MAX_DEADLINE_MINUTES {
            return Err(CalendarError::TooManyMinutes);
        }
        let day_ns = self
            .day_length()?
            .num_nanoseconds()
            .ok_or(CalendarError::InvalidHours)?;
        let local = self.local(from);
        let cursor = self.working_start_at_or_after(local)?;
        if minutes == 0 {
            return Ok(if cursor == local {
                from
            } else {
                self.to_utc(cursor)
            });
        }

        let requested = TimeDelta::minutes(minutes);
        let available_today = cursor.date().and_time(self.workday_end) - cursor;
        if requested <= available_today {
            return Ok(self.to_utc(cursor + requested));
        }
        let rest_ns = (requested - available_today)
            .num_nanoseconds()
            .ok_or(CalendarError::TooManyMinutes)?;
        // Whole working days are skipped by division; the last day then takes
        // a share in (0, day] so an exact multiple ends at 18:00, not 09:00.
        let skipped_days = (rest_ns - 1) / day_ns;
        let last_day_ns = rest_ns - skipped_days * day_ns;
        let last_day = self.nth_working_day_after(cursor.date(), skipped_days + 1)?;
        let end = last_day.and_time(self.workday_start) + TimeDelta::nanoseconds(last_day_ns);
        Ok(self.to_utc(end))
    }

    /// Whole working minutes between two instants; 0 when `to <= from`.
    pub fn working_minutes_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
        let Ok(day_length) = self.day_length() else {
            return 0;
        };
        let (a, b) = (self.local(from), self.local(to));
        if to <= from || b <= a {
            return 0;
        }
        if a.date() == b.date() {
            return self.working_overlap(a.date(), a, b).num_minutes();
        }
        let first = self.working_overlap(a.date(), a, a.date().and_time(self.workday_end));
        let last = self.working_overlap(b.date(), b.date().and_time(self.workday_start), b);
        let between = a
            .date()
            .succ_opt()
            .map_or(0, |next| self.count_working_days(next, b.date()));
        let whole = i32::try_from(between)
            .ok()
            .and_then(|days| day_length.checked_mul(days))
            .unwrap_or(TimeDelta::MAX);
        first
            .checked_add(&last)
            .and_then(|sum| sum.checked_add(&whole))
            .map_or(i64::MAX, |total| total.num_minutes())
    }

    fn day_length(&self) -> Result<TimeDelta, CalendarError> {
        let length = self.workday_end - self.workday_start;
        if length > TimeDelta::zero() {
            Ok(length)
        } else {
            Err(CalendarError::InvalidHours)
        }
    }

    fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        at.with_timezone(&self.timezone).naive_local()
    }

    fn to_utc(&self, local: NaiveDateTime) -> DateTime<Utc> {
        match self.timezone.from_local_datetime(&local) {
            LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at.with_timezone(&Utc),
            // A wall-clock time skipped by a daylight-saving jump; read it with
            // the offset in force around it, which lands just past the gap.
            LocalResult::None => {
                let offset = self.timezone.offset_from_utc_datetime(&local).fix();
                (local - TimeDelta::seconds(i64::from(offset.local_minus_utc()))).and_utc()
            }
        }
    }

    fn working_start_at_or_after(
        &self,
        local: NaiveDateTime,
    ) -> Result<NaiveDateTime, CalendarError> {
        let date = local.date();
        if self.is_working_day(date) {
            if local.time() < self.workday_start {
                return Ok(date.and_time(self.workday_start));
            }
            if local.time() < self.workday_end {
                return Ok(local);
            }
        }
        Ok(self
            .nth_working_day_after(date, 1)?
            .and_time(self.workday_start))
    }

    fn working_overlap(&self, date: NaiveDate, lo: NaiveDateTime, hi: NaiveDateTime) -> TimeDelta {
        if !self.is_working_day(date) {
            return TimeDelta::zero();
        }
        let start = lo.max(date.and_time(self.workday_start));
        let end = hi.min(date.and_time(self.workday_end));
        (end - start).max(TimeDelta::zero())
    }

    fn working_days_per_week(&self) -> i64 {
        let count = ALL_WEEKDAYS
            .iter()
            .filter(|day| !self.weekend_days.contains(day))
            .count();
        i64::try_from(count).unwrap_or(0)
    }

    fn last_special_day(&self) -> Option<NaiveDate> {
        self.holidays
            .last()
            .copied()
            .max(self.make_up_workdays.last().copied())
    }

    /// The `n`-th working day strictly after `date` (`n >= 1`).
    fn nth_working_day_after(&self, date: NaiveDate, n: i64) -> Result<NaiveDate, CalendarError> {
        let per_week = self.working_days_per_week();
        let last_special = self.last_special_day();
        let (mut date, mut left, mut idle) = (date, n, 0u32);
        while left > 0 {
            // Past the last holiday entry every week holds the same number of
            // working days, so whole weeks can be jumped at once.
            if per_week > 0 && left > per_week && last_special.is_none_or(|last| date >= last) {
                let weeks = (left - 1) / per_week;
                let days = u64::try_from(weeks * 7).map_err(|_| CalendarError::NoWorkingTime)?;
                date = date
                    .checked_add_days(Days::new(days))
                    .ok_or(CalendarError::NoWorkingTime)?;
                left -= weeks * per_week;
                continue;
            }
            date = date.succ_opt().ok_or(CalendarError::NoWorkingTime)?;
            if self.is_working_day(date) {
                left -= 1;
                idle = 0;
            } else {
                idle += 1;
                if idle > MAX_NON_WORKING_DAYS {
                    return Err(CalendarError::NoWorkingTime);
                }
            }
        }
        Ok(date)
    }

    /// Working days in `[from, until)`, counted with week arithmetic plus the
    /// holiday entries that fall inside the range.
    fn count_working_days(&self, from: NaiveDate, until: NaiveDate) -> i64 {
        if until <= from {
            return 0;
        }
        let total = (until - from).num_days();
        let weeks = total / 7;
        let mut count = weeks * self.working_days_per_week();
        let tail_start = u64::try_from(weeks * 7)
            .ok()
            .and_then(|days| from.checked_add_days(Days::new(days)));
        if let Some(tail_start) = tail_start {
            count += tail_start
                .iter_days()
                .take_while(|day| *day < until)
                .map(|day| i64::from(!self.is_weekend(day)))
                .sum::<i64>();
        }
        let days_off = self
            .holidays
            .range(from..until)
            .filter(|d| !self.is_weekend(**d))
            .count();
        let days_worked = self
            .make_up_workdays
            .range(from..until)
            .filter(|d| self.is_weekend(**d))
            .count();
        count - i64::try_from(days_off).unwrap_or(0) + i64::try_from(days_worked).unwrap_or(0)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono_tz::Asia::Shanghai;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sh(y: i32, m: u32, day: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
        Shanghai
            .with_ymd_and_hms(y, m, day, h, min, s)
            .unwrap()
            .with_timezone(&Utc)
    }

    // 2025-01-10 is a Friday.
    const FRI: (i32, u32, u32) = (2025, 1, 10);

    fn fri(h: u32, min: u32) -> DateTime<Utc> {
        sh(FRI.0, FRI.1, FRI.2, h, min, 0)
    }

    fn deadline(cal: &BusinessCalendar, from: DateTime<Utc>, minutes: i64) -> DateTime<Utc> {
        cal.working_deadline(from, minutes).unwrap()
    }

    #[test]
    fn friday_afternoon_plus_one_working_day_is_monday_afternoon() {
        let cal = BusinessCalendar::standard();
        assert_eq!(deadline(&cal, fri(16, 0), 540), sh(2025, 1, 13, 16, 0, 0));
    }

    #[test]
    fn a_monday_holiday_moves_the_deadline_to_tuesday() {
        let cal = BusinessCalendar::standard().with_days([d(2025, 1, 13)], []);
        assert_eq!(deadline(&cal, fri(16, 0), 540), sh(2025, 1, 14, 16, 0, 0));
    }

    #[test]
    fn a_saturday_make_up_workday_is_counted() {
        let cal = BusinessCalendar::standard().with_days([], [d(2025, 1, 11)]);
        assert_eq!(deadline(&cal, fri(16, 0), 540), sh(2025, 1, 11, 16, 0, 0));
    }

    #[test]
    fn a_holiday_on_a_weekend_and_a_make_up_day_on_a_weekday_change_nothing() {
        let cal = BusinessCalendar::standard().with_days([d(2025, 1, 11)], [d(2025, 1, 13)]);
        assert!(!cal.is_working_day(d(2025, 1, 11)));
        assert!(cal.is_working_day(d(2025, 1, 13)));
        assert_eq!(deadline(&cal, fri(16, 0), 540), sh(2025, 1, 13, 16, 0, 0));
    }

    #[test]
    fn an_event_before_nine_starts_counting_at_nine() {
        let cal = BusinessCalendar::standard();
        assert_eq!(deadline(&cal, fri(7, 30), 60), fri(10, 0));
    }

    #[test]
    fn an_event_after_six_starts_counting_next_working_morning() {
        let cal = BusinessCalendar::standard();
        assert_eq!(deadline(&cal, fri(20, 0), 120), sh(2025, 1, 13, 11, 0, 0));
    }

    #[test]
    fn an_event_at_exactly_six_is_outside_working_time() {
        let cal = BusinessCalendar::standard();
        assert!(!cal.is_working_time(fri(18, 0)));
        assert_eq!(deadline(&cal, fri(18, 0), 60), sh(2025, 1, 13, 10, 0, 0));
    }

    #[test]
    fn an_event_at_exactly_nine_is_inside_working_time() {
        let cal = BusinessCalendar::standard();
        assert!(cal.is_working_time(fri(9, 0)));
        assert_eq!(deadline(&cal, fri(9, 0), 60), fri(10, 0));
        assert_eq!(deadline(&cal, fri(9, 0), 0), fri(9, 0));
    }

    #[test]
    fn a_deadline_using_up_the_day_exactly_is_six_pm_not_next_morning() {
        let cal = BusinessCalendar::standard();
        assert_eq!(deadline(&cal, fri(16, 0), 120), fri(18, 0));
        assert_eq!(deadline(&cal, fri(9, 0), 540), fri(18, 0));
        assert_eq!(
            deadline(&cal, fri(16, 0), 120 + 540),
            sh(2025, 1, 13, 18, 0, 0)
        );
        // Counting from a non-working time, a whole day ends the same evening.
        assert_eq!(deadline(&cal, fri(19, 0), 540), sh(2025, 1, 13, 18, 0, 0));
    }

    #[test]
    fn seconds_of_the_event_are_kept() {
        let cal = BusinessCalendar::standard();
        let from = sh(2025, 1, 10, 16, 0, 30) + TimeDelta::milliseconds(250);
        let expected = sh(2025, 1, 10, 17, 0, 30) + TimeDelta::milliseconds(250);
        assert_eq!(deadline(&cal, from, 60), expected);
        let late = sh(2025, 1, 10, 17, 59, 30);
        assert_eq!(deadline(&cal, late, 1), sh(2025, 1, 13, 9, 0, 30));
    }

    #[test]
    fn zero_minutes_is_the_event_itself_or_the_next_working_start() {
        let cal = BusinessCalendar::standard();
        let inside = fri(11, 0) + TimeDelta::nanoseconds(7);
        assert_eq!(deadline(&cal, inside, 0), inside);
        assert_eq!(
            deadline(&cal, sh(2025, 1, 11, 11, 0, 0), 0),
            sh(2025, 1, 13, 9, 0, 0)
        );
    }

    #[test]
    fn a_long_span_of_250_working_days_skips_exactly_that_many_days() {
        let cal = BusinessCalendar::standard();
        // Mon 2025-01-06 09:00 + 250 days of 540 minutes ends on the 250th
        // working day at 18:00: 50 full weeks later, the Friday 2025-12-19.
        let from = sh(2025, 1, 6, 9, 0, 0);
        assert_eq!(deadline(&cal, from, 540 * 250), sh(2025, 12, 19, 18, 0, 0));
        assert_eq!(
            cal.working_minutes_between(from, sh(2025, 12, 19, 18, 0, 0)),
            540 * 250
        );
    }

    #[test]
    fn the_maximum_span_is_accepted_and_one_more_minute_is_rejected() {
        let cal = BusinessCalendar::china_default();
        let from = fri(10, 0);
        let end = deadline(&cal, from, MAX_DEADLINE_MINUTES);
        assert_eq!(cal.working_minutes_between(from, end), MAX_DEADLINE_MINUTES);
        assert_eq!(
            cal.working_deadline(from, MAX_DEADLINE_MINUTES + 1),
            Err(CalendarError::TooManyMinutes)
        );
    }

    #[test]
    fn new_year_holiday_is_skipped_across_the_year_boundary() {
        let cal = BusinessCalendar::china_default();
        // Tue 2024-12-31 16:00; Wed 2025-01-01 is New Year's Day.
        assert_eq!(
            deadline(&cal, sh(2024, 12, 31, 16, 0, 0), 540),
            sh(2025, 1, 2, 16, 0, 0)
        );
        // 2022-12-30 (Fri) to 2023-01-03 (Tue): New Year's break 31 Dec – 2 Jan.
        assert_eq!(
            deadline(&cal, sh(2022, 12, 30, 17, 0, 0), 120),
            sh(2023, 1, 3, 10, 0, 0)
        );
    }

    #[test]
    fn utc_sunday_afternoon_is_monday_night_in_shanghai() {
        let cal = BusinessCalendar::standard();
        // 2025-01-12 is a Sunday; 16:30 UTC is Monday 00:30 in Shanghai.
        let utc = Utc.with_ymd_and_hms(2025, 1, 12, 16, 30, 0).unwrap();
        assert!(!cal.is_working_time(utc));
        assert_eq!(
            deadline(&cal, utc, 60),
            Utc.with_ymd_and_hms(2025, 1, 13, 2, 0, 0).unwrap()
        );
        // Friday 09:59 UTC is 17:59 in Shanghai, still working time.
        let friday = Utc.with_ymd_and_hms(2025, 1, 10, 9, 59, 0).unwrap();
        assert!(cal.is_working_time(friday));
        assert_eq!(deadline(&cal, friday, 1), fri(18, 0));
    }

    #[test]
    fn events_in_any_offset_are_read_in_shanghai_time() {
        let cal = BusinessCalendar::standard();
        let from = DateTime::parse_from_rfc3339("2025-01-10T10:00:00+02:00").unwrap();
        assert_eq!(
            deadline(&cal, from.with_timezone(&Utc), 540),
            sh(2025, 1, 13, 16, 0, 0)
        );
    }

    #[test]
    fn invalid_input_and_calendars_are_rejected() {
        let mut cal = BusinessCalendar::standard();
        assert_eq!(
            cal.working_deadline(fri(10, 0), -1),
            Err(CalendarError::NegativeMinutes)
        );
        cal.weekend_days = ALL_WEEKDAYS.to_vec();
        assert_eq!(
            cal.working_deadline(fri(10, 0), 1),
            Err(CalendarError::NoWorkingTime)
        );
        cal = BusinessCalendar::standard();
        cal.workday_end = cal.workday_start;
        assert_eq!(
            cal.working_deadline(fri(10, 0), 1),
            Err(CalendarError::InvalidHours)
        );
        assert_eq!(cal.workday_minutes(), 0);
    }

    #[test]
    fn a_calendar_of_only_make_up_days_still_finds_them() {
        let mut cal = BusinessCalendar::standard().with_days([], [d(2025, 6, 7)]);
        cal.weekend_days = ALL_WEEKDAYS.to_vec();
        assert_eq!(deadline(&cal, fri(10, 0), 60), sh(2025, 6, 7, 10, 0, 0));
    }

    #[test]
    fn working_minutes_between_counts_only_working_time() {
        let cal = BusinessCalendar::china_default();
        assert_eq!(cal.working_minutes_between(fri(10, 0), fri(10, 0)), 0);
        assert_eq!(cal.working_minutes_between(fri(11, 0), fri(10, 0)), 0);
        assert_eq!(cal.working_minutes_between(fri(8, 0), fri(20, 0)), 540);
        assert_eq!(
            cal.working_minutes_between(fri(16, 0), sh(2025, 1, 13, 10, 0, 0)),
            180
        );
        // Tue 30 Sep 2025 17:00 → Thu 9 Oct 10:00 across the National Day break.
        let (a, b) = (sh(2025, 9, 30, 17, 0, 0), sh(2025, 10, 9, 10, 0, 0));
        assert_eq!(cal.working_minutes_between(a, b), 120);
    }

    #[test]
    fn standard_calendar_has_the_spec_defaults() {
        let cal = BusinessCalendar::standard();
        assert_eq!(cal.timezone, Shanghai);
        assert_eq!(cal.workday_minutes(), 540);
        assert_eq!(cal.weekend_days, vec![Weekday::Sat, Weekday::Sun]);
        assert!(cal.holidays.is_empty() && cal.make_up_workdays.is_empty());
        assert!(!BusinessCalendar::china_default().holidays.is_empty());
    }

    fn calendars() -> impl Strategy<Value = BusinessCalendar> {
        prop_oneof![
            Just(BusinessCalendar::standard()),
            Just(BusinessCalendar::china_default())
        ]
    }

    fn instants() -> impl Strategy<Value = DateTime<Utc>> {
        // 2019-06-01 .. 2027-06-01, with sub-second parts.
        (1_559_347_200_000i64..1_811_808_000_000)
            .prop_map(|ms| DateTime::from_timestamp_millis(ms).unwrap())
    }

    proptest! {
        #[test]
        fn a_positive_deadline_ends_inside_a_working_day(
            cal in calendars(), from in instants(), minutes in 1i64..540 * 40
        ) {
            let end = cal.working_deadline(from, minutes).unwrap();
            let local = end.with_timezone(&cal.timezone).naive_local();
            prop_assert!(cal.is_working_day(local.date()));
            prop_assert!(local.time() > cal.workday_start && local.time() <= cal.workday_end);
        }

        #[test]
        fn the_deadline_grows_with_minutes_and_with_the_event_time(
            cal in calendars(), a in instants(), b in instants(),
            m in 0i64..540 * 40, n in 0i64..540 * 40
        ) {
            let (m1, m2) = (m.min(n), m.max(n));
            prop_assert!(cal.working_deadline(a, m1).unwrap() <= cal.working_deadline(a, m2).unwrap());
            let (f1, f2) = (a.min(b), a.max(b));
            prop_assert!(cal.working_deadline(f1, m).unwrap() <= cal.working_deadline(f2, m).unwrap());
        }

        #[test]
        fn the_minutes_between_event_and_deadline_are_the_minutes_asked_for(
            cal in calendars(), from in instants(), minutes in 0i64..540 * 40
        ) {
            let end = cal.working_deadline(from, minutes).unwrap();
            prop_assert_eq!(cal.working_minutes_between(from, end), minutes);
            if minutes > 0 {
                // No earlier instant already holds that many working minutes.
                let just_before = end - TimeDelta::nanoseconds(1);
                prop_assert_eq!(cal.working_minutes_between(from, just_before), minutes - 1);
            }
        }
    }
}
