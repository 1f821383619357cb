//! Output of `repo scan`: per repository its status, root modules (Terraform version,
//! backend, providers, modules and their pinning, resources) and findings with file and
//! line — as tables, JSON, markdown and SARIF for code scanning.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::markdown::{code, esc};
use super::sarif::{fnv, level, path_uri, security_severity};
use super::table::{cell_text, new_table};
use super::Style;
use crate::plan::rules::{RuleInfo, RULES as PLAN_RULES};
use crate::scan::rules::RULES as SCAN_RULES;
use crate::scan::{Pinning, RepoScan, RootModule, ScanFinding, ScanReport, Status, TargetKind};

fn pinning(p: Pinning) -> &'static str {
    match p {
        Pinning::Local => "local",
        Pinning::Exact => "pinned",
        Pinning::Range => "range",
        Pinning::Unpinned => "UNPINNED",
        Pinning::Unknown => "unknown",
    }
}

fn providers(r: &RootModule) -> String {
    r.providers
        .iter()
        .map(|p| match (p.name.as_str(), p.version.as_deref()) {
            ("terraform", None) => "terraform (built-in)".to_string(),
            (name, v) => format!("{name} {}", v.unwrap_or("(any)")),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn modules(r: &RootModule) -> String {
    r.modules
        .iter()
        .map(|m| {
            let mut s = format!("{} ({}", m.name, pinning(m.pinning));
            if let Some(v) = &m.version {
                s.push_str(&format!(" {v}"));
            }
            s.push(')');
            s
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn resources(r: &RootModule) -> String {
    let total: usize = r.resources.values().sum();
    let mut top: Vec<(&String, &usize)> = r.resources.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let shown: Vec<String> = top
        .iter()
        .take(4)
        .map(|(t, n)| format!("{n} {t}"))
        .collect();
    let more = if top.len() > 4 { ", ..." } else { "" };
    format!("{total}: {}{more}", shown.join(", "))
}

fn plan_cell(r: &RootModule) -> String {
    match &r.plan {
        None => String::new(),
        Some(p) if p.ok => p
            .summary
            .map(|s| {
                let mut t = format!("+{} ~{} -{}", s.add, s.change, s.destroy);
                if s.drift > 0 {
                    t.push_str(&format!(", {} drifted", s.drift));
                }
                t
            })
            .unwrap_or_default(),
        Some(p) => format!("FAILED: {}", p.error.as_deref().unwrap_or("")),
    }
}

fn location(f: &ScanFinding) -> String {
    match f.line {
        Some(l) => format!("{}:{l}", f.file),
        None => f.file.clone(),
    }
}

pub fn table(report: &ScanReport, style: &Style) -> String {
    let mut s = String::new();
    let t = &report.totals;
    s.push_str(&format!(
        "Scanned {}: {} repositor{}, {} with Terraform, {} root module{}, {} finding{}{}{}\n\n",
        report.target,
        t.repositories,
        if t.repositories == 1 { "y" } else { "ies" },
        t.with_terraform,
        t.root_modules,
        if t.root_modules == 1 { "" } else { "s" },
        t.findings,
        if t.findings == 1 { "" } else { "s" },
        if t.failed > 0 {
            format!(", {} FAILED", t.failed)
        } else {
            String::new()
        },
        if t.skipped > 0 {
            format!(", {} skipped", t.skipped)
        } else {
            String::new()
        },
    ));
    for repo in &report.repositories {
        s.push_str(&repo_table(repo, style));
    }
    s
}

fn repo_table(repo: &RepoScan, style: &Style) -> String {
    let mut s = format!("{} — {}", cell_text(&repo.name), repo.status.label());
    if let Some(r) = &repo.git_ref {
        s.push_str(&format!(" @ {}", cell_text(r)));
    }
    if let Some(d) = &repo.detail {
        s.push_str(&format!(": {}", cell_text(d)));
    }
    s.push('\n');
    if repo.roots.is_empty() {
        if repo.status == Status::Scanned || repo.status == Status::NoTerraform {
            s.push_str("  no Terraform root modules\n");
        }
        s.push('\n');
        return s;
    }
    let planned = repo.roots.iter().any(|r| r.plan.is_some());
    let mut header = vec![
        "ROOT",
        "TERRAFORM",
        "BACKEND",
        "PROVIDERS",
        "MODULES",
        "RESOURCES",
    ];
    if planned {
        header.push("PLAN");
    }
    let mut t = new_table(style, &header);
    for r in &repo.roots {
        let mut row = vec![
            cell_text(&r.dir),
            cell_text(r.required_version.as_deref().unwrap_or("(any)")),
            cell_text(r.backend.as_deref().unwrap_or("local")),
            cell_text(&providers(r)),
            cell_text(&modules(r)),
            cell_text(&resources(r)),
        ];
        if planned {
            row.push(cell_text(&plan_cell(r)));
        }
        t.add_row(row);
    }
    s.push_str(&format!("{t}\n\n"));
    if !repo.findings.is_empty() {
        let mut t = new_table(style, &["SEVERITY", "RULE", "WHERE", "FINDING"]);
        for f in &repo.findings {
            t.add_row(vec![
                f.severity.label().to_string(),
                format!("{} {}", f.rule, f.rule_name),
                cell_text(&location(f)),
                cell_text(&match &f.address {
                    Some(a) => format!("{a}: {}", f.message),
                    None => f.message.clone(),
                }),
            ]);
        }
        s.push_str(&format!("{t}\n"));
    }
    s.push('\n');
    s
}

pub fn markdown(report: &ScanReport) -> String {
    let t = &report.totals;
    let mut s = format!(
        "### Terraform scan of {}\n\n{} repositories, {} with Terraform, {} root modules, {} findings{}\n\n",
        code(&report.target),
        t.repositories,
        t.with_terraform,
        t.root_modules,
        t.findings,
        if t.failed > 0 { format!(", **{} failed**", t.failed) } else { String::new() }
    );
    for repo in &report.repositories {
        s.push_str(&format!(
            "#### {} ({})\n\n",
            code(&repo.name),
            repo.status.label()
        ));
        if let Some(d) = &repo.detail {
            s.push_str(&format!("{}\n\n", esc(d)));
        }
        if !repo.roots.is_empty() {
            s.push_str("| Root | Terraform | Backend | Providers | Modules | Resources |\n|---|---|---|---|---|---|\n");
            for r in &repo.roots {
                s.push_str(&format!(
                    "| {} | {} | {} | {} | {} | {} |\n",
                    code(&r.dir),
                    esc(r.required_version.as_deref().unwrap_or("(any)")),
                    esc(r.backend.as_deref().unwrap_or("local")),
                    esc(&providers(r)),
                    esc(&modules(r)),
                    esc(&resources(r)),
                ));
            }
            s.push('\n');
        }
        for f in &repo.findings {
            s.push_str(&format!(
                "- **{}** {} {}: {}\n",
                f.severity.label(),
                f.rule,
                code(&location(f)),
                esc(&f.message)
            ));
        }
        s.push('\n');
    }
    s
}

/// Stable across runs and distinct per result: rule, file, block and message, plus the
/// occurrence number when the same text repeats in one file (two identical rules). Counted by
/// the text's hash, so 50,000 findings keep 50,000 numbers, not 50,000 strings.
fn fingerprint(
    seen: &mut std::collections::HashMap<u64, usize>,
    f: &ScanFinding,
    path: &str,
) -> String {
    let base = format!(
        "{}:{}:{}:{:016x}",
        f.rule,
        path,
        f.address.as_deref().unwrap_or("-"),
        fnv(&f.message)
    );
    let n = seen.entry(fnv(&base)).or_insert(0);
    *n += 1;
    if *n == 1 {
        base
    } else {
        format!("{base}:{n}")
    }
}

/// Stands for the results in the document's skeleton, which is small and printed whole; the
/// results are then written one at a time in its place, so memory stays one result deep
/// instead of holding every result as a JSON tree and again as text.
const RESULTS_SLOT: &str = "\"results\": \"cloudops:results\"";

/// SARIF 2.1.0 of a scan, streamed to `out`.
pub fn write_sarif(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    // Code rules, then the plan rules (shared by code findings and by `--plan`).
    let all: Vec<&RuleInfo> = SCAN_RULES.iter().chain(PLAN_RULES).collect();
    let (ids, rules) = super::sarif::driver_rules(
        &all,
        report
            .repositories
            .iter()
            .flat_map(|r| r.findings.iter())
            .map(|f| (f.rule.as_str(), f.rule_name.as_str(), f.severity)),
        "iac",
    );
    // One repository: paths relative to its root, as code scanning expects for that repo; an
    // owner scan spans repositories, however many it found.
    let several = report.target_kind == TargetKind::Owner;
    let mut seen: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    let result_of = |repo: &RepoScan,
                     f: &ScanFinding,
                     seen: &mut std::collections::HashMap<u64, usize>| {
        let path = if several {
            format!("{}/{}", repo.name, f.file)
        } else {
            f.file.clone()
        };
        // Code scanning needs a start line; findings about a whole root point at line 1.
        let region = json!({ "startLine": f.line.unwrap_or(1) });
        let mut loc = json!({
            "physicalLocation": { "artifactLocation": { "uri": path_uri(&path) }, "region": region }
        });
        if let Some(a) = &f.address {
            loc["logicalLocations"] = json!([{ "fullyQualifiedName": a, "kind": "resource" }]);
        }
        let mut result = json!({
            "ruleId": f.rule,
            "level": level(f.severity),
            "message": { "text": f.message },
            "locations": [loc],
            "partialFingerprints": { "cloudops/v1": fingerprint(seen, f, &path) },
            "properties": { "severity": f.severity.label(), "security-severity": security_severity(f.severity) }
        });
        if let Some(i) = ids.iter().position(|id| *id == f.rule) {
            result["ruleIndex"] = json!(i);
        }
        result
    };
    let failures: Vec<Value> = report
        .repositories
        .iter()
        .filter(|r| r.status == Status::Failed)
        .map(|r| {
            json!({
                "level": "error",
                "message": { "text": format!("{}: {}", r.name, r.detail.as_deref().unwrap_or("scan failed")) }
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "cloudops",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/cloudops/cloudops",
                "rules": rules
            }},
            "results": "cloudops:results",
            // A repository or root that could not be scanned must not upload as "no alerts":
            // code scanning would close the alerts it had.
            "invocations": [{
                "executionSuccessful": report.totals.failed == 0,
                "toolExecutionNotifications": failures
            }],
            "properties": { "totals": report.totals }
        }]
    });
    let skeleton = super::pretty_json(&doc);
    // Keys are sorted, so the slot comes after `invocations` (which holds repository names
    // and details, text from outside) and before `tool` (constants): the last match is it.
    let at = skeleton
        .rfind(RESULTS_SLOT)
        .ok_or_else(|| io::Error::other("the SARIF skeleton lost its results slot"))?;
    out.write_all(&skeleton.as_bytes()[..at])?;
    out.write_all(b"\"results\": [")?;
    let mut first = true;
    for repo in &report.repositories {
        for f in &repo.findings {
            out.write_all(if first { b"\n        " } else { b",\n        " })?;
            first = false;
            serde_json::to_writer(&mut *out, &result_of(repo, f, &mut seen))?;
        }
    }
    out.write_all(if first { b"]" } else { b"\n      ]" })?;
    out.write_all(&skeleton.as_bytes()[at + RESULTS_SLOT.len()..])
}
