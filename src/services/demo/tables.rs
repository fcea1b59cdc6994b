//! The rows of the plain data files: one table row a line.

use super::data::{midnight, FeatureSet, List};
use super::DEMO_PASSWORD;
use crate::db::entity::*;
use crate::enums::*;
use crate::services::clock::{copenhagen_date, next_month_start, porting_time};
use crate::services::passwords::hash_password;
use crate::AccessLevel;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use serde::Deserialize;

/// A data file's row, made into its table's row when loading at `now`.
pub(super) trait Row {
    type Model: ActiveModelTrait + Send;
    fn model(self, now: DateTime<Utc>) -> Self::Model;
}

/// Rows whose columns are their table's, cell for cell; a column named
/// after `+` is the loading time.
macro_rules! plain_rows {
    ($($row:ident => $table:ident { $($col:ident: $ty:ty),+ $(,)? } $(+ $stamp:ident)?;)+) => {$(
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(super) struct $row {
            $($col: $ty),+
        }

        impl Row for $row {
            type Model = $table::ActiveModel;
            fn model(self, _now: DateTime<Utc>) -> Self::Model {
                $table::ActiveModel { $($col: Set(self.$col),)+ $($stamp: Set(_now),)? }
            }
        }
    )+};
}

plain_rows! {
    Customer => customer {
        id: String,
        name: String,
        cvr: Option<String>,
        kind: CustomerKind,
        state: CustomerState,
        parent_reseller: Option<String>,
        email: Option<String>,
        address: Option<String>,
        public_signup: bool,
    } + created_at;
    CustomerBilling => customer_billing { customer_id: String, billing_customer_id: String };
    Operator => operator {
        cps_code: String,
        name: String,
        mvno_auth: MvnoAuth,
        icc_validation: Option<String>,
        is_self: bool,
    };
    NumberLookup => number_lookup {
        number: String,
        number_type: NumberType,
        operator_cps: Option<String>,
    };
    Soc => soc { code: String, description: String };
    SipAccount => sip_account { id: String, customer_id: String, name: String };
    PbxExtension => pbx_extension {
        id: String,
        customer_id: String,
        pbx: i32,
        extension: String,
        sip_account_id: Option<String>,
    };
    NumberRange => number_range {
        id: String,
        first_number: String,
        last_number: String,
        customer_id: Option<String>,
        split: bool,
    };
}

/// A demo login: its e-mail is its username, its password [`DEMO_PASSWORD`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Employee {
    id: String,
    customer_id: String,
    username: String,
    name: String,
    access_level: AccessLevel,
}

impl Row for Employee {
    type Model = employee::ActiveModel;
    fn model(self, now: DateTime<Utc>) -> Self::Model {
        employee::ActiveModel {
            id: Set(self.id),
            customer_id: Set(self.customer_id),
            email: Set(Some(self.username.clone())),
            username: Set(self.username),
            name: Set(self.name),
            access_level: Set(self.access_level),
            password_hash: Set(hash_password(DEMO_PASSWORD)),
            created_at: Set(now),
        }
    }
}

/// A product; valid from midnight UTC of `valid_from`, priced in kroner.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Product {
    id: String,
    kind: ProductKind,
    name: String,
    owner_customer_id: Option<String>,
    price_kr: i64,
    recurrence: String,
    valid_from: NaiveDate,
    valid_until: Option<Until>,
    included_row_product_id: Option<String>,
    features: Option<FeatureSet>,
    socs: List,
    facts: Option<List>,
    public: bool,
}

impl Row for Product {
    type Model = product::ActiveModel;
    fn model(self, now: DateTime<Utc>) -> Self::Model {
        product::ActiveModel {
            id: Set(self.id),
            kind: Set(self.kind),
            name: Set(self.name),
            description: Set(None),
            owner_customer_id: Set(self.owner_customer_id),
            price_ore: Set(self.price_kr * 100),
            recurrence: Set(self.recurrence),
            valid_from: Set(midnight(self.valid_from)),
            valid_until: Set(self.valid_until.map(|until| until.at(now))),
            included_row_product_id: Set(self.included_row_product_id),
            features: Set(self.features.map(|set| set.0)),
            socs: Set(self.socs.json()),
            facts: Set(self.facts.as_ref().map(List::json)),
            public: Set(self.public),
        }
    }
}

/// When a product ends: midnight UTC of a date, or `END_OF_THIS_MONTH`,
/// the last day of the month the demo is loaded in.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(try_from = "String")]
enum Until {
    Date(NaiveDate),
    EndOfThisMonth,
}

impl TryFrom<String> for Until {
    type Error = String;
    fn try_from(cell: String) -> Result<Self, String> {
        if cell == "END_OF_THIS_MONTH" {
            return Ok(Until::EndOfThisMonth);
        }
        let date = cell
            .parse()
            .map_err(|e| format!("valid_until {cell:?}: {e}"))?;
        Ok(Until::Date(date))
    }
}

impl Until {
    fn at(self, now: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            Until::Date(date) => midnight(date),
            Until::EndOfThisMonth => {
                porting_time(next_month_start(copenhagen_date(now))) - Duration::days(1)
            }
        }
    }
}
