//! The `claimdb` binary: a thin shell over the `claimdb` library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
