//! Importing many articles at once: one thread reads the inputs in order,
//! every core reads articles (segment → extract → resolve), and the calling
//! thread writes them in input order, in batches of one transaction each.
//!
//! Memory is bounded whatever the size of the input: inputs are read one
//! article (or one JSON line) at a time, and the articles between the reader
//! and the database — queued, being read, waiting for their turn, or in the
//! batch not yet committed — are held to [`ImportOptions::in_flight_bytes`]
//! of text and [`ImportOptions::in_flight_articles`] articles; the reader
//! waits when that budget is spent.

use crate::input::{Article, Articles, InputError, Notes, Origin};
use crate::reading::{read_article, ArticleMeta};
use crate::store::{content_hash, BulkArticle, HashProbe, ImportOutcome, Store, StoreError};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// How an import runs.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Threads reading articles; 0 for one per core.
    pub jobs: usize,
    /// The publisher of articles that do not name theirs.
    pub publisher: Option<String>,
    /// Most articles written in one transaction.
    pub batch_articles: usize,
    /// Most text (bytes) written in one transaction.
    pub batch_bytes: usize,
    /// Most text (bytes) between reading the input and committing it; at
    /// least twice `batch_bytes` (one article always goes through, whatever its size).
    pub in_flight_bytes: usize,
    /// Most articles between reading the input and committing them; at least
    /// twice `batch_articles`.
    pub in_flight_articles: usize,
}

impl Default for ImportOptions {
    fn default() -> ImportOptions {
        ImportOptions {
            jobs: 0,
            publisher: None,
            batch_articles: 1000,
            batch_bytes: 4 << 20,
            in_flight_bytes: 24 << 20,
            in_flight_articles: 4096,
        }
    }
}

/// Why one article was not imported.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The input could not be read as an article.
    #[error(transparent)]
    Input(#[from] InputError),
    /// Reading the article's text failed (a bug in claimdb).
    #[error("{origin}: reading the article failed (internal error: {message})")]
    Panic {
        /// The article.
        origin: Origin,
        /// The panic's message.
        message: String,
    },
    /// Its rows were refused by the database (a constraint).
    #[error("{origin}: could not be stored: {source}")]
    Store {
        /// The article.
        origin: Origin,
        /// The database's reason.
        source: StoreError,
    },
}

/// What happened to one input. Each input has a [`Event::Read`] once it is
/// read and next in line for writing, then a [`Event::Stored`] or
/// [`Event::Failed`] once that is final (its batch committed); both kinds
/// come in input order.
#[derive(Debug)]
pub enum Event<'a> {
    /// Read (or found unreadable), and queued for the next batch: progress.
    Read {
        /// Input bytes it took.
        input_bytes: u64,
    },
    /// Stored as a new article, or skipped as a duplicate.
    Stored {
        /// Where it came from.
        origin: &'a Origin,
        /// What storing it did.
        outcome: ImportOutcome,
        /// Input bytes it took.
        input_bytes: u64,
    },
    /// Not imported.
    Failed {
        /// Why.
        failure: &'a Failure,
        /// Input bytes it took.
        input_bytes: u64,
    },
}

/// Totals of an import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Articles stored.
    pub new: usize,
    /// Articles skipped: their text was already stored.
    pub duplicates: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Claims written.
    pub claims: usize,
    /// Attributions written.
    pub attributions: usize,
    /// Sources created.
    pub new_sources: usize,
    /// Article text read (stored or skipped), in bytes.
    pub text_bytes: u64,
    /// Input read, in bytes.
    pub input_bytes: u64,
    /// Warnings from reading the inputs.
    pub notes: Notes,
    /// Whether the full-text index was filled per batch (see [`crate::store::BulkWriter`]).
    pub fast_index: bool,
    /// Stopped early by [`crate::store::request_interrupt`] (Ctrl-C): the
    /// articles read by then are stored, the rest were not read.
    pub interrupted: bool,
}

