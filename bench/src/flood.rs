//! An authenticated read while clients flood the sign-in: password hashing
//! runs on its own bounded threads, so the read should stay near its idle
//! time. The server runs without per-client rate limits here, so that every
//! sign-in reaches the hashing.

use crate::load::{self, Stats};
use serde_json::json;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The read measured: one customer list page of a reseller.
async fn reads(base: &str, token: &str, n: usize) -> anyhow::Result<Stats> {
    let client = reqwest::Client::new();
    let url = format!("{base}/api/customers?limit=10");
    let token = token.to_string();
    Ok(load::run(n, 2, move |_| {
        let (client, url, token) = (client.clone(), url.clone(), token.clone());
        async move {
            match client.get(&url).bearer_auth(&token).send().await {
                Ok(r) if r.status() == 200 => r.bytes().await.is_ok(),
                _ => false,
            }
        }
    })
    .await)
}

/// What the flood measured.
pub struct Flood {
    pub idle: Stats,
    pub flooded: Stats,
    pub clients: usize,
    pub sign_ins_per_second: f64,
}

/// Reads on an idle server, then the same reads while `clients` clients
/// sign in with unknown usernames as fast as they are answered (each
/// sign-in costs one password hash).
pub async fn measure(base: &str, clients: usize, reads_n: usize) -> anyhow::Result<Flood> {
    let client = reqwest::Client::new();
    let token = crate::reseller_token(&client, base).await?;
    reads(base, &token, reads_n / 10).await?;
    let idle = reads(base, &token, reads_n).await?;

    let stop = Arc::new(AtomicBool::new(false));
    let answered = Arc::new(AtomicUsize::new(0));
    let flooders: Vec<_> = (0..clients)
        .map(|c| {
            let (client, stop, answered) = (client.clone(), stop.clone(), answered.clone());
            let url = format!("{base}/api/auth/login");
            tokio::spawn(async move {
                let mut i = 0usize;
                while !stop.load(Ordering::Relaxed) {
                    let body = json!({"username": format!("flood-{c}-{i}@example.dk"), "password": "not-the-password"});
                    if let Ok(r) = client.post(&url).json(&body).send().await {
                        let _ = r.bytes().await;
                        answered.fetch_add(1, Ordering::Relaxed);
                    }
                    i += 1;
                }
            })
        })
        .collect();
    // Let the flood build up its queue before measuring.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let before = answered.load(Ordering::Relaxed);
    let flooded = reads(base, &token, reads_n).await?;
    let during = answered.load(Ordering::Relaxed) - before;
    stop.store(true, Ordering::Relaxed);
    for f in flooders {
        let _ = f.await;
    }
    Ok(Flood {
        sign_ins_per_second: during as f64 / flooded.wall.as_secs_f64(),
        idle,
        flooded,
        clients,
    })
}
