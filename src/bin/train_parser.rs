//! Trains the arc-hybrid dependency parser on CoNLL-U data.
//!
//! ```text
//! train_parser TRAIN.conllu DEV.conllu OUT_MODEL [--test TEST.conllu]
//!     [--iterations N] [--seed S] [--explore P] [--jackknife K]
//!     [--threshold T] [--step Q] [--sweep] [--gold-tags] [--labels L1,L2,...|all]
//! ```
//!
//! `--labels` keeps only the listed relations and renames the others `dep`,
//! in TRAIN, DEV and TEST alike: fewer classes to score at each step. The
//! default is [`RELATIONS`], the shipped model's (see
//! `models/NOTICE-parser.md`); `--labels all` keeps every relation.
//!
//! The parser is trained on tags predicted like at parsing time: TRAIN is
//! tagged by K taggers (default 5), each trained like the shipped one on the
//! other folds of TRAIN (jackknifing, so that the training tags are as noisy
//! as real ones); `--jackknife 0` tags it with the shipped tagger instead, and
//! `--gold-tags` trains and evaluates on gold XPOS. DEV and TEST are tagged
//! with the shipped tagger. Prints dev UAS/LAS after every epoch (use it to
//! choose `--iterations`), then dev and test scores before and after pruning,
//! writes the pruned model to OUT_MODEL, reloads it to check that it parses
//! identically, and prints the model size, load time and parsing speed
//! (release build, single thread). Without `--test`, the test file is looked
//! for next to DEV with `dev` replaced by `test` in its name.

use std::process::ExitCode;
use std::time::Instant;

use claimdb::conllu::{as_strs, read_conllu, ConlluSentence};
use claimdb::parser::{ParsedSentence, Parser, TrainOptions, TrainSentence};
use claimdb::tagger::Tagger;

/// Default pruning: drop averaged weights below this magnitude...
const THRESHOLD: f32 = 1.5;
/// ...and store the rest as integer multiples of this step.
const STEP: f32 = 0.75;

/// The relations the shipped model tells apart (the others are `dep`): those
/// extraction reads (`nsubj`, `obj`, `ccomp`, `xcomp`, `conj`) and those that
/// help to parse them, chosen by measurement (see `models/NOTICE-parser.md`).
const RELATIONS: &[&str] = &[
    "nsubj",
    "nsubj:pass",
    "obj",
    "iobj",
    "ccomp",
    "xcomp",
    "conj",
    "parataxis",
    "root",
    "advcl",
    "mark",
    "punct",
    "cc",
    "aux",
    "det",
    "case",
];

/// Training settings of the shipped tagger (see `NOTICE-tagger.md`), reused
/// for the jackknife taggers.
const TAGGER_ITERATIONS: usize = 12;
const TAGGER_SEED: u64 = 1;
const TAGGER_THRESHOLD: f32 = 1.0;
const TAGGER_STEP: f32 = 0.5;

/// A treebank sentence (see [`claimdb::conllu`]).
type Sent = ConlluSentence;

/// Tags every sentence with `tagger`.
fn tag_with(tagger: &Tagger, data: &mut [Sent]) {
    for s in data {
        s.tags = tagger
            .tag(&as_strs(&s.words))
            .into_iter()
            .map(str::to_string)
            .collect();
    }
}

/// Tags TRAIN by K-fold jackknifing: sentence `i` is tagged by a tagger
/// trained on the folds that do not hold it.
fn jackknife(data: &mut [Sent], k: usize) {
    for f in 0..k {
        let t0 = Instant::now();
        let train: Vec<(Vec<String>, Vec<String>)> = data
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != f)
            .map(|(_, s)| (s.words.clone(), s.xpos.clone()))
            .collect();
        let mut tagger = Tagger::train(&train, TAGGER_ITERATIONS, TAGGER_SEED);
        tagger.prune(TAGGER_THRESHOLD, TAGGER_STEP);
        let (mut ok, mut n) = (0usize, 0usize);
        for s in data.iter_mut().skip(f).step_by(k) {
            let tags = tagger.tag(&as_strs(&s.words));
            ok += tags.iter().zip(&s.xpos).filter(|(a, b)| *a == b).count();
            n += tags.len();
            s.tags = tags.into_iter().map(str::to_string).collect();
        }
        println!(
            "  fold {}/{k}: tagger trained in {:.1} s, XPOS {:.2}% on the fold",
            f + 1,
            t0.elapsed().as_secs_f64(),
            100.0 * ok as f64 / n.max(1) as f64
        );
    }
}

