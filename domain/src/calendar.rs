//! Working-time calendar and deadlines (spec §2).
//!
//! All arithmetic happens on local wall-clock time in the calendar's time
//! zone, because "09:00–18:00 on a working day" is a wall-clock rule; instants
//! are converted only on the way in and out.

use std::collections::BTreeSet;

use chrono::{
    DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone, Utc,
    Weekday,
};
use chrono_tz::Tz;

use crate::holidays;

/// About five years of standard working days; larger spans are almost
/// certainly input mistakes and would only make the caller wait.
pub const MAX_DEADLINE_MINUTES: i64 = 540 * 260 * 5;

/// A calendar with no working day for ten years is misconfigured; stopping
/// here keeps every search bounded.
const MAX_NON_WORKING_DAYS: u32 = 3660;

const ALL_WEEKDAYS: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

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
        if self.is_weekend(date) { self.make_up_workdays.contains(&date) } else { !self.holidays.contains(&date) }
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
    pub fn working_deadline(&self, from: DateTime<Utc>, minutes: i64) -> Result<DateTime<Utc>, CalendarError> {
        if minutes < 0 {
            return Err(CalendarError::NegativeMinutes);
        }
        if minutes > MAX_DEADLINE_MINUTES {
            return Err(CalendarError::TooManyMinutes);
        }
        let day_ns = self.day_length()?.num_nanoseconds().ok_or(CalendarError::InvalidHours)?;
        let local = self.local(from);
        let cursor = self.working_start_at_or_after(local)?;
        if minutes == 0 {
            return Ok(if cursor == local { from } else { self.to_utc(cursor) });
        }

        let requested = TimeDelta::minutes(minutes);
        let available_today = cursor.date().and_time(self.workday_end) - cursor;
        if requested <= available_today {
            return Ok(self.to_utc(cursor + requested));
        }
        let rest_ns = (requested - available_today).num_nanoseconds().ok_or(CalendarError::TooManyMinutes)?;
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
        let between = a.date().succ_opt().map_or(0, |next| self.count_working_days(next, b.date()));
        let whole = i32::try_from(between).ok().and_then(|days| day_length.checked_mul(days)).unwrap_or(TimeDelta::MAX);
        first.checked_add(&last).and_then(|sum| sum.checked_add(&whole)).map_or(i64::MAX, |total| total.num_minutes())
    }

    fn day_length(&self) -> Result<TimeDelta, CalendarError> {
        let length = self.workday_end - self.workday_start;
        if length > TimeDelta::zero() { Ok(length) } else { Err(CalendarError::InvalidHours) }
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

    fn working_start_at_or_after(&self, local: NaiveDateTime) -> Result<NaiveDateTime, CalendarError> {
        let date = local.date();
        if self.is_working_day(date) {
            if local.time() < self.workday_start {
                return Ok(date.and_time(self.workday_start));
            }
            if local.time() < self.workday_end {
                return Ok(local);
            }
        }
        Ok(self.nth_working_day_after(date, 1)?.and_time(self.workday_start))
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
        let count = ALL_WEEKDAYS.iter().filter(|day| !self.weekend_days.contains(day)).count();
        i64::try_from(count).unwrap_or(0)
    }

    fn last_special_day(&self) -> Option<NaiveDate> {
        self.holidays.last().copied().max(self.make_up_workdays.last().copied())
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
                date = date.checked_add_days(Days::new(days)).ok_or(CalendarError::NoWorkingTime)?;
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
        let tail_start = u64::try_from(weeks * 7).ok().and_then(|days| from.checked_add_days(Days::new(days)));
        if let Some(tail_start) = tail_start {
            count += tail_start
                .iter_days()
                .take_while(|day| *day < until)
                .map(|day| i64::from(!self.is_weekend(day)))
                .sum::<i64>();
        }
        let days_off = self.holidays.range(from..until).filter(|d| !self.is_weekend(**d)).count();
        let days_worked = self.make_up_workdays.range(from..until).filter(|d| self.is_weekend(**d)).count();
        count - i64::try_from(days_off).unwrap_or(0) + i64::try_from(days_worked).unwrap_or(0)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "calendar_tests.rs"]
mod tests;
