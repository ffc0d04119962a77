//! SlaPolicy and BusinessCalendar.

use async_graphql::SimpleObject;
use domain::calendar::BusinessCalendar as Calendar;

use crate::graphql::enums::FollowUpKind;
use crate::graphql::scalars::Date;
use crate::service::settings::weekday_iso;

#[derive(SimpleObject)]
pub struct SlaPolicy {
    pub kind: FollowUpKind,
    /// Deadline in working time from the triggering event.
    pub working_minutes: i32,
}

#[derive(SimpleObject)]
pub struct BusinessCalendar {
    pub timezone: String,
    /// HH:MM
    pub workday_start: String,
    /// HH:MM
    pub workday_end: String,
    /// ISO weekday numbers, 6 and 7 by default.
    pub weekend_days: Vec<i32>,
    /// Days off that fall on weekdays.
    pub holidays: Vec<Date>,
    /// Weekend days that are working days.
    pub make_up_workdays: Vec<Date>,
}

impl From<Calendar> for BusinessCalendar {
    fn from(c: Calendar) -> Self {
        Self {
            timezone: c.timezone.name().to_owned(),
            workday_start: c.workday_start.format("%H:%M").to_string(),
            workday_end: c.workday_end.format("%H:%M").to_string(),
            weekend_days: c.weekend_days.iter().map(|w| weekday_iso(*w)).collect(),
            holidays: c.holidays.iter().map(|d| Date(*d)).collect(),
            make_up_workdays: c.make_up_workdays.iter().map(|d| Date(*d)).collect(),
        }
    }
}
