//! Prints an article's reading (sources, claims, attributions): `cargo run --example dump -- FILE`.
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let r = claimdb::reading::read_article(&text, &Default::default());
    for (i, s) in r.sources.iter().enumerate() {
        println!("S{i} {} [{}] {:?}", s.name, s.kind, s.aliases);
    }
    println!("publisher {:?} cited {:?}", r.publisher, r.cited);
    for c in &r.claims {
        println!(
            "-- [{}..{}] {}",
            c.sentence.start,
            c.sentence.end,
            c.text(&text).chars().take(70).collect::<String>()
        );
        for a in &c.attributions {
            println!(
                "   src={:?} kind={} cue={:?} mention={:?} rule={} res={}",
                a.source.map(|s| &r.sources[s].name),
                a.kind,
                a.cue.iter().map(|s| s.text(&text)).collect::<Vec<_>>(),
                a.mention.map(|m| (m.text(&text), m.start, m.end)),
                a.rule,
                a.resolution
            );
        }
    }
}
