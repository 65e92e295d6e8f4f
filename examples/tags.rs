//! Prints the part-of-speech tags of a sentence: `cargo run --example tags -- "He said no."`.
fn main() {
    let text = std::env::args().nth(1).unwrap();
    let mut toks = claimdb::token::tokenize(&text, claimdb::model::Span::new(0, text.len()));
    claimdb::pos::tag(&text, &mut toks);
    for t in &toks {
        print!("{}/{} ", t.text(&text), t.tag);
    }
    println!();
}
