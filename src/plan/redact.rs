//! The last gate before anything is rendered: every string in the report that came from the
//! plan, map keys included, has each value known to be secret replaced, wherever and inside
//! whatever it appears. The walk destructures every report type without `..`, so a field added
//! later does not compile until it is decided here whether it can hold plan data.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, MatchKind};
use serde_json::Value;

use super::report::{
    ActionInvocationEntry, AttrChange, CheckEntry, Finding, Gate, ImportInfo, OutputEntry,
    PlanInfo, Report, ResourceEntry,
};

pub const MASK: &str = "(sensitive value)";

pub struct Redactor {
    matcher: Option<AhoCorasick>,
}

impl Redactor {
    pub fn new(secrets: &HashSet<String>) -> Redactor {
        let mut patterns: Vec<String> = Vec::with_capacity(secrets.len() * 4);
        // A set, not `patterns.contains`: plans can hold thousands of sensitive values.
        let mut seen = HashSet::with_capacity(secrets.len() * 4);
        for s in secrets {
            // The value as it appears inside JSON-encoded string attributes (policies,
            // container definitions): escaped once or twice, and with Go's jsonencode
            // escaping of <, > and &.
            let once = json_escape(s);
            let twice = json_escape(&once);
            for form in [
                s.clone(),
                go_html_escape(&once),
                go_html_escape(&twice),
                once,
                twice,
            ] {
                if seen.insert(form.clone()) {
                    patterns.push(form);
                }
            }
        }
        let matcher = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .expect("literal patterns always build"),
            )
        };
        Redactor { matcher }
    }

    pub fn redact_str(&self, s: &str) -> Option<String> {
        let m = self.matcher.as_ref()?;
        if !m.is_match(s) {
            return None;
        }
        Some(m.replace_all(s, &vec![MASK; m.patterns_len()]))
    }

    fn string(&self, s: &mut String) {
        if let Some(r) = self.redact_str(s) {
            *s = r;
        }
    }

    fn opt(&self, s: &mut Option<String>) {
        if let Some(s) = s {
            self.string(s);
        }
    }

    fn strings(&self, v: &mut [String]) {
        v.iter_mut().for_each(|s| self.string(s));
    }

    /// A plan value: strings and object keys are both plan data.
    pub fn value(&self, v: &mut Value) {
        match v {
            Value::String(s) => self.string(s),
            Value::Array(a) => a.iter_mut().for_each(|x| self.value(x)),
            Value::Object(o) => {
                o.values_mut().for_each(|x| self.value(x));
                if o.keys().any(|k| self.redact_str(k).is_some()) {
                    let old = std::mem::take(o);
                    for (k, x) in old {
                        let k = self.redact_str(&k).unwrap_or(k);
                        o.insert(k, x);
                    }
                }
            }
            _ => {}
        }
    }

    fn opt_value(&self, v: &mut Option<Value>) {
        if let Some(v) = v {
            self.value(v);
        }
    }

    pub fn redact_report(&self, mut report: Report) -> Report {
        if self.matcher.is_none() {
            return report;
        }
        let Report {
            schema_version: _,
            tool: _,
            source,
            summary: _,
            gate,
            plans,
            changes,
            drift,
            outputs,
            findings,
        } = &mut report;
        self.string(source);
        if let Some(Gate {
            fail_on: _,
            max_destroy: _,
            failed: _,
            reasons,
        }) = gate
        {
            self.strings(reasons);
        }
        for p in plans {
            self.plan(p);
        }
        for e in changes.iter_mut().chain(drift.iter_mut()) {
            self.resource(e);
        }
        for o in outputs {
            let OutputEntry {
                plan: _,
                name,
                action: _,
                before,
                after,
                after_unknown: _,
                sensitive: _,
            } = o;
            self.string(name);
            self.opt_value(before);
            self.opt_value(after);
        }
        for f in findings {
            let Finding {
                plan: _,
                rule: _,
                rule_name: _,
                severity: _,
                address,
                message,
            } = f;
            self.opt(address);
            self.string(message);
        }
        report
    }

    fn plan(&self, p: &mut PlanInfo) {
        let PlanInfo {
            index: _,
            format_version,
            terraform_version,
            timestamp,
            hcp_redacted: _,
            errored: _,
            complete: _,
            applyable: _,
            summary: _,
            checks,
            deferred,
            action_invocations,
        } = p;
        self.string(format_version);
        self.opt(terraform_version);
        self.opt(timestamp);
        for c in checks {
            let CheckEntry {
                address,
                kind,
                status,
                problems,
            } = c;
            self.string(address);
            self.string(kind);
            self.string(status);
            self.strings(problems);
        }
        for d in deferred {
            self.resource(d);
        }
        for a in action_invocations {
            let ActionInvocationEntry {
                address,
                action_type,
                provider,
                trigger,
            } = a;
            self.string(address);
            self.string(action_type);
            self.opt(provider);
            self.opt(trigger);
        }
    }

    fn resource(&self, e: &mut ResourceEntry) {
        let ResourceEntry {
            plan: _,
            address,
            previous_address,
            module,
            mode: _,
            resource_type,
            name,
            provider,
            action: _,
            actions: _,
            replace_order: _,
            deposed,
            reason,
            reason_text,
            replace_paths,
            import,
            tags_only: _,
            relevant: _,
            attributes,
        } = e;
        self.string(address);
        self.opt(previous_address);
        self.opt(module);
        self.string(resource_type);
        self.string(name);
        self.opt(provider);
        self.opt(deposed);
        self.opt(reason);
        self.opt(reason_text);
        self.strings(replace_paths);
        if let Some(ImportInfo {
            id,
            identity,
            unknown: _,
            generated_config: _,
        }) = import
        {
            self.opt(id);
            self.opt_value(identity);
        }
        for a in attributes {
            let AttrChange {
                path,
                before,
                after,
                after_unknown: _,
                sensitive: _,
                forces_replacement: _,
            } = a;
            self.string(path);
            self.opt_value(before);
            self.opt_value(after);
        }
    }
}

fn json_escape(s: &str) -> String {
    let quoted = Value::String(s.to_string()).to_string();
    quoted[1..quoted.len() - 1].to_string()
}

/// Go's encoding/json (and so Terraform's `jsonencode`) also escapes these.
fn go_html_escape(s: &str) -> String {
    s.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}
