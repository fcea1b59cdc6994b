//! Issued tokens (bearer tokens and portal sessions), stored as SHA-256 hashes.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "auth_token")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    #[sea_orm(indexed)]
    pub employee_id: String,
    /// `API` (bearer) or `SESSION` (portal cookie).
    pub kind: crate::enums::TokenKind,
    /// `None` for a persistent (machine) token.
    pub expires_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::employee::Entity",
        from = "Column::EmployeeId",
        to = "super::employee::Column::Id",
        on_delete = "Cascade"
    )]
    Employee,
}

impl ActiveModelBehavior for ActiveModel {}

impl Related<super::employee::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Employee.def()
    }
}
