//! Access levels of employees, lowest to highest.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What an employee may do. The order is the platform's: each level includes
/// the ones below it (`VIEWER` < `MANAGER` < `OWNER` < `RESELLER` <
/// `RESELLER_ADMIN` < `ADMIN`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AccessLevel {
    Viewer,
    Manager,
    Owner,
    Reseller,
    ResellerAdmin,
    Admin,
}

impl AccessLevel {
    pub const ALL: [AccessLevel; 6] = [
        AccessLevel::Viewer,
        AccessLevel::Manager,
        AccessLevel::Owner,
        AccessLevel::Reseller,
        AccessLevel::ResellerAdmin,
        AccessLevel::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccessLevel::Viewer => "VIEWER",
            AccessLevel::Manager => "MANAGER",
            AccessLevel::Owner => "OWNER",
            AccessLevel::Reseller => "RESELLER",
            AccessLevel::ResellerAdmin => "RESELLER_ADMIN",
            AccessLevel::Admin => "ADMIN",
        }
    }

    /// Resellers (and their admins) act on the customers below them.
    pub fn is_reseller(self) -> bool {
        matches!(self, AccessLevel::Reseller | AccessLevel::ResellerAdmin)
    }

    /// May create subscriptions at all (OWNER and above).
    pub fn may_create(self) -> bool {
        self >= AccessLevel::Owner
    }

    /// May see a reseller's customer list (resellers and admins).
    pub fn may_list_customers(self) -> bool {
        self.is_reseller() || self == AccessLevel::Admin
    }
}

impl fmt::Display for AccessLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AccessLevel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AccessLevel::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| format!("unknown access level {s}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_ordered_as_the_platform_lists_them() {
        assert!(AccessLevel::Viewer < AccessLevel::Manager);
        assert!(AccessLevel::Owner < AccessLevel::Reseller);
        assert!(AccessLevel::ResellerAdmin < AccessLevel::Admin);
    }

    #[test]
    fn round_trips_through_its_name() {
        for l in AccessLevel::ALL {
            assert_eq!(l.as_str().parse::<AccessLevel>().unwrap(), l);
            assert_eq!(
                serde_json::to_string(&l).unwrap(),
                format!("\"{}\"", l.as_str())
            );
        }
        assert!("SUPERUSER".parse::<AccessLevel>().is_err());
    }

    #[test]
    fn only_owner_and_above_may_create() {
        assert!(!AccessLevel::Manager.may_create());
        assert!(AccessLevel::Owner.may_create());
        assert!(!AccessLevel::Owner.may_list_customers());
        assert!(AccessLevel::Reseller.may_list_customers());
    }
}
