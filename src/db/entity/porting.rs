//! Port-ins created with an MVNO account.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "porting")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    #[sea_orm(indexed)]
    pub number: String,
    #[sea_orm(indexed)]
    pub account_id: String,
    #[sea_orm(indexed)]
    pub customer_id: String,
    pub donor_cps: String,
    pub donor_sim_number: Option<String>,
    /// `None` means "at the end of the customer's commitment with the donor".
    pub requested_date: Option<DateTimeUtc>,
    pub notify: Json,
    pub stage: crate::enums::PortingStage,
    pub stage_date: DateTimeUtc,
    pub message: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::customer::Entity",
        from = "Column::CustomerId",
        to = "super::customer::Column::Id"
    )]
    Customer,
    #[sea_orm(
        belongs_to = "super::operator::Entity",
        from = "Column::DonorCps",
        to = "super::operator::Column::CpsCode"
    )]
    Donor,
}

impl ActiveModelBehavior for ActiveModel {}
