//! The command tree and global flags. The `///` comments here are the `--help` text and the
//! man pages, so they are written for operators.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::plan::report::Severity;

pub const EXIT_CODES: &str = "\
Exit codes:
  0    success (with --detailed-exitcode: success and no changes)
  1    error: unreadable or invalid input, terraform failure, I/O error
       (with --detailed-exitcode also: Terraform reported a planning error)
  2    changes present (only with --detailed-exitcode, as terraform plan)
  3    gate failed: findings at or above --fail-on, or more destroys than --max-destroy
  4    authentication needed
  64   usage error: bad flags or arguments, invalid configuration
  130  interrupted (Ctrl-C)";

#[derive(Debug, Parser)]
#[command(
    name = "cloudops",
    version,
    about = "Understand Terraform plans before you apply them",
    long_about = "Understand Terraform plans before you apply them.\n\nReads `terraform show -json` output, counts every change as Terraform does, explains replaces, moves, imports, forgets and drift, flags risky changes, never prints a sensitive value, and gates CI with documented exit codes.",
    after_help = EXIT_CODES,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Output format: table for people, json for machines, markdown for PR comments,
    /// github for workflow annotations, sarif for code scanning, junit for test reports
    #[arg(long, global = true, value_enum, env = "CLOUDOPS_FORMAT", default_value_t = Format::Table)]
    pub format: Format,

    /// When to colour the output (also honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print only the result: no warnings or progress on stderr
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// More diagnostics on stderr (-v, -vv); secrets are never logged
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Markdown,
    Github,
    Sarif,
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse Terraform plans
    Plan(PlanArgs),
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(subcommand)]
    pub command: PlanCommand,
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Summarise a plan, explain its changes and drift, flag risky changes, gate CI
    #[command(after_help = EXIT_CODES)]
    Analyze(AnalyzeArgs),
}

/// A severity threshold, or `none` to never fail on findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold(pub Option<Severity>);

fn parse_threshold(s: &str) -> Result<Threshold, String> {
    if s.eq_ignore_ascii_case("none") || s.eq_ignore_ascii_case("never") {
        return Ok(Threshold(None));
    }
    Severity::parse(s)
        .map(|v| Threshold(Some(v)))
        .ok_or_else(|| "expected one of: info, low, medium, high, critical, none".to_string())
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// The plan: JSON from `terraform show -json`, a binary plan from `terraform plan -out`,
    /// or `-` to read standard input
    #[arg(value_name = "PLAN")]
    pub plan: String,

    /// Exit 3 when a finding is at or above this severity (info, low, medium, high,
    /// critical, none)
    #[arg(long, value_name = "SEVERITY", env = "CLOUDOPS_FAIL_ON", value_parser = parse_threshold)]
    pub fail_on: Option<Threshold>,

    /// Exit 3 when the plan destroys more than N resources
    #[arg(long, value_name = "N", env = "CLOUDOPS_MAX_DESTROY")]
    pub max_destroy: Option<u64>,

    /// Destroy count at which the mass-destroy rule (CO009) reports a finding [default: 10]
    #[arg(long, value_name = "N")]
    pub mass_destroy_threshold: Option<u64>,

    /// As `terraform plan -detailed-exitcode`: exit 2 when applying would change something
    /// (the plan's `applyable`), 0 when not, 1 when Terraform reported a planning error
    #[arg(long)]
    pub detailed_exitcode: bool,

    /// Terraform (or OpenTofu) binary used to read binary plan files
    #[arg(long, value_name = "PATH", env = "CLOUDOPS_TERRAFORM_BIN")]
    pub terraform_bin: Option<PathBuf>,

    /// Show values of attributes whose names suggest a secret (password, token, ...)
    /// unless Terraform marked them sensitive
    #[arg(long)]
    pub no_mask_secret_names: bool,

    /// Ignore a rule by ID or name (repeatable), e.g. CO010 or drift-detected
    #[arg(long, value_name = "RULE")]
    pub ignore_rule: Vec<String>,

    /// Ignore findings on addresses matching a pattern (`*` and `?`; repeatable)
    #[arg(long, value_name = "PATTERN")]
    pub ignore_address: Vec<String>,

    /// Project settings file [default: the nearest .cloudops.toml up to the repository root]
    #[arg(
        long,
        value_name = "FILE",
        env = "CLOUDOPS_PLAN_CONFIG",
        conflicts_with = "no_config"
    )]
    pub config: Option<PathBuf>,

    /// Do not read any .cloudops.toml
    #[arg(long)]
    pub no_config: bool,
}
