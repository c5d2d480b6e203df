//! Distributor records, their status and tier history, admission assessments,
//! settings and the append-only audit trail.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Distributor {
    Table,
    Id,
    Code,
    Name,
    ShortName,
    Uscc,
    LegalRepresentative,
    ContactName,
    ContactRole,
    ContactPhone,
    ContactEmail,
    ContactWechat,
    Province,
    City,
    County,
    Region,
    Address,
    BankName,
    BankAccount,
    PaymentTermsDays,
    CreditLimitFen,
    Tier,
    Status,
    Notes,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum StatusChange {
    Table,
    Id,
    DistributorId,
    FromStatus,
    ToStatus,
    EffectiveDate,
    Operator,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden)]
enum TierChange {
    Table,
    Id,
    DistributorId,
    FromTier,
    ToTier,
    Reason,
    Operator,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Assessment {
    Table,
    Id,
    DistributorId,
    AssessedOn,
    Assessor,
    ScoresJson,
    TotalCenti,
    RecommendedTier,
    SiteVisitNotes,
    Decision,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Setting {
    Table,
    Key,
    Value,
}

#[derive(DeriveIden)]
enum AuditEntry {
    Table,
    Id,
    At,
    Operator,
    Entity,
    EntityId,
    Action,
    ChangesJson,
}

fn id(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .big_integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .to_owned()
}

fn text(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).string().not_null().to_owned()
}

fn text_null(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).string().null().to_owned()
}

fn big(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col).big_integer().not_null().to_owned()
}

fn at(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Distributor::Table)
                .col(id(Distributor::Id))
                .col(text(Distributor::Code).unique_key())
                .col(text(Distributor::Name))
                .col(text(Distributor::ShortName))
                .col(text(Distributor::Uscc).unique_key())
                .col(text(Distributor::LegalRepresentative))
                .col(text(Distributor::ContactName))
                .col(text(Distributor::ContactRole))
                .col(text(Distributor::ContactPhone))
                .col(text(Distributor::ContactEmail))
                .col(text(Distributor::ContactWechat))
                .col(text(Distributor::Province))
                .col(text(Distributor::City))
                .col(text(Distributor::County))
                .col(text(Distributor::Region))
                .col(text(Distributor::Address))
                .col(text(Distributor::BankName))
                .col(text(Distributor::BankAccount))
                .col(
                    ColumnDef::new(Distributor::PaymentTermsDays)
                        .integer()
                        .not_null(),
                )
                .col(big(Distributor::CreditLimitFen))
                .col(text(Distributor::Tier))
                .col(text(Distributor::Status))
                .col(text(Distributor::Notes))
                .col(at(Distributor::CreatedAt))
                .col(at(Distributor::UpdatedAt))
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("idx_distributor_name", Distributor::Name),
            ("idx_distributor_tier", Distributor::Tier),
            ("idx_distributor_status", Distributor::Status),
            ("idx_distributor_province", Distributor::Province),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(Distributor::Table)
                    .col(col)
                    .to_owned(),
            )
            .await?;
        }

        m.create_table(
            Table::create()
                .table(StatusChange::Table)
                .col(id(StatusChange::Id))
                .col(big(StatusChange::DistributorId))
                .col(text(StatusChange::FromStatus))
                .col(text(StatusChange::ToStatus))
                .col(
                    ColumnDef::new(StatusChange::EffectiveDate)
                        .date()
                        .not_null(),
                )
                .col(text(StatusChange::Operator))
                .col(text(StatusChange::Reason))
                .col(at(StatusChange::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(StatusChange::Table, StatusChange::DistributorId)
                        .to(Distributor::Table, Distributor::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(TierChange::Table)
                .col(id(TierChange::Id))
                .col(big(TierChange::DistributorId))
                .col(text_null(TierChange::FromTier))
                .col(text(TierChange::ToTier))
                .col(text(TierChange::Reason))
                .col(text(TierChange::Operator))
                .col(at(TierChange::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(TierChange::Table, TierChange::DistributorId)
                        .to(Distributor::Table, Distributor::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Assessment::Table)
                .col(id(Assessment::Id))
                .col(big(Assessment::DistributorId))
                .col(ColumnDef::new(Assessment::AssessedOn).date().not_null())
                .col(text(Assessment::Assessor))
                .col(ColumnDef::new(Assessment::ScoresJson).text().not_null())
                .col(big(Assessment::TotalCenti))
                .col(text(Assessment::RecommendedTier))
                .col(ColumnDef::new(Assessment::SiteVisitNotes).text().not_null())
                .col(text(Assessment::Decision))
                .col(at(Assessment::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Assessment::Table, Assessment::DistributorId)
                        .to(Distributor::Table, Distributor::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Setting::Table)
                .col(
                    ColumnDef::new(Setting::Key)
                        .string()
                        .not_null()
                        .primary_key(),
                )
                .col(ColumnDef::new(Setting::Value).text().not_null())
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AuditEntry::Table)
                .col(id(AuditEntry::Id))
                .col(at(AuditEntry::At))
                .col(text(AuditEntry::Operator))
                .col(text(AuditEntry::Entity))
                .col(big(AuditEntry::EntityId))
                .col(text(AuditEntry::Action))
                .col(ColumnDef::new(AuditEntry::ChangesJson).text().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_audit_entity")
                .table(AuditEntry::Table)
                .col(AuditEntry::Entity)
                .col(AuditEntry::EntityId)
                .to_owned(),
        )
        .await?;
        // The audit trail is append-only: the database itself refuses edits and deletes.
        let guard = match m.get_database_backend() {
            sea_orm_migration::sea_orm::DatabaseBackend::Sqlite => vec![
                "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry \
                 BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END",
                "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry \
                 BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END",
            ],
            sea_orm_migration::sea_orm::DatabaseBackend::Postgres => vec![
                "CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$ \
                 BEGIN RAISE EXCEPTION 'audit entries are append-only'; END; $$ LANGUAGE plpgsql",
                "CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry \
                 FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()",
            ],
            _ => vec![],
        };
        for sql in guard {
            m.get_connection().execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            AuditEntry::Table.into_iden(),
            Setting::Table.into_iden(),
            Assessment::Table.into_iden(),
            TierChange::Table.into_iden(),
            StatusChange::Table.into_iden(),
            Distributor::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
