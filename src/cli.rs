//! The command tree and global flags. The `///` comments here are the `--help` text and the
//! man pages, so they are written for operators.

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Arg, Args, Parser, Subcommand, ValueEnum};

use crate::plan::report::Severity;

pub const EXIT_CODES: &str = "\
Exit codes:
  0    success (with --detailed-exitcode: success and no changes)
  1    error: unreadable or invalid input, terraform failure, I/O or store error
       (with --detailed-exitcode also: Terraform reported a planning error)
  2    changes present (only with --detailed-exitcode, as terraform plan)
  3    gate failed: findings at or above --fail-on, or more destroys than --max-destroy;
       budget check: month-to-date spend crossed a budget threshold
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

/// `repo scan` prints no annotations, test reports or CSV and keeps nothing in the store.
/// An argument with a global flag's id stops clap copying that flag into the subcommand, and
/// clap still hands the value up to `GlobalArgs` by id, so the derive reads it unchanged. A
/// global `--format junit` before the subcommand still parses; `repo_scan::run` refuses it.
fn scan_format() -> Arg {
    let formats =
        PossibleValuesParser::new(["table", "json", "markdown", "sarif"]).map(|s| {
            match s.as_str() {
                "json" => Format::Json,
                "markdown" => Format::Markdown,
                "sarif" => Format::Sarif,
                _ => Format::Table,
            }
        });
    Arg::new("format")
        .long("format")
        .value_name("FORMAT")
        .env("CLOUDOPS_FORMAT")
        .default_value("table")
        .value_parser(formats)
        .help(
            "Output format: table for people, json for machines, markdown for PR comments, \
             sarif for code scanning",
        )
}

/// A global store flag that `repo scan` refuses, hidden from its help.
fn scan_refuses(flag: &'static str) -> Arg {
    Arg::new(flag.replace('-', "_"))
        .long(flag)
        .value_name("VALUE")
        .hide(true)
        .value_parser(move |_: &str| -> Result<PathBuf, String> {
            Err(format!(
                "`repo scan` keeps nothing in the store, so --{flag} does not apply; drop it"
            ))
        })
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Output format: table for people, json for machines, markdown for PR comments,
    /// github for workflow annotations, sarif for code scanning, junit for test reports,
    /// csv for spreadsheets (`cost`), html for one self-contained page (`plan analyze`)
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

    /// Project settings file [default: the nearest .cloudops.toml up to the repository root]
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        env = "CLOUDOPS_PLAN_CONFIG",
        conflicts_with = "no_config"
    )]
    pub config: Option<PathBuf>,

    /// Read no settings file: neither .cloudops.toml nor the user config
    #[arg(long, global = true)]
    pub no_config: bool,

    /// Settings profile from the user config (`[profiles.NAME]`), e.g. one per AWS account
    /// or stack [default: the config's `profile` key]
    #[arg(long, global = true, value_name = "NAME", env = "CLOUDOPS_PROFILE")]
    pub profile: Option<String>,

    /// Directory of the local store (plan history, budgets, cached costs) [default: the
    /// platform's data directory,
    /// e.g. ~/.local/share/cloudops]
    #[arg(long, global = true, value_name = "DIR", env = "CLOUDOPS_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// Where the plan history, budgets and cached costs live: local (the embedded store),
    /// dynamodb (your partition of the shared tables; needs `cloudops login` and aws.plans_table,
    /// aws.budgets_table, aws.cost_cache_table), or auto (dynamodb when logged in and the
    /// table is configured, else local)
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "STORE",
        env = "CLOUDOPS_HISTORY_STORE"
    )]
    pub store: Option<StoreChoice>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StoreChoice {
    Auto,
    Local,
    Dynamodb,
}

