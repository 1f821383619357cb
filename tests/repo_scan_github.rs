//! `cloudops repo scan OWNER` and `OWNER/REPO[@REF]` end to end: the real binary against a
//! GitHub-API-shaped server on 127.0.0.1 (tests/support/github_server.rs) serving an
//! organisation over three pages — an archived repository, a fork, an empty one, one without
//! Terraform, two with nested Terraform trees carrying real HCL and hard-coded credentials —
//! and a user account. The server's request log shows what the binary asked for: which
//! pages, which trees at which ref, which blobs, and whether a credential went along.

mod support;

#[path = "support/github_server.rs"]
mod github_server;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use github_server::fixtures::{self, Flags, PLAIN};
use github_server::{Response, Route, Server};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------------
// Secrets: two in the served HCL, one the binary is given as its GitHub token.

/// An AWS access key ID: `AKIA` + 16 upper-case letters and digits (made up).
const AWS_KEY: &str = "AKIAZ7Q4M2XK9R3TB6WP";
/// A GitHub classic token: `ghp_` + 36 letters and digits (made up).
const HCL_GH_TOKEN: &str = "ghp_k3Vq8ZsR1mTx6YbN0pLw4HcJ9dFg2EuA7iOy";
/// The token the binary runs with; the server must see that one was sent, nobody its value.
const CLI_TOKEN: &str = "ghp_RunT0kenN3verPrinted4c1e9b7a2d5f8e0b";

fn secrets() -> BTreeSet<String> {
    [AWS_KEY, HCL_GH_TOKEN, CLI_TOKEN]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The Terraform served.

/// acme/infra, envs/prod: an S3 backend, a hard-coded access key, a local module two levels
/// up, an unpinned registry module, a security group open to the world (egress open too,
/// which is not a finding).
fn prod_main() -> String {
    format!(
        r#"terraform {{
  required_version = ">= 1.6.0"

  required_providers {{
    aws = {{
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }}
  }}

  backend "s3" {{
    bucket = "acme-terraform-state"
    key    = "prod/terraform.tfstate"
    region = "eu-west-1"
  }}
}}

provider "aws" {{
  region     = "eu-west-1"
  access_key = "{AWS_KEY}"
}}

module "vpc" {{
  source = "../../modules/vpc"
  cidr   = "10.10.0.0/16"
}}

module "eks" {{
  source       = "terraform-aws-modules/eks/aws"
  cluster_name = "prod"
  vpc_id       = module.vpc.id
}}

resource "aws_security_group" "web" {{
  name   = "prod-web"
  vpc_id = module.vpc.id

  ingress {{
    description = "HTTPS from anywhere"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }}

  egress {{
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }}
}}
"#
    )
}

/// The same root as tagged v1.2.0: no secret yet, no required_version, aws used without a
/// constraint, port 80 open.
const PROD_MAIN_V120: &str = r#"terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "prod/terraform.tfstate"
    region = "eu-west-1"
  }
}

module "vpc" {
  source = "../../modules/vpc"
  cidr   = "10.10.0.0/16"
}

resource "aws_security_group" "web" {
  name = "prod-web"

  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
"#;

/// envs/staging: local state, no required_version, a public bucket.
const STAGING_MAIN: &str = r#"terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.40.0"
    }
  }
}

module "vpc" {
  source = "../../modules/vpc"
  cidr   = "10.20.0.0/16"
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-staging-logs"
  acl    = "public-read"
}
"#;

const VPC_MAIN: &str = r#"variable "cidr" {
  type = string
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr
  enable_dns_hostnames = true
}

output "id" {
  value = aws_vpc.this.id
}
"#;

/// examples/simple: a root with no terraform block at all.
const EXAMPLE_MAIN: &str = r#"module "vpc" {
  source = "../../modules/vpc"
  cidr   = "10.99.0.0/16"
}
"#;

/// acme/network at the root: providers.tf with the GitHub token, main.tf with SSH open.
fn network_providers() -> String {
    format!(
        r#"terraform {{
  required_version = "~> 1.9"

  backend "s3" {{
    bucket = "acme-terraform-state"
    key    = "network/terraform.tfstate"
    region = "eu-west-1"
  }}

  required_providers {{
    aws = {{
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }}
    github = {{
      source  = "integrations/github"
      version = "~> 6.2"
    }}
  }}
}}

provider "github" {{
  owner = "acme"
  token = "{HCL_GH_TOKEN}"
}}
"#
    )
}

const NETWORK_MAIN: &str = r#"resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = "sg-0a1b2c3d4e5f60789"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
}

module "transit_gateway" {
  source  = "terraform-aws-modules/transit-gateway/aws"
  version = "2.12.2"
}

resource "github_repository_webhook" "alerts" {
  repository = "network"
  events     = ["push"]

  configuration {
    url          = "https://hooks.acme.example/github"
    content_type = "json"
  }
}
"#;

const LEGACY_MAIN: &str = r#"provider "aws" {
  region = "us-east-1"
}

resource "aws_instance" "bastion" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t2.micro"
}
"#;

const FORK_MAIN: &str = r#"terraform {
  required_version = ">= 1.3"
}

variable "name" {
  type = string
}

output "name" {
  value = var.name
}
"#;

const HOMELAB_MAIN: &str = r#"terraform {
  required_version = ">= 1.7"
  required_providers {
    proxmox = {
      source  = "bpg/proxmox"
      version = "0.66.1"
    }
  }
  backend "local" {
    path = "/srv/state/homelab.tfstate"
  }
}

resource "proxmox_virtual_environment_vm" "nas" {
  name      = "nas"
  node_name = "pve"
}
"#;

// ---------------------------------------------------------------------------------------------
// The repositories, as the server serves them.

enum Content {
    Text(String),
    /// A file only listed in the tree, with this size; what its blob route serves is small.
    Big(u64),
}

