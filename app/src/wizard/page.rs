//! The wizard's page: one step per page, each at its own URL
//! (`/new/{step}`). Each step's form posts to `/new/step`, which keeps the
//! answers that must not travel in a URL (voicemail PIN, notes, custom
//! data) in the wizard's draft on the server and redirects to the next
//! step with the other answers in its query. A step is checked when the
//! user presses Continue (the target page checks the step it came `from`
//! and shows it again with its errors). The last step posts to
//! `/new/confirm` without JavaScript, or calls the server function when
//! hydrated; both create through the same service, once per key. A refused
//! create's error is kept in the draft too, so no link can show its own
//! words as the product's message.

use super::fields::ErrorSummary;
use super::steps::{
    CustomerStep, ExtrasStep, NumberStep, OrderSummary, PlanStep, PortingStep, ReviewStep, SimStep,
};
use super::{field_of_path, step_of_path, FieldError, Step, WizardState};
use crate::api::{wizard_context, UiError, WizardInfo};
use crate::i18n::{fill, t, tw};
use crate::pages::layout::SignedIn;
use crate::pages::AccessDenied;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn WizardPage() -> impl IntoView {
    // The one resource of the wizard, made before the layout's and keyed on
    // the URL: everything the step shows comes with it, so there are no
    // resources nested inside suspended content (they hydrate unreliably).
    let query = use_query_map();
    // `draft` changes whenever the server's draft did (a step was posted,
    // a create refused), so the page reads the draft again.
    let key = move || {
        query.with(|q| {
            (
                (q.get("customer"), q.get("digits"), q.get("keepnumber")),
                (q.get("mode"), q.get("net"), q.get("key"), q.get("draft")),
            )
        })
    };
    let wiz = Resource::new_blocking(
        key,
        |((customer, digits, keep), (mode, net, key, _draft))| {
            let keep = if mode.as_deref() == Some("keep") {
                keep
            } else {
                None
            };
            wizard_context(customer, digits, keep, net, key)
        },
    );
    view! {
        <SignedIn>
            <Wizard wiz />
        </SignedIn>
    }
}

/// The wizard's answers and where we are.
#[derive(Clone)]
pub(crate) struct Ctx {
    pub(crate) state: WizardState,
    pub(crate) steps: Vec<Step>,
    pub(crate) current: Step,
    pub(crate) errors: Vec<FieldError>,
    pub(crate) wiz: WizardInfo,
    /// A refused create whose field is not on these steps: (path, message).
    pub(crate) refused: Option<(String, String)>,
}

impl Ctx {
    /// Where the user is: the step of the URL (`slug`), unless the step
    /// the user came `from`, a step before it, or a refused create's field
    /// needs an answer first.
    fn new(
        state: WizardState,
        wiz: WizardInfo,
        slug: &str,
        from: Option<String>,
        refused: bool,
    ) -> Ctx {
        let mut state = state.with_draft(&wiz.draft);
        // A refused create, when the URL comes from its refusal.
        let create_error = wiz.draft_error.clone().filter(|_| refused).map(|e| {
            let words = crate::i18n::errors::api_error(&e).to_string();
            (e.path.unwrap_or_default(), words)
        });
        let picks_customer = wiz.user.access_level.may_list_customers();
        let reseller_or_admin = picks_customer;
        if !picks_customer {
            state
                .0
                .insert("customer".into(), wiz.user.customer.to_string());
        }
        if !state.has("key") {
            state.0.insert("key".into(), wiz.new_key.clone());
        }
        let steps = state.steps(picks_customer, reseller_or_admin);
        let requested = Step::from_slug(slug)
            .filter(|s| steps.contains(s))
            .unwrap_or(steps[0]);
        // Check the step we came from; on errors, show it again.
        let mut current = requested;
        let mut errors = Vec::new();
        // A step's own fields, and for the customer step what the
        // server knows about the customer chosen.
        let check = |s: Step| {
            let mut found = state.check(s, wiz.today);
            if s == Step::Customer {
                found.extend(state.customer_problem(&wiz.customers));
            }
            if s == Step::Number && found.is_empty() {
                found.extend(state.number_problem(wiz.check.as_ref()));
            }
            if s == Step::Sim && found.is_empty() {
                found.extend(state.icc_check_problem());
                found.extend(state.delivery_problem(wiz.private, wiz.address.as_deref()));
            }
            found
        };
        if let Some(from) = from.as_deref().and_then(Step::from_slug) {
            let found = check(from);
            if !found.is_empty() {
                current = from;
                errors = found;
            }
        }
        // Never past an unanswered step (a bookmark, a typed URL).
        if errors.is_empty() {
            for s in steps.iter().take_while(|s| **s != current) {
                let found = check(*s);
                if !found.is_empty() && from.is_some() {
                    current = *s;
                    errors = found;
                    break;
                }
            }
        }
        // A refused create: its error next to the field its path names.
        if let Some((path, message)) = create_error.clone() {
            let step = step_of_path(&path);
            if !path.is_empty() && steps.contains(&step) {
                current = step;
                errors = vec![FieldError {
                    field: field_of_path(&path, &state),
                    message,
                }];
            } else {
                // Not a field of these steps: explained on the review.
                current = Step::Review;
            }
        }
        let refused = create_error.filter(|_| current == Step::Review);
        Ctx {
            state,
            steps,
            current,
            errors,
            wiz,
            refused,
        }
    }

