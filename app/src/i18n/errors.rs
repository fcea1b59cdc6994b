//! Problems in words, with what to do next: the wizard's own checks, and
//! every error the create and the number check can answer (the rows of
//! `docs/conformance.md`), which the REST API keeps in the specification's
//! English. [`api_error`] maps an error to its text here.

use mvno::ApiError;

catalogue! {
    /// The texts of problems.
    Errors {
        choose_customer: "Vælg den kunde, abonnementet er til."
            | "Choose the customer the subscription is for.",
        customer_blocked: "{name} er spærret, så der kan ikke oprettes nye abonnementer til den. \
                           Bed operatøren om at ophæve spærringen, eller vælg en anden kunde."
            | "{name} is blocked, so no new subscription can be made for it. Ask the operator \
               to lift the block, or choose another customer.",
        choose_mode: "Vælg, om du vil have et nyt nummer eller beholde et nummer."
            | "Choose whether to get a new number or keep a number.",
        enter_keep: "Skriv det nummer, der skal beholdes." | "Enter the number to keep.",
        choose_number: "Vælg et nummer." | "Choose a number.",
        not_e164: "Skriv et dansk mobilnummer på 8 cifre, fx 20 12 34 56."
            | "Enter a Danish mobile number of 8 digits, like 20 12 34 56.",
        not_danish_mobile: "Det er ikke et dansk mobilnummer. Tjek nummeret."
            | "This is not a Danish mobile number. Check the number.",
        number_in_use: "{number} bruges allerede på et abonnement. Tjek nummeret, eller vælg \
                        Få et nyt nummer."
            | "{number} is already in use on a subscription. Check the number, or choose Get a \
               new number.",
        number_being_ported: "{number} er allerede ved at blive flyttet til et abonnement. Tjek \
                              nummeret, eller vælg Få et nyt nummer."
            | "{number} is already being moved to a subscription. Check the number, or choose \
               Get a new number.",
        number_unusable: "{number} kan ikke bruges. Tjek nummeret, eller vælg Få et nyt nummer."
            | "{number} cannot be used. Check the number, or choose Get a new number.",
        icc_empty: "Skriv SIM-kortets ICC-nummer." | "Enter the SIM card's ICC number.",
        icc_digits: "ICC-nummeret består kun af cifre." | "The ICC number has only digits.",
        icc_length: "ICC-nummeret har {min} til {max} cifre." | "The ICC number has {min} to {max} digits.",
        icc_prefix: "ICC-nummeret starter med 89." | "The ICC number starts with 89.",
        icc_rule: "{min} til {max} cifre, der starter med 89"
            | "{min} to {max} digits starting with 89",
        icc_check_digit: "Kontrolcifferet passer ikke. Tjek nummeret."
            | "The check digit does not match. Please check the number.",
        icc_check_again: "Kontrolcifferet passer ikke. Tjek nummeret; er det rigtigt, så tryk \
                          Fortsæt igen."
            | "The check digit does not match. Please check the number; if it is right, press \
               Continue again.",
        sharing_prefix: "Datadelings-SIM {i}: {problem}" | "Data-sharing SIM {i}: {problem}",
        choose_network: "Vælg net." | "Choose the network.",
        choose_sim: "Vælg slags SIM-kort." | "Choose the kind of SIM card.",
        choose_plan: "Vælg et abonnement." | "Choose a rate plan.",
        vmpin: "Pinkoden til telefonsvareren er 4 til 10 cifre."
            | "The voicemail PIN is 4 to 10 digits.",
        email: "Skriv en e-mailadresse som navn@eksempel.dk."
            | "Enter an e-mail address like navn@eksempel.dk.",
        date_format: "Skriv datoen som dd-mm-åååå, fx 1-12-2026."
            | "Enter the date as dd-mm-yyyy, like 1-12-2026.",
        pdate_too_early: "Flyttedatoen skal være en hverdag fra {date}. Vælg en senere dag."
            | "The porting date must be a working day from {date}. Choose a later day.",
        pdate_not_working_day: "Flyttedatoen skal være en dansk hverdag (ikke weekend eller \
                                helligdag). Vælg en anden dag."
            | "The porting date must be a Danish working day (not a weekend or public \
               holiday). Choose another day.",
        pbx_range: "PBX-klyngen er et tal fra 1 til 999." | "The PBX cluster is a number from 1 to 999.",
        pbx_number: "PBX-klyngen er et tal." | "The PBX cluster is a number.",
        custom_large: "Egne data må højst fylde 4 KB. Gør dem kortere."
            | "Custom data can be at most 4 KB; shorten it.",
        custom_object: "Egne data skal være et JSON-objekt, fx {\"ref\": \"A-17\"}."
            | "Custom data must be a JSON object, like {\"ref\": \"A-17\"}.",
        pdate_later: "Flyttedatoen er for tidlig. Vælg en senere hverdag."
            | "The porting date is too early. Choose a later working day.",
        start_past: "Startdatoen skal være i dag eller senere." | "The start date must be today or later.",

        api_bad_request: "Bestillingen var tom. Udfyld guiden igen."
            | "The order was empty. Fill in the wizard again.",
        api_access: "Din adgang tillader ikke dette. Spørg en administrator i din virksomhed."
            | "Your access does not allow this. Ask an administrator of your company.",
        api_number_authorise: "Du kan ikke give lov til at flytte dette nummer. Kunden skal selv \
                               bekræfte med MitID, eller vælg Få et nyt nummer."
            | "You cannot authorise moving this number. The customer must confirm with MitID \
               themselves, or choose Get a new number.",
        api_customer_blocked: "Kunden er spærret. Bed operatøren om at ophæve spærringen, eller \
                               vælg en anden kunde."
            | "The customer is blocked. Ask the operator to lift the block, or choose another \
               customer.",
        api_invoicing: "Abonnementet kan ikke faktureres for næste periode. Vælg et andet \
                        abonnement."
            | "The rate plan cannot be invoiced for the next period. Choose another plan.",
        api_number_not_found: "Nummeret findes ikke. Tjek nummeret." | "The number does not exist. Check the number.",
        api_donor_missing: "Skriv ICC-nummeret på det SIM-kort, der bruges i dag."
            | "Enter the ICC number of the SIM card used today.",
        api_customer_not_found: "Kunden findes ikke længere. Vælg en anden kunde."
            | "The customer no longer exists. Choose another customer.",
        api_plan: "Abonnementet findes ikke eller gælder ikke på startdatoen. Vælg et andet."
            | "The rate plan does not exist or is not valid on the start date. Choose another.",
        api_sip: "SIP-kontoen findes ikke hos kunden. Tjek id'et, eller lad feltet stå tomt."
            | "The SIP account is not the customer's. Check the id, or leave it empty.",
        api_sim_not_found: "SIM-kortet findes ikke på jeres lager. Tjek ICC-nummeret."
            | "The SIM card is not in your stock. Check the ICC number.",
        api_sim_missing: "Vælg slags SIM-kort." | "Choose the kind of SIM card.",
        api_no_auto: "Der er ingen SIM-kort til at sende på det net lige nu. Vælg eSIM eller et \
                      andet net."
            | "There are no SIM cards to send on that network right now. Choose eSIM or another \
               network.",
        api_no_esim: "Der er ingen eSIM på lager lige nu. Vælg et SIM-kort, der sendes, eller \
                      prøv igen senere."
            | "There are no eSIMs in stock right now. Choose a SIM card sent by post, or try \
               again later.",
        api_number_range: "Nummeret hører til en nummerserie og kan ikke bruges alene. Vælg et \
                           andet nummer."
            | "The number belongs to a range and cannot be used alone. Choose another number.",
        api_number_in_use: "Nummeret bruges allerede på et abonnement. Vælg et andet nummer."
            | "The number is already in use on a subscription. Choose another number.",
        api_number_porting: "Nummeret er ved at blive flyttet til et andet abonnement. Vælg et \
                             andet nummer."
            | "The number is being moved to another subscription. Choose another number.",
        api_number_purchase: "Du må ikke tage dette nummer fra forhandlerens lager. Vælg et andet \
                              nummer."
            | "You may not take this number from the reseller's stock. Choose another number.",
        api_number_unavailable: "Nummeret er ikke ledigt. Vælg et andet nummer."
            | "The number is not available. Choose another number.",
        api_sim_taken: "SIM-kortet er allerede i brug. Vælg et andet kort."
            | "The SIM card is already in use. Choose another card.",
        api_sim_several: "Vælg kun én slags SIM-kort." | "Choose only one kind of SIM card.",
        api_row: "Roamingpakken kan ikke bruges med dette abonnement. Vælg en anden eller ingen."
            | "The roaming package cannot be used with this plan. Choose another or none.",
        api_billing: "Betaleren skal høre til abonnementets kunde. Vælg en anden eller ingen."
            | "The billing customer must belong to the subscription's customer. Choose another \
               or none.",
        api_number_invalid: "Skriv et dansk mobilnummer på 8 cifre."
            | "Enter a Danish mobile number of 8 digits.",
        api_services: "En af tjenesterne kan ikke bruges. Vælg abonnementet igen."
            | "One of the services cannot be used. Choose the plan again.",
        api_donor_invalid: "ICC-nummeret på det SIM-kort, der bruges i dag, er ikke gyldigt. Tjek \
                            nummeret på kortet."
            | "The ICC number of the SIM card used today is not valid. Check the number on the \
               card.",
        api_soc: "En af de valgte koder findes ikke. Tjek dem." | "One of the chosen codes does not exist. Check them.",
        api_extension: "Lokalnummeret findes ikke på den PBX eller er optaget. Tjek id'et."
            | "The extension does not exist on that PBX or is taken. Check the id.",
        api_sharing_taken: "Et datadelings-SIM-kort er ikke ledigt. Vælg et andet eller eSIM."
            | "A data-sharing SIM card is not available. Choose another or eSIM.",
        api_sharing_network: "Datadelings-SIM-kort kræver, at abonnementet er på TDC. Vælg TDC."
            | "Data-sharing SIM cards need the subscription on TDC. Choose TDC.",
        api_sharing_number: "Der er ingen ledige numre til datadelings-SIM-kortet. Prøv igen \
                             senere."
            | "There are no free numbers for the data-sharing SIM card. Try again later.",
        api_sharing_count: "Højst 3 datadelings-SIM-kort." | "At most 3 data-sharing SIM cards.",
        api_mitid: "Din MitID-bekræftelse er udløbet. Bekræft igen."
            | "Your MitID confirmation has expired. Confirm again.",
        api_network: "Vælg TDC eller Telenor." | "Choose TDC or Telenor.",
        api_text: "Et af felterne indeholder et tegn, der ikke kan bruges. Ret teksten."
            | "One of the fields holds a character that cannot be used. Correct the text.",
        api_draft_too_long: "Noterne og de egne data er for lange tilsammen (højst 32 KB). Gør \
                             dem kortere."
            | "The notes and custom data are too long together (at most 32 KB). Shorten them.",
        api_operator: "Vi kan ikke finde nummerets nuværende selskab lige nu. Prøv igen senere."
            | "We cannot find the number's current operator right now. Try again later.",
        api_delete_date: "Slutdatoen skal ligge efter startdatoen. Ret en af datoerne."
            | "The end date must be after the start date. Correct one of the dates.",
        api_payment: "Vælg betalingsform: ingen, købt eller lejet."
            | "Choose how it is paid: none, bought or rented.",
        delivery_missing: "Skriv den adresse, SIM-kortet skal sendes til, eller vælg eSIM."
            | "Enter the address to send the SIM card to, or choose eSIM.",
        api_busy: "Bestillingen bliver allerede behandlet. Vent lidt og se listen over \
                   abonnementer."
            | "The order is already being processed. Wait a moment and look at the list of \
               subscriptions.",
        api_internal: "Noget gik galt hos os. Prøv igen om lidt."
            | "Something went wrong on our side. Please try again shortly.",
        api_other: "Svaret kunne ikke bruges. Tjek svarene og prøv igen."
            | "The answer could not be used. Check your answers and try again.",
    }
}

