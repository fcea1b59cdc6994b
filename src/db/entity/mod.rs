//! SeaORM entities of the platform's data model.

pub mod auth_token;
pub mod customer;
pub mod customer_billing;
pub mod data_sharing_sim;
pub mod employee;
pub mod employee_language;
pub mod event;
pub mod idempotency_key;
pub mod invoice_line;
pub mod job;
pub mod login_failure;
pub mod mitid_verification;
pub mod mvno_account;
pub mod number;
pub mod number_lookup;
pub mod number_range;
pub mod operator;
pub mod pbx_extension;
pub mod porting;
pub mod product;
pub mod signup_request;
pub mod sim_card;
pub mod sip_account;
pub mod soc;
pub mod wizard_draft;
