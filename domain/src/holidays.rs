//! Mainland China's official public holidays and make-up workdays (調休).
//!
//! The data is transcribed from the State Council General Office's yearly
//! notice (国务院办公厅关于某年部分节假日安排的通知). Each notice is kept as
//! published — the day-off ranges and the weekend days worked — so a reviewer
//! can compare a row against the notice line by line. The calendar only needs
//! the weekdays inside each range (a weekend day in a range is off anyway),
//! and those are derived here rather than typed out.

use chrono::{Datelike, NaiveDate, Weekday};

type Ymd = (i32, u32, u32);

struct Notice {
    /// Day-off ranges, both ends inclusive, exactly as the notice states them.
    off: &'static [(Ymd, Ymd)],
    /// Weekend days the notice declares working days.
    worked: &'static [Ymd],
}

const NOTICES: &[Notice] = &[
    // 2020: notice of 2019-11-21, amended by the notice of 2020-01-27 that
    // extended the Spring Festival break to Sun 2020-02-02 because of
    // COVID-19. The extension cancelled the make-up workday Sat 2020-02-01;
    // Sun 2020-01-19 had already been worked.
    Notice {
        off: &[
            ((2020, 1, 1), (2020, 1, 1)),
            ((2020, 1, 24), (2020, 2, 2)),
            ((2020, 4, 4), (2020, 4, 6)),
            ((2020, 5, 1), (2020, 5, 5)),
            ((2020, 6, 25), (2020, 6, 27)),
            ((2020, 10, 1), (2020, 10, 8)),
        ],
        worked: &[(2020, 1, 19), (2020, 4, 26), (2020, 5, 9), (2020, 6, 28), (2020, 9, 27), (2020, 10, 10)],
    },
    // 2021: notice of 2020-11-25.
    Notice {
        off: &[
            ((2021, 1, 1), (2021, 1, 3)),
            ((2021, 2, 11), (2021, 2, 17)),
            ((2021, 4, 3), (2021, 4, 5)),
            ((2021, 5, 1), (2021, 5, 5)),
            ((2021, 6, 12), (2021, 6, 14)),
            ((2021, 9, 19), (2021, 9, 21)),
            ((2021, 10, 1), (2021, 10, 7)),
        ],
        worked: &[
            (2021, 2, 7),
            (2021, 2, 20),
            (2021, 4, 25),
            (2021, 5, 8),
            (2021, 9, 18),
            (2021, 9, 26),
            (2021, 10, 9),
        ],
    },
    // 2022: notice of 2021-10-25.
    Notice {
        off: &[
            ((2022, 1, 1), (2022, 1, 3)),
            ((2022, 1, 31), (2022, 2, 6)),
            ((2022, 4, 3), (2022, 4, 5)),
            ((2022, 4, 30), (2022, 5, 4)),
            ((2022, 6, 3), (2022, 6, 5)),
            ((2022, 9, 10), (2022, 9, 12)),
            ((2022, 10, 1), (2022, 10, 7)),
        ],
        worked: &[
            (2022, 1, 29),
            (2022, 1, 30),
            (2022, 4, 2),
            (2022, 4, 24),
            (2022, 5, 7),
            (2022, 10, 8),
            (2022, 10, 9),
        ],
    },
    // 2023: notice of 2022-12-08. Its New Year break starts in 2022.
    Notice {
        off: &[
            ((2022, 12, 31), (2023, 1, 2)),
            ((2023, 1, 21), (2023, 1, 27)),
            ((2023, 4, 5), (2023, 4, 5)),
            ((2023, 4, 29), (2023, 5, 3)),
            ((2023, 6, 22), (2023, 6, 24)),
            ((2023, 9, 29), (2023, 10, 6)),
        ],
        worked: &[
            (2023, 1, 28),
            (2023, 1, 29),
            (2023, 4, 23),
            (2023, 5, 6),
            (2023, 6, 25),
            (2023, 10, 7),
            (2023, 10, 8),
        ],
    },
    // 2024: notice of 2023-10-25.
    Notice {
        off: &[
            ((2024, 1, 1), (2024, 1, 1)),
            ((2024, 2, 10), (2024, 2, 17)),
            ((2024, 4, 4), (2024, 4, 6)),
            ((2024, 5, 1), (2024, 5, 5)),
            ((2024, 6, 10), (2024, 6, 10)),
            ((2024, 9, 15), (2024, 9, 17)),
            ((2024, 10, 1), (2024, 10, 7)),
        ],
        worked: &[
            (2024, 2, 4),
            (2024, 2, 18),
            (2024, 4, 7),
            (2024, 4, 28),
            (2024, 5, 11),
            (2024, 9, 14),
            (2024, 9, 29),
            (2024, 10, 12),
        ],
    },
    // 2025: notice of 2024-11-12 (the first under the amended holiday rules
    // that added New Year's Eve of the lunar calendar and 2 May).
    Notice {
        off: &[
            ((2025, 1, 1), (2025, 1, 1)),
            ((2025, 1, 28), (2025, 2, 4)),
            ((2025, 4, 4), (2025, 4, 6)),
            ((2025, 5, 1), (2025, 5, 5)),
            ((2025, 5, 31), (2025, 6, 2)),
            ((2025, 10, 1), (2025, 10, 8)),
        ],
        worked: &[(2025, 1, 26), (2025, 2, 8), (2025, 4, 27), (2025, 9, 28), (2025, 10, 11)],
    },
    // 2026: notice of 2025-11-04.
    Notice {
        off: &[
            ((2026, 1, 1), (2026, 1, 3)),
            ((2026, 2, 15), (2026, 2, 23)),
            ((2026, 4, 4), (2026, 4, 6)),
            ((2026, 5, 1), (2026, 5, 5)),
            ((2026, 6, 19), (2026, 6, 21)),
            ((2026, 9, 25), (2026, 9, 27)),
            ((2026, 10, 1), (2026, 10, 7)),
        ],
        worked: &[(2026, 1, 4), (2026, 2, 14), (2026, 2, 28), (2026, 5, 9), (2026, 9, 20), (2026, 10, 10)],
    },
];

