//! Access levels of employees, lowest to highest.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What an employee may do. The order is the platform's: each level includes
/// the ones below it (`VIEWER` < `MANAGER` < `OWNER` < `RESELLER` <
/// `RESELLER_ADMIN` < `ADMIN`).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
// Stored as its name in a text column (FromStr and Display below).
#[cfg_attr(feature = "server", derive(sea_orm::DeriveValueType))]
#[cfg_attr(feature = "server", sea_orm(value_type = "String"))]
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

    /// The operator's administrators: they reach every customer and see
    /// and set the admin-only fields (SOCs, SOC overrides, purchase info).
    pub fn is_admin(self) -> bool {
        self == AccessLevel::Admin
    }

    /// Resellers and admins act for customers other than their own.
    pub fn acts_for_others(self) -> bool {
        self.is_reseller() || self.is_admin()
    }

    /// May see a reseller's customer list (resellers and admins).
    pub fn may_list_customers(self) -> bool {
        self.acts_for_others()
    }

    /// May see and set an account's notes (resellers and admins).
    pub fn sees_notes(self) -> bool {
        self.acts_for_others()
    }

    /// May see a SIM's PIN and PUK codes and an eSIM's activation code
    /// (OWNER and above).
    pub fn sees_sim_secrets(self) -> bool {
        self >= AccessLevel::Owner
    }

    /// May give a customer a number or SIM from a reseller's stock
    /// (resellers and admins; a business takes from its own).
    pub fn may_use_reseller_stock(self) -> bool {
        self.acts_for_others()
    }

    /// May change a porting's date and notify list (OWNER and above).
    pub fn may_update_portings(self) -> bool {
        self >= AccessLevel::Owner
    }
}

impl fmt::Display for AccessLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AccessLevel {
    type Err = crate::enums::UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AccessLevel::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| crate::enums::UnknownName {
                of: "AccessLevel",
                name: s.to_string(),
            })
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
