//! Reading time on hostile text, per doubling: each shape of text that once
//! cost far more than its length (nested quotes of every kind, runs of cues
//! with no sentence end, sourcing sentences among plain ones, …) is read at
//! n, 2n, 4n and 8n bytes (n from 128 KB, larger for shapes read fast: see
//! `main`), and the time of each size is divided by the time of the size
//! before.
//!
//!     cargo bench --bench hostile [-- WORD]
//!
//! WORD reads only the shapes whose name holds it ("quote", "sourcing").
//!
//! Exits with 1 when a ratio exceeds 2.3 (linear is 2). Each size is read
//! several times (see [`best_reads`]), and the fastest read counts, in
//! the thread's CPU time where Linux gives it (a shared machine's other
//! processes then do not count), else in wall time. The property tests in
//! `tests/robustness.rs` check the same shapes' counts, not their time.
use std::sync::atomic::Ordering;
use std::time::Instant;

/// The allocator of the `claimdb` binary (see `src/main.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Largest time ratio allowed from one size to twice that size.
const MAX_RATIO: f64 = 2.3;

/// Shortest read of the smallest size measured (see `main`).
const MIN_SECS: f64 = 0.03;

#[path = "../tests/common/hostile.rs"]
mod hostile;

use hostile::{fill, hostile_shapes, Piece, NAMES_FROM};

/// The shapes, named: those of `tests/common/hostile.rs`, and an article
/// mixing them.
fn shapes() -> Vec<(&'static str, Piece)> {
    let mut all = hostile_shapes();
    all.push(("a mixed article", |i| {
        // Paragraphs of 16 KB, each of one shape in turn.
        let all = hostile_shapes();
        let (shape, k) = (all[(i / 400) % all.len()].1, i % 400);
        let piece = shape(i);
        if k == 0 {
            format!("\n{piece}")
        } else {
            piece
        }
    }));
    all
}

/// A title and `shape`'s pieces, at least `bytes` long.
fn text(shape: Piece, bytes: usize) -> String {
    let mut text = String::from("Hostile\n\n");
    fill(&mut text, shape, bytes);
    text
}

/// CPU time of the calling thread in seconds (Linux only).
fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_ascii_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// Seconds one read of `text` takes, and the claims it finds.
fn read_once(text: &str) -> (f64, usize) {
    let (cpu, wall) = (thread_cpu_secs(), Instant::now());
    let claims = claimdb::reading::read_article(text, &Default::default())
        .claims
        .len();
    let secs = match (cpu, thread_cpu_secs()) {
        (Some(a), Some(b)) => b - a,
        _ => wall.elapsed().as_secs_f64(),
    };
    (secs, claims)
}

/// The fastest read of `shape` at each size (its length, seconds, claims).
/// The sizes are read in rounds, one read of each a round, so that a burst
/// of load on a shared machine slows all sizes alike rather than one; at
/// least 5 rounds, and until the largest size has been read for 1 s. Each
/// read is of a text made for it, with new names (see [`NAMES_FROM`]).
fn best_reads(shape: Piece, sizes: &[usize]) -> Vec<(usize, f64, usize)> {
    let mut best = vec![(0, f64::INFINITY, 0); sizes.len()];
    let (mut rounds, mut spent) = (0, 0.0);
    while rounds < 5 || spent < 1.0 {
        for (&bytes, best) in sizes.iter().zip(&mut best) {
            NAMES_FROM.fetch_add(1_000_000, Ordering::Relaxed);
            let text = text(shape, bytes);
            let (secs, claims) = read_once(&text);
            *best = (text.len(), best.1.min(secs), claims);
        }
        spent += best.last().map_or(0.0, |b| b.1);
        rounds += 1;
    }
    best
}

fn main() {
    claimdb::pos::tagger();
    claimdb::syntax::parser();
    let mut worst: (f64, &str) = (0.0, "");
    // (cargo passes `--bench`; any other argument picks the shapes whose
    // name holds it.)
    let only = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let picked = shapes()
        .into_iter()
        .filter(|(name, _)| only.as_ref().is_none_or(|o| name.contains(o.as_str())));
    for (name, shape) in picked {
        println!("{name}:");
        // Reads of a few milliseconds measure the allocator and the caches
        // more than the reading: the smallest size is the first from 128 KB
        // (doubling, up to 1 MB) whose read takes `MIN_SECS`.
        let mut base = 128 * 1024;
        while base < 1024 * 1024 && read_once(&text(shape, base)).0 < MIN_SECS {
            base *= 2;
        }
        let sizes: Vec<usize> = (0..4).map(|k| base << k).collect();
        let mut previous: Option<f64> = None;
        for (len, secs, claims) in best_reads(shape, &sizes) {
            let ratio = previous.map(|p| secs / p.max(1e-9));
            println!(
                "  {:>5} KB  {:>8.3} s  {:>6.2} MB/s  {claims:>7} claims{}",
                len / 1024,
                secs,
                len as f64 / 1e6 / secs,
                ratio.map_or(String::new(), |r| format!("  x{r:.2}"))
            );
            if let Some(r) = ratio {
                if r > worst.0 {
                    worst = (r, name);
                }
            }
            previous = Some(secs);
        }
    }
    println!(
        "worst ratio per doubling: x{:.2} ({}); limit x{MAX_RATIO}",
        worst.0, worst.1
    );
    if worst.0 > MAX_RATIO {
        eprintln!("hostile bench: a doubling cost more than x{MAX_RATIO}");
        std::process::exit(1);
    }
}
