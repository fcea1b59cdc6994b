//! Read models shared by the portal pages and the REST API.

use crate::enums::{CustomerKind, CustomerState};
use crate::Id;
use serde::{Deserialize, Serialize};

/// A page of a list, as the platform answers lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Page<T> {
    pub offset: u64,
    pub limit: u64,
    pub total: u64,
    pub items: Vec<T>,
}

impl<T> Page<T> {
    /// The page `paging` asked for: `items` of `total` in all.
    pub fn new(paging: Paging, total: u64, items: Vec<T>) -> Self {
        Page {
            offset: paging.offset,
            limit: paging.limit,
            total,
            items,
        }
    }

    /// The page `paging` asks for of a whole list.
    pub fn of(all: Vec<T>, paging: Paging) -> Self {
        let total = all.len() as u64;
        let items = all
            .into_iter()
            .skip(usize::try_from(paging.offset).unwrap_or(usize::MAX))
            .take(usize::try_from(paging.limit).unwrap_or(usize::MAX))
            .collect();
        Page::new(paging, total, items)
    }
}

/// `offset` (default 0) and `limit` (default 100, 1..=500) of a list request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub offset: u64,
    pub limit: u64,
}

impl Paging {
    pub const DEFAULT_LIMIT: u64 = 100;
    pub const MAX_LIMIT: u64 = 500;
    /// Beyond any real list; keeps the value inside every database's range.
    pub const MAX_OFFSET: u64 = 1_000_000_000;

    /// Checks the platform's paging bounds; the error names the bad parameter.
    pub fn new(offset: Option<u64>, limit: Option<u64>) -> Result<Self, crate::ApiError> {
        let limit = limit.unwrap_or(Self::DEFAULT_LIMIT);
        if !(1..=Self::MAX_LIMIT).contains(&limit) {
            return Err(
                crate::ApiError::bad_request("limit must be between 1 and 500").with_path("limit"),
            );
        }
        let offset = offset.unwrap_or(0);
        if offset > Self::MAX_OFFSET {
            return Err(
                crate::ApiError::bad_request("offset must be at most 1000000000")
                    .with_path("offset"),
            );
        }
        Ok(Paging { offset, limit })
    }
}

impl Default for Paging {
    fn default() -> Self {
        Paging {
            offset: 0,
            limit: Self::DEFAULT_LIMIT,
        }
    }
}

/// A customer as a reseller's customer list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CustomerSummary {
    #[serde(rename = "_id")]
    pub id: Id,
    pub name: String,
    pub cvr: Option<String>,
    pub kind: CustomerKind,
    pub state: CustomerState,
    pub parent_reseller: Option<Id>,
}

/// One MVNO account in the portal's start page list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AccountSummary {
    #[serde(rename = "_id")]
    pub id: Id,
    pub number: String,
    pub customer: Id,
    pub customer_name: String,
    pub state: crate::enums::AccountState,
    pub network: Option<crate::enums::Network>,
    pub created: chrono::DateTime<chrono::Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_defaults_and_bounds() {
        assert_eq!(
            Paging::new(None, None).unwrap(),
            Paging {
                offset: 0,
                limit: 100
            }
        );
        assert!(Paging::new(None, Some(0)).is_err());
        assert!(Paging::new(None, Some(501)).is_err());
        assert_eq!(Paging::new(Some(5), Some(500)).unwrap().limit, 500);
    }
}

/// What `POST /mvno/check/number` says about a number for a customer.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum NumberAvailability {
    /// Free on the platform: will be bought (a line on the invoice).
    AvailableForPurchase,
    /// The customer owns it and does not use it.
    OwnedAndFree,
    /// Another Danish operator holds it: a porting will be created.
    PortingRequired,
    /// In use on an account.
    InUse,
    /// Being ported in to another account.
    BeingPorted,
    /// Anything else (invalid, reserved, quarantined, unknown, …); `reason` says why.
    NotAvailable,
}

/// The donor operator as the number check shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct DonorInfo {
    pub cps_code: String,
    pub name: String,
    pub mvno_auth: crate::enums::MvnoAuth,
    /// Whether the donor asks for the ICC of the SIM used today.
    pub needs_donor_icc: bool,
    /// Whether the caller must authorise the porting with MitID (a private
    /// person in self-service): the create without a MitID verification is
    /// `403 number`.
    pub needs_mit_id: bool,
    pub icc_validation: Option<String>,
}

/// Reply of the number check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct NumberCheck {
    pub number: String,
    pub availability: NumberAvailability,
    pub operator: Option<DonorInfo>,
    /// The create operation's error for this number, in the platform's words.
    pub reason: Option<crate::ApiError>,
}

/// Body of the number check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct NumberCheckRequest {
    pub customer: String,
    pub number: String,
}

/// A number offered for a new account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct OfferedNumber {
    pub number: String,
    pub network: Option<crate::enums::Network>,
    /// `true`: the customer owns it already; `false`: it will be bought.
    pub owned: bool,
    /// Where the number comes from.
    pub source: NumberSource,
}

/// Where an offered number comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum NumberSource {
    /// The customer's own, not in use: taking it buys nothing.
    Owned,
    /// A reseller's own stock above the customer (offered to resellers and
    /// admins): bought on the create.
    ResellerStock,
    /// The operator's public pool: bought on the create.
    PublicPool,
}

/// A free SIM card or eSIM profile in stock. Its codes (PIN, PUK,
/// activation code) are shown only once it is on an account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct FreeSim {
    /// The ICC, for `mvnoSim` or `dataSharingSims[].simNumber`.
    pub icc: String,
    pub form_factor: crate::enums::FormFactor,
    pub network: crate::enums::Network,
    /// Taken by `autoAssignSim` rather than named by ICC.
    pub auto_assign: bool,
    /// The customer holding it in storage.
    pub holder: crate::Id,
}

