//! "New subscription": one step per page, each at its own URL
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

use super::layout::SignedIn;
use crate::api::{check_number, create_account, wizard_context, WizardInfo};
use crate::wizard::{
    field_of_path, icc_problem, icc_warning, step_of_path, FieldError, Step, WizardState, FEATURES,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

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
            <Wizard wiz/>
        </SignedIn>
    }
}

/// The wizard's answers and where we are.
#[derive(Clone)]
struct Ctx {
    state: WizardState,
    steps: Vec<Step>,
    current: Step,
    errors: Vec<FieldError>,
    wiz: WizardInfo,
    /// A refused create whose field is not on these steps: (path, message).
    refused: Option<(String, String)>,
}

impl Ctx {
    fn index(&self) -> usize {
        self.steps
            .iter()
            .position(|s| *s == self.current)
            .unwrap_or(0)
    }
    /// The step Continue goes to: back to the review when the step was
    /// opened from the review's "Change".
    fn next(&self) -> Step {
        if self.state.get("ret") == "review" {
            return Step::Review;
        }
        *self.steps.get(self.index() + 1).unwrap_or(&Step::Review)
    }
    fn prev(&self) -> Option<Step> {
        self.index()
            .checked_sub(1)
            .and_then(|i| self.steps.get(i).copied())
    }
    fn url(&self, step: Step) -> String {
        format!("/new/{}?{}", step.slug(), self.state.query())
    }
    fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    }
}

#[component]
fn Wizard(wiz: Resource<Result<Option<WizardInfo>, crate::api::UiError>>) -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    view! {
        <Suspense>
            {move || {
                // Read the URL here, outside the async block, so that a new
                // query (a search, a step) re-renders the wizard.
                let slug = params.with(|p| p.get("step")).unwrap_or_default();
                let (state, from, refused) = query.with(|q| {
                    let pairs = q.into_iter().map(|(k, v)| (k.to_string(), v.to_string()));
                    (WizardState::from_pairs(pairs), q.get("from"), q.get("refused").is_some())
                });
                Suspend::new(async move {
                let Ok(Some(wiz)) = wiz.await else {
                    return view! { <p role="alert">"Could not load the wizard."</p> }.into_any();
                };
                let mut state = state.with_draft(&wiz.draft);
                // A refused create, when the URL comes from its refusal.
                let create_error = wiz
                    .draft_error
                    .clone()
                    .filter(|_| refused)
                    .map(|e| (e.path.unwrap_or_default(), e.message));
                if !wiz.user.access_level.may_create() {
                    return view! { <super::AccessDenied/> }.into_any();
                }
                let picks_customer = wiz.user.access_level.may_list_customers();
                let reseller_or_admin = picks_customer;
                if !picks_customer {
                    state.0.insert("customer".into(), wiz.user.customer.to_string());
                }
                if !state.has("key") {
                    state.0.insert("key".into(), wiz.new_key.clone());
                }
                let steps = state.steps(picks_customer, reseller_or_admin);
                let requested = Step::from_slug(&slug).filter(|s| steps.contains(s)).unwrap_or(steps[0]);
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
                        errors = vec![FieldError { field: field_of_path(&path, &state), message }];
                    } else {
                        // Not a field of these steps: explained on the review.
                        current = Step::Review;
                    }
                }
                let refused = create_error.filter(|_| current == Step::Review);
                let ctx = Ctx { state, steps, current, errors, wiz, refused };
                view! { <StepPage ctx/> }.into_any()
            })
            }}
        </Suspense>
    }
}

