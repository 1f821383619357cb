//! Rego policies as conftest runs them, evaluated in-process with regorus: `.rego` files loaded
//! from files or directories, `deny`/`violation`/`warn` rules (and their `_suffix` variants)
//! read from the chosen namespaces, `exception` rules honoured, each evaluation stopped at a
//! time limit, and every failure named by file, line and column or by rule.

pub mod code;
pub mod hcl;
pub mod plan;
pub mod verify;

use std::collections::{BTreeMap, BTreeSet};
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::time::Duration;

use regorus::unstable::{Rule, RuleHead};
use regorus::Value;

/// conftest's default namespace.
pub const DEFAULT_NAMESPACE: &str = "main";
/// How long one rule may evaluate before it is stopped, unless `--policy-timeout` says.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Which rules run and how long each may take.
#[derive(Debug, Clone)]
pub struct Options {
    /// Empty means conftest's default, `main`.
    pub namespaces: Vec<String>,
    pub all_namespaces: bool,
    pub timeout: Duration,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            namespaces: Vec::new(),
            all_namespaces: false,
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolicyError {
    /// Nothing to load at a path given.
    NoPolicies {
        path: PathBuf,
    },
    Read {
        path: PathBuf,
        message: String,
    },
    /// A file that is not valid Rego (v1, nor v0 for older policies).
    Parse {
        location: String,
        message: String,
    },
    /// A namespace asked for that no loaded policy declares.
    UnknownNamespace {
        namespace: String,
        known: Vec<String>,
    },
    /// A rule that failed while it was evaluated (a built-in's error, a conflict, ...).
    Eval {
        rule: String,
        location: Option<String>,
        message: String,
    },
    Timeout {
        rule: String,
        limit: Duration,
    },
}

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PolicyError::NoPolicies { path } => {
                write!(f, "{}: no .rego policy files there", path.display())
            }
            PolicyError::Read { path, message } => {
                write!(f, "cannot read policy {}: {message}", path.display())
            }
            PolicyError::Parse { location, message } => {
                write!(f, "{location}: not valid Rego: {message}")
            }
            PolicyError::UnknownNamespace { namespace, known } => write!(
                f,
                "no loaded policy is in namespace {namespace:?} (the policies declare: {})",
                if known.is_empty() {
                    "nothing".to_string()
                } else {
                    known.join(", ")
                }
            ),
            PolicyError::Eval {
                rule,
                location,
                message,
            } => match location {
                Some(l) => write!(f, "policy rule {rule} failed at {l}: {message}"),
                None => write!(f, "policy rule {rule} failed: {message}"),
            },
            PolicyError::Timeout { rule, limit } => write!(
                f,
                "policy rule {rule} ran longer than {}s and was stopped",
                limit.as_secs_f64()
            ),
        }
    }
}

impl PolicyError {
    pub fn hint(&self) -> &'static str {
        match self {
            PolicyError::NoPolicies { .. } | PolicyError::Read { .. } => {
                "pass a .rego file or a directory holding .rego files to --policy"
            }
            PolicyError::Parse { .. } => {
                "fix the policy at that line; `cloudops policy test` checks policies without a plan"
            }
            PolicyError::UnknownNamespace { .. } => {
                "pass --namespace with one of the declared packages, or --all-namespaces"
            }
            PolicyError::Eval { .. } => {
                "fix the rule; `cloudops policy test` runs its tests without a plan"
            }
            PolicyError::Timeout { .. } => {
                "raise --policy-timeout if the rule is meant to take that long, or make it cheaper"
            }
        }
    }
}

/// A policy finding's rule ID, `PACKAGE.RULE` (`main.deny`, `terraform.s3.warn_tags`), as
/// `--ignore-rule` and `plan.severity` accept it beside the built-in IDs.
pub fn is_rule_id(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !p.starts_with(|c: char| c.is_ascii_digit())
        })
        && parts.last().is_some_and(|r| Kind::of(r).is_some())
}

/// What a failing or warning rule is, by its name's prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Deny,
    Violation,
    Warn,
}

impl Kind {
    fn of(rule: &str) -> Option<(Kind, &str)> {
        for (prefix, kind) in [
            ("deny", Kind::Deny),
            ("violation", Kind::Violation),
            ("warn", Kind::Warn),
        ] {
            if let Some(rest) = rule.strip_prefix(prefix) {
                if rest.is_empty() {
                    return Some((kind, ""));
                }
                if let Some(suffix) = rest.strip_prefix('_').filter(|s| !s.is_empty()) {
                    return Some((kind, suffix));
                }
            }
        }
        None
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Deny => "deny",
            Kind::Violation => "violation",
            Kind::Warn => "warn",
        }
    }
}

