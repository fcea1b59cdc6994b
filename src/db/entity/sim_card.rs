//! SIM stock: physical cards and eSIM profiles, held in storage by a customer.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sim_card")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub icc: String,
    /// Derived from the network and the ICC's serial when the stock file has none.
    pub imsi: String,
    pub puk1: String,
    pub puk2: String,
    pub pin1: String,
    pub pin2: String,
    pub form_factor: crate::enums::FormFactor,
    pub network: crate::enums::Network,
    pub activation_code: Option<String>,
    #[sea_orm(indexed)]
    pub in_storage_at: String,
    pub auto_assign: bool,
    pub tag: Option<String>,
    /// The account using the card; `None` while it is in stock.
    #[sea_orm(indexed)]
    pub account_id: Option<String>,
    pub imported_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::customer::Entity",
        from = "Column::InStorageAt",
        to = "super::customer::Column::Id"
    )]
    Storage,
}

impl ActiveModelBehavior for ActiveModel {}
