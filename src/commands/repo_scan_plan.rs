//! `repo scan --plan`: `terraform init`, `plan` and `show -json` in each local root module,
//! the plan fed to the plan analyser. Terraform's working data goes to a temporary
//! `TF_DATA_DIR`, so the checkout gains no `.terraform`; a failed step is reported as a
//! failure of that root, never as "no drift".

use std::path::Path;
use std::process::{Command, Stdio};

use crate::commands::Context;
use crate::error::Error;
use crate::plan::{self, AnalyzeOptions, Sniffed};
use crate::scan::{PlanRun, RepoScan, ScanFinding, Status};
use crate::terraform;

pub fn plan_roots(
    dir: &Path,
    repo: &mut RepoScan,
    bin: Option<&Path>,
    ctx: &Context,
) -> Result<(), Error> {
    let Some(bin) = terraform::resolve(bin) else {
        return Err(Error::Terraform {
            message: "--plan needs terraform, and none was found on PATH".into(),
            hint: "install Terraform or pass --terraform-bin (e.g. --terraform-bin tofu)".into(),
        });
    };
    let mut failed = Vec::new();
    for root in &mut repo.roots {
        let root_dir = dir.join(&root.dir);
        ctx.note(&format!("planning {} ...", root_dir.display()));
        let run = plan_one(&bin, &root_dir, &root.dir);
        match run {
            Ok((summary, findings)) => {
                root.plan = Some(PlanRun {
                    ok: true,
                    summary: Some(summary),
                    error: None,
                });
                repo.findings.extend(findings);
            }
            Err(error) => {
                failed.push(root.dir.clone());
                root.plan = Some(PlanRun {
                    ok: false,
                    summary: None,
                    error: Some(error),
                });
            }
        }
    }
    if !failed.is_empty() {
        repo.status = Status::Failed;
        repo.detail = Some(format!("terraform plan failed in {}", failed.join(", ")));
    }
    Ok(())
}

fn plan_one(
    bin: &Path,
    dir: &Path,
    rel: &str,
) -> Result<(crate::plan::report::Summary, Vec<ScanFinding>), String> {
    let tmp = tempfile::Builder::new()
        .prefix("cloudops-scan-")
        .tempdir()
        .map_err(|e| format!("cannot create a temporary directory: {e}"))?;
    let data = tmp.path().join("data");
    let planfile = tmp.path().join("tfplan");
    // The selected workspace lives in the data directory: carry it over, or `default` would be
    // planned instead of the one the operator uses.
    let own_data = std::env::var_os("TF_DATA_DIR")
        .filter(|d| !d.is_empty())
        .map_or_else(|| dir.join(".terraform"), |d| dir.join(d));
    if let Ok(ws) = std::fs::read(own_data.join("environment")) {
        std::fs::create_dir_all(&data)
            .and_then(|()| std::fs::write(data.join("environment"), ws))
            .map_err(|e| format!("cannot prepare terraform's data directory: {e}"))?;
    }
    let terraform = |args: &[&std::ffi::OsStr]| {
        Command::new(bin)
            .args(args)
            .current_dir(dir)
            .env("TF_DATA_DIR", &data)
            .env("TF_IN_AUTOMATION", "1")
            .env("CHECKPOINT_DISABLE", "1")
            .env("TF_INPUT", "0")
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("could not run {}: {e}", bin.display()))
    };
    let os = |s: &'static str| std::ffi::OsStr::new(s);
    let init = terraform(&[os("init"), os("-input=false"), os("-no-color")])?;
    if !init.status.success() {
        return Err(format!(
            "terraform init failed: {}",
            error_text(&init.stderr)
        ));
    }
    let mut plan_args = vec![os("plan"), os("-input=false"), os("-no-color"), os("-out")];
    plan_args.push(planfile.as_os_str());
    let planned = terraform(&plan_args)?;
    if !planned.status.success() {
        return Err(format!(
            "terraform plan failed: {}",
            error_text(&planned.stderr)
        ));
    }
    let (child, stdout) = terraform::show_json(bin, &planfile).map_err(|e| e.to_string())?;
    let report = match plan::sniff(stdout) {
        Ok(Sniffed::Text(docs)) => plan::analyze_documents(docs, rel, &AnalyzeOptions::default())
            .map_err(|e| format!("the plan could not be read: {e}")),
        Ok(_) => Err("terraform show -json printed no plan".to_string()),
        Err(e) => Err(format!("reading terraform show -json: {e}")),
    };
    if let Err(f) = child.finish() {
        return Err(f.error.to_string());
    }
    let report = report?;
    let findings = report
        .findings
        .iter()
        .map(|f| ScanFinding {
            rule: f.rule.clone(),
            rule_name: f.rule_name.clone(),
            severity: f.severity,
            file: rel.to_string(),
            line: None,
            address: f.address.clone(),
            message: format!("plan: {}", f.message),
        })
        .collect();
    Ok((report.summary, findings))
}

/// Terraform's error titles and where they are (`Error: Invalid function argument`, `on
/// main.tf line 3, in ...`). Everything else Terraform prints is left out: quoted source
/// lines, `local.x is "..."` value lines and interpolated validation messages can all hold
/// the very secrets the scan masks.
fn error_text(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let from = text.find("Error:").unwrap_or(0);
    let mut s: String = text[from..]
        .lines()
        .map(|l| l.trim().trim_start_matches(['│', '╷', '╵']).trim())
        .filter(|l| l.starts_with("Error: ") || l.starts_with("on ") && l.contains(" line "))
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    if s.len() > 500 {
        let cut = (0..=500)
            .rev()
            .find(|i| s.is_char_boundary(*i))
            .unwrap_or(0);
        s.truncate(cut);
        s.push('…');
    }
    if s.is_empty() {
        "terraform exited with an error and printed nothing".into()
    } else {
        s
    }
}
