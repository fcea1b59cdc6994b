//! The rows of the accounts that exist already, and their porting.

use super::data::{FeatureSet, List};
use super::tables::Row;
use crate::db::entity::*;
use crate::enums::*;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use serde::Deserialize;
use serde_json::json;

/// An account created (and started) `created_days_ago` days before
/// loading; activated `activated_days_ago` days before, if at all.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Account {
    id: String,
    customer_id: String,
    number: String,
    state: AccountState,
    number_state: NumberState,
    network: Option<Network>,
    sim_icc: Option<String>,
    rate_plan_id: String,
    feature: FeatureSet,
    created_by: String,
    created_days_ago: i64,
    activated_days_ago: Option<i64>,
    porting_id: Option<String>,
}

impl Account {
    /// Puts the account's SIM card (already loaded) on the account.
    pub async fn put_sim_on<C: ConnectionTrait>(&self, db: &C) -> Result<(), DbErr> {
        let Some(icc) = &self.sim_icc else {
            return Ok(());
        };
        sim_card::Entity::update_many()
            .col_expr(sim_card::Column::AccountId, Expr::value(&self.id))
            .filter(sim_card::Column::Icc.eq(icc))
            .exec(db)
            .await?;
        Ok(())
    }
}

impl Row for Account {
    type Model = mvno_account::ActiveModel;
    fn model(self, now: DateTime<Utc>) -> Self::Model {
        let created = now - Duration::days(self.created_days_ago);
        let mut row = existing_account(
            self.id,
            self.customer_id,
            self.number,
            self.rate_plan_id,
            self.feature.0,
            self.created_by,
            created,
        );
        row.state = Set(self.state);
        row.number_state = Set(self.number_state);
        row.network = Set(self.network);
        row.sim_icc = Set(self.sim_icc);
        row.porting_id = Set(self.porting_id);
        row.activated_at = Set(self.activated_days_ago.map(|d| now - Duration::days(d)));
        row
    }
}

/// An account as a plain create leaves it once activated: `ACTIVE`, its
/// number in use, on TDC, started and activated when created, with no SIM
/// and nothing but its plan and features (set the other columns on the
/// row).
pub fn existing_account(
    id: String,
    customer_id: String,
    number: String,
    rate_plan_id: String,
    feature: serde_json::Value,
    created_by: String,
    created: DateTime<Utc>,
) -> mvno_account::ActiveModel {
    mvno_account::ActiveModel {
        id: Set(id),
        customer_id: Set(customer_id),
        number: Set(number),
        state: Set(AccountState::Active),
        number_state: Set(NumberState::InUse),
        network: Set(Some(Network::Tdc)),
        sim_icc: Set(None),
        auto_assigned: Set(false),
        feature: Set(feature),
        voicemail: Set(None),
        sip_account_id: Set(None),
        pbx: Set(None),
        extension_id: Set(None),
        dnd: Set(false),
        rate_plan_id: Set(rate_plan_id),
        new_rate_plan_id: Set(None),
        services: Set(json!([])),
        socs_override: Set(None),
        row_roaming: Set(None),
        notes: Set(None),
        custom: Set(None),
        billing_customer_id: Set(None),
        start_date: Set(created),
        delete_date: Set(None),
        donor_sim_number: Set(None),
        purchase_info: Set(None),
        mit_id: Set(None),
        porting_id: Set(None),
        created_by: Set(created_by),
        created_at: Set(created),
        activated_at: Set(Some(created)),
    }
}

/// A port-in, in `stage` since `stage_days_ago` days before loading.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Porting {
    id: String,
    number: String,
    account_id: String,
    customer_id: String,
    donor_cps: String,
    donor_sim_number: Option<String>,
    notify: List,
    stage: PortingStage,
    stage_days_ago: i64,
    created_days_ago: i64,
}

impl Row for Porting {
    type Model = porting::ActiveModel;
    fn model(self, now: DateTime<Utc>) -> Self::Model {
        porting::ActiveModel {
            id: Set(self.id),
            number: Set(self.number),
            account_id: Set(self.account_id),
            customer_id: Set(self.customer_id),
            donor_cps: Set(self.donor_cps),
            donor_sim_number: Set(self.donor_sim_number),
            requested_date: Set(None),
            notify: Set(self.notify.json()),
            stage: Set(self.stage),
            stage_date: Set(now - Duration::days(self.stage_days_ago)),
            message: Set(None),
            created_at: Set(now - Duration::days(self.created_days_ago)),
        }
    }
}