struct FakeRepo {
    owner: &'static str,
    owner_kind: &'static str,
    name: &'static str,
    flags: Flags,
    branch: &'static str,
    /// `None`: an empty repository (its tree answers 409).
    files: Option<Vec<(&'static str, Content)>>,
}

fn text(s: impl Into<String>) -> Content {
    Content::Text(s.into())
}

/// A stable 40-hex "sha" for a file version.
fn sha(seed: &str) -> String {
    let mut out = String::new();
    for salt in 0u64..3 {
        let h = seed.bytes().fold(0xcbf2_9ce4_8422_2325u64 ^ salt, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        out.push_str(&format!("{h:016x}"));
    }
    out.truncate(40);
    out
}

impl FakeRepo {
    fn full(&self) -> String {
        format!("{}/{}", self.owner, self.name)
    }

    fn json(&self) -> Value {
        let mut v = fixtures::repo(self.owner, self.owner_kind, self.name, self.flags);
        v["default_branch"] = json!(self.branch);
        v
    }

    fn blob_sha(&self, path: &str, content: &Content) -> String {
        match content {
            Content::Text(t) => sha(&format!("{path}\0{t}")),
            Content::Big(n) => sha(&format!("{path}\0big{n}")),
        }
    }

    /// Tree (at `git_ref`) and blob routes; every blob has a route, so a blob the binary
    /// should not have fetched shows in the log, not as a failure.
    fn routes_at(&self, git_ref: &str, routes: &mut Vec<Route>) {
        let tree_route = format!(
            "/repos/{}/{}/git/trees/{git_ref}?recursive=1",
            self.owner, self.name
        );
        let Some(files) = &self.files else {
            routes.push(Route::get(
                &tree_route,
                Response::error(409, "Git Repository is empty."),
            ));
            return;
        };
        let mut dirs = BTreeSet::new();
        for (path, _) in files {
            let mut d = String::new();
            for part in path.split('/').collect::<Vec<_>>().split_last().unwrap().1 {
                if !d.is_empty() {
                    d.push('/');
                }
                d.push_str(part);
                dirs.insert(d.clone());
            }
        }
        let mut entries: Vec<(String, String, String)> = dirs
            .iter()
            .map(|d| (d.clone(), "tree".to_string(), sha(&format!("tree:{d}"))))
            .collect();
        for (path, content) in files {
            entries.push((
                path.to_string(),
                "blob".into(),
                self.blob_sha(path, content),
            ));
        }
        if self.name == "infra" {
            // A submodule: listed, never fetched.
            entries.push((
                "vendor/terraform-modules".into(),
                "commit".into(),
                sha("submodule"),
            ));
        }
        entries.sort();
        let refs: Vec<(&str, &str, &str)> = entries
            .iter()
            .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
            .collect();
        let mut tree = fixtures::tree(self.owner, self.name, &refs, false);
        // Real sizes (the fixture's are made up), and the big files' announced size.
        let sizes: BTreeMap<&str, u64> = files
            .iter()
            .map(|(p, c)| {
                let n = match c {
                    Content::Text(t) => t.len() as u64,
                    Content::Big(n) => *n,
                };
                (*p, n)
            })
            .collect();
        for e in tree["tree"].as_array_mut().unwrap() {
            if let Some(n) = sizes.get(e["path"].as_str().unwrap()) {
                e["size"] = json!(n);
            }
        }
        routes.push(Route::get(&tree_route, Response::ok(tree)));
        for (path, content) in files {
            let s = self.blob_sha(path, content);
            let bytes = match content {
                Content::Text(t) => t.clone().into_bytes(),
                Content::Big(_) => b"\x89PNG not really\n".to_vec(),
            };
            routes.push(Route::get(
                &format!("/repos/{}/{}/git/blobs/{s}", self.owner, self.name),
                Response::ok(fixtures::blob(self.owner, self.name, &s, &bytes)),
            ));
        }
    }

    fn routes(&self, routes: &mut Vec<Route>) {
        routes.push(Route::get(
            &format!("/repos/{}/{}", self.owner, self.name),
            Response::ok(self.json()),
        ));
        self.routes_at(self.branch, routes);
    }
}

const ORG: &str = "Organization";

fn acme(name: &'static str, flags: Flags, branch: &'static str) -> FakeRepo {
    FakeRepo {
        owner: "acme",
        owner_kind: ORG,
        name,
        flags,
        branch,
        files: Some(Vec::new()),
    }
}

fn infra() -> FakeRepo {
    FakeRepo {
        files: Some(vec![
            (
                "README.md",
                text("# acme/infra\n\nRun `terraform plan` in envs/*.\n"),
            ),
            (
                ".github/workflows/terraform.yml",
                text("on: [pull_request]\njobs: {}\n"),
            ),
            ("envs/prod/main.tf", text(prod_main())),
            ("envs/prod/terraform.tfvars", text("instance_count = 3\n")),
            ("envs/staging/main.tf", text(STAGING_MAIN)),
            ("modules/vpc/main.tf", text(VPC_MAIN)),
            ("examples/simple/main.tf", text(EXAMPLE_MAIN)),
            // Large and not Terraform: must never be fetched.
            ("docs/architecture.png", Content::Big(6_291_456)),
            // Terraform, but over the 4 MiB cap: skipped by its announced size.
            ("generated/huge.tf", Content::Big(5_242_880)),
        ]),
        ..acme("infra", PLAIN, "main")
    }
}

/// The tree of acme/infra at tag v1.2.0.
fn infra_v120() -> FakeRepo {
    FakeRepo {
        files: Some(vec![
            ("README.md", text("# acme/infra v1.2.0\n")),
            ("envs/prod/main.tf", text(PROD_MAIN_V120)),
            ("modules/vpc/main.tf", text(VPC_MAIN)),
        ]),
        ..acme("infra", PLAIN, "v1.2.0")
    }
}

fn network() -> FakeRepo {
    FakeRepo {
        files: Some(vec![
            (".gitignore", text(".terraform/\n*.tfstate\n")),
            ("README.md", text("# network\n")),
            ("providers.tf", text(network_providers())),
            ("main.tf", text(NETWORK_MAIN)),
            // Under the size cap, so only its extension keeps it from being fetched.
            ("diagrams/network.drawio", Content::Big(3_145_728)),
        ]),
        // Not `main`: the tree must be read at the repository's own default branch.
        ..acme("network", PLAIN, "trunk")
    }
}

fn acme_repos() -> Vec<FakeRepo> {
    vec![
        network(),
        FakeRepo {
            files: Some(vec![("main.tf", text(LEGACY_MAIN))]),
            ..acme(
                "legacy",
                Flags {
                    archived: true,
                    ..PLAIN
                },
                "master",
            )
        },
        FakeRepo {
            files: Some(vec![
                ("README.md", text("# Docs\n")),
                ("mkdocs.yml", text("site_name: acme\n")),
                ("docs/index.md", text("Welcome.\n")),
            ]),
            ..acme("docs", PLAIN, "main")
        },
        infra(),
        FakeRepo {
            files: None,
            ..acme("empty", PLAIN, "main")
        },
        FakeRepo {
            files: Some(vec![
                ("main.tf", text(FORK_MAIN)),
                ("LICENSE", text("MIT\n")),
            ]),
            ..acme(
                "forked-modules",
                Flags {
                    fork: true,
                    ..PLAIN
                },
                "main",
            )
        },
    ]
}

/// Every acme repository, sorted as the report sorts them.
const ACME_SORTED: [&str; 6] = [
    "acme/docs",
    "acme/empty",
    "acme/forked-modules",
    "acme/infra",
    "acme/legacy",
    "acme/network",
];

fn page(n: u32) -> String {
    format!("/orgs/acme/repos?type=all&per_page=100&page={n}")
}

fn user_repos() -> Vec<FakeRepo> {
    let jdoe = |name, flags, files| FakeRepo {
        owner: "jdoe",
        owner_kind: "User",
        name,
        flags,
        branch: "main",
        files: Some(files),
    };
    vec![
        jdoe("homelab", PLAIN, vec![("main.tf", text(HOMELAB_MAIN))]),
        jdoe(
            "dotfiles",
            PLAIN,
            vec![(".bashrc", text("export EDITOR=vim\n"))],
        ),
        jdoe(
            "private-infra",
            Flags {
                private: true,
                ..PLAIN
            },
            vec![("main.tf", text(HOMELAB_MAIN))],
        ),
    ]
}

/// The whole fake GitHub: acme over three pages (listed out of name order), the v1.2.0 and
/// release/2024.1 trees of acme/infra, and the user jdoe.
fn base_routes() -> Vec<Route> {
    let repos = acme_repos();
    let listed = |names: &[&str]| {
        json!(names
            .iter()
            .map(|n| repos.iter().find(|r| r.name == *n).unwrap().json())
            .collect::<Vec<_>>())
    };
    let mut routes = vec![
        Route::get("/users/acme", Response::ok(fixtures::account("acme", ORG))),
        Route::get(
            "/orgs/acme/repos?type=all&per_page=100",
            Response::ok(listed(&["network", "legacy", "docs"])).next_page(&page(2), &page(3)),
        ),
        Route::get(
            &page(2),
            Response::ok(listed(&["infra", "empty"])).next_page(&page(3), &page(3)),
        ),
        Route::get(
            &page(3),
            Response::ok(listed(&["forked-modules"])).header(
                "link",
                &format!(
                    r#"<{{base}}{}>; rel="prev", <{{base}}{}>; rel="first""#,
                    page(2),
                    page(1)
                ),
            ),
        ),
    ];
    for r in &repos {
        r.routes(&mut routes);
    }
    infra_v120().routes_at("v1.2.0", &mut routes);
    infra_v120().routes_at("release/2024.1", &mut routes);

    let users = user_repos();
    routes.push(Route::get(
        "/users/jdoe",
        Response::ok(fixtures::account("jdoe", "User")),
    ));
    let public: Vec<Value> = users
        .iter()
        .filter(|r| !r.flags.private)
        .map(FakeRepo::json)
        .collect();
    routes.push(Route::get(
        "/users/jdoe/repos?type=owner&per_page=100",
        Response::ok(json!(public)),
    ));
    let all: Vec<Value> = users.iter().map(FakeRepo::json).collect();
    routes.push(Route::get(
        "/user/repos?affiliation=owner&per_page=100",
        Response::ok(json!(all)),
    ));
    for r in &users {
        r.routes(&mut routes);
    }
    routes
}

/// The base routes with some replaced (same method, path and query) or added.
fn server_with(overrides: Vec<Route>) -> Server {
    let mut routes: Vec<Route> = base_routes()
        .into_iter()
        .filter(|b| {
            !overrides
                .iter()
                .any(|o| o.method == b.method && o.path == b.path && o.query == b.query)
        })
        .collect();
    routes.extend(overrides);
    Server::start(routes)
}

fn acme_server() -> Server {
    server_with(Vec::new())
}

/// The blob route of a file of a fake repository.
fn blob_path(repo: &FakeRepo, path: &str) -> String {
    let files = repo.files.as_ref().unwrap();
    let (_, content) = files.iter().find(|(p, _)| *p == path).unwrap();
    format!(
        "/repos/{}/{}/git/blobs/{}",
        repo.owner,
        repo.name,
        repo.blob_sha(path, content)
    )
}

/// `(repo, file)` of every blob the server was asked for, with how often.
fn blobs_fetched(server: &Server) -> BTreeMap<(String, String), usize> {
    let mut known: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut all = acme_repos();
    all.push(infra_v120());
    all.extend(user_repos());
    for r in &all {
        for (p, _) in r.files.iter().flatten() {
            known.insert(blob_path(r, p), (r.full(), p.to_string()));
        }
    }
    let mut seen = BTreeMap::new();
    for t in server.targets() {
        if t.contains("/git/blobs/") {
            let key = known
                .get(&t)
                .cloned()
                .unwrap_or_else(|| ("?".into(), t.clone()));
            *seen.entry(key).or_insert(0) += 1;
        }
    }
    seen
}

fn pairs(items: &[(&str, &str)]) -> BTreeMap<(String, String), usize> {
    items
        .iter()
        .map(|(r, p)| ((r.to_string(), p.to_string()), 1))
        .collect()
}

/// The tree requests, path and query as sent.
fn tree_requests(server: &Server) -> Vec<String> {
    let mut v: Vec<String> = server
        .targets()
        .into_iter()
        .filter(|t| t.contains("/git/trees/"))
        .collect();
    v.sort();
    v
}

// ---------------------------------------------------------------------------------------------
// Running the binary.

struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

impl Out {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}); exit {:?}\nstdout:\n{}\nstderr:\n{}",
                self.code, self.stdout, self.stderr
            )
        })
    }

    fn expect_code(&self, code: i32) -> &Out {
        assert_eq!(
            self.code,
            Some(code),
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    fn assert_no_leaks(&self, what: &str) {
        let secrets = secrets();
        for (stream, t) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            let found = support::leaks::leaks(t, &secrets);
            assert!(found.is_empty(), "{what}: {stream} leaks {found:?}:\n{t}");
            // Nor a recognisable piece of one (a "partially masked" value is a leak too).
            for s in &secrets {
                let body = &s.as_bytes()[4..];
                for w in body.windows(10) {
                    let w = std::str::from_utf8(w).unwrap();
                    assert!(
                        !t.contains(w),
                        "{what}: {stream} shows {w:?}, part of a secret:\n{t}"
                    );
                }
            }
        }
    }
}

