//! `--policy` on `plan analyze` and `repo scan` (which policies, which packages, how long),
//! and `cloudops policy test`, which runs the policies' own tests.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use crate::cli::{Format, PolicyArgs, PolicyCmdArgs, PolicyCommand, PolicyTestArgs};
use crate::commands::Context;
use crate::config::PlanSettings;
use crate::error::{Error, ExitCode};
use crate::policy::verify::{self, Verdict};
use crate::policy::{Options, Outcome, PolicyError, PolicySet};
use crate::scan::{RepoScan, SourceFile};

pub fn run(args: &PolicyCmdArgs, ctx: &Context) -> Result<ExitCode, Error> {
    match &args.command {
        PolicyCommand::Test(t) => test(t, ctx),
    }
}

/// The policies the flags, else the settings file, name, loaded before any input is read so
/// that a broken policy fails fast. `None` when there are none.
pub fn load(args: &PolicyArgs, settings: &PlanSettings) -> Result<Option<PolicySet>, Error> {
    let paths: Vec<PathBuf> = if args.policy.is_empty() {
        settings.policies.clone()
    } else {
        args.policy.clone()
    };
    if paths.is_empty() {
        if !args.namespace.is_empty() || args.all_namespaces {
            return Err(Error::usage(
                "--namespace and --all-namespaces choose among policies, and none were given",
                "add --policy PATH (or plan.policies in .cloudops.toml)",
            ));
        }
        return Ok(None);
    }
    let opts = Options {
        namespaces: if args.namespace.is_empty() {
            settings.policy_namespaces.clone()
        } else {
            args.namespace.clone()
        },
        all_namespaces: args.all_namespaces,
        timeout: Duration::from_secs(args.policy_timeout),
    };
    let set = PolicySet::load(&paths, &opts)?;
    tracing::info!(
        files = set.files(),
        namespaces = ?set.namespaces(),
        "policies loaded"
    );
    Ok(Some(set))
}

/// conftest lists exempted results apart; so does cloudops, on stderr.
pub fn note_excepted(excepted: &[Outcome], ctx: &Context) {
    for o in excepted {
        ctx.note(&format!("excepted by policy: {} {}", o.id(), o.message));
    }
}

fn test(args: &PolicyTestArgs, ctx: &Context) -> Result<ExitCode, Error> {
    if !matches!(ctx.format, Format::Table | Format::Json) {
        return Err(Error::usage(
            "`cloudops policy test` prints table or json",
            "use --format table or --format json",
        ));
    }
    let results = verify::run_tests(&args.paths, Duration::from_secs(args.policy_timeout))?;
    let failed = results
        .iter()
        .filter(|r| r.verdict != Verdict::Pass)
        .count();
    let mut out = String::new();
    if ctx.format == Format::Json {
        let doc = serde_json::json!({
            "schema_version": 1,
            "passed": results.len() - failed,
            "failed": failed,
            "tests": results,
        });
        out = serde_json::to_string_pretty(&doc).expect("test results serialize") + "\n";
    } else {
        for r in &results {
            let label = match r.verdict {
                Verdict::Pass => "PASS",
                Verdict::Fail => "FAIL",
                Verdict::Error => "ERROR",
            };
            out.push_str(&format!(
                "{label} {}: data.{}.{} ({:.1} ms)\n",
                r.file, r.package, r.name, r.duration_ms
            ));
            if let Some(e) = &r.error {
                out.push_str(&format!("  {e}\n"));
            }
        }
        out.push_str(&format!(
            "{} test(s), {} passed, {failed} failed\n",
            results.len(),
            results.len() - failed
        ));
    }
    crate::commands::print(out.as_bytes())?;
    if results.is_empty() {
        ctx.warn("no test_ rules were found in the policies given");
    }
    Ok(if failed > 0 {
        ExitCode::Failure
    } else {
        ExitCode::Success
    })
}

/// Policies shared by the repositories of one `repo scan`, which may be scanned at once; the
/// first policy error stops the command once every scan has finished.
pub struct CodePolicies {
    set: Mutex<PolicySet>,
    unmasked: bool,
    excepted: Mutex<Vec<Outcome>>,
    error: Mutex<Option<PolicyError>>,
}

impl CodePolicies {
    pub fn new(set: PolicySet, unmasked: bool) -> CodePolicies {
        CodePolicies {
            set: Mutex::new(set),
            unmasked,
            excepted: Mutex::new(Vec::new()),
            error: Mutex::new(None),
        }
    }

    pub fn apply(&self, files: &[SourceFile], repo: &mut RepoScan) {
        let mut set = self.set.lock().unwrap_or_else(PoisonError::into_inner);
        match crate::policy::code::apply(&mut set, files, repo, self.unmasked) {
            Ok(ex) => self
                .excepted
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .extend(ex),
            Err(e) => {
                self.error
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .get_or_insert(e);
            }
        }
    }

    /// The first policy error, else the exempted results noted on stderr.
    pub fn finish(&self, ctx: &Context) -> Result<(), Error> {
        if let Some(e) = self
            .error
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
        {
            return Err(e.into());
        }
        note_excepted(
            &self.excepted.lock().unwrap_or_else(PoisonError::into_inner),
            ctx,
        );
        Ok(())
    }
}
