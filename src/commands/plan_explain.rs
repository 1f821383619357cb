//! `cloudops plan explain` and `plan analyze --explain`: the redacted analysis, within a size
//! cap, to Amazon Bedrock; the answer streamed to a terminal, whole to a pipe, or as a JSON
//! document; the token counts on stderr (or in the document).

use std::io::IsTerminal;

use crate::cli::{AnalyzeArgs, Format, StreamChoice};
use crate::commands::{print, Context};
use crate::config::ProjectSettings;
use crate::error::{Error, ExitCode};
use crate::explain;
use crate::plan::Report;

pub fn run(args: &AnalyzeArgs, ctx: &Context) -> Result<ExitCode, Error> {
    crate::commands::plan_analyze::run_as(args, ctx, true, |_| Ok(()))
}

/// `plan explain` prints text or JSON; `analyze --explain` adds text after a table.
pub fn check_format(args: &AnalyzeArgs, ctx: &Context, explain_only: bool) -> Result<(), Error> {
    if explain_only && !matches!(ctx.format, Format::Table | Format::Json) {
        return Err(Error::usage(
            "`cloudops plan explain` prints text (--format table) or json",
            "use --format table or --format json",
        ));
    }
    if !explain_only && args.explain && ctx.format != Format::Table {
        return Err(Error::usage(
            "--explain adds text after the table report, so it needs --format table",
            "for JSON use `cloudops plan explain PLAN --format json`",
        ));
    }
    if args.model.as_deref().is_some_and(|m| m.trim().is_empty()) {
        return Err(Error::usage(
            "--model is empty",
            format!("e.g. --model {}", explain::DEFAULT_MODEL),
        ));
    }
    Ok(())
}

pub struct Explainer {
    model: String,
    target: crate::aws::Target,
    stream: StreamChoice,
}

impl Explainer {
    pub fn new(args: &AnalyzeArgs, project: &ProjectSettings) -> Explainer {
        Explainer {
            model: args
                .model
                .clone()
                .or_else(|| project.plan.explain_model.clone())
                .unwrap_or_else(|| explain::DEFAULT_MODEL.to_string()),
            target: crate::aws::Target {
                region: project.aws.region.clone(),
                profile: project.aws.profile.clone(),
            },
            stream: args.stream,
        }
    }

    /// `after_report`: a heading separates the explanation from the report above it.
    pub fn explain(&self, report: &Report, ctx: &Context, after_report: bool) -> Result<(), Error> {
        let prompt = explain::prompt(report, explain::SEND_LIMIT);
        if prompt.shortened {
            ctx.note(&format!(
                "note: the analysis was shortened to {} characters for {} (risky changes and counts first)",
                explain::SEND_LIMIT,
                self.model
            ));
        }
        let json = ctx.format == Format::Json;
        let stream = !json
            && match self.stream {
                StreamChoice::Always => true,
                StreamChoice::Never => false,
                StreamChoice::Auto => std::io::stdout().is_terminal(),
            };
        let rt = crate::aws::runtime()?;
        let config = rt.block_on(crate::aws::signed(&self.target, None, false));
        let bedrock = crate::aws::bedrock::Bedrock::new(&config);
        if after_report {
            print(format!("\nExplanation ({}):\n\n", self.model).as_bytes())?;
        }
        let answer = if stream {
            rt.block_on(
                bedrock.converse_stream(&self.model, explain::SYSTEM, &prompt.text, |t| {
                    print(t.as_bytes())
                }),
            )?
        } else {
            rt.block_on(bedrock.converse(&self.model, explain::SYSTEM, &prompt.text))?
        };
        if json {
            let doc = explain::document(&self.model, &prompt, &answer);
            print(crate::render::pretty_json(&doc).as_bytes())?;
        } else {
            if !stream {
                print(answer.text.as_bytes())?;
            }
            if !answer.text.ends_with('\n') {
                print(b"\n")?;
            }
            ctx.note(&explain::usage_line(&self.model, &answer));
        }
        Ok(())
    }
}
