//! The web app: a thin Yew shell over the core library.

fn main() {}
