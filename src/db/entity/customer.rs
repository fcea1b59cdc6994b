//! Customers; resellers are customers too, linked by `parent_reseller`.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "customer")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub name: String,
    #[sea_orm(indexed)]
    pub cvr: Option<String>,
    pub kind: crate::enums::CustomerKind,
    pub state: crate::enums::CustomerState,
    #[sea_orm(indexed)]
    pub parent_reseller: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    /// A reseller whose public plans are offered in the self-service signup.
    pub public_signup: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "Entity",
        from = "Column::ParentReseller",
        to = "Column::Id"
    )]
    ParentReseller,
}

impl ActiveModelBehavior for ActiveModel {}
