//! The wizard's drafts: answers that must not travel in a URL, and the
//! error of the last refused create, per employee and wizard key.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "wizard_draft")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub employee_id: String,
    /// The wizard's idempotency key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    /// The kept answers, as a JSON object of strings.
    pub fields: Json,
    /// The platform error of the last refused create, until the next save.
    pub error: Option<Json>,
    #[sea_orm(indexed)]
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::employee::Entity",
        from = "Column::EmployeeId",
        to = "super::employee::Column::Id"
    )]
    Employee,
}

impl ActiveModelBehavior for ActiveModel {}
