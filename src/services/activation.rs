//! The activation worker: accounts start `CREATING` and become `ACTIVE`
//! when their job runs (a simulated network activation, never before the
//! start date). Jobs live in the database, so they survive a restart, and
//! are claimed with a conditional update, so several server processes can
//! share the table without running a job twice.

use super::db_error;
use crate::db::entity::{job, mvno_account};
use crate::enums::{AccountState, JobState};
use crate::ApiError;
use chrono::{Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};

/// How long a claimed job is held before another worker may retry it.
const LEASE: i64 = 30;

/// Runs the jobs that are due; answers how many completed.
pub async fn run_due(db: &DatabaseConnection) -> Result<usize, ApiError> {
    let now = Utc::now();
    let due = job::Entity::find()
        .filter(job::Column::State.eq(JobState::Pending))
        .filter(job::Column::RunAt.lte(now))
        .filter(
            Condition::any()
                .add(job::Column::LockedUntil.is_null())
                .add(job::Column::LockedUntil.lt(now)),
        )
        .order_by_asc(job::Column::RunAt)
        .limit(50)
        .all(db)
        .await
        .map_err(db_error)?;
    let mut done = 0;
    for j in due {
        // Claim: only one worker wins the conditional update.
        let claimed = job::Entity::update_many()
            .col_expr(
                job::Column::LockedUntil,
                Expr::value(now + Duration::seconds(LEASE)),
            )
            .col_expr(
                job::Column::Attempts,
                Expr::col(job::Column::Attempts).add(1),
            )
            .filter(job::Column::Id.eq(j.id.as_str()))
            .filter(job::Column::State.eq(JobState::Pending))
            .filter(
                Condition::any()
                    .add(job::Column::LockedUntil.is_null())
                    .add(job::Column::LockedUntil.lt(now)),
            )
            .exec(db)
            .await
            .map_err(db_error)?;
        if claimed.rows_affected != 1 {
            continue;
        }
        activate(db, &j).await?;
        done += 1;
    }
    Ok(done)
}

async fn activate(db: &DatabaseConnection, j: &job::Model) -> Result<(), ApiError> {
    let txn = db.begin().await.map_err(db_error)?;
    let now = Utc::now();
    mvno_account::Entity::update_many()
        .col_expr(
            mvno_account::Column::State,
            Expr::value(AccountState::Active.as_str()),
        )
        .col_expr(mvno_account::Column::ActivatedAt, Expr::value(now))
        .filter(mvno_account::Column::Id.eq(j.account_id.as_str()))
        .filter(mvno_account::Column::State.eq(AccountState::Creating))
        .exec(&txn)
        .await
        .map_err(db_error)?;
    job::Entity::update_many()
        .col_expr(job::Column::State, Expr::value(JobState::Done))
        .col_expr(
            job::Column::LockedUntil,
            Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .filter(job::Column::Id.eq(j.id.as_str()))
        .exec(&txn)
        .await
        .map_err(db_error)?;
    txn.commit().await.map_err(db_error)
}

/// Runs the worker until the process ends, polling every `every`.
pub async fn run_forever(db: DatabaseConnection, every: std::time::Duration) {
    loop {
        if let Err(e) = run_due(&db).await {
            tracing::warn!(code = %e.code, "activation run failed");
        }
        tokio::time::sleep(every).await;
    }
}