/// An input between the reader and the writer.
struct Job {
    seq: u64,
    cost: usize,
    input_bytes: u64,
    item: std::result::Result<Article, InputError>,
}

/// A job once read: an article ready to write, or a failure.
struct Done {
    seq: u64,
    cost: usize,
    input_bytes: u64,
    item: std::result::Result<(Origin, BulkArticle), Failure>,
}

/// Text and articles in flight, shared by the reader (which takes) and the writer (which gives back).
struct Budget {
    state: Mutex<Spent>,
    freed: Condvar,
    max_bytes: usize,
    max_articles: usize,
}

#[derive(Default)]
struct Spent {
    bytes: usize,
    articles: usize,
    cancelled: bool,
}

impl Budget {
    /// Waits until `bytes` more fit (one article always fits when nothing is
    /// in flight, whatever its size). False once the import is cancelled.
    fn take(&self, bytes: usize) -> bool {
        let mut spent = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while !spent.cancelled
            && spent.articles > 0
            && (spent.bytes + bytes > self.max_bytes || spent.articles >= self.max_articles)
        {
            spent = self.freed.wait(spent).unwrap_or_else(|e| e.into_inner());
        }
        spent.bytes += bytes;
        spent.articles += 1;
        !spent.cancelled
    }

    fn give(&self, bytes: usize, articles: usize) {
        let mut spent = self.state.lock().unwrap_or_else(|e| e.into_inner());
        spent.bytes -= bytes;
        spent.articles -= articles;
        self.freed.notify_all();
    }

    fn cancel(&self) {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .cancelled = true;
        self.freed.notify_all();
    }
}

/// Imports every article of `articles` into `store` and returns the totals.
/// `on_event` hears about each input in input order. Articles are stored
/// whole or not at all; a failing input is reported and the others go on.
/// An error is returned only when the database itself fails (the batch being
/// written is then rolled back; earlier batches stay committed).
pub fn import(
    store: &mut Store,
    articles: Articles,
    options: &ImportOptions,
    mut on_event: impl FnMut(&Event),
) -> Result<Summary, StoreError> {
    let jobs = if options.jobs == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        options.jobs
    };
    let budget = Budget {
        state: Mutex::new(Spent::default()),
        freed: Condvar::new(),
        max_bytes: options.in_flight_bytes.max(options.batch_bytes * 2),
        max_articles: options.in_flight_articles.max(options.batch_articles * 2),
    };
    let (job_tx, job_rx) = sync_channel::<Job>(jobs * 4);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = sync_channel::<Done>(jobs * 4);
    // One read-only look at the stored texts per reading thread, opened
    // before the writer takes the store.
    let probes: Vec<Option<HashProbe>> = (0..jobs).map(|_| store.hash_probe()).collect();
    let mut writer = store.bulk_writer()?;
    let mut summary = Summary {
        fast_index: writer.fills_index_per_batch(),
        ..Summary::default()
    };

    let (notes, written) = std::thread::scope(|scope| {
        let budget = &budget;
        let reader = scope.spawn(move || {
            let mut articles = articles;
            for (seq, item) in (0..).zip(articles.by_ref()) {
                let (cost, input_bytes) = match &item {
                    Ok(a) => (a.body.len(), a.input_bytes),
                    Err(_) => (0, 0),
                };
                if !budget.take(cost) {
                    break;
                }
                let job = Job {
                    seq,
                    cost,
                    input_bytes,
                    item,
                };
                if job_tx.send(job).is_err() {
                    break;
                }
            }
            articles.notes().clone()
        });
        for probe in probes {
            let done_tx = done_tx.clone();
            let job_rx = &job_rx;
            scope.spawn(move || loop {
                let job = match job_rx.lock().unwrap_or_else(|e| e.into_inner()).recv() {
                    Ok(job) => job,
                    Err(_) => break,
                };
                if done_tx
                    .send(read_job(job, options, probe.as_ref()))
                    .is_err()
                {
                    break;
                }
            });
        }
        drop(done_tx);
        let written = write_in_order(
            &mut writer,
            done_rx,
            options,
            budget,
            &mut summary,
            &mut on_event,
        );
        if written.is_err() || summary.interrupted {
            // Stop the reader: it gives up at its next article, and whatever
            // it is sending now is taken and dropped.
            budget.cancel();
            while job_rx
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .recv()
                .is_ok()
            {}
        }
        // The reader never panics; if it did, its notes are lost, not the import.
        let notes = reader.join().unwrap_or_default();
        (notes, written)
    });
    written?;
    writer.finish()?;
    summary.notes = notes;
    Ok(summary)
}

