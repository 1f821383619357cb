//! `cloudops plan comment` end to end: the real binary, through octocrab, against the
//! GitHub-shaped server's stateful pull-request comments (tests/support/github_server.rs).
//! A comment is created, then edited in place; workspaces keep separate comments; a long
//! listing is paged through; `new` and `delete-and-new` retire the old comment; 403, 404,
//! 422 and rate limits give clear errors; the event file locates the pull request.

mod support;

#[path = "support/github_server.rs"]
mod github_server;

use std::process::Output;

use github_server::{Response, Route, Server};
use serde_json::json;

/// Made up; the server must see that a token was sent, and no output may show it.
const TOKEN: &str = "ghs_C0mmentT0kenNeverShown7a1b2c3d4e5f6";

const PLAN_A: &str = "tf-summarize__example__tfplan.json";
const PLAN_B: &str = "opentofu__show-json__basic-delete.json";

fn comment(server: &Server, plan: &str, extra: &[&str]) -> Output {
    let out = support::cloudops()
        .args(["plan", "comment", "--no-config"])
        .arg(support::fixture(plan))
        .args(if extra.contains(&"--repo") {
            &[][..]
        } else {
            &["--repo", "acme/infra"][..]
        })
        .args(extra)
        .env("CLOUDOPS_GITHUB_API_URL", server.base_uri())
        .env("GITHUB_TOKEN", TOKEN)
        .env_remove("GH_TOKEN")
        .env_remove("GITHUB_EVENT_PATH")
        .env_remove("GITHUB_REPOSITORY")
        .env_remove("GITHUB_API_URL")
        .env_remove("GITHUB_ACTIONS")
        .env_remove("CLOUDOPS_WORKSPACE")
        .env(
            "CLOUDOPS_DATA_DIR",
            std::env::temp_dir().join("cloudops-comment-none"),
        )
        .output()
        .unwrap();
    for stream in [&out.stdout, &out.stderr] {
        assert!(
            !String::from_utf8_lossy(stream).contains(TOKEN),
            "token printed"
        );
    }
    assert!(
        server
            .requests()
            .iter()
            .all(|r| r.authorized && !r.body.contains(TOKEN)),
        "every request carries the token in its header only"
    );
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status.code(),
        stderr(o)
    );
    stderr(o)
}

const MARKER_PROD: &str = "<!-- cloudops:plan-comment key=prod -->";

#[test]
fn a_comment_is_created_then_updated_in_place() {
    let gh = Server::start(vec![]);
    gh.open_pull("acme", "infra", 7);
    gh.seed_comment("acme", "infra", 7, "alice", "LGTM once the plan is clean");

    let first = ok(&comment(&gh, PLAN_A, &["--pr", "7", "--workspace", "prod"]));
    assert!(
        first.contains("comment created: https://github.com/acme/infra/pull/7#issuecomment-"),
        "{first}"
    );
    let c = gh.comments("acme", "infra", 7);
    assert_eq!(c.len(), 2);
    let mine = &c[1];
    assert!(mine.body.starts_with(MARKER_PROD), "{}", mine.body);
    assert!(mine.body.contains("### Terraform plan:"));
    assert!(mine.body.contains("**Workspace:** <code>prod</code>"));

    // A different plan: the same comment is edited, nothing new is posted.
    let second = ok(&comment(&gh, PLAN_B, &["--pr", "7", "--workspace", "prod"]));
    assert!(second.contains("comment updated"), "{second}");
    let c2 = gh.comments("acme", "infra", 7);
    assert_eq!(c2.len(), 2);
    assert_eq!(c2[1].id, mine.id);
    assert_ne!(c2[1].body, mine.body);
    assert_eq!(
        c2[0].body, "LGTM once the plan is clean",
        "people's comments are left alone"
    );
    let patches = gh.requests().iter().filter(|r| r.method == "PATCH").count();
    assert_eq!(patches, 1);

    // The same plan again: no edit (only the timestamp would change).
    let third = ok(&comment(&gh, PLAN_B, &["--pr", "7", "--workspace", "prod"]));
    assert!(third.contains("comment unchanged"), "{third}");
    assert_eq!(
        gh.requests().iter().filter(|r| r.method == "PATCH").count(),
        1
    );
    assert_eq!(
        gh.requests().iter().filter(|r| r.method == "POST").count(),
        1,
        "one comment was ever created"
    );
}

