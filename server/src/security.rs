//! Defences around the routes: transport settings (HTTPS), security headers,
//! per-client rate limits and the bounded pool that hashes passwords.

/// What the operator tells the server about its surroundings and limits.
#[derive(Clone, Debug)]
pub struct SecuritySettings {
    /// The server is reached over HTTPS (directly or behind a proxy that
    /// terminates TLS): `Secure` and `__Host-` cookies, HSTS.
    pub https: bool,
}

impl Default for SecuritySettings {
    fn default() -> Self {
        SecuritySettings { https: false }
    }
}

/// The settings and the shared state of the defences.
#[derive(Debug)]
pub struct Security {
    pub settings: SecuritySettings,
}

impl Security {
    pub fn new(settings: SecuritySettings) -> Self {
        Security { settings }
    }
}