/// Reads one article's text (on a worker thread).
fn read_job(job: Job, options: &ImportOptions, probe: Option<&HashProbe>) -> Done {
    let Job {
        seq,
        cost,
        input_bytes,
        item,
    } = job;
    let article = match item {
        Ok(article) => article,
        Err(e) => {
            return Done {
                seq,
                cost,
                input_bytes,
                item: Err(Failure::Input(e)),
            }
        }
    };
    let meta = ArticleMeta {
        publisher: article
            .publisher
            .clone()
            .or_else(|| options.publisher.clone()),
        url: article.url.clone(),
    };
    let hash = content_hash(&article.body);
    // A text already stored is a duplicate: the writer says so without its reading.
    let read = || match probe {
        Some(probe) if probe.is_stored(&hash) => None,
        _ => Some(read_article(&article.body, &meta)),
    };
    let item = match catch_unwind(AssertUnwindSafe(read)) {
        Ok(reading) => Ok((
            article.origin.clone(),
            BulkArticle {
                hash,
                title: article.title,
                url: article.url,
                author: article.author,
                published_at: article.published,
                origin: Some(article.origin.to_string()),
                body: article.body,
                reading,
            },
        )),
        Err(panic) => Err(Failure::Panic {
            origin: article.origin,
            message: panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".into()),
        }),
    };
    Done {
        seq,
        cost,
        input_bytes,
        item,
    }
}

