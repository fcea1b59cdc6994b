//! The words of the account page, which is also the receipt after a
//! create: status, SIM cards, eSIM installation and the porting.

catalogue! {
    /// The account page's texts.
    Account {
        not_found: "Abonnementet findes ikke" | "Subscription not found",
        not_found_text: "Abonnementet findes ikke, eller du har ikke adgang til det. Gå tilbage \
                         til listen over abonnementer."
            | "The subscription does not exist, or you do not have access to it. Go back to the \
               list of subscriptions.",
        created: "Dit abonnement er oprettet" | "Your subscription is created",
        heading: "Abonnement {number}" | "Subscription {number}",
        number: "Nummer" | "Number",
        reference: "Reference" | "Reference",
        status: "Status" | "Status",
        customer: "Kunde" | "Customer",
        plan: "Abonnement" | "Rate plan",
        features: "Tjenester" | "Features",
        extras: "Tillæg" | "Add-ons",
        monthly: "Pris pr. måned" | "Monthly price",
        none: "ingen" | "none",
        what_next: "Det sker nu" | "What happens next",
        next_activation: "Nettet aktiverer abonnementet. Det tager normalt et par minutter, og \
                          siden viser det, når det er aktivt."
            | "The network activates the subscription. This usually takes a few minutes, and \
               this page shows when it is active.",
        next_esim: "Installer eSIM'et på den telefon, der skal bruge nummeret."
            | "Install the eSIM on the phone that will use the number.",
        technical: "Tekniske detaljer" | "Technical details",
        state: "Tilstand" | "State",
        number_state: "Nummerets tilstand" | "Number state",
        activating: "Nettet aktiverer SIM-kortet. Siden viser det, når det er aktivt."
            | "The network is activating the SIM card. This page shows when it is active.",
        moves_on: "Nummeret flyttes hertil fra {donor} {date}"
            | "The number moves here from {donor} on {date}",
        moves_at_end: "Nummeret flyttes hertil fra {donor}, når bindingen der udløber"
            | "The number moves here from {donor} when the commitment there ends",
        being_activated: "Aktiveres" | "Being activated",
        install_esim: "Installer eSIM" | "Install the eSIM",
        esim_qr: "QR-kode med eSIM'ets aktiveringskode" | "QR code of the eSIM activation code",
        install_sharing: "Installer datadelings-eSIM {number}"
            | "Install the data-sharing eSIM {number}",
        sharing_qr: "QR-kode med datadelings-eSIM {number}"
            | "QR code of the data-sharing eSIM {number}",
        on_iphone: "Installer på denne iPhone" | "Install on this iPhone",
        on_android: "Installer på denne Android-telefon" | "Install on this Android phone",
        scan: "Eller scan QR-koden med den telefon, der skal have eSIM'et:"
            | "Or scan the QR code with the phone that gets the eSIM:",
        manual: "Indtast manuelt" | "Enter manually",
        smdp: "SM-DP+-adresse" | "SM-DP+ address",
        activation_code: "Aktiveringskode" | "Activation code",
        code_once: "Koden virker én gang. Slettes eSIM'et senere, skal der bruges et nyt. Del \
                    ikke koden."
            | "The code works once. If the eSIM is deleted later, a new one is needed. Do not \
               share the code.",
        back_to_list: "Tilbage til abonnementerne" | "Back to subscriptions",
        sim_card: "SIM-kort" | "SIM card",
        icc: "ICC" | "ICC",
        network: "Net" | "Network",
        form: "Form" | "Form",
        show_codes: "Vis PIN- og PUK-koder" | "Show PIN and PUK codes",
        pin: "PIN" | "PIN",
        puk: "PUK" | "PUK",
        sharing: "Datadelings-SIM-kort" | "Data-sharing SIM cards",
        moving: "Flytning af nummeret" | "Moving the number",
        from: "Fra" | "From",
        stage: "Forløb" | "Stage",
        requested: "Ønsket dato" | "Requested date",
        at_end: "når bindingen hos det nuværende selskab udløber"
            | "when the commitment with the current operator ends",
        insert_after: " Sæt det nye SIM-kort i, når nummeret er flyttet ({date})."
            | " Insert the new SIM card after the number has moved ({date}).",
        stage_created: "Modtaget: vi sender anmodningen til det nuværende selskab."
            | "Received: we will send the request to the current operator.",
        stage_ready: "Klar: anmodningen sendes snart til det nuværende selskab."
            | "Ready: the request is about to be sent to the current operator.",
        stage_poa: "Venter på kundens fuldmagt." | "Waiting for the customer's power of attorney.",
        stage_sent: "Sendt til det nuværende selskab." | "Sent to the current operator.",
        stage_confirmed: "Bekræftet af det nuværende selskab." | "Confirmed by the current operator.",
        stage_rejected: "Afvist af det nuværende selskab." | "Rejected by the current operator.",
        stage_completed: "Nummeret er flyttet." | "The number has moved.",
        stage_cancelled: "Annulleret." | "Cancelled.",
    }
}