#[test]
fn each_workspace_keeps_its_own_comment() {
    let gh = Server::start(vec![]);
    gh.open_pull("acme", "infra", 3);
    // Someone quoting a marker mid-comment must not be mistaken for ours.
    gh.seed_comment(
        "acme",
        "infra",
        3,
        "bob",
        &format!("why does\n{MARKER_PROD}\nshow up?"),
    );
    ok(&comment(&gh, PLAN_A, &["--pr", "3", "--workspace", "prod"]));
    ok(&comment(
        &gh,
        PLAN_A,
        &["--pr", "3", "--workspace", "staging"],
    ));
    ok(&comment(
        &gh,
        PLAN_A,
        &["--pr", "3", "--workspace", "prod/eu west"],
    ));
    ok(&comment(
        &gh,
        PLAN_B,
        &["--pr", "3", "--workspace", "staging"],
    ));
    let c = gh.comments("acme", "infra", 3);
    assert_eq!(c.len(), 4, "{c:#?}");
    assert!(c[0].body.starts_with("why does"));
    assert!(c[1].body.starts_with(MARKER_PROD));
    assert!(c[2]
        .body
        .starts_with("<!-- cloudops:plan-comment key=staging -->"));
    assert!(c[3]
        .body
        .starts_with("<!-- cloudops:plan-comment key=prod/eu%20west -->"));
    let plan_b_text = c[2].body.clone();
    assert_ne!(c[1].body.lines().nth(3), plan_b_text.lines().nth(3));
}

#[test]
fn the_comment_is_found_on_a_late_page() {
    let gh = Server::start(vec![]);
    gh.open_pull("acme", "infra", 11);
    for i in 0..230 {
        gh.seed_comment("acme", "infra", 11, "ci-bot", &format!("build {i} passed"));
    }
    let first = ok(&comment(
        &gh,
        PLAN_A,
        &["--pr", "11", "--workspace", "prod"],
    ));
    assert!(first.contains("created"));
    for i in 0..40 {
        gh.seed_comment("acme", "infra", 11, "ci-bot", &format!("later build {i}"));
    }
    let again = ok(&comment(
        &gh,
        PLAN_B,
        &["--pr", "11", "--workspace", "prod"],
    ));
    assert!(again.contains("updated"), "{again}");
    let c = gh.comments("acme", "infra", 11);
    assert_eq!(c.len(), 271);
    assert_eq!(
        c.iter().filter(|c| c.body.starts_with(MARKER_PROD)).count(),
        1
    );
    let pages: Vec<String> = gh
        .targets()
        .into_iter()
        .filter(|t| t.contains("/issues/11/comments?"))
        .collect();
    assert!(pages.iter().any(|t| t.contains("page=3")), "{pages:?}");
}

#[test]
fn new_marks_the_old_comment_outdated_and_delete_and_new_removes_it() {
    let gh = Server::start(vec![]);
    gh.open_pull("acme", "infra", 5);
    ok(&comment(&gh, PLAN_A, &["--pr", "5", "--workspace", "prod"]));
    let old = gh.comments("acme", "infra", 5)[0].clone();

    ok(&comment(
        &gh,
        PLAN_B,
        &["--pr", "5", "--workspace", "prod", "--behavior", "new"],
    ));
    let c = gh.comments("acme", "infra", 5);
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].id, old.id);
    assert!(c[0].minimized, "the old comment is minimised as outdated");
    assert!(c[0]
        .body
        .starts_with("<!-- cloudops:plan-comment key=prod outdated -->"));
    assert!(c[0].body.contains(&format!(
        "superseded by <a href=\"https://github.com/acme/infra/pull/5#issuecomment-{}\">",
        c[1].id
    )));
    assert!(c[0]
        .body
        .contains("<details><summary>Previous plan</summary>"));
    assert!(c[1].body.starts_with(MARKER_PROD) && !c[1].minimized);

    // The next update edits the current one, not the outdated one.
    ok(&comment(&gh, PLAN_A, &["--pr", "5", "--workspace", "prod"]));
    let c = gh.comments("acme", "infra", 5);
    assert_eq!(c.len(), 2);
    assert!(c[0].body.contains("outdated"));

    ok(&comment(
        &gh,
        PLAN_A,
        &[
            "--pr",
            "5",
            "--workspace",
            "prod",
            "--behavior",
            "delete-and-new",
        ],
    ));
    let c2 = gh.comments("acme", "infra", 5);
    assert_eq!(
        c2.len(),
        2,
        "the outdated one stays, the current one is replaced"
    );
    assert_eq!(c2[0].id, c[0].id);
    assert_ne!(c2[1].id, c[1].id);
    assert!(gh.requests().iter().any(|r| r.method == "DELETE"
        && r.target == format!("/repos/acme/infra/issues/comments/{}", c[1].id)));
}