/// One message a rule returned for one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub namespace: String,
    pub rule: String,
    pub kind: Kind,
    pub message: String,
    /// An `exception` rule exempted it (conftest reports these apart; they never fail).
    pub excepted: bool,
}

impl Outcome {
    /// The finding's rule ID: package and rule, as conftest names queries (`main.deny`).
    pub fn id(&self) -> String {
        format!("{}.{}", self.namespace, self.rule)
    }
}

/// Loaded, parsed policies ready to evaluate input after input.
pub struct PolicySet {
    engine: regorus::Engine,
    /// namespace → the deny/violation/warn rules declared in it, and whether it has exceptions.
    rules: BTreeMap<String, (BTreeSet<String>, bool)>,
    namespaces: Vec<String>,
    timeout: Duration,
    files: usize,
}

/// The `.rego` files at each path (directories walked, in name order), tests included or not.
pub fn rego_files(paths: &[PathBuf], with_tests: bool) -> Result<Vec<PathBuf>, PolicyError> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| PolicyError::Read {
            path: p.clone(),
            message: e.to_string(),
        })?;
        let mut found = Vec::new();
        if meta.is_dir() {
            walk(p, &mut found)?;
        } else {
            found.push(p.clone());
        }
        found.retain(|f| with_tests || !is_test_file(f));
        if found.is_empty() {
            return Err(PolicyError::NoPolicies { path: p.clone() });
        }
        found.sort();
        out.extend(found);
    }
    out.dedup();
    Ok(out)
}

pub fn is_test_file(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with("_test.rego"))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), PolicyError> {
    let entries = std::fs::read_dir(dir).map_err(|e| PolicyError::Read {
        path: dir.to_path_buf(),
        message: e.to_string(),
    })?;
    for entry in entries {
        let entry = entry.map_err(|e| PolicyError::Read {
            path: dir.to_path_buf(),
            message: e.to_string(),
        })?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // Dot-directories (.git, .regal) hold tooling, never the policies themselves.
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if name.ends_with(".rego") {
            out.push(path);
        }
    }
    Ok(())
}

/// A new engine holding `files`, each parsed as Rego v1 and, failing that, as v0 (conftest's
/// `--rego-version v0` policies run unchanged).
pub fn engine_with(files: &[PathBuf]) -> Result<regorus::Engine, PolicyError> {
    let mut engine = regorus::Engine::new();
    add_conftest_builtins(&mut engine, files);
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|e| PolicyError::Read {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let name = path.display().to_string();
        engine.set_rego_v0(false);
        if let Err(v1) = engine.add_policy(name.clone(), text.clone()) {
            engine.set_rego_v0(true);
            let v0 = engine.add_policy(name.clone(), text);
            engine.set_rego_v0(false);
            if v0.is_err() {
                let (location, message) = split_error(&v1.to_string());
                return Err(PolicyError::Parse {
                    location: location.unwrap_or(name),
                    message,
                });
            }
            tracing::debug!(policy = %name, "parsed as Rego v0");
        }
    }
    Ok(engine)
}

/// conftest's `parse_config(parser, text)` and `parse_config_file(path)`, which its policy
/// tests use to build input from Terraform or JSON text. A relative path is looked up from the
/// working directory, then from each policy's directory (conftest resolves it from the test's).
fn add_conftest_builtins(engine: &mut regorus::Engine, files: &[PathBuf]) {
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .collect();
    dirs.dedup();
    let parse_config = |args: Vec<Value>| -> anyhow::Result<Value> {
        let (Some(Value::String(parser)), Some(Value::String(text))) = (args.first(), args.get(1))
        else {
            anyhow::bail!("parse_config(parser, text) takes two strings");
        };
        parse_text(parser, text)
    };
    let parse_config_file = move |args: Vec<Value>| -> anyhow::Result<Value> {
        let Some(Value::String(path)) = args.first() else {
            anyhow::bail!("parse_config_file(path) takes a string");
        };
        let path = Path::new(path.as_ref());
        let found = std::iter::once(path.to_path_buf())
            .chain(dirs.iter().map(|d| d.join(path)))
            .find(|p| p.is_file())
            .ok_or_else(|| anyhow::anyhow!("parse_config_file: {} not found", path.display()))?;
        let text = std::fs::read_to_string(&found)
            .map_err(|e| anyhow::anyhow!("parse_config_file: {}: {e}", found.display()))?;
        let parser = match found.extension().and_then(|e| e.to_str()) {
            Some("json") => "json",
            _ => "hcl2",
        };
        parse_text(parser, &text)
    };
    // Names are fixed and new to the engine, so registering cannot clash.
    let _ = engine.add_extension("parse_config".into(), 2, Box::new(parse_config));
    let _ = engine.add_extension("parse_config_file".into(), 1, Box::new(parse_config_file));
}

