use super::*;
use chrono_tz::Asia::Shanghai;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn sh(y: i32, m: u32, day: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    Shanghai.with_ymd_and_hms(y, m, day, h, min, s).unwrap().with_timezone(&Utc)
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
    assert_eq!(deadline(&cal, fri(16, 0), 120 + 540), sh(2025, 1, 13, 18, 0, 0));
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
    assert_eq!(deadline(&cal, sh(2025, 1, 11, 11, 0, 0), 0), sh(2025, 1, 13, 9, 0, 0));
}

#[test]
fn a_long_span_of_250_working_days_skips_exactly_that_many_days() {
    let cal = BusinessCalendar::standard();
    // Mon 2025-01-06 09:00 + 250 days of 540 minutes ends on the 250th
    // working day at 18:00: 50 full weeks later, the Friday 2025-12-19.
    let from = sh(2025, 1, 6, 9, 0, 0);
    assert_eq!(deadline(&cal, from, 540 * 250), sh(2025, 12, 19, 18, 0, 0));
    assert_eq!(cal.working_minutes_between(from, sh(2025, 12, 19, 18, 0, 0)), 540 * 250);
}

#[test]
fn the_maximum_span_is_accepted_and_one_more_minute_is_rejected() {
    let cal = BusinessCalendar::china_default();
    let from = fri(10, 0);
    let end = deadline(&cal, from, MAX_DEADLINE_MINUTES);
    assert_eq!(cal.working_minutes_between(from, end), MAX_DEADLINE_MINUTES);
    assert_eq!(cal.working_deadline(from, MAX_DEADLINE_MINUTES + 1), Err(CalendarError::TooManyMinutes));
}

#[test]
fn new_year_holiday_is_skipped_across_the_year_boundary() {
    let cal = BusinessCalendar::china_default();
    // Tue 2024-12-31 16:00; Wed 2025-01-01 is New Year's Day.
    assert_eq!(deadline(&cal, sh(2024, 12, 31, 16, 0, 0), 540), sh(2025, 1, 2, 16, 0, 0));
    // 2022-12-30 (Fri) to 2023-01-03 (Tue): New Year's break 31 Dec – 2 Jan.
    assert_eq!(deadline(&cal, sh(2022, 12, 30, 17, 0, 0), 120), sh(2023, 1, 3, 10, 0, 0));
}

#[test]
fn utc_sunday_afternoon_is_monday_night_in_shanghai() {
    let cal = BusinessCalendar::standard();
    // 2025-01-12 is a Sunday; 16:30 UTC is Monday 00:30 in Shanghai.
    let utc = Utc.with_ymd_and_hms(2025, 1, 12, 16, 30, 0).unwrap();
    assert!(!cal.is_working_time(utc));
    assert_eq!(deadline(&cal, utc, 60), Utc.with_ymd_and_hms(2025, 1, 13, 2, 0, 0).unwrap());
    // Friday 09:59 UTC is 17:59 in Shanghai, still working time.
    let friday = Utc.with_ymd_and_hms(2025, 1, 10, 9, 59, 0).unwrap();
    assert!(cal.is_working_time(friday));
    assert_eq!(deadline(&cal, friday, 1), fri(18, 0));
}

#[test]
fn events_in_any_offset_are_read_in_shanghai_time() {
    let cal = BusinessCalendar::standard();
    let from = DateTime::parse_from_rfc3339("2025-01-10T10:00:00+02:00").unwrap();
    assert_eq!(deadline(&cal, from.with_timezone(&Utc), 540), sh(2025, 1, 13, 16, 0, 0));
}

#[test]
fn invalid_input_and_calendars_are_rejected() {
    let mut cal = BusinessCalendar::standard();
    assert_eq!(cal.working_deadline(fri(10, 0), -1), Err(CalendarError::NegativeMinutes));
    cal.weekend_days = ALL_WEEKDAYS.to_vec();
    assert_eq!(cal.working_deadline(fri(10, 0), 1), Err(CalendarError::NoWorkingTime));
    cal = BusinessCalendar::standard();
    cal.workday_end = cal.workday_start;
    assert_eq!(cal.working_deadline(fri(10, 0), 1), Err(CalendarError::InvalidHours));
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
    assert_eq!(cal.working_minutes_between(fri(16, 0), sh(2025, 1, 13, 10, 0, 0)), 180);
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
    prop_oneof![Just(BusinessCalendar::standard()), Just(BusinessCalendar::china_default())]
}

fn instants() -> impl Strategy<Value = DateTime<Utc>> {
    // 2019-06-01 .. 2027-06-01, with sub-second parts.
    (1_559_347_200_000i64..1_811_808_000_000).prop_map(|ms| DateTime::from_timestamp_millis(ms).unwrap())
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
