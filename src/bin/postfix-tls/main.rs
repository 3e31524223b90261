//! `postfix-tls`: the command-line shell over the library.

fn main() {
    std::process::exit(2);
}
