//! SIM stock import from the platform's CSV format:
//! `SIM_CARD_NUMBER;PUK1;PUK2;PIN1;PIN2;FORM_FACTOR;NETWORK;ACTIVATION_CODE;TAG;AUTO_ASSIGN`.
//! All or nothing: every row is checked before anything is written, and the
//! rows are written in one transaction.

use super::demo::imsi_for;
use crate::db::entity::{customer, sim_card};
use crate::enums::{FormFactor, Network};
use crate::icc::Icc;
use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
    TransactionSession, TransactionTrait,
};
use std::collections::HashMap;
use std::io::Read;

pub const HEADER: [&str; 10] = [
    "SIM_CARD_NUMBER",
    "PUK1",
    "PUK2",
    "PIN1",
    "PIN2",
    "FORM_FACTOR",
    "NETWORK",
    "ACTIVATION_CODE",
    "TAG",
    "AUTO_ASSIGN",
];

/// Rows written per INSERT statement.
const CHUNK: usize = 500;

/// Why an import was refused. A row error names the file's line (1-based,
/// counting a header line) and the field.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("line {line}, {field}: {message}")]
    Row {
        line: u64,
        field: &'static str,
        message: String,
    },
    #[error("customer {0} not found")]
    UnknownHolder(String),
    #[error("the file cannot be read: {0}")]
    Read(String),
    #[error("database error: {0}")]
    Db(#[from] DbErr),
}

fn row_error(line: u64, field: &'static str, message: impl Into<String>) -> ImportError {
    ImportError::Row {
        line,
        field,
        message: message.into(),
    }
}

fn digits(
    line: u64,
    field: &'static str,
    value: &str,
    lens: std::ops::RangeInclusive<usize>,
) -> Result<String, ImportError> {
    let v = value.trim();
    if !v.bytes().all(|b| b.is_ascii_digit()) || !lens.contains(&v.len()) {
        return Err(row_error(
            line,
            field,
            format!(
                "expected {} to {} digits, got {v:?}",
                lens.start(),
                lens.end()
            ),
        ));
    }
    Ok(v.to_string())
}

fn parse_row(line: u64, rec: &csv::StringRecord) -> Result<sim_card::ActiveModel, ImportError> {
    if rec.len() != HEADER.len() {
        return Err(row_error(
            line,
            "row",
            format!(
                "expected {} fields separated by ';', got {}",
                HEADER.len(),
                rec.len()
            ),
        ));
    }
    let icc = Icc::parse(&rec[0]).map_err(|e| row_error(line, "SIM_CARD_NUMBER", e.to_string()))?;
    if !icc.luhn_ok() {
        return Err(row_error(
            line,
            "SIM_CARD_NUMBER",
            "check digit does not match",
        ));
    }
    let form: FormFactor = rec[5].trim().parse().map_err(|_| {
        row_error(
            line,
            "FORM_FACTOR",
            format!(
                "expected MINI_MICRO, NANO, MINI_MICRO_NANO or eSIM, got {:?}",
                &rec[5]
            ),
        )
    })?;
    let network: Network = rec[6].trim().parse().map_err(|_| {
        row_error(
            line,
            "NETWORK",
            format!("expected TDC, TELENOR or TELIA, got {:?}", &rec[6]),
        )
    })?;
    let code = rec[7].trim();
    let activation_code = match (form.is_esim(), code.is_empty()) {
        (true, true) => {
            return Err(row_error(
                line,
                "ACTIVATION_CODE",
                "an eSIM needs its activation code",
            ))
        }
        (true, false) if !code.starts_with("LPA:1$") || code.split('$').count() < 3 => {
            return Err(row_error(
                line,
                "ACTIVATION_CODE",
                "expected LPA:1$<SM-DP+ address>$<matching id>",
            ))
        }
        (false, false) => {
            return Err(row_error(
                line,
                "ACTIVATION_CODE",
                "only an eSIM has an activation code",
            ))
        }
        (true, false) => Some(code.to_string()),
        (false, true) => None,
    };
    let auto_assign = match rec[9].trim().to_ascii_lowercase().as_str() {
        "" | "0" | "false" | "no" => false,
        "1" | "true" | "yes" => true,
        other => {
            return Err(row_error(
                line,
                "AUTO_ASSIGN",
                format!("expected true or false, got {other:?}"),
            ))
        }
    };
    let tag = rec[8].trim();
    Ok(sim_card::ActiveModel {
        imsi: Set(imsi_for(network, icc.as_str())),
        puk1: Set(digits(line, "PUK1", &rec[1], 8..=8)?),
        puk2: Set(digits(line, "PUK2", &rec[2], 8..=8)?),
        pin1: Set(digits(line, "PIN1", &rec[3], 4..=8)?),
        pin2: Set(digits(line, "PIN2", &rec[4], 4..=8)?),
        form_factor: Set(form),
        network: Set(network),
        activation_code: Set(activation_code),
        in_storage_at: Set(String::new()),
        auto_assign: Set(auto_assign),
        tag: Set((!tag.is_empty()).then(|| tag.to_string())),
        account_id: Set(None),
        imported_at: Set(Utc::now()),
        icc: Set(icc.to_string()),
    })
}