#[test]
fn refusals_are_explained() {
    // No such pull request: 404 on the listing.
    let gh = Server::start(vec![]);
    let out = comment(&gh, PLAN_A, &["--pr", "404", "--workspace", "prod"]);
    assert_eq!(out.status.code(), Some(1));
    let e = stderr(&out);
    assert!(
        e.contains("not found") && e.contains("acme/infra#404"),
        "{e}"
    );
    assert!(e.contains("check --repo and --pr"), "{e}");

    // A read-only token (a fork's pull request): 403 on create.
    let gh = Server::start(vec![Route::times(
        "POST",
        "/repos/acme/infra/issues/8/comments",
        vec![Response::error(
            403,
            "Resource not accessible by integration",
        )],
    )]);
    gh.open_pull("acme", "infra", 8);
    let out = comment(&gh, PLAN_A, &["--pr", "8", "--workspace", "prod"]);
    assert_eq!(out.status.code(), Some(1));
    let e = stderr(&out);
    assert!(e.contains("Resource not accessible by integration"), "{e}");
    assert!(e.contains("pull-requests: write"), "{e}");
    assert!(gh.comments("acme", "infra", 8).is_empty());

    // GitHub's validation failure, with its reason.
    let gh = Server::start(vec![Route::times(
        "POST",
        "/repos/acme/infra/issues/9/comments",
        vec![Response::json(
            422,
            json!({"message": "Validation Failed",
                   "errors": [{"resource": "IssueComment", "code": "unprocessable", "field": "data",
                               "message": "Body cannot be blank"}],
                   "documentation_url": "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
                   "status": "422"}),
        )],
    )]);
    gh.open_pull("acme", "infra", 9);
    let out = comment(&gh, PLAN_A, &["--pr", "9", "--workspace", "prod"]);
    assert_eq!(out.status.code(), Some(1));
    let e = stderr(&out);
    assert!(
        e.contains("Validation Failed (Body cannot be blank)"),
        "{e}"
    );

    // Bad flags fail before anything is sent.
    let gh = Server::start(vec![]);
    let out = comment(&gh, PLAN_A, &["--pr", "1", "--repo", "acme/in fra"]);
    assert_eq!(out.status.code(), Some(64));
    assert!(stderr(&out).contains("is not OWNER/NAME"));
    assert!(gh.requests().is_empty());
}

#[test]
fn no_token_is_an_auth_error() {
    let gh = Server::start(vec![]);
    let out = support::cloudops()
        .args([
            "plan",
            "comment",
            "--no-config",
            "--repo",
            "acme/infra",
            "--pr",
            "1",
        ])
        .arg(support::fixture(PLAN_A))
        .env("CLOUDOPS_GITHUB_API_URL", gh.base_uri())
        .env_remove("GITHUB_TOKEN")
        .env_remove("GH_TOKEN")
        .env("XDG_CONFIG_HOME", tempfile::tempdir().unwrap().path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("GITHUB_TOKEN"));
    assert!(gh.requests().is_empty());
}