/// Free SIM stock a customer can draw on, counted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct StockCount {
    pub network: crate::enums::Network,
    pub form_factor: crate::enums::FormFactor,
    pub auto_assign: bool,
    pub count: u64,
}

/// A product offered to a customer (rate plan, service, RoW package).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ProductOffer {
    #[serde(rename = "_id")]
    pub id: Id,
    pub kind: crate::enums::ProductKind,
    pub name: String,
    /// Monthly (or one-off) price in DKK.
    pub price: f64,
    pub facts: Vec<String>,
    /// A rate plan's default features.
    pub features: Option<crate::account::FeatureRequest>,
    /// A rate plan's included Rest-of-World package.
    pub included_row_product: Option<Id>,
    pub public: bool,
    /// The product may go on accounts from this time on.
    #[serde(with = "crate::dates::platform")]
    pub valid_from: chrono::DateTime<chrono::Utc>,
    /// Until this time; `null` when open-ended.
    #[serde(default, with = "crate::dates::lenient_opt")]
    pub valid_until: Option<chrono::DateTime<chrono::Utc>>,
}

/// Where the sign-in may send a user back to: a path of this site only
/// (`/accounts/…?…`), never another site (`//host`, `/\\host`, a scheme),
/// never the sign-in or sign-out itself; visible ASCII only, as a browser
/// sends a path (anything else could not go in a `Location` header).
pub fn safe_return_path(next: &str) -> Option<&str> {
    same_site_path(next).filter(|next| {
        !["/login", "/logout"]
            .iter()
            .any(|p| *next == *p || next.starts_with(&format!("{p}?")))
    })
}

/// A path of this site (`/signup?…`), never another site (`//host`,
/// `/\\host`, a scheme); visible ASCII only, at most 2,000 bytes.
pub fn same_site_path(path: &str) -> Option<&str> {
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && path.bytes().all(|b| b.is_ascii_graphic())
        && path.len() <= 2000;
    ok.then_some(path)
}

/// The start page listing a customer's subscriptions (searched by its name).
pub fn accounts_of_customer(name: &str) -> String {
    let q: String = form_urlencoded::byte_serialize(name.as_bytes()).collect();
    format!("/?q={q}")
}

/// The sign-in page's address that returns to `path_and_query` afterwards.
pub fn sign_in_returning_to(path_and_query: &str) -> String {
    match safe_return_path(path_and_query) {
        Some(next) if next != "/" => {
            let next: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
            format!("/login?next={next}")
        }
        _ => "/login".to_string(),
    }
}

/// How long the sign-in form remembers the username of a failed sign-in.
pub const SIGN_IN_NAME_SECS: i64 = 300;

/// The username of a failed sign-in as a cookie value (percent-encoded),
/// so that the form shows it again; never the password. `None` for what no
/// username can be (empty, longer than an e-mail address, control
/// characters).
pub fn sign_in_name_cookie_value(username: &str) -> Option<String> {
    let name = username.trim();
    let fits = !name.is_empty() && name.len() <= 254 && !name.chars().any(char::is_control);
    fits.then(|| form_urlencoded::byte_serialize(name.as_bytes()).collect())
}

/// The username a [`sign_in_name_cookie_value`] holds.
pub fn sign_in_name_of_cookie(value: &str) -> Option<String> {
    // The value is one form-encoded name (its `=` and `&` are escaped).
    let (name, _) = form_urlencoded::parse(value.as_bytes()).next()?;
    let name = name.into_owned();
    sign_in_name_cookie_value(&name).map(|_| name)
}

#[cfg(test)]
mod sign_in_name_tests {
    use super::*;

    #[test]
    fn a_username_goes_through_its_cookie_unchanged() {
        for name in ["reseller@nordlys.dk", "æøå@eksempel.dk", "a b;c=d\"e<f>"] {
            let v = sign_in_name_cookie_value(name).unwrap();
            assert!(
                v.bytes()
                    .all(|b| b.is_ascii_graphic() && b != b';' && b != b','),
                "{v}"
            );
            assert_eq!(sign_in_name_of_cookie(&v).as_deref(), Some(name));
        }
    }

    #[test]
    fn what_no_username_can_be_is_not_kept() {
        assert_eq!(sign_in_name_cookie_value(""), None);
        assert_eq!(sign_in_name_cookie_value("a\0b"), None);
        assert_eq!(sign_in_name_cookie_value(&"x".repeat(255)), None);
        assert_eq!(sign_in_name_of_cookie("%00"), None);
    }
}

#[cfg(test)]
mod return_path_tests {
    use super::*;

    #[test]
    fn only_this_sites_paths_are_returned_to() {
        for good in [
            "/",
            "/accounts/ac0000000000000000000001",
            "/new/review?customer=c1&x=%2F",
        ] {
            assert_eq!(safe_return_path(good), Some(good), "{good}");
        }
        for bad in [
            "",
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "evil.example",
            "/login",
            "/login?error=credentials",
            "/logout",
            "/a\nLocation: x",
            "/æøå",
            "/a b",
        ] {
            assert_eq!(safe_return_path(bad), None, "{bad:?}");
        }
        assert_eq!(
            sign_in_returning_to("/accounts/a1?created=1"),
            "/login?next=%2Faccounts%2Fa1%3Fcreated%3D1"
        );
        assert_eq!(sign_in_returning_to("//evil.example"), "/login");
        assert_eq!(sign_in_returning_to("/"), "/login");
    }
}
