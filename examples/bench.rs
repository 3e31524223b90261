//! Native benchmark of the core: how long one config takes to generate, and how long a
//! 5,000-line main.cf takes to lint. Prints figures with their targets; it is not a test.
//!
//! Run with `cargo run --release --example bench` (scripts/bench does).

use postfix_tls::diagnostic::FileKind;
use postfix_tls::options::{InboundLevel, Options, OutboundLevel, Profile};
use postfix_tls::rules::{self, LintContext};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Lines in the config the linter is timed on.
const LINT_LINES: usize = 5_000;

/// The broken lines of the seed document, so the linter has real findings to report.
const SEED_LINES: &str = "smtp_tls_security_level = kann
smtpd_tls_security_level = kann
smtpd_use_tls = ja
smtpd_tls_cert_file = /Pfad/zu/cert.pem
";

fn main() {
    let options = Options::default();
    let generate = time(20_000, || {
        black_box(postfix_tls::generate(black_box(&options)));
    });

    let text = large_main_cf();
    let ctx = LintContext::for_options(&options);
    // What was measured, so a figure from a core that does nothing is recognisable as such.
    let generated = postfix_tls::generate(&options);
    let findings = rules::lint_text(&text, None, &ctx).1.len();
    // As pasted into "Check my config": the kind is detected from the text, then it is
    // parsed and linted.
    let lint = time(200, || {
        black_box(rules::lint_text(black_box(&text), None, &ctx));
    });
    let (kind, _) = rules::lint_text(&text, None, &ctx);
    assert_eq!(
        kind,
        FileKind::MainCf,
        "the benchmark text is read as a main.cf"
    );

    println!("native core (release build), median of many runs:");
    row(
        "generate one config (default options)",
        &micros(generate.median),
        "< 50 µs",
        generate.median < Duration::from_micros(50),
    );
    row(
        &format!("lint a {LINT_LINES}-line main.cf"),
        &millis(lint.median),
        "< 20 ms",
        lint.median < Duration::from_millis(20),
    );
    println!(
        "  (generate: {} runs, p95 {}, {} main.cf + {} master.cf lines, {} diagnostics;",
        generate.runs,
        micros(generate.p95),
        generated.main_cf.lines().count(),
        generated.master_cf.lines().count(),
        generated.diagnostics.len()
    );
    println!(
        "   lint: {} runs, p95 {}, {} diagnostics in {} lines)",
        lint.runs,
        millis(lint.p95),
        findings,
        text.lines().count()
    );
}

/// A main.cf of exactly [`LINT_LINES`] lines, made of generated output for several option
/// sets, the seed's broken lines and comments: what a long, much-edited real file contains.
fn large_main_cf() -> String {
    let mut variants = Vec::new();
    for (inbound, outbound, profile) in [
        (
            InboundLevel::May,
            OutboundLevel::May,
            Profile::PostfixDefault,
        ),
        (
            InboundLevel::Encrypt,
            OutboundLevel::Dane,
            Profile::Intermediate,
        ),
        (InboundLevel::None, OutboundLevel::Verify, Profile::Modern),
        (
            InboundLevel::May,
            OutboundLevel::Secure,
            Profile::ScannerClean,
        ),
    ] {
        let options = Options {
            inbound,
            outbound,
            inbound_profile: profile,
            comments: true,
            ..Options::default()
        };
        variants.push(postfix_tls::generate(&options).main_cf);
    }
    variants.push(SEED_LINES.to_string());
    variants.push("# an admin's note about this block\n\n".to_string());

    // The seed lines are never empty, so each pass adds lines and the loop ends.
    let mut lines = Vec::with_capacity(LINT_LINES);
    'fill: loop {
        for variant in &variants {
            for line in variant.lines() {
                if lines.len() == LINT_LINES {
                    break 'fill;
                }
                lines.push(line);
            }
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Timings of one measured operation.
struct Timing {
    median: Duration,
    p95: Duration,
    runs: usize,
}

/// Runs `f` after a warm-up, `runs` times, and returns the median and 95th percentile.
fn time(runs: usize, mut f: impl FnMut()) -> Timing {
    for _ in 0..runs.div_ceil(10) {
        f();
    }
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort_unstable();
    Timing {
        median: samples[samples.len() / 2],
        p95: samples[samples.len() * 95 / 100],
        runs,
    }
}

fn micros(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

fn millis(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn row(what: &str, figure: &str, target: &str, met: bool) {
    let verdict = if met { "ok" } else { "MISSED" };
    println!("  {what:<44} {figure:>12}   target {target:<10} {verdict}");
}
