//! Runs `generate`, or one of its stages, with default options many times, for profiling
//! under callgrind: inlining merges the stages in a profile of `generate` itself, so each
//! can be run alone here.
//!
//! `valgrind --tool=callgrind target/release/examples/profile_stages STAGE`, where STAGE is
//! `generate`, `render`, `validate`, `parse-main`, `parse-master` or `lint`; anything else
//! runs none, which gives the cost of the set-up to subtract. Each runs 1,000 times.

use postfix_tls::options::Options;
use postfix_tls::{config, render, rules};
use std::hint::black_box;

fn main() {
    let stage = std::env::args().nth(1).unwrap_or_default();
    let options = Options::default();
    let rendered = render::render(&options);
    let main = config::parse_main(&rendered.main_cf);
    let master = config::parse_master(&rendered.master_cf);
    let ctx = rules::LintContext::for_options(&options);
    for _ in 0..1_000 {
        match stage.as_str() {
            "generate" => drop(black_box(postfix_tls::generate(black_box(&options)))),
            "render" => drop(black_box(render::render(black_box(&options)))),
            "validate" => drop(black_box(black_box(&options).validate())),
            "parse-main" => drop(black_box(config::parse_main(black_box(&rendered.main_cf)))),
            "parse-master" => drop(black_box(config::parse_master(black_box(
                &rendered.master_cf,
            )))),
            "lint" => drop(black_box(rules::lint(Some(&main), Some(&master), &ctx))),
            _ => {}
        }
    }
}
