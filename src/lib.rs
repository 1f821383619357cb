//! cloudops: understand Terraform plans before applying them.
//!
//! Module map and the direction of dependencies (inward only):
//!
//! - `cli` parses; `commands` glue parsed arguments to the core, adapters and renderers.
//! - `plan` is the pure analysis core (no IO, no clock, no environment).
//! - `render` is the only place that formats user-visible output; it depends on `plan::report`.
//! - `terraform` is the adapter that runs a terraform binary (binary plan files).
//! - `config` resolves flags > `CLOUDOPS_*` environment > `.cloudops.toml` > defaults.
//! - `error` maps every failure to a documented exit code and a next step.

pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod plan;
pub mod render;
pub mod terraform;

pub use error::{Error, ExitCode};
