//! Why a plan could not be read, with where and what to do: the core's errors carry enough
//! context for the CLI to print a specific message without re-reading the input.

use std::fmt;

/// A place in the (decoded) input. Lines and columns are 1-based; columns count bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub offset: Option<u64>,
}

impl Position {
    pub fn offset(at: u64) -> Position {
        Position {
            offset: Some(at),
            ..Position::default()
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column, self.offset) {
            (Some(l), Some(c), Some(o)) => write!(f, "line {l}, column {c} (byte {o})"),
            (Some(l), Some(c), None) => write!(f, "line {l}, column {c}"),
            (Some(l), None, _) => write!(f, "line {l}"),
            (None, _, Some(o)) => write!(f, "byte offset {o}"),
            _ => write!(f, "an unknown position"),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("the input is empty")]
    Empty,
    #[error("invalid JSON at {position}: {detail}")]
    Syntax { detail: String, position: Position },
    #[error("the input ends in the middle of a JSON document (at {position})")]
    Truncated { position: Position },
    #[error("{detail} at {position}")]
    Encoding { detail: String, position: Position },
    #[error("found {found} at {position}")]
    UnexpectedText { found: String, position: Position },
    #[error("document {document} is a Terraform state, not a plan")]
    StateNotPlan { document: usize },
    #[error("document {document} is JSON but not a Terraform plan ({detail})")]
    NotAPlan { document: usize, detail: String },
    #[error("document {document} has plan format version {version}, which this cloudops does not understand")]
    UnsupportedVersion { document: usize, version: String },
    #[error(
        "document {document} does not match the Terraform plan format: {detail} (at {position})"
    )]
    Shape {
        document: usize,
        detail: String,
        position: Position,
    },
    #[error("could not read the input: {0}")]
    Io(std::io::Error),
}

impl PlanError {
    pub fn io(e: std::io::Error) -> PlanError {
        match e
            .get_ref()
            .and_then(|i| i.downcast_ref::<super::input::EncodingError>())
        {
            Some(enc) => PlanError::Encoding {
                detail: enc.detail.clone(),
                position: enc.position,
            },
            None => PlanError::Io(e),
        }
    }

    /// The next step for the operator.
    pub fn hint(&self) -> &'static str {
        match self {
            PlanError::Empty => "pass the output of `terraform show -json tfplan` (did the terraform step fail?)",
            PlanError::Syntax { .. } => "the file is not valid JSON; regenerate it with `terraform show -json tfplan > plan.json`",
            PlanError::Truncated { .. } => "the plan was cut off; check that `terraform show -json` finished and the file was written completely",
            PlanError::Encoding { .. } => "save the plan as UTF-8 (or UTF-16 with a byte-order mark); in PowerShell use `terraform show -json tfplan | Out-File -Encoding utf8 plan.json`",
            PlanError::UnexpectedText { .. } => "the input must be the JSON from `terraform show -json`; only setup-terraform wrapper lines (`[command]...`, `::debug::...`) are skipped",
            PlanError::StateNotPlan { .. } => "create a plan and analyze that: `terraform plan -out tfplan && terraform show -json tfplan > plan.json`",
            PlanError::NotAPlan { .. } => "pass the output of `terraform show -json tfplan` (a saved plan), not of another command",
            PlanError::UnsupportedVersion { .. } => "upgrade cloudops; this version reads plan format versions 0.x and 1.x",
            PlanError::Shape { .. } => "regenerate the plan with `terraform show -json tfplan`; if it came from terraform unchanged, please report it",
            PlanError::Io(_) => "check that the file exists and is readable",
        }
    }
}
