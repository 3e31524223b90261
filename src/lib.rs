//! # postfix-tls
//!
//! Generate, parse and lint Postfix TLS configuration.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod config;
pub mod diagnostic;
pub mod lang;
pub mod options;
pub mod render;
pub mod rules;
pub mod version;
