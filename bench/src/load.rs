//! Running work at a fixed concurrency and summing it up.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What a run did: how many, how fast, how long each took.
#[derive(Clone, Debug)]
pub struct Stats {
    pub ok: usize,
    pub failed: usize,
    pub wall: Duration,
    pub p50: Duration,
    pub p99: Duration,
}

impl Stats {
    pub fn per_second(&self) -> f64 {
        self.ok as f64 / self.wall.as_secs_f64()
    }

    pub fn ms(d: Duration) -> String {
        format!("{:.2}", d.as_secs_f64() * 1000.0)
    }
}

/// Runs `job(i)` for `i` in `0..n`, `concurrency` at a time. A job answers
/// whether it did what it should.
pub async fn run<F, Fut>(n: usize, concurrency: usize, job: F) -> Stats
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = bool> + Send,
{
    let job = Arc::new(job);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|_| {
            let (job, next) = (job.clone(), next.clone());
            tokio::spawn(async move {
                let mut times = Vec::new();
                let mut failed = 0;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let t = Instant::now();
                    if job(i).await {
                        times.push(t.elapsed());
                    } else {
                        failed += 1;
                    }
                }
                (times, failed)
            })
        })
        .collect();
    let mut times = Vec::with_capacity(n);
    let mut failed = 0;
    for w in workers {
        let (t, f) = w.await.expect("worker");
        times.extend(t);
        failed += f;
    }
    let wall = started.elapsed();
    times.sort();
    let at = |q: f64| {
        times
            .get(((times.len() as f64 * q).ceil() as usize).saturating_sub(1))
            .copied()
            .unwrap_or_default()
    };
    Stats {
        ok: times.len(),
        failed,
        wall,
        p50: at(0.50),
        p99: at(0.99),
    }
}