fn parse_text(parser: &str, text: &str) -> anyhow::Result<Value> {
    let json = match parser {
        "hcl2" | "hcl" | "tf" | "terraform" => {
            hcl::convert(text, true)
                .map_err(|e| anyhow::anyhow!("parse_config: not valid HCL: {e}"))?
                .document
        }
        "json" => serde_json::from_str(text)
            .map_err(|e| anyhow::anyhow!("parse_config: not valid JSON: {e}"))?,
        other => anyhow::bail!("parse_config: cloudops reads hcl2 and json, not {other:?}"),
    };
    to_value(json)
}

/// serde_json's document as regorus's value (numbers keep their precision).
pub fn to_value(json: serde_json::Value) -> anyhow::Result<Value> {
    serde_json::from_value(json).map_err(|e| anyhow::anyhow!("{e}"))
}

/// Every package and the rules each declares, read from the parsed modules.
pub fn declared_rules(engine: &mut regorus::Engine) -> BTreeMap<String, Vec<(String, String)>> {
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for m in engine.get_modules().iter() {
        let package = m.package.refr.span().text().to_string();
        let file = m.package.span.source.file().to_string();
        let entry = out.entry(package).or_default();
        for r in &m.policy {
            let refr = match r.as_ref() {
                Rule::Spec { head, .. } => match head {
                    RuleHead::Compr { refr, .. }
                    | RuleHead::Set { refr, .. }
                    | RuleHead::Func { refr, .. } => refr,
                },
                Rule::Default { refr, .. } => refr,
            };
            if let Ok(name) = regorus::utils::get_path_string(refr, None) {
                entry.push((name, file.clone()));
            }
        }
    }
    out
}

impl PolicySet {
    pub fn load(paths: &[PathBuf], opts: &Options) -> Result<PolicySet, PolicyError> {
        let files = rego_files(paths, false)?;
        let mut engine = engine_with(&files)?;
        let declared = declared_rules(&mut engine);
        let namespaces: Vec<String> = if opts.all_namespaces {
            declared.keys().cloned().collect()
        } else if opts.namespaces.is_empty() {
            vec![DEFAULT_NAMESPACE.to_string()]
        } else {
            opts.namespaces.clone()
        };
        let mut rules = BTreeMap::new();
        for ns in &namespaces {
            let Some(declared_here) = declared.get(ns) else {
                return Err(PolicyError::UnknownNamespace {
                    namespace: ns.clone(),
                    known: declared.keys().cloned().collect(),
                });
            };
            let names: BTreeSet<String> = declared_here
                .iter()
                .filter(|(n, _)| Kind::of(n).is_some())
                .map(|(n, _)| n.clone())
                .collect();
            let exceptions = declared_here.iter().any(|(n, _)| n == "exception");
            rules.insert(ns.clone(), (names, exceptions));
        }
        set_timer(&mut engine, opts.timeout);
        Ok(PolicySet {
            engine,
            rules,
            namespaces,
            timeout: opts.timeout,
            files: files.len(),
        })
    }

    pub fn files(&self) -> usize {
        self.files
    }

    pub fn namespaces(&self) -> &[String] {
        &self.namespaces
    }

    /// `evaluate` on a JSON document, each message masked by `redactor`: the results that
    /// count, and those an `exception` rule exempted. `place` names the input in an error.
    pub fn evaluate_masked(
        &mut self,
        document: serde_json::Value,
        redactor: &crate::plan::redact::Redactor,
        place: Option<String>,
    ) -> Result<(Vec<Outcome>, Vec<Outcome>), PolicyError> {
        let input = to_value(document).map_err(|e| PolicyError::Eval {
            rule: "(input)".into(),
            location: place,
            message: e.to_string(),
        })?;
        let mut outcomes = self.evaluate(input)?;
        for o in &mut outcomes {
            if let Some(m) = redactor.redact_str(&o.message) {
                o.message = m;
            }
        }
        Ok(outcomes.into_iter().partition(|o| !o.excepted))
    }