fn date((y, m, d): Ymd) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// `(holidays on weekdays, make-up workdays on weekends)`, each sorted
/// ascending, for every year with a published notice (2020–2026).
pub fn china_official_days() -> (Vec<NaiveDate>, Vec<NaiveDate>) {
    let mut holidays = Vec::new();
    let mut make_up = Vec::new();
    for notice in NOTICES {
        for &(first, last) in notice.off {
            let (Some(first), Some(last)) = (date(first), date(last)) else {
                continue;
            };
            holidays.extend(first.iter_days().take_while(|day| *day <= last).filter(|day| !is_weekend(*day)));
        }
        make_up.extend(notice.worked.iter().copied().filter_map(date));
    }
    holidays.sort_unstable();
    holidays.dedup();
    make_up.sort_unstable();
    make_up.dedup();
    (holidays, make_up)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::calendar::BusinessCalendar;
    use chrono::{TimeZone, Utc};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_table_date_is_a_real_date() {
        for notice in NOTICES {
            for &(first, last) in notice.off {
                assert!(date(first).unwrap() <= date(last).unwrap());
            }
            for &day in notice.worked {
                assert!(date(day).is_some());
            }
        }
    }

    #[test]
    fn national_day_2025_wednesday_the_eighth_is_a_holiday() {
        let (holidays, _) = china_official_days();
        assert!(holidays.contains(&d(2025, 10, 8)));
    }

    #[test]
    fn sunday_28_september_2025_is_a_make_up_workday() {
        let (_, make_up) = china_official_days();
        assert!(make_up.contains(&d(2025, 9, 28)));
    }

    #[test]
    fn the_2026_notice_is_included() {
        let (holidays, make_up) = china_official_days();
        for day in [d(2026, 1, 4), d(2026, 2, 14), d(2026, 2, 28), d(2026, 5, 9)] {
            assert!(make_up.contains(&day), "{day}");
        }
        for day in [d(2026, 9, 20), d(2026, 10, 10)] {
            assert!(make_up.contains(&day), "{day}");
        }
        // Spring Festival 2026 runs Sun 15 – Mon 23 February.
        let spring: Vec<_> =
            holidays.iter().filter(|day| (d(2026, 2, 1)..d(2026, 3, 1)).contains(day)).copied().collect();
        assert_eq!(
            spring,
            vec![d(2026, 2, 16), d(2026, 2, 17), d(2026, 2, 18), d(2026, 2, 19), d(2026, 2, 20), d(2026, 2, 23)]
        );
    }

    #[test]
    fn every_holiday_is_a_weekday_and_every_make_up_day_a_weekend_day() {
        let (holidays, make_up) = china_official_days();
        assert!(holidays.iter().all(|day| !is_weekend(*day)));
        assert!(make_up.iter().all(|day| is_weekend(*day)), "{make_up:?}");
    }

    #[test]
    fn no_date_is_both_a_holiday_and_a_make_up_workday() {
        let (holidays, make_up) = china_official_days();
        assert!(holidays.iter().all(|day| !make_up.contains(day)));
    }

    #[test]
    fn every_year_from_2020_to_2026_has_new_year_and_national_day_off() {
        let (holidays, _) = china_official_days();
        for year in 2020..=2026 {
            assert!(holidays.iter().any(|day| day.year() == year && day.month() == 10), "{year}");
        }
        assert!(holidays.contains(&d(2023, 1, 2)));
        assert!(holidays.contains(&d(2026, 1, 2)));
    }

    #[test]
    fn the_2020_spring_festival_extension_is_applied() {
        let (holidays, make_up) = china_official_days();
        assert!(holidays.contains(&d(2020, 1, 31)));
        assert!(!make_up.contains(&d(2020, 2, 1)));
        assert!(make_up.contains(&d(2020, 1, 19)));
    }

    #[test]
    fn a_deadline_across_the_2025_national_day_week_resumes_after_the_break() {
        let cal = BusinessCalendar::china_default();
        let shanghai = chrono_tz::Asia::Shanghai;
        let at = |m, day, h| shanghai.with_ymd_and_hms(2025, m, day, h, 0, 0).unwrap().with_timezone(&Utc);
        // Tue 30 Sep 16:00 + one working day: 1–8 Oct are off, and Thu 9 Oct is
        // the first working day after the break.
        assert_eq!(cal.working_deadline(at(9, 30, 16), 540).unwrap(), at(10, 9, 16));
        // Fri 26 Sep 16:00 + one working day lands on the make-up Sunday.
        assert_eq!(cal.working_deadline(at(9, 26, 16), 540).unwrap(), at(9, 28, 16));
        // Sat 11 Oct is worked too.
        assert_eq!(cal.working_deadline(at(10, 10, 16), 540).unwrap(), at(10, 11, 16));
    }
}
