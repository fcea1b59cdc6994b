//! Extensions on the hosted PBX.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pbx_extension")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    #[sea_orm(indexed)]
    pub customer_id: String,
    /// Hosted PBX cluster id.
    pub pbx: i32,
    pub extension: String,
    /// Set when the extension is already assigned to a trunk.
    pub sip_account_id: Option<String>,
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
        belongs_to = "super::sip_account::Entity",
        from = "Column::SipAccountId",
        to = "super::sip_account::Column::Id"
    )]
    SipAccount,
}

impl ActiveModelBehavior for ActiveModel {}
