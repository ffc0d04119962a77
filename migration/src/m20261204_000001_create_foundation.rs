//! People, sign-in, calls, follow-ups, deadlines, settings and the audit log,
//! with the reference data a new installation needs (SLA defaults, scoring
//! rules, mainland China's published holidays).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use domain::sla::FollowUpKind;

use crate::util::{index, ts, ts_null};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Department {
    Table,
    Id,
    Code,
    Name,
    IsAdministration,
    HeadId,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
#[allow(clippy::enum_variant_names)]
enum Employee {
    Table,
    Id,
    EmployeeNo,
    Name,
    DepartmentId,
    Roles,
    Extension,
    Email,
    Mobile,
    PasswordHash,
    Active,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RefreshToken {
    Table,
    Id,
    EmployeeId,
    FamilyId,
    TokenHash,
    ExpiresAt,
    RotatedAt,
    RevokedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Call {
    Table,
    Id,
    ReceivedAt,
    AnsweredAt,
    EndedAt,
    RingCount,
    RingSort,
    AnsweredWithinLimit,
    Status,
    Category,
    CallerNumber,
    CallerName,
    CallerOrganization,
    Reason,
    Notes,
    Important,
    KeyFactsConfirmed,
    GreetingGiven,
    Confidential,
    FromBlockedNumber,
    RecordComplete,
    MissingFields,
    HandlerId,
    DepartmentId,
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum FollowUp {
    Table,
    Id,
    Kind,
    Status,
    CallId,
    AssigneeId,
    DepartmentId,
    Summary,
    DueAt,
    CompletedAt,
    CompletedBy,
    Notes,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SlaPolicy {
    Table,
    Kind,
    WorkingMinutes,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CalendarDay {
    Table,
    Day,
    Kind,
}

#[derive(DeriveIden)]
enum ScoringRules {
    Table,
    Id,
    BaseScore,
    PassScore,
    ExcellentScore,
    RingLimit,
    RingIntervalSeconds,
    LateAnswerPoints,
    InaccurateRecordPoints,
    MissedDeadlinePoints,
    AttitudeComplaintPoints,
    ConfidentialityMinorPoints,
    ConfidentialityMajorPoints,
    ConfidentialitySeverePoints,
    ConsecutiveFailuresForAction,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AuditEntry {
    Table,
    Id,
    At,
    ActorId,
    Action,
    EntityType,
    EntityId,
    Fields,
    RequestId,
    PreviousHash,
    Hash,
}

#[derive(DeriveIden)]
enum AuditHead {
    Table,
    Id,
    LastId,
    LastHash,
}

#[derive(DeriveIden)]
enum IdempotencyKey {
    Table,
    Id,
    EmployeeId,
    Operation,
    Key,
    EntityId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Department::Table)
                .col(big_pk_auto(Department::Id))
                .col(string_uniq(Department::Code))
                .col(string(Department::Name))
                .col(boolean(Department::IsAdministration).default(false))
                .col(big_integer_null(Department::HeadId))
                .col(integer(Department::Version).default(1))
                .col(ts(Department::CreatedAt))
                .col(ts(Department::UpdatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Employee::Table)
                .col(big_pk_auto(Employee::Id))
                .col(string_uniq(Employee::EmployeeNo))
                .col(string(Employee::Name))
                .col(big_integer(Employee::DepartmentId))
                .col(string(Employee::Roles))
                .col(string_null(Employee::Extension))
                .col(string_null(Employee::Email))
                .col(string_null(Employee::Mobile))
                .col(string(Employee::PasswordHash))
                .col(boolean(Employee::Active).default(true))
                .col(integer(Employee::Version).default(1))
                .col(ts(Employee::CreatedAt))
                .col(ts(Employee::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Employee::Table, Employee::DepartmentId)
                        .to(Department::Table, Department::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_employee_department", Employee::Table, vec![Employee::DepartmentId.into_iden()]))
            .await?;

        m.create_table(
            Table::create()
                .table(RefreshToken::Table)
                .col(big_pk_auto(RefreshToken::Id))
                .col(big_integer(RefreshToken::EmployeeId))
                .col(string(RefreshToken::FamilyId))
                .col(string_uniq(RefreshToken::TokenHash))
                .col(ts(RefreshToken::ExpiresAt))
                .col(ts_null(RefreshToken::RotatedAt))
                .col(ts_null(RefreshToken::RevokedAt))
                .col(ts(RefreshToken::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(RefreshToken::Table, RefreshToken::EmployeeId)
                        .to(Employee::Table, Employee::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_refresh_token_family", RefreshToken::Table, vec![RefreshToken::FamilyId.into_iden()]))
            .await?;
        m.create_index(index(
            "ix_refresh_token_employee",
            RefreshToken::Table,
            vec![RefreshToken::EmployeeId.into_iden()],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Call::Table)
                .col(big_pk_auto(Call::Id))
                .col(ts(Call::ReceivedAt))
                .col(ts_null(Call::AnsweredAt))
                .col(ts_null(Call::EndedAt))
                .col(integer_null(Call::RingCount))
                .col(integer(Call::RingSort))
                .col(boolean(Call::AnsweredWithinLimit))
                .col(string(Call::Status))
                .col(string(Call::Category))
                .col(string(Call::CallerNumber))
                .col(string_null(Call::CallerName))
                .col(string_null(Call::CallerOrganization))
                .col(text(Call::Reason))
                .col(text_null(Call::Notes))
                .col(boolean(Call::Important))
                .col(boolean(Call::KeyFactsConfirmed))
                .col(boolean(Call::GreetingGiven))
                .col(boolean(Call::Confidential))
                .col(boolean(Call::FromBlockedNumber))
                .col(boolean(Call::RecordComplete))
                .col(string(Call::MissingFields))
                .col(big_integer_null(Call::HandlerId))
                .col(big_integer_null(Call::DepartmentId))
                .col(big_integer_null(Call::CreatedBy))
                .col(integer(Call::Version).default(1))
                .col(ts(Call::CreatedAt))
                .col(ts(Call::UpdatedAt))
                .foreign_key(ForeignKey::create().from(Call::Table, Call::HandlerId).to(Employee::Table, Employee::Id))
                .foreign_key(
                    ForeignKey::create().from(Call::Table, Call::DepartmentId).to(Department::Table, Department::Id),
                )
                .to_owned(),
        )
        .await?;
        // Every filter of `calls` pairs with the keyset order (received_at, id).
        let call_indexes: [(&str, Vec<DynIden>); 9] = [
            ("ix_call_received", vec![Call::ReceivedAt.into_iden(), Call::Id.into_iden()]),
            ("ix_call_handler", vec![Call::HandlerId.into_iden(), Call::ReceivedAt.into_iden(), Call::Id.into_iden()]),
            (
                "ix_call_department",
                vec![Call::DepartmentId.into_iden(), Call::ReceivedAt.into_iden(), Call::Id.into_iden()],
            ),
            ("ix_call_caller_number", vec![Call::CallerNumber.into_iden(), Call::ReceivedAt.into_iden()]),
            ("ix_call_category", vec![Call::Category.into_iden(), Call::ReceivedAt.into_iden()]),
            ("ix_call_status", vec![Call::Status.into_iden(), Call::ReceivedAt.into_iden()]),
            ("ix_call_important", vec![Call::Important.into_iden(), Call::ReceivedAt.into_iden()]),
            ("ix_call_record_complete", vec![Call::RecordComplete.into_iden(), Call::ReceivedAt.into_iden()]),
            ("ix_call_ring_sort", vec![Call::RingSort.into_iden(), Call::Id.into_iden()]),
        ];
        for (name, cols) in call_indexes {
            m.create_index(index(name, Call::Table, cols)).await?;
        }

        m.create_table(
            Table::create()
                .table(FollowUp::Table)
                .col(big_pk_auto(FollowUp::Id))
                .col(string(FollowUp::Kind))
                .col(string(FollowUp::Status))
                .col(big_integer_null(FollowUp::CallId))
                .col(big_integer_null(FollowUp::AssigneeId))
                .col(big_integer_null(FollowUp::DepartmentId))
                .col(text_null(FollowUp::Summary))
                .col(ts(FollowUp::DueAt))
                .col(ts_null(FollowUp::CompletedAt))
                .col(big_integer_null(FollowUp::CompletedBy))
                .col(text_null(FollowUp::Notes))
                .col(integer(FollowUp::Version).default(1))
                .col(ts(FollowUp::CreatedAt))
                .col(ts(FollowUp::UpdatedAt))
                .foreign_key(ForeignKey::create().from(FollowUp::Table, FollowUp::CallId).to(Call::Table, Call::Id))
                .foreign_key(
                    ForeignKey::create().from(FollowUp::Table, FollowUp::AssigneeId).to(Employee::Table, Employee::Id),
                )
                .to_owned(),
        )
        .await?;
        let fu_indexes: [(&str, Vec<DynIden>); 4] = [
            ("ix_follow_up_call", vec![FollowUp::CallId.into_iden()]),
            ("ix_follow_up_assignee", vec![FollowUp::AssigneeId.into_iden(), FollowUp::DueAt.into_iden()]),
            ("ix_follow_up_department", vec![FollowUp::DepartmentId.into_iden(), FollowUp::DueAt.into_iden()]),
            ("ix_follow_up_status", vec![FollowUp::Status.into_iden(), FollowUp::DueAt.into_iden()]),
        ];
        for (name, cols) in fu_indexes {
            m.create_index(index(name, FollowUp::Table, cols)).await?;
        }

        m.create_table(
            Table::create()
                .table(SlaPolicy::Table)
                .col(string(SlaPolicy::Kind).primary_key())
                .col(integer(SlaPolicy::WorkingMinutes))
                .col(ts(SlaPolicy::UpdatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(CalendarDay::Table)
                .col(date(CalendarDay::Day).primary_key())
                .col(string(CalendarDay::Kind))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ScoringRules::Table)
                .col(integer(ScoringRules::Id).primary_key())
                .col(double(ScoringRules::BaseScore))
                .col(double(ScoringRules::PassScore))
                .col(double(ScoringRules::ExcellentScore))
                .col(integer(ScoringRules::RingLimit))
                .col(integer(ScoringRules::RingIntervalSeconds))
                .col(double(ScoringRules::LateAnswerPoints))
                .col(double(ScoringRules::InaccurateRecordPoints))
                .col(double(ScoringRules::MissedDeadlinePoints))
                .col(double(ScoringRules::AttitudeComplaintPoints))
                .col(double(ScoringRules::ConfidentialityMinorPoints))
                .col(double(ScoringRules::ConfidentialityMajorPoints))
                .col(double(ScoringRules::ConfidentialitySeverePoints))
                .col(integer(ScoringRules::ConsecutiveFailuresForAction))
                .col(integer(ScoringRules::Version).default(1))
                .col(ts(ScoringRules::UpdatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AuditEntry::Table)
                .col(big_integer(AuditEntry::Id).primary_key())
                .col(ts(AuditEntry::At))
                .col(big_integer_null(AuditEntry::ActorId))
                .col(string(AuditEntry::Action))
                .col(string(AuditEntry::EntityType))
                .col(string_null(AuditEntry::EntityId))
                .col(text(AuditEntry::Fields))
                .col(string_null(AuditEntry::RequestId))
                .col(string_null(AuditEntry::PreviousHash))
                .col(string(AuditEntry::Hash))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_audit_entity",
            AuditEntry::Table,
            vec![AuditEntry::EntityType.into_iden(), AuditEntry::EntityId.into_iden()],
        ))
        .await?;
        m.create_index(index(
            "ix_audit_actor",
            AuditEntry::Table,
            vec![AuditEntry::ActorId.into_iden(), AuditEntry::Id.into_iden()],
        ))
        .await?;
        m.create_index(index("ix_audit_at", AuditEntry::Table, vec![AuditEntry::At.into_iden()])).await?;

        m.create_table(
            Table::create()
                .table(AuditHead::Table)
                .col(integer(AuditHead::Id).primary_key())
                .col(big_integer(AuditHead::LastId))
                .col(string_null(AuditHead::LastHash))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(IdempotencyKey::Table)
                .col(big_pk_auto(IdempotencyKey::Id))
                .col(big_integer(IdempotencyKey::EmployeeId))
                .col(string(IdempotencyKey::Operation))
                .col(string(IdempotencyKey::Key))
                .col(big_integer(IdempotencyKey::EntityId))
                .col(ts(IdempotencyKey::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ux_idempotency_key",
                IdempotencyKey::Table,
                vec![
                    IdempotencyKey::EmployeeId.into_iden(),
                    IdempotencyKey::Operation.into_iden(),
                    IdempotencyKey::Key.into_iden(),
                ],
            )
            .unique()
            .to_owned(),
        )
        .await?;

        seed_reference_data(m).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            IdempotencyKey::Table.into_iden(),
            AuditHead::Table.into_iden(),
            AuditEntry::Table.into_iden(),
            ScoringRules::Table.into_iden(),
            CalendarDay::Table.into_iden(),
            SlaPolicy::Table.into_iden(),
            FollowUp::Table.into_iden(),
            Call::Table.into_iden(),
            RefreshToken::Table.into_iden(),
            Employee::Table.into_iden(),
            Department::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

async fn seed_reference_data(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let now = chrono::Utc::now();
    let mut sla = Query::insert();
    sla.into_table(SlaPolicy::Table).columns([SlaPolicy::Kind, SlaPolicy::WorkingMinutes, SlaPolicy::UpdatedAt]);
    for kind in FollowUpKind::ALL {
        sla.values_panic([kind.as_str().into(), kind.default_minutes().into(), now.into()]);
    }
    m.exec_stmt(sla).await?;

    let (holidays, make_up) = domain::holidays::china_official_days();
    let mut days = Query::insert();
    days.into_table(CalendarDay::Table).columns([CalendarDay::Day, CalendarDay::Kind]);
    for d in holidays {
        days.values_panic([d.into(), "HOLIDAY".into()]);
    }
    for d in make_up {
        days.values_panic([d.into(), "MAKE_UP_WORKDAY".into()]);
    }
    m.exec_stmt(days).await?;

    // P5.2 and P5.3 defaults; ring limit from P2.1, ring interval from spec §3.
    let rules = Query::insert()
        .into_table(ScoringRules::Table)
        .columns([
            ScoringRules::Id,
            ScoringRules::BaseScore,
            ScoringRules::PassScore,
            ScoringRules::ExcellentScore,
            ScoringRules::RingLimit,
            ScoringRules::RingIntervalSeconds,
            ScoringRules::LateAnswerPoints,
            ScoringRules::InaccurateRecordPoints,
            ScoringRules::MissedDeadlinePoints,
            ScoringRules::AttitudeComplaintPoints,
            ScoringRules::ConfidentialityMinorPoints,
            ScoringRules::ConfidentialityMajorPoints,
            ScoringRules::ConfidentialitySeverePoints,
            ScoringRules::ConsecutiveFailuresForAction,
            ScoringRules::Version,
            ScoringRules::UpdatedAt,
        ])
        .values_panic([
            1.into(),
            100.0.into(),
            80.0.into(),
            95.0.into(),
            3.into(),
            5.into(),
            2.0.into(),
            2.0.into(),
            2.0.into(),
            5.0.into(),
            5.0.into(),
            10.0.into(),
            20.0.into(),
            3.into(),
            1.into(),
            now.into(),
        ])
        .to_owned();
    m.exec_stmt(rules).await?;

    let head = Query::insert()
        .into_table(AuditHead::Table)
        .columns([AuditHead::Id, AuditHead::LastId])
        .values_panic([1.into(), 0i64.into()])
        .to_owned();
    m.exec_stmt(head).await
}
