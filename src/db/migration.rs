//! Schema migrations. The tables are derived from the entities, so the two
//! cannot drift; indexes beyond the entities' own are listed here.

use super::entity::*;
use sea_orm::{EntityTrait, Schema};
use sea_orm_migration::prelude::*;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(InitialSchema), Box::new(LoginFailures)]
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
