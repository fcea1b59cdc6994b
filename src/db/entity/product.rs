//! Products: rate plans, services, Rest-of-World packages, number purchase.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub kind: crate::enums::ProductKind,
    pub name: String,
    pub description: Option<String>,
    /// `None` for the operator's master products; else the reseller or customer.
    #[sea_orm(indexed)]
    pub owner_customer_id: Option<String>,
    /// Price in øre (1/100 DKK).
    pub price_ore: i64,
    /// `MONTHLY` or `ONCE`.
    pub recurrence: String,
    pub valid_from: DateTimeUtc,
    pub valid_until: Option<DateTimeUtc>,
    /// A rate plan's included Rest-of-World package.
    pub included_row_product_id: Option<String>,
    /// A rate plan's default features (`feature.*`).
    pub features: Option<Json>,
    /// SOC codes the product puts on an account.
    pub socs: Json,
    /// Short facts for plan cards.
    pub facts: Option<Json>,
    /// Offered in the public self-service signup.
    pub public: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::customer::Entity",
        from = "Column::OwnerCustomerId",
        to = "super::customer::Column::Id"
    )]
    Owner,
}

impl ActiveModelBehavior for ActiveModel {}
