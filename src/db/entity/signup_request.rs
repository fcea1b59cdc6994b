//! Signups waiting for their e-mail address to be confirmed: nothing of the
//! customer or its login exists until the link in the e-mail is followed.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "signup_request")]
pub struct Model {
    /// SHA-256 of the token the e-mail's link carries; the token itself is
    /// never stored.
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    /// The address the link was sent to, in lowercase: the login's username.
    #[sea_orm(indexed)]
    pub email: String,
    pub name: String,
    pub address: Option<String>,
    /// The Argon2id hash of the chosen password.
    pub password_hash: String,
    pub created_at: DateTimeUtc,
    /// After this the link no longer works.
    #[sea_orm(indexed)]
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
