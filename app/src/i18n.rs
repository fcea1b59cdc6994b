//! All user-facing text, one table per language, so that tests can select
//! by role and label in either.

/// Languages of the UI.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Da,
}

/// The portal's words.
pub struct Texts {
    pub product: &'static str,
    pub sign_in: &'static str,
    pub sign_in_heading: &'static str,
    pub username: &'static str,
    pub password: &'static str,
    pub sign_in_failed: &'static str,
    pub sign_in_locked: &'static str,
    pub sign_in_busy: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as: &'static str,
    pub subscriptions: &'static str,
    pub customers: &'static str,
    pub search: &'static str,
    pub search_accounts_label: &'static str,
    pub search_customers_label: &'static str,
    pub number: &'static str,
    pub customer: &'static str,
    pub state: &'static str,
    pub network: &'static str,
    pub created: &'static str,
    pub name: &'static str,
    pub cvr: &'static str,
    pub kind: &'static str,
    pub no_accounts: &'static str,
    pub no_customers: &'static str,
    pub access_denied_heading: &'static str,
    pub access_denied_text: &'static str,
    pub not_found_heading: &'static str,
    pub shown_of: &'static str,
    pub main_nav: &'static str,
    pub skip_to_content: &'static str,
}

pub const EN: Texts = Texts {
    product: "Telecom X portal",
    sign_in: "Sign in",
    sign_in_heading: "Sign in to the portal",
    username: "Username",
    password: "Password",
    sign_in_failed: "The username or password is wrong. Check them and try again.",
    sign_in_locked: "Too many failed sign-ins for this username. Wait 15 minutes and try again.",
    sign_in_busy: "Too many sign-in attempts from your connection. Wait a minute and try again.",
    sign_out: "Sign out",
    signed_in_as: "Signed in as",
    subscriptions: "Subscriptions",
    customers: "Customers",
    search: "Search",
    search_accounts_label: "Search by number or customer",
    search_customers_label: "Search by name or CVR",
    number: "Number",
    customer: "Customer",
    state: "State",
    network: "Network",
    created: "Created",
    name: "Name",
    cvr: "CVR",
    kind: "Kind",
    no_accounts: "No subscriptions match.",
    no_customers: "No customers match.",
    access_denied_heading: "You do not have access to this page",
    access_denied_text: "Your access level does not allow this. Ask an administrator of your \
                         company if you need it.",
    not_found_heading: "Page not found",
    shown_of: "of",
    main_nav: "Main",
    skip_to_content: "Skip to content",
};

pub const DA: Texts = Texts {
    product: "Telecom X-portalen",
    sign_in: "Log ind",
    sign_in_heading: "Log ind på portalen",
    username: "Brugernavn",
    password: "Adgangskode",
    sign_in_failed: "Brugernavnet eller adgangskoden er forkert. Tjek dem og prøv igen.",
    sign_in_locked: "For mange forkerte forsøg med dette brugernavn. Vent 15 minutter og prøv \
                     igen.",
    sign_in_busy: "For mange forsøg på at logge ind fra din forbindelse. Vent et minut og prøv \
                   igen.",
    sign_out: "Log ud",
    signed_in_as: "Logget ind som",
    subscriptions: "Abonnementer",
    customers: "Kunder",
    search: "Søg",
    search_accounts_label: "Søg på nummer eller kunde",
    search_customers_label: "Søg på navn eller CVR",
    number: "Nummer",
    customer: "Kunde",
    state: "Status",
    network: "Net",
    created: "Oprettet",
    name: "Navn",
    cvr: "CVR",
    kind: "Type",
    no_accounts: "Ingen abonnementer passer.",
    no_customers: "Ingen kunder passer.",
    access_denied_heading: "Du har ikke adgang til denne side",
    access_denied_text: "Dit adgangsniveau tillader det ikke. Spørg en administrator i din \
                         virksomhed, hvis du har brug for det.",
    not_found_heading: "Siden findes ikke",
    shown_of: "af",
    main_nav: "Hovedmenu",
    skip_to_content: "Gå til indholdet",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &EN,
        Lang::Da => &DA,
    }
}

/// The portal speaks English until the user picks Danish.
pub fn t() -> &'static Texts {
    texts(Lang::En)
}
