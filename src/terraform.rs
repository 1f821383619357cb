//! Runs a terraform (or tofu) binary to turn a binary plan file into JSON, streaming its
//! output to the analyser instead of holding it in memory.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::JoinHandle;

use crate::error::Error;

/// Finds the binary: the explicit path, else `terraform` on PATH.
pub fn resolve(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        if p.components().count() > 1 {
            return p.is_file().then(|| p.to_path_buf());
        }
        return search_path(p.as_os_str());
    }
    search_path(std::ffi::OsStr::new("terraform"))
}

fn search_path(name: &std::ffi::OsStr) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|c| c.is_file())
}

/// A running `terraform show -json PLAN` whose stdout is being read.
pub struct ShowJson {
    child: Child,
    stderr: Option<JoinHandle<String>>,
    bin: PathBuf,
}

pub fn show_json(bin: &Path, plan: &Path) -> Result<(ShowJson, Box<dyn Read + Send>), Error> {
    tracing::debug!(bin = %bin.display(), plan = %plan.display(), "running terraform show -json");
    let mut child = Command::new(bin)
        .arg("show")
        .arg("-json")
        .arg("-no-color")
        .arg(plan)
        .env("TF_IN_AUTOMATION", "1")
        .env("CHECKPOINT_DISABLE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Error::Terraform {
            message: format!("could not run {}: {e}", bin.display()),
            hint: "check --terraform-bin / CLOUDOPS_TERRAFORM_BIN".to_string(),
        })?;
    let stdout = child.stdout.take().expect("stdout was piped");
    let mut stderr = child.stderr.take().expect("stderr was piped");
    let handle = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    Ok((
        ShowJson {
            child,
            stderr: Some(handle),
            bin: bin.to_path_buf(),
        },
        Box::new(stdout),
    ))
}

/// Terraform failed; `said_nothing` when it printed no error of its own (it was killed, e.g.
/// by SIGPIPE after cloudops stopped reading output it could not parse).
pub struct Failure {
    pub error: Error,
    pub said_nothing: bool,
}

impl ShowJson {
    /// Waits for terraform and reports how it ended.
    pub fn finish(mut self) -> Result<(), Failure> {
        let status = self.child.wait().map_err(|e| Failure {
            error: Error::Io {
                context: format!("waiting for {}", self.bin.display()),
                error: e,
            },
            said_nothing: false,
        })?;
        let stderr = self
            .stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default();
        if status.success() {
            return Ok(());
        }
        let excerpt: Vec<&str> = stderr
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .take(12)
            .collect();
        Err(Failure {
            said_nothing: excerpt.is_empty(),
            error: Error::Terraform {
            message: format!(
                "`{} show -json` failed ({status}):\n  {}",
                self.bin.display(),
                excerpt.join("\n  ")
            ),
            hint: "run cloudops in the directory where `terraform init` ran (terraform needs the configuration's providers to read a plan file), or convert it yourself: `terraform show -json tfplan > plan.json`".to_string(),
        },
        })
    }
}

impl Drop for ShowJson {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
