//! cloudops: understand Terraform plans before applying them.
//!
//! Module map and the direction of dependencies (inward only):
//!
//! - `cli` parses; `commands` glue parsed arguments to the core, adapters and renderers.
//! - `plan` is the pure analysis core (no IO, no clock, no environment).
//! - `render` is the only place that formats user-visible output; it depends on `plan::report`.
//! - `store` keeps analyses (the `Store` trait), budgets and cached cost answers
//!   (`store::budgets`), each in SQLite (embedded) or the user's DynamoDB partition.
//! - `cost` (periods, queries, exact sums, projections) and `budget` (validation, thresholds,
//!   alert text) are pure cores: given "now", never reading it.
//! - `aws` builds SDK configuration and holds the Cost Explorer/STS and SNS adapters
//!   (SDK types stop there); `auth` the Cognito login.
//! - `github` is the adapter for GitHub's API (octocrab); `scan` is the pure repository-scan core.
//! - `terraform` is the adapter that runs a terraform binary (binary plan files).
//! - `config` resolves flags > `CLOUDOPS_*` environment > `.cloudops.toml` > defaults.
//! - `workspace` names the default history workspace; `timefmt` parses and prints instants.
//! - `generate` makes shell completions and man pages from the `cli` definitions; `complete`
//!   offers saved-plan IDs and workspaces to dynamic completion.
//! - `error` maps every failure to a documented exit code and a next step.

pub mod auth;
pub mod aws;
pub mod budget;
pub mod cli;
pub mod commands;
pub mod complete;
pub mod config;
pub mod cost;
pub mod dashboard;
pub mod error;
pub mod explain;
pub mod fsutil;
pub mod generate;
pub mod github;
pub mod plan;
pub mod policy;
pub mod render;
pub mod scan;
pub mod store;
pub mod terraform;
pub mod timefmt;
pub mod workspace;

pub use error::{Error, ExitCode};