/// A working directory with nothing in it: `acme` must not resolve to a local path.
fn empty_cwd() -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("repo_scan_github_cwd");
    std::fs::create_dir_all(&d).expect("cwd");
    d
}

/// `cloudops repo scan ARGS`, isolated from the environment's GitHub settings and proxies.
/// `api`: pass `--github-api BASE` (else the test sets CLOUDOPS_GITHUB_API_URL).
fn run_with(server: &Server, args: &[&str], env: &[(&str, &str)], api: bool) -> Out {
    let mut c = support::cloudops();
    c.current_dir(empty_cwd());
    for k in [
        "GITHUB_TOKEN",
        "GH_TOKEN",
        "CLOUDOPS_GITHUB_API_URL",
        "CLOUDOPS_FAIL_ON",
        "CLOUDOPS_LOG",
        "CLOUDOPS_DATA_DIR",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ] {
        c.env_remove(k);
    }
    c.env("NO_PROXY", "127.0.0.1").env("no_proxy", "127.0.0.1");
    c.args(["repo", "scan", "--no-config"]).args(args);
    if api {
        c.args(["--github-api", &server.base_uri()]);
    }
    for (k, v) in env {
        c.env(k, v);
    }
    c.timeout(Duration::from_secs(60));
    let start = Instant::now();
    let out = c.output().expect("the binary runs");
    Out {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        elapsed: start.elapsed(),
    }
}

fn run(server: &Server, args: &[&str]) -> Out {
    run_with(server, args, &[], true)
}

// ---------------------------------------------------------------------------------------------
// Reading reports.

fn names(report: &Value) -> Vec<&str> {
    report["repositories"]
        .as_array()
        .expect("repositories")
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect()
}

fn repo<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["repositories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in the report: {report:#}"))
}

fn statuses(report: &Value) -> BTreeMap<String, String> {
    report["repositories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

fn root_dirs(repo: &Value) -> Vec<&str> {
    repo["roots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["dir"].as_str().unwrap())
        .collect()
}

fn root<'a>(repo: &'a Value, dir: &str) -> &'a Value {
    repo["roots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dir"] == dir)
        .unwrap_or_else(|| panic!("no root {dir}: {repo:#}"))
}

type Loc = (String, String, Option<u64>);

fn findings(repo: &Value) -> BTreeSet<Loc> {
    repo["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64(),
            )
        })
        .collect()
}

fn loc(rule: &str, file: &str, line: Option<u64>) -> Loc {
    (rule.to_string(), file.to_string(), line)
}

/// The 1-based line of the only line of `text` containing `needle`.
fn line(text: &str, needle: &str) -> Option<u64> {
    let hits: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(hits.len(), 1, "{needle:?} must be on exactly one line");
    Some(hits[0] as u64)
}

