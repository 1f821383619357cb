//! The pure core of `repo scan`: `.tf` files in, an inventory of root modules (Terraform and
//! provider versions, modules and their pinning, backend, resources) and findings out. No
//! IO, no network: the command brings files from disk or from GitHub.

pub mod module;
mod posture;
mod resolve;
pub mod rules;
pub mod secrets;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::plan::report::{Severity, Summary};

/// Bumped on breaking changes of the JSON document only.
pub const SCHEMA_VERSION: u32 = 1;

/// One Terraform file as read: its path relative to the repository (with `/`) and its text.
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScanReport {
    pub schema_version: u32,
    pub target: String,
    pub target_kind: TargetKind,
    pub repositories: Vec<RepoScan>,
    pub totals: Totals,
}

/// What was scanned: paths in findings are relative to a directory or repository; an owner
/// scan spans repositories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetKind {
    Directory,
    Repository,
    Owner,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    pub repositories: usize,
    pub with_terraform: usize,
    pub failed: usize,
    pub skipped: usize,
    pub root_modules: usize,
    pub findings: usize,
    /// Files not read, over all repositories (see `RepoScan::skipped_files`).
    pub skipped_files: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct RepoScan {
    /// `owner/repo` on GitHub, or the directory scanned.
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub git_ref: Option<String>,
    pub status: Status,
    /// Why it failed or was skipped; never empty for those statuses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub terraform_files: usize,
    pub roots: Vec<RootModule>,
    /// Directories used as modules by a root (not roots themselves).
    pub modules: Vec<String>,
    pub findings: Vec<ScanFinding>,
    /// Files (or directories) the scan wanted and did not read, each with why: findings may
    /// hide there, so `--fail-on` counts them unless `--allow-skipped`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped_files: Vec<String>,
}

