//! The words of the wizard: its steps, fields, hints, review and the
//! problems its checks find.

catalogue! {
    /// The wizard's texts.
    Wizard {
        step_customer: "Vælg kunden" | "Choose the customer",
        step_number: "Telefonnummer" | "Phone number",
        step_sim: "SIM-kort" | "SIM card",
        step_plan: "Abonnement og tjenester" | "Rate plan and features",
        step_porting: "Flytning af nummeret" | "Porting",
        step_extras: "Ekstra" | "Extras",
        step_review: "Tjek dine svar" | "Check your answers",
        step_of: "Trin {n} af {total}" | "Step {n} of {total}",
        back: "Tilbage" | "Back",
        continue_: "Fortsæt" | "Continue",
        could_not_load: "Guiden kunne ikke hentes. Prøv igen om lidt."
            | "The wizard could not be loaded. Please try again shortly.",
        problem_heading: "Der er et problem" | "There is a problem",
        error_hidden: "Fejl: " | "Error: ",

        feat_high_rate: "Opkald til overtakserede numre" | "Calls to high-rate numbers",
        feat_international: "Udlandsopkald" | "International calls",
        feat_data: "Mobildata" | "Mobile data",
        feat_five_g: "5G" | "5G",
        feat_roaming: "Roaming" | "Roaming",
        feat_roaming_data: "Data i udlandet" | "Data while roaming",
        feat_voicemail: "Telefonsvarer" | "Voicemail",
        feat_secret_number: "Hemmeligt nummer" | "Secret number",
        feat_public_ip: "Offentlig IP-adresse" | "Public IP address",
        feat_charged_services: "Betalingstjenester (overtakserede sms'er)"
            | "Charged services (overcharged SMS)",

        customer_legend: "Hvilken kunde er abonnementet til?"
            | "Which customer is the subscription for?",
        customer_blocked_mark: " (spærret)" | " (blocked)",

        number_legend: "Nyt nummer eller beholde et nummer?"
            | "Get a new number or keep a number?",
        number_new: "Få et nyt nummer" | "Get a new number",
        number_keep: "Behold mit nummer (flyt det fra et andet selskab)"
            | "Keep my number (move it from another operator)",
        number_search: "Søg nye numre på cifre" | "Search new numbers by digits",
        number_network: "Net for det nye nummer" | "Network of the new number",
        number_any_network: "Alle net" | "Any network",
        search: "Søg" | "Search",
        number_offered: "Nyt nummer" | "New number",
        number_none_offered: "Ingen ledige numre passer." | "No free numbers match.",
        number_yours: "allerede jeres" | "yours already",
        number_fresh: "nyt" | "new",
        number_keep_label: "Nummer der skal beholdes" | "Number to keep",
        number_keep_hint: "Det mobilnummer, du har i dag, 8 cifre."
            | "The mobile number you have today, 8 digits.",
        check_porting: "{number} er hos {operator}: det bliver flyttet hertil."
            | "{number} is with {operator}: it will be moved here (ported).",
        check_free: "{number} er ledigt: det bliver købt." | "{number} is free: it will be bought.",
        check_owned: "{number} er allerede kundens." | "{number} is already the customer's.",
        check_unusable: "Nummeret kan ikke bruges." | "The number cannot be used.",

        sim_kind_esim: "eSIM" | "eSIM",
        sim_kind_physical: "Fysisk SIM-kort fra lageret" | "Physical SIM card from stock",
        sim_kind_auto: "SIM-kort, der sendes med posten" | "Auto-assigned SIM card (sent by post)",
        sim_kind_none: "Intet SIM-kort lige nu" | "No SIM for now",
        sim_stock: "Ledige SIM-kort" | "Free SIM stock",
        sim_stock_line: "{network} {form}{auto}: {count} ledige"
            | "{network} {form}{auto}: {count} free",
        sim_stock_auto: " (tildeles automatisk)" | " (auto-assign)",
        sim_kind_legend: "Slags SIM-kort" | "Kind of SIM card",
        sim_network_legend: "Net (til eSIM, tildelt SIM-kort eller intet SIM-kort)"
            | "Network (for eSIM, auto-assigned or no SIM)",
        sim_icc_label: "ICC-nummer på det fysiske SIM-kort" | "ICC number of the physical SIM card",
        sim_icc_hint: "{rule}, trykt på kortet." | "{rule}, printed on the card.",
        sharing_legend: "Datadelings-SIM-kort (kun TDC, op til 3)"
            | "Data-sharing SIM cards (TDC only, up to 3)",
        sharing_row: "Datadelings-SIM {i}" | "Data-sharing SIM {i}",
        sharing_none: "Ingen" | "None",
        sharing_physical: "Fysisk SIM-kort" | "Physical SIM card",
        sharing_icc_label: "ICC på datadelings-SIM {i}" | "ICC of data-sharing SIM {i}",
        sharing_icc_hint: "Kun til et fysisk datadelings-SIM-kort."
            | "Only for a physical data-sharing SIM card.",
        delivery_label: "Leveringsadresse" | "Delivery address",
        delivery_hint: "Hvor SIM-kortet skal sendes hen, hvis det sendes med posten: gade, \
                        nummer, postnummer og by."
            | "Where the SIM card goes if it is sent by post: street, number, postcode and \
               town.",
        sim_auto_to: "SIM-kort sendt med posten til {address}, på {network}"
            | "SIM card sent by post to {address}, on {network}",
        pdate_posted: "Dit SIM-kort sendes med posten, så nummeret flyttes tidligst {date}, når \
                       kortet er fremme."
            | "Your SIM card is sent by post, so the number moves on {date} at the earliest, \
               when the card has arrived.",
        icc_fine: "Format og kontrolciffer er i orden." | "Format and check digit are fine.",

        plan_legend: "Abonnement" | "Rate plan",
        per_month: "{price}/md." | "{price}/month",
        features_legend: "Tjenester" | "Features",
        features_hint: "Kontakterne starter med abonnementets tjenester. Abonnementet får det, \
                        de viser."
            | "The switches start from the chosen plan's features. The subscription gets what \
               they show.",
        vmpin_label: "Pinkode til telefonsvarer (4 til 10 cifre)"
            | "Voicemail PIN (4 to 10 digits)",
        vmemail_label: "E-mail til nye beskeder på telefonsvareren (valgfri)"
            | "E-mail for new voicemail (optional)",
        row_label: "Roamingpakke til resten af verden" | "Rest-of-World roaming package",
        row_as_plan: "Som abonnementet har det" | "As the plan has it",
        row_none: "Ingen pakke" | "No package",

        pdate_label: "Hvornår skal nummeret flyttes?" | "When should the number move?",
        pdate_hint: "Nummeret flyttes kl. 02:00 på den valgte dag. Kun danske hverdage kan \
                     vælges."
            | "The number moves at 02:00 on the chosen day. Only Danish working days can be \
               chosen.",
        pdate_asap: "Hurtigst muligt (tidligst {date})" | "As soon as possible (earliest {date})",
        pdate_eoc: "Når min binding hos det nuværende selskab udløber"
            | "When my commitment with the current operator ends",
        pready: "Klar til flytning: bestil den med det samme"
            | "Ready for porting: order it right away",
        donor_label: "ICC-nummer på det SIM-kort, der bruges i dag"
            | "ICC number of the SIM card used today",
        donor_hint: "Nummeret på SIM-kortet i telefonen i dag (ikke et nyt kort fra os): {rule}, \
                     trykt på kortet og dets holder."
            | "The number on the SIM card in the phone today (not a new card from us): {rule}, \
               printed on the card and its holder.",
        porting_with: "{number} er hos {operator} i dag og bliver flyttet hertil."
            | "{number} is with {operator} today and will be moved here.",
        porting_asks_icc: " De beder om ICC-nummeret på det SIM-kort, der bruges i dag."
            | " They ask for the ICC of the SIM card used today.",
        porting_asks_poa: " De beder om en underskrevet fuldmagt."
            | " They ask for a signed power of attorney.",
        porting_bought: "{number} er ledigt her og bliver købt: ingen flytning."
            | "{number} is free here and will be bought: no porting needed.",
        porting_owned: "{number} er allerede kundens: ingen flytning."
            | "{number} is already the customer's: no porting needed.",

        notes_label: "Noter (kun forhandlere og administratorer ser dem)"
            | "Notes (only resellers and administrators see them)",
        start_label: "Startdato (tom: i dag)" | "Start date (empty: today)",
        start_hint: "Skriv datoen som dd-mm-åååå, fx 1-12-2026."
            | "Write the date as dd-mm-yyyy, e.g. 1-12-2026.",
        sip_label: "SIP-konto-id (valgfri)" | "SIP account id (optional)",
        pbx_label: "Hosted PBX-klynge (valgfri)" | "Hosted PBX cluster (optional)",
        ext_label: "PBX-lokalnummer-id (valgfri)" | "PBX extension id (optional)",
        billing_label: "Faktureres til en anden kunde (valgfri)"
            | "Bill to another customer (optional)",
        billing_own: "Abonnementets egen kunde" | "The subscription's own customer",
        custom_label: "Egne data (JSON-objekt, højst 4 KB, valgfri)"
            | "Custom data (JSON object, at most 4 KB, optional)",

        refused_heading: "Abonnementet kunne ikke oprettes"
            | "The subscription could not be created",
        change_answer: "Ret svaret" | "Change the answer",
        change: "Ret" | "Change",
        authorise_port: "Ved at bekræfte giver kunden os lov til at flytte nummeret. Det \
                         nuværende selskab kan sende en slutregning."
            | "By confirming, the customer authorises us to move the number. The current \
               operator may send a final bill.",
        row_customer: "Kunde" | "Customer",
        row_number: "Nummer" | "Number",
        row_sim: "SIM-kort" | "SIM card",
        row_sharing: "Datadelings-SIM-kort" | "Data-sharing SIM cards",
        row_plan: "Abonnement" | "Rate plan",
        row_on: "Tjenester til" | "Features on",
        row_off: "Tjenester fra" | "Features off",
        row_pdate: "Flyttedato" | "Porting date",
        row_monthly: "Pris pr. måned" | "Monthly price",
        pdate_asap_short: "Hurtigst muligt" | "As soon as possible",
        pdate_eoc_short: "Når bindingen udløber" | "When the commitment ends",
        number_kept: "beholdes: flyttes fra det nuværende selskab"
            | "kept: moved from the current operator",
        sim_physical_text: "Fysisk SIM-kort {icc}" | "Physical SIM card {icc}",
        sim_esim_text: "eSIM på {network}" | "eSIM on {network}",
        sim_auto_text: "SIM-kort sendt med posten, på {network}"
            | "Auto-assigned SIM card on {network}",
        sim_none_text: "Intet SIM-kort lige nu, på {network}" | "No SIM for now, on {network}",
        none: "ingen" | "none",
        confirm: "Bekræft og opret abonnementet" | "Confirm and create subscription",
        confirming: "Opretter abonnementet…" | "Creating subscription…",
        confirming_status: "Opretter abonnementet" | "Creating the subscription",

        summary_heading: "Din bestilling" | "Your order",
        summary_empty: "Ikke valgt endnu" | "Not chosen yet",
    }
}
