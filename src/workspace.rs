//! The default history workspace, named the way operators think of a root module: the git
//! repository and the directory inside it, plus the Terraform workspace when it is not
//! `default` — so two checkouts of the same repository share a history.

use std::path::{Path, PathBuf};

/// The workspace for plans analysed from `dir`.
pub fn default_workspace(dir: &Path, tf_workspace_env: Option<String>) -> String {
    let base = match git_root(dir) {
        Some(root) => {
            let name = repo_name(&root);
            let rel = dir.strip_prefix(&root).unwrap_or(Path::new(""));
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if rel.is_empty() {
                name
            } else {
                format!("{name}/{}", rel.join("/"))
            }
        }
        None => dir.display().to_string(),
    };
    match terraform_workspace(dir, tf_workspace_env) {
        Some(ws) => format!("{base}:{ws}"),
        None => base,
    }
}

fn git_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// The repository's name from its `origin` remote (`.../acme/infra.git` → `acme/infra`),
/// else the checkout directory's name.
fn repo_name(root: &Path) -> String {
    let fallback = || {
        root.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| root.display().to_string())
    };
    let Ok(config) = std::fs::read_to_string(git_common_dir(root).join("config")) else {
        return fallback();
    };
    origin_url(&config)
        .and_then(|u| owner_and_repo(&u))
        .unwrap_or_else(fallback)
}

/// Where the repository's config lives: `.git/`, or for a worktree or submodule (whose
/// `.git` is a file saying `gitdir: ...`) the git dir it names, or that dir's `commondir`.
fn git_common_dir(root: &Path) -> PathBuf {
    let dot_git = root.join(".git");
    let Some(gitdir) = std::fs::read_to_string(&dot_git)
        .ok()
        .and_then(|t| t.strip_prefix("gitdir:").map(|p| root.join(p.trim())))
    else {
        return dot_git;
    };
    match std::fs::read_to_string(gitdir.join("commondir")) {
        Ok(common) => gitdir.join(common.trim()),
        Err(_) => gitdir,
    }
}

fn origin_url(config: &str) -> Option<String> {
    let mut in_origin = false;
    for line in config.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_origin = line == r#"[remote "origin"]"#;
        } else if in_origin {
            if let Some((k, v)) = line.split_once('=') {
                if k.trim() == "url" {
                    return Some(v.trim().trim_matches('"').to_string());
                }
            }
        }
    }
    None
}

/// `https://github.com/acme/infra.git`, `git@github.com:acme/infra.git` → `acme/infra`.
/// Credentials in the URL never reach the name.
fn owner_and_repo(url: &str) -> Option<String> {
    let path = url.rsplit_once(':').map_or(url, |(_, p)| p);
    let mut parts: Vec<&str> = path
        .trim_end_matches('/')
        .split('/')
        .filter(|p| !p.is_empty())
        .collect();
    let repo = parts.pop()?.trim_end_matches(".git");
    // Azure DevOps: .../org/project/_git/repo
    if parts.last() == Some(&"_git") {
        parts.pop();
    }
    let owner = parts.pop().filter(|o| !o.contains('@') && !o.contains('.'));
    match owner {
        Some(o) if !repo.is_empty() => Some(format!("{o}/{repo}")),
        _ if !repo.is_empty() => Some(repo.to_string()),
        _ => None,
    }
}

/// `TF_WORKSPACE`, else what `terraform workspace select` wrote (under `TF_DATA_DIR` when
/// set); `default` is left out.
fn terraform_workspace(dir: &Path, env: Option<String>) -> Option<String> {
    let data_dir = std::env::var_os("TF_DATA_DIR")
        .filter(|d| !d.is_empty())
        .map_or_else(|| dir.join(".terraform"), |d| dir.join(d));
    let ws = env
        .filter(|w| !w.is_empty())
        .or_else(|| std::fs::read_to_string(data_dir.join("environment")).ok())?;
    let ws = ws.trim();
    (!ws.is_empty() && ws != "default").then(|| ws.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_urls_give_owner_and_repo() {
        for (url, want) in [
            ("https://github.com/acme/infra.git", "acme/infra"),
            ("git@github.com:acme/infra.git", "acme/infra"),
            ("https://user:pw@github.com/acme/infra", "acme/infra"),
            (
                "ssh://git@gitlab.example.com/group/sub/infra.git",
                "sub/infra",
            ),
            ("/srv/git/infra.git", "git/infra"),
            ("https://dev.azure.com/org/proj/_git/infra", "proj/infra"),
        ] {
            assert_eq!(owner_and_repo(url).as_deref(), Some(want), "{url}");
        }
    }

    #[test]
    fn origin_is_read_from_git_config() {
        let cfg = "[core]\n\tbare = false\n[remote \"upstream\"]\n\turl = x/y\n[remote \"origin\"]\n\turl = git@github.com:acme/net.git\n";
        assert_eq!(
            origin_url(cfg).as_deref(),
            Some("git@github.com:acme/net.git")
        );
    }

    #[test]
    fn quoted_urls_are_unquoted() {
        let quoted = "[remote \"origin\"]\n\turl = \"https://github.com/a/b\"\n";
        assert_eq!(
            origin_url(quoted).as_deref(),
            Some("https://github.com/a/b")
        );
    }

    #[test]
    fn a_worktree_shares_the_repository_name() {
        let t = tempfile::tempdir().unwrap();
        let main = t.path().join("main");
        std::fs::create_dir_all(main.join(".git/worktrees/wt")).unwrap();
        std::fs::write(
            main.join(".git/config"),
            "[remote \"origin\"]\n\turl = git@github.com:acme/infra.git\n",
        )
        .unwrap();
        std::fs::write(main.join(".git/worktrees/wt/commondir"), "../..\n").unwrap();
        let wt = t.path().join("wt");
        std::fs::create_dir_all(wt.join("envs/prod")).unwrap();
        let gitdir = main.join(".git/worktrees/wt");
        std::fs::write(wt.join(".git"), format!("gitdir: {}\n", gitdir.display())).unwrap();
        assert_eq!(
            default_workspace(&wt.join("envs/prod"), None),
            "acme/infra/envs/prod"
        );
    }
}
