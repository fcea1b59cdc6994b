//! Schema migrations. None is derived from the live entities, so an applied
//! migration never changes with a later entity: m0001 and m0002 run the SQL
//! they ran when first applied (`schema/*.sql`, one file per database);
//! from m0003 on a migration writes its tables out column by column. A
//! change to the schema is a new migration; `tests/upgrade.rs` upgrades a
//! database of an earlier release and checks nothing is lost.

use sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::prelude::*;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(InitialSchema),
            Box::new(LoginFailures),
            Box::new(MitIdVerifications),
            Box::new(WizardDrafts),
            Box::new(SignupRequests),
            Box::new(EmployeeLanguages),
        ]
    }
}

struct InitialSchema;

impl MigrationName for InitialSchema {
    fn name(&self) -> &str {
        "m0001_initial_schema"
    }
}

/// Runs a migration's frozen SQL for the connected database.
async fn run_frozen(
    manager: &SchemaManager<'_>,
    sqlite: &str,
    postgres: &str,
) -> Result<(), DbErr> {
    let sql = match manager.get_database_backend() {
        DbBackend::Sqlite => sqlite,
        DbBackend::Postgres => postgres,
        other => return Err(DbErr::Custom(format!("{other:?} is not supported"))),
    };
    manager
        .get_connection()
        .execute_unprepared(sql)
        .await
        .map(drop)
}

#[async_trait::async_trait]
impl MigrationTrait for InitialSchema {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_frozen(
            manager,
            include_str!("schema/m0001_sqlite.sql"),
            include_str!("schema/m0001_postgres.sql"),
        )
        .await
    }
}

/// Failed sign-ins move from each process's memory into the database.
struct LoginFailures;

impl MigrationName for LoginFailures {
    fn name(&self) -> &str {
        "m0002_login_failures"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for LoginFailures {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_frozen(
            manager,
            include_str!("schema/m0002_sqlite.sql"),
            include_str!("schema/m0002_postgres.sql"),
        )
        .await
    }
}

/// MitID verifications recorded by the server. Written out column by column
/// (not derived from the entity), so the migration stays what it was when
/// the entity changes later.
struct MitIdVerifications;

impl MigrationName for MitIdVerifications {
    fn name(&self) -> &str {
        "m0003_mitid_verifications"
    }
}

#[derive(DeriveIden)]
enum MitidVerification {
    Table,
    Id,
    EmployeeId,
    Uuid,
    Name,
    AuthenticationDate,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Employee {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for MitIdVerifications {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use MitidVerification as M;
        manager
            .create_table(
                Table::create()
                    .table(M::Table)
                    .col(ColumnDef::new(M::Id).string().not_null().primary_key())
                    .col(ColumnDef::new(M::EmployeeId).string().not_null())
                    .col(ColumnDef::new(M::Uuid).string().not_null())
                    .col(ColumnDef::new(M::Name).string().not_null())
                    .col(
                        ColumnDef::new(M::AuthenticationDate)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(M::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(M::ExpiresAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(ColumnDef::new(M::UsedAt).timestamp_with_time_zone().null())
                    .foreign_key(&mut employee_key(
                        "fk_mitid_verification_employee",
                        M::Table,
                        M::EmployeeId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_mitid_verification_employee_id",
                M::Table,
                M::EmployeeId,
            ))
            .await
    }
}

/// The wizard's drafts: answers kept on the server instead of in URLs.
/// Written out column by column, like every migration after the first.
struct WizardDrafts;

impl MigrationName for WizardDrafts {
    fn name(&self) -> &str {
        "m0004_wizard_drafts"
    }
}

#[derive(DeriveIden)]
enum WizardDraft {
    Table,
    EmployeeId,
    Key,
    Fields,
    Error,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for WizardDrafts {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use WizardDraft as W;
        manager
            .create_table(
                Table::create()
                    .table(W::Table)
                    .col(ColumnDef::new(W::EmployeeId).string().not_null())
                    .col(ColumnDef::new(W::Key).string().not_null())
                    .col(ColumnDef::new(W::Fields).json().not_null())
                    .col(ColumnDef::new(W::Error).json().null())
                    .col(
                        ColumnDef::new(W::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .primary_key(Index::create().col(W::EmployeeId).col(W::Key))
                    .foreign_key(&mut employee_key(
                        "fk_wizard_draft_employee",
                        W::Table,
                        W::EmployeeId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index("idx_wizard_draft_updated_at", W::Table, W::UpdatedAt))
            .await
    }
}

/// Signups waiting for their e-mail address to be confirmed.
struct SignupRequests;

impl MigrationName for SignupRequests {
    fn name(&self) -> &str {
        "m0005_signup_requests"
    }
}

#[derive(DeriveIden)]
enum SignupRequest {
    Table,
    TokenHash,
    Email,
    Name,
    Address,
    PasswordHash,
    CreatedAt,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for SignupRequests {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use SignupRequest as S;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .col(
                        ColumnDef::new(S::TokenHash)
                            .string()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(S::Email).string().not_null())
                    .col(ColumnDef::new(S::Name).string().not_null())
                    .col(ColumnDef::new(S::Address).string().null())
                    .col(ColumnDef::new(S::PasswordHash).string().not_null())
                    .col(
                        ColumnDef::new(S::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(S::ExpiresAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_signup_request_email", S::Email),
            ("idx_signup_request_expires_at", S::ExpiresAt),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(S::Table)
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

/// The portal language each signed-in user chose last.
struct EmployeeLanguages;

impl MigrationName for EmployeeLanguages {
    fn name(&self) -> &str {
        "m0006_employee_languages"
    }
}

#[derive(DeriveIden)]
enum EmployeeLanguage {
    Table,
    EmployeeId,
    Language,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for EmployeeLanguages {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use EmployeeLanguage as L;
        manager
            .create_table(
                Table::create()
                    .table(L::Table)
                    .col(
                        ColumnDef::new(L::EmployeeId)
                            .string()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(L::Language).string().not_null())
                    .col(
                        ColumnDef::new(L::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(&mut employee_key(
                        "fk_employee_language_employee",
                        L::Table,
                        L::EmployeeId,
                    ))
                    .to_owned(),
            )
            .await
    }
}

/// A foreign key from `table.column` to the employee it names.
fn employee_key(
    name: &str,
    table: impl IntoIden,
    column: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, column)
        .to(Employee::Table, Employee::Id)
        .to_owned()
}

/// An index on one column.
fn index(name: &str, table: impl IntoIden, column: impl IntoIden) -> IndexCreateStatement {
    Index::create()
        .name(name)
        .table(table)
        .col(column)
        .to_owned()
}
