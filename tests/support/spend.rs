//! What the `cost` and `budget` tests share: the variables scrubbed from every run (so a
//! developer's environment cannot steer it) and a finished run's exit code and output.
#![allow(dead_code)]

use serde_json::Value;

/// Variables through which the developer's environment could steer a run.
pub const SCRUBBED: &[&str] = &[
    "CLOUDOPS_USERNAME",
    "CLOUDOPS_PASSWORD",
    "CLOUDOPS_INSECURE_STORAGE",
    "CLOUDOPS_AUTH_REFRESH_MARGIN",
    "CLOUDOPS_PROFILE",
    "CLOUDOPS_USER_POOL_ID",
    "CLOUDOPS_CLIENT_ID",
    "CLOUDOPS_IDENTITY_POOL_ID",
    "CLOUDOPS_PLANS_TABLE",
    "CLOUDOPS_BUDGETS_TABLE",
    "CLOUDOPS_COST_CACHE_TABLE",
    "CLOUDOPS_ALERT_TOPIC",
    "CLOUDOPS_HISTORY_STORE",
    "CLOUDOPS_HISTORY_RETENTION_DAYS",
    "CLOUDOPS_DATA_DIR",
    "CLOUDOPS_CONFIG_DIR",
    "CLOUDOPS_NOW",
    "CLOUDOPS_FORMAT",
    "CLOUDOPS_LOG",
    "AWS_ENDPOINT_URL_COST_EXPLORER",
    "AWS_ENDPOINT_URL_STS",
    "AWS_ENDPOINT_URL_SNS",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
];

pub struct Out {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    #[track_caller]
    pub fn expect(&self, code: i32, what: &str) -> &Out {
        assert_eq!(
            self.code,
            Some(code),
            "{what}: exit code\nstdout: {}\nstderr: {}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{e}\nstdout: {}\nstderr: {}", self.stdout, self.stderr))
    }

    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

impl From<std::process::Output> for Out {
    fn from(o: std::process::Output) -> Out {
        Out {
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}
