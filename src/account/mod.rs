//! The MVNO account: the create request, the reply, and the errors of the
//! spec's table (`mvno-account-create.txt`).

mod errors;
mod prices;
mod reply;
mod request;

pub use errors::{without_indices, CreateError, NUL_MESSAGE};
pub use prices::{AccountPrices, PricedProduct};
pub use reply::*;
pub use request::*;
