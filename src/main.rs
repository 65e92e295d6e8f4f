//! The `claimdb` binary: a thin shell over the `claimdb` library.

mod cli;

/// mimalloc instead of the system allocator: extraction makes many small,
/// short-lived allocations (tokens, words, spans), and the extract bench
/// runs about 1.07 times as fast with it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
