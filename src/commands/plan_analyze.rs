//! `cloudops plan analyze`: read a plan (file, stdin or binary plan), analyse it, apply the
//! operator's policy, render, and turn the gate into an exit code.

use std::fs::File;
use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use crate::cli::{AnalyzeArgs, Format};
use crate::commands::plan_save::{self, Capture};
use crate::commands::Context;
use crate::config::{self, PlanSettings};
use crate::error::{Error, ExitCode};
use crate::plan::policy::Policy;
use crate::plan::{self, scrub, AnalyzeOptions, PlanError, Report, Sniffed};
use crate::render;
use crate::terraform;

pub fn run(args: &AnalyzeArgs, ctx: &Context) -> Result<ExitCode, Error> {
    run_then(args, ctx, |_| Ok(()))
}

/// `run`, with `then` given the finished report after it is printed and before the exit
/// code is decided, so a failing gate still gets its PR comment.
pub fn run_then(
    args: &AnalyzeArgs,
    ctx: &Context,
    then: impl FnOnce(&Report) -> Result<(), Error>,
) -> Result<ExitCode, Error> {
    run_as(args, ctx, false, then)
}

/// `explain_only`: `plan explain`, which prints the explanation instead of the report.
pub(crate) fn run_as(
    args: &AnalyzeArgs,
    ctx: &Context,
    explain_only: bool,
    then: impl FnOnce(&Report) -> Result<(), Error>,
) -> Result<ExitCode, Error> {
    if ctx.format == Format::Csv {
        return Err(Error::Usage {
            message: "`cloudops plan analyze` has no csv output".into(),
            hint: "use --format table, json, markdown, github, sarif, junit or html".into(),
        });
    }
    crate::commands::plan_explain::check_format(args, ctx, explain_only)?;
    let project =
        config::load_project(ctx.config.as_deref(), ctx.no_config, ctx.profile.as_deref())?;
    let explainer = (explain_only || args.explain)
        .then(|| crate::commands::plan_explain::Explainer::new(args, &project));
    let save = (args.save || args.save_plan).then(|| plan_save::Request::new(args, &project, ctx));
    let settings = project.plan;
    let save = save.transpose()?;
    let opts = AnalyzeOptions {
        mask_secret_names: !args.no_mask_secret_names && settings.mask_secret_names.unwrap_or(true),
        mass_destroy_threshold: args
            .mass_destroy_threshold
            .or(settings.mass_destroy_threshold)
            .unwrap_or(AnalyzeOptions::default().mass_destroy_threshold),
    };
    let mut policies = crate::commands::policy::load(&args.policies, &settings)?;
    let policy = policy(args, settings)?;

    let source = if args.plan == "-" {
        "stdin".to_string()
    } else {
        args.plan.clone()
    };
    // Policies read the whole document, so with them the plan is kept as it streams past.
    let with_policies = policies.is_some();
    let capture = Capture::new(
        save.is_some() || with_policies,
        args.save_plan || with_policies,
    );
    let mut report = analyze_input(args, &source, &opts, &capture)?;
    let mut captured = capture.finish();
    if let Some(set) = &mut policies {
        let (documents, secrets) = scrub::documents(
            captured.copy.as_deref().unwrap_or_default(),
            opts.mask_secret_names,
            !args.policies.policy_unmasked,
        )
        .map_err(|e| plan_error(&source, e))?;
        if !args.save_plan {
            captured.copy = None;
        }
        let excepted = crate::policy::plan::apply(set, documents, &secrets, &mut report)?;
        crate::commands::policy::note_excepted(&excepted, ctx);
    }
    policy.apply(&mut report);

    if !explain_only {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, stdout.lock());
        render::write(&report, ctx.format, &ctx.style, &mut out)
            .and_then(|()| out.flush())
            .or_else(ignore_broken_pipe)
            .map_err(|e| Error::Io {
                context: "writing the report".into(),
                error: e,
            })?;
        if ctx.format == Format::Github {
            append_step_summary(&report, ctx)?;
        }
    }
    then(&report)?;
    if let Some(x) = explainer {
        x.explain(&report, ctx, !explain_only)?;
    }
    let code = if explain_only {
        ExitCode::Success
    } else {
        exit_code(&report, args, ctx)
    };
    if let Some(request) = save {
        request.save(report, captured, &opts, ctx)?;
    }
    Ok(code)
}

/// The documented exit code for an analysed plan, with the reasons on stderr.
fn exit_code(report: &Report, args: &AnalyzeArgs, ctx: &Context) -> ExitCode {
    let gate_failed = report.gate.as_ref().is_some_and(|g| g.failed);
    if gate_failed {
        if !ctx.quiet && ctx.format != Format::Table {
            for r in report.gate.iter().flat_map(|g| g.reasons.iter()) {
                eprintln!("gate failed: {r}");
            }
        }
        return ExitCode::GateFailed;
    }
    if args.detailed_exitcode {
        // As `terraform plan -detailed-exitcode`: an errored plan is an error, and "changes"
        // means what terraform would apply (its `applyable`, which counts data-source reads
        // and refresh-only drift); plans before format 1.2 lack it, so fall back to counts.
        if report.plans.iter().any(|p| p.errored == Some(true)) {
            if !ctx.quiet {
                eprintln!("error: Terraform reported an error while planning; the plan is partial (exit 1 as terraform plan -detailed-exitcode)");
            }
            return ExitCode::Failure;
        }
        let changes = report.plans.iter().any(|p| {
            p.applyable
                .unwrap_or(p.summary.has_changes() || p.summary.read > 0)
        });
        if changes {
            return ExitCode::ChangesPresent;
        }
    }
    ExitCode::Success
}

fn ignore_broken_pipe(e: std::io::Error) -> std::io::Result<()> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e)
    }
}

