//! The `cloudops` binary: parse the command line, run, map the outcome to an exit code.

use clap::Parser;

use cloudops::cli::Cli;
use cloudops::ExitCode;

fn main() {
    unset_empty_settings();
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
    let level = match (quiet, verbose) {
        (true, _) => "error",
        (_, 0) => "warn",
        (_, 1) => "info",
        _ => "debug",
    };
    let mut filter = tracing_subscriber::EnvFilter::try_from_env("CLOUDOPS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(format!("cloudops={level}")));
    // HTTP and SDK internals log request details at debug/trace (headers, signed requests,
    // bodies): capped whatever CLOUDOPS_LOG asks, so no password or token reaches a log.
    for quiet in [
        "aws_smithy_runtime=info",
        "aws_smithy_runtime_api=info",
        "aws_smithy_http_client=info",
        "aws_sigv4=info",
        "aws_config=info",
        "aws_runtime=info",
        "aws_sdk_cognitoidentityprovider=info",
        "aws_sdk_cognitoidentity=info",
        "hyper=info",
        "hyper_util=info",
        "h2=info",
        "rustls=info",
        "ureq=info",
        "ureq_proto=info",
        "octocrab=info",
    ] {
        filter = filter.add_directive(quiet.parse().expect("a valid directive"));
    }
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .without_time()
        .init();
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
