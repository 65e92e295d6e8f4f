//! Trains the averaged perceptron POS tagger on CoNLL-U data.
//!
//! ```text
//! train_tagger TRAIN.conllu DEV.conllu OUT_MODEL [--test TEST.conllu]
//!     [--iterations N] [--seed S] [--threshold T] [--step Q] [--sweep] [--xpos-only]
//! ```
//!
//! Trains on TRAIN (joint XPOS/UPOS classes unless `--xpos-only`), prints dev
//! and test accuracy before and after pruning, writes the pruned model to
//! OUT_MODEL, reloads it to check that it tags identically, and prints the
//! model size, load time and tagging speed (release build, single thread).
//! Without `--test`, the test file is looked for next to DEV with `dev`
//! replaced by `test` in its name. `--sweep` also prints accuracy and size for
//! a range of pruning thresholds.

use std::process::ExitCode;
use std::time::Instant;

use claimdb::conllu::{as_strs, read_conllu, ConlluSentence};
use claimdb::tagger::{JointSentence, Tagger, TrainSentence};

/// Default pruning: drop averaged weights below this magnitude...
const THRESHOLD: f32 = 1.0;
/// ...and store the rest as integer multiples of this step.
const STEP: f32 = 0.5;

/// A treebank sentence (see [`claimdb::conllu`]).
type Sent = ConlluSentence;

/// (XPOS accuracy %, UPOS accuracy %, tokens).
fn evaluate(t: &Tagger, data: &[Sent]) -> (f64, f64, usize) {
    let (mut ok_x, mut ok_u, mut n) = (0usize, 0usize, 0usize);
    for s in data {
        let tags = t.tag_upos(&as_strs(&s.words));
        for ((x, u), (gx, gu)) in tags.iter().zip(s.xpos.iter().zip(&s.upos)) {
            ok_x += usize::from(x == gx);
            ok_u += usize::from(u == gu);
            n += 1;
        }
    }
    let pct = |k: usize| 100.0 * k as f64 / n.max(1) as f64;
    (pct(ok_x), pct(ok_u), n)
}

/// Tokens per second of `Tagger::tag` over `data` on one thread: (median,
/// best) over rounds of one pass each, for at least `secs` seconds.
fn speed(t: &Tagger, data: &[Sent], secs: f64) -> (f64, f64) {
    let sents: Vec<Vec<&str>> = data.iter().map(|s| as_strs(&s.words)).collect();
    let tokens: usize = sents.iter().map(Vec::len).sum();
    let mut sink = 0usize;
    let mut rates = Vec::new();
    let start = Instant::now();
    while rates.len() < 5 || start.elapsed().as_secs_f64() < secs {
        let t0 = Instant::now();
        for s in &sents {
            sink += t.tag(s).len();
        }
        rates.push(tokens as f64 / t0.elapsed().as_secs_f64());
    }
    std::hint::black_box(sink);
    rates.sort_by(f64::total_cmp);
    (rates[rates.len() / 2], rates[rates.len() - 1])
}

