//! What a call leads to: transfers, inquiries and the knowledge base,
//! cooperation leads, complaints. The columns follow the client contract; the
//! mutations that fill them come with their own issues.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::util::{fk, index, ts, ts_null};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Call {
    Table,
    Id,
}
#[derive(DeriveIden)]
enum Department {
    Table,
    Id,
}
#[derive(DeriveIden)]
enum Employee {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Transfer {
    Table,
    Id,
    CallId,
    FromEmployeeId,
    ToDepartmentId,
    ToEmployeeId,
    Reason,
    ReasonExplainedToCaller,
    CallerAgreedToWait,
    TargetAvailable,
    BothPartiesInformed,
    TargetReminded,
    Status,
    RequestedAt,
    ConnectedAt,
    ClosedAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum KnowledgeArticle {
    Table,
    Id,
    Question,
    Answer,
    Tags,
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Inquiry {
    Table,
    Id,
    CallId,
    Question,
    AnsweredOnSpot,
    Answer,
    PromisedReplyBy,
    ReplyDueAt,
    RepliedAt,
    RepliedBy,
    KnowledgeArticleId,
    RecordedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CooperationLead {
    Table,
    Id,
    CallId,
    Intent,
    Content,
    Method,
    DepartmentId,
    ForwardedTo,
    ForwardedAt,
    ContactDueAt,
    ContactedAt,
    InvolvesContract,
    ContractReference,
    Status,
    RecordedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Complaint {
    Table,
    Id,
    CallId,
    Kind,
    Subject,
    Details,
    ComplainantName,
    ComplainantOrganization,
    AttitudeRelated,
    ForwardedTo,
    ForwardedAt,
    InvestigationDueAt,
    Status,
    Result,
    ResolvedAt,
    ResultDueAt,
    ResultReportedAt,
    Satisfaction,
    RecordedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ComplaintDepartment {
    Table,
    ComplaintId,
    DepartmentId,
}
#[derive(DeriveIden)]
enum ComplaintEmployee {
    Table,
    ComplaintId,
    EmployeeId,
}
#[derive(DeriveIden)]
enum ComplaintProgress {
    Table,
    Id,
    ComplaintId,
    At,
    AuthorId,
    Note,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Transfer::Table)
                .col(big_pk_auto(Transfer::Id))
                .col(big_integer(Transfer::CallId))
                .col(big_integer(Transfer::FromEmployeeId))
                .col(big_integer(Transfer::ToDepartmentId))
                .col(big_integer_null(Transfer::ToEmployeeId))
                .col(text(Transfer::Reason))
                .col(boolean(Transfer::ReasonExplainedToCaller))
                .col(boolean_null(Transfer::CallerAgreedToWait))
                .col(boolean_null(Transfer::TargetAvailable))
                .col(boolean(Transfer::BothPartiesInformed).default(false))
                .col(boolean(Transfer::TargetReminded).default(false))
                .col(string(Transfer::Status))
                .col(ts(Transfer::RequestedAt))
                .col(ts_null(Transfer::ConnectedAt))
                .col(ts_null(Transfer::ClosedAt))
                .col(integer(Transfer::Version).default(1))
                .col(ts(Transfer::CreatedAt))
                .col(ts(Transfer::UpdatedAt))
                .foreign_key(&mut fk(Transfer::Table, Transfer::CallId, Call::Table, Call::Id))
                .foreign_key(&mut fk(Transfer::Table, Transfer::FromEmployeeId, Employee::Table, Employee::Id))
                .foreign_key(&mut fk(Transfer::Table, Transfer::ToDepartmentId, Department::Table, Department::Id))
                .to_owned(),
        )
        .await?;
        for (name, cols) in [
            ("ix_transfer_call", vec![Transfer::CallId.into_iden()]),
            (
                "ix_transfer_to_department",
                vec![Transfer::ToDepartmentId.into_iden(), Transfer::RequestedAt.into_iden()],
            ),
            ("ix_transfer_to_employee", vec![Transfer::ToEmployeeId.into_iden(), Transfer::RequestedAt.into_iden()]),
            ("ix_transfer_status", vec![Transfer::Status.into_iden(), Transfer::RequestedAt.into_iden()]),
        ] {
            m.create_index(index(name, Transfer::Table, cols)).await?;
        }

        m.create_table(
            Table::create()
                .table(KnowledgeArticle::Table)
                .col(big_pk_auto(KnowledgeArticle::Id))
                .col(text(KnowledgeArticle::Question))
                .col(text(KnowledgeArticle::Answer))
                .col(text(KnowledgeArticle::Tags))
                .col(big_integer_null(KnowledgeArticle::CreatedBy))
                .col(integer(KnowledgeArticle::Version).default(1))
                .col(ts(KnowledgeArticle::CreatedAt))
                .col(ts(KnowledgeArticle::UpdatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Inquiry::Table)
                .col(big_pk_auto(Inquiry::Id))
                .col(big_integer_uniq(Inquiry::CallId))
                .col(text(Inquiry::Question))
                .col(boolean(Inquiry::AnsweredOnSpot))
                .col(text_null(Inquiry::Answer))
                .col(ts_null(Inquiry::PromisedReplyBy))
                .col(ts_null(Inquiry::ReplyDueAt))
                .col(ts_null(Inquiry::RepliedAt))
                .col(big_integer_null(Inquiry::RepliedBy))
                .col(big_integer_null(Inquiry::KnowledgeArticleId))
                .col(big_integer_null(Inquiry::RecordedBy))
                .col(integer(Inquiry::Version).default(1))
                .col(ts(Inquiry::CreatedAt))
                .col(ts(Inquiry::UpdatedAt))
                .foreign_key(&mut fk(Inquiry::Table, Inquiry::CallId, Call::Table, Call::Id))
                .foreign_key(&mut fk(
                    Inquiry::Table,
                    Inquiry::KnowledgeArticleId,
                    KnowledgeArticle::Table,
                    KnowledgeArticle::Id,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_inquiry_reply_due", Inquiry::Table, vec![Inquiry::ReplyDueAt.into_iden()])).await?;

        m.create_table(
            Table::create()
                .table(CooperationLead::Table)
                .col(big_pk_auto(CooperationLead::Id))
                .col(big_integer(CooperationLead::CallId))
                .col(text(CooperationLead::Intent))
                .col(text_null(CooperationLead::Content))
                .col(text_null(CooperationLead::Method))
                .col(big_integer(CooperationLead::DepartmentId))
                .col(big_integer_null(CooperationLead::ForwardedTo))
                .col(ts(CooperationLead::ForwardedAt))
                .col(ts(CooperationLead::ContactDueAt))
                .col(ts_null(CooperationLead::ContactedAt))
                .col(boolean(CooperationLead::InvolvesContract))
                .col(string_null(CooperationLead::ContractReference))
                .col(string(CooperationLead::Status))
                .col(big_integer_null(CooperationLead::RecordedBy))
                .col(integer(CooperationLead::Version).default(1))
                .col(ts(CooperationLead::CreatedAt))
                .col(ts(CooperationLead::UpdatedAt))
                .foreign_key(&mut fk(CooperationLead::Table, CooperationLead::CallId, Call::Table, Call::Id))
                .foreign_key(&mut fk(
                    CooperationLead::Table,
                    CooperationLead::DepartmentId,
                    Department::Table,
                    Department::Id,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_lead_call", CooperationLead::Table, vec![CooperationLead::CallId.into_iden()]))
            .await?;
        m.create_index(index(
            "ix_lead_department",
            CooperationLead::Table,
            vec![CooperationLead::DepartmentId.into_iden(), CooperationLead::Status.into_iden()],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Complaint::Table)
                .col(big_pk_auto(Complaint::Id))
                .col(big_integer(Complaint::CallId))
                .col(string(Complaint::Kind))
                .col(text(Complaint::Subject))
                .col(text(Complaint::Details))
                .col(string_null(Complaint::ComplainantName))
                .col(string_null(Complaint::ComplainantOrganization))
                .col(boolean(Complaint::AttitudeRelated))
                .col(big_integer_null(Complaint::ForwardedTo))
                .col(ts(Complaint::ForwardedAt))
                .col(ts(Complaint::InvestigationDueAt))
                .col(string(Complaint::Status))
                .col(text_null(Complaint::Result))
                .col(ts_null(Complaint::ResolvedAt))
                .col(ts_null(Complaint::ResultDueAt))
                .col(ts_null(Complaint::ResultReportedAt))
                .col(string_null(Complaint::Satisfaction))
                .col(big_integer_null(Complaint::RecordedBy))
                .col(integer(Complaint::Version).default(1))
                .col(ts(Complaint::CreatedAt))
                .col(ts(Complaint::UpdatedAt))
                .foreign_key(&mut fk(Complaint::Table, Complaint::CallId, Call::Table, Call::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_complaint_call", Complaint::Table, vec![Complaint::CallId.into_iden()])).await?;
        m.create_index(index(
            "ix_complaint_status",
            Complaint::Table,
            vec![Complaint::Status.into_iden(), Complaint::ForwardedAt.into_iden()],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(ComplaintDepartment::Table)
                .col(big_integer(ComplaintDepartment::ComplaintId))
                .col(big_integer(ComplaintDepartment::DepartmentId))
                .primary_key(
                    Index::create().col(ComplaintDepartment::ComplaintId).col(ComplaintDepartment::DepartmentId),
                )
                .foreign_key(&mut fk(
                    ComplaintDepartment::Table,
                    ComplaintDepartment::ComplaintId,
                    Complaint::Table,
                    Complaint::Id,
                ))
                .foreign_key(&mut fk(
                    ComplaintDepartment::Table,
                    ComplaintDepartment::DepartmentId,
                    Department::Table,
                    Department::Id,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_complaint_department_dept",
            ComplaintDepartment::Table,
            vec![ComplaintDepartment::DepartmentId.into_iden()],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(ComplaintEmployee::Table)
                .col(big_integer(ComplaintEmployee::ComplaintId))
                .col(big_integer(ComplaintEmployee::EmployeeId))
                .primary_key(Index::create().col(ComplaintEmployee::ComplaintId).col(ComplaintEmployee::EmployeeId))
                .foreign_key(&mut fk(
                    ComplaintEmployee::Table,
                    ComplaintEmployee::ComplaintId,
                    Complaint::Table,
                    Complaint::Id,
                ))
                .foreign_key(&mut fk(
                    ComplaintEmployee::Table,
                    ComplaintEmployee::EmployeeId,
                    Employee::Table,
                    Employee::Id,
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ComplaintProgress::Table)
                .col(big_pk_auto(ComplaintProgress::Id))
                .col(big_integer(ComplaintProgress::ComplaintId))
                .col(ts(ComplaintProgress::At))
                .col(big_integer_null(ComplaintProgress::AuthorId))
                .col(text(ComplaintProgress::Note))
                .foreign_key(&mut fk(
                    ComplaintProgress::Table,
                    ComplaintProgress::ComplaintId,
                    Complaint::Table,
                    Complaint::Id,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_complaint_progress",
            ComplaintProgress::Table,
            vec![ComplaintProgress::ComplaintId.into_iden(), ComplaintProgress::At.into_iden()],
        ))
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            ComplaintProgress::Table.into_iden(),
            ComplaintEmployee::Table.into_iden(),
            ComplaintDepartment::Table.into_iden(),
            Complaint::Table.into_iden(),
            CooperationLead::Table.into_iden(),
            Inquiry::Table.into_iden(),
            KnowledgeArticle::Table.into_iden(),
            Transfer::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