    /// Every message the chosen rules return for `input`, sorted by namespace, rule, message.
    pub fn evaluate(&mut self, input: Value) -> Result<Vec<Outcome>, PolicyError> {
        self.engine.set_input(input);
        let mut out = Vec::new();
        for (ns, (names, has_exceptions)) in &self.rules {
            let excepted: BTreeSet<String> = if *has_exceptions {
                let rule = format!("data.{ns}.exception");
                strings_in(&eval(&mut self.engine, &rule, self.timeout)?)
            } else {
                BTreeSet::new()
            };
            for name in names {
                let Some((kind, suffix)) = Kind::of(name) else {
                    continue;
                };
                let rule = format!("data.{ns}.{name}");
                let value = eval(&mut self.engine, &rule, self.timeout)?;
                let excepted = kind != Kind::Warn && excepted.contains(suffix);
                for message in messages(&value) {
                    out.push(Outcome {
                        namespace: ns.clone(),
                        rule: name.clone(),
                        kind,
                        message,
                        excepted,
                    });
                }
            }
        }
        out.sort_by(|a, b| {
            (&a.namespace, &a.rule, &a.message).cmp(&(&b.namespace, &b.rule, &b.message))
        });
        out.dedup();
        Ok(out)
    }
}

/// Stops any one evaluation that runs past `limit`.
pub(crate) fn set_timer(engine: &mut regorus::Engine, limit: Duration) {
    engine.set_execution_timer_config(regorus::utils::limits::ExecutionTimerConfig {
        limit,
        check_interval: NonZeroU32::MIN.saturating_add(63),
    });
}

pub(crate) fn eval(
    engine: &mut regorus::Engine,
    rule: &str,
    limit: Duration,
) -> Result<Value, PolicyError> {
    engine.eval_rule(rule.to_string()).map_err(|e| {
        let text = e.to_string();
        if text.contains("exceeded time limit") {
            return PolicyError::Timeout {
                rule: rule.to_string(),
                limit,
            };
        }
        let (location, message) = split_error(&text);
        PolicyError::Eval {
            rule: rule.to_string(),
            location,
            message,
        }
    })
}

/// regorus reports `--> file:line:col`, the source line, a caret and `error: what`; a message
/// on one line wants only the place and the what.
pub fn split_error(text: &str) -> (Option<String>, String) {
    let location = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("--> "))
        .map(|l| l.trim().to_string());
    let message = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .map(str::to_string)
        .unwrap_or_else(|| text.split_whitespace().collect::<Vec<_>>().join(" "));
    (location, message)
}

/// A rule's results as conftest reads them: strings, objects with `msg`, or `true`.
fn messages(v: &Value) -> Vec<String> {
    let one = |x: &Value| -> Option<String> {
        match x {
            Value::String(s) => Some(s.to_string()),
            Value::Object(o) => match o.get(&Value::from("msg")) {
                Some(Value::String(s)) => Some(s.to_string()),
                _ => x.to_json_str().ok().map(|s| compact(&s)),
            },
            Value::Bool(true) => Some(String::new()),
            Value::Bool(false) | Value::Undefined | Value::Null => None,
            other => other.to_json_str().ok().map(|s| compact(&s)),
        }
    };
    match v {
        Value::Set(s) => s.iter().filter_map(one).collect(),
        Value::Array(a) => a.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    }
}

fn compact(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json)
        .map(|v| v.to_string())
        .unwrap_or_else(|_| json.to_string())
}

/// The rule names an `exception` rule's value lists (a set of lists of strings).
fn strings_in(v: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut add = |x: &Value| match x {
        Value::String(s) => {
            out.insert(s.to_string());
        }
        Value::Array(a) => {
            for y in a.iter() {
                if let Value::String(s) = y {
                    out.insert(s.to_string());
                }
            }
        }
        Value::Set(a) => {
            for y in a.iter() {
                if let Value::String(s) = y {
                    out.insert(s.to_string());
                }
            }
        }
        _ => {}
    };
    match v {
        Value::Set(s) => s.iter().for_each(&mut add),
        Value::Array(a) => a.iter().for_each(&mut add),
        other => add(other),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_follow_conftest() {
        assert_eq!(Kind::of("deny"), Some((Kind::Deny, "")));
        assert_eq!(Kind::of("deny_public"), Some((Kind::Deny, "public")));
        assert_eq!(Kind::of("violation_x"), Some((Kind::Violation, "x")));
        assert_eq!(Kind::of("warn"), Some((Kind::Warn, "")));
        assert_eq!(Kind::of("denylist"), None);
        assert_eq!(Kind::of("deny_"), None);
        assert_eq!(Kind::of("exception"), None);
    }

    #[test]
    fn regorus_errors_become_one_line() {
        let text = "\n--> p.rego:3:7\n  |\n3 |   msg := \n  |       ^\nerror: expecting `}`";
        assert_eq!(
            split_error(text),
            (Some("p.rego:3:7".to_string()), "expecting `}`".to_string())
        );
    }
}
