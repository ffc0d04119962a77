//! Record completeness (spec §10, policy P2.4–P2.5 and P3).

/// What the completeness rule needs to know about a call record, gathered by
/// the caller so the rule itself stays free of storage concerns.
#[derive(Debug, Clone, Default)]
pub struct CallRecordFacts {
    pub has_caller_number: bool,
    /// Counts as missing when blank after trimming.
    pub reason: String,
    /// The category is something other than UNCLASSIFIED.
    pub category_classified: bool,
    /// Which linked record the category requires, if any.
    pub category: Option<CategoryNeed>,
    pub has_handler: bool,
    /// The status says the call was answered, so `answeredAt` is expected.
    pub answered: bool,
    pub has_answered_at: bool,
    pub important: bool,
    pub key_facts_confirmed: bool,
    pub has_inquiry: bool,
    pub has_cooperation_lead: bool,
    pub has_complaint: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CategoryNeed {
    Inquiry,
    CooperationLead,
    Complaint,
}

/// Contract field names that are missing, always in this order: callerNumber,
/// reason, category, handler, answeredAt, keyFactsConfirmed, inquiry,
/// cooperationLead, complaint. Caller name and organisation are never
/// required (P2.4: recorded when given).
pub fn missing_fields(facts: &CallRecordFacts) -> Vec<&'static str> {
    let rules = [
        ("callerNumber", !facts.has_caller_number),
        ("reason", facts.reason.trim().is_empty()),
        ("category", !facts.category_classified),
        ("handler", !facts.has_handler),
        ("answeredAt", facts.answered && !facts.has_answered_at),
        ("keyFactsConfirmed", facts.important && !facts.key_facts_confirmed),
        ("inquiry", facts.category == Some(CategoryNeed::Inquiry) && !facts.has_inquiry),
        ("cooperationLead", facts.category == Some(CategoryNeed::CooperationLead) && !facts.has_cooperation_lead),
        ("complaint", facts.category == Some(CategoryNeed::Complaint) && !facts.has_complaint),
    ];
    rules.into_iter().filter(|(_, missing)| *missing).map(|(name, _)| name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> CallRecordFacts {
        CallRecordFacts {
            has_caller_number: true,
            reason: "Asked about delivery dates".into(),
            category_classified: true,
            category: None,
            has_handler: true,
            answered: true,
            has_answered_at: true,
            ..CallRecordFacts::default()
        }
    }

    #[test]
    fn a_complete_answered_call_misses_nothing() {
        assert!(missing_fields(&complete()).is_empty());
    }

    #[test]
    fn an_empty_record_misses_the_basic_fields_in_contract_order() {
        assert_eq!(missing_fields(&CallRecordFacts::default()), vec!["callerNumber", "reason", "category", "handler"]);
    }

    #[test]
    fn a_blank_reason_is_missing() {
        let facts = CallRecordFacts { reason: " \t\n ".into(), ..complete() };
        assert_eq!(missing_fields(&facts), vec!["reason"]);
    }

    #[test]
    fn an_answered_call_needs_its_answer_time_but_a_missed_one_does_not() {
        let answered = CallRecordFacts { has_answered_at: false, ..complete() };
        assert_eq!(missing_fields(&answered), vec!["answeredAt"]);
        let missed = CallRecordFacts { answered: false, has_answered_at: false, ..complete() };
        assert!(missing_fields(&missed).is_empty());
    }

    #[test]
    fn an_important_call_needs_confirmed_key_facts() {
        let facts = CallRecordFacts { important: true, ..complete() };
        assert_eq!(missing_fields(&facts), vec!["keyFactsConfirmed"]);
        let confirmed = CallRecordFacts { key_facts_confirmed: true, ..facts };
        assert!(missing_fields(&confirmed).is_empty());
    }

    #[test]
    fn each_category_needs_only_its_own_linked_record() {
        let cases = [
            (CategoryNeed::Inquiry, "inquiry"),
            (CategoryNeed::CooperationLead, "cooperationLead"),
            (CategoryNeed::Complaint, "complaint"),
        ];
        for (need, field) in cases {
            let facts = CallRecordFacts { category: Some(need), ..complete() };
            assert_eq!(missing_fields(&facts), vec![field]);
        }
        let all_linked = CallRecordFacts { category: Some(CategoryNeed::Complaint), has_complaint: true, ..complete() };
        assert!(missing_fields(&all_linked).is_empty());
    }

    #[test]
    fn everything_missing_is_listed_in_the_fixed_order() {
        let facts = CallRecordFacts {
            answered: true,
            important: true,
            category: Some(CategoryNeed::Inquiry),
            ..CallRecordFacts::default()
        };
        assert_eq!(
            missing_fields(&facts),
            vec!["callerNumber", "reason", "category", "handler", "answeredAt", "keyFactsConfirmed", "inquiry"]
        );
    }
}
