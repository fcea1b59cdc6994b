//! Numbers on the platform and their state.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "number")]
pub struct Model {
    /// E.164, e.g. `+4520123456`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub number: String,
    #[sea_orm(indexed)]
    pub state: crate::enums::NumberState,
    pub network: Option<crate::enums::Network>,
    /// The customer that owns the number (bought or ported in).
    #[sea_orm(indexed)]
    pub owner_customer_id: Option<String>,
    /// The reseller whose own stock the number is in.
    #[sea_orm(indexed)]
    pub stock_reseller_id: Option<String>,
    pub range_id: Option<String>,
    pub reserved_until: Option<DateTimeUtc>,
    pub quarantine_until: Option<DateTimeUtc>,
    pub account_id: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::customer::Entity",
        from = "Column::OwnerCustomerId",
        to = "super::customer::Column::Id"
    )]
    Owner,
    #[sea_orm(
        belongs_to = "super::customer::Entity",
        from = "Column::StockResellerId",
        to = "super::customer::Column::Id"
    )]
    StockReseller,
    #[sea_orm(
        belongs_to = "super::number_range::Entity",
        from = "Column::RangeId",
        to = "super::number_range::Column::Id"
    )]
    Range,
}

impl ActiveModelBehavior for ActiveModel {}
