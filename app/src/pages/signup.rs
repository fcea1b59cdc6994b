//! Self-service signup for private customers: create a login,
//! confirm identity (a clearly marked MitID stand-in), then the wizard
//! limited to what an owner may choose.

use super::layout::SignedIn;
use crate::api::mitid_stand_in;
use crate::i18n::{fill, t, ts, tw};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The field and the words of a signup error named in the page's address.
fn signup_error(code: &str) -> (&'static str, String) {
    use mvno::signup::{MAX_ADDRESS, MAX_EMAIL, MAX_NAME, MAX_PASSWORD, MIN_PASSWORD};
    let t = ts();
    let max = |text: &str, max: usize| fill(text, &[("max", max.to_string())]);
    match code {
        "name" => ("name", max(t.err_name, MAX_NAME)),
        "email" => ("email", max(t.err_email, MAX_EMAIL)),
        "password" => (
            "password",
            fill(
                t.err_password,
                &[
                    ("min", MIN_PASSWORD.to_string()),
                    ("max", MAX_PASSWORD.to_string()),
                ],
            ),
        ),
        "address" => ("address", max(t.err_address, MAX_ADDRESS)),
        "link" => ("", t.err_link.into()),
        "mail" => ("", t.err_mail.into()),
        "closed" => ("", t.err_closed.into()),
        "busy" => ("", t.err_busy.into()),
        "internal" => ("", t.err_internal.into()),
        _ => ("", String::new()),
    }
}

/// The signup's steps before the wizard's: the login (with its e-mail
/// confirmation) and the identity. The wizard counts on from here, so the
/// customer sees one count from the first page to the receipt.
pub const SIGNUP_STEPS: usize = 2;

/// The steps of a signup whose wizard gets a new number (number, SIM card,
/// plan, review); keeping a number adds the porting step.
const SIGNUP_TOTAL: usize = SIGNUP_STEPS + 4;

/// "Trin 1 af 6".
fn step_count(n: usize) -> String {
    fill(
        tw().step_of,
        &[("n", n.to_string()), ("total", SIGNUP_TOTAL.to_string())],
    )
}

/// The brand of the signup: the reseller new customers sign up with.
#[server(prefix = "/_fn", endpoint = "signup_brand")]
pub async fn signup_brand() -> Result<Option<String>, crate::api::UiError> {
    let db = crate::api::ssr::db()?;
    Ok(mvno::services::signup::signup_brand(&db).await?)
}

type BrandResource = Resource<Result<Option<String>, crate::api::UiError>>;

/// The reseller's name, read once per page.
fn brand_resource() -> BrandResource {
    Resource::new_blocking(|| (), |_| signup_brand())
}

/// The signup's wordmark: the reseller's name, as every signup page shows it.
#[component]
fn Brand(brand: BrandResource) -> impl IntoView {
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                brand
                    .await
                    .ok()
                    .flatten()
                    .map(|name| view! { <p class="brand signup-brand">{name}</p> })
            })}
        </Suspense>
    }
}

/// The signup's introduction, naming the reseller.
#[component]
fn Intro(brand: BrandResource) -> impl IntoView {
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let name = brand.await.ok().flatten().unwrap_or_default();
                view! { <p>{fill(ts().intro, &[("brand", name)])}</p> }
            })}
        </Suspense>
    }
}

#[component]
pub fn SignupPage() -> impl IntoView {
    let brand = brand_resource();
    let query = use_query_map();
    let q = move |k: &str| query.with_untracked(|q| q.get(k)).unwrap_or_default();
    // The page words each error itself: a link can name one, not write it.
    let error = q("error");
    let (err_path, err_msg) = signup_error(&error);
    let err_path = err_path.to_string();
    let has_error = !err_msg.is_empty();
    let title = if has_error {
        format!("{}{}", t().error_prefix, ts().title)
    } else {
        ts().title.to_string()
    };
    let error_field = has_error.then_some(err_path);
    view! {
        <Title text=title />
        <main class="page narrow" id="main">
            <Brand brand />
            <p class="step-count">{step_count(1)}</p>
            <h1>{ts().title}</h1>
            <Intro brand />
            {has_error
                .then(|| {
                    view! {
                        <div class="error-summary" role="alert" id="signup-error">
                            <h2>{ts().problem}</h2>
                            <p>{err_msg.clone()}</p>
                        </div>
                    }
                })}
            <SignupForm error_field />
            <p>{ts().have_login}<a href="/login">{t().sign_in}</a></p>
        </main>
    }
}

