//! `plan analyze --save`: the plan's digest taken while it streams past, the workspace and
//! retention resolved from flags, environment and `.cloudops.toml`, and the entry stored.

use std::cell::RefCell;
use std::io::{Read, Write};
use std::rc::Rc;

use sha2::{Digest, Sha256};

use crate::cli::AnalyzeArgs;
use crate::commands::history_store::Spec;
use crate::commands::Context;
use crate::config::ProjectSettings;
use crate::error::Error;
use crate::plan::{scrub, AnalyzeOptions, Report};
use crate::store::{NewPlan, Saved, DEFAULT_RETENTION_DAYS};
use crate::timefmt;

/// The workspace an analysis belongs to: --workspace, else the config file's, else one
/// named after the git repository and directory (and Terraform workspace).
pub fn workspace(args: &AnalyzeArgs, project: &ProjectSettings) -> Result<String, Error> {
    match args
        .workspace
        .clone()
        .or_else(|| project.history.workspace.clone())
    {
        Some(w) if w.trim().is_empty() => Err(Error::Usage {
            message: "--workspace is empty".into(),
            hint: "name the workspace, e.g. --workspace acme/infra/prod".into(),
        }),
        Some(w) => Ok(w.trim().to_string()),
        None => {
            let cwd = std::env::current_dir().map_err(|e| Error::Io {
                context: "reading the current directory to name the workspace".into(),
                error: e,
            })?;
            Ok(crate::workspace::default_workspace(
                &cwd,
                std::env::var("TF_WORKSPACE").ok(),
            ))
        }
    }
}

/// What to save and where, resolved before the plan is read so that a bad setting fails
/// fast instead of after a long analysis.
pub struct Request {
    workspace: String,
    retention_days: u32,
    store: Spec,
    save_plan: bool,
}

impl Request {
    pub fn new(
        args: &AnalyzeArgs,
        project: &ProjectSettings,
        ctx: &Context,
    ) -> Result<Request, Error> {
        let history = &project.history;
        Ok(Request {
            workspace: workspace(args, project)?,
            retention_days: args
                .retention_days
                .or(history.retention_days)
                .unwrap_or(DEFAULT_RETENTION_DAYS),
            store: Spec::decide(ctx, project)?,
            save_plan: args.save_plan,
        })
    }

    pub fn save(
        self,
        report: Report,
        captured: Captured,
        opts: &AnalyzeOptions,
        ctx: &Context,
    ) -> Result<(), Error> {
        let raw_plan_gz = match (self.save_plan, captured.copy) {
            (true, Some(bytes)) => Some(redacted_gzip(&bytes, opts, &report.source)?),
            _ => None,
        };
        let now = jiff::Timestamp::now();
        let store = self.store.create()?;
        let plan = NewPlan {
            workspace: self.workspace,
            plan_sha256: captured.sha256,
            source: report.source.clone(),
            terraform_version: report
                .plans
                .first()
                .and_then(|p| p.terraform_version.clone()),
            report,
            raw_plan_gz,
            expires_at: timefmt::expiry(now, self.retention_days),
            saved_at: None,
        };
        let saved = store.save_plan(plan, now)?;
        let m = saved.meta();
        if let Some(note) = &m.note {
            ctx.warn(note);
        }
        let until = match m.expires_at {
            Some(t) => format!("kept until {}", timefmt::show(t)),
            None => "kept forever".to_string(),
        };
        match &saved {
            Saved::Created(_) => ctx.note(&format!(
                "saved as {} in workspace {} ({until}; {})",
                m.id,
                m.workspace,
                store.location()
            )),
            Saved::AlreadySaved(_) => ctx.note(&format!(
                "this plan was already saved as {} in workspace {} at {}; not saved again ({until}{})",
                m.id,
                m.workspace,
                timefmt::show(m.saved_at),
                if m.has_raw_plan { "; the plan is kept" } else { "" }
            )),
        }
        Ok(())
    }
}

fn redacted_gzip(bytes: &[u8], opts: &AnalyzeOptions, source: &str) -> Result<Vec<u8>, Error> {
    let plain =
        scrub::redacted_plan(bytes, opts.mask_secret_names).map_err(|error| Error::Plan {
            input: source.to_string(),
            error,
        })?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&plain)
        .and_then(|()| gz.finish())
        .map_err(|e| Error::Io {
            context: "compressing the plan".into(),
            error: e,
        })
}

/// Hashes (and, for `--save-plan`, copies) the plan JSON as the analyser reads it, so the
/// plan is read once even from stdin.
pub struct Capture {
    /// `None` when nothing is saved: the plan then streams past untouched (hashing a large
    /// plan costs as much as parsing it).
    state: Option<Rc<RefCell<State>>>,
}

struct State {
    active: bool,
    hasher: Sha256,
    copy: Option<Vec<u8>>,
}

pub struct Captured {
    pub sha256: String,
    pub copy: Option<Vec<u8>>,
}

impl Capture {
    pub fn new(enabled: bool, keep_copy: bool) -> Capture {
        Capture {
            state: enabled.then(|| {
                Rc::new(RefCell::new(State {
                    active: true,
                    hasher: Sha256::new(),
                    copy: keep_copy.then(Vec::new),
                }))
            }),
        }
    }

    /// Wraps `inner` so that what is read through it is captured (from now on).
    pub fn tee<'a>(&self, inner: Box<dyn Read + 'a>) -> Box<dyn Read + 'a> {
        let Some(state) = &self.state else {
            return inner;
        };
        state.borrow_mut().active = true;
        Box::new(Tee {
            inner,
            state: Rc::clone(state),
        })
    }

    /// Forgets what was captured and pauses until the next `tee`: a binary plan's zip bytes
    /// are not the plan JSON.
    pub fn reset(&self) {
        let Some(state) = &self.state else {
            return;
        };
        let mut s = state.borrow_mut();
        s.active = false;
        s.hasher = Sha256::new();
        if let Some(c) = &mut s.copy {
            c.clear();
        }
    }

    pub fn finish(self) -> Captured {
        let Some(state) = self.state else {
            return Captured {
                sha256: String::new(),
                copy: None,
            };
        };
        let mut s = state.borrow_mut();
        let digest = std::mem::take(&mut s.hasher).finalize();
        Captured {
            sha256: format!("{digest:x}"),
            copy: s.copy.take(),
        }
    }
}

struct Tee<'a> {
    inner: Box<dyn Read + 'a>,
    state: Rc<RefCell<State>>,
}

impl Read for Tee<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut s = self.state.borrow_mut();
        if s.active {
            s.hasher.update(&buf[..n]);
            if let Some(c) = &mut s.copy {
                c.extend_from_slice(&buf[..n]);
            }
        }
        Ok(n)
    }
}
