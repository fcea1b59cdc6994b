//! Reading the data files, and the cell types they share.

use super::accounts::{Account, Porting};
use super::lots::{NumberLot, SimLot};
use super::tables::*;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Every data file's rows, in the order they are loaded.
pub(super) struct Data {
    pub customers: Vec<Customer>,
    pub customer_billing: Vec<CustomerBilling>,
    pub employees: Vec<Employee>,
    pub operators: Vec<Operator>,
    pub number_lookup: Vec<NumberLookup>,
    pub socs: Vec<Soc>,
    pub products: Vec<Product>,
    pub sip_accounts: Vec<SipAccount>,
    pub pbx_extensions: Vec<PbxExtension>,
    pub number_ranges: Vec<NumberRange>,
    pub numbers: Vec<NumberLot>,
    pub sim_lots: Vec<SimLot>,
    pub accounts: Vec<Account>,
    pub portings: Vec<Porting>,
}

/// The rows of a data file built in from this folder.
macro_rules! data_file {
    ($name:literal) => {
        read($name, include_str!($name))?
    };
}

impl Data {
    /// Parses every data file; an error names the file and the line.
    pub fn parse() -> Result<Data, String> {
        let data = Data {
            customers: data_file!("customers.csv"),
            customer_billing: data_file!("customer_billing.csv"),
            employees: data_file!("employees.csv"),
            operators: data_file!("operators.csv"),
            number_lookup: data_file!("number_lookup.csv"),
            socs: data_file!("socs.csv"),
            products: data_file!("products.csv"),
            sip_accounts: data_file!("sip_accounts.csv"),
            pbx_extensions: data_file!("pbx_extensions.csv"),
            number_ranges: data_file!("number_ranges.csv"),
            numbers: data_file!("numbers.csv"),
            sim_lots: data_file!("sim_lots.csv"),
            accounts: data_file!("accounts.csv"),
            portings: data_file!("portings.csv"),
        };
        let numbers = data.numbers.iter().map(NumberLot::check);
        let sims = data.sim_lots.iter().map(SimLot::check);
        numbers.chain(sims).collect::<Result<(), _>>()?;
        Ok(data)
    }
}

/// One row a line after a header line; a line starting with `#` is a comment.
/// A column the row type does not know is an error, as is a missing one
/// (except an optional one) and a cell that does not parse.
pub(super) fn read<T: DeserializeOwned>(name: &str, text: &str) -> Result<Vec<T>, String> {
    csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .map_err(|e| format!("demo data {name}: {e}"))
}

/// Midnight UTC at the start of a date.
pub(super) fn midnight(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(NaiveTime::MIN).and_utc()
}

/// A cell holding a list, its items split at `|` (empty: no items); loaded
/// as a JSON array of strings.
#[derive(Debug)]
pub(super) struct List(Vec<String>);

impl<'de> Deserialize<'de> for List {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let cell = String::deserialize(d)?;
        let items = cell.split('|').filter(|item| !item.is_empty());
        Ok(List(items.map(str::to_string).collect()))
    }
}

impl List {
    pub fn json(&self) -> Value {
        Value::from(self.0.clone())
    }
}

/// A cell naming a set of account features in `feature_sets.json`; holds
/// that set's JSON object.
#[derive(Debug)]
pub(super) struct FeatureSet(pub Value);

impl<'de> Deserialize<'de> for FeatureSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        let set = feature_sets().map_err(D::Error::custom)?.get(&name);
        let set = set.ok_or_else(|| D::Error::custom(format!("no feature set {name:?}")))?;
        Ok(FeatureSet(set.clone()))
    }
}

fn feature_sets() -> Result<&'static BTreeMap<String, Value>, String> {
    static SETS: OnceLock<Result<BTreeMap<String, Value>, String>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        serde_json::from_str(include_str!("feature_sets.json"))
            .map_err(|e| format!("demo data feature_sets.json: {e}"))
    });
    sets.as_ref().map_err(Clone::clone)
}