    pub(crate) fn index(&self) -> usize {
        self.steps
            .iter()
            .position(|s| *s == self.current)
            .unwrap_or(0)
    }
    /// The step Continue goes to: back to the review when the step was
    /// opened from the review's "Change".
    pub(crate) fn next(&self) -> Step {
        if self.state.get("ret") == "review" {
            return Step::Review;
        }
        *self.steps.get(self.index() + 1).unwrap_or(&Step::Review)
    }
    pub(crate) fn prev(&self) -> Option<Step> {
        self.index()
            .checked_sub(1)
            .and_then(|i| self.steps.get(i).copied())
    }
    pub(crate) fn url(&self, step: Step) -> String {
        format!("/new/{}?{}", step.slug(), self.state.query())
    }
    pub(crate) fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    }
}

#[component]
fn Wizard(wiz: Resource<Result<Option<WizardInfo>, UiError>>) -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    view! {
        <Suspense>
            {move || {
                let slug = params.with(|p| p.get("step")).unwrap_or_default();
                let (state, from, refused) = query
                    .with(|q| {
                        let pairs = q.into_iter().map(|(k, v)| (k.to_string(), v.to_string()));
                        (WizardState::from_pairs(pairs), q.get("from"), q.get("refused").is_some())
                    });
                Suspend::new(async move {
                    let Ok(Some(wiz)) = wiz.await else {
                        return // Read the URL here, outside the async block, so that a new
                        // query (a search, a step) re-renders the wizard.
                        view! { <p role="alert">{crate::i18n::tw().could_not_load}</p> }
                            .into_any();
                    };
                    if !wiz.user.access_level.may_create() {
                        return view! { <AccessDenied /> }.into_any();
                    }
                    let ctx = Ctx::new(state, wiz, &slug, from, refused);
                    view! { <StepPage ctx /> }.into_any()
                })
            }}
        </Suspense>
    }
}

/// Puts the focus on the step's heading, then marks the step as hydrated
/// and listening (`data-step-ready`, which tests wait for): an island with
/// nothing to show, hydrated on every step the browser moves to.
#[island]
fn StepReady(slug: String) -> impl IntoView {
    Effect::new(move |_| {
        use leptos::wasm_bindgen::JsCast;
        let document = document();
        if let Some(heading) = document
            .query_selector(".wizard h1")
            .ok()
            .flatten()
            .and_then(|h| h.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
        if let Some(body) = document.body() {
            let _ = body.set_attribute("data-step-ready", &slug);
        }
    });
}

#[component]
fn StepPage(ctx: Ctx) -> impl IntoView {
    // A signup's wizard counts on from the signup's own steps.
    let before = if ctx.wiz.private {
        crate::pages::signup::SIGNUP_STEPS
    } else {
        0
    };
    let n = before + ctx.index() + 1;
    let total = before + ctx.steps.len();
    let has_errors = !ctx.errors.is_empty();
    let step_of = fill(
        tw().step_of,
        &[("n", n.to_string()), ("total", total.to_string())],
    );
    let title = format!(
        "{}{step_of}: {}",
        if has_errors { t().error_prefix } else { "" },
        ctx.current.title()
    );
    let back = ctx.prev().map(|p| ctx.url(p));
    let body = match ctx.current {
        Step::Customer => view! { <CustomerStep ctx=ctx.clone() /> }.into_any(),
        Step::Number => view! { <NumberStep ctx=ctx.clone() /> }.into_any(),
        Step::Sim => view! { <SimStep ctx=ctx.clone() /> }.into_any(),
        Step::Plan => view! { <PlanStep ctx=ctx.clone() /> }.into_any(),
        Step::Porting => view! { <PortingStep ctx=ctx.clone() /> }.into_any(),
        Step::Extras => view! { <ExtrasStep ctx=ctx.clone() /> }.into_any(),
        Step::Review => view! { <ReviewStep ctx=ctx.clone() /> }.into_any(),
    };
    view! {
        <Title text=title />
        <div class="wizard-layout">
        <div class="wizard" data-step=ctx.current.slug()>
            {back
                .map(|href| {
                    view! {
                        <a class="back" href=href>
                            {tw().back}
                        </a>
                    }
                })}
            <p class="step-count">{step_of}</p>
            <h1 tabindex="-1">{ctx.current.title()}</h1>
            <StepReady slug=ctx.current.slug().to_string() />
            <ErrorSummary errors=ctx.errors.clone() />
            {body}
        </div>
        {(ctx.current != Step::Review).then(|| view! { <OrderSummary ctx=ctx.clone() /> })}
        </div>
    }
}
