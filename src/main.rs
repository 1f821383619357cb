//! The `cloudops` binary: parse the command line, run, map the outcome to an exit code.

use clap::{CommandFactory, Parser};

use cloudops::cli::Cli;
use cloudops::ExitCode;

fn main() {
    unset_empty_settings();
    // `COMPLETE=bash cloudops` prints the dynamic completion script; the shell then calls
    // back with COMPLETE set to get candidates (IDs, workspaces). Otherwise a no-op.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    // The AWS SDK logs request and response bodies when this is set; cloudops never does.
    std::env::remove_var("LOG_SENSITIVE_BODIES");
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                ExitCode::Usage.code()
            } else {
                0
            };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    init_tracing(cli.global.verbose, cli.global.quiet);
    let code = match cloudops::commands::run(&cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            if let Some(h) = e.hint() {
                eprintln!("  hint: {h}");
            }
            e.exit_code()
        }
    };
    std::process::exit(code.code());
}

fn init_tracing(verbose: u8, quiet: bool) {
    use tracing_subscriber::prelude::*;
    let level = match (quiet, verbose) {
        (true, _) => "error",
        (_, 0) => "warn",
        (_, 1) => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("CLOUDOPS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(format!("cloudops={level}")));
    // HTTP and SDK internals log request details at debug and trace (headers, signed
    // requests, bodies). A second filter drops those whatever CLOUDOPS_LOG asks, however
    // specific its directives, so no password or token can reach a log.
    let internals = tracing_subscriber::filter::filter_fn(|meta| {
        *meta.level() <= tracing::Level::INFO || !is_internal(meta.target())
    });
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_target(false)
        .without_time()
        .with_filter(filter)
        .with_filter(internals);
    tracing_subscriber::registry().with(layer).init();
}

fn is_internal(target: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "aws_", "hyper", "h2", "rustls", "ureq", "octocrab", "tower", "http", "reqwest",
    ];
    PREFIXES.iter().any(|p| target.starts_with(p))
}

/// CI systems export unset variables as empty strings; an empty `CLOUDOPS_*` variable means
/// "not set", not "set to nothing". Done first, while the process has one thread.
fn unset_empty_settings() {
    let empty: Vec<_> = std::env::vars_os()
        .filter(|(k, v)| k.to_string_lossy().starts_with("CLOUDOPS_") && v.is_empty())
        .map(|(k, _)| k)
        .collect();
    for k in empty {
        std::env::remove_var(k);
    }
}