#[test]
fn rate_limits_are_waited_out_or_reported() {
    let gh = Server::start(vec![Route::times(
        "GET",
        "/repos/acme/infra/issues/2/comments",
        vec![Response::retry_after(403, 1)],
    )]);
    gh.open_pull("acme", "infra", 2);
    let e = ok(&comment(&gh, PLAN_A, &["--pr", "2", "--workspace", "prod"]));
    assert!(e.contains("rate limit") && e.contains("waiting 1 s"), "{e}");
    assert_eq!(gh.comments("acme", "infra", 2).len(), 1);

    let gh = Server::start(vec![Route::times(
        "POST",
        "/repos/acme/infra/issues/2/comments",
        vec![Response::rate_limited(3000)],
    )]);
    gh.open_pull("acme", "infra", 2);
    let out = comment(
        &gh,
        PLAN_A,
        &["--pr", "2", "--workspace", "prod", "--no-wait"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("GitHub rate limit reached (resets at"),
        "{}",
        stderr(&out)
    );
    assert!(gh.comments("acme", "infra", 2).is_empty());
}

#[test]
fn the_actions_event_names_the_pull_request() {
    let gh = Server::start(vec![]);
    gh.open_pull("acme", "infra", 12);
    let dir = tempfile::tempdir().unwrap();
    let event = dir.path().join("event.json");
    std::fs::write(
        &event,
        json!({"action": "synchronize", "number": 12,
               "pull_request": {"number": 12, "head": {"sha": "0123456789abcdef0123456789abcdef01234567"}}})
        .to_string(),
    )
    .unwrap();
    let outputs = dir.path().join("outputs");
    let summary = dir.path().join("summary.md");
    let out = support::cloudops()
        .args([
            "--format",
            "github",
            "plan",
            "comment",
            "--no-config",
            "--workspace",
            "prod",
        ])
        .arg(support::fixture(PLAN_A))
        .env("CLOUDOPS_GITHUB_API_URL", gh.base_uri())
        .env("GITHUB_TOKEN", TOKEN)
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_EVENT_PATH", &event)
        .env("GITHUB_EVENT_NAME", "pull_request")
        .env("GITHUB_REPOSITORY", "acme/infra")
        .env("GITHUB_SERVER_URL", "https://github.com")
        .env("GITHUB_RUN_ID", "4242")
        .env("GITHUB_OUTPUT", &outputs)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    ok(&out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("::notice title=cloudops plan analyze::"),
        "{stdout}"
    );
    let c = gh.comments("acme", "infra", 12);
    assert_eq!(c.len(), 1);
    assert!(
        c[0].body.contains("commit <code>0123456789ab</code>"),
        "{}",
        c[0].body
    );
    assert!(c[0]
        .body
        .contains("<a href=\"https://github.com/acme/infra/actions/runs/4242\">workflow run</a>"));
    let o = std::fs::read_to_string(&outputs).unwrap();
    assert_eq!(
        o.trim(),
        format!(
            "comment-url=https://github.com/acme/infra/pull/12#issuecomment-{}",
            c[0].id
        )
    );
    assert!(std::fs::read_to_string(&summary)
        .unwrap()
        .contains("### Terraform plan:"));

    // A push event has no pull request.
    std::fs::write(&event, r#"{"ref": "refs/heads/main", "commits": []}"#).unwrap();
    let out = support::cloudops()
        .args(["plan", "comment", "--no-config"])
        .arg(support::fixture(PLAN_A))
        .env("CLOUDOPS_GITHUB_API_URL", gh.base_uri())
        .env("GITHUB_TOKEN", TOKEN)
        .env("GITHUB_EVENT_PATH", &event)
        .env("GITHUB_EVENT_NAME", "push")
        .env("GITHUB_REPOSITORY", "acme/infra")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64));
    assert!(
        stderr(&out).contains("event (push) is not about a pull request"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_huge_plan_fits_in_one_comment_and_a_failed_gate_still_comments() {
    let changes: Vec<serde_json::Value> = (0..4000)
        .map(|i| {
            json!({
                "address": format!("aws_iam_role.r_{i:05}"), "mode": "managed", "type": "aws_iam_role",
                "name": format!("r_{i:05}"),
                "change": {"actions": ["delete"], "before": {"name": format!("role-{i}"), "note": "n".repeat(60)},
                           "after": null, "after_unknown": {}, "before_sensitive": {}, "after_sensitive": false}
            })
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("huge.json");
    std::fs::write(
        &plan,
        json!({"format_version": "1.2", "resource_changes": changes}).to_string(),
    )
    .unwrap();
    let gh = Server::start(vec![]);
    gh.open_pull("acme", "infra", 4);
    let out = comment(
        &gh,
        plan.to_str().unwrap(),
        &["--pr", "4", "--workspace", "prod", "--max-destroy", "10"],
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "the gate still decides: {}",
        stderr(&out)
    );
    let c = gh.comments("acme", "infra", 4);
    assert_eq!(
        c.len(),
        1,
        "accepted by the server's 65,536-character check"
    );
    let n = c[0].body.chars().count();
    assert!(n <= 65_536 && n > 30_000, "{n}");
    assert!(c[0].body.contains("Gate failed"));
    assert!(
        c[0].body.trim_end().ends_with("</sub>"),
        "the footer survives the cut"
    );
}
