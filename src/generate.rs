//! Shell completions and man pages, generated from the clap definitions so that they can
//! never disagree with `--help`. The committed copies in `completions/` and `man/` are checked
//! against these by `tests/generated.rs`.

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;
use roff::{bold, roman, Roff};

use crate::cli::{Cli, EXIT_CODES};

pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];

/// The completion script for `shell`, as `cloudops completions SHELL` prints it.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "cloudops", &mut out);
    out
}

/// The file name each shell looks for.
pub fn completion_file(shell: Shell) -> String {
    match shell {
        Shell::Bash => "cloudops.bash".into(),
        Shell::Zsh => "_cloudops".into(),
        Shell::Fish => "cloudops.fish".into(),
        Shell::PowerShell => "_cloudops.ps1".into(),
        Shell::Elvish => "cloudops.elv".into(),
        _ => format!("cloudops.{shell}"),
    }
}

/// Variables read outside clap's own `env =` arguments.
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "NO_COLOR, CLICOLOR, CLICOLOR_FORCE",
        "Colour, when --color is auto.",
    ),
    (
        "CLOUDOPS_LOG",
        "A tracing filter for -v diagnostics (e.g. cloudops=debug); secrets are never logged.",
    ),
    (
        "CLOUDOPS_HISTORY_RETENTION_DAYS",
        "Days a saved analysis is kept (0: forever).",
    ),
    ("CLOUDOPS_WORKSPACE", "The plan history workspace."),
    (
        "GITHUB_TOKEN, GH_TOKEN",
        "GitHub token for repo scan, over the one stored by auth github login (never printed or logged).",
    ),
    (
        "CLOUDOPS_USER_POOL_ID, CLOUDOPS_CLIENT_ID, CLOUDOPS_IDENTITY_POOL_ID",
        "The Cognito user pool, app client and identity pool to sign in to (see deploy/README.md).",
    ),
    (
        "CLOUDOPS_USERNAME, CLOUDOPS_PASSWORD",
        "For CI: sign in with these on every command, in memory only, over any stored login.",
    ),
    (
        "CLOUDOPS_INSECURE_STORAGE",
        "true: keep tokens in a 0600 file when no OS keyring works (else login refuses).",
    ),
    (
        "CLOUDOPS_AUTH_REFRESH_MARGIN",
        "Refresh tokens that expire within this many seconds (default 300).",
    ),
    (
        "CLOUDOPS_KEYRING_TIMEOUT",
        "Seconds one OS keyring call may take (default 10).",
    ),
    (
        "AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL",
        "The AWS SDK's own settings, honoured as usual (over aws.region and aws.profile).",
    ),
    (
        "GITHUB_STEP_SUMMARY",
        "With --format github, the job summary file the markdown report is appended to.",
    ),
    (
        "TF_WORKSPACE, TF_DATA_DIR",
        "Name the default plan history workspace.",
    ),
    (
        "CLOUDOPS_CONFIG_DIR",
        "Directory of the user config (config.toml).",
    ),
    (
        "CLOUDOPS_BUDGETS_TABLE, CLOUDOPS_COST_CACHE_TABLE, CLOUDOPS_ALERT_TOPIC",
        "The stack's budgets table, cost-cache table and alert topic (over aws.budgets_table, aws.cost_cache_table, aws.alert_topic).",
    ),
    (
        "CLOUDOPS_NOW",
        "An RFC 3339 time that cost and budget use instead of the clock (reproducible reports).",
    ),
    (
        "AWS_ENDPOINT_URL_COST_EXPLORER, AWS_ENDPOINT_URL_SNS, AWS_ENDPOINT_URL_STS",
        "Per-service endpoints, as the AWS SDK defines them.",
    ),
    ("Empty CLOUDOPS_* variables", "Count as unset."),
];