impl StoreChoice {
    pub fn parse(s: &str) -> Option<StoreChoice> {
        <StoreChoice as ValueEnum>::from_str(s, true).ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Markdown,
    Github,
    Sarif,
    Junit,
    Csv,
    Html,
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
    /// Find and assess Terraform code in GitHub repositories or a local directory
    Repo(RepoArgs),
    /// Show and change settings: the user config, its profiles, and where values come from
    Config(ConfigArgs),
    /// Create an account in the configured Cognito user pool (a code is emailed to confirm it)
    Signup(SignupArgs),
    /// Confirm a new account with the emailed code (or --resend for a new code)
    Confirm(ConfirmArgs),
    /// Sign in to the configured Cognito user pool; the tokens go to the OS keyring
    Login(LoginArgs),
    /// Sign out on every device (revoking the refresh token) and forget the stored tokens
    Logout(LogoutArgs),
    /// Who is logged in, tokens for scripts, and the GitHub token for `repo scan`
    Auth(AuthArgs),
    /// AWS spend from Cost Explorer: by service (or account, region, usage type, tag), daily
    /// trend and month-end forecast; answers are cached for 12 hours
    Cost(CostArgs),
    /// Budgets with SNS alerts: set, list, delete, and check month-to-date spend against them
    Budget(BudgetArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish); see the README
    /// for where to put it
    Completions(CompletionsArgs),
    /// The plan history, drift, cost and budgets as web pages: served on 127.0.0.1 behind a
    /// per-run token (read-only), or written as static HTML with --export
    Dashboard(DashboardArgs),
    /// Rego policies: run their tests (`policy test`, as `opa test` and `conftest verify`)
    Policy(PolicyCmdArgs),
}

#[derive(Debug, Args)]
pub struct PolicyCmdArgs {
    #[command(subcommand)]
    pub command: PolicyCommand,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Run the `test_` rules of the policies at PATH (files or directories of `.rego`,
    /// `_test.rego` files included); exit 1 when any test fails or errors
    Test(PolicyTestArgs),
}

#[derive(Debug, Args)]
pub struct PolicyTestArgs {
    /// Policy files or directories
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Seconds one test may run before it is stopped
    #[arg(long, value_name = "SECONDS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub policy_timeout: u64,
}

/// Rego policies (conftest's conventions) run on the input, their results as findings.
#[derive(Debug, Clone, Args)]
pub struct PolicyArgs {
    /// Rego policy file or directory of `.rego` files (repeatable; `_test.rego` files are
    /// left out) [default: plan.policies]
    #[arg(long, value_name = "PATH")]
    pub policy: Vec<PathBuf>,

    /// Policy package whose deny, violation and warn rules run (repeatable)
    /// [default: plan.policy_namespaces, else main]
    #[arg(long, value_name = "PACKAGE")]
    pub namespace: Vec<String>,

    /// Run the rules of every package the policies declare
    #[arg(long, conflicts_with = "namespace")]
    pub all_namespaces: bool,

    /// Give policies sensitive values as they are instead of masked; what policies return
    /// is still masked in every output
    #[arg(long)]
    pub policy_unmasked: bool,

