//! Every word a person reads, in Danish and English: one catalogue struct
//! per part of the UI, with one constant per language (`DA`, `EN`). The
//! catalogues are written with [`catalogue!`], each text's Danish and
//! English side by side, so a missing translation does not compile. Texts
//! with values name them in braces (`{number}`), filled by [`fill`]; a
//! test checks that both languages name the same ones.
//!
//! The language of a page: the visitor's choice (the `mvno_lang` cookie,
//! set by the switch on every page and, for a signed-in user, remembered on
//! the login), else the browser's `Accept-Language`, else Danish. The server
//! writes it into `<html lang>`; the browser reads it from there.

/// Declares a catalogue: the struct of its texts, and its `DA` and `EN`
/// constants, from `name: "dansk" | "English",` lines.
macro_rules! catalogue {
    ($(#[$meta:meta])* $name:ident { $($field:ident: $da:literal | $en:literal,)* }) => {
        $(#[$meta])*
        pub struct $name {
            $(pub $field: &'static str,)*
        }

        pub const DA: $name = $name { $($field: $da,)* };
        pub const EN: $name = $name { $($field: $en,)* };

        impl $name {
            /// Every text: its name, Danish and English.
            #[allow(dead_code)]
            pub fn all() -> Vec<(&'static str, &'static str, &'static str)> {
                vec![$((stringify!($field), $da, $en),)*]
            }
        }
    };
}

pub mod account;
pub mod chrome;
pub mod errors;
pub mod format;
pub mod signup;
pub mod wizard;
pub mod words;

pub use chrome::Texts;

/// Languages of the UI.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// The default: the portal is for Danish users.
    #[default]
    Da,
    En,
}

/// The cookie that keeps a visitor's choice of language.
pub const LANG_COOKIE: &str = "mvno_lang";

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// The language's tag, as `<html lang>` and the cookie hold it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// The language named by its tag or a regional variant (`en-GB`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's name in itself, as the switch shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Da => "Dansk",
            Lang::En => "English",
        }
    }

    /// The language the switch offers from this one.
    pub fn other(self) -> Lang {
        match self {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        }
    }
}

impl From<Lang> for mvno::enums::Language {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Da => mvno::enums::Language::Danish,
            Lang::En => mvno::enums::Language::English,
        }
    }
}

impl From<mvno::enums::Language> for Lang {
    fn from(language: mvno::enums::Language) -> Self {
        match language {
            mvno::enums::Language::Danish => Lang::Da,
            mvno::enums::Language::English => Lang::En,
        }
    }
}

/// The language a request asks for (see [`negotiate`]), from its headers.
#[cfg(feature = "ssr")]
pub fn of_request(headers: &axum::http::HeaderMap) -> Lang {
    let chosen = crate::api::ssr::cookie_in(headers, LANG_COOKIE);
    let accepted = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    negotiate(chosen.as_deref(), accepted)
}

/// The language of a request: the cookie's choice, else the best of
/// `Accept-Language` that the portal speaks, else Danish.
pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
    if let Some(lang) = cookie.and_then(Lang::from_code) {
        return lang;
    }
    let mut best: Option<(f32, Lang)> = None;
    for part in accept_language.unwrap_or("").split(',') {
        let mut bits = part.split(';');
        let Some(lang) = bits.next().and_then(Lang::from_code) else {
            continue;
        };
        let q = bits
            .filter_map(|b| b.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
            best = Some((q, lang));
        }
    }
    best.map(|(_, l)| l).unwrap_or_default()
}

/// The language of the page being rendered: on the server the request's;
/// in the browser the page's `<html lang>` (the server chose it; a move to
/// another page without a reload may change it).
pub fn lang() -> Lang {
    #[cfg(feature = "hydrate")]
    {
        leptos::prelude::document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| Lang::from_code(&l))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        leptos::prelude::use_context::<Lang>().unwrap_or_default()
    }
}

/// The frame's words in the page's language.
pub fn t() -> &'static Texts {
    match lang() {
        Lang::Da => &chrome::DA,
        Lang::En => &chrome::EN,
    }
}

/// The wizard's words in the page's language.
pub fn tw() -> &'static wizard::Wizard {
    match lang() {
        Lang::Da => &wizard::DA,
        Lang::En => &wizard::EN,
    }
}

/// The account page's words in the page's language.
pub fn ta() -> &'static account::Account {
    match lang() {
        Lang::Da => &account::DA,
        Lang::En => &account::EN,
    }
}

/// The signup's words in the page's language.
pub fn ts() -> &'static signup::Signup {
    match lang() {
        Lang::Da => &signup::DA,
        Lang::En => &signup::EN,
    }
}

/// The words of errors in the page's language.
pub fn te() -> &'static errors::Errors {
    match lang() {
        Lang::Da => &errors::DA,
        Lang::En => &errors::EN,
    }
}

/// A text with its `{name}`s replaced by their values.
pub fn fill<V: AsRef<str>>(text: &str, values: &[(&str, V)]) -> String {
    let mut out = text.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value.as_ref());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}`s a text has.
    fn names_in(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(n, _)| n))
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn both_languages_have_every_text_with_the_same_values() {
        let all = [
            chrome::Texts::all(),
            wizard::Wizard::all(),
            account::Account::all(),
            signup::Signup::all(),
            errors::Errors::all(),
        ]
        .concat();
        assert!(all.len() > 100, "{} texts", all.len());
        for (name, da, en) in all {
            assert!(
                !da.trim().is_empty() && !en.trim().is_empty(),
                "{name} is empty"
            );
            assert_eq!(names_in(da), names_in(en), "{name} names other values");
        }
    }

    #[test]
    fn values_are_filled_in() {
        assert_eq!(
            fill("{n} af {total}", &[("n", "3"), ("total", "7")]),
            "3 af 7"
        );
    }

    #[test]
    fn the_cookie_then_the_browser_then_danish_choose() {
        assert_eq!(negotiate(None, None), Lang::Da);
        assert_eq!(negotiate(None, Some("")), Lang::Da);
        assert_eq!(negotiate(None, Some("en-GB,en;q=0.9")), Lang::En);
        assert_eq!(negotiate(None, Some("de-DE,en;q=0.5,da;q=0.8")), Lang::Da);
        assert_eq!(negotiate(None, Some("de, fr;q=0.9")), Lang::Da);
        assert_eq!(negotiate(None, Some("en;q=0, da;q=0.1")), Lang::Da);
        assert_eq!(negotiate(None, Some("EN-us")), Lang::En);
        assert_eq!(negotiate(Some("en"), Some("da")), Lang::En);
        assert_eq!(negotiate(Some("da"), Some("en")), Lang::Da);
        // A cookie naming no language of ours is no choice.
        assert_eq!(negotiate(Some("xx"), Some("en")), Lang::En);
    }
}