/// What acme/infra at its default branch must report.
fn infra_findings() -> BTreeSet<Loc> {
    let prod = prod_main();
    let bucket = line(STAGING_MAIN, r#"resource "aws_s3_bucket""#);
    [
        loc("CO101", "envs/prod/main.tf", line(&prod, "access_key = ")),
        loc("CO102", "envs/prod/main.tf", line(&prod, r#"module "eks""#)),
        loc("CO004", "envs/prod/main.tf", line(&prod, "ingress {")),
        loc(
            "CO005",
            "envs/staging/main.tf",
            line(STAGING_MAIN, r#"resource "aws_s3_bucket""#),
        ),
        // Local state and no required_version, at the staging terraform block.
        loc("CO104", "envs/staging/main.tf", Some(1)),
        loc("CO105", "envs/staging/main.tf", Some(1)),
        // The example has no terraform block: about the root, at its first file.
        loc("CO104", "examples/simple/main.tf", None),
        loc("CO105", "examples/simple/main.tf", None),
        // The public bucket also has no access logging, no versioning and no customer key.
        loc("CO107", "envs/staging/main.tf", bucket),
        loc("CO108", "envs/staging/main.tf", bucket),
        loc("CO110", "envs/staging/main.tf", bucket),
        // The shared VPC module has no flow log.
        loc(
            "CO107",
            "modules/vpc/main.tf",
            line(VPC_MAIN, r#"resource "aws_vpc""#),
        ),
    ]
    .into_iter()
    .collect()
}

fn network_findings() -> BTreeSet<Loc> {
    [
        loc(
            "CO101",
            "providers.tf",
            line(&network_providers(), "token = "),
        ),
        loc(
            "CO004",
            "main.tf",
            line(NETWORK_MAIN, "aws_vpc_security_group_ingress_rule"),
        ),
    ]
    .into_iter()
    .collect()
}

fn module_pinning(root: &Value) -> BTreeMap<String, String> {
    root["modules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["name"].as_str().unwrap().to_string(),
                m["pinning"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

// =============================================================================================
// 1. An organisation over three pages.

#[test]
fn owner_scan_reports_every_repository_of_every_page_once() {
    let server = acme_server();

    let out = run(&server, &["acme", "--format", "json"]);

    out.expect_code(0);
    let report = out.json();
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["target"], "acme");
    assert_eq!(report["target_kind"], "owner");
    // Every repository of the three pages, once, sorted by name.
    assert_eq!(names(&report), ACME_SORTED, "{report:#}");
    let expected: BTreeMap<String, String> = [
        ("acme/docs", "no-terraform"),
        ("acme/empty", "no-terraform"),
        ("acme/forked-modules", "scanned"),
        ("acme/infra", "scanned"),
        ("acme/legacy", "scanned"),
        ("acme/network", "scanned"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(statuses(&report), expected);
    // The ref each tree was read at: the repository's default branch.
    for (name, git_ref) in [
        ("acme/docs", "main"),
        ("acme/infra", "main"),
        ("acme/legacy", "master"),
        ("acme/network", "trunk"),
    ] {
        assert_eq!(repo(&report, name)["git_ref"], git_ref, "{name}");
    }
    assert!(
        repo(&report, "acme/empty")["detail"]
            .as_str()
            .is_some_and(|d| d.contains("empty")),
        "{:#}",
        repo(&report, "acme/empty")
    );
    assert_eq!(repo(&report, "acme/docs")["terraform_files"], 0);

    let totals = &report["totals"];
    assert_eq!(totals["repositories"], 6);
    assert_eq!(totals["with_terraform"], 4);
    assert_eq!(totals["failed"], 0);
    assert_eq!(totals["skipped"], 0);
    // infra: 3, network: 1, legacy: 1, forked-modules: 1.
    assert_eq!(totals["root_modules"], 6, "{totals}");

    // acme/infra: nested roots, the module they call, findings with file and line.
    let infra = repo(&report, "acme/infra");
    assert_eq!(infra["terraform_files"], 4, "{infra:#}");
    assert_eq!(
        root_dirs(infra),
        ["envs/prod", "envs/staging", "examples/simple"]
    );
    assert_eq!(strs(&infra["modules"]), ["modules/vpc"]);
    assert_eq!(findings(infra), infra_findings(), "{infra:#}");
    let prod = root(infra, "envs/prod");
    assert_eq!(prod["required_version"], ">= 1.6.0");
    assert_eq!(prod["backend"], "s3");
    assert_eq!(prod["providers"][0]["name"], "aws");
    assert_eq!(prod["providers"][0]["source"], "hashicorp/aws");
    assert_eq!(prod["providers"][0]["version"], "~> 5.40");
    assert_eq!(prod["resources"], json!({ "aws_security_group": 1 }));
    assert_eq!(
        module_pinning(prod),
        BTreeMap::from([
            ("eks".to_string(), "unpinned".to_string()),
            ("vpc".to_string(), "local".to_string()),
        ])
    );
    assert!(root(infra, "envs/staging")
        .get("backend")
        .is_none_or(Value::is_null));
    // The over-sized .tf was skipped by its announced size, and said so.
    let detail = infra["detail"].as_str().unwrap_or_default();
    assert!(
        detail.contains("generated/huge.tf") && detail.contains("5242880"),
        "{infra:#}"
    );
    for f in infra["findings"].as_array().unwrap() {
        assert_eq!(
            f["severity"],
            match f["rule"].as_str().unwrap() {
                "CO101" => "critical",
                "CO004" | "CO005" => "high",
                // CO108 here is the bucket's versioning, a low-severity form of the rule.
                "CO105" | "CO108" | "CO110" => "low",
                _ => "medium",
            },
            "{f}"
        );
    }
    let secret = infra["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "CO101")
        .unwrap();
    let msg = secret["message"].as_str().unwrap();
    assert!(
        msg.contains("AWS access key ID") && msg.contains("masked"),
        "{msg}"
    );

    // acme/network: one root at the repository root, over two files.
    let network = repo(&report, "acme/network");
    assert_eq!(network["terraform_files"], 2);
    assert_eq!(root_dirs(network), ["."]);
    assert_eq!(findings(network), network_findings(), "{network:#}");
    let net = root(network, ".");
    assert_eq!(net["required_version"], "~> 1.9");
    assert_eq!(
        module_pinning(net),
        BTreeMap::from([("transit_gateway".to_string(), "exact".to_string())])
    );
    assert_eq!(
        net["resources"],
        json!({ "aws_vpc_security_group_ingress_rule": 1, "github_repository_webhook": 1 })
    );
    assert_eq!(root_dirs(repo(&report, "acme/legacy")), ["."]);
    assert_eq!(root_dirs(repo(&report, "acme/forked-modules")), ["."]);

    // The requests: three listing pages (the first asking for 100 a page), each tree once at
    // the default branch, and only `.tf` blobs under the size cap.
    let targets = server.targets();
    assert_eq!(
        targets
            .iter()
            .filter(|t| t.starts_with("/orgs/acme/repos"))
            .cloned()
            .collect::<Vec<_>>(),
        [
            "/orgs/acme/repos?type=all&per_page=100".to_string(),
            page(2),
            page(3)
        ],
        "{targets:#?}"
    );
    assert_eq!(
        tree_requests(&server),
        [
            "/repos/acme/docs/git/trees/main?recursive=1",
            "/repos/acme/empty/git/trees/main?recursive=1",
            "/repos/acme/forked-modules/git/trees/main?recursive=1",
            "/repos/acme/infra/git/trees/main?recursive=1",
            "/repos/acme/legacy/git/trees/master?recursive=1",
            "/repos/acme/network/git/trees/trunk?recursive=1",
        ]
    );
    assert_eq!(
        blobs_fetched(&server),
        pairs(&[
            ("acme/forked-modules", "main.tf"),
            ("acme/infra", "envs/prod/main.tf"),
            // Values files are read for hard-coded secrets.
            ("acme/infra", "envs/prod/terraform.tfvars"),
            ("acme/infra", "envs/staging/main.tf"),
            ("acme/infra", "examples/simple/main.tf"),
            ("acme/infra", "modules/vpc/main.tf"),
            ("acme/legacy", "main.tf"),
            ("acme/network", "main.tf"),
            ("acme/network", "providers.tf"),
        ])
    );
    // Nothing the fake GitHub does not serve was asked for, and no credential was sent.
    let requests = server.requests();
    assert!(requests.iter().all(|r| r.matched), "{requests:#?}");
    assert!(requests.iter().all(|r| !r.authorized), "{requests:#?}");
    assert!(requests.iter().all(|r| r.method == "GET"), "{requests:#?}");
    out.assert_no_leaks("json");
}

#[test]
fn skip_archived_and_skip_forks_mark_them_skipped_without_reading_them() {
    let server = acme_server();

    let out = run(
        &server,
        &[
            "acme",
            "--format",
            "json",
            "--skip-archived",
            "--skip-forks",
        ],
    );

    out.expect_code(0);
    let report = out.json();
    assert_eq!(names(&report), ACME_SORTED);
    let st = statuses(&report);
    assert_eq!(st["acme/legacy"], "skipped");
    assert_eq!(st["acme/forked-modules"], "skipped");
    assert_eq!(st["acme/infra"], "scanned");
    assert_eq!(st["acme/network"], "scanned");
    assert_eq!(st["acme/docs"], "no-terraform");
    assert_eq!(st["acme/empty"], "no-terraform");
    let legacy = repo(&report, "acme/legacy");
    assert!(
        legacy["detail"].as_str().unwrap().contains("archived"),
        "{legacy:#}"
    );
    let fork = repo(&report, "acme/forked-modules");
    assert!(
        fork["detail"].as_str().unwrap().contains("fork"),
        "{fork:#}"
    );
    assert_eq!(report["totals"]["skipped"], 2);
    assert_eq!(report["totals"]["root_modules"], 4);
    // Skipped repositories are not read at all.
    assert_eq!(server.hits("/repos/acme/legacy/git/trees/master"), 0);
    assert_eq!(server.hits("/repos/acme/forked-modules/git/trees/main"), 0);
    assert!(!blobs_fetched(&server)
        .keys()
        .any(|(r, _)| r == "acme/legacy" || r == "acme/forked-modules"));

    // One flag at a time skips only its kind.
    let server = acme_server();
    let report = run(&server, &["acme", "--format", "json", "--skip-forks"])
        .expect_code(0)
        .json();
    let st = statuses(&report);
    assert_eq!(st["acme/forked-modules"], "skipped");
    assert_eq!(st["acme/legacy"], "scanned");
    let server = acme_server();
    let report = run(&server, &["acme", "--format", "json", "--skip-archived"])
        .expect_code(0)
        .json();
    let st = statuses(&report);
    assert_eq!(st["acme/legacy"], "skipped");
    assert_eq!(st["acme/forked-modules"], "scanned");
}

#[test]
fn a_user_account_lists_its_public_repositories_or_its_own_with_its_token() {
    let server = acme_server();
    // The API address from the environment this time.
    let out = run_with(
        &server,
        &["jdoe", "--format", "json"],
        &[("CLOUDOPS_GITHUB_API_URL", &server.base_uri())],
        false,
    );

    out.expect_code(0);
    let report = out.json();
    assert_eq!(names(&report), ["jdoe/dotfiles", "jdoe/homelab"]);
    let st = statuses(&report);
    assert_eq!(st["jdoe/homelab"], "scanned");
    assert_eq!(st["jdoe/dotfiles"], "no-terraform");
    let homelab = repo(&report, "jdoe/homelab");
    assert_eq!(root(homelab, ".")["backend"], "local");
    assert!(findings(homelab).contains(&loc("CO104", "main.tf", Some(1))));
    let targets = server.targets();
    assert_eq!(
        &targets[..2],
        ["/users/jdoe", "/users/jdoe/repos?type=owner&per_page=100"],
        "{targets:#?}"
    );
    assert_eq!(server.hits("/user"), 0);
    assert_eq!(server.hits("/orgs/jdoe/repos"), 0);
    assert!(server.requests().iter().all(|r| r.matched && !r.authorized));

    // The owner's own token: private repositories too, through /user/repos.
    let server = server_with(vec![Route::get(
        "/user",
        Response::ok(fixtures::account("jdoe", "User")),
    )]);
    let out = run_with(
        &server,
        &["jdoe", "--format", "json"],
        &[("GITHUB_TOKEN", CLI_TOKEN)],
        true,
    );
    out.expect_code(0);
    assert_eq!(
        names(&out.json()),
        ["jdoe/dotfiles", "jdoe/homelab", "jdoe/private-infra"]
    );
    assert_eq!(server.hits("/user/repos"), 1);
    assert_eq!(server.hits("/users/jdoe/repos"), 0);
    assert!(server.requests().iter().all(|r| r.authorized));
    out.assert_no_leaks("user scan with token");
}

// =============================================================================================
// 2. One repository, a ref, and choosing repositories and files.

#[test]
fn a_ref_reads_the_tree_at_that_ref() {
    let server = acme_server();

    let out = run(&server, &["acme/infra@v1.2.0", "--format", "json"]);

    out.expect_code(0);
    let report = out.json();
    assert_eq!(report["target"], "acme/infra@v1.2.0");
    assert_eq!(report["target_kind"], "repository");
    assert_eq!(names(&report), ["acme/infra"]);
    let infra = repo(&report, "acme/infra");
    assert_eq!(infra["status"], "scanned");
    assert_eq!(infra["git_ref"], "v1.2.0");
    assert_eq!(root_dirs(infra), ["envs/prod"]);
    assert_eq!(strs(&infra["modules"]), ["modules/vpc"]);
    // The tag's files, not the default branch's: port 80, no secret, no required_version.
    let expected: BTreeSet<Loc> = [
        loc(
            "CO004",
            "envs/prod/main.tf",
            line(PROD_MAIN_V120, "ingress {"),
        ),
        loc("CO105", "envs/prod/main.tf", Some(1)),
        loc("CO103", "envs/prod/main.tf", Some(1)),
        loc(
            "CO107",
            "modules/vpc/main.tf",
            line(VPC_MAIN, r#"resource "aws_vpc""#),
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(findings(infra), expected, "{infra:#}");
    assert_eq!(
        server.targets()[..2],
        [
            "/repos/acme/infra",
            "/repos/acme/infra/git/trees/v1.2.0?recursive=1"
        ]
    );
    assert_eq!(server.hits("/users/acme"), 0);
    assert_eq!(server.hits("/orgs/acme/repos"), 0);
    assert_eq!(
        tree_requests(&server),
        ["/repos/acme/infra/git/trees/v1.2.0?recursive=1"]
    );
    let v120 = infra_v120();
    assert_eq!(
        blobs_fetched(&server),
        pairs(&[
            ("acme/infra", "envs/prod/main.tf"),
            ("acme/infra", "modules/vpc/main.tf")
        ])
    );
    assert_eq!(server.hits(&blob_path(&v120, "README.md")), 0);

    // A branch with a slash is one ref.
    let server = acme_server();
    let report = run(&server, &["acme/infra@release/2024.1", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(repo(&report, "acme/infra")["git_ref"], "release/2024.1");
    assert_eq!(
        tree_requests(&server),
        ["/repos/acme/infra/git/trees/release/2024.1?recursive=1"]
    );

    // Without a ref: the default branch.
    let server = acme_server();
    let report = run(&server, &["acme/network", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(report["target"], "acme/network");
    assert_eq!(repo(&report, "acme/network")["git_ref"], "trunk");
    assert_eq!(findings(repo(&report, "acme/network")), network_findings());
    assert_eq!(
        tree_requests(&server),
        ["/repos/acme/network/git/trees/trunk?recursive=1"]
    );
}

#[test]
fn repos_globs_choose_repositories() {
    let server = acme_server();

    let out = run(&server, &["acme", "--format", "json", "--repos", "inf*"]);

    out.expect_code(0);
    let report = out.json();
    assert_eq!(names(&report), ["acme/infra"]);
    assert_eq!(report["totals"]["repositories"], 1);
    // The listing is still read in full, but only the chosen repository's tree.
    assert_eq!(server.hits("/orgs/acme/repos"), 3);
    assert_eq!(
        tree_requests(&server),
        ["/repos/acme/infra/git/trees/main?recursive=1"]
    );
    assert!(blobs_fetched(&server)
        .keys()
        .all(|(r, _)| r == "acme/infra"));

    // Repeatable; `?` is one character.
    let server = acme_server();
    let report = run(
        &server,
        &[
            "acme", "--format", "json", "--repos", "net*", "--repos", "doc?",
        ],
    )
    .expect_code(0)
    .json();
    assert_eq!(names(&report), ["acme/docs", "acme/network"]);
    assert_eq!(tree_requests(&server).len(), 2);

    // Nothing matches: an empty report, nothing read beyond the listing.
    let server = acme_server();
    let report = run(&server, &["acme", "--format", "json", "--repos", "nope-*"])
        .expect_code(0)
        .json();
    assert_eq!(names(&report), Vec::<&str>::new());
    assert!(tree_requests(&server).is_empty());
}

#[test]
fn include_and_exclude_choose_files_and_the_blobs_fetched() {
    let server = acme_server();

    let out = run(
        &server,
        &["acme/infra", "--format", "json", "--include", "envs/**"],
    );

    out.expect_code(0);
    let report = out.json();
    let infra = repo(&report, "acme/infra");
    assert_eq!(infra["terraform_files"], 2);
    assert_eq!(root_dirs(infra), ["envs/prod", "envs/staging"]);
    assert!(
        findings(infra)
            .iter()
            .all(|(_, f, _)| f.starts_with("envs/")),
        "{infra:#}"
    );
    assert_eq!(
        blobs_fetched(&server),
        pairs(&[
            ("acme/infra", "envs/prod/main.tf"),
            ("acme/infra", "envs/prod/terraform.tfvars"),
            ("acme/infra", "envs/staging/main.tf"),
        ])
    );

    let server = acme_server();
    let out = run(
        &server,
        &[
            "acme/infra",
            "--format",
            "json",
            "--exclude",
            "examples/**",
            "--exclude",
            "modules/**",
        ],
    );
    out.expect_code(0);
    let report = out.json();
    let infra = repo(&report, "acme/infra");
    assert_eq!(infra["terraform_files"], 2);
    assert!(findings(infra)
        .iter()
        .all(|(_, f, _)| !f.starts_with("examples/") && !f.starts_with("modules/")));
    assert_eq!(
        blobs_fetched(&server),
        pairs(&[
            ("acme/infra", "envs/prod/main.tf"),
            ("acme/infra", "envs/prod/terraform.tfvars"),
            ("acme/infra", "envs/staging/main.tf"),
        ])
    );

    // Over a whole owner, the globs apply within each repository.
    let server = acme_server();
    let report = run(
        &server,
        &[
            "acme",
            "--format",
            "json",
            "--include",
            "**/main.tf",
            "--exclude",
            "envs/**",
        ],
    )
    .expect_code(0)
    .json();
    assert_eq!(
        blobs_fetched(&server),
        pairs(&[
            ("acme/forked-modules", "main.tf"),
            ("acme/infra", "examples/simple/main.tf"),
            ("acme/infra", "modules/vpc/main.tf"),
            ("acme/legacy", "main.tf"),
            ("acme/network", "main.tf"),
        ])
    );
    assert_eq!(repo(&report, "acme/network")["terraform_files"], 1);

    // Files filtered away entirely: nothing to scan is not a failure.
    let server = acme_server();
    let report = run(
        &server,
        &["acme/infra", "--format", "json", "--include", "nowhere/**"],
    )
    .expect_code(0)
    .json();
    assert_eq!(repo(&report, "acme/infra")["status"], "no-terraform");
    assert!(blobs_fetched(&server).is_empty());
}

// =============================================================================================
// 3. The token.

#[test]
fn the_token_is_sent_and_never_printed_even_when_tracing() {
    for (how, args, env) in [
        ("-vv", vec!["acme", "--format", "json", "-vv"], vec![]),
        (
            "CLOUDOPS_LOG=trace",
            vec!["acme", "--format", "table"],
            vec![("CLOUDOPS_LOG", "trace")],
        ),
    ] {
        let server = acme_server();
        let mut env: Vec<(&str, &str)> = env;
        env.push(("GITHUB_TOKEN", CLI_TOKEN));

        let out = run_with(&server, &args, &env, true);

        out.expect_code(0);
        let requests = server.requests();
        assert!(requests.len() > 10, "{how}: {requests:#?}");
        assert!(
            requests.iter().all(|r| r.authorized),
            "{how}: a request went without the token: {requests:#?}"
        );
        // The diagnostics are really on (else "not printed" proves nothing).
        assert!(
            out.stderr.contains("GitHub request") || out.stderr.contains("/repos/acme"),
            "{how}: no request logging on stderr:\n{}",
            out.stderr
        );
        out.assert_no_leaks(how);
    }
}

#[test]
fn gh_token_is_used_when_github_token_is_not_set_or_empty() {
    for env in [
        vec![("GH_TOKEN", CLI_TOKEN)],
        // CI exports unset variables as empty: an empty GITHUB_TOKEN is no token.
        vec![("GITHUB_TOKEN", ""), ("GH_TOKEN", CLI_TOKEN)],
    ] {
        let server = acme_server();
        let out = run_with(&server, &["acme/network", "--format", "json"], &env, true);
        out.expect_code(0);
        let requests = server.requests();
        assert!(
            !requests.is_empty() && requests.iter().all(|r| r.authorized),
            "{env:?}: {requests:#?}"
        );
        out.assert_no_leaks("GH_TOKEN");
    }

    // No token at all: no authorization header at all.
    let server = acme_server();
    run(&server, &["acme/network", "--format", "json"]).expect_code(0);
    let requests = server.requests();
    assert!(
        !requests.is_empty() && requests.iter().all(|r| !r.authorized),
        "{requests:#?}"
    );
}

#[test]
fn a_token_stored_in_the_os_keyring_is_used_when_no_variable_is_set() {
    let server = acme_server();
    let config = tempfile::tempdir().expect("tempdir");
    let auth = |args: &[&str], stdin: Option<&str>| {
        let mut c = support::cloudops();
        c.env_remove("GITHUB_TOKEN")
            .env_remove("GH_TOKEN")
            .env("CLOUDOPS_CONFIG_DIR", config.path())
            .args(["auth", "github"])
            .args(args)
            .args(["--github-api", &server.base_uri()]);
        if let Some(s) = stdin {
            c.write_stdin(s.to_string());
        }
        c.output().expect("runs")
    };
    let stored = auth(&["login"], Some(&format!("{CLI_TOKEN}\n")));
    assert!(
        stored.status.success(),
        "{}",
        String::from_utf8_lossy(&stored.stderr)
    );
    let said = String::from_utf8_lossy(&stored.stdout).into_owned();
    assert!(said.contains("OS keyring"), "{said}");
    assert!(!said.contains(CLI_TOKEN));
    // In the keyring, not in a file.
    assert_eq!(std::fs::read_dir(config.path()).unwrap().count(), 0);

    let status = auth(&["status"], None);
    let status_text = String::from_utf8_lossy(&status.stdout).into_owned();
    assert!(status_text.contains("Stored token: yes"), "{status_text}");
    assert!(!status_text.contains(CLI_TOKEN));

    let scan = run_with(
        &server,
        &["acme/network", "--format", "json"],
        &[("CLOUDOPS_CONFIG_DIR", config.path().to_str().unwrap())],
        true,
    );
    scan.expect_code(0);
    let requests = server.requests();
    assert!(
        !requests.is_empty() && requests.iter().all(|r| r.authorized),
        "{requests:#?}"
    );
    scan.assert_no_leaks("stored token");

    // Forgotten: the next scan of the same API is anonymous.
    assert!(auth(&["logout"], None).status.success());
    let status_text = String::from_utf8_lossy(&auth(&["status"], None).stdout).into_owned();
    assert!(status_text.contains("Stored token: no"), "{status_text}");
    let seen = server.requests().len();
    run_with(
        &server,
        &["acme/network", "--format", "json"],
        &[("CLOUDOPS_CONFIG_DIR", config.path().to_str().unwrap())],
        true,
    )
    .expect_code(0);
    let later = &server.requests()[seen..];
    assert!(
        !later.is_empty() && later.iter().all(|r| !r.authorized),
        "{later:#?}"
    );
}

#[test]
fn a_rejected_token_exits_4_without_showing_it() {
    let server = server_with(vec![Route::get(
        "/users/acme",
        Response::error(401, "Bad credentials"),
    )]);

    let out = run_with(
        &server,
        &["acme", "--format", "json"],
        &[("GITHUB_TOKEN", CLI_TOKEN)],
        true,
    );

    out.expect_code(4);
    assert!(
        out.stderr.contains("token") && out.stderr.contains("Bad credentials"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("GITHUB_TOKEN"),
        "the hint names the variable: {}",
        out.stderr
    );
    assert!(out.stdout.trim().is_empty(), "{}", out.stdout);
    assert!(server.requests().iter().all(|r| r.authorized));
    out.assert_no_leaks("401");
}

// =============================================================================================
// 4. The rate limit.

#[test]
fn a_rate_limited_tree_is_waited_for_and_the_scan_completes() {
    let network = network();
    let mut tree_routes = Vec::new();
    network.routes_at("trunk", &mut tree_routes);
    let tree_ok = tree_routes.remove(0);
    let server = server_with(vec![Route::get_seq(
        "/repos/acme/network/git/trees/trunk?recursive=1",
        vec![Response::rate_limited(1), tree_ok.responses[0].clone()],
    )]);

    let out = run(&server, &["acme", "--format", "json"]);

    out.expect_code(0);
    assert!(
        out.stderr.contains("rate limit") && out.stderr.contains("waiting"),
        "stderr must say it waits:\n{}",
        out.stderr
    );
    assert!(
        out.elapsed >= Duration::from_millis(900),
        "{:?}",
        out.elapsed
    );
    let report = out.json();
    assert_eq!(repo(&report, "acme/network")["status"], "scanned");
    assert_eq!(findings(repo(&report, "acme/network")), network_findings());
    assert_eq!(report["totals"]["failed"], 0);
    assert_eq!(names(&report), ACME_SORTED);
    assert_eq!(server.hits("/repos/acme/network/git/trees/trunk"), 2);
}

#[test]
fn a_rate_limited_listing_page_is_waited_for_and_no_repository_is_lost() {
    let base = base_routes();
    let page2 = base
        .iter()
        .find(|r| {
            r.path == "/orgs/acme/repos" && r.query.iter().any(|(k, v)| k == "page" && v == "2")
        })
        .unwrap()
        .clone();
    // And a secondary limit (429 with retry-after) on one blob.
    let network = network();
    let blob = blob_path(&network, "main.tf");
    let blob_ok = base.iter().find(|r| r.path == blob).unwrap().responses[0].clone();
    let server = server_with(vec![
        Route::get_seq(
            &page(2),
            vec![Response::rate_limited(1), page2.responses[0].clone()],
        ),
        Route::get_seq(&blob, vec![Response::retry_after(429, 1), blob_ok]),
    ]);

    let out = run(&server, &["acme", "--format", "json"]);

    out.expect_code(0);
    assert_eq!(
        out.stderr.matches("waiting").count(),
        2,
        "one note per wait:\n{}",
        out.stderr
    );
    let report = out.json();
    assert_eq!(names(&report), ACME_SORTED);
    assert_eq!(findings(repo(&report, "acme/network")), network_findings());
    assert_eq!(server.hits("/orgs/acme/repos"), 4);
    assert_eq!(server.hits(&blob), 2);
}

#[test]
fn with_no_wait_the_rate_limit_is_an_error_that_says_what_to_do() {
    let server = server_with(vec![Route::get_seq(
        "/repos/acme/network/git/trees/trunk?recursive=1",
        vec![Response::rate_limited(1)],
    )]);

    let out = run(&server, &["acme", "--format", "json", "--no-wait"]);

    out.expect_code(1);
    let err = &out.stderr;
    assert!(err.contains("rate limit"), "{err}");
    assert!(!err.contains("; waiting "), "must not wait: {err}");
    // What to do: run again later, or let it wait, or use a token.
    assert!(err.contains("hint:"), "{err}");
    assert!(
        err.contains("--no-wait") && err.contains("GITHUB_TOKEN"),
        "{err}"
    );
    // Nothing reads as success: no report, or one that admits the failure.
    if !out.stdout.trim().is_empty() {
        let report = out.json();
        assert!(
            report["totals"]["failed"].as_u64().unwrap_or(0) > 0,
            "{report:#}"
        );
        assert_ne!(repo(&report, "acme/network")["status"], "scanned");
    }
    assert!(!err.contains("Scanned "), "{err}");
    assert_eq!(server.hits("/repos/acme/network/git/trees/trunk"), 1);
    assert!(out.elapsed < Duration::from_secs(20), "{:?}", out.elapsed);

    // The same for the table format (what a person sees).
    let server = server_with(vec![Route::get_seq(
        "/repos/acme/network/git/trees/trunk?recursive=1",
        vec![Response::rate_limited(1)],
    )]);
    let out = run(&server, &["acme/network", "--no-wait"]);
    out.expect_code(1);
    assert!(out.stderr.contains("rate limit"), "{}", out.stderr);
    assert!(!out.stdout.contains("— scanned"), "{}", out.stdout);
}

// =============================================================================================
// 5. Failures are failures.

#[test]
fn a_failing_tree_or_blob_fails_that_repository_and_only_it() {
    let infra = infra();
    let server = server_with(vec![
        Route::get(
            "/repos/acme/docs/git/trees/main?recursive=1",
            Response::error(500, "Server Error"),
        ),
        Route::get(
            &blob_path(&infra, "modules/vpc/main.tf"),
            Response::not_found(),
        ),
    ]);

    let out = run(&server, &["acme", "--format", "json"]);

    out.expect_code(1);
    // The report is still printed, with the failures in it.
    let report = out.json();
    assert_eq!(names(&report), ACME_SORTED);
    let st = statuses(&report);
    assert_eq!(st["acme/docs"], "failed", "{report:#}");
    assert_eq!(st["acme/infra"], "failed", "{report:#}");
    for ok in ["acme/network", "acme/legacy", "acme/forked-modules"] {
        assert_eq!(st[ok], "scanned", "{ok}");
    }
    assert_eq!(st["acme/empty"], "no-terraform");
    let docs = repo(&report, "acme/docs");
    let d = docs["detail"].as_str().unwrap_or_default();
    assert!(d.contains("500"), "{docs:#}");
    let infra_r = repo(&report, "acme/infra");
    let d = infra_r["detail"].as_str().unwrap_or_default();
    assert!(d.contains("not found") && d.contains("blob"), "{infra_r:#}");
    // A failed repository reports nothing found, and claims no files or roots.
    assert_eq!(infra_r["roots"], json!([]));
    assert_eq!(infra_r["findings"], json!([]));
    assert_eq!(report["totals"]["failed"], 2);
    assert_eq!(findings(repo(&report, "acme/network")), network_findings());
    assert!(
        out.stderr.contains("2 of 6") && out.stderr.contains("acme/docs"),
        "{}",
        out.stderr
    );

    // The table says FAILED too.
    let server = server_with(vec![Route::get(
        "/repos/acme/docs/git/trees/main?recursive=1",
        Response::error(500, "Server Error"),
    )]);
    let out = run(&server, &["acme"]);
    out.expect_code(1);
    assert!(out.stdout.contains("acme/docs — FAILED"), "{}", out.stdout);
    assert!(out.stdout.contains("1 FAILED"), "{}", out.stdout);
}

#[test]
fn a_missing_ref_or_repository_is_a_failure_not_an_empty_scan() {
    let server = acme_server();
    let out = run(&server, &["acme/infra@no-such-tag", "--format", "json"]);
    out.expect_code(1);
    let report = out.json();
    let infra = repo(&report, "acme/infra");
    assert_eq!(infra["status"], "failed", "{report:#}");
    assert!(
        infra["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("no-such-tag"),
        "{infra:#}"
    );

    let server = acme_server();
    let out = run(&server, &["acme/nope", "--format", "json"]);
    out.expect_code(1);
    assert!(
        out.stderr.contains("acme/nope") && out.stderr.contains("not found"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_unknown_owner_exits_1_with_a_clear_message() {
    let server = acme_server();

    let out = run(&server, &["nobody-here", "--format", "json"]);

    out.expect_code(1);
    assert!(
        out.stderr.contains("nobody-here") && out.stderr.contains("not found"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("hint:"), "{}", out.stderr);
    assert!(out.stdout.trim().is_empty(), "{}", out.stdout);
    assert_eq!(server.targets(), ["/users/nobody-here"]);
}

// =============================================================================================
// 6–8. Formats, SARIF paths, the gate.

#[test]
fn secrets_are_masked_in_every_format() {
    for format in ["table", "json", "markdown", "sarif"] {
        let server = acme_server();

        let out = run_with(
            &server,
            &["acme", "--format", format, "-v"],
            &[("GITHUB_TOKEN", CLI_TOKEN)],
            true,
        );

        out.expect_code(0);
        // The secrets were found (else masking proves nothing) ...
        assert!(out.stdout.contains("CO101"), "{format}:\n{}", out.stdout);
        assert!(
            out.stdout.contains("AWS access key ID")
                && out.stdout.contains("GitHub personal access token"),
            "{format}:\n{}",
            out.stdout
        );
        // ... in both repositories ...
        assert!(
            out.stdout.contains("acme/infra") && out.stdout.contains("acme/network"),
            "{format}:\n{}",
            out.stdout
        );
        // ... and never shown, in any encoding, nor in part.
        out.assert_no_leaks(format);
    }
}

fn sarif_results(out: &Out) -> BTreeSet<(String, String, u64)> {
    let doc = out.json();
    assert_eq!(doc["version"], "2.1.0");
    doc["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let l = &r["locations"][0]["physicalLocation"];
            (
                r["ruleId"].as_str().unwrap().to_string(),
                l["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                l["region"]["startLine"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn sarif_of_an_owner_scan_prefixes_paths_with_owner_and_repo() {
    let server = acme_server();

    let out = run(&server, &["acme", "--format", "sarif"]);

    out.expect_code(0);
    let results = sarif_results(&out);
    let prod = prod_main();
    for expected in [
        (
            "CO101",
            "acme/infra/envs/prod/main.tf",
            line(&prod, "access_key = ").unwrap(),
        ),
        (
            "CO004",
            "acme/infra/envs/prod/main.tf",
            line(&prod, "ingress {").unwrap(),
        ),
        (
            "CO101",
            "acme/network/providers.tf",
            line(&network_providers(), "token = ").unwrap(),
        ),
        ("CO104", "acme/legacy/main.tf", 1),
    ] {
        let e = (expected.0.to_string(), expected.1.to_string(), expected.2);
        assert!(results.contains(&e), "{e:?} not in {results:#?}");
    }
    for (_, uri, _) in &results {
        assert!(
            [
                "acme/infra/",
                "acme/network/",
                "acme/legacy/",
                "acme/forked-modules/"
            ]
            .iter()
            .any(|p| uri.starts_with(p)),
            "{uri}"
        );
    }
    let total: usize = [infra_findings().len(), network_findings().len()]
        .iter()
        .sum();
    assert!(results.len() >= total, "{results:#?}");

    // One repository: paths relative to it, as code scanning of that repository expects.
    let server = acme_server();
    let out = run(&server, &["acme/infra", "--format", "sarif"]);
    out.expect_code(0);
    let results = sarif_results(&out);
    assert!(
        results.contains(&(
            "CO101".to_string(),
            "envs/prod/main.tf".to_string(),
            line(&prod, "access_key = ").unwrap()
        )),
        "{results:#?}"
    );
    assert!(results.iter().all(|(_, u, _)| !u.starts_with("acme/")));
}

/// An OWNER scan is an owner scan however many repositories the globs leave: the shape of
/// the paths must not depend on how many repositories matched.
#[test]
fn sarif_of_an_owner_scan_narrowed_to_one_repository_still_prefixes_paths() {
    let server = acme_server();

    let out = run(&server, &["acme", "--format", "sarif", "--repos", "infra"]);

    out.expect_code(0);
    let results = sarif_results(&out);
    assert!(!results.is_empty());
    assert!(
        results.iter().all(|(_, u, _)| u.starts_with("acme/infra/")),
        "owner scan with --repos: {results:#?}"
    );
}

#[test]
fn fail_on_high_with_a_critical_secret_exits_3() {
    let server = acme_server();

    let out = run(&server, &["acme", "--format", "json", "--fail-on", "high"]);

    out.expect_code(3);
    // The report is still complete.
    let report = out.json();
    assert_eq!(names(&report), ACME_SORTED);
    assert_eq!(findings(repo(&report, "acme/infra")), infra_findings());
    assert!(out.stderr.contains("gate failed"), "{}", out.stderr);

    // From the environment, at critical.
    let server = acme_server();
    run_with(
        &server,
        &["acme/network", "--format", "json"],
        &[("CLOUDOPS_FAIL_ON", "critical")],
        true,
    )
    .expect_code(3);

    // `none` never fails on findings; a repository without findings passes any threshold.
    let server = acme_server();
    run(&server, &["acme", "--format", "json", "--fail-on", "none"]).expect_code(0);
    let server = acme_server();
    run(
        &server,
        &["acme/docs", "--format", "json", "--fail-on", "info"],
    )
    .expect_code(0);

    // A failed repository outranks the gate: 1, not 3.
    let server = server_with(vec![Route::get(
        "/repos/acme/docs/git/trees/main?recursive=1",
        Response::error(500, "Server Error"),
    )]);
    run(&server, &["acme", "--format", "json", "--fail-on", "high"]).expect_code(1);
}

// =============================================================================================
// Probes.

/// GitHub pages by offset: a repository created while the listing is read shifts the next
/// page, and the last repository of one page comes again at the top of the next. It is one
/// repository and must be scanned and counted once.
#[test]
fn a_repository_listed_on_two_pages_is_scanned_once() {
    let repos = acme_repos();
    let json_of = |n: &str| repos.iter().find(|r| r.name == n).unwrap().json();
    let server = server_with(vec![Route::get(
        &page(2),
        Response::ok(json!([json_of("docs"), json_of("infra"), json_of("empty")]))
            .next_page(&page(3), &page(3)),
    )]);

    let out = run(&server, &["acme", "--format", "json"]);

    out.expect_code(0);
    let report = out.json();
    assert_eq!(names(&report), ACME_SORTED, "{:#?}", names(&report));
    assert_eq!(report["totals"]["repositories"], 6);
    assert_eq!(server.hits("/repos/acme/docs/git/trees/main"), 1);
}

/// Only GitHub's 409 means "empty repository"; a server error whose message happens to
/// contain the word is still a failure, never "no Terraform here".
#[test]
fn a_server_error_mentioning_empty_is_still_a_failure() {
    let server = server_with(vec![Route::get(
        "/repos/acme/infra/git/trees/main?recursive=1",
        Response::error(502, "Upstream returned an empty response"),
    )]);

    let out = run(&server, &["acme/infra", "--format", "json"]);

    let report = out.json();
    let infra = repo(&report, "acme/infra");
    assert_eq!(infra["status"], "failed", "{infra:#}");
    out.expect_code(1);
}

/// A symlinked `.tf` file is scanned as its target (as a checkout would), never parsed as the
/// link text; a truncated tree is a failure, not a clean scan.
#[test]
fn symlinks_are_followed_and_a_truncated_tree_fails() {
    let common = "terraform {\n  required_version = \">= 1.5\"\n  backend \"s3\" {}\n}\n";
    let main = "resource \"terraform_data\" \"x\" {}\n";
    let tree = |truncated: bool| {
        json!({
            "sha": "9fb037999f264ba9a7fc6274d15fa3ae2ab98312",
            "tree": [
                {"path": "common/terraform.tf", "mode": "100644", "type": "blob", "sha": "c0", "size": 80},
                {"path": "envs/prod/main.tf", "mode": "100644", "type": "blob", "sha": "m0", "size": 40},
                {"path": "envs/prod/terraform.tf", "mode": "120000", "type": "blob", "sha": "l0", "size": 25}
            ],
            "truncated": truncated
        })
    };
    let server = Server::start(vec![
        Route::get(
            "/repos/acme/links",
            Response::ok(fixtures::repo("acme", "Organization", "links", PLAIN)),
        ),
        Route::get(
            "/repos/acme/links/git/trees/main",
            Response::ok(tree(false)),
        ),
        Route::get(
            "/repos/acme/links/git/blobs/c0",
            Response::ok(fixtures::blob("acme", "links", "c0", common.as_bytes())),
        ),
        Route::get(
            "/repos/acme/links/git/blobs/m0",
            Response::ok(fixtures::blob("acme", "links", "m0", main.as_bytes())),
        ),
        Route::get(
            "/repos/acme/links/git/blobs/l0",
            Response::ok(fixtures::blob(
                "acme",
                "links",
                "l0",
                b"../../common/terraform.tf",
            )),
        ),
    ]);
    let out = run(&server, &["acme/links", "--format", "json"]);
    out.expect_code(0);
    let report = out.json();
    let links = repo(&report, "acme/links");
    let rules: Vec<&str> = links["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(
        !rules.contains(&"CO100"),
        "the link text was parsed: {links:#}"
    );
    let prod = links["roots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dir"] == "envs/prod")
        .expect("envs/prod is a root");
    assert_eq!(
        prod["backend"], "s3",
        "the linked terraform block counts: {links:#}"
    );
    assert_eq!(prod["required_version"], ">= 1.5");

    server.add(Route::get(
        "/repos/acme/links/git/trees/main?recursive=1",
        Response::ok(tree(true)),
    ));
    let out = run(&server, &["acme/links", "--format", "json"]);
    out.expect_code(1);
    let report = out.json();
    let links = repo(&report, "acme/links");
    assert_eq!(links["status"], "failed");
    assert!(links["detail"].as_str().unwrap().contains("truncated"));
}
