//! MitID verifications recorded by the server: the portal carries only the
//! row's id, and a create takes the identity from here, once.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mitid_verification")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// The employee who verified; only they may use it.
    #[sea_orm(indexed)]
    pub employee_id: String,
    /// The person's MitID UUID.
    pub uuid: String,
    /// The person's name as MitID gives it.
    pub name: String,
    /// When the person authenticated.
    pub authentication_date: DateTimeUtc,
    pub created_at: DateTimeUtc,
    /// After this it can no longer be used.
    pub expires_at: DateTimeUtc,
    /// When a create used it; `None` while unused.
    pub used_at: Option<DateTimeUtc>,
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