const FILES: &[(&str, &str)] = &[
    ("$XDG_CONFIG_HOME/cloudops/config.toml", "User config with named profiles (~/.config/cloudops on Linux); see cloudops config and CLOUDOPS_CONFIG_DIR."),
    (".cloudops.toml", "Project settings ([plan], [history], [aws], [auth]), the nearest one from the current directory up to the repository root; see --config."),
    ("$XDG_CONFIG_HOME/cloudops/jwks-*.json", "The user pool's public keys, cached for a day to verify ID tokens (nothing secret)."),
    ("$XDG_CONFIG_HOME/cloudops/credentials-*.json", "Only with --insecure-storage and no working OS keyring: tokens in a 0600 file (otherwise they are in the OS keyring)."),
    ("$XDG_DATA_HOME/cloudops/cloudops.db", "The plan history, budgets, alert records and cached Cost Explorer answers (SQLite); ~/.local/share/cloudops on Linux, see --data-dir and CLOUDOPS_DATA_DIR."),
];

/// Every man page: `cloudops.1` and one per subcommand (`cloudops-plan-analyze.1`), as
/// (file name, roff text).
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    collect(&cmd, "cloudops", &mut pages);
    pages
}

fn collect(cmd: &clap::Command, name: &str, pages: &mut Vec<(String, Vec<u8>)>) {
    let cmd = cmd
        .clone()
        .name(name.to_string())
        .bin_name(name.replace('-', " "));
    pages.push((format!("{name}.1"), page(&cmd)));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, &format!("{name}-{}", sub.get_name()), pages);
    }
}

fn page(cmd: &clap::Command) -> Vec<u8> {
    let man = clap_mangen::Man::new(cmd.clone())
        .source(format!("cloudops {}", env!("CARGO_PKG_VERSION")));
    let mut out = Vec::new();
    // Sections by hand: the standard ones, then EXIT STATUS, ENVIRONMENT, FILES instead of
    // clap's free-form after-help text.
    type Render = fn(&Man, &mut dyn std::io::Write) -> std::io::Result<()>;
    let sections: [Render; 5] = [
        Man::render_title,
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ];
    for render in sections {
        render(&man, &mut out).expect("writing to a Vec cannot fail");
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut out)
            .expect("writing to a Vec cannot fail");
    }
    let mut roff = Roff::new();
    roff.control("SH", ["EXIT STATUS"]);
    for line in EXIT_CODES.lines().skip(1) {
        let line = line.trim();
        match line.split_once(char::is_whitespace) {
            Some((code, text)) if code.chars().all(|c| c.is_ascii_digit()) => {
                roff.control("TP", [])
                    .text([bold(code)])
                    .text([roman(text.trim())]);
            }
            _ => {
                roff.text([roman(line)]);
            }
        }
    }
    roff.control("SH", ["ENVIRONMENT"]);
    let mut from_flags: Vec<(String, String)> = Vec::new();
    for a in cmd.get_arguments() {
        if let Some(env) = a.get_env() {
            let flag = a.get_long().map(|l| format!("--{l}")).unwrap_or_default();
            from_flags.push((
                env.to_string_lossy().into_owned(),
                format!("Default for {flag}."),
            ));
        }
    }
    for (var, text) in from_flags
        .iter()
        .map(|(v, t)| (v.as_str(), t.as_str()))
        .chain(
            ENVIRONMENT
                .iter()
                .copied()
                .filter(|(v, _)| !from_flags.iter().any(|(f, _)| f == v)),
        )
    {
        roff.control("TP", []).text([bold(var)]).text([roman(text)]);
    }
    roff.control("SH", ["FILES"]);
    for (file, text) in FILES {
        roff.control("TP", [])
            .text([bold(*file)])
            .text([roman(*text)]);
    }
    let related: Vec<String> = std::iter::once("cloudops".to_string())
        .chain(
            Cli::command()
                .get_subcommands()
                .map(|s| format!("cloudops-{}", s.get_name())),
        )
        .filter(|n| n != cmd.get_name())
        .map(|n| format!("{n}(1)"))
        .collect();
    roff.control("SH", ["SEE ALSO"])
        .text([roman(related.join(", "))]);
    roff.to_writer(&mut out)
        .expect("writing to a Vec cannot fail");
    out
}
