//! Danish operators, by CPS code, with how they authorise a port-out.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "operator")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub cps_code: String,
    pub name: String,
    pub mvno_auth: crate::enums::MvnoAuth,
    /// Regular expression the donor SIM's ICC must match.
    pub icc_validation: Option<String>,
    /// This platform's own operator code.
    pub is_self: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
