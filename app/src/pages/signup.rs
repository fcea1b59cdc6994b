//! Self-service signup for private customers, in Danish: create a login,
//! confirm identity (a clearly marked MitID stand-in), then the wizard
//! limited to what an owner may choose.

use super::layout::SignedIn;
use crate::api::mitid_stand_in;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The field and the words of a signup error named in the page's address.
fn signup_error(code: &str) -> (&'static str, String) {
    use mvno::signup::{MAX_ADDRESS, MAX_EMAIL, MAX_NAME, MAX_PASSWORD, MIN_PASSWORD};
    match code {
        "name" => (
            "name",
            format!("Skriv dit fulde navn (højst {MAX_NAME} tegn)."),
        ),
        "email" => (
            "email",
            format!("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk (højst {MAX_EMAIL} tegn)."),
        ),
        "password" => (
            "password",
            format!("Adgangskoden skal have mellem {MIN_PASSWORD} og {MAX_PASSWORD} tegn."),
        ),
        "address" => (
            "address",
            format!("Adressen må højst have {MAX_ADDRESS} tegn."),
        ),
        "link" => (
            "",
            "Linket er udløbet eller allerede brugt. Udfyld formularen igen, så sender vi et nyt."
                .into(),
        ),
        "mail" => (
            "",
            "Vi kunne ikke sende e-mailen lige nu. Prøv igen om lidt.".into(),
        ),
        "closed" => (
            "",
            "Tilmelding er ikke åben lige nu. Prøv igen senere.".into(),
        ),
        "busy" => (
            "",
            "For mange tilmeldinger fra din forbindelse. Vent et minut og prøv igen.".into(),
        ),
        "internal" => ("", "Noget gik galt hos os. Prøv igen om lidt.".into()),
        _ => ("", String::new()),
    }
}

#[component]
pub fn SignupPage() -> impl IntoView {
    let query = use_query_map();
    let q = move |k: &str| query.with_untracked(|q| q.get(k)).unwrap_or_default();
    // The page words each error itself: a link can name one, not write it.
    let error = q("error");
    let (err_path, err_msg) = signup_error(&error);
    let err_path = err_path.to_string();
    let has_error = !err_msg.is_empty();
    let title = if has_error {
        "Fejl: Opret dig som kunde"
    } else {
        "Opret dig som kunde"
    };
    let error_field = has_error.then_some(err_path);
    view! {
        <Title text=title />
        <main class="page narrow" id="main" lang="da">
            <p class="step-count">"Trin 1 af 6"</p>
            <h1>"Opret dig som kunde"</h1>
            <p>
                "Få et mobilabonnement hos Nordlys Telecom. Først opretter du et login og \
                 bekræfter din e-mail, så bekræfter du, hvem du er, og så vælger du nummer, \
                 SIM-kort og abonnement."
            </p>
            {has_error
                .then(|| {
                    view! {
                        <div class="error-summary" role="alert" id="signup-error">
                            <h2>"Der er et problem"</h2>
                            <p>{err_msg.clone()}</p>
                        </div>
                    }
                })}
            <SignupForm error_field />
            <p>"Har du allerede et login? "<a href="/login">"Log ind"</a></p>
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
                <label for="name">"Fulde navn"</label>
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
                <label for="email">"E-mail"</label>
                <p class="hint" id="email-hint">
                    "Det bliver dit brugernavn."
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
                <label for="password">"Adgangskode"</label>
                <p class="hint" id="password-hint">
                    "Mindst 10 tegn."
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
                <label for="address">"Adresse (valgfri)"</label>
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
                "Opret login og fortsæt"
            </button>
        </form>
    }
}

/// After a signup: the link is on its way. Says the same whether or not the
/// address has a login already (the e-mail tells the owner which).
#[component]
pub fn SignupSentPage() -> impl IntoView {
    view! {
        <Title text="Tjek din e-mail" />
        <main class="page narrow" id="main" lang="da">
            <p class="step-count">"Trin 1 af 6"</p>
            <h1>"Tjek din e-mail"</h1>
            <p>
                "Vi har sendt en e-mail til den adresse, du skrev. Åbn linket i den for at \
                 bekræfte adressen og fortsætte."
            </p>
            <p>
                {format!("Linket virker i {} timer. ", mvno::signup::LINK_HOURS)}
                "Kan du ikke finde e-mailen, så se i din spam-mappe, eller "
                <a href="/signup">"udfyld formularen igen"</a>"."
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
        <Title text="Bekræft din e-mailadresse" />
        <main class="page narrow" id="main" lang="da">
            <p class="step-count">"Trin 1 af 6"</p>
            <h1>"Bekræft din e-mailadresse"</h1>
            <p>
                "Tryk på knappen for at bekræfte din e-mailadresse og oprette dit login. Bagefter \
                 bekræfter du, hvem du er."
            </p>
            <form method="post" action="/signup/confirm" class="stack">
                <input type="hidden" name="token" value=token />
                <button type="submit" class="primary">
                    "Bekræft og fortsæt"
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
        <Title text="Bekræft hvem du er" />
        <SignedIn>
            <div lang="da" class="wizard">
                <p class="step-count">"Trin 2 af 6"</p>
                <h1>"Bekræft hvem du er"</h1>
                <p>
                    "Vi skal vide, hvem der opretter abonnementet, fordi et nummer der flyttes fra \
                     et andet selskab kræver din tilladelse."
                </p>
                <div class="notice" role="note">
                    <p>
                        <strong>"Test-erstatning for MitID."</strong>
                        " Denne side står i stedet for MitID. Den spørger ikke om noget og beviser \
                         intet; vi noterer blot dit navn og et fast id, som MitID ville give os."
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
                                            <dt>"Navn"</dt>
                                            <dd>{id.name.clone()}</dd>
                                        </div>
                                    </dl>
                                    <form method="get" action="/new/number">
                                        <input type="hidden" name="mitid" value=id.id.clone() />
                                        <button type="submit" class="primary">
                                            "Bekræft med MitID (test)"
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
