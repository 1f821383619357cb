//! One error type for the whole binary: each variant knows its exit code and the next step
//! to offer the operator, so `main` only prints and exits.

use std::fmt;
use std::path::PathBuf;

use crate::plan::PlanError;
use crate::store::StoreError;

/// The documented exit codes (README, `--help`, man page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    Success = 0,
    Failure = 1,
    /// Only with `--detailed-exitcode`, as terraform: the plan has changes.
    ChangesPresent = 2,
    /// Findings at or above `--fail-on`, or more destroys than `--max-destroy`.
    GateFailed = 3,
    AuthRequired = 4,
    Usage = 64,
    Interrupted = 130,
}

impl ExitCode {
    pub fn code(self) -> i32 {
        self as i32
    }
}

#[derive(Debug)]
pub enum Error {
    Usage {
        message: String,
        hint: String,
    },
    Plan {
        input: String,
        error: PlanError,
    },
    Config {
        path: PathBuf,
        message: String,
    },
    Terraform {
        message: String,
        hint: String,
    },
    Io {
        context: String,
        error: std::io::Error,
    },
    Store(StoreError),
    /// A remote service (GitHub) answered with an error or could not be reached.
    Remote {
        message: String,
        hint: String,
    },
    /// Credentials are missing, invalid or expired.
    Auth {
        message: String,
        hint: String,
    },
    /// A Rego policy that cannot be loaded, errs, or runs too long.
    Policy(crate::policy::PolicyError),
}

impl From<crate::policy::PolicyError> for Error {
    fn from(e: crate::policy::PolicyError) -> Error {
        Error::Policy(e)
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Error {
        Error::Store(e)
    }
}

impl Error {
    /// A usage error (exit 64): what is wrong with the command line, and what to type.
    pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> Error {
        Error::Usage {
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Usage { .. } | Error::Config { .. } => ExitCode::Usage,
            Error::Store(StoreError::BadId { .. }) => ExitCode::Usage,
            Error::Policy(crate::policy::PolicyError::UnknownNamespace { .. }) => ExitCode::Usage,
            Error::Auth { .. } => ExitCode::AuthRequired,
            Error::Io { error, .. } if error.kind() == std::io::ErrorKind::Interrupted => {
                ExitCode::Interrupted
            }
            _ => ExitCode::Failure,
        }
    }

    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Usage { hint, .. }
            | Error::Terraform { hint, .. }
            | Error::Remote { hint, .. }
            | Error::Auth { hint, .. } => Some(hint.clone()),
            Error::Plan { error, .. } => Some(error.hint().to_string()),
            Error::Config { .. } => Some(
                "fix or remove the setting; `cloudops config list` shows every key, README \"Settings\" what each means"
                    .to_string(),
            ),
            Error::Io { .. } => None,
            Error::Store(e) => Some(e.hint()),
            Error::Policy(e) => Some(e.hint().to_string()),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage { message, .. } => write!(f, "{message}"),
            Error::Plan { input, error } => write!(f, "{input}: {error}"),
            Error::Config { path, message } => write!(f, "{}: {message}", path.display()),
            Error::Terraform { message, .. } => write!(f, "{message}"),
            Error::Io { context, error } => write!(f, "{context}: {error}"),
            Error::Store(e) => write!(f, "{e}"),
            Error::Policy(e) => write!(f, "{e}"),
            Error::Remote { message, .. } | Error::Auth { message, .. } => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for Error {}
