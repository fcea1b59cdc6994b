//! The pieces the steps' views share: a step's form, the error summary,
//! inline errors tied to their fields, and the inputs of more than one step.

use super::page::Ctx;
use super::{icc_problem, icc_warning, FieldError};
use crate::i18n::{fill, tw};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::tachys::html::class::{class, Class};
use leptos::tachys::view::add_attr::AddAnyAttr;

#[component]
pub(crate) fn ErrorSummary(errors: Vec<FieldError>) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        view! {
            <div
                class="error-summary"
                role="alert"
                tabindex="-1"
                aria-labelledby="error-summary-title"
            >
                <h2 id="error-summary-title">{tw().problem_heading}</h2>
                <ul>
                    {errors
                        .into_iter()
                        .map(|e| {
                            view! {
                                <li>
                                    <a href=format!("#{}", e.field)>{e.message}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// The form of a step: hidden answers of the other steps, `from`, Continue.
#[component]
pub(crate) fn StepForm(ctx: Ctx, children: Children) -> impl IntoView {
    let hidden = ctx.state.hidden_for(ctx.current);
    view! {
        <form method="post" action="/new/step">
            <input type="hidden" name="from" value=ctx.current.slug() />
            <input type="hidden" name="to" value=ctx.next().slug() />
            {hidden_inputs(hidden)}
            {children()}
            <div class="actions">
                <button type="submit" class="primary">
                    {tw().continue_}
                </button>
            </div>
        </form>
    }
}

/// Answers carried along in a form as hidden inputs.
pub(crate) fn hidden_inputs(pairs: Vec<(String, String)>) -> impl IntoView {
    pairs
        .into_iter()
        .map(|(k, v)| view! { <input type="hidden" name=k value=v /> })
        .collect_view()
}

/// An inline error tied to its field by `aria-describedby`.
pub(crate) fn inline_error(ctx: &Ctx, field: &str) -> impl IntoView {
    error_text(field, ctx.error(field))
}

/// The inline error `message` of `field`, if any.
pub(crate) fn error_text(field: &str, message: Option<String>) -> impl IntoView {
    message.map(|m| {
        view! {
            <p class="field-error" id=format!("{field}-error")>
                <span class="visually-hidden">{tw().error_hidden}</span>
                {m}
            </p>
        }
    })
}

/// A field's `aria-describedby`: its hint and its inline error, if any.
pub(crate) fn described_by(ctx: &Ctx, field: &str, hint: Option<&str>) -> Option<String> {
    describing(field, hint, ctx.error(field).is_some())
}

pub(crate) fn describing(field: &str, hint: Option<&str>, has_error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if let Some(h) = hint {
        ids.push(h.to_string());
    }
    if has_error {
        ids.push(format!("{field}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The id of a list's `i`-th radio button: the first has the answer's own
/// id, the one an error links to.
pub(crate) fn nth_id(field: &str, i: usize) -> String {
    if i == 0 {
        field.to_string()
    } else {
        format!("{field}-{i}")
    }
}

/// A fieldset choosing the answer `name` from a list: its legend, its
/// inline error and, as children, the list (see [`radio`]).
#[component]
pub(crate) fn ChoiceList(
    error: Option<String>,
    name: &'static str,
    class: &'static str,
    legend: &'static str,
    children: Children,
) -> impl IntoView {
    let described = describing(name, None, error.is_some());
    view! {
        <fieldset class=class aria-describedby=described>
            <legend>{legend}</legend>
            {error_text(name, error)}
            {children()}
        </fieldset>
    }
}

/// A radio button for the answer `name`, with its label, in a `div` of
/// `class`.
pub(crate) fn radio(
    class: &'static str,
    name: &'static str,
    id: String,
    value: String,
    checked: bool,
    label: impl IntoView,
) -> impl IntoView {
    view! {
        <div class=class>
            <input type="radio" name=name id=id.clone() value=value checked=checked />
            <label for=id>{label}</label>
        </div>
    }
}

/// One of a fieldset's radio buttons, with its label; its id is
/// `{name}-{value}`.
pub(crate) fn choice(
    name: &'static str,
    value: &'static str,
    checked: bool,
    label: &'static str,
) -> impl IntoView {
    radio(
        "choice",
        name,
        format!("{name}-{value}"),
        value.to_string(),
        checked,
        label,
    )
}

/// A one-line answer with its label and inline error; the input's id and
/// name are the answer's key.
#[component]
pub(crate) fn TextField(
    ctx: Ctx,
    name: &'static str,
    label: &'static str,
    /// The input's `type`.
    #[prop(default = "text")]
    kind: &'static str,
    /// Shown in a monospaced font (ids, codes).
    #[prop(optional)]
    mono: bool,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] size: Option<&'static str>,
) -> impl IntoView {
    let input = view! {
        <input
            id=name
            name=name
            type=kind
            inputmode=inputmode
            size=size
            value=ctx.state.get(name).to_string()
            aria-invalid=ctx.error(name).map(|_| "true")
            aria-describedby=described_by(&ctx, name, None)
        />
    };
    field(&ctx, name, label, monospaced(input, mono))
}

/// A longer answer with its label and inline error, shown as typed.
#[component]
pub(crate) fn TextArea(
    ctx: Ctx,
    name: &'static str,
    label: &'static str,
    /// Shown in a monospaced font (code).
    #[prop(optional)]
    mono: bool,
) -> impl IntoView {
    let textarea = view! {
        <textarea
            id=name
            name=name
            rows="3"
            aria-invalid=ctx.error(name).map(|_| "true")
            aria-describedby=described_by(&ctx, name, None)
            inner_html=crate::pages::textarea_content(ctx.state.get(name))
        ></textarea>
    };
    field(&ctx, name, label, monospaced(textarea, mono))
}

/// A field: its label, its inline error and its input.
fn field(
    ctx: &Ctx,
    name: &'static str,
    label: &'static str,
    input: impl IntoView,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=name>{label}</label>
            {inline_error(ctx, name)}
            {input}
        </div>
    }
}

/// A choice from a list, without an inline error; the select's id and
/// name are the answer's key, its options the children.
#[component]
pub(crate) fn SelectField(
    name: &'static str,
    label: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=name>{label}</label>
            <select id=name name=name>
                {children()}
            </select>
        </div>
    }
}

/// An option of a select, chosen when it is the `current` answer.
pub(crate) fn option(value: &'static str, current: &str, label: &'static str) -> impl IntoView {
    view! {
        <option value=value selected=current == value>
            {label}
        </option>
    }
}

/// An element with `class="mono"` when `mono`, else without a class
/// attribute (an empty one would still render as `class=""`).
fn monospaced<V>(element: V, mono: bool) -> impl IntoView
where
    V: AddAnyAttr + IntoView,
    V::Output<Class<&'static str>>: IntoView,
{
    if mono {
        Either::Left(element.add_any_attr(class("mono")))
    } else {
        Either::Right(element)
    }
}

/// An ICC number, with its hint and, as it is typed, whether its format and
/// check digit are fine: an island, checked in the browser with the
/// domain's own rules.
#[island]
pub(crate) fn IccField(
    name: String,
    label: String,
    hint: String,
    value: String,
    error: Option<String>,
) -> impl IntoView {
    let typed = RwSignal::new(value.clone());
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
            (None, None) => tw().icc_fine.to_string(),
        }
    };
    let invalid = error.as_ref().map(|_| "true");
    let described = describing(&name, Some(&hint_id), error.is_some());
    view! {
        <div class="field">
            <label for=name.clone()>{label}</label>
            <p class="hint" id=hint_id.clone()>
                {hint}
            </p>
            {error_text(&name, error)}
            <input
                id=name.clone()
                name=name
                type="text"
                class="mono"
                inputmode="numeric"
                size="24"
                autocomplete="off"
                value=value
                on:input=move |ev| typed.set(event_target_value(&ev))
                aria-invalid=invalid
                aria-describedby=described
            />
            <p class="live-hint" aria-live="polite">
                {live}
            </p>
        </div>
    }
}

/// A monthly price: `129,00 kr./md.`
pub(crate) fn price(p: f64) -> String {
    let amount = crate::i18n::format::kroner(crate::i18n::lang(), p);
    fill(tw().per_month, &[("price", amount)])
}