/// The writer's side: puts finished jobs back in input order, gathers them
/// into batches and commits each batch when it is full, when the input ends,
/// or when nothing arrives for a moment (so that a slow article never holds
/// a batch, and the budget, hostage).
fn write_in_order(
    writer: &mut crate::store::BulkWriter,
    done_rx: Receiver<Done>,
    options: &ImportOptions,
    budget: &Budget,
    summary: &mut Summary,
    on_event: &mut impl FnMut(&Event),
) -> Result<(), StoreError> {
    const IDLE: Duration = Duration::from_millis(50);
    let mut waiting: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0;
    let mut batch: Vec<Done> = Vec::new();
    let mut batch_bytes = 0;
    loop {
        // Ctrl-C: what is read so far is stored whole, the rest is left.
        if crate::store::interrupt_requested() {
            commit(writer, &mut batch, budget, summary, on_event)?;
            summary.interrupted = true;
            return Ok(());
        }
        // Never blocked for long, so that a Ctrl-C is seen while inputs are slow.
        match done_rx.recv_timeout(IDLE) {
            Ok(done) => {
                waiting.insert(done.seq, done);
                while let Some(done) = waiting.remove(&next) {
                    next += 1;
                    on_event(&Event::Read {
                        input_bytes: done.input_bytes,
                    });
                    batch_bytes += done.cost;
                    batch.push(done);
                    if batch.len() >= options.batch_articles || batch_bytes >= options.batch_bytes {
                        commit(writer, &mut batch, budget, summary, on_event)?;
                        batch_bytes = 0;
                    }
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                commit(writer, &mut batch, budget, summary, on_event)?;
                batch_bytes = 0;
            }
            Err(RecvTimeoutError::Disconnected) => {
                commit(writer, &mut batch, budget, summary, on_event)?;
                return Ok(());
            }
        }
    }
}

/// Writes a batch and reports each of its inputs in order.
fn commit(
    writer: &mut crate::store::BulkWriter,
    batch: &mut Vec<Done>,
    budget: &Budget,
    summary: &mut Summary,
    on_event: &mut impl FnMut(&Event),
) -> Result<(), StoreError> {
    if batch.is_empty() {
        return Ok(());
    }
    let cost: usize = batch.iter().map(|d| d.cost).sum();
    let count = batch.len();
    let mut articles = Vec::with_capacity(count);
    let mut slots = Vec::with_capacity(count);
    for done in batch.drain(..) {
        match done.item {
            Ok((origin, article)) => {
                articles.push(article);
                slots.push((done.input_bytes, Ok(origin)));
            }
            Err(failure) => slots.push((done.input_bytes, Err(failure))),
        }
    }
    let results = writer.write_batch(&articles);
    budget.give(cost, count);
    let mut results = results?.into_iter().zip(&articles);
    for (input_bytes, slot) in slots {
        summary.input_bytes += input_bytes;
        let failure = match slot {
            Err(failure) => failure,
            Ok(origin) => match results.next().expect("one result per article") {
                (Ok(outcome), article) => {
                    summary.text_bytes += article.body.len() as u64;
                    match outcome {
                        ImportOutcome::Imported {
                            claims,
                            attributions,
                            new_sources,
                            ..
                        } => {
                            summary.new += 1;
                            summary.claims += claims;
                            summary.attributions += attributions;
                            summary.new_sources += new_sources;
                        }
                        ImportOutcome::Duplicate { .. } => summary.duplicates += 1,
                    }
                    on_event(&Event::Stored {
                        origin: &origin,
                        outcome,
                        input_bytes,
                    });
                    continue;
                }
                (Err(source), _) => Failure::Store { origin, source },
            },
        };
        summary.failed += 1;
        on_event(&Event::Failed {
            failure: &failure,
            input_bytes,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::InputOptions;

    #[test]
    fn small_budgets_keep_input_order_and_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut lines = String::new();
        for i in 0..60 {
            let body = format!("Story {i}\nThe mayor said bridge {i} was unsafe. Officials said repairs {i} would follow.");
            lines.push_str(&serde_json::json!({ "body": body }).to_string());
            lines.push('\n');
            if i % 7 == 3 {
                lines.push_str("not json\n");
            }
        }
        std::fs::write(dir.path().join("b.jsonl"), lines).unwrap();
        let mut store = Store::in_memory().unwrap();
        let options = ImportOptions {
            jobs: 3,
            batch_articles: 4,
            batch_bytes: 300,
            in_flight_bytes: 0,
            in_flight_articles: 0,
            ..ImportOptions::default()
        };
        let (mut seen, mut read) = (Vec::new(), 0);
        let summary = import(
            &mut store,
            Articles::new(&[dir.path().to_path_buf()], InputOptions::default()),
            &options,
            |event| {
                seen.push(match event {
                    Event::Read { .. } => {
                        read += 1;
                        return;
                    }
                    Event::Stored { origin, .. } => origin.line.unwrap(),
                    Event::Failed { failure, .. } => match failure {
                        Failure::Input(e) => e.origin().unwrap().line.unwrap(),
                        other => panic!("{other}"),
                    },
                })
            },
        )
        .unwrap();
        assert_eq!((summary.new, summary.failed, read), (60, 9, 69));
        let expected: Vec<u64> = (1..=69).collect();
        assert_eq!(seen, expected, "events come in input order");
        let origins = store
            .rows("SELECT origin FROM articles ORDER BY id", &[])
            .unwrap()
            .rows;
        let lines: Vec<String> = origins
            .iter()
            .map(|r| match &r[0] {
                rusqlite::types::Value::Text(t) => t.rsplit(':').next().unwrap().to_string(),
                other => panic!("{other:?}"),
            })
            .collect();
        let mut sorted: Vec<String> = lines.clone();
        sorted.sort_by_key(|l| l.parse::<u64>().unwrap());
        assert_eq!(lines, sorted, "article ids follow input order");
    }
}
