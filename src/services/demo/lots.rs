//! Lots: one data line for a run of alike numbers or SIM cards, expanded
//! into one row per number or card when loading.

use super::{demo_icc, imsi_for, number_row};
use crate::db::entity::*;
use crate::enums::*;
use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use serde::Deserialize;
use std::ops::RangeInclusive;

/// A number as written in the data, `+` and digits; held as the digits.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(try_from = "String")]
struct E164(u64);

impl TryFrom<String> for E164 {
    type Error = String;
    fn try_from(cell: String) -> Result<Self, String> {
        let digits = cell.strip_prefix('+').filter(|d| !d.starts_with('0'));
        let number = digits.and_then(|d| d.parse().ok());
        number
            .map(E164)
            .ok_or(format!("{cell:?} is not + and digits"))
    }
}

/// The numbers `first` … `last` (just `first` when `last` is empty), all
/// in the same situation; `reserved_days` and `quarantine_days` put
/// `reserved_until` and `quarantine_until` that many days after loading.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NumberLot {
    first: E164,
    last: Option<E164>,
    state: NumberState,
    network: Option<Network>,
    owner_customer_id: Option<String>,
    stock_reseller_id: Option<String>,
    range_id: Option<String>,
    account_id: Option<String>,
    reserved_days: Option<i64>,
    quarantine_days: Option<i64>,
}

impl NumberLot {
    fn numbers(&self) -> RangeInclusive<u64> {
        self.first.0..=self.last.unwrap_or(self.first).0
    }

    pub fn check(&self) -> Result<(), String> {
        if self.numbers().is_empty() {
            return Err(format!("demo data numbers.csv: {self:?} has no numbers"));
        }
        Ok(())
    }

    /// One number row per number of the lot.
    pub fn rows(&self, now: DateTime<Utc>) -> impl Iterator<Item = number::ActiveModel> + '_ {
        let after = move |days: Option<i64>| days.map(|days| now + Duration::days(days));
        self.numbers().map(move |n| number::ActiveModel {
            owner_customer_id: Set(self.owner_customer_id.clone()),
            stock_reseller_id: Set(self.stock_reseller_id.clone()),
            range_id: Set(self.range_id.clone()),
            reserved_until: Set(after(self.reserved_days)),
            quarantine_until: Set(after(self.quarantine_days)),
            account_id: Set(self.account_id.clone()),
            ..number_row(format!("+{n}"), self.state, self.network, now)
        })
    }
}

/// `count` SIM cards with consecutive serials from `first_serial`, held in
/// storage by `holder`. A card's ICC is [`demo_icc`] of the prefix and its
/// serial; its IMSI, PUKs, PINs and (eSIM) activation code are worked out
/// from the serial.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SimLot {
    holder: String,
    network: Network,
    form_factor: FormFactor,
    auto_assign: bool,
    icc_prefix: String,
    first_serial: u64,
    count: u64,
    tag: Option<String>,
}

impl SimLot {
    pub fn check(&self) -> Result<(), String> {
        let digits = self.icc_prefix.bytes().all(|b| b.is_ascii_digit());
        let width = 18usize.saturating_sub(self.icc_prefix.len());
        let last = self.first_serial + self.count.saturating_sub(1);
        if !(digits && self.count > 0 && last.to_string().len() <= width) {
            return Err(format!(
                "demo data sim_lots.csv: {self:?} is no lot of 19-digit ICCs"
            ));
        }
        Ok(())
    }

    /// One SIM card per serial of the lot.
    pub fn cards(&self, now: DateTime<Utc>) -> impl Iterator<Item = sim_card::ActiveModel> + '_ {
        let serials = self.first_serial..self.first_serial + self.count;
        serials.map(move |serial| self.card(serial, now))
    }

    fn card(&self, serial: u64, now: DateTime<Utc>) -> sim_card::ActiveModel {
        let icc = demo_icc(&self.icc_prefix, serial);
        let esim = self.form_factor.is_esim();
        sim_card::ActiveModel {
            imsi: Set(imsi_for(self.network, &icc)),
            puk1: Set(format!("{:08}", 10_000_000 + serial * 7919 % 89_999_999)),
            puk2: Set(format!("{:08}", 20_000_000 + serial * 104_729 % 79_999_999)),
            pin1: Set(format!("{:04}", 1000 + serial * 37 % 8999)),
            pin2: Set(format!("{:04}", 1000 + serial * 91 % 8999)),
            form_factor: Set(self.form_factor),
            network: Set(self.network),
            activation_code: Set(
                esim.then(|| format!("LPA:1$smdp.telecomx.dk${:016X}", serial * 0x9E37_79B9))
            ),
            in_storage_at: Set(self.holder.clone()),
            auto_assign: Set(self.auto_assign),
            tag: Set(self.tag.clone()),
            account_id: Set(None),
            imported_at: Set(now),
            icc: Set(icc),
        }
    }
}
