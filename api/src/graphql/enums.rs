//! GraphQL enums and their mapping to the names the service stores.

use async_graphql::Enum;
use domain::policy;
use domain::sla;

macro_rules! str_enum {
    ($name:ident { $($variant:ident => $s:literal),+ $(,)? }) => {
        #[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $s),+ }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($s => Some(Self::$variant),)+ _ => None }
            }
        }
    };
}

str_enum!(CallCategory {
    Unclassified => "UNCLASSIFIED",
    BusinessInquiry => "BUSINESS_INQUIRY",
    Cooperation => "COOPERATION",
    ComplaintSuggestion => "COMPLAINT_SUGGESTION",
    SalesAdvertising => "SALES_ADVERTISING",
    Other => "OTHER",
});

str_enum!(CallStatus {
    Missed => "MISSED",
    CalledBack => "CALLED_BACK",
    Answered => "ANSWERED",
    Transferred => "TRANSFERRED",
});

str_enum!(FollowUpStatus { Open => "OPEN", Done => "DONE", Cancelled => "CANCELLED" });

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum CallOrderField {
    ReceivedAt,
    RingCount,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum OrderDirection {
    Asc,
    Desc,
}

// Mirrors `domain::policy::Role`; conversions both ways are derived.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "policy::Role")]
pub enum Role {
    Staff,
    DepartmentHead,
    Administration,
    Hr,
    Analyst,
    SystemAdmin,
}

// Mirrors `domain::sla::FollowUpKind`; conversions both ways are derived.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "sla::FollowUpKind")]
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

str_enum!(TransferStatus {
    Requested => "REQUESTED",
    Ready => "READY",
    Connected => "CONNECTED",
    CallerDeclined => "CALLER_DECLINED",
    TargetUnavailable => "TARGET_UNAVAILABLE",
    Cancelled => "CANCELLED",
});

str_enum!(CooperationStatus {
    Forwarded => "FORWARDED",
    Contacted => "CONTACTED",
    ContractReview => "CONTRACT_REVIEW",
    Closed => "CLOSED",
});

str_enum!(ComplaintKind { Complaint => "COMPLAINT", Suggestion => "SUGGESTION" });

str_enum!(ComplaintStatus {
    Forwarded => "FORWARDED",
    Investigating => "INVESTIGATING",
    Resolved => "RESOLVED",
    ResultReported => "RESULT_REPORTED",
});

str_enum!(Satisfaction { Satisfied => "SATISFIED", Neutral => "NEUTRAL", Dissatisfied => "DISSATISFIED" });
