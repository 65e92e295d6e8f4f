//! claimdb: who said what, according to whom, reported by which outlet.
//!
//! The library is a pipeline of pure stages, each usable and testable alone:
//! [`segment`] splits an article into sentences and [`token`] into words,
//! [`pos`] tags them (with the perceptron of [`tagger`]), [`extract`] finds
//! the attributions in each sentence (falling back on the dependency parse of
//! [`syntax`] and [`parser`] where its patterns fail), [`resolve`] ties mentions ("He", "the
//! report", "Pesezhkian") to canonical sources, and [`store`] writes the
//! result to SQLite. [`reading::read_article`] runs the text stages together;
//! [`input`] reads and checks articles (files, front matter, JSON Lines,
//! metadata tables); [`import`] reads many on every core and stores them in
//! batches; [`lexicon`] holds the word lists
//! kept as data in `lexicons/`; [`render`] draws an article with its claims
//! marked (terminal or HTML).

pub mod conllu;
pub mod extract;
pub mod import;
pub mod input;
pub mod lexicon;
pub mod model;
pub mod parser;
pub mod pos;
pub mod reading;
pub mod render;
pub mod resolve;
pub mod segment;
pub mod store;
pub mod syntax;
pub mod tagger;
pub mod token;
