//! One module per subcommand; each takes parsed arguments and a `Context`, calls the core
//! and adapters, and hands a report to `render`.

pub mod plan_analyze;

use std::io::IsTerminal;

use crate::cli::{Cli, Command, Format, PlanCommand};
use crate::error::{Error, ExitCode};
use crate::render;

/// What every command needs from the global flags and the process environment.
pub struct Context {
    pub format: Format,
    pub style: render::Style,
    pub quiet: bool,
}

impl Context {
    pub fn from_cli(cli: &Cli) -> Context {
        let stdout_tty = std::io::stdout().is_terminal();
        let env = |k: &str| std::env::var(k).ok();
        Context {
            format: cli.global.format,
            style: render::Style::decide(cli.global.color, stdout_tty, env),
            quiet: cli.global.quiet,
        }
    }

    /// A warning on stderr unless `--quiet`.
    pub fn warn(&self, msg: &str) {
        if !self.quiet {
            eprintln!("warning: {msg}");
        }
    }
}

pub fn run(cli: &Cli) -> Result<ExitCode, Error> {
    let ctx = Context::from_cli(cli);
    match &cli.command {
        Command::Plan(p) => match &p.command {
            PlanCommand::Analyze(a) => plan_analyze::run(a, &ctx),
        },
    }
}