impl RepoScan {
    /// Records what was not read, in the report's detail too (as before this list existed).
    pub fn set_skipped(&mut self, notes: Vec<String>) {
        if !notes.is_empty() {
            self.detail = Some(notes.join("; "));
        }
        self.skipped_files = notes;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Scanned,
    NoTerraform,
    Skipped,
    /// The scan (or `--plan`) could not be completed: never read as "nothing found".
    Failed,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Scanned => "scanned",
            Status::NoTerraform => "no terraform",
            Status::Skipped => "skipped",
            Status::Failed => "FAILED",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct RootModule {
    /// Directory relative to the repository root (`.` for the root itself).
    pub dir: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_version: Option<String>,
    /// Backend type (`s3`, `local`, `remote`, or `cloud` for a `cloud` block); `None`: local
    /// state by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backend: Option<String>,
    pub providers: Vec<ProviderUse>,
    pub modules: Vec<ModuleCall>,
    /// Resource counts by type, data sources as `data.TYPE`.
    pub resources: BTreeMap<String, usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanRun>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProviderUse {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleCall {
    pub name: String,
    /// `None` when the source is not a literal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    pub pinning: Pinning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pinning {
    /// A directory in the same repository: versioned with it.
    Local,
    /// An exact registry version, a git tag or a commit.
    Exact,
    /// A version range (`~> 1.2`).
    Range,
    /// Whatever the default branch or latest release is at init time.
    Unpinned,
    /// The source is an expression; cannot tell.
    Unknown,
}

/// What `--plan` found when it ran Terraform on a root.
#[derive(Debug, Clone, Serialize)]
pub struct PlanRun {
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScanFinding {
    pub rule: String,
    pub rule_name: String,
    pub severity: Severity,
    /// File relative to the repository root.
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The block it is about (`resource.aws_s3_bucket.logs`, `module.vpc`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    pub message: String,
}

/// How a file takes part in a scan, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `.tf`: parsed for the inventory and every rule.
    Terraform,
    /// `.tfvars` and other `.hcl` (terragrunt): where values live; checked for secrets.
    Values,
    /// Terraform in a syntax not read yet (`.tf.json`, `.tofu`): named in the report.
    Unsupported,
}

pub fn kind_of(path: &str) -> Option<FileKind> {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name.ends_with(".tf") {
        Some(FileKind::Terraform)
    } else if name.ends_with(".tfvars") || name.ends_with(".hcl") && name != ".terraform.lock.hcl" {
        Some(FileKind::Values)
    } else if name.ends_with(".tf.json")
        || name.ends_with(".tfvars.json")
        || name.ends_with(".tofu")
    {
        Some(FileKind::Unsupported)
    } else {
        None
    }
}

/// Directories that hold copies or caches, never code of the repository's own.
pub fn ignored_dir(name: &str) -> bool {
    matches!(name, ".git" | ".terraform" | ".terragrunt-cache")
}

/// Most severe first, then by file and line.
pub fn sort_findings(findings: &mut [ScanFinding]) {
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.file.cmp(&b.file))
            .then(a.line.cmp(&b.line))
    });
}

/// Scans one repository's Terraform files.
pub fn scan_files(name: &str, git_ref: Option<String>, files: &[SourceFile]) -> RepoScan {
    let mut by_dir: BTreeMap<String, Vec<&SourceFile>> = BTreeMap::new();
    let mut findings = Vec::new();
    for f in files {
        match kind_of(&f.path) {
            Some(FileKind::Terraform) => by_dir.entry(parent_dir(&f.path)).or_default().push(f),
            Some(FileKind::Values) => module::values_file(f, &mut findings),
            _ => {}
        }
    }
    let mut parsed: BTreeMap<String, module::ModuleFacts> = BTreeMap::new();
    for (dir, files) in &by_dir {
        parsed.insert(dir.clone(), module::analyze(dir, files, &mut findings));
    }
    // A directory another one calls by a local path is a module, not a root.
    let called: BTreeSet<String> = parsed
        .iter()
        .flat_map(|(dir, facts)| {
            facts
                .root
                .modules
                .iter()
                .filter(|m| m.pinning == Pinning::Local)
                .filter_map(|m| m.source.as_deref().map(|s| join(dir, s)))
                .collect::<Vec<_>>()
        })
        .collect();
    let by_dir_is_empty = parsed.is_empty();
    let mut roots = Vec::new();
    let mut modules = Vec::new();
    for (dir, facts) in parsed {
        if called.contains(&dir) {
            modules.push(dir);
        } else {
            rules::root_rules(&facts, &mut findings);
            roots.push(facts.root);
        }
    }
    sort_findings(&mut findings);
    RepoScan {
        name: name.to_string(),
        git_ref,
        status: if by_dir_is_empty {
            Status::NoTerraform
        } else {
            Status::Scanned
        },
        detail: None,
        terraform_files: files
            .iter()
            .filter(|f| kind_of(&f.path) == Some(FileKind::Terraform))
            .count(),
        roots,
        modules,
        findings,
        skipped_files: Vec::new(),
    }
}

/// A repository that could not be scanned, or was skipped on purpose.
pub fn not_scanned(name: &str, status: Status, detail: String) -> RepoScan {
    RepoScan {
        name: name.to_string(),
        git_ref: None,
        status,
        detail: Some(detail),
        terraform_files: 0,
        roots: Vec::new(),
        modules: Vec::new(),
        findings: Vec::new(),
        skipped_files: Vec::new(),
    }
}

pub fn report(target: &str, target_kind: TargetKind, repositories: Vec<RepoScan>) -> ScanReport {
    let totals = Totals {
        repositories: repositories.len(),
        with_terraform: repositories
            .iter()
            .filter(|r| r.terraform_files > 0)
            .count(),
        failed: repositories
            .iter()
            .filter(|r| r.status == Status::Failed)
            .count(),
        skipped: repositories
            .iter()
            .filter(|r| r.status == Status::Skipped)
            .count(),
        root_modules: repositories.iter().map(|r| r.roots.len()).sum(),
        findings: repositories.iter().map(|r| r.findings.len()).sum(),
        skipped_files: repositories.iter().map(|r| r.skipped_files.len()).sum(),
    };
    ScanReport {
        schema_version: SCHEMA_VERSION,
        target: target.to_string(),
        target_kind,
        repositories,
        totals,
    }
}

impl ScanReport {
    pub fn max_severity(&self) -> Option<Severity> {
        self.repositories
            .iter()
            .flat_map(|r| &r.findings)
            .map(|f| f.severity)
            .max()
    }
}

/// `envs/prod/main.tf` → `envs/prod`; `main.tf` → `.`.
pub fn parent_dir(path: &str) -> String {
    match path.rsplit_once('/') {
        Some((dir, _)) if !dir.is_empty() => dir.to_string(),
        _ => ".".to_string(),
    }
}

/// `envs/prod` + `../../modules/vpc` → `modules/vpc`, lexically (no filesystem).
pub fn join(dir: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = if dir == "." {
        Vec::new()
    } else {
        dir.split('/').collect()
    };
    for p in rel.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_module_paths_resolve_lexically() {
        assert_eq!(join("envs/prod", "../../modules/vpc"), "modules/vpc");
        assert_eq!(join(".", "./modules/vpc/"), "modules/vpc");
        assert_eq!(join("a", ".."), ".");
        assert_eq!(parent_dir("main.tf"), ".");
        assert_eq!(parent_dir("envs/prod/main.tf"), "envs/prod");
    }
}

#[cfg(test)]
mod scan_tests {
    use super::*;

    fn file(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    /// Findings on the first and the last line of a CRLF file with no trailing newline.
    #[test]
    fn finding_lines_in_a_crlf_file() {
        let sg = "resource \"aws_security_group\" \"s\" { ingress = [{ cidr_blocks = [\"0.0.0.0/0\"] }] }";
        let text = format!(
            "{sg}\r\n\r\n# a comment\r\n{}",
            sg.replace("\"s\"", "\"t\"")
        );
        let r = scan_files("x", None, &[file("main.tf", &text)]);
        let lines: Vec<Option<usize>> = r
            .findings
            .iter()
            .filter(|f| f.rule == "CO004")
            .map(|f| f.line)
            .collect();
        assert_eq!(lines, [Some(1), Some(4)], "{:?}", r.findings);
    }

    #[test]
    fn a_small_repository() {
        let files = vec![
            file(
                "envs/prod/main.tf",
                r#"
terraform {
  required_version = ">= 1.8"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
  backend "s3" { bucket = "state" }
}
module "vpc" { source = "../../modules/vpc" }
module "db" { source = "terraform-aws-modules/rds/aws" }
resource "aws_security_group" "web" {
  ingress {
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}
provider "aws" {
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"
}
"#,
            ),
            file(
                "modules/vpc/main.tf",
                "resource \"aws_vpc\" \"this\" { cidr_block = var.cidr }\nvariable \"cidr\" {}\nvariable \"db_password\" { default = \"q8Zr2LmX9vTb4KpW7sNe\" }\n",
            ),
            file("scratch/main.tf", "resource \"null_resource\" \"x\" {}\n"),
        ];
        let r = scan_files("acme/infra", None, &files);
        let roots: Vec<&str> = r.roots.iter().map(|r| r.dir.as_str()).collect();
        assert_eq!(roots, ["envs/prod", "scratch"]);
        assert_eq!(r.modules, ["modules/vpc"]);
        let prod = &r.roots[0];
        assert_eq!(prod.backend.as_deref(), Some("s3"));
        assert_eq!(prod.providers[0].version.as_deref(), Some("~> 5.0"));
        let rules: Vec<(&str, &str, Option<usize>)> = r
            .findings
            .iter()
            .map(|f| (f.rule.as_str(), f.file.as_str(), f.line))
            .collect();
        assert!(
            rules.contains(&("CO101", "envs/prod/main.tf", Some(19))),
            "{rules:?}"
        );
        assert!(
            rules.contains(&("CO101", "modules/vpc/main.tf", Some(3))),
            "{rules:?}"
        );
        assert!(
            rules.contains(&("CO004", "envs/prod/main.tf", Some(12))),
            "{rules:?}"
        );
        assert!(
            rules.contains(&("CO102", "envs/prod/main.tf", Some(10))),
            "{rules:?}"
        );
        assert!(
            rules.contains(&("CO104", "scratch/main.tf", None)),
            "{rules:?}"
        );
        assert!(
            rules.contains(&("CO103", "scratch/main.tf", None)),
            "{rules:?}"
        );
        for f in &r.findings {
            assert!(
                !f.message.contains("AKIA") && !f.message.contains("q8Zr"),
                "{}",
                f.message
            );
        }
    }
}