const NOTICE: &str = "Averaged perceptron POS tagger model (Penn Treebank tags), claimdb.
Derived from the Universal Dependencies English Web Treebank (Silveira et al. 2014),
UD_English-EWT commit 15d613d8, licensed CC BY-SA 4.0
(https://creativecommons.org/licenses/by-sa/4.0/). This model is licensed CC BY-SA 4.0.
See NOTICE-tagger.md for attribution and how to retrain.";

struct Args {
    train: String,
    dev: String,
    out: String,
    test: Option<String>,
    iterations: usize,
    seed: u64,
    threshold: f32,
    step: f32,
    sweep: bool,
    xpos_only: bool,
}

const USAGE: &str = "usage: train_tagger TRAIN.conllu DEV.conllu OUT_MODEL [--test TEST.conllu] \
[--iterations N] [--seed S] [--threshold T] [--step Q] [--sweep] [--xpos-only]";

fn parse_args() -> Result<Args, String> {
    let mut pos = Vec::new();
    let mut a = Args {
        train: String::new(),
        dev: String::new(),
        out: String::new(),
        test: None,
        iterations: 12,
        seed: 1,
        threshold: THRESHOLD,
        step: STEP,
        sweep: false,
        xpos_only: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        let mut val = |name: &str| it.next().ok_or(format!("{name} needs a value\n{USAGE}"));
        let bad = |e: std::num::ParseIntError| e.to_string();
        let badf = |e: std::num::ParseFloatError| e.to_string();
        match x.as_str() {
            "--test" => a.test = Some(val("--test")?),
            "--iterations" => a.iterations = val("--iterations")?.parse().map_err(bad)?,
            "--seed" => a.seed = val("--seed")?.parse().map_err(bad)?,
            "--threshold" => a.threshold = val("--threshold")?.parse().map_err(badf)?,
            "--step" => a.step = val("--step")?.parse().map_err(badf)?,
            "--sweep" => a.sweep = true,
            "--xpos-only" => a.xpos_only = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if x.starts_with("--") => return Err(format!("unknown option {x}\n{USAGE}")),
            _ => pos.push(x),
        }
    }
    let [train, dev, out] = <[String; 3]>::try_from(pos).map_err(|_| USAGE.to_string())?;
    (a.train, a.dev, a.out) = (train, dev, out);
    Ok(a)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let train = read_conllu(&args.train)?;
    let dev = read_conllu(&args.dev)?;
    let test_path = args.test.clone().or_else(|| {
        let p = args.dev.replace("dev", "test");
        (p != args.dev && std::path::Path::new(&p).exists()).then_some(p)
    });
    let test = match &test_path {
        Some(p) => read_conllu(p)?,
        None => Vec::new(),
    };
    println!(
        "train: {} sentences, {} tokens; {} iterations, seed {}; {}",
        train.len(),
        train.iter().map(|s| s.words.len()).sum::<usize>(),
        args.iterations,
        args.seed,
        if args.xpos_only {
            "XPOS classes"
        } else {
            "joint XPOS/UPOS classes"
        }
    );
    let t0 = Instant::now();
    let mut tagger = if args.xpos_only {
        let data: Vec<TrainSentence> = train
            .iter()
            .map(|s| (s.words.clone(), s.xpos.clone()))
            .collect();
        Tagger::train(&data, args.iterations, args.seed)
    } else {
        let data: Vec<JointSentence> = train
            .iter()
            .map(|s| (s.words.clone(), s.xpos.clone(), s.upos.clone()))
            .collect();
        Tagger::train_joint(&data, args.iterations, args.seed)
    };
    println!("trained in {:.1} s", t0.elapsed().as_secs_f64());

    let report = |label: &str, t: &Tagger| {
        let (dx, du, dn) = evaluate(t, &dev);
        let (rows, nz) = t.size();
        let bytes = t.to_model_string().len();
        print!(
            "{label}: {rows} features, {nz} weights, {:.2} MB; dev ({dn} tokens) XPOS {dx:.2}% UPOS {du:.2}%",
            bytes as f64 / 1e6
        );
        if !test.is_empty() {
            let (tx, tu, tn) = evaluate(t, &test);
            print!("; test ({tn} tokens) XPOS {tx:.2}% UPOS {tu:.2}%");
        }
        println!();
    };
    report("unpruned", &tagger);

    if args.sweep {
        for thr in [0.25f32, 0.5, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0] {
            let mut p = tagger.clone();
            p.prune(thr, thr / 2.0);
            report(&format!("threshold {thr} step {}", thr / 2.0), &p);
        }
    }

    if args.threshold > 0.0 {
        tagger.prune(args.threshold, args.step);
        report(
            &format!("pruned (|w| >= {}, step {})", args.threshold, args.step),
            &tagger,
        );
    }

    let text = tagger.to_model_string_with_header(NOTICE);
    let t0 = Instant::now();
    let reloaded = Tagger::from_model_str(&text).map_err(|e| e.to_string())?;
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;
    for s in dev.iter().chain(&test) {
        let w = as_strs(&s.words);
        if tagger.tag_upos(&w) != reloaded.tag_upos(&w) {
            return Err("reloaded model tags differently".into());
        }
    }
    std::fs::write(&args.out, &text).map_err(|e| format!("{}: {e}", args.out))?;
    println!(
        "wrote {}: {} bytes ({:.2} MB); reloads in {load_ms:.0} ms and tags dev+test identically",
        args.out,
        text.len(),
        text.len() as f64 / 1e6
    );
    let mut all = dev;
    all.extend(test);
    let (median, best) = speed(&reloaded, &all, 3.0);
    println!(
        "tagging speed (Tagger::tag, one thread, dev+test): median {median:.0} tokens/s, best {best:.0} tokens/s"
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_tagger: {e}");
            ExitCode::FAILURE
        }
    }
}