/// Attachment scores in percent: (UAS, LAS, UAS without punctuation, LAS
/// without punctuation, tokens). Punctuation is gold UPOS `PUNCT`.
#[derive(Clone, Copy)]
struct Scores {
    uas: f64,
    las: f64,
    uas_np: f64,
    las_np: f64,
    tokens: usize,
}

fn evaluate(p: &Parser, data: &[Sent]) -> Scores {
    let (mut u, mut l, mut n, mut u_np, mut l_np, mut n_np) = (0usize, 0, 0, 0, 0, 0);
    for s in data {
        let parse = p.parse(&as_strs(&s.words), &as_strs(&s.tags));
        for i in 0..s.words.len() {
            let head_ok = parse.conllu_head(i) == s.heads[i];
            let both_ok = head_ok && parse.label(i) == s.deprels[i];
            u += usize::from(head_ok);
            l += usize::from(both_ok);
            n += 1;
            if s.upos[i] != "PUNCT" {
                u_np += usize::from(head_ok);
                l_np += usize::from(both_ok);
                n_np += 1;
            }
        }
    }
    let pct = |k: usize, n: usize| 100.0 * k as f64 / n.max(1) as f64;
    Scores {
        uas: pct(u, n),
        las: pct(l, n),
        uas_np: pct(u_np, n_np),
        las_np: pct(l_np, n_np),
        tokens: n,
    }
}

fn fmt_scores(s: Scores) -> String {
    format!(
        "UAS {:.2} LAS {:.2} (no punct: UAS {:.2} LAS {:.2}; {} tokens)",
        s.uas, s.las, s.uas_np, s.las_np, s.tokens
    )
}

/// CPU time of the calling thread in seconds (Linux), to measure speed on a
/// shared machine where wall time also counts other processes' turns.
fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_ascii_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// Tokens per second of `Parser::parse` over `data` on one thread: (median,
/// best) by wall time over rounds of one pass each, for at least `secs`
/// seconds, and the rate by this thread's CPU time over all rounds if known.
fn speed(p: &Parser, data: &[Sent], secs: f64) -> (f64, f64, Option<f64>) {
    let sents: Vec<(Vec<&str>, Vec<&str>)> = data
        .iter()
        .map(|s| (as_strs(&s.words), as_strs(&s.tags)))
        .collect();
    let tokens: usize = sents.iter().map(|s| s.0.len()).sum();
    let mut sink = 0usize;
    let mut rates = Vec::new();
    let start = Instant::now();
    let cpu0 = thread_cpu_secs();
    while rates.len() < 5 || start.elapsed().as_secs_f64() < secs {
        let t0 = Instant::now();
        for (w, t) in &sents {
            sink += p.parse(w, t).root().unwrap_or(0);
        }
        rates.push(tokens as f64 / t0.elapsed().as_secs_f64());
    }
    std::hint::black_box(sink);
    let cpu = match (cpu0, thread_cpu_secs()) {
        (Some(a), Some(b)) if b > a => Some((tokens * rates.len()) as f64 / (b - a)),
        _ => None,
    };
    rates.sort_by(f64::total_cmp);
    (rates[rates.len() / 2], rates[rates.len() - 1], cpu)
}