fn policy(args: &AnalyzeArgs, s: PlanSettings) -> Result<Policy, Error> {
    for r in &args.ignore_rule {
        if !plan::rules::is_known(r) {
            return Err(Error::Usage {
                message: format!("--ignore-rule {r}: no such rule"),
                hint: "rule IDs are CO001..CO013 (or their names), or a policy's PACKAGE.RULE such as main.deny; see the README's rule table"
                    .into(),
            });
        }
    }
    let mut ignore_rules = s.ignore_rules;
    ignore_rules.extend(args.ignore_rule.iter().cloned());
    let mut ignore_addresses = s.ignore_addresses;
    ignore_addresses.extend(args.ignore_address.iter().cloned());
    Ok(Policy {
        ignore_rules,
        ignore_addresses,
        severity: s.severity,
        fail_on: match args.fail_on {
            Some(t) => t.0,
            None => s.fail_on.flatten(),
        },
        max_destroy: args.max_destroy.or(s.max_destroy),
    })
}

fn plan_error(source: &str, error: PlanError) -> Error {
    Error::Plan {
        input: source.to_string(),
        error,
    }
}

fn analyze_input(
    args: &AnalyzeArgs,
    source: &str,
    opts: &AnalyzeOptions,
    capture: &Capture,
) -> Result<Report, Error> {
    let reader: Box<dyn Read> = if args.plan == "-" {
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            return Err(Error::Usage {
                message: "PLAN is `-` but standard input is a terminal".into(),
                hint: "pipe a plan in: `terraform show -json tfplan | cloudops plan analyze -`"
                    .into(),
            });
        }
        Box::new(stdin.lock())
    } else {
        let path = Path::new(&args.plan);
        if path.is_dir() {
            return Err(Error::Usage {
                message: format!("{} is a directory", args.plan),
                hint: "pass a plan file: `terraform show -json tfplan > plan.json`".into(),
            });
        }
        Box::new(File::open(path).map_err(|e| Error::Io {
            context: format!("cannot open {}", args.plan),
            error: e,
        })?)
    };
    match plan::sniff(capture.tee(reader)).map_err(|e| plan_error(source, PlanError::io(e)))? {
        Sniffed::Empty => Err(plan_error(source, PlanError::Empty)),
        Sniffed::Text(docs) => {
            plan::analyze_documents(docs, source, opts).map_err(|e| plan_error(source, e))
        }
        Sniffed::BinaryPlan(head, rest) => {
            // The digest and saved copy are of the JSON that is analysed, not the zip.
            capture.reset();
            analyze_binary(args, source, head, rest, opts, capture)
        }
    }
}

fn analyze_binary(
    args: &AnalyzeArgs,
    source: &str,
    head: Vec<u8>,
    rest: Box<dyn Read + '_>,
    opts: &AnalyzeOptions,
    capture: &Capture,
) -> Result<Report, Error> {
    let shown = if args.plan == "-" {
        "tfplan".to_string()
    } else {
        args.plan.clone()
    };
    let Some(bin) = terraform::resolve(args.terraform_bin.as_deref()) else {
        let what = match &args.terraform_bin {
            Some(p) => format!("the terraform binary {} was not found", p.display()),
            None => "no `terraform` was found on PATH".to_string(),
        };
        return Err(Error::Terraform {
            message: format!("{source} is a binary plan file (from `terraform plan -out`), and {what} to read it"),
            hint: format!(
                "in the configuration directory run `terraform show -json {shown} > plan.json` and analyze plan.json, or pass --terraform-bin (e.g. --terraform-bin tofu)"
            ),
        });
    };
    // Terraform reads plan files by path, so a piped binary plan goes to a private temp file.
    let _temp;
    let path = if args.plan == "-" {
        let mut tmp = tempfile::Builder::new()
            .prefix("cloudops-plan-")
            .tempfile()
            .map_err(|e| Error::Io {
                context: "creating a temporary file for the binary plan".into(),
                error: e,
            })?;
        let mut rest = rest;
        tmp.write_all(&head)
            .and_then(|()| std::io::copy(&mut rest, &mut tmp).map(|_| ()))
            .map_err(|e| Error::Io {
                context: "buffering the binary plan from stdin".into(),
                error: e,
            })?;
        let p = tmp.path().to_path_buf();
        _temp = tmp;
        p
    } else {
        std::path::PathBuf::from(&args.plan)
    };
    let (child, stdout) = terraform::show_json(&bin, &path)?;
    let result = match plan::sniff(capture.tee(stdout)) {
        Ok(Sniffed::Text(docs)) => {
            plan::analyze_documents(docs, source, opts).map_err(|e| plan_error(source, e))
        }
        Ok(Sniffed::Empty) => Err(plan_error(source, PlanError::Empty)),
        Ok(Sniffed::BinaryPlan(..)) => Err(plan_error(
            source,
            PlanError::NotAPlan {
                document: 1,
                detail: "terraform show -json printed binary data".into(),
            },
        )),
        Err(e) => Err(plan_error(source, PlanError::io(e))),
    };
    match (result, child.finish()) {
        (result, Ok(())) => result,
        // Terraform died silently because we stopped reading: our parse error is the news.
        (Err(parse), Err(f)) if f.said_nothing => Err(parse),
        (_, Err(f)) => Err(f.error),
    }
}

fn append_step_summary(report: &Report, ctx: &Context) -> Result<(), Error> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let md = render::markdown::render(report);
    let res = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(md.as_bytes()).and_then(|()| f.write_all(b"\n")));
    if let Err(e) = res {
        ctx.warn(&format!(
            "could not append to GITHUB_STEP_SUMMARY ({}): {e}",
            Path::new(&path).display()
        ));
    }
    Ok(())
}
