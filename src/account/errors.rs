//! Every row of the spec's error table, as one enum. The `ApiError` of each
//! carries exactly the table's status, code ("Message") and description.

use crate::ApiError;

/// The message of [`CreateError::TextWithNul`].
pub const NUL_MESSAGE: &str = "Text may not contain the NUL character (\\u0000)";

/// An error of the create operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CreateError {
    /// 400 bad_request
    NoBody,
    /// 403 access_denied; `path` names a field the level may not set.
    AccessDenied(Option<&'static str>),
    /// 403 number
    PortingNotAuthorised,
    /// 403 customer
    CustomerBlocked,
    /// 404 not_found
    NextPeriodProductNotFound,
    /// 404 number
    NumberNotFound,
    /// 404 donorSimNumber
    DonorSimMissing,
    /// 404 customer
    CustomerNotFound,
    /// 404 ratePlan
    RatePlanNotFound,
    /// 404 newRatePlan
    NewRatePlanNotFound,
    /// 404 sipAccount
    SipAccountNotFound,
    /// 404 mvnoSim
    SimNotFound,
    /// 404 sim
    NoSimOption,
    /// 404 autoAssignSim
    NoAutoAssignSim,
    /// 409 number ×5
    NumberPartOfRange,
    NumberInUse,
    NumberBeingPorted,
    NumberPurchaseNotAllowed,
    NumberNotAvailable,
    /// 409 mvnoSim; `path` is `mvnoSim`.
    SimNotAvailable(&'static str),
    /// An error of the data-sharing SIM at this index of `dataSharingSims`:
    /// the inner error's code, with the element in its path
    /// (`dataSharingSims[1].simNumber`).
    DataSharingSim(usize, Box<CreateError>),
    /// 404 esim "Out of eSim": no free eSIM profile on the network (the
    /// platform's other pages answer this; the code equals the path).
    OutOfEsim,
    /// 409 mvnoSim
    SeveralSimOptions,
    /// 409 restOfWorldRoaming.productId ×2
    RowProductNotFound,
    RowCannotBeRemoved,
    /// 422 billingCustomer
    BillingCustomerNotAssociated,
    /// 422 number "The number is invalid"
    NumberSyntax,
    /// 422 custom
    CustomTooLarge,
    /// 422 number "Number is invalid"
    NumberNotUsable,
    /// 422 mvnoSim
    SimDataInvalid,
    /// 422 services
    ServicesInvalid,
    /// 422 donorSimNumber ×2
    DonorSimInvalid,
    DonorSimRejectedByDonorRule,
    /// 422 pbx
    PbxOutOfRange,
    /// 422 socsOverride
    SocInvalid(String),
    /// 422 startDate
    StartDateInPast,
    /// 404 extension, 409 extension
    ExtensionNotFound,
    ExtensionOnTrunk,
    /// 404 / 409 dataSharingSims.simNumber
    DataSharingSimNotFound,
    DataSharingSimNotAvailable,
    /// 422 dataSharingSims.assignEsim
    DataSharingEsimWithSimNumber,
    /// 409 dataSharingSims.network
    DataSharingNetwork,
    /// 404 dataSharingSims.number
    DataSharingNoNumber,
    /// 500 number
    OperatorLookupFailed,
    /// 500 internal_error
    Internal,
    /// 422 `<path>`: a string of the request holds a NUL character, which the
    /// database cannot store; the path names the property (`custom` for
    /// anything inside the custom object).
    TextWithNul(String),
    /// Our own rows for rules the spec states without an error row; each is
    /// listed in docs/conformance.md. (status, path, message)
    Rule(u16, &'static str, String),
}

impl CreateError {
    /// The platform error body of this row.
    pub fn to_api(&self) -> ApiError {
        use CreateError::*;
        let f = |status: u16, path: &str, message: &str| ApiError::field(status, path, message);
        match self {
            NoBody => ApiError::bad_request("MVNO account not found in body of request"),
            AccessDenied(None) => ApiError::access_denied(),
            AccessDenied(Some(path)) => ApiError::access_denied().with_path(path),
            PortingNotAuthorised => f(403, "number", "Insufficient access level to authorize porting of number"),
            CustomerBlocked => f(403, "customer", "Customer is blocked"),
            NextPeriodProductNotFound => {
                ApiError::new(404, "not_found", "Product to use for invoicing next period not found").with_path("ratePlan")
            }
            NumberNotFound => f(404, "number", "Phone number not found"),
            DonorSimMissing => f(404, "donorSimNumber", "Number requires porting but donor SIM number is invalid"),
            CustomerNotFound => f(404, "customer", "Customer not found"),
            RatePlanNotFound => f(404, "ratePlan", "Rate plan not found or not valid"),
            NewRatePlanNotFound => f(404, "newRatePlan", "New rate plan not found or not valid"),
            SipAccountNotFound => f(404, "sipAccount", "SIP account not found"),
            SimNotFound => f(404, "mvnoSim", "SIM card not found"),
            NoSimOption => f(404, "sim", "No SIM creation option found - either mvnoSim, esim, or autoAssignSim should be set"),
            NoAutoAssignSim => f(404, "autoAssignSim", "No auto-assign SIMs available"),
            NumberPartOfRange => f(409, "number", "The number is part of a range"),
            NumberInUse => f(409, "number", "Number is in use on another account"),
            NumberBeingPorted => f(409, "number", "Number is being ported to another account"),
            NumberPurchaseNotAllowed => f(409, "number", "Insufficient access level to purchase number"),
            NumberNotAvailable => f(409, "number", "The number is not available"),
            SimNotAvailable(path) => ApiError::new(409, "mvnoSim", "SIM card is not available").with_path(path),
            OutOfEsim => f(404, "esim", "Out of eSim"),
            DataSharingSim(i, inner) => {
                let mut e = inner.to_api();
                if let Some(rest) = e.path.as_deref().and_then(|p| p.strip_prefix("dataSharingSims.")) {
                    e.path = Some(format!("dataSharingSims[{i}].{rest}"));
                }
                e
            }
            SeveralSimOptions => f(409, "mvnoSim", "Only mvnoSim, esim, or autoAssignSim can be set at the same time."),
            RowProductNotFound => f(409, "restOfWorldRoaming.productId", "Product for Rest-of-World roaming not found"),
            RowCannotBeRemoved => f(
                409,
                "restOfWorldRoaming.productId",
                "Rest-of-World product cannot be removed from a product, that has one included.",
            ),
            BillingCustomerNotAssociated => f(
                422,
                "billingCustomer",
                "An MVNO account can not be assigned a billing customer, not assosciated with the MVNO account's customer.",
            ),
            NumberSyntax => f(422, "number", "The number is invalid"),
            CustomTooLarge => f(422, "custom", "Custom data too large, max. 4Kb"),
            NumberNotUsable => f(422, "number", "Number is invalid"),
            SimDataInvalid => f(422, "mvnoSim", "MVNO SIM data is invalid"),
            ServicesInvalid => f(422, "services", "One or more services not found or not valid"),
            DonorSimInvalid => f(422, "donorSimNumber", "Donor SIM number is not valid"),
            DonorSimRejectedByDonorRule => f(422, "donorSimNumber", "SIM number not valid according to donors validation"),
            PbxOutOfRange => f(422, "pbx", "Pbx is outside the valid range"),
            SocInvalid(soc) => f(422, "socsOverride", &format!("SOC {soc} is invalid")),
            StartDateInPast => f(422, "startDate", "Start date has to be either today, or in the future"),
            ExtensionNotFound => f(404, "extension", "Extension not found"),
            ExtensionOnTrunk => f(409, "extension", "Cannot be assigned to extension, is already assigned to trunk"),
            DataSharingSimNotFound => f(404, "dataSharingSims.simNumber", "SIM card not found"),
            DataSharingSimNotAvailable => f(409, "dataSharingSims.simNumber", "SIM card is not available"),
            DataSharingEsimWithSimNumber => {
                f(422, "dataSharingSims.assignEsim", "This property can not be true, if simNumber is not null")
            }
            DataSharingNetwork => {
                f(409, "dataSharingSims.network", "SIM card does not belong to same network as the primary SIM card")
            }
            DataSharingNoNumber => f(404, "dataSharingSims.number", "No available numbers to assign to data sharing sim"),
            OperatorLookupFailed => f(500, "number", "Failed to lookup operator for number"),
            Internal => ApiError::internal(),
            TextWithNul(path) => ApiError::new(422, &without_indices(path), NUL_MESSAGE).with_path(path),
            Rule(status, path, message) => f(*status, path, message),
        }
    }
}

/// A path with its array indices taken out (`dataSharingSims[1].name` →
/// `dataSharingSims.name`): the code of an error names the field, the path
/// the element.
pub fn without_indices(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

impl From<CreateError> for ApiError {
    fn from(e: CreateError) -> Self {
        e.to_api()
    }
}
