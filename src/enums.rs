//! The platform's enumerations, spelled as on the wire and in the database.

use serde::{Deserialize, Serialize};

/// A name that is not one of an enumeration's (from `FromStr`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    pub of: &'static str,
    pub name: String,
}

impl std::fmt::Display for UnknownName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown {} {}", self.of, self.name)
    }
}

impl std::error::Error for UnknownName {}

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        // Stored as its wire name in a text column (FromStr and Display below).
        #[cfg_attr(feature = "server", derive(sea_orm::DeriveValueType))]
        #[cfg_attr(feature = "server", sea_orm(value_type = "String"))]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        // By hand: the derive does not see the wire names through the macro.
        #[cfg(feature = "server")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($text),+]))
                    .into()
            }
        }

        #[cfg(feature = "server")]
        impl utoipa::ToSchema for $name {}

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownName;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownName { of: stringify!($name), name: s.to_string() }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

wire_enum! {
    /// What a customer is: an operator-level reseller, a business or a private person.
    CustomerKind { Reseller = "RESELLER", Business = "BUSINESS", Private = "PRIVATE" }
}

wire_enum! {
    /// `BLOCKED` disables all services of the customer.
    CustomerState { Active = "ACTIVE", Blocked = "BLOCKED", Deleted = "DELETED" }
}

wire_enum! {
    /// State of a number on the platform.
    NumberState {
        Available = "AVAILABLE",
        Locked = "LOCKED",
        InUse = "IN_USE",
        InUseDatasharing = "IN_USE_DATASHARING",
        PortingIn = "PORTING_IN",
        PortingOut = "PORTING_OUT",
        OutPorted = "OUT_PORTED",
        Closed = "CLOSED",
        PreReserved = "PRE_RESERVED",
    }
}

wire_enum! {
    /// Radio network of a SIM.
    Network { Tdc = "TDC", Telenor = "TELENOR", Telia = "TELIA" }
}

wire_enum! {
    /// Physical size of a SIM, or `eSIM`.
    FormFactor { MiniMicro = "MINI_MICRO", Nano = "NANO", MiniMicroNano = "MINI_MICRO_NANO", Esim = "eSIM" }
}

wire_enum! {
    /// How a donor operator wants the right to port proven.
    MvnoAuth { Icc = "ICC", IccFax = "ICC_FAX", IccEmail = "ICC_EMAIL", Fax = "FAX", Email = "EMAIL" }
}

wire_enum! {
    /// Type of a Danish number, as the number lookup tells it.
    NumberType { Fixed = "FIXED", Mobile = "MOBILE", Reserved = "RESERVED", Special = "SPECIAL" }
}

wire_enum! {
    /// Kind of a product.
    ProductKind {
        RatePlan = "MVNO_RATEPLAN",
        Service = "MVNO_SERVICE",
        RowRoaming = "MVNO_ROW_ROAMING",
        DataTopUp = "MVNO_DATA_TOP_UP",
        NumberPurchase = "NUMBER_PURCHASE",
    }
}

wire_enum! {
    /// State of an MVNO account.
    AccountState { Creating = "CREATING", Active = "ACTIVE", Blocked = "BLOCKED", Deleting = "DELETING" }
}

wire_enum! {
    /// Stage of a port-in.
    PortingStage {
        InCreated = "IN_CREATED",
        InReady = "IN_READY",
        InAwaitingPoaFromCustomer = "IN_AWAITING_POA_FROM_CUSTOMER",
        InPoaReceivedFromCustomer = "IN_POA_RECEIVED_FROM_CUSTOMER",
        InPoaSent = "IN_POA_SENT",
        InOrdered = "IN_ORDERED",
        InConfirmed = "IN_CONFIRMED",
        InRejected = "IN_REJECTED",
        InDonorContacted = "IN_DONOR_CONTACTED",
        InCompleted = "IN_COMPLETED",
        InCancelled = "IN_CANCELLED",
    }
}

wire_enum! {
    /// State of a background job.
    JobState { Pending = "PENDING", Done = "DONE" }
}

wire_enum! {
    /// What a background job does: today only activating a new account on the network.
    JobKind { Activate = "ACTIVATE" }
}

wire_enum! {
    /// A bearer token for the API, or a portal session behind a cookie.
    TokenKind { Api = "API", Session = "SESSION" }
}

wire_enum! {
    /// A language of the portal, by its tag.
    Language { Danish = "da", English = "en" }
}

impl FormFactor {
    pub fn is_esim(self) -> bool {
        self == FormFactor::Esim
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in NumberState::ALL {
            assert_eq!(s.as_str().parse::<NumberState>().unwrap(), *s);
        }
        assert_eq!(
            serde_json::to_string(&FormFactor::Esim).unwrap(),
            "\"eSIM\""
        );
        assert_eq!(
            "MVNO_ROW_ROAMING".parse::<ProductKind>().unwrap(),
            ProductKind::RowRoaming
        );
        assert!("tdc".parse::<Network>().is_err());
    }
}