    /// Seconds one policy rule may run on one input before it is stopped (exit 1)
    #[arg(long, value_name = "SECONDS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub policy_timeout: u64,
}

#[derive(Debug, Args)]
pub struct SignupArgs {
    /// The account's email address (asked for on a terminal when not given)
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,
    /// Read the password from standard input instead of asking for it (never pass it as an
    /// argument: it would show in the process list and shell history)
    #[arg(long)]
    pub password_stdin: bool,
}

#[derive(Debug, Args)]
pub struct ConfirmArgs {
    /// The account's email address (asked for on a terminal when not given)
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,
    /// The code from the email (asked for on a terminal when not given)
    #[arg(long, value_name = "CODE", conflicts_with = "resend")]
    pub code: Option<String>,
    /// Send a new code instead of confirming
    #[arg(long)]
    pub resend: bool,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// The account's email address (asked for on a terminal when not given)
    #[arg(long, value_name = "ADDRESS")]
    pub email: Option<String>,
    /// Read the password from standard input instead of asking for it
    #[arg(long)]
    pub password_stdin: bool,
    /// When no OS keyring works, keep the tokens in a 0600 file in the config directory
    /// instead of refusing (also `auth.insecure_storage = true`)
    #[arg(long)]
    pub insecure_storage: bool,
}

#[derive(Debug, Args)]
pub struct LogoutArgs {
    /// Only forget the tokens on this machine; do not revoke them (e.g. when offline)
    #[arg(long)]
    pub local: bool,
}

#[derive(Debug, Args)]
pub struct AuthArgs {
    #[command(subcommand)]
    pub command: AuthCommand,
}

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Who is logged in, until when, where the tokens are kept, and which AWS identity they
    /// give (exit 4 when not logged in); refreshes tokens that are about to expire
    Status,
    /// Print the access token (refreshed if needed) for scripts, e.g.
    /// `curl -H "Authorization: Bearer $(cloudops auth token)"`
    Token(TokenArgs),
    /// Keep a GitHub token for `repo scan` in the OS keyring (GITHUB_TOKEN / GH_TOKEN win)
    Github(GithubTokenArgs),
}

#[derive(Debug, Args)]
pub struct TokenArgs {
    /// Print the ID token instead (it carries the user's claims)
    #[arg(long)]
    pub id: bool,
}

#[derive(Debug, Args)]
pub struct GithubTokenArgs {
    #[command(subcommand)]
    pub command: GithubTokenCommand,
}

#[derive(Debug, Subcommand)]
pub enum GithubTokenCommand {
    /// Store a token read from standard input (or asked for on a terminal), e.g.
    /// `gh auth token | cloudops auth github login`
    Login(GithubLoginArgs),
    /// Forget the stored token
    Logout(GithubHostArg),
    /// Say whether a token is stored, and which one `repo scan` would use
    Status(GithubHostArg),
}

#[derive(Debug, Args)]
pub struct GithubLoginArgs {
    #[command(flatten)]
    pub host: GithubHostArg,
    /// When no OS keyring works, keep the token in a 0600 file in the config directory
    #[arg(long)]
    pub insecure_storage: bool,
}

#[derive(Debug, Args)]
pub struct GithubHostArg {
    /// The GitHub API the token is for [default: https://api.github.com]
    #[arg(long, value_name = "URL", env = "CLOUDOPS_GITHUB_API_URL")]
    pub github_api: Option<String>,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Where the settings files are, and which profile is in use
    Path,
    /// Every setting's value and where it comes from (flag defaults, environment, files)
    List,
    /// One setting's value, e.g. `cloudops config get plan.fail_on`
    Get(ConfigKeyArg),
    /// Set a value in the user config (in the `--profile` given, else the base), e.g.
    /// `cloudops config set plan.fail_on high`
    Set(ConfigSetArgs),
    /// Remove a value from the user config (from the `--profile` given, else the base)
    Unset(ConfigKeyArg),
    /// Set the auth and aws settings from a deployed deploy/ stack's outputs (reads them with
    /// CloudFormation DescribeStacks, using your AWS credentials), in the `--profile` given
    FromStack(FromStackArgs),
}

#[derive(Debug, Args)]
pub struct FromStackArgs {
    /// The CloudFormation stack deployed from deploy/template.yaml
    #[arg(value_name = "STACK")]
    pub stack: String,
    /// The stack's region [default: AWS_REGION, aws.region, or the AWS profile's]
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
}

#[derive(Debug, Args)]
pub struct ConfigKeyArg {
    /// The key, e.g. plan.fail_on, history.retention_days, plan.severity.CO002
    #[arg(value_name = "KEY")]
    pub key: String,
}

#[derive(Debug, Args)]
pub struct ConfigSetArgs {
    /// The key, e.g. plan.fail_on, history.retention_days, plan.severity.CO002
    #[arg(value_name = "KEY")]
    pub key: String,
    /// The value; lists are comma-separated (`CO010,CO002`)
    #[arg(value_name = "VALUE")]
    pub value: String,
}

#[derive(Debug, Args)]
pub struct DashboardArgs {
    /// Port on 127.0.0.1 to serve on [default: a free port]
    #[arg(long, value_name = "PORT", conflicts_with = "export")]
    pub port: Option<u16>,

    /// Print the URL without opening a browser
    #[arg(long, conflicts_with = "export")]
    pub no_open: bool,

    /// Write every page as self-contained static HTML into DIR (created if missing) and
    /// exit, instead of serving; open DIR/index.html, offline
    #[arg(long, value_name = "DIR")]
    pub export: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct RepoArgs {
    #[command(subcommand)]
    pub command: RepoCommand,
}

#[derive(Debug, Subcommand)]
pub enum RepoCommand {
    /// Inventory Terraform root modules (versions, providers, modules, backend, resources) and
    /// flag risks in code: hard-coded secrets, unpinned modules and providers, local state,
    /// open ingress, public buckets, unencrypted storage
    #[command(after_help = EXIT_CODES)]
    Scan(ScanArgs),
}

#[derive(Debug, Args)]
#[command(arg = scan_format(), arg = scan_refuses("data-dir"), arg = scan_refuses("store"))]
pub struct ScanArgs {
    /// What to scan: a local directory (PATH; `./name` forces a path), every repository of a
    /// GitHub user or organisation (OWNER), or one repository (OWNER/REPO, optionally @REF for
    /// a branch, tag or commit)
    #[arg(value_name = "TARGET")]
    pub target: String,

    /// Only files whose path (relative to the repository) matches (repeatable; `**` spans
    /// directories)
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,

