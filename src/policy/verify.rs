//! `cloudops policy test`: the `test_` rules of the loaded policies run one by one, as
//! `opa test` and `conftest verify` run them, so a policy's own tests gate it without a plan.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::{declared_rules, engine_with, eval, rego_files, PolicyError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Pass,
    Fail,
    Error,
}

#[derive(Debug, Clone, Serialize)]
pub struct TestResult {
    pub file: String,
    pub package: String,
    pub name: String,
    pub verdict: Verdict,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub duration_ms: f64,
}

/// Every `test_` rule in `paths` (tests and the policies they test), in file and name order.
pub fn run_tests(paths: &[PathBuf], timeout: Duration) -> Result<Vec<TestResult>, PolicyError> {
    let files = rego_files(paths, true)?;
    let mut engine = engine_with(&files)?;
    let mut tests: Vec<(String, String, String)> = Vec::new();
    for (package, rules) in declared_rules(&mut engine) {
        for (name, file) in rules {
            if name.starts_with("test_") && !name.contains('.') {
                tests.push((file, package.clone(), name));
            }
        }
    }
    tests.sort();
    tests.dedup();
    super::set_timer(&mut engine, timeout);
    let mut out = Vec::with_capacity(tests.len());
    for (file, package, name) in tests {
        let started = Instant::now();
        let rule = format!("data.{package}.{name}");
        let (verdict, error) = match eval(&mut engine, &rule, timeout) {
            Ok(regorus::Value::Bool(true)) => (Verdict::Pass, None),
            Ok(_) => (Verdict::Fail, None),
            Err(e) => (Verdict::Error, Some(e.to_string())),
        };
        out.push(TestResult {
            file,
            package,
            name,
            verdict,
            error,
            duration_ms: started.elapsed().as_secs_f64() * 1000.0,
        });
    }
    Ok(out)
}
