//! Extraction throughput: the text pipeline alone (segment → extract →
//! resolve), no I/O and no database, on one core.
//!
//!     cargo bench --bench extract [-- DIR]
//!
//! DIR defaults to `../shared/data/polnear/train/text`; when that folder is
//! missing the seed article is used (too small to be a good measure, but it
//! runs). A DIR given that holds no texts is an error.
//! The embedded tagger and parser models are loaded before the clock starts
//! (once per process; their load time is printed apart).
use std::time::Instant;

/// The allocator of the `claimdb` binary (see `src/main.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // (cargo passes `--bench`; any other argument is the folder.)
    let given = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let dir = given
        .clone()
        .unwrap_or_else(|| "../shared/data/polnear/train/text".into());
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    // A folder named on the command line must hold texts: measuring the
    // seed instead would print figures for another workload.
    if texts.is_empty() && given.is_some() {
        eprintln!("extract bench: no texts in {dir}");
        std::process::exit(2);
    }
    if texts.is_empty() {
        eprintln!("no texts in {dir}; using the seed article");
        texts.push(include_str!("../seeds/iran-belarus-partnership.txt").to_string());
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let passes = (20_000_000 / bytes.max(1)).clamp(3, 2000);
    let load = Instant::now();
    claimdb::pos::tagger();
    claimdb::syntax::parser();
    println!(
        "models loaded in {:.3} s (tagger and parser, once per process)",
        load.elapsed().as_secs_f64()
    );
    let mut claims = 0;
    let cpu_start = thread_cpu_secs();
    let start = Instant::now();
    for _ in 0..passes {
        for t in &texts {
            claims += claimdb::reading::read_article(t, &Default::default())
                .claims
                .len();
        }
    }
    let secs = start.elapsed().as_secs_f64() / passes as f64;
    // On a shared machine wall time also counts other processes' turns; the
    // thread's CPU time does not (it still feels their use of the caches).
    let cpu = match (cpu_start, thread_cpu_secs()) {
        (Some(a), Some(b)) => format!(", {:.3} s CPU per pass", (b - a) / passes as f64),
        _ => String::new(),
    };
    println!(
        "extract: {} articles, {:.2} MB, {:.3} s per pass ({passes} passes), {:.1} MB/s, {:.0} articles/s, {} claims per pass{cpu}",
        texts.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        texts.len() as f64 / secs,
        claims / passes
    );
}

/// CPU time of the calling thread in seconds (Linux only).
fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_ascii_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}