    /// Skip files whose path matches (repeatable), e.g. `examples/**`
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// With OWNER: only repositories whose name matches (repeatable)
    #[arg(long, value_name = "GLOB")]
    pub repos: Vec<String>,

    /// With OWNER: leave out archived repositories
    #[arg(long)]
    pub skip_archived: bool,

    /// With OWNER: leave out forks
    #[arg(long)]
    pub skip_forks: bool,

    /// Stop with an error at GitHub's rate limit instead of waiting for it to reset
    #[arg(long)]
    pub no_wait: bool,

    /// Repositories fetched at once
    #[arg(long, value_name = "N", default_value_t = 4,
          value_parser = clap::value_parser!(u16).range(1..=32))]
    pub concurrency: u16,

    /// For a local directory: run `terraform init`, `plan` and `show -json` in each root
    /// module and analyse the plan (drift, changes, plan findings); a failure is reported as
    /// a failure, never as "no changes"
    #[arg(long)]
    pub plan: bool,

    /// Terraform binary for --plan
    #[arg(long, value_name = "PATH", env = "CLOUDOPS_TERRAFORM_BIN")]
    pub terraform_bin: Option<PathBuf>,

    /// Exit 3 when a finding is at or above this severity (info, low, medium, high,
    /// critical, none)
    #[arg(long, value_name = "SEVERITY", env = "CLOUDOPS_FAIL_ON", value_parser = parse_threshold)]
    pub fail_on: Option<Threshold>,

    /// With --fail-on: do not fail because files were skipped (over 4 MiB, not UTF-8,
    /// unreadable, special files, syntax not read yet); they are still listed
    #[arg(long)]
    pub allow_skipped: bool,

    /// GitHub API base URL (GitHub Enterprise: https://HOST/api/v3)
    #[arg(long, value_name = "URL", env = "CLOUDOPS_GITHUB_API_URL")]
    pub github_api: Option<String>,

    #[command(flatten)]
    pub policies: PolicyArgs,
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

    /// Analyze a plan and post the markdown report to a GitHub pull request as one comment
    /// per workspace, updated in place on the next run
    #[command(after_help = EXIT_CODES)]
    Comment(CommentArgs),

    /// Explain a plan in plain words with Amazon Bedrock: only the redacted analysis is
    /// sent, never the plan or a sensitive value
    #[command(after_help = EXIT_CODES)]
    Explain(AnalyzeArgs),

    /// Saved analyses: list them (the default), show one, compare two, delete one
    #[command(args_conflicts_with_subcommands = true, after_help = EXIT_CODES)]
    History(HistoryArgs),
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    #[command(subcommand)]
    pub command: Option<HistoryCommand>,
    #[command(flatten)]
    pub list: HistoryListArgs,
}

#[derive(Debug, Subcommand)]
pub enum HistoryCommand {
    /// List saved analyses, newest first
    List(HistoryListArgs),
    /// Show one saved analysis in any --format, as `plan analyze` printed it
    Show(HistoryShowArgs),
    /// Compare two saved analyses: what started or stopped changing, findings, drift
    Diff(HistoryDiffArgs),
    /// Delete one saved analysis
    Delete(HistoryIdArg),
    /// Copy the embedded store's history into the shared one (DynamoDB); entries already
    /// there are recognised and not copied twice
    Import(HistoryImportArgs),
}

#[derive(Debug, Args)]
pub struct HistoryImportArgs {
    /// Where to copy from (the embedded store in --data-dir)
    #[arg(long, value_enum, value_name = "STORE")]
    pub from: ImportSource,
    /// Only this workspace
    #[arg(long, value_name = "NAME")]
    pub workspace: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportSource {
    Local,
}

#[derive(Debug, Args)]
pub struct HistoryListArgs {
    /// Only this workspace
    #[arg(long, value_name = "NAME", add = clap_complete::ArgValueCompleter::new(crate::complete::workspaces))]
    pub workspace: Option<String>,

    /// Only analyses saved since: a date (2026-11-01, UTC), a time (2026-11-01T08:00:00Z) or an
    /// age (90m, 36h, 7d, 2w)
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,

    /// Entries per page; 0 lists all
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,

    /// Continue a listing where the previous page ended (printed after each page)
    #[arg(long, value_name = "TOKEN")]
    pub page: Option<String>,
}

#[derive(Debug, Args)]
pub struct HistoryIdArg {
    /// The entry's ID, or an unambiguous prefix of at least 4 characters
    #[arg(value_name = "ID", add = clap_complete::ArgValueCompleter::new(crate::complete::history_ids))]
    pub id: String,
}

#[derive(Debug, Args)]
pub struct HistoryShowArgs {
    /// The entry's ID, or an unambiguous prefix of at least 4 characters
    #[arg(value_name = "ID", add = clap_complete::ArgValueCompleter::new(crate::complete::history_ids))]
    pub id: String,