/// An error of the create or the number check in words of the page's
/// language, with what to do: by its code and path, and by its message
/// where one code and path has several (the specification's fixed texts).
pub fn api_error(e: &ApiError) -> &'static str {
    let t = super::te();
    // The path without element indexes: `dataSharingSims[1].simNumber`.
    let path = mvno::account::without_indices(e.path.as_deref().unwrap_or(e.code.as_str()));
    let msg = e.message.as_str();
    match (e.status, e.code.as_str(), path.as_str()) {
        (400, "bad_request", _) => t.api_bad_request,
        (403, "access_denied", _) => t.api_access,
        (403, "number", _) => t.api_number_authorise,
        (403, "customer", _) => t.api_customer_blocked,
        (404, "not_found", _) => t.api_invoicing,
        (404, "number", _) => t.api_number_not_found,
        (404, "donorSimNumber", _) => t.api_donor_missing,
        (404, "customer", _) => t.api_customer_not_found,
        (404, "ratePlan" | "newRatePlan", _) => t.api_plan,
        (404, "sipAccount", _) => t.api_sip,
        (404, "mvnoSim", _) => t.api_sim_not_found,
        (404, "sim", _) => t.api_sim_missing,
        (404, "autoAssignSim", _) => t.api_no_auto,
        (404, "esim", _) => t.api_no_esim,
        (409, "number", _) if msg.contains("range") => t.api_number_range,
        (409, "number", _) if msg.contains("in use") => t.api_number_in_use,
        (409, "number", _) if msg.contains("being ported") => t.api_number_porting,
        (409, "number", _) if msg.contains("purchase") => t.api_number_purchase,
        (409, "number", _) => t.api_number_unavailable,
        (409, "mvnoSim", _) if msg.starts_with("Only") => t.api_sim_several,
        (409, "mvnoSim", _) => t.api_sim_taken,
        (409, _, "restOfWorldRoaming.productId") => t.api_row,
        (422, "billingCustomer", _) => t.api_billing,
        (422, _, _) if msg.contains("NUL character") => t.api_text,
        (422, "notes", _) if msg.contains("too long") => t.api_draft_too_long,
        (422, "number", _) => t.api_number_invalid,
        (422, "custom", _) if msg.contains("large") => t.custom_large,
        (422, "custom", _) => t.custom_object,
        (422, "mvnoSim", _) => t.api_sim_not_found,
        (422, "services", _) => t.api_services,
        (422, "donorSimNumber", _) => t.api_donor_invalid,
        (422, "pbx", _) => t.pbx_range,
        (422, "socsOverride", _) => t.api_soc,
        (422, "startDate", _) => t.start_past,
        (404 | 409, "extension", _) => t.api_extension,
        (404 | 409, _, "dataSharingSims.simNumber") => t.api_sharing_taken,
        (409, _, "dataSharingSims.network") => t.api_sharing_network,
        (404, _, "dataSharingSims.number") => t.api_sharing_number,
        (422, _, "dataSharingSims") => t.api_sharing_count,
        (422, _, p) if p.starts_with("dataSharingSims") => t.api_sharing_taken,
        (422, "mitId", _) => t.api_mitid,
        (422, _, "deliveryAddress") => t.delivery_missing,
        (422, _, "deleteDate") => t.api_delete_date,
        (422, _, p) if p.starts_with("purchaseInfo") => t.api_payment,
        (422, _, "requestedPortingDate") if msg.contains("no earlier") => t.pdate_later,
        (422, _, "requestedPortingDate") => t.pdate_not_working_day,
        (422, _, p) if p.starts_with("voicemail.email") => t.email,
        (422, _, p) if p.starts_with("voicemail") => t.vmpin,
        (422, _, "esim" | "nosim" | "autoAssignSim") => t.api_network,
        (409 | 422, _, "Idempotency-Key") => t.api_busy,
        (500, "number", _) => t.api_operator,
        (500, _, _) | (503, _, _) => t.api_internal,
        _ => t.api_other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The errors of `docs/conformance.md`'s tables: (status, code, path,
    /// message) of each row.
    fn conformance_rows() -> Vec<(u16, String, Option<String>, String)> {
        let doc = include_str!("../../../docs/conformance.md");
        let mut rows = Vec::new();
        for line in doc.lines() {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let Some(status) = cells.get(1).and_then(|s| s.parse::<u16>().ok()) else {
                continue;
            };
            let (code_cell, message) = (cells[2], cells[3].replace('\\', ""));
            if code_cell.starts_with("`<") {
                continue; // any property: checked below with its message
            }
            // "access_denied, path `notes` / `purchaseInfo`", "voicemail.pin / …"
            let (code, path) = match code_cell.split_once(", path ") {
                Some((code, paths)) => (code, paths.split('/').next()),
                None => (code_cell.split('/').next().unwrap_or(code_cell), None),
            };
            let clean = |s: &str| s.trim().trim_matches('`').to_string();
            rows.push((status, clean(code), path.map(clean), message));
        }
        rows
    }

    #[test]
    fn every_error_the_portal_can_receive_has_words_with_what_to_do() {
        let rows = conformance_rows();
        assert!(rows.len() > 50, "{} rows read", rows.len());
        for (status, code, path, message) in rows {
            let mut e = ApiError::new(status, &code, message.clone());
            e.path = path.clone().or_else(|| Some(code.clone()));
            let words = api_error(&e);
            assert_ne!(
                words, DA.api_other,
                "{status} {code} {path:?} {message:?} has no words of its own"
            );
        }
        let nul = ApiError::new(422, "notes", "Text may not contain the NUL character");
        assert_eq!(api_error(&nul), DA.api_text);
    }

    #[test]
    fn errors_of_one_code_and_path_are_told_apart_by_their_message() {
        let e = |m: &str| api_error(&ApiError::new(409, "number", m));
        assert_eq!(
            e("Number is in use on another account"),
            DA.api_number_in_use
        );
        assert_eq!(
            e("Number is being ported to another account"),
            DA.api_number_porting
        );
        assert_eq!(e("The number is part of a range"), DA.api_number_range);
        let mut indexed = ApiError::new(
            409,
            "dataSharingSims.simNumber",
            "SIM card is not available",
        );
        indexed.path = Some("dataSharingSims[1].simNumber".into());
        assert_eq!(api_error(&indexed), DA.api_sharing_taken);
    }
}
