//! One view per step of the wizard, each inside the step's form.

mod customer;
mod extras;
mod number;
mod plan;
mod porting;
mod review;
mod sim;
mod summary;

pub(crate) use customer::CustomerStep;
pub(crate) use extras::ExtrasStep;
pub(crate) use number::NumberStep;
pub(crate) use plan::PlanStep;
pub(crate) use porting::PortingStep;
pub(crate) use review::ReviewStep;
pub(crate) use sim::SimStep;
pub(crate) use summary::OrderSummary;
