//! What `plan explain` sends to a language model and what it reports back, kept apart from
//! the Bedrock adapter so that the one guarantee — only the redacted report, within a size
//! cap, ever leaves the machine — is decided (and tested) without a network.

use serde::Serialize;

use crate::plan::Report;

/// A current Claude model on Amazon Bedrock, as a cross-region inference profile (Claude 4
/// models answer on-demand only through one); `plan.explain_model` or `--model` override it.
pub const DEFAULT_MODEL: &str = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

/// Characters of report sent at most (about 10k tokens): a large plan is summarised the
/// way its PR comment is — risky changes and counts first, details while they fit.
pub const SEND_LIMIT: usize = 40_000;

/// Tokens the answer may use.
pub const MAX_ANSWER_TOKENS: i32 = 2_000;

pub const SYSTEM: &str = "You explain Terraform plans to the engineer about to apply them. \
You are given cloudops' analysis of a plan (sensitive values are already masked as \
\"(sensitive value)\"; never guess them). In plain words: what this plan does overall, what is \
risky and why, what will be destroyed or replaced, and what to check before applying. Be \
brief and concrete; name resources by address; do not invent changes that are not listed.";

/// The text sent: the redacted report rendered as the PR comment is, within `limit`.
pub struct Prompt {
    pub text: String,
    /// Whether the report had to be shortened to fit.
    pub shortened: bool,
}

pub fn prompt(report: &Report, limit: usize) -> Prompt {
    let text = crate::render::markdown::render_within(report, limit);
    // The markdown renderer closes with a note naming what it left out.
    let shortened = text.contains("_Left out to stay under the comment size limit:");
    Prompt {
        text: format!("Here is the analysis of the plan, in markdown:\n\n{text}"),
        shortened,
    }
}

/// Token counts as Bedrock reports them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Usage {
    pub input_tokens: i64,
    pub output_tokens: i64,
    pub total_tokens: i64,
}

/// What the model said, and at what cost.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    pub text: String,
    pub usage: Option<Usage>,
    pub stop_reason: Option<String>,
}

/// The `--format json` document.
pub fn document(model: &str, p: &Prompt, a: &Answer) -> serde_json::Value {
    serde_json::json!({
        "schema_version": 1,
        "kind": "plan_explanation",
        "model": model,
        "explanation": a.text,
        "stop_reason": a.stop_reason,
        "usage": a.usage,
        "sent": { "characters": p.text.chars().count(), "shortened": p.shortened },
    })
}

/// The stderr line with the token counts.
pub fn usage_line(model: &str, a: &Answer) -> String {
    match a.usage {
        Some(u) => format!(
            "{model}: {} input + {} output = {} tokens",
            u.input_tokens, u.output_tokens, u.total_tokens
        ),
        None => format!("{model}: the service reported no token counts"),
    }
}