/// The signup's form; `error_field` is the field the error is about.
#[component]
fn SignupForm(error_field: Option<String>) -> impl IntoView {
    let query = use_query_map();
    let q = move |k: &str| query.with_untracked(|q| q.get(k)).unwrap_or_default();
    let invalid = |field: &str| (error_field.as_deref() == Some(field)).then_some("true");
    let described =
        |field: &str| (error_field.as_deref() == Some(field)).then(|| "signup-error".to_string());
    view! {
        <form method="post" action="/signup" class="stack">
            <div class="field">
                <label for="name">{ts().name}</label>
                <input
                    id="name"
                    name="name"
                    type="text"
                    autocomplete="name"
                    required
                    maxlength=mvno::signup::MAX_NAME
                    value=q("name")
                    aria-invalid=invalid("name")
                    aria-describedby=described("name")
                />
            </div>
            <div class="field">
                <label for="email">{ts().email}</label>
                <p class="hint" id="email-hint">
                    {ts().email_hint}
                </p>
                <input
                    id="email"
                    name="email"
                    type="email"
                    autocomplete="email"
                    required
                    maxlength=mvno::signup::MAX_EMAIL
                    value=q("email")
                    aria-invalid=invalid("email")
                    aria-describedby=described("email").unwrap_or_else(|| "email-hint".into())
                />
            </div>
            <div class="field">
                <label for="password">{ts().password}</label>
                <p class="hint" id="password-hint">
                    {fill(ts().password_hint, &[("min", mvno::signup::MIN_PASSWORD.to_string())])}
                </p>
                <input
                    id="password"
                    name="password"
                    type="password"
                    autocomplete="new-password"
                    required
                    minlength=mvno::signup::MIN_PASSWORD
                    maxlength=mvno::signup::MAX_PASSWORD
                    aria-invalid=invalid("password")
                    aria-describedby=described("password").unwrap_or_else(|| "password-hint".into())
                />
            </div>
            <div class="field">
                <label for="address">{ts().address}</label>
                <input
                    id="address"
                    name="address"
                    type="text"
                    autocomplete="street-address"
                    maxlength=mvno::signup::MAX_ADDRESS
                    value=q("address")
                />
            </div>
            <button type="submit" class="primary">
                {ts().submit}
            </button>
        </form>
    }
}

/// After a signup: the link is on its way. Says the same whether or not the
/// address has a login already (the e-mail tells the owner which).
#[component]
pub fn SignupSentPage() -> impl IntoView {
    view! {
        <Title text=ts().sent_title />
        <main class="page narrow" id="main">
            <Brand brand=brand_resource() />
            <p class="step-count">{step_count(1)}</p>
            <h1>{ts().sent_title}</h1>
            <p>{ts().sent_text}</p>
            <p>
                {fill(ts().sent_hours, &[("hours", mvno::signup::LINK_HOURS.to_string())])}
                {ts().sent_spam}
                <a href="/signup">{ts().sent_again}</a>
                "."
            </p>
        </main>
    }
}

/// Where a signup e-mail's link leads: one button that confirms the address
/// and creates the login. Opening the link changes nothing, so a mail
/// scanner that opens it does not use it up.
#[component]
pub fn SignupConfirmPage() -> impl IntoView {
    let query = use_query_map();
    let token = query.with_untracked(|q| q.get("token")).unwrap_or_default();
    view! {
        <Title text=ts().confirm_title />
        <main class="page narrow" id="main">
            <Brand brand=brand_resource() />
            <p class="step-count">{step_count(1)}</p>
            <h1>{ts().confirm_title}</h1>
            <p>{ts().confirm_text}</p>
            <form method="post" action="/signup/confirm" class="stack">
                <input type="hidden" name="token" value=token />
                <button type="submit" class="primary">
                    {ts().confirm_button}
                </button>
            </form>
        </main>
    }
}

/// The MitID stand-in. The server records what a MitID login would hand
/// back; the page shows the name and passes on only the record's id, from
/// which the create takes the identity. It proves nothing.
#[component]
pub fn IdentityPage() -> impl IntoView {
    let identity = Resource::new_blocking(|| (), |_| mitid_stand_in());
    view! {
        <Title text=ts().identity_title />
        <SignedIn>
            <div class="wizard">
                <p class="step-count">{step_count(2)}</p>
                <h1>{ts().identity_title}</h1>
                <p>{ts().identity_text}</p>
                <div class="notice" role="note">
                    <p>
                        <strong>{ts().stand_in}</strong>
                        {ts().stand_in_text}
                    </p>
                </div>
                <Suspense>
                    {move || Suspend::new(async move {
                        identity
                            .await
                            .ok()
                            .flatten()
                            .map(|id| {
                                view! {
                                    <dl class="review">
                                        <div class="review-row">
                                            <dt>{ts().identity_name}</dt>
                                            <dd>{id.name.clone()}</dd>
                                        </div>
                                    </dl>
                                    <form method="get" action="/new/number">
                                        <input type="hidden" name="mitid" value=id.id.clone() />
                                        <button type="submit" class="primary">
                                            {ts().identity_button}
                                        </button>
                                    </form>
                                }
                            })
                    })}
                </Suspense>
            </div>
        </SignedIn>
    }
}