const NOTICE: &str = "Averaged perceptron dependency parser model (UD relations), claimdb.
Derived from the Universal Dependencies English Web Treebank (Silveira et al. 2014),
UD_English-EWT commit 15d613d8, licensed CC BY-SA 4.0
(https://creativecommons.org/licenses/by-sa/4.0/). This model is licensed CC BY-SA 4.0.
See NOTICE-parser.md for attribution and how to retrain.";

struct Args {
    train: String,
    dev: String,
    out: String,
    test: Option<String>,
    opts: TrainOptions,
    jackknife: usize,
    threshold: f32,
    step: f32,
    sweep: bool,
    gold_tags: bool,
    /// Relations kept as they are; the others become `dep` (None: all kept).
    labels: Option<Vec<String>>,
}

const USAGE: &str = "usage: train_parser TRAIN.conllu DEV.conllu OUT_MODEL [--test TEST.conllu] \
[--iterations N] [--seed S] [--explore P] [--jackknife K] [--threshold T] [--step Q] [--sweep] \
[--gold-tags] [--labels L1,L2,...|all]";

fn parse_args() -> Result<Args, String> {
    let mut pos = Vec::new();
    let mut a = Args {
        train: String::new(),
        dev: String::new(),
        out: String::new(),
        test: None,
        opts: TrainOptions::default(),
        jackknife: 5,
        threshold: THRESHOLD,
        step: STEP,
        sweep: false,
        gold_tags: false,
        labels: Some(RELATIONS.iter().map(|l| l.to_string()).collect()),
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        let mut val = |name: &str| it.next().ok_or(format!("{name} needs a value\n{USAGE}"));
        let bad = |e: std::num::ParseIntError| e.to_string();
        let badf = |e: std::num::ParseFloatError| e.to_string();
        match x.as_str() {
            "--test" => a.test = Some(val("--test")?),
            "--iterations" => a.opts.iterations = val("--iterations")?.parse().map_err(bad)?,
            "--seed" => a.opts.seed = val("--seed")?.parse().map_err(bad)?,
            "--explore" => a.opts.explore = val("--explore")?.parse().map_err(badf)?,
            "--jackknife" => a.jackknife = val("--jackknife")?.parse().map_err(bad)?,
            "--threshold" => a.threshold = val("--threshold")?.parse().map_err(badf)?,
            "--step" => a.step = val("--step")?.parse().map_err(badf)?,
            "--sweep" => a.sweep = true,
            "--gold-tags" => a.gold_tags = true,
            "--labels" => {
                a.labels = match val("--labels")?.as_str() {
                    "all" => None,
                    list => Some(list.split(',').map(str::to_string).collect()),
                }
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if x.starts_with("--") => return Err(format!("unknown option {x}\n{USAGE}")),
            _ => pos.push(x),
        }
    }
    let [train, dev, out] = <[String; 3]>::try_from(pos).map_err(|_| USAGE.to_string())?;
    (a.train, a.dev, a.out) = (train, dev, out);
    if a.jackknife == 1 {
        return Err("--jackknife needs 0 (shipped tagger) or at least 2 folds".into());
    }
    Ok(a)
}

fn same_parse(a: &ParsedSentence, b: &ParsedSentence) -> bool {
    a == b
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let mut train = read_conllu(&args.train)?;
    let mut dev = read_conllu(&args.dev)?;
    let test_path = args.test.clone().or_else(|| {
        let p = args.dev.replace("dev", "test");
        (p != args.dev && std::path::Path::new(&p).exists()).then_some(p)
    });
    let mut test = match &test_path {
        Some(p) => read_conllu(p)?,
        None => Vec::new(),
    };
    if let Some(keep) = &args.labels {
        // A misspelt relation would silently become `dep` everywhere.
        if let Some(l) = keep
            .iter()
            .find(|l| !train.iter().any(|s| s.deprels.contains(l)))
        {
            return Err(format!("--labels: no relation {l:?} in {}", args.train));
        }
        for s in train.iter_mut().chain(&mut dev).chain(&mut test) {
            for l in &mut s.deprels {
                if !keep.contains(l) {
                    *l = "dep".to_string();
                }
            }
        }
        println!("labels: {} kept, the others become dep", keep.join(","));
    }
    let t0 = Instant::now();
    if args.gold_tags {
        for s in train.iter_mut().chain(&mut dev).chain(&mut test) {
            s.tags = s.xpos.clone();
        }
        println!("tags: gold XPOS everywhere");
    } else {
        let shipped = claimdb::pos::tagger();
        if args.jackknife == 0 {
            tag_with(shipped, &mut train);
            println!("tags: train tagged by the shipped tagger");
        } else {
            println!("tags: train jackknifed over {} folds", args.jackknife);
            jackknife(&mut train, args.jackknife);
        }
        tag_with(shipped, &mut dev);
        tag_with(shipped, &mut test);
        println!(
            "  tagging done in {:.1} s; dev and test tagged by the shipped tagger",
            t0.elapsed().as_secs_f64()
        );
    }
    let data: Vec<TrainSentence> = train
        .iter()
        .map(|s| TrainSentence {
            words: s.words.clone(),
            tags: s.tags.clone(),
            heads: s.heads.clone(),
            labels: s.deprels.clone(),
        })
        .collect();
    println!(
        "train: {} sentences, {} tokens; {} iterations, seed {}, explore {}",
        train.len(),
        train.iter().map(|s| s.words.len()).sum::<usize>(),
        args.opts.iterations,
        args.opts.seed,
        args.opts.explore
    );
    let t0 = Instant::now();
    let mut parser = Parser::train_with(&data, &args.opts, &mut |epoch, p| {
        let (rows, nz) = p.size();
        println!(
            "  epoch {epoch:2} ({:.0} s): dev {}; {rows} features, {nz} weights",
            t0.elapsed().as_secs_f64(),
            fmt_scores(evaluate(p, &dev))
        );
    });
    println!("trained in {:.1} s", t0.elapsed().as_secs_f64());

    let report = |label: &str, p: &Parser| {
        let (rows, nz) = p.size();
        let bytes = p.to_model_string().len();
        println!(
            "{label}: {rows} features, {nz} weights, {:.2} MB\n  dev  {}",
            bytes as f64 / 1e6,
            fmt_scores(evaluate(p, &dev))
        );
        if !test.is_empty() {
            println!("  test {}", fmt_scores(evaluate(p, &test)));
        }
    };
    report("unpruned", &parser);

    if args.sweep {
        for thr in [0.5f32, 1.0, 1.5, 2.0, 3.0, 4.0] {
            let mut p = parser.clone();
            p.prune(thr, thr / 2.0);
            report(&format!("threshold {thr} step {}", thr / 2.0), &p);
        }
    }

    if args.threshold > 0.0 {
        parser.prune(args.threshold, args.step);
        report(
            &format!("pruned (|w| >= {}, step {})", args.threshold, args.step),
            &parser,
        );
    }

    let text = parser.to_model_string_with_header(NOTICE);
    let t0 = Instant::now();
    let reloaded = Parser::from_model_str(&text).map_err(|e| e.to_string())?;
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;
    for s in dev.iter().chain(&test) {
        let (w, t) = (as_strs(&s.words), as_strs(&s.tags));
        if !same_parse(&parser.parse(&w, &t), &reloaded.parse(&w, &t)) {
            return Err("reloaded model parses differently".into());
        }
    }
    std::fs::write(&args.out, &text).map_err(|e| format!("{}: {e}", args.out))?;
    println!(
        "wrote {}: {} bytes ({:.2} MB); reloads in {load_ms:.0} ms and parses dev+test identically",
        args.out,
        text.len(),
        text.len() as f64 / 1e6
    );
    let mut all = dev;
    all.extend(test);
    let (median, best, cpu) = speed(&reloaded, &all, 3.0);
    println!(
        "parsing speed (Parser::parse, one thread, dev+test, tags given): median {median:.0} tokens/s, best {best:.0} tokens/s by wall time{}",
        cpu.map_or(String::new(), |c| format!("; {c:.0} tokens/s by CPU time"))
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_parser: {e}");
            ExitCode::FAILURE
        }
    }
}
