//! Follow-up kinds and their default deadlines in working minutes (spec §2).

use std::fmt;
use std::str::FromStr;

/// One working day: 09:00–18:00.
pub const WORKING_DAY_MINUTES: i32 = 540;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FollowUpKind {
    MissedCallCallback,
    InquiryReply,
    CooperationContact,
    ComplaintInvestigation,
    ComplaintResultFeedback,
    TransferHandling,
    BlocklistReview,
    Coordination,
}

impl FollowUpKind {
    pub const ALL: [FollowUpKind; 8] = [
        Self::MissedCallCallback,
        Self::InquiryReply,
        Self::CooperationContact,
        Self::ComplaintInvestigation,
        Self::ComplaintResultFeedback,
        Self::TransferHandling,
        Self::BlocklistReview,
        Self::Coordination,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::MissedCallCallback => "MISSED_CALL_CALLBACK",
            Self::InquiryReply => "INQUIRY_REPLY",
            Self::CooperationContact => "COOPERATION_CONTACT",
            Self::ComplaintInvestigation => "COMPLAINT_INVESTIGATION",
            Self::ComplaintResultFeedback => "COMPLAINT_RESULT_FEEDBACK",
            Self::TransferHandling => "TRANSFER_HANDLING",
            Self::BlocklistReview => "BLOCKLIST_REVIEW",
            Self::Coordination => "COORDINATION",
        }
    }

    pub fn default_minutes(self) -> i32 {
        match self {
            Self::MissedCallCallback => 120,
            Self::InquiryReply => WORKING_DAY_MINUTES,
            Self::CooperationContact => WORKING_DAY_MINUTES,
            Self::ComplaintInvestigation => 3 * WORKING_DAY_MINUTES,
            Self::ComplaintResultFeedback => WORKING_DAY_MINUTES,
            Self::TransferHandling => 60,
            Self::BlocklistReview => 2 * WORKING_DAY_MINUTES,
            Self::Coordination => 2 * WORKING_DAY_MINUTES,
        }
    }

    /// P3.1 fixes the inquiry reply at one working day at most; the other
    /// deadlines are the company's to choose.
    pub fn max_minutes(self) -> Option<i32> {
        match self {
            Self::InquiryReply => Some(WORKING_DAY_MINUTES),
            _ => None,
        }
    }
}

impl fmt::Display for FollowUpKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for FollowUpKind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|k| k.as_str() == s).ok_or(UnknownKind)
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown follow-up kind")]
pub struct UnknownKind;

/// Open work is overdue once `now` is past its due time (spec §2).
pub fn is_overdue(
    open: bool,
    due_at: Option<chrono::DateTime<chrono::Utc>>,
    now: chrono::DateTime<chrono::Utc>,
) -> bool {
    open && due_at.is_some_and(|d| now > d)
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SlaError {
    #[error("workingMinutes must be at least 1")]
    NotPositive,
    #[error("workingMinutes may not exceed {0} for this kind")]
    AboveMaximum(i32),
}

/// Checks a new SLA value for a kind before it is stored.
pub fn validate_sla(kind: FollowUpKind, minutes: i32) -> Result<(), SlaError> {
    if minutes < 1 {
        return Err(SlaError::NotPositive);
    }
    match kind.max_minutes() {
        Some(max) if minutes > max => Err(SlaError::AboveMaximum(max)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_spec_table() {
        let got: Vec<(&str, i32)> = FollowUpKind::ALL.iter().map(|k| (k.as_str(), k.default_minutes())).collect();
        assert_eq!(
            got,
            vec![
                ("MISSED_CALL_CALLBACK", 120),
                ("INQUIRY_REPLY", 540),
                ("COOPERATION_CONTACT", 540),
                ("COMPLAINT_INVESTIGATION", 1620),
                ("COMPLAINT_RESULT_FEEDBACK", 540),
                ("TRANSFER_HANDLING", 60),
                ("BLOCKLIST_REVIEW", 1080),
                ("COORDINATION", 1080),
            ]
        );
    }

    #[test]
    fn an_inquiry_reply_may_not_exceed_one_working_day() {
        assert_eq!(validate_sla(FollowUpKind::InquiryReply, 540), Ok(()));
        assert_eq!(validate_sla(FollowUpKind::InquiryReply, 541), Err(SlaError::AboveMaximum(540)));
        assert_eq!(validate_sla(FollowUpKind::ComplaintInvestigation, 5000), Ok(()));
    }

    #[test]
    fn a_deadline_must_be_at_least_one_minute() {
        assert_eq!(validate_sla(FollowUpKind::TransferHandling, 0), Err(SlaError::NotPositive));
    }

    #[test]
    fn only_open_work_past_its_due_time_is_overdue() {
        let due = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH;
        let later = due + chrono::Duration::seconds(1);
        assert!(is_overdue(true, Some(due), later));
        assert!(!is_overdue(true, Some(due), due), "exactly at the due time is still on time");
        assert!(!is_overdue(false, Some(due), later));
        assert!(!is_overdue(true, None, later));
    }

    #[test]
    fn kinds_round_trip_through_their_names() {
        for k in FollowUpKind::ALL {
            assert_eq!(k.as_str().parse::<FollowUpKind>(), Ok(k));
        }
        assert_eq!("NOPE".parse::<FollowUpKind>(), Err(UnknownKind));
    }
}
