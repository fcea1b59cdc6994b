//! The first ADMIN login of a fresh installation: an employee of the
//! operator (the reseller at the top of the chain), made by `server
//! create-admin`, never by a default password.

use super::auth::hash_password;
use super::signup::MIN_PASSWORD;
use crate::db::entity::{customer, employee, event};
use crate::enums::{CustomerKind, CustomerState};
use crate::{AccessLevel, Id};
use chrono::Utc;
use rand::distr::{Alphanumeric, SampleString};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, TransactionSession, TransactionTrait,
};

/// The name given to the operator customer when the database has none yet.
pub const OPERATOR_NAME: &str = "Operator";

/// Length of a generated password: 24 letters and digits, about 143 bits.
pub const GENERATED_PASSWORD_LEN: usize = 24;

/// Why no admin was created.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    /// The username is not an e-mail address.
    #[error("the username must be an e-mail address, e.g. admin@example.dk")]
    BadUsername,
    /// The password is too short.
    #[error("the password must have at least {MIN_PASSWORD} characters")]
    ShortPassword,
    /// Another employee has this username.
    #[error("the username {0} is taken")]
    Taken(String),
    /// The database failed.
    #[error("database error: {0}")]
    Db(#[from] DbErr),
}

/// The admin that was created.
#[derive(Clone, Debug)]
pub struct CreatedAdmin {
    /// The new employee's id.
    pub employee: Id,
    /// The id of the operator customer it belongs to.
    pub customer: String,
    /// Whether the operator customer was created along with it.
    pub operator_created: bool,
    /// The username, as stored (trimmed, lowercase).
    pub username: String,
}

/// A strong random password of letters and digits, from the OS-seeded RNG.
pub fn generate_password() -> String {
    Alphanumeric.sample_string(&mut rand::rng(), GENERATED_PASSWORD_LEN)
}

fn valid_username(u: &str) -> bool {
    crate::email::is_valid(u)
}

/// Whether the database has any login at all.
pub async fn has_employees<C: ConnectionTrait>(db: &C) -> Result<bool, DbErr> {
    Ok(employee::Entity::find().count(db).await? > 0)
}

/// The operator: the oldest reseller above which there is no reseller.
pub async fn operator<C: ConnectionTrait>(db: &C) -> Result<Option<customer::Model>, DbErr> {
    customer::Entity::find()
        .filter(customer::Column::Kind.eq(CustomerKind::Reseller))
        .filter(customer::Column::ParentReseller.is_null())
        .order_by_asc(customer::Column::CreatedAt)
        .order_by_asc(customer::Column::Id)
        .one(db)
        .await
}