/// Reads and checks every row. A first line equal to the header is skipped.
pub fn parse<R: Read>(reader: R) -> Result<Vec<(u64, sim_card::ActiveModel)>, ImportError> {
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut rows = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (i, rec) in csv.records().enumerate() {
        let line = i as u64 + 1;
        let rec = rec.map_err(|e| match e.kind() {
            csv::ErrorKind::Utf8 { .. } => row_error(line, "row", "not valid UTF-8"),
            _ => ImportError::Read(e.to_string()),
        })?;
        if line == 1 && rec.iter().map(str::trim).eq(HEADER) {
            continue;
        }
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let row = parse_row(line, &rec)?;
        let icc = row.icc.clone().unwrap();
        if let Some(first) = seen.insert(icc.clone(), line) {
            return Err(row_error(
                line,
                "SIM_CARD_NUMBER",
                format!("{icc} is also on line {first}"),
            ));
        }
        rows.push((line, row));
    }
    Ok(rows)
}

/// Imports a stock file for `holder` (the reseller or customer storing the
/// cards). `progress` is told how many rows are written so far.
pub async fn import_sims<C, R>(
    db: &C,
    holder: &str,
    reader: R,
    progress: impl Fn(u64, u64),
) -> Result<u64, ImportError>
where
    C: ConnectionTrait + TransactionTrait,
    R: Read,
{
    if customer::Entity::find_by_id(holder)
        .one(db)
        .await?
        .is_none()
    {
        return Err(ImportError::UnknownHolder(holder.to_string()));
    }
    let mut rows = parse(reader)?;
    let total = rows.len() as u64;
    let txn = db.begin().await?;
    for chunk in rows.chunks_mut(CHUNK) {
        let by_icc: HashMap<String, u64> = chunk
            .iter()
            .map(|(l, r)| (r.icc.clone().unwrap(), *l))
            .collect();
        let existing: Vec<String> = sim_card::Entity::find()
            .select_only()
            .column(sim_card::Column::Icc)
            .filter(sim_card::Column::Icc.is_in(by_icc.keys().cloned()))
            .into_tuple()
            .all(&txn)
            .await?;
        if let Some(icc) = existing.into_iter().min_by_key(|icc| by_icc[icc]) {
            return Err(row_error(
                by_icc[&icc],
                "SIM_CARD_NUMBER",
                format!("{icc} is already in stock"),
            ));
        }
    }
    let mut written = 0;
    for chunk in rows.chunks_mut(CHUNK) {
        let n = chunk.len() as u64;
        let models = chunk.iter_mut().map(|(_, r)| {
            r.in_storage_at = Set(holder.to_string());
            r.clone()
        });
        sim_card::Entity::insert_many(models).exec(&txn).await?;
        written += n;
        progress(written, total);
    }
    txn.commit().await?;
    Ok(total)
}
