//! Import and query benchmarks (figures, not timed tests).
//!
//!     cargo bench --bench import [-- --mb 160] [--jobs N] [--keep DB] [--no-queries] [--queries DB]
//!
//! Import: writes a corpus of at least `--mb` megabytes of article text
//! (default 160) as JSON Lines files in a temporary folder — the PolNeAR
//! train texts of `../shared/data/polnear/train/text`, copied over and over
//! with the copy's number on the title line so that deduplication keeps every
//! copy — imports it with the library's parallel import into a fresh database
//! file and prints MB/s, articles/s, claims/s and the process's peak memory
//! (VmHWM). The bench holds the 4 MB of PolNeAR texts itself; the corpus is
//! written one line at a time.
//!
//! Queries: on that database (160 MB gives over a million claims), or on the
//! one given with `--queries DB` (then nothing is imported), runs each query
//! of the CLI up to 300 times with sampled parameters and prints p50 and p99
//! latency. Without `../shared` the bench says so and does nothing.
use claimdb::import::{import, ImportOptions};
use claimdb::input::{Articles, InputOptions};
use claimdb::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The allocator of the `claimdb` binary (see `src/main.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Samples per query.
const SAMPLES: usize = 300;

/// Topical words of the 2015–2016 US campaign news in PolNeAR, of varied
/// frequency, for the full-text search.
const SEARCH_TERMS: [&str; 16] = [
    "sanctions",
    "immigration",
    "debate",
    "email",
    "poll",
    "taxes",
    "refugees",
    "border",
    "Iowa",
    "convention",
    "Benghazi",
    "delegates",
    "Obamacare",
    "terrorism",
    "\"New Hampshire\"",
    "super PAC",
];

struct Args {
    mb: f64,
    jobs: usize,
    keep: Option<PathBuf>,
    queries: Option<PathBuf>,
    no_queries: bool,
}

fn args() -> Args {
    let mut out = Args {
        mb: 160.0,
        jobs: 0,
        keep: None,
        queries: None,
        no_queries: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--mb" => out.mb = it.next().and_then(|v| v.parse().ok()).expect("--mb N"),
            "--jobs" => out.jobs = it.next().and_then(|v| v.parse().ok()).expect("--jobs N"),
            "--keep" => out.keep = it.next().map(PathBuf::from),
            "--queries" => out.queries = it.next().map(PathBuf::from),
            "--no-queries" => out.no_queries = true,
            _ => {} // cargo passes --bench
        }
    }
    out
}

fn main() {
    let args = args();
    let db = match &args.queries {
        Some(db) => db.clone(),
        None => {
            let corpus =
                Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/polnear/train/text");
            let texts = read_texts(&corpus);
            if texts.is_empty() {
                println!(
                    "import bench skipped: no texts in {} (the PolNeAR texts are not part of the repository)",
                    corpus.display()
                );
                return;
            }
            let dir = tempfile::tempdir().expect("temporary folder");
            let db = args
                .keep
                .clone()
                .unwrap_or_else(|| dir.path().join("bench.db"));
            let _ = std::fs::remove_file(&db);
            let jsonl = dir.path().join("corpus");
            let bytes = write_corpus(&texts, &jsonl, args.mb);
            import_bench(&jsonl, &db, bytes, args.jobs);
            std::fs::remove_dir_all(&jsonl).expect("removing the corpus");
            if !args.no_queries {
                query_bench(&db);
            }
            if args.keep.is_none() {
                drop(dir);
            }
            return;
        }
    };
    query_bench(&db);
}

fn read_texts(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| Some(e.ok()?.path())).collect(),
        Err(_) => return Vec::new(),
    };
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Writes copies of the texts as JSON Lines files, one per copy, until `mb`
/// megabytes of article text are written; returns the bytes of text.
fn write_corpus(texts: &[String], dir: &Path, mb: f64) -> u64 {
    std::fs::create_dir_all(dir).expect("corpus folder");
    let mut bytes = 0u64;
    let mut copy = 0;
    while (bytes as f64) < mb * 1e6 {
        copy += 1;
        let file =
            std::fs::File::create(dir.join(format!("copy-{copy:04}.jsonl"))).expect("corpus file");
        let mut out = std::io::BufWriter::new(file);
        for text in texts {
            let (title, rest) = text.split_once('\n').unwrap_or((text, ""));
            let body = format!("{title} [{copy}]\n{rest}");
            bytes += body.len() as u64;
            serde_json::to_writer(&mut out, &serde_json::json!({ "body": body })).expect("write");
            out.write_all(b"\n").expect("write");
        }
        out.flush().expect("write");
    }
    bytes
}

fn import_bench(corpus: &Path, db: &Path, bytes: u64, jobs: usize) {
    let rss_before = vm_hwm_mb();
    let mut store = Store::open(db).expect("database");
    let (cpu_before, writer_before) = (
        cpu_seconds("/proc/self/stat"),
        cpu_seconds("/proc/thread-self/stat"),
    );
    let started = Instant::now();
    let summary = import(
        &mut store,
        Articles::new(&[corpus.to_path_buf()], InputOptions::default()),
        &ImportOptions {
            jobs,
            ..ImportOptions::default()
        },
        |_| {},
    )
    .expect("import");
    let secs = started.elapsed().as_secs_f64();
    let (cpu, writer_cpu) = (
        cpu_seconds("/proc/self/stat") - cpu_before,
        cpu_seconds("/proc/thread-self/stat") - writer_before,
    );
    assert_eq!(summary.failed, 0, "every article imports");
    assert_eq!(summary.text_bytes, bytes, "every copy is a new article");
    println!(
        "import: {:.1} MB of text, {} articles, {} claims in {:.1} s on {} cores (index per batch: {})",
        bytes as f64 / 1e6,
        summary.new,
        summary.claims,
        secs,
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        summary.fast_index
    );
    println!(
        "import: {:.2} MB/s, {:.0} articles/s, {:.0} claims/s; peak RSS {:.0} MB (bench before import: {:.0} MB); database {:.0} MB",
        bytes as f64 / 1e6 / secs,
        summary.new as f64 / secs,
        summary.claims as f64 / secs,
        vm_hwm_mb(),
        rss_before,
        std::fs::metadata(db).map_or(0, |m| m.len()) as f64 / 1e6,
    );
    println!(
        "import: CPU {:.1} s ({:.2} s per MB), of which the writer thread {:.1} s ({:.2} s per MB); \
         the machine's other load shows as wall time above CPU / cores",
        cpu,
        cpu / (bytes as f64 / 1e6),
        writer_cpu,
        writer_cpu / (bytes as f64 / 1e6),
    );
}

/// User and system CPU time of a process or thread (`/proc/.../stat`), in seconds.
fn cpu_seconds(stat: &str) -> f64 {
    let Ok(text) = std::fs::read_to_string(stat) else {
        return 0.0;
    };
    // Fields after the command name (which may hold spaces) close with ')'.
    let fields: Vec<&str> = text
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// Peak resident memory of this process, in MB.
fn vm_hwm_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// A small deterministic generator, so runs sample the same parameters.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn query_bench(db: &Path) {
    let store = Store::open_read_only(db).expect("database");
    let counts = store.counts().expect("counts");
    println!(
        "queries on {} articles, {} claims, {} attributions, {} sources:",
        counts.articles, counts.claims, counts.attributions, counts.sources
    );
    let ids = |sql: &str| -> Vec<i64> {
        let mut stmt = store.connection().prepare(sql).expect("sample query");
        stmt.query_map([], |r| r.get(0))
            .expect("sample")
            .collect::<Result<_, _>>()
            .expect("sample")
    };
    let sources: Vec<String> = {
        let mut stmt = store
            .connection()
            .prepare("SELECT name FROM sources s WHERE EXISTS (SELECT 1 FROM attributions a WHERE a.source_id = s.id) ORDER BY id")
            .expect("sources");
        stmt.query_map([], |r| r.get(0))
            .expect("sources")
            .collect::<Result<_, _>>()
            .expect("sources")
    };
    let articles = ids("SELECT id FROM articles ORDER BY id");
    let mut rng = Lcg(42);

    let (mut rows, mut calls) = (0, 0);
    report("claims by source (claims --source)", || {
        let name = &sources[rng.below(sources.len())];
        rows += store.claims(Some(name), None).expect("claims").rows.len();
        calls += 1;
    });
    let top: String = store
        .connection()
        .query_row(
            "SELECT s.name FROM attributions a JOIN sources s ON s.id = a.source_id GROUP BY a.source_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("top source");
    let top_rows = store.claims(Some(&top), None).expect("claims").rows.len();
    report(
        &format!("claims of the most cited source, {top} ({top_rows} rows)"),
        || {
            store.claims(Some(&top), None).expect("claims");
        },
    );
    report("claim_sources of one article (claims --article)", || {
        let id = articles[rng.below(articles.len())];
        store.claims(None, Some(id)).expect("claims");
    });
    report("full-text search, best 20 (search)", || {
        let term = SEARCH_TERMS[rng.below(SEARCH_TERMS.len())];
        store.search(term, 20, false).expect("search");
    });
    report("full-text search, newest 20 (search --newest)", || {
        let term = SEARCH_TERMS[rng.below(SEARCH_TERMS.len())];
        store.search(term, 20, true).expect("search");
    });
    report("audit queue of one article (audit --article)", || {
        let id = articles[rng.below(articles.len())];
        store.audit_queue(Some(id), None, 0.6).expect("audit queue");
    });
    println!(
        "  (claims by source: {:.1} rows per query on average)",
        rows as f64 / calls as f64
    );
}

/// Runs `query` SAMPLES times (after a few warm-up runs; fewer if a query is
/// so slow that SAMPLES runs would take over 20 s) and prints p50 and p99.
fn report(name: &str, mut query: impl FnMut()) {
    for _ in 0..3 {
        query();
    }
    let started = Instant::now();
    let mut times = Vec::with_capacity(SAMPLES);
    while times.len() < SAMPLES && (times.len() < 20 || started.elapsed().as_secs() < 20) {
        let t = Instant::now();
        query();
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    println!(
        "  {name}: p50 {:.2} ms, p99 {:.2} ms ({} runs)",
        at(0.50),
        at(0.99),
        times.len()
    );
}
