//! Complaints (客诉): the record, its append-only timeline, and the business
//! calendar's dated exceptions (public holidays and make-up working days).
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Distributor {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Complaint {
    Table,
    Id,
    Number,
    DistributorId,
    Channel,
    Product,
    BatchNo,
    Category,
    Priority,
    Description,
    Assignee,
    Status,
    Resolution,
    RootCause,
    RootCauseNote,
    Satisfaction,
    ReceivedAt,
    CreatedAt,
    CreatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ComplaintEvent {
    Table,
    Id,
    ComplaintId,
    At,
    Kind,
    FromStatus,
    ToStatus,
    Text,
    Operator,
}

#[derive(DeriveIden)]
enum CalendarDay {
    Table,
    Day,
    Kind,
    Name,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let text = |c: Complaint| ColumnDef::new(c).string().not_null().to_owned();
        let at = |c: Complaint| {
            ColumnDef::new(c)
                .timestamp_with_time_zone()
                .not_null()
                .to_owned()
        };
        m.create_table(
            Table::create()
                .table(Complaint::Table)
                .col(
                    ColumnDef::new(Complaint::Id)
                        .big_integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(Complaint::Number)
                        .string()
                        .not_null()
                        .unique_key(),
                )
                .col(
                    ColumnDef::new(Complaint::DistributorId)
                        .big_integer()
                        .not_null(),
                )
                .col(text(Complaint::Channel))
                .col(text(Complaint::Product))
                .col(text(Complaint::BatchNo))
                .col(text(Complaint::Category))
                .col(text(Complaint::Priority))
                .col(text(Complaint::Description))
                .col(text(Complaint::Assignee))
                .col(text(Complaint::Status))
                .col(text(Complaint::Resolution))
                .col(text(Complaint::RootCause))
                .col(text(Complaint::RootCauseNote))
                .col(ColumnDef::new(Complaint::Satisfaction).integer().null())
                .col(at(Complaint::ReceivedAt))
                .col(at(Complaint::CreatedAt))
                .col(text(Complaint::CreatedBy))
                .col(at(Complaint::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Complaint::Table, Complaint::DistributorId)
                        .to(Distributor::Table, Distributor::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("idx_complaint_status", Complaint::Status),
            ("idx_complaint_distributor", Complaint::DistributorId),
            ("idx_complaint_received", Complaint::ReceivedAt),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(Complaint::Table)
                    .col(col)
                    .to_owned(),
            )
            .await?;
        }
        m.create_table(
            Table::create()
                .table(ComplaintEvent::Table)
                .col(
                    ColumnDef::new(ComplaintEvent::Id)
                        .big_integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(ComplaintEvent::ComplaintId)
                        .big_integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(ComplaintEvent::At)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(ColumnDef::new(ComplaintEvent::Kind).string().not_null())
                .col(ColumnDef::new(ComplaintEvent::FromStatus).string().null())
                .col(ColumnDef::new(ComplaintEvent::ToStatus).string().null())
                .col(ColumnDef::new(ComplaintEvent::Text).string().not_null())
                .col(ColumnDef::new(ComplaintEvent::Operator).string().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .from(ComplaintEvent::Table, ComplaintEvent::ComplaintId)
                        .to(Complaint::Table, Complaint::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_complaint_event_complaint")
                .table(ComplaintEvent::Table)
                .col(ComplaintEvent::ComplaintId)
                .col(ComplaintEvent::Id)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CalendarDay::Table)
                .col(
                    ColumnDef::new(CalendarDay::Day)
                        .date()
                        .not_null()
                        .primary_key(),
                )
                .col(ColumnDef::new(CalendarDay::Kind).string().not_null())
                .col(ColumnDef::new(CalendarDay::Name).string().not_null())
                .to_owned(),
        )
        .await?;
        crate::append_only::guard(
            m,
            "complaint_event",
            "complaint timeline entries are append-only",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            CalendarDay::Table.into_iden(),
            ComplaintEvent::Table.into_iden(),
            Complaint::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
