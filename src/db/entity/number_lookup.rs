//! The national number lookup: type and current operator of Danish numbers
//! not on this platform.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "number_lookup")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub number: String,
    pub number_type: crate::enums::NumberType,
    /// `None` when the lookup knows the number but not its operator.
    pub operator_cps: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::operator::Entity",
        from = "Column::OperatorCps",
        to = "super::operator::Column::CpsCode"
    )]
    Operator,
}

impl ActiveModelBehavior for ActiveModel {}