/// Creates an ADMIN employee of the operator customer (made first, named
/// [`OPERATOR_NAME`], when the database has none), all in one transaction.
/// The username is trimmed and lowercased; an existing one is refused.
pub async fn create_admin<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    username: &str,
    name: Option<&str>,
    password: &str,
) -> Result<CreatedAdmin, AdminError> {
    let username = username.trim().to_lowercase();
    if !valid_username(&username) {
        return Err(AdminError::BadUsername);
    }
    if password.chars().count() < MIN_PASSWORD {
        return Err(AdminError::ShortPassword);
    }
    let hash = hash_password(password);
    let now = Utc::now();
    let txn = db.begin().await?;
    let taken = employee::Entity::find()
        .filter(employee::Column::Username.eq(username.as_str()))
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Err(AdminError::Taken(username));
    }
    let (customer_id, operator_created) = match operator(&txn).await? {
        Some(op) => (op.id, false),
        None => {
            let id = Id::generate().to_string();
            customer::Entity::insert(customer::ActiveModel {
                id: Set(id.clone()),
                name: Set(OPERATOR_NAME.to_string()),
                cvr: Set(None),
                kind: Set(CustomerKind::Reseller),
                state: Set(CustomerState::Active),
                parent_reseller: Set(None),
                email: Set(None),
                address: Set(None),
                public_signup: Set(false),
                created_at: Set(now),
            })
            .exec(&txn)
            .await?;
            (id, true)
        }
    };
    let employee_id = Id::generate();
    let display_name = name
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or("Administrator");
    employee::Entity::insert(employee::ActiveModel {
        id: Set(employee_id.to_string()),
        customer_id: Set(customer_id.clone()),
        username: Set(username.clone()),
        name: Set(display_name.to_string()),
        email: Set(Some(username.clone())),
        access_level: Set(AccessLevel::Admin),
        password_hash: Set(hash),
        created_at: Set(now),
    })
    .exec(&txn)
    .await
    // A concurrent create with the same username loses on the unique index.
    .map_err(|e| match e {
        DbErr::RecordNotInserted => AdminError::Taken(username.clone()),
        e if e.to_string().to_lowercase().contains("unique") => AdminError::Taken(username.clone()),
        e => AdminError::Db(e),
    })?;
    event::Entity::insert(event::ActiveModel {
        id: Set(Id::generate().to_string()),
        at: Set(now),
        employee_id: Set(None),
        customer_id: Set(Some(customer_id.clone())),
        action: Set("employee.create_admin".to_string()),
        outcome: Set("OK".to_string()),
        detail: Set(Some(serde_json::json!({
            "employee": employee_id.to_string(),
            "username": username,
            "operatorCreated": operator_created,
        }))),
    })
    .exec(&txn)
    .await?;
    txn.commit().await?;
    Ok(CreatedAdmin {
        employee: employee_id,
        customer: customer_id,
        operator_created,
        username,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::demo;

    async fn fresh() -> (tempfile::TempDir, sea_orm::DatabaseConnection) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/admin.db?mode=rwc", dir.path().display());
        let db = crate::db::connect_and_migrate(&url).await.unwrap();
        (dir, db)
    }

    #[test]
    fn generated_passwords_are_long_and_differ() {
        let a = generate_password();
        assert_eq!(a.len(), GENERATED_PASSWORD_LEN);
        assert!(a.bytes().all(|b| b.is_ascii_alphanumeric()));
        assert_ne!(a, generate_password());
    }

    #[tokio::test]
    async fn an_empty_database_gets_an_operator_and_its_admin() {
        let (_dir, db) = fresh().await;
        let made = create_admin(&db, " Root@Example.DK ", Some("Ro Ot"), "a-long-secret-1")
            .await
            .unwrap();
        assert!(made.operator_created);
        assert_eq!(made.username, "root@example.dk");
        let op = operator(&db).await.unwrap().unwrap();
        assert_eq!(op.name, OPERATOR_NAME);
        assert_eq!(op.id, made.customer);
        let emp = employee::Entity::find().one(&db).await.unwrap().unwrap();
        assert_eq!(emp.access_level, AccessLevel::Admin);
        assert_eq!(emp.customer_id, op.id);
        assert_ne!(emp.password_hash, "a-long-secret-1");
    }

    #[tokio::test]
    async fn the_demo_operator_is_reused_and_usernames_are_unique() {
        let (_dir, db) = fresh().await;
        demo::load(&db).await.unwrap();
        let customers = customer::Entity::find().count(&db).await.unwrap();
        let made = create_admin(&db, "second@telecomx.dk", None, "a-long-secret-2")
            .await
            .unwrap();
        assert!(!made.operator_created);
        assert_eq!(made.customer, demo::ids::OPERATOR);
        assert_eq!(
            customer::Entity::find().count(&db).await.unwrap(),
            customers
        );
        let again = create_admin(&db, "ADMIN@telecomx.dk", None, "a-long-secret-3").await;
        assert!(matches!(again, Err(AdminError::Taken(u)) if u == "admin@telecomx.dk"));
    }

    #[tokio::test]
    async fn bad_usernames_and_short_passwords_are_refused() {
        let (_dir, db) = fresh().await;
        assert!(matches!(
            create_admin(&db, "root", None, "a-long-secret-1").await,
            Err(AdminError::BadUsername)
        ));
        assert!(matches!(
            create_admin(&db, "root@example.dk", None, "short").await,
            Err(AdminError::ShortPassword)
        ));
        assert_eq!(employee::Entity::find().count(&db).await.unwrap(), 0);
        assert_eq!(customer::Entity::find().count(&db).await.unwrap(), 0);
    }
}
