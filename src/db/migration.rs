//! Schema migrations. The tables of m0001 and m0002 are derived from the
//! entities; from m0003 on a migration writes its tables out column by
//! column, so an applied migration never changes with a later entity.
//! Indexes beyond the entities' own are listed here.

use super::entity::*;
use sea_orm::{EntityTrait, Schema};
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
        ]
    }
}

struct InitialSchema;

impl MigrationName for InitialSchema {
    fn name(&self) -> &str {
        "m0001_initial_schema"
    }
}

async fn create<E: EntityTrait>(
    manager: &SchemaManager<'_>,
    schema: &Schema,
    entity: E,
) -> Result<(), DbErr> {
    manager
        .create_table(schema.create_table_from_entity(entity))
        .await?;
    for index in schema.create_index_from_entity(entity) {
        manager.create_index(index).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for InitialSchema {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let schema = Schema::new(manager.get_database_backend());
        // In dependency order: a table comes after the tables it refers to.
        create(manager, &schema, customer::Entity).await?;
        create(manager, &schema, customer_billing::Entity).await?;
        create(manager, &schema, employee::Entity).await?;
        create(manager, &schema, auth_token::Entity).await?;
        create(manager, &schema, operator::Entity).await?;
        create(manager, &schema, number_range::Entity).await?;
        create(manager, &schema, number::Entity).await?;
        create(manager, &schema, number_lookup::Entity).await?;
        create(manager, &schema, sim_card::Entity).await?;
        create(manager, &schema, product::Entity).await?;
        create(manager, &schema, soc::Entity).await?;
        create(manager, &schema, sip_account::Entity).await?;
        create(manager, &schema, pbx_extension::Entity).await?;
        create(manager, &schema, mvno_account::Entity).await?;
        create(manager, &schema, data_sharing_sim::Entity).await?;
        create(manager, &schema, porting::Entity).await?;
        create(manager, &schema, invoice_line::Entity).await?;
        create(manager, &schema, event::Entity).await?;
        create(manager, &schema, job::Entity).await?;
        create(manager, &schema, idempotency_key::Entity).await?;

        // Finding free stock for a holder: by holder, network and form factor.
        manager
            .create_index(
                Index::create()
                    .name("idx_sim_card_stock")
                    .table(sim_card::Entity)
                    .col(sim_card::Column::InStorageAt)
                    .col(sim_card::Column::Network)
                    .col(sim_card::Column::FormFactor)
                    .col(sim_card::Column::AccountId)
                    .to_owned(),
            )
            .await?;
        // Purchasable numbers per network.
        manager
            .create_index(
                Index::create()
                    .name("idx_number_state_network")
                    .table(number::Entity)
                    .col(number::Column::State)
                    .col(number::Column::Network)
                    .to_owned(),
            )
            .await?;
        Ok(())
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
        let schema = Schema::new(manager.get_database_backend());
        create(manager, &schema, login_failure::Entity).await
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
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_mitid_verification_employee")
                            .from(M::Table, M::EmployeeId)
                            .to(Employee::Table, Employee::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_mitid_verification_employee_id")
                    .table(M::Table)
                    .col(M::EmployeeId)
                    .to_owned(),
            )
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
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_wizard_draft_employee")
                            .from(W::Table, W::EmployeeId)
                            .to(Employee::Table, Employee::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_wizard_draft_updated_at")
                    .table(W::Table)
                    .col(W::UpdatedAt)
                    .to_owned(),
            )
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
