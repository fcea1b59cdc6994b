//! The e-mails the server sends: a signup's confirmation link, or the note
//! that the address has a login already. Worded here, in Danish (the
//! signup's language), and delivered by `lettre`: as `.eml` files into a
//! pickup folder (`--mail-dir`, for a mail system that collects them, and
//! for the demo and the tests), or by plain SMTP to a relay on a trusted
//! network (`--smtp-relay host:port`, typically the host's own MTA, which
//! does TLS onwards). Without either, signup is closed: a link it cannot
//! send would leave people waiting.

use app::i18n::Lang;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use mvno::services::signup::{SignupMail, LINK_HOURS};
use std::path::PathBuf;

/// Where the server's e-mails go.
#[derive(Clone, Debug, Default)]
pub enum MailTransport {
    /// Nowhere: signup is closed.
    #[default]
    None,
    /// `.eml` files in this folder.
    Folder(PathBuf),
    /// Plain SMTP to this relay (`host:port`).
    SmtpRelay(String),
}

/// Sends the server's e-mails.
#[derive(Clone, Debug)]
pub struct Mailer {
    transport: MailTransport,
    from: Mailbox,
    /// The site's address as people reach it (links in e-mails start with
    /// it), without a trailing slash. Configured, never taken from a
    /// request's `Host`, so a request cannot make a link point elsewhere.
    public_url: String,
}

/// The sender when none is configured.
pub const DEFAULT_FROM: &str = "Nordlys Telecom <kundeservice@nordlys.example>";

/// Why an e-mail was not sent.
#[derive(Debug)]
pub struct MailError(pub String);

impl std::fmt::Display for MailError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Default for Mailer {
    fn default() -> Self {
        Mailer::new(MailTransport::None, DEFAULT_FROM, "http://localhost:3000")
            .expect("the default sender parses")
    }
}

impl Mailer {
    /// A mailer sending from `from` (`Name <address>`) with links under
    /// `public_url`.
    pub fn new(transport: MailTransport, from: &str, public_url: &str) -> Result<Self, MailError> {
        let from = from
            .parse()
            .map_err(|e| MailError(format!("sender {from:?}: {e}")))?;
        Ok(Mailer {
            transport,
            from,
            public_url: public_url.trim_end_matches('/').to_string(),
        })
    }

    /// Whether e-mails can be sent at all.
    pub fn can_send(&self) -> bool {
        !matches!(self.transport, MailTransport::None)
    }

    /// Sends what a signup asks for (nothing for [`SignupMail::Nothing`]),
    /// in the language the signup's page spoke.
    pub async fn send_signup(&self, mail: &SignupMail, lang: Lang) -> Result<(), MailError> {
        let (to, subject, text) = match mail {
            SignupMail::Nothing => return Ok(()),
            SignupMail::Confirm { to, name, token } => (
                to,
                match lang {
                    Lang::Da => "Bekræft din e-mailadresse",
                    Lang::En => "Confirm your e-mail address",
                },
                confirm_text(
                    lang,
                    name,
                    &format!("{}/signup/confirm?token={token}", self.public_url),
                ),
            ),
            SignupMail::AlreadyRegistered { to } => (
                to,
                match lang {
                    Lang::Da => "Du har allerede et login",
                    Lang::En => "You already have a login",
                },
                registered_text(lang, &format!("{}/login", self.public_url)),
            ),
        };
        let to: Mailbox = to
            .parse()
            .map_err(|e| MailError(format!("recipient: {e}")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .singlepart(
                // lettre picks the transfer encoding (quoted-printable for
                // Danish text with a link longer than a mail line).
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .body(text),
            )
            .map_err(|e| MailError(format!("building the e-mail: {e}")))?;
        match &self.transport {
            MailTransport::None => Err(MailError("no mail transport is configured".into())),
            MailTransport::Folder(dir) => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| MailError(format!("mail folder {}: {e}", dir.display())))?;
                AsyncFileTransport::<Tokio1Executor>::new(dir)
                    .send(message)
                    .await
                    .map(drop)
                    .map_err(|e| MailError(format!("writing the e-mail: {e}")))
            }
            MailTransport::SmtpRelay(relay) => {
                let (host, port) = relay
                    .rsplit_once(':')
                    .and_then(|(h, p)| Some((h, p.parse::<u16>().ok()?)))
                    .unwrap_or((relay.as_str(), 25));
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
                    .port(port)
                    .build()
                    .send(message)
                    .await
                    .map(drop)
                    .map_err(|e| MailError(format!("sending to {relay}: {e}")))
            }
        }
    }
}

fn confirm_text(lang: Lang, name: &str, link: &str) -> String {
    if lang == Lang::En {
        return format!(
            "Hello {name}\n\n\
             Thank you for wanting to be our customer. Open the link below to confirm \
             your e-mail address and create your login:\n\n\
             {link}\n\n\
             The link works for {LINK_HOURS} hours and only once.\n\n\
             If you did not ask for this, you can ignore this e-mail; nothing is \
             created.\n"
        );
    }
    format!(
        "Hej {name}\n\n\
         Tak fordi du vil være kunde hos os. Åbn linket herunder for at bekræfte \
         din e-mailadresse og oprette dit login:\n\n\
         {link}\n\n\
         Linket virker i {LINK_HOURS} timer og kun én gang.\n\n\
         Har du ikke bedt om det, kan du se bort fra denne e-mail; der bliver \
         ikke oprettet noget.\n"
    )
}

fn registered_text(lang: Lang, login: &str) -> String {
    if lang == Lang::En {
        return format!(
            "Hello\n\n\
             Someone (perhaps you) tried to create a login with this e-mail \
             address, but you already have a login with us. Sign in here:\n\n\
             {login}\n\n\
             If you have forgotten your password, contact our customer service.\n\n\
             If you did not try to sign up, you can ignore this e-mail; nothing \
             has changed.\n"
        );
    }
    format!(
        "Hej\n\n\
         Nogen (måske dig) har prøvet at oprette et login med denne \
         e-mailadresse, men du har allerede et login hos os. Log ind her:\n\n\
         {login}\n\n\
         Har du glemt din adgangskode, så kontakt vores kundeservice.\n\n\
         Har du ikke prøvet at oprette dig, kan du se bort fra denne e-mail; \
         der er ikke ændret noget.\n"
    )
}
