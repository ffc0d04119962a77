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

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum Role {
    Staff,
    DepartmentHead,
    Administration,
    Hr,
    Analyst,
    SystemAdmin,
}

impl From<Role> for policy::Role {
    fn from(r: Role) -> Self {
        match r {
            Role::Staff => Self::Staff,
            Role::DepartmentHead => Self::DepartmentHead,
            Role::Administration => Self::Administration,
            Role::Hr => Self::Hr,
            Role::Analyst => Self::Analyst,
            Role::SystemAdmin => Self::SystemAdmin,
        }
    }
}

impl From<policy::Role> for Role {
    fn from(r: policy::Role) -> Self {
        match r {
            policy::Role::Staff => Self::Staff,
            policy::Role::DepartmentHead => Self::DepartmentHead,
            policy::Role::Administration => Self::Administration,
            policy::Role::Hr => Self::Hr,
            policy::Role::Analyst => Self::Analyst,
            policy::Role::SystemAdmin => Self::SystemAdmin,
        }
    }
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
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

impl From<FollowUpKind> for sla::FollowUpKind {
    fn from(k: FollowUpKind) -> Self {
        match k {
            FollowUpKind::MissedCallCallback => Self::MissedCallCallback,
            FollowUpKind::InquiryReply => Self::InquiryReply,
            FollowUpKind::CooperationContact => Self::CooperationContact,
            FollowUpKind::ComplaintInvestigation => Self::ComplaintInvestigation,
            FollowUpKind::ComplaintResultFeedback => Self::ComplaintResultFeedback,
            FollowUpKind::TransferHandling => Self::TransferHandling,
            FollowUpKind::BlocklistReview => Self::BlocklistReview,
            FollowUpKind::Coordination => Self::Coordination,
        }
    }
}

impl From<sla::FollowUpKind> for FollowUpKind {
    fn from(k: sla::FollowUpKind) -> Self {
        match k {
            sla::FollowUpKind::MissedCallCallback => Self::MissedCallCallback,
            sla::FollowUpKind::InquiryReply => Self::InquiryReply,
            sla::FollowUpKind::CooperationContact => Self::CooperationContact,
            sla::FollowUpKind::ComplaintInvestigation => Self::ComplaintInvestigation,
            sla::FollowUpKind::ComplaintResultFeedback => Self::ComplaintResultFeedback,
            sla::FollowUpKind::TransferHandling => Self::TransferHandling,
            sla::FollowUpKind::BlocklistReview => Self::BlocklistReview,
            sla::FollowUpKind::Coordination => Self::Coordination,
        }
    }
}