#[component]
fn StepPage(ctx: Ctx) -> impl IntoView {
    let n = ctx.index() + 1;
    let total = ctx.steps.len();
    let has_errors = !ctx.errors.is_empty();
    let title = format!(
        "{}Step {n} of {total}: {}",
        if has_errors { "Error: " } else { "" },
        ctx.current.title()
    );
    let heading = NodeRef::<leptos::html::H1>::new();
    // After a step change, move focus to the new heading (hydrated only).
    let slug = ctx.current.slug();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
        // Tells tests this step is hydrated and listening.
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-step-ready", slug);
        }
    });
    let back = ctx.prev().map(|p| ctx.url(p));
    let body = match ctx.current {
        Step::Customer => view! { <CustomerStep ctx=ctx.clone()/> }.into_any(),
        Step::Number => view! { <NumberStep ctx=ctx.clone()/> }.into_any(),
        Step::Sim => view! { <SimStep ctx=ctx.clone()/> }.into_any(),
        Step::Plan => view! { <PlanStep ctx=ctx.clone()/> }.into_any(),
        Step::Porting => view! { <PortingStep ctx=ctx.clone()/> }.into_any(),
        Step::Extras => view! { <ExtrasStep ctx=ctx.clone()/> }.into_any(),
        Step::Review => view! { <ReviewStep ctx=ctx.clone()/> }.into_any(),
    };
    view! {
        <Title text=title/>
        <div class="wizard" data-step=ctx.current.slug()>
            {back.map(|href| view! { <a class="back" href=href>"Back"</a> })}
            <p class="step-count">{format!("Step {n} of {total}")}</p>
            <h1 tabindex="-1" node_ref=heading>{ctx.current.title()}</h1>
            <ErrorSummary errors=ctx.errors.clone()/>
            {body}
        </div>
    }
}

