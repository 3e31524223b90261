//! Calls `generate` with default options many times, for profiling under callgrind:
//! `valgrind --tool=callgrind target/release/examples/profile_generate`.
//! The count can be given as the first argument (default 1,000).

use postfix_tls::options::Options;
use std::hint::black_box;

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000);
    let options = Options::default();
    for _ in 0..runs {
        black_box(postfix_tls::generate(black_box(&options)));
    }
}
