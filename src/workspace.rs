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
    let Ok(config) = std::fs::read_to_string(root.join(".git").join("config")) else {
        return fallback();
    };
    origin_url(&config)
        .and_then(|u| owner_and_repo(&u))
        .unwrap_or_else(fallback)
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
                    return Some(v.trim().to_string());
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
    let owner = parts.pop().filter(|o| !o.contains('@') && !o.contains('.'));
    match owner {
        Some(o) if !repo.is_empty() => Some(format!("{o}/{repo}")),
        _ if !repo.is_empty() => Some(repo.to_string()),
        _ => None,
    }
}

/// `TF_WORKSPACE`, else what `terraform workspace select` wrote; `default` is left out.
fn terraform_workspace(dir: &Path, env: Option<String>) -> Option<String> {
    let ws =
        env.or_else(|| std::fs::read_to_string(dir.join(".terraform").join("environment")).ok())?;
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
}