    /// Print the saved (redacted) plan JSON instead of the analysis (needs --save-plan at save)
    #[arg(long)]
    pub plan: bool,
}

#[derive(Debug, Args)]
pub struct HistoryDiffArgs {
    /// The older entry (ID or prefix)
    #[arg(
        value_name = "OLDER",
        required_unless_present = "last",
        requires = "newer",
        add = clap_complete::ArgValueCompleter::new(crate::complete::history_ids)
    )]
    pub older: Option<String>,

    /// The newer entry (ID or prefix)
    #[arg(value_name = "NEWER", add = clap_complete::ArgValueCompleter::new(crate::complete::history_ids))]
    pub newer: Option<String>,

    /// Compare the N-th newest entry with the newest one (`--last 2`: the latest two)
    #[arg(long, value_name = "N", conflicts_with = "older",
          value_parser = clap::value_parser!(u32).range(2..=1000))]
    pub last: Option<u32>,

    /// With --last: the workspace [default: the workspace of the newest entry]
    #[arg(long, value_name = "NAME", requires = "last", add = clap_complete::ArgValueCompleter::new(crate::complete::workspaces))]
    pub workspace: Option<String>,
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

    #[command(flatten)]
    pub policies: PolicyArgs,

    /// Keep this analysis in the plan history (see `cloudops plan history`)
    #[arg(long)]
    pub save: bool,

    /// Also keep the plan itself, redacted and compressed (implies --save)
    #[arg(long)]
    pub save_plan: bool,

    /// History workspace to save under [default: the git repository and directory, plus the
    /// Terraform workspace when not `default`]
    #[arg(long, value_name = "NAME", env = "CLOUDOPS_WORKSPACE", add = clap_complete::ArgValueCompleter::new(crate::complete::workspaces))]
    pub workspace: Option<String>,

    /// Days a saved analysis is kept; 0 keeps it forever [default: 30]
    #[arg(long, value_name = "DAYS", env = "CLOUDOPS_HISTORY_RETENTION_DAYS",
          value_parser = clap::value_parser!(u32).range(0..=crate::config::MAX_RETENTION_DAYS as i64))]
    pub retention_days: Option<u32>,

    /// After the report, explain the plan with Amazon Bedrock (as `plan explain`; table
    /// format only)
    #[arg(long)]
    pub explain: bool,

    /// Bedrock model or inference profile id for the explanation [default: plan.explain_model,
    /// else us.anthropic.claude-sonnet-4-5-20250929-v1:0]
    #[arg(long, value_name = "MODEL_ID", env = "CLOUDOPS_EXPLAIN_MODEL")]
    pub model: Option<String>,

    /// Stream the explanation as it is written: auto (when stdout is a terminal), always,
    /// never
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = StreamChoice::Auto)]
    pub stream: StreamChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StreamChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct CommentArgs {
    #[command(flatten)]
    pub analyze: AnalyzeArgs,

    /// The repository, OWNER/NAME [default: $GITHUB_REPOSITORY]
    #[arg(long, value_name = "OWNER/NAME")]
    pub repo: Option<String>,

    /// The pull request number [default: from the GitHub Actions event ($GITHUB_EVENT_PATH)]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub pr: Option<u64>,

    /// update: edit this workspace's comment in place (the default); new: post a new one and
    /// mark the old ones outdated; delete-and-new: delete the old ones, then post
    #[arg(long, value_enum, default_value_t = CommentBehavior::Update)]
    pub behavior: CommentBehavior,

    /// GitHub API base URL (GitHub Enterprise: https://HOST/api/v3) [default: $GITHUB_API_URL,
    /// else https://api.github.com]
    #[arg(long, value_name = "URL", env = "CLOUDOPS_GITHUB_API_URL")]
    pub github_api: Option<String>,

    /// On a GitHub rate limit, fail instead of waiting for the reset
    #[arg(long)]
    pub no_wait: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CommentBehavior {
    Update,
    New,
    DeleteAndNew,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("period").args(["last_month", "month", "last", "start"])))]
pub struct CostArgs {
    /// Last calendar month [default: this month, up to today]
    #[arg(long)]
    pub last_month: bool,

