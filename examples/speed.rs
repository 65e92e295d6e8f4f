//! Times the text pipeline alone (no I/O, no output) over a folder of *.txt.
fn main() {
    let dir = std::env::args().nth(1).expect("folder");
    let texts: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let start = std::time::Instant::now();
    let mut claims = 0;
    for _ in 0..3 {
        for t in &texts {
            claims += claimdb::reading::read_article(t, &Default::default())
                .claims
                .len();
        }
    }
    let secs = start.elapsed().as_secs_f64() / 3.0;
    println!(
        "{} articles, {:.2} MB, {:.3} s per pass, {:.1} MB/s, {} claims",
        texts.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        claims / 3
    );
}
