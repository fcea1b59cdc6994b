//! The words of the portal's frame and lists.

catalogue! {
    /// The portal's frame: sign-in, menu, lists, 403 and 404.
    Texts {
        product: "Telecom X-portalen"
            | "Telecom X portal",
        sign_in: "Log ind"
            | "Sign in",
        sign_in_heading: "Log ind på portalen"
            | "Sign in to the portal",
        username: "Brugernavn"
            | "Username",
        password: "Adgangskode"
            | "Password",
        sign_in_failed: "Brugernavnet eller adgangskoden er forkert. Tjek dem og prøv igen."
            | "The username or password is wrong. Check them and try again.",
        sign_in_locked: "For mange forkerte forsøg med dette brugernavn. Vent 15 minutter og prøv igen."
            | "Too many failed sign-ins for this username. Wait 15 minutes and try again.",
        sign_in_busy: "For mange forsøg på at logge ind fra din forbindelse. Vent et minut og prøv igen."
            | "Too many sign-in attempts from your connection. Wait a minute and try again.",
        sign_out: "Log ud"
            | "Sign out",
        signed_in_as: "Logget ind som"
            | "Signed in as",
        subscriptions: "Abonnementer"
            | "Subscriptions",
        customers: "Kunder"
            | "Customers",
        search: "Søg"
            | "Search",
        search_accounts_label: "Søg på nummer eller kunde"
            | "Search by number or customer",
        search_customers_label: "Søg på navn eller CVR"
            | "Search by name or CVR",
        number: "Nummer"
            | "Number",
        customer: "Kunde"
            | "Customer",
        state: "Status"
            | "State",
        network: "Net"
            | "Network",
        created: "Oprettet"
            | "Created",
        name: "Navn"
            | "Name",
        cvr: "CVR"
            | "CVR",
        kind: "Type"
            | "Kind",
        no_accounts: "Ingen abonnementer passer."
            | "No subscriptions match.",
        no_customers: "Ingen kunder passer."
            | "No customers match.",
        access_denied_heading: "Du har ikke adgang til denne side"
            | "You do not have access to this page",
        access_denied_text: "Dit adgangsniveau tillader det ikke. Spørg en administrator i din virksomhed, hvis du har brug for det."
            | "Your access level does not allow this. Ask an administrator of your company if you need it.",
        not_found_heading: "Siden findes ikke"
            | "Page not found",
        main_nav: "Hovedmenu"
            | "Main",
        skip_to_content: "Gå til indholdet"
            | "Skip to content",
        new_subscription: "Nyt abonnement"
            | "New subscription",
        error_prefix: "Fejl: "
            | "Error: ",
        language: "Sprog"
            | "Language",
        shown_count: "{shown} af {total}"
            | "{shown} of {total}",
        could_not_load: "Siden kunne ikke hentes. Prøv igen om lidt."
            | "The page could not be loaded. Please try again shortly.",
        signed_in_level: "Adgang"
            | "Access",
    }
}