    /// One calendar month, YYYY-MM (the current one runs up to today)
    #[arg(long, value_name = "YYYY-MM")]
    pub month: Option<String>,

    /// The N days up to and including today, e.g. 30d
    #[arg(long, value_name = "Nd", allow_hyphen_values = true)]
    pub last: Option<String>,

    /// First day, YYYY-MM-DD (with --end)
    #[arg(long, value_name = "DATE", requires = "end")]
    pub start: Option<String>,

    /// Day after the last one, YYYY-MM-DD: the end is exclusive, as in Cost Explorer
    /// (--start 2026-11-01 --end 2026-12-01 is all of November)
    #[arg(long, value_name = "DATE", requires = "start")]
    pub end: Option<String>,

    /// One row per day or per month
    #[arg(long, value_enum, default_value_t = crate::cost::Granularity::Daily)]
    pub granularity: crate::cost::Granularity,

    /// Split by service, account, region, usage-type, tag:KEY, or none
    #[arg(long, value_name = "DIMENSION", default_value = "service")]
    pub group_by: String,

    /// Cost metric: unblended (what the bill shows), blended, amortized (upfront fees spread
    /// over the term), net (after discounts)
    #[arg(long, value_enum, default_value_t = crate::cost::Metric::Unblended)]
    pub metric: crate::cost::Metric,

    /// Only costs matching KEY=VALUE (service, account, region, usage-type, tag:KEY); repeat
    /// for more: the same key means either value, different keys all of them
    #[arg(long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,

    /// Month-end forecast for the current month: local (straight line from month-to-date
    /// spend, no extra request), aws (Cost Explorer's GetCostForecast), or none
    #[arg(long, value_enum, default_value_t = ForecastChoice::Local)]
    pub forecast: ForecastChoice,

    /// Ask Cost Explorer again even if a cached answer is younger than 12 hours
    #[arg(long)]
    pub refresh: bool,

    /// Groups listed in the table (the rest are summed as "other")
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ForecastChoice {
    Local,
    Aws,
    None,
}

#[derive(Debug, Args)]
pub struct BudgetArgs {
    #[command(subcommand)]
    pub command: BudgetCommand,
}

#[derive(Debug, Subcommand)]
pub enum BudgetCommand {
    /// Create or update a budget (an update keeps the record of alerts already sent)
    Set(BudgetSetArgs),
    /// List budgets
    List,
    /// Delete a budget and its alert records
    Delete(BudgetNameArg),
    /// Month-to-date spend and projection against each budget (or one); publishes one SNS
    /// alert per crossed threshold per calendar month; exits 3 when a threshold is crossed
    Check(BudgetCheckArgs),
}

#[derive(Debug, Args)]
pub struct BudgetSetArgs {
    /// Budget name: 1-64 characters of A-Z a-z 0-9 . _ -
    #[arg(value_name = "NAME", add = clap_complete::ArgValueCompleter::new(crate::complete::budget_names))]
    pub name: String,

    /// Monthly amount, e.g. 100 or 99.50
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub amount: String,

    /// Currency; must be the one Cost Explorer reports in
    #[arg(long, value_name = "CODE", default_value = "USD")]
    pub currency: String,

    /// Alert thresholds, percent of the amount (1-1000)
    #[arg(
        long,
        value_name = "PERCENTS",
        default_value = "50,80,100",
        allow_hyphen_values = true
    )]
    pub thresholds: String,

    /// Count only this service's spend, as Cost Explorer names it (e.g. "Amazon Elastic
    /// Compute Cloud - Compute"); checked against your account's services
    #[arg(long, value_name = "SERVICE")]
    pub service: Option<String>,

    /// Subscribe this email address to the alert topic (aws.alert_topic); SNS mails a
    /// confirmation link first
    #[arg(long, value_name = "EMAIL", conflicts_with = "topic")]
    pub notify: Option<String>,

    /// Publish this budget's alerts to this SNS topic ARN [default: aws.alert_topic]
    #[arg(long, value_name = "ARN")]
    pub topic: Option<String>,
}

#[derive(Debug, Args)]
pub struct BudgetNameArg {
    #[arg(value_name = "NAME", add = clap_complete::ArgValueCompleter::new(crate::complete::budget_names))]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct BudgetCheckArgs {
    /// Check only this budget
    #[arg(value_name = "NAME", add = clap_complete::ArgValueCompleter::new(crate::complete::budget_names))]
    pub name: Option<String>,

    /// Ask Cost Explorer again even if a cached answer is younger than 12 hours
    #[arg(long)]
    pub refresh: bool,
}
