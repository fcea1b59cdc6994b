//! Background jobs stored in the database (e.g. network activation).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "job")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub kind: crate::enums::JobKind,
    pub account_id: String,
    #[sea_orm(indexed)]
    pub run_at: DateTimeUtc,
    /// `PENDING` or `DONE`.
    pub state: crate::enums::JobState,
    pub attempts: i32,
    pub locked_until: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
