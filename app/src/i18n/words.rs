//! The platform's states and kinds as words (`ACTIVE` is "Aktiv"/"Active");
//! the wire names stay behind "Technical details".

use super::Lang;
use mvno::access::AccessLevel;
use mvno::enums::{AccountState, CustomerKind, CustomerState, FormFactor};

/// Picks the word of the page's language.
fn pick(lang: Lang, da: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Da => da,
        Lang::En => en,
    }
}

pub fn account_state(lang: Lang, s: AccountState) -> &'static str {
    match s {
        AccountState::Creating => pick(lang, "Oprettes", "Being set up"),
        AccountState::Active => pick(lang, "Aktiv", "Active"),
        AccountState::Blocked => pick(lang, "Spærret", "Blocked"),
        AccountState::Deleting => pick(lang, "Opsiges", "Being closed"),
    }
}

pub fn customer_state(lang: Lang, s: CustomerState) -> &'static str {
    match s {
        CustomerState::Active => pick(lang, "Aktiv", "Active"),
        CustomerState::Blocked => pick(lang, "Spærret", "Blocked"),
        CustomerState::Deleted => pick(lang, "Slettet", "Deleted"),
    }
}

pub fn customer_kind(lang: Lang, k: CustomerKind) -> &'static str {
    match k {
        CustomerKind::Reseller => pick(lang, "Forhandler", "Reseller"),
        CustomerKind::Business => pick(lang, "Erhverv", "Business"),
        CustomerKind::Private => pick(lang, "Privat", "Private"),
    }
}

pub fn form_factor(lang: Lang, f: FormFactor) -> &'static str {
    match f {
        FormFactor::MiniMicro => pick(lang, "SIM-kort (mini/micro)", "SIM card (mini/micro)"),
        FormFactor::Nano => pick(lang, "SIM-kort (nano)", "SIM card (nano)"),
        FormFactor::MiniMicroNano => pick(
            lang,
            "SIM-kort (mini/micro/nano)",
            "SIM card (mini/micro/nano)",
        ),
        FormFactor::Esim => "eSIM",
    }
}

pub fn access_level(lang: Lang, a: AccessLevel) -> &'static str {
    match a {
        AccessLevel::Viewer => pick(lang, "Læseadgang", "Viewer"),
        AccessLevel::Manager => pick(lang, "Administrerer", "Manager"),
        AccessLevel::Owner => pick(lang, "Ejer", "Owner"),
        AccessLevel::Reseller => pick(lang, "Forhandler", "Reseller"),
        AccessLevel::ResellerAdmin => pick(lang, "Forhandleradministrator", "Reseller admin"),
        AccessLevel::Admin => pick(lang, "Operatøradministrator", "Operator admin"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_and_kind_has_a_word_in_each_language_and_no_code() {
        for lang in Lang::ALL {
            let words: Vec<&str> = AccountState::ALL
                .iter()
                .map(|s| account_state(lang, *s))
                .chain(CustomerState::ALL.iter().map(|s| customer_state(lang, *s)))
                .chain(CustomerKind::ALL.iter().map(|k| customer_kind(lang, *k)))
                .chain(AccessLevel::ALL.iter().map(|a| access_level(lang, *a)))
                .collect();
            for w in words {
                assert!(
                    !w.is_empty() && w.chars().any(|c| c.is_lowercase()),
                    "{w:?} reads as a code"
                );
            }
        }
    }
}
