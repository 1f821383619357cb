//! One module per subcommand; each takes parsed arguments and a `Context`, calls the core
//! and adapters, and hands a report to `render`.

pub mod auth;
pub mod budget;
pub mod config;
pub mod cost;
pub mod dashboard;
pub mod history_store;
pub mod plan_analyze;
pub mod plan_comment;
pub mod plan_explain;
pub mod plan_history;
pub mod plan_save;
pub mod policy;
pub mod repo_scan;
pub mod repo_scan_github;
pub mod repo_scan_plan;
pub mod spend;

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::cli::{Cli, Command, Format, PlanCommand, RepoCommand};
use crate::error::{Error, ExitCode};
use crate::render;

/// What every command needs from the global flags and the process environment.
pub struct Context {
    pub format: Format,
    pub style: render::Style,
    pub quiet: bool,
    pub config: Option<PathBuf>,
    pub no_config: bool,
    pub data_dir: Option<PathBuf>,
    pub profile: Option<String>,
    pub store: Option<crate::cli::StoreChoice>,
}

impl Context {
    pub fn from_cli(cli: &Cli) -> Context {
        let stdout_tty = std::io::stdout().is_terminal();
        let env = |k: &str| std::env::var(k).ok();
        Context {
            format: cli.global.format,
            style: render::Style::decide(cli.global.color, stdout_tty, env),
            quiet: cli.global.quiet,
            config: cli.global.config.clone(),
            no_config: cli.global.no_config,
            data_dir: cli.global.data_dir.clone(),
            profile: cli.global.profile.clone(),
            store: cli.global.store,
        }
    }

    /// What the environment alone says (for shell completion, where no flags were parsed).
    pub fn from_env() -> Context {
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        Context {
            format: Format::Table,
            style: render::Style::decide(crate::cli::ColorChoice::Never, false, |_| None),
            quiet: true,
            config: env("CLOUDOPS_PLAN_CONFIG").map(PathBuf::from),
            no_config: false,
            data_dir: env("CLOUDOPS_DATA_DIR").map(PathBuf::from),
            profile: env("CLOUDOPS_PROFILE"),
            store: env("CLOUDOPS_HISTORY_STORE").and_then(|s| crate::cli::StoreChoice::parse(&s)),
        }
    }

    /// A note on stderr unless `--quiet` (stdout carries only the result).
    pub fn note(&self, msg: &str) {
        if !self.quiet {
            eprintln!("{msg}");
        }
    }

    /// A warning on stderr unless `--quiet`.
    pub fn warn(&self, msg: &str) {
        if !self.quiet {
            eprintln!("warning: {msg}");
        }
    }
}

/// Writes a command's whole result to stdout. A reader that went away (`| head`) is not an
/// error: it has what it wanted.
pub fn print(bytes: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
            context: "writing to standard output".into(),
            error: e,
        }),
        _ => Ok(()),
    }
}

pub fn run(cli: &Cli) -> Result<ExitCode, Error> {
    let ctx = Context::from_cli(cli);
    match &cli.command {
        Command::Plan(p) => match &p.command {
            PlanCommand::Analyze(a) => plan_analyze::run(a, &ctx),
            PlanCommand::Comment(a) => plan_comment::run(a, &ctx),
            PlanCommand::Explain(a) => plan_explain::run(a, &ctx),
            PlanCommand::History(h) => plan_history::run(h, &ctx),
        },
        Command::Config(c) => config::run(c, &ctx),
        Command::Signup(a) => auth::signup(a, &ctx),
        Command::Confirm(a) => auth::confirm(a, &ctx),
        Command::Login(a) => auth::login(a, &ctx),
        Command::Logout(a) => auth::logout(a, &ctx),
        Command::Auth(a) => auth::run(a, &ctx),
        Command::Cost(a) => cost::run(a, &ctx),
        Command::Budget(a) => budget::run(a, &ctx),
        Command::Completions(c) => {
            print(&crate::generate::completions(c.shell)).map(|()| ExitCode::Success)
        }
        Command::Policy(p) => policy::run(p, &ctx),
        Command::Dashboard(d) => dashboard::run(d, &ctx),
        Command::Repo(r) => match &r.command {
            RepoCommand::Scan(a) => repo_scan::run(a, &ctx),
        },
    }
}