#[component]
fn ErrorSummary(errors: Vec<FieldError>) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        view! {
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">"There is a problem"</h2>
                <ul>
                    {errors
                        .into_iter()
                        .map(|e| view! { <li><a href=format!("#{}", e.field)>{e.message}</a></li> })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// The form of a step: hidden answers of the other steps, `from`, Continue.
#[component]
fn StepForm(ctx: Ctx, children: Children) -> impl IntoView {
    let hidden = ctx.state.hidden_for(ctx.current);
    view! {
        <Form method="POST" action="/new/step">
            <input type="hidden" name="from" value=ctx.current.slug()/>
            <input type="hidden" name="to" value=ctx.next().slug()/>
            {hidden.into_iter().map(|(k, v)| view! { <input type="hidden" name=k value=v/> }).collect_view()}
            {children()}
            <div class="actions">
                <button type="submit" class="primary">"Continue"</button>
            </div>
        </Form>
    }
}

/// An inline error tied to its field by `aria-describedby`.
fn inline_error(ctx: &Ctx, field: &str) -> impl IntoView {
    ctx.error(field).map(|m| view! { <p class="field-error" id=format!("{field}-error")><span class="visually-hidden">"Error: "</span>{m}</p> })
}

fn described_by(ctx: &Ctx, field: &str, hint: Option<&str>) -> Option<String> {
    let mut ids = Vec::new();
    if let Some(h) = hint {
        ids.push(h.to_string());
    }
    if ctx.error(field).is_some() {
        ids.push(format!("{field}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[component]
fn CustomerStep(ctx: Ctx) -> impl IntoView {
    let chosen = ctx.state.get("customer").to_string();
    let customers = ctx.wiz.customers.clone();
    view! {
        <StepForm ctx=ctx.clone()>
            <fieldset class="choices" aria-describedby=described_by(&ctx, "customer", None)>
                <legend>"Which customer is the subscription for?"</legend>
                {inline_error(&ctx, "customer")}
                {customers
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let id = if i == 0 { "customer".to_string() } else { format!("customer-{i}") };
                        let blocked = c.state == mvno::enums::CustomerState::Blocked;
                        let label = format!("{}{}", c.name, if blocked { " (blocked)" } else { "" });
                        let cvr = c.cvr.clone().map(|v| format!("CVR {v}")).unwrap_or_default();
                        view! {
                            <div class="choice">
                                <input type="radio" name="customer" id=id.clone() value=c.id.to_string() checked=chosen == c.id.as_str()/>
                                <label for=id>{label}" "<span class="hint">{cvr}</span></label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </StepForm>
    }
}

fn grouped(number: &str) -> String {
    mvno::phone::E164::parse(number)
        .map(|n| n.grouped())
        .unwrap_or_else(|_| number.to_string())
}

#[component]
fn NumberStep(ctx: Ctx) -> impl IntoView {
    let chosen = ctx.state.get("number").to_string();
    let mode = ctx.state.get("mode").to_string();
    // The live check of a kept number (hydrated): as soon as 8 digits are
    // typed, ask whether it will be bought or ported, and from whom.
    let kept = RwSignal::new(ctx.state.get("keepnumber").to_string());
    let kept_check = RwSignal::new(String::new());
    {
        let customer = ctx.state.get("customer").to_string();
        Effect::new(move |_| {
            let typed = kept.get();
            let Ok(number) = mvno::phone::E164::from_typed(&typed) else {
                kept_check.set(String::new());
                return;
            };
            let customer = customer.clone();
            leptos::task::spawn_local(async move {
                if let Ok(c) = check_number(customer, number.to_string()).await {
                    // Only if the field still holds that number.
                    if mvno::phone::E164::from_typed(&kept.get_untracked())
                        .ok()
                        .as_ref()
                        == Some(&number)
                    {
                        kept_check.set(check_sentence(&c));
                    }
                }
            });
        });
    }
    let offered = ctx.wiz.offered.clone();
    let search_hidden: Vec<(String, String)> = ctx
        .state
        .0
        .iter()
        .filter(|(k, v)| {
            !matches!(k.as_str(), "digits" | "net" | "mode" | "number") && !v.is_empty()
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let ctx2 = ctx.clone();
    let digits_value = ctx.state.get("digits").to_string();
    let net_value = ctx.state.get("net").to_string();
    view! {
        // A plain form: a search loads the step afresh, the same with and
        // without JavaScript (the router does not re-run a same-path GET form
        // reliably).
        <form method="get" action="/new/number" role="search">
            {search_hidden.into_iter().map(|(k, v)| view! { <input type="hidden" name=k value=v/> }).collect_view()}
            <input type="hidden" name="mode" value="new"/>
            <div class="field search-digits">
                <label for="digits">"Search new numbers by digits"</label>
                <input id="digits" name="digits" type="text" inputmode="numeric" value=digits_value/>
            </div>
            <div class="field">
                <label for="net">"Network of the new number"</label>
                <select id="net" name="net">
                    <option value="" selected=net_value.is_empty()>"Any network"</option>
                    <option value="TDC" selected=net_value == "TDC">"TDC"</option>
                    <option value="TELENOR" selected=net_value == "TELENOR">"TELENOR"</option>
                </select>
            </div>
            <button type="submit">"Search"</button>
        </form>
        <StepForm ctx=ctx.clone()>
            <fieldset class="choices">
                <legend>"Get a new number or keep a number?"</legend>
                {inline_error(&ctx, "mode-new")}
                <div class="choice">
                    <input type="radio" name="mode" id="mode-new" value="new" checked=mode != "keep"/>
                    <label for="mode-new">"Get a new number"</label>
                </div>
                <div class="choice">
                    <input type="radio" name="mode" id="mode-keep" value="keep" checked=mode == "keep"/>
                    <label for="mode-keep">"Keep my number (move it from another operator)"</label>
                </div>
            </fieldset>
            <fieldset class="tiles" aria-describedby=described_by(&ctx, "number", None)>
                <legend>"New number"</legend>
                {inline_error(&ctx, "number")}
                {if offered.is_empty() {
                    view! { <p>"No free numbers match."</p> }.into_any()
                } else {
                    offered
                        .into_iter()
                        .enumerate()
                        .map(|(i, n)| {
                            let id = if i == 0 { "number".to_string() } else { format!("number-{i}") };
                            let note = if n.owned { "yours already" } else { "new" };
                            let net = n.network.map(|x| x.as_str()).unwrap_or("");
                            view! {
                                <div class="tile">
                                    <input type="radio" name="number" id=id.clone() value=n.number.clone() checked=chosen == n.number/>
                                    <label for=id>
                                        <span class="mono big">{grouped(&n.number)}</span>
                                        <span class="hint">{format!("{net} · {note}")}</span>
                                    </label>
                                </div>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </fieldset>
            <div class="field">
                <label for="keepnumber">"Number to keep"</label>
                <p class="hint" id="keepnumber-hint">"The mobile number you have today, 8 digits."</p>
                {inline_error(&ctx2, "keepnumber")}
                <input
                    id="keepnumber"
                    name="keepnumber"
                    type="tel"
                    inputmode="numeric"
                    autocomplete="tel-national"
                    size="11"
                    value=ctx2.state.get("keepnumber").to_string()
                    aria-invalid=ctx2.error("keepnumber").map(|_| "true")
                    aria-describedby=described_by(&ctx2, "keepnumber", Some("keepnumber-hint"))
                    on:input=move |ev| kept.set(event_target_value(&ev))
                />
                <p class="live-hint" aria-live="polite" data-testid="number-check">{move || kept_check.get()}</p>
            </div>
        </StepForm>
    }
}

/// What the number check says, in a sentence for the number step.
fn check_sentence(c: &mvno::portal::NumberCheck) -> String {
    use mvno::portal::NumberAvailability::*;
    match (&c.availability, &c.operator) {
        (PortingRequired, Some(op)) => format!(
            "{} is with {}: it will be moved here (ported).",
            grouped(&c.number),
            op.name
        ),
        (AvailableForPurchase, _) => format!("{} is free: it will be bought.", grouped(&c.number)),
        (OwnedAndFree, _) => format!("{} is already the customer's.", grouped(&c.number)),
        _ => c
            .reason
            .as_ref()
            .map(|r| r.message.clone())
            .unwrap_or_else(|| "The number cannot be used.".into()),
    }
}

#[component]
fn IccField(ctx: Ctx, name: &'static str, label: String, hint: String) -> impl IntoView {
    let typed = RwSignal::new(ctx.state.get(name).to_string());
    let hint_id = format!("{name}-hint");
    // Shown as you type (hydrated): format and check digit, as a hint, not an error.
    let live = move || {
        let t = typed.get();
        if t.trim().is_empty() {
            return String::new();
        }
        match (icc_problem(&t), icc_warning(&t)) {
            (Some(p), _) => p,
            (None, Some(w)) => w.to_string(),
            (None, None) => "Format and check digit are fine.".to_string(),
        }
    };
    view! {
        <div class="field">
            <label for=name>{label}</label>
            <p class="hint" id=hint_id.clone()>{hint}</p>
            {inline_error(&ctx, name)}
            <input
                id=name
                name=name
                type="text"
                class="mono"
                inputmode="numeric"
                size="24"
                autocomplete="off"
                value=ctx.state.get(name).to_string()
                on:input=move |ev| typed.set(event_target_value(&ev))
                aria-invalid=ctx.error(name).map(|_| "true")
                aria-describedby=described_by(&ctx, name, Some(&hint_id))
            />
            <p class="live-hint" aria-live="polite">{live}</p>
        </div>
    }
}

#[component]
fn SimStep(ctx: Ctx) -> impl IntoView {
    let stock = ctx.wiz.stock.clone();
    let sim = ctx.state.get("sim").to_string();
    let network = ctx.state.get("network").to_string();
    let all_kinds = [
        ("esim", "eSIM"),
        ("physical", "Physical SIM card from stock"),
        ("auto", "Auto-assigned SIM card (sent by post)"),
        ("none", "No SIM for now"),
    ];
    // Self-service customers choose an eSIM or a SIM card sent to them.
    let private = ctx.wiz.private;
    let kinds: Vec<(&str, &str)> = all_kinds
        .into_iter()
        .filter(|(k, _)| !private || matches!(*k, "esim" | "auto"))
        .collect();
    // After a check-digit warning, Continue again with the same ICC goes on.
    let icc_ok = ctx
        .error("icc")
        .and_then(|_| mvno::icc::Icc::parse(ctx.state.get("icc")).ok())
        .map(|icc| icc.as_str().to_string());
    view! {
        <StepForm ctx=ctx.clone()>
            {icc_ok.map(|icc| view! { <input type="hidden" name="iccok" value=icc/> })}
            <ul class="stock" aria-label="Free SIM stock">
                {stock.into_iter().map(|c| view! {
                    <li>{format!("{} {}{}: {} free", c.network.as_str(), c.form_factor.as_str(), if c.auto_assign { " (auto-assign)" } else { "" }, c.count)}</li>
                }).collect_view()}
            </ul>
            <fieldset class="choices">
                <legend>"Kind of SIM card"</legend>
                {inline_error(&ctx, "sim-esim")}
                {kinds.into_iter().map(|(v, l)| {
                    let id = format!("sim-{v}");
                    view! {
                        <div class="choice">
                            <input type="radio" name="sim" id=id.clone() value=v checked=sim == v/>
                            <label for=id>{l}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="choices">
                <legend>"Network (for eSIM, auto-assigned or no SIM)"</legend>
                {inline_error(&ctx, "network-TDC")}
                {["TDC", "TELENOR"].into_iter().map(|v| {
                    let id = format!("network-{v}");
                    view! {
                        <div class="choice">
                            <input type="radio" name="network" id=id.clone() value=v checked=network == v/>
                            <label for=id>{v}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            {(!private).then(|| view! {
                <IccField ctx=ctx.clone() name="icc" label="ICC number of the physical SIM card".to_string() hint=format!("{}, printed on the card.", mvno::icc::rule_in_words())/>
            })}
            <fieldset class="sharing">
                <legend>"Data-sharing SIM cards (TDC only, up to 3)"</legend>
                {(1..=3).map(|i| {
                    let kind = ctx.state.get(&format!("ds{i}kind")).to_string();
                    let name: &'static str = ["ds1", "ds2", "ds3"][i - 1];
                    let kind_name = format!("ds{i}kind");
                    let kind_id = format!("ds{i}kind");
                    view! {
                        <div class="sharing-row">
                            <label for=kind_id.clone()>{format!("Data-sharing SIM {i}")}</label>
                            <select id=kind_id name=kind_name>
                                <option value="" selected=kind.is_empty()>"None"</option>
                                <option value="esim" selected=kind == "esim">"eSIM"</option>
                                // Self-service: eSIMs only, as the create allows.
                                {(!private).then(|| view! {
                                    <option value="physical" selected=kind == "physical">"Physical SIM card"</option>
                                })}
                            </select>
                            {(!private).then(|| view! {
                                <IccField ctx=ctx.clone() name=name label=format!("ICC of data-sharing SIM {i}") hint="Only for a physical data-sharing SIM card.".to_string()/>
                            })}
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </StepForm>
    }
}

/// A plan's default for one feature, by its wire name.
fn feature_of(f: &mvno::account::FeatureRequest, name: &str) -> Option<bool> {
    match name {
        "highRate" => f.high_rate,
        "international" => f.international,
        "data" => f.data,
        "fiveG" => f.five_g,
        "roaming" => f.roaming,
        "roamingData" => f.roaming_data,
        "voicemail" => f.voicemail,
        "secretNumber" => f.secret_number,
        "publicIP" => f.public_ip,
        "chargedServices" => f.charged_services,
        _ => None,
    }
}

/// Whether a feature switch shows on: the user's choice once the plan step
/// was continued from; else the plan's preset; else the specification's
/// default (on, except voicemail, secret number, public IP and charged
/// services).
fn feature_shown(
    state: &WizardState,
    plans: &[mvno::portal::ProductOffer],
    plan: &str,
    name: &str,
) -> bool {
    state.feature_on(name).unwrap_or_else(|| {
        plans
            .iter()
            .find(|p| p.id.as_str() == plan)
            .and_then(|p| p.features.as_ref())
            .and_then(|f| feature_of(f, name))
            .unwrap_or(!matches!(
                name,
                "voicemail" | "secretNumber" | "publicIP" | "chargedServices"
            ))
    })
}

fn price(p: f64) -> String {
    format!("{p:.0} kr./month")
}

#[component]
fn PlanStep(ctx: Ctx) -> impl IntoView {
    let plans = ctx.wiz.plans.clone();
    let rows = ctx.wiz.rows.clone();
    let chosen = ctx.state.get("plan").to_string();
    let row = ctx.state.get("row").to_string();
    let feat_state = ctx.state.clone();
    let plan_sel = RwSignal::new(ctx.state.get("plan").to_string());
    view! {
        <StepForm ctx=ctx.clone()>
            <fieldset class="cards" aria-describedby=described_by(&ctx, "plan", None)>
                <legend>"Rate plan"</legend>
                {inline_error(&ctx, "plan")}
                {plans.clone().into_iter().enumerate().map(|(i, p)| {
                    let id = if i == 0 { "plan".to_string() } else { format!("plan-{i}") };
                    let pid = p.id.to_string();
                    view! {
                        <div class="card">
                            <input type="radio" name="plan" id=id.clone() value=p.id.to_string() checked=chosen == p.id.as_str()
                                on:change=move |_| plan_sel.set(pid.clone())/>
                            <label for=id>
                                <span class="price">{price(p.price)}</span>
                                <span class="plan-name">{p.name.clone()}</span>
                                <ul>{p.facts.iter().take(4).map(|f| view! { <li>{f.clone()}</li> }).collect_view()}</ul>
                            </label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="choices">
                <legend>"Features"</legend>
                // Continuing from this step records every switch as shown.
                <input type="hidden" name="featset" value="1"/>
                <p class="hint">"The switches start from the chosen plan's features. The subscription gets what they show."</p>
                {FEATURES.into_iter().map(|(name, label)| {
                    let id = format!("feat-{name}");
                    let feat_state = feat_state.clone();
                    let plans = plans.clone();
                    let on = move || feature_shown(&feat_state, &plans, &plan_sel.get(), name);
                    view! {
                        <div class="choice">
                            <input type="checkbox" name="feat" id=id.clone() value=name checked=on.clone() prop:checked=on/>
                            <label for=id>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="vmpin">"Voicemail PIN (4 to 10 digits)"</label>
                {inline_error(&ctx, "vmpin")}
                <input id="vmpin" name="vmpin" type="text" inputmode="numeric" size="10" value=ctx.state.get("vmpin").to_string()
                    aria-invalid=ctx.error("vmpin").map(|_| "true") aria-describedby=described_by(&ctx, "vmpin", None)/>
            </div>
            <div class="field">
                <label for="vmemail">"E-mail for new voicemail (optional)"</label>
                <input id="vmemail" name="vmemail" type="email" value=ctx.state.get("vmemail").to_string()/>
            </div>
            <div class="field">
                <label for="row">"Rest-of-World roaming package"</label>
                <select id="row" name="row">
                    <option value="" selected=row.is_empty()>"As the plan has it"</option>
                    {rows.into_iter().map(|p| {
                        let selected = row == p.id.as_str();
                        view! { <option value=p.id.to_string() selected=selected>{format!("{} ({})", p.name, price(p.price))}</option> }
                    }).collect_view()}
                    <option value="none">"No package"</option>
                </select>
            </div>
        </StepForm>
    }
}

#[component]
fn PortingStep(ctx: Ctx) -> impl IntoView {
    let check = ctx.wiz.check.clone();
    let needs_icc = check
        .as_ref()
        .and_then(|c| c.operator.as_ref())
        .is_none_or(|op| op.needs_donor_icc);
    let pdate = ctx.state.get("pdate").to_string();
    let days = ctx.wiz.porting_days.clone();
    let earliest = days
        .first()
        .map(|d| d.format("%A %-d %B %Y").to_string())
        .unwrap_or_default();
    view! {
        {check.map(|c| {
            let text = match (&c.availability, &c.operator) {
                (mvno::portal::NumberAvailability::PortingRequired, Some(op)) => format!(
                    "{} is with {} today and will be moved here.{}",
                    grouped(&c.number), op.name,
                    if op.needs_donor_icc { " They ask for the ICC of the SIM card used today." } else { " They ask for a signed power of attorney." }
                ),
                (mvno::portal::NumberAvailability::AvailableForPurchase, _) => format!("{} is free here and will be bought: no porting needed.", grouped(&c.number)),
                (mvno::portal::NumberAvailability::OwnedAndFree, _) => format!("{} is already the customer's: no porting needed.", grouped(&c.number)),
                _ => c.reason.map(|r| r.message).unwrap_or_else(|| "The number cannot be used.".into()),
            };
            view! { <p class="notice" role="status">{text}</p> }
        })}
        <StepForm ctx=ctx.clone()>
            // The donor's ICC only when the donor asks for it (or the check could not tell).
            {needs_icc.then(|| view! {
                <IccField ctx=ctx.clone() name="donor" label="ICC number of the SIM card used today".to_string()
                    hint=format!("The number on the SIM card in the phone today (not a new card from us): {}, printed on the card and its holder.", mvno::icc::rule_in_words())/>
            })}
            <div class="field">
                <label for="pdate">"When should the number move?"</label>
                <p class="hint" id="pdate-hint">"The number moves at 02:00 on the chosen day. Only Danish working days can be chosen."</p>
                {inline_error(&ctx, "pdate")}
                <select id="pdate" name="pdate" aria-describedby=described_by(&ctx, "pdate", Some("pdate-hint"))>
                    <option value="asap" selected=pdate.is_empty() || pdate == "asap">{format!("As soon as possible (earliest {earliest})")}</option>
                    {days.into_iter().map(|d| {
                        let v = d.format("%Y-%m-%d").to_string();
                        let selected = pdate == v;
                        view! { <option value=v selected=selected>{d.format("%A %-d %B %Y").to_string()}</option> }
                    }).collect_view()}
                    <option value="eoc" selected=pdate == "eoc">"When my commitment with the current operator ends"</option>
                </select>
            </div>
            <div class="choice">
                <input type="checkbox" id="pready" name="pready" value="1" checked=ctx.state.get("pready") == "1"/>
                <label for="pready">"Ready for porting: order it right away"</label>
            </div>
        </StepForm>
    }
}

#[component]
fn ExtrasStep(ctx: Ctx) -> impl IntoView {
    view! {
        <StepForm ctx=ctx.clone()>
            <div class="field">
                <label for="notes">"Notes (only resellers and administrators see them)"</label>
                {inline_error(&ctx, "notes")}
                <textarea id="notes" name="notes" rows="3"
                    aria-invalid=ctx.error("notes").map(|_| "true") aria-describedby=described_by(&ctx, "notes", None)
                    inner_html=super::textarea_content(ctx.state.get("notes"))></textarea>
            </div>
            <div class="field">
                <label for="start">"Start date (empty: today)"</label>
                {inline_error(&ctx, "start")}
                <input id="start" name="start" type="date" value=ctx.state.get("start").to_string()
                    aria-invalid=ctx.error("start").map(|_| "true") aria-describedby=described_by(&ctx, "start", None)/>
            </div>
            <div class="field">
                <label for="sip">"SIP account id (optional)"</label>
                {inline_error(&ctx, "sip")}
                <input id="sip" name="sip" type="text" class="mono" value=ctx.state.get("sip").to_string()
                    aria-invalid=ctx.error("sip").map(|_| "true") aria-describedby=described_by(&ctx, "sip", None)/>
            </div>
            <div class="field">
                <label for="pbx">"Hosted PBX cluster (optional)"</label>
                {inline_error(&ctx, "pbx")}
                <input id="pbx" name="pbx" type="text" inputmode="numeric" size="4" value=ctx.state.get("pbx").to_string()
                    aria-invalid=ctx.error("pbx").map(|_| "true") aria-describedby=described_by(&ctx, "pbx", None)/>
            </div>
            <div class="field">
                <label for="ext">"PBX extension id (optional)"</label>
                {inline_error(&ctx, "ext")}
                <input id="ext" name="ext" type="text" class="mono" value=ctx.state.get("ext").to_string()
                    aria-invalid=ctx.error("ext").map(|_| "true") aria-describedby=described_by(&ctx, "ext", None)/>
            </div>
            <div class="field">
                <label for="billing">"Bill to another customer (optional)"</label>
                {inline_error(&ctx, "billing")}
                <select id="billing" name="billing" aria-describedby=described_by(&ctx, "billing", None)>
                    <option value="">"The subscription's own customer"</option>
                    {ctx.wiz.customers.iter().map(|c| {
                        let selected = ctx.state.get("billing") == c.id.as_str();
                        view! { <option value=c.id.to_string() selected=selected>{c.name.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="custom">"Custom data (JSON object, at most 4 KB, optional)"</label>
                {inline_error(&ctx, "custom")}
                <textarea id="custom" name="custom" rows="3" class="mono"
                    aria-invalid=ctx.error("custom").map(|_| "true") aria-describedby=described_by(&ctx, "custom", None)
                    inner_html=super::textarea_content(ctx.state.get("custom"))></textarea>
            </div>
        </StepForm>
    }
}

#[component]
fn ReviewStep(ctx: Ctx) -> impl IntoView {
    let server_error = ctx.refused.clone().map(|(path, message)| (message, path));
    let client_error = RwSignal::new(None::<(String, String)>);
    let busy = RwSignal::new(false);
    let state = ctx.state.clone();
    let customer_name = ctx
        .wiz
        .customers
        .iter()
        .find(|c| c.id.as_str() == state.get("customer"))
        .map(|c| c.name.clone())
        .unwrap_or_else(|| ctx.wiz.user.customer_name.clone());
    let sim_text = match state.get("sim") {
        "physical" => format!("Physical SIM card {}", state.get("icc")),
        "esim" => format!("eSIM on {}", state.get("network")),
        "auto" => format!("Auto-assigned SIM card on {}", state.get("network")),
        "none" => format!("No SIM for now, on {}", state.get("network")),
        _ => "–".into(),
    };
    let sharing = (1..=3)
        .filter(|i| !state.get(&format!("ds{i}kind")).is_empty())
        .count();
    let number_text = format!(
        "{} ({})",
        grouped(
            &mvno::phone::E164::from_typed(state.chosen_number())
                .map(|n| n.to_string())
                .unwrap_or_default()
        ),
        if state.keeps_number() {
            "kept: moved from the current operator"
        } else {
            "new"
        }
    );
    let mut rows: Vec<(&'static str, String, Step)> = Vec::new();
    if ctx.steps.contains(&Step::Customer) {
        rows.push(("Customer", customer_name, Step::Customer));
    }
    rows.push(("Number", number_text, Step::Number));
    rows.push(("SIM card", sim_text, Step::Sim));
    rows.push(("Data-sharing SIM cards", sharing.to_string(), Step::Sim));
    let plan_text = ctx
        .wiz
        .plans
        .iter()
        .find(|p| p.id.as_str() == state.get("plan"))
        .map(|p| format!("{} ({})", p.name, price(p.price)))
        .unwrap_or_else(|| state.get("plan").to_string());
    rows.push(("Rate plan", plan_text, Step::Plan));
    let (on, off): (Vec<_>, Vec<_>) = FEATURES
        .iter()
        .partition(|(name, _)| feature_shown(&state, &ctx.wiz.plans, state.get("plan"), name));
    let names = |list: Vec<&(&str, &str)>| {
        if list.is_empty() {
            "none".to_string()
        } else {
            list.iter()
                .map(|(_, label)| *label)
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    rows.push(("Features on", names(on), Step::Plan));
    rows.push(("Features off", names(off), Step::Plan));
    if state.keeps_number() {
        let date = match state.get("pdate") {
            "" | "asap" => "As soon as possible".to_string(),
            "eoc" => "When the commitment ends".to_string(),
            d => d.to_string(),
        };
        rows.push(("Porting date", date, Step::Porting));
    }
    let review_url = |step: Step| format!("/new/{}?{}&ret=review", step.slug(), state.query());
    // The answers kept on the server are read there again.
    let hidden: Vec<(String, String)> = state
        .0
        .iter()
        .filter(|(k, v)| !v.is_empty() && !crate::wizard::kept_on_server(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let today = ctx.wiz.today;
    let submit_state = state.clone();
    let steps = ctx.steps.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        // Hydrated: create through the server function without a reload.
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        client_error.set(None);
        let request = submit_state.to_request(today);
        let key = submit_state.get("key").to_string();
        let mitid = submit_state.mitid();
        let navigate = use_navigate();
        let (submit_state, steps) = (submit_state.clone(), steps.clone());
        leptos::task::spawn_local(async move {
            match create_account(request, key, mitid).await {
                Ok(account) => navigate(
                    &format!("/accounts/{}?created=1", account.id),
                    Default::default(),
                ),
                Err(e) => {
                    let path = e.0.path.clone().unwrap_or_default();
                    if !path.is_empty() && steps.contains(&step_of_path(&path)) {
                        // The server kept the error in the draft: the step
                        // shows it next to its field once it reads the draft.
                        let mut back = submit_state.clone();
                        back.0.insert("draft".into(), crate::wizard::draft_mark());
                        let url = format!(
                            "/new/{}?{}&refused=1",
                            step_of_path(&path).slug(),
                            back.query()
                        );
                        navigate(&url, Default::default());
                    } else {
                        client_error.set(Some((e.0.message.clone(), path)));
                    }
                    busy.set(false);
                }
            }
        });
    };
    let shown_error = move || client_error.get().or_else(|| server_error.clone());
    let fix_url = {
        let state = state.clone();
        move |path: String| format!("/new/{}?{}", step_of_path(&path).slug(), state.query())
    };
    view! {
        {move || shown_error().map(|(msg, path)| view! {
            <div class="error-summary" role="alert" id="create-error">
                <h2>"The subscription could not be created"</h2>
                <p>{msg}</p>
                <p><a href=fix_url(path)>"Change the answer"</a></p>
            </div>
        })}
        <dl class="review">
            {rows.into_iter().map(|(k, v, step)| view! {
                <div class="review-row">
                    <dt>{k}</dt>
                    <dd>{v}</dd>
                    <dd><a href=review_url(step)>"Change"<span class="visually-hidden">{format!(" {}", k.to_lowercase())}</span></a></dd>
                </div>
            }).collect_view()}
        </dl>
        {state.keeps_number().then(|| view! {
            <p class="notice">"By confirming, the customer authorises us to move the number. The current operator may send a final bill."</p>
        })}
        <form method="post" action="/new/confirm" on:submit=on_submit>
            {hidden.into_iter().map(|(k, v)| view! { <input type="hidden" name=k value=v/> }).collect_view()}
            <button type="submit" class="primary" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { "Creating subscription…" } else { "Confirm and create subscription" }}
            </button>
            <p role="status" class="visually-hidden">{move || if busy.get() { "Creating the subscription" } else { "" }}</p>
        </form>
    }
}
