//! `cloudops repo scan` on real repositories built on disk: the inventory of root modules,
//! findings with rule IDs, files and lines, secrets never printed, every output format,
//! `--include`/`--exclude`, exit codes, and `--plan` with a real Terraform (never skipped:
//! without terraform on PATH those tests fail, see `support::terraform()`).

mod support;

use support::{json_stdout as json_of, repo_scan as scan, text};

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------------
// Secrets planted in the repository. None of them may ever appear in any output.

const AWS_KEY: &str = "AKIAIOSFODNN7EXAMPLE";
/// `ghp_` and 36 alphanumerics.
const GH_TOKEN: &str = "ghp_R8x2Kq9LmZ4vT7bW1nY6cP3sD5fH0jGe2AaQ";
/// High-entropy default of `variable "db_password"`.
const DB_PASSWORD: &str = "Xk9mP2vLq8wR5tZn3QbJ";
/// High-entropy `password` of an `aws_db_instance`.
const RDS_PASSWORD: &str = "T7fqLz2Wm9xRb4Kd";
/// A line of the PEM private key in a heredoc.
const PEM_BODY: &str = "MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2b3Tq5S8wQ0Fv1bTjQ0lTuZ1Dc5x";
const PEM_BODY2: &str = "q9Vw7LkPz3Rt8YbN2mXc5HdQ1sFg6JaE4uTiOpWlZrSvBnMcKx0yD7eGh3jUoAbC";
/// On the line that makes `broken/invalid.tf` invalid HCL.
const INVALID_LINE_SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
const INVALID_LINE_KEY: &str = "AKIAI44QH8DHBEXAMPLE";
/// In files under `.terraform/` and `.git/`, which are never scanned.
const VENDORED_KEY: &str = "AKIAJ7Q2R5T8V3X6Z9B4";

fn secrets() -> BTreeSet<String> {
    [
        AWS_KEY,
        GH_TOKEN,
        DB_PASSWORD,
        RDS_PASSWORD,
        PEM_BODY,
        PEM_BODY2,
        INVALID_LINE_SECRET,
        INVALID_LINE_KEY,
        VENDORED_KEY,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

// ---------------------------------------------------------------------------------------------
// The repository.

const PROD_VERSIONS: &str = r#"terraform {
  required_version = ">= 1.6.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
    # Terraform 0.12's shorthand
    random = "~> 3.5"
  }

  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "prod/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}
"#;

const PROD_PROVIDERS: &str = r#"provider "aws" {
  region     = var.region
  access_key = "@AWS_KEY@"
  secret_key = var.aws_secret_key

  default_tags {
    tags = {
      ManagedBy = "terraform"
    }
  }
}

provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
}
"#;

const PROD_VARIABLES: &str = r#"variable "region" {
  type        = string
  default     = "eu-west-1"
  description = <<-EOT
    AWS region for the production stack.
    Changing it recreates everything.
  EOT
}

variable "aws_secret_key" {
  type      = string
  sensitive = true
}

variable "db_password" {
  type        = string
  description = "Master password for the reporting database"
  default     = "@DB_PASSWORD@"
}

variable "admin_password" {
  type    = string
  default = "changeme-please-rotate"
}

variable "api_token" {
  type    = string
  default = "REPLACE_ME_WITH_VAULT_VALUE"
}

variable "environment" {
  type    = string
  default = "prod"

  validation {
    condition     = contains(["prod", "staging"], var.environment)
    error_message = "Environment must be prod or staging."
  }
}
"#;

const PROD_MAIN: &str = r#"locals {
  name_prefix = "acme-${var.environment}"
  azs         = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  subnet_map  = { for idx, az in local.azs : az => cidrsubnet("10.20.0.0/16", 8, idx) }
  upper_azs   = [for az in local.azs : upper(az) if az != "eu-west-1c"]
  logs_arn    = provider::aws::arn_build("aws", "s3", "", "", "acme-prod-logs")
  user_data   = templatefile("${path.module}/templates/user_data.sh.tftpl", { env = var.environment })
}

module "network" {
  source = "../../modules/network"

  cidr_block = "10.20.0.0/16"
  subnets    = local.subnet_map
}

module "vpc_endpoints" {
  source  = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  version = "5.8.1"

  vpc_id = module.network.vpc_id
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"

  cluster_name = "${local.name_prefix}-eks"
}

module "label" {
  source = "cloudposse/label/null"

  namespace = "acme"
}

module "s3_tagged" {
  source = "git::https://github.com/acme/terraform-modules.git//s3?ref=v1.2.3"
}

module "iam_main" {
  source = "git::https://github.com/acme/terraform-modules.git//iam?ref=main"
}

module "sns_noref" {
  source = "git::https://github.com/acme/terraform-modules.git//sns"
}

module "cdn_archive" {
  source = "https://artifacts.acme.example/modules/cdn.zip"
}

resource "aws_s3_bucket" "logs" {
  bucket = "${local.name_prefix}-logs"
  acl    = "public-read"

  tags = {
    Environment = var.environment
    Password    = var.admin_password
  }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "replica" {
  provider = aws.us_east_1
  bucket   = "${local.name_prefix}-replica"
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "logs" {
  dynamic "statement" {
    for_each = toset(["s3:GetObject", "s3:ListBucket"])
    content {
      actions   = [statement.value]
      resources = [aws_s3_bucket.logs.arn, "${aws_s3_bucket.logs.arn}/*"]

      principals {
        type        = "AWS"
        identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
      }
    }
  }
}

resource "random_password" "db" {
  length  = 32
  special = true
}

output "logs_arn" {
  value = local.logs_arn
}
"#;

const PROD_TEMPLATE: &str = "#!/bin/bash\necho \"booting ${env}\"\n";

const STAGING_MAIN: &str = r#"terraform {
  required_version = "~> 1.9.0"

  required_providers {
    aws = "~> 4.67"
  }

  cloud {
    organization = "acme"

    workspaces {
      name = "staging"
    }
  }
}

module "app" {
  source = "../../modules/app"

  environment = "staging"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = false
}

resource "aws_db_instance" "reporting" {
  identifier        = "reporting-staging"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  allocated_storage = 50
  username          = "reporting"
  password          = "@RDS_PASSWORD@"
}

resource "aws_db_instance" "replica" {
  identifier          = "reporting-staging-replica"
  replicate_source_db = aws_db_instance.reporting.identifier
  instance_class      = "db.t3.medium"
  storage_encrypted   = true
  password            = var.replica_pw
}

variable "replica_pw" {
  type      = string
  sensitive = true
}
"#;

/// Written with a UTF-8 byte-order mark; no `terraform` block at all.
const DEV_MAIN: &str = r#"# Developer sandbox: no backend, no version constraints.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_security_group" "web" {
  name   = "dev-web"
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    description = "HTTPS from anywhere"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "SSH from the office"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "db_in" {
  type              = "ingress"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.web.id
}

resource "aws_security_group_rule" "all_out" {
  type              = "egress"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.web.id
}

resource "aws_security_group_rule" "vpn_in" {
  type              = "ingress"
  from_port         = 1194
  to_port           = 1194
  protocol          = "udp"
  cidr_blocks       = ["192.168.0.0/16"]
  security_group_id = aws_security_group.web.id
}

resource "aws_instance" "box" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = <<-EOF
    #!/bin/bash
    echo "hello from ${var.name}"
  EOF

  tags = {
    Name         = "dev-box"
    github_token = "ghp_short"
    db_password  = var.name
  }
}

variable "name" {
  default = "dev"
}
"#;

const TOOLS_MAIN: &str = r#"terraform {
  required_version = ">= 1.5"

  required_providers {
    github = {
      source = "integrations/github"
    }
  }

  backend "local" {
    path = "tools.tfstate"
  }
}

provider "github" {
  owner = "acme"
  token = "@GH_TOKEN@"
}

resource "github_repository" "infra" {
  name       = "infra"
  visibility = "private"
}

resource "terraform_data" "marker" {
  input = "tools"
}
"#;

const NETWORK_MAIN: &str = r#"variable "cidr_block" {
  type = string
}

variable "subnets" {
  type = map(string)
}

locals {
  deploy_private_key = <<-EOT
    -----BEGIN RSA PRIVATE KEY-----
    @PEM_BODY@
    @PEM_BODY2@
    -----END RSA PRIVATE KEY-----
  EOT
}

resource "aws_vpc" "this" {
  cidr_block = var.cidr_block
}

resource "aws_subnet" "this" {
  for_each          = var.subnets
  vpc_id            = aws_vpc.this.id
  availability_zone = each.key
  cidr_block        = each.value
}

resource "aws_network_acl" "this" {
  vpc_id = aws_vpc.this.id

  dynamic "ingress" {
    for_each = { for i, c in ["10.0.0.0/8", "172.16.0.0/12"] : tostring(i) => c }
    content {
      rule_no    = 100 + tonumber(ingress.key)
      action     = "allow"
      cidr_block = ingress.value
      from_port  = 0
      to_port    = 0
      protocol   = "-1"
    }
  }
}

output "vpc_id" {
  value = aws_vpc.this.id
}
"#;

const APP_MAIN: &str = r#"variable "environment" {
  type = string
}

module "net" {
  source     = "../network"
  cidr_block = "10.30.0.0/16"
  subnets    = {}
}

resource "aws_ecs_cluster" "this" {
  name = "app-${var.environment}"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}
"#;

const EXAMPLE_MAIN: &str = r#"terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.0" }
  }
}

module "app" {
  source      = "../../modules/app"
  environment = "example"
}

resource "aws_security_group_rule" "demo" {
  type              = "ingress"
  from_port         = 80
  to_port           = 80
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-0123456789abcdef0"
}
"#;

const BROKEN_INVALID: &str = r#"resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci" {
  user   = aws_iam_user.ci.name
  secret = "@INVALID_LINE_SECRET@" "@INVALID_LINE_KEY@"
}
"#;

const BROKEN_OK: &str = r#"resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}
"#;

const VENDORED: &str = r#"resource "aws_instance" "vendored" {
  ami        = "ami-0123456789abcdef0"
  access_key = "@VENDORED_KEY@"
}

resource "aws_security_group_rule" "vendored" {
  type        = "ingress"
  cidr_blocks = ["0.0.0.0/0"]
}
"#;

fn fill(template: &str) -> String {
    template
        .replace("@AWS_KEY@", AWS_KEY)
        .replace("@GH_TOKEN@", GH_TOKEN)
        .replace("@DB_PASSWORD@", DB_PASSWORD)
        .replace("@RDS_PASSWORD@", RDS_PASSWORD)
        .replace("@PEM_BODY@", PEM_BODY)
        .replace("@PEM_BODY2@", PEM_BODY2)
        .replace("@INVALID_LINE_SECRET@", INVALID_LINE_SECRET)
        .replace("@INVALID_LINE_KEY@", INVALID_LINE_KEY)
        .replace("@VENDORED_KEY@", VENDORED_KEY)
}

/// The scanned `.tf` files (path, text as written without the BOM).
fn repo_files() -> Vec<(&'static str, String)> {
    vec![
        ("envs/prod/versions.tf", fill(PROD_VERSIONS)),
        ("envs/prod/providers.tf", fill(PROD_PROVIDERS)),
        ("envs/prod/variables.tf", fill(PROD_VARIABLES)),
        ("envs/prod/main.tf", fill(PROD_MAIN)),
        ("envs/staging/main.tf", fill(STAGING_MAIN)),
        ("envs/dev/main.tf", fill(DEV_MAIN)),
        ("envs/tools/main.tf", fill(TOOLS_MAIN)),
        ("modules/network/main.tf", fill(NETWORK_MAIN)),
        ("modules/app/main.tf", fill(APP_MAIN)),
        ("examples/complete/main.tf", fill(EXAMPLE_MAIN)),
        ("broken/invalid.tf", fill(BROKEN_INVALID)),
        ("broken/ok.tf", fill(BROKEN_OK)),
    ]
}

fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().expect("has a parent")).expect("mkdir");
    std::fs::write(&p, bytes).expect("write fixture file");
}

/// The full repository on disk, with everything that must be ignored or skipped.
fn build_repo() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    for (rel, text) in repo_files() {
        if rel == "envs/dev/main.tf" {
            let mut bytes = "\u{feff}".as_bytes().to_vec();
            bytes.extend_from_slice(text.as_bytes());
            write(root, rel, bytes);
        } else {
            write(root, rel, text);
        }
    }
    write(
        root,
        "envs/prod/templates/user_data.sh.tftpl",
        PROD_TEMPLATE,
    );
    write(root, "README.md", "# acme infrastructure\n");
    // Not UTF-8 (Latin-1 "é"): skipped with a note, never a crash.
    write(
        root,
        "legacy/latin1.tf",
        b"# Caf\xe9 configuration\nresource \"aws_instance\" \"legacy\" {\n  ami = \"ami-1\"\n}\n",
    );
    // Terraform's and git's working data: never scanned.
    write(root, ".terraform/modules/vendored/main.tf", fill(VENDORED));
    write(
        root,
        "envs/prod/.terraform/modules/eks/main.tf",
        fill(VENDORED),
    );
    write(root, ".git/hooks/vendored.tf", fill(VENDORED));
    write(root, ".git/HEAD", "ref: refs/heads/main\n");
    // A symlinked directory that loops back to the repository root.
    #[cfg(unix)]
    std::os::unix::fs::symlink("../..", root.join("modules/network/loop")).expect("symlink");
    tmp
}

// ---------------------------------------------------------------------------------------------
// Helpers.

fn scan_json(target: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = scan(target, &all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr:\n{}\nstdout:\n{}",
        text(&out.stderr),
        text(&out.stdout)
    );
    let v = json_of(&out);
    assert_eq!(v["schema_version"], 1);
    v
}

/// The 1-based line of `path`'s text holding `needle` (which must be there exactly once).
fn line(path: &str, needle: &str) -> usize {
    let files = repo_files();
    let text = &files
        .iter()
        .find(|(p, _)| *p == path)
        .unwrap_or_else(|| panic!("no fixture file {path}"))
        .1;
    let hits: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(hits.len(), 1, "{needle:?} in {path}: {hits:?}");
    hits[0]
}

fn repo0(report: &Value) -> &Value {
    let repos = report["repositories"].as_array().expect("repositories");
    assert_eq!(repos.len(), 1, "{report:#}");
    &repos[0]
}

fn root<'a>(report: &'a Value, dir: &str) -> &'a Value {
    repo0(report)["roots"]
        .as_array()
        .expect("roots")
        .iter()
        .find(|r| r["dir"] == dir)
        .unwrap_or_else(|| panic!("no root {dir} in {:#}", repo0(report)["roots"]))
}

fn root_dirs(report: &Value) -> BTreeSet<String> {
    repo0(report)["roots"]
        .as_array()
        .expect("roots")
        .iter()
        .map(|r| r["dir"].as_str().expect("dir").to_string())
        .collect()
}

fn module_dirs(report: &Value) -> BTreeSet<String> {
    repo0(report)["modules"]
        .as_array()
        .expect("modules")
        .iter()
        .map(|m| m.as_str().expect("module dir").to_string())
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn findings(report: &Value) -> &Vec<Value> {
    repo0(report)["findings"].as_array().expect("findings")
}

/// (rule, file, line) of every finding.
fn located(report: &Value) -> BTreeSet<(String, String, Option<u64>)> {
    findings(report)
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().expect("rule").to_string(),
                f["file"].as_str().expect("file").to_string(),
                f["line"].as_u64(),
            )
        })
        .collect()
}

fn of_rule<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    findings(report)
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

fn loc(rule: &str, file: &str, line: Option<usize>) -> (String, String, Option<u64>) {
    (rule.to_string(), file.to_string(), line.map(|l| l as u64))
}

fn absent_or_null(v: &Value, key: &str) -> bool {
    v.get(key).is_none_or(Value::is_null)
}

fn modules_by_name(root: &Value) -> BTreeMap<String, Value> {
    root["modules"]
        .as_array()
        .expect("modules")
        .iter()
        .map(|m| (m["name"].as_str().expect("name").to_string(), m.clone()))
        .collect()
}

fn assert_no_leaks(what: &str, out: &Output) {
    let secrets = secrets();
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let t = text(bytes);
        let found = support::leaks::leaks(&t, &secrets);
        assert!(found.is_empty(), "{what}: {stream} leaks {found:?}:\n{t}");
    }
}

// ---------------------------------------------------------------------------------------------
// 1. Inventory.

#[test]
fn inventory_lists_roots_modules_providers_and_resources() {
    let repo = build_repo();
    let report = scan_json(repo.path(), &[]);
    let r = repo0(&report);
    assert_eq!(r["status"], "scanned", "{r:#}");
    assert_eq!(r["name"], repo.path().display().to_string());
    // 12 files: not .terraform/, .git/, the Latin-1 file, nor anything through the symlink loop.
    assert_eq!(r["terraform_files"], 12, "{r:#}");
    assert!(
        r["detail"]
            .as_str()
            .is_some_and(|d| d.contains("legacy/latin1.tf")),
        "the non-UTF-8 file is reported as skipped: {:?}",
        r["detail"]
    );

    assert_eq!(
        root_dirs(&report),
        set(&[
            "broken",
            "envs/dev",
            "envs/prod",
            "envs/staging",
            "envs/tools",
            "examples/complete"
        ])
    );
    assert_eq!(
        module_dirs(&report),
        set(&["modules/app", "modules/network"])
    );
    assert_eq!(report["totals"]["root_modules"], 6);
    assert_eq!(report["totals"]["repositories"], 1);
    assert_eq!(report["totals"]["with_terraform"], 1);
    assert_eq!(report["totals"]["failed"], 0);
    assert_eq!(
        report["totals"]["findings"].as_u64(),
        Some(findings(&report).len() as u64)
    );
    for f in findings(&report) {
        let file = f["file"].as_str().unwrap();
        assert!(
            !file.contains(".terraform") && !file.contains(".git/") && !file.contains("loop/"),
            "ignored file scanned: {f}"
        );
    }

    // envs/prod: object and legacy required_providers, s3 backend, every kind of module source.
    let prod = root(&report, "envs/prod");
    assert_eq!(prod["required_version"], ">= 1.6.0, < 2.0.0");
    assert_eq!(prod["backend"], "s3");
    assert_eq!(
        prod["providers"],
        json!([
            { "name": "aws", "source": "hashicorp/aws", "version": "~> 5.40" },
            { "name": "random", "version": "~> 3.5" }
        ])
    );
    let want_modules: BTreeMap<String, Value> = [
        json!({ "name": "network", "source": "../../modules/network", "pinning": "local" }),
        json!({ "name": "vpc_endpoints", "source": "terraform-aws-modules/vpc/aws//modules/vpc-endpoints", "version": "5.8.1", "pinning": "exact" }),
        json!({ "name": "eks", "source": "terraform-aws-modules/eks/aws", "version": "~> 20.0", "pinning": "range" }),
        json!({ "name": "label", "source": "cloudposse/label/null", "pinning": "unpinned" }),
        json!({ "name": "s3_tagged", "source": "git::https://github.com/acme/terraform-modules.git//s3?ref=v1.2.3", "pinning": "exact" }),
        json!({ "name": "iam_main", "source": "git::https://github.com/acme/terraform-modules.git//iam?ref=main", "pinning": "unpinned" }),
        json!({ "name": "sns_noref", "source": "git::https://github.com/acme/terraform-modules.git//sns", "pinning": "unpinned" }),
        json!({ "name": "cdn_archive", "source": "https://artifacts.acme.example/modules/cdn.zip", "pinning": "unknown" }),
    ]
    .into_iter()
    .map(|m| (m["name"].as_str().unwrap().to_string(), m))
    .collect();
    assert_eq!(modules_by_name(prod), want_modules);
    assert_eq!(
        prod["resources"],
        json!({
            "aws_s3_bucket": 2,
            "aws_s3_bucket_public_access_block": 1,
            "random_password": 1,
            "data.aws_caller_identity": 1,
            "data.aws_iam_policy_document": 1
        })
    );

    // envs/staging: legacy string constraint, a `cloud` block.
    let staging = root(&report, "envs/staging");
    assert_eq!(staging["required_version"], "~> 1.9.0");
    assert_eq!(staging["backend"], "cloud");
    assert_eq!(
        staging["providers"],
        json!([{ "name": "aws", "version": "~> 4.67" }])
    );
    assert_eq!(
        staging["modules"],
        json!([{ "name": "app", "source": "../../modules/app", "pinning": "local" }])
    );
    assert_eq!(
        staging["resources"],
        json!({ "aws_ebs_volume": 1, "aws_db_instance": 2 })
    );

    // envs/dev: BOM, nothing declared; the provider is implied by the resource types.
    let dev = root(&report, "envs/dev");
    assert!(absent_or_null(dev, "required_version"), "{dev:#}");
    assert!(absent_or_null(dev, "backend"), "{dev:#}");
    assert_eq!(dev["providers"], json!([{ "name": "aws" }]));
    assert_eq!(dev["modules"], json!([]));
    assert_eq!(
        dev["resources"],
        json!({ "aws_security_group": 1, "aws_security_group_rule": 3, "aws_instance": 1 })
    );

    // envs/tools: local backend; a declared provider without version, the built-in one implied.
    let tools = root(&report, "envs/tools");
    assert_eq!(tools["required_version"], ">= 1.5");
    assert_eq!(tools["backend"], "local");
    assert_eq!(
        tools["providers"],
        json!([
            { "name": "github", "source": "integrations/github" },
            { "name": "terraform" }
        ])
    );
    assert_eq!(
        tools["resources"],
        json!({ "github_repository": 1, "terraform_data": 1 })
    );

    let example = root(&report, "examples/complete");
    assert!(absent_or_null(example, "backend"));
    assert_eq!(
        example["providers"],
        json!([{ "name": "aws", "source": "hashicorp/aws", "version": ">= 5.0" }])
    );

    // broken: the valid file still counts; the invalid one contributes nothing.
    let broken = root(&report, "broken");
    assert_eq!(broken["resources"], json!({ "aws_ebs_volume": 1 }));
    assert_eq!(broken["providers"], json!([{ "name": "aws" }]));

    // Nothing was planned.
    for r in repo0(&report)["roots"].as_array().unwrap() {
        assert!(absent_or_null(r, "plan"), "{r:#}");
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Findings.

#[test]
fn findings_have_rule_ids_files_and_lines() {
    let repo = build_repo();
    let report = scan_json(repo.path(), &[]);
    let got = located(&report);

    let prod_main = "envs/prod/main.tf";
    let dev = "envs/dev/main.tf";
    let staging = "envs/staging/main.tf";
    let tools = "envs/tools/main.tf";
    let example = "examples/complete/main.tf";
    let want: BTreeSet<_> = [
        // Hard-coded secrets.
        loc(
            "CO101",
            "envs/prod/providers.tf",
            Some(line("envs/prod/providers.tf", AWS_KEY)),
        ),
        loc("CO101", tools, Some(line(tools, GH_TOKEN))),
        loc(
            "CO101",
            "modules/network/main.tf",
            Some(line("modules/network/main.tf", "BEGIN RSA PRIVATE KEY")),
        ),
        loc(
            "CO101",
            "envs/prod/variables.tf",
            Some(line("envs/prod/variables.tf", DB_PASSWORD)),
        ),
        loc("CO101", staging, Some(line(staging, RDS_PASSWORD))),
        // Unpinned modules: no version, a branch ref, no ref.
        loc(
            "CO102",
            prod_main,
            Some(line(prod_main, "module \"label\"")),
        ),
        loc(
            "CO102",
            prod_main,
            Some(line(prod_main, "module \"iam_main\"")),
        ),
        loc(
            "CO102",
            prod_main,
            Some(line(prod_main, "module \"sns_noref\"")),
        ),
        // Providers without a version, in roots (anchored at the terraform block if any).
        loc("CO103", dev, None),
        loc("CO103", tools, Some(1)),
        loc("CO103", "broken/invalid.tf", None),
        // Local state: roots with resources and no or a local backend.
        loc("CO104", dev, None),
        loc("CO104", tools, Some(1)),
        loc("CO104", example, Some(1)),
        loc("CO104", "broken/invalid.tf", None),
        // No required_version.
        loc("CO105", dev, None),
        loc("CO105", "broken/invalid.tf", None),
        // Open ingress: the ingress block, the ingress rule; not egress, not private CIDRs.
        loc("CO004", dev, Some(line(dev, "HTTPS from anywhere") - 1)),
        loc("CO004", dev, Some(line(dev, "\"db_in\""))),
        loc("CO004", example, Some(line(example, "\"demo\""))),
        // Public buckets.
        loc(
            "CO005",
            prod_main,
            Some(line(prod_main, "resource \"aws_s3_bucket\" \"logs\"")),
        ),
        loc(
            "CO005",
            prod_main,
            Some(line(
                prod_main,
                "resource \"aws_s3_bucket_public_access_block\"",
            )),
        ),
        // Encryption.
        loc("CO006", staging, Some(line(staging, "= false"))),
        loc("CO006", staging, Some(line(staging, "\"reporting\" {"))),
        loc(
            "CO006",
            "broken/ok.tf",
            Some(line("broken/ok.tf", "encrypted")),
        ),
        // Posture: an instance's root volume, the database without deletion protection or
        // log exports (not its read replica), buckets without access logs, versioning or a
        // KMS key, a VPC without a flow log.
        loc(
            "CO006",
            dev,
            Some(line(dev, "resource \"aws_instance\" \"box\"")),
        ),
        loc("CO007", staging, Some(line(staging, "\"reporting\" {"))),
        loc("CO107", staging, Some(line(staging, "\"reporting\" {"))),
        loc(
            "CO107",
            prod_main,
            Some(line(prod_main, "resource \"aws_s3_bucket\" \"logs\"")),
        ),
        loc(
            "CO108",
            prod_main,
            Some(line(prod_main, "resource \"aws_s3_bucket\" \"logs\"")),
        ),
        loc(
            "CO110",
            prod_main,
            Some(line(prod_main, "resource \"aws_s3_bucket\" \"logs\"")),
        ),
        loc(
            "CO107",
            prod_main,
            Some(line(prod_main, "resource \"aws_s3_bucket\" \"replica\"")),
        ),
        loc(
            "CO108",
            prod_main,
            Some(line(prod_main, "resource \"aws_s3_bucket\" \"replica\"")),
        ),
        loc(
            "CO110",
            prod_main,
            Some(line(prod_main, "resource \"aws_s3_bucket\" \"replica\"")),
        ),
        loc(
            "CO107",
            "modules/network/main.tf",
            Some(line("modules/network/main.tf", "resource \"aws_vpc\"")),
        ),
        // The invalid file, at its offending line; the key on that line is still found (known
        // formats are looked for in the raw text, so a file that does not parse hides none).
        loc(
            "CO100",
            "broken/invalid.tf",
            Some(line("broken/invalid.tf", INVALID_LINE_SECRET)),
        ),
        loc(
            "CO101",
            "broken/invalid.tf",
            Some(line("broken/invalid.tf", INVALID_LINE_SECRET)),
        ),
    ]
    .into_iter()
    .collect();

    let missing: Vec<_> = want.difference(&got).collect();
    let unexpected: Vec<_> = got.difference(&want).collect();
    assert!(
        missing.is_empty() && unexpected.is_empty(),
        "missing: {missing:#?}\nunexpected: {unexpected:#?}\nall findings: {:#}",
        repo0(&report)["findings"]
    );
    // Each finding once (a set would hide duplicates).
    assert_eq!(
        findings(&report).len(),
        want.len(),
        "{:#}",
        repo0(&report)["findings"]
    );

    // Severities and names as documented.
    let severity_of = |rule: &str| {
        of_rule(&report, rule)
            .iter()
            .map(|f| f["severity"].as_str().unwrap().to_string())
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(severity_of("CO101"), set(&["critical"]));
    assert_eq!(severity_of("CO004"), set(&["high"]));
    assert_eq!(severity_of("CO005"), set(&["high"]));
    // A root volume without `encrypted` is medium: the AMI or the account default may encrypt it.
    assert_eq!(severity_of("CO006"), set(&["high", "medium"]));
    assert_eq!(severity_of("CO102"), set(&["medium"]));
    assert_eq!(severity_of("CO105"), set(&["low"]));
    for f in of_rule(&report, "CO101") {
        assert_eq!(f["rule_name"], "hardcoded-secret");
    }
    // Most severe first.
    let order: Vec<&str> = findings(&report)
        .iter()
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    let rank = |s: &str| {
        ["info", "low", "medium", "high", "critical"]
            .iter()
            .position(|x| *x == s)
    };
    assert!(
        order.windows(2).all(|w| rank(w[0]) >= rank(w[1])),
        "not sorted by severity: {order:?}"
    );

    // Addresses: the resource or the module the finding is about.
    let addresses: BTreeSet<String> = findings(&report)
        .iter()
        .filter_map(|f| f["address"].as_str().map(str::to_string))
        .collect();
    for a in [
        "module.label",
        "module.iam_main",
        "module.sns_noref",
        "aws_security_group.web",
        "aws_security_group_rule.db_in",
        "aws_s3_bucket.logs",
        "aws_s3_bucket_public_access_block.logs",
        "aws_ebs_volume.data",
        "aws_db_instance.reporting",
    ] {
        assert!(addresses.contains(a), "no finding on {a}: {addresses:?}");
    }
    for a in [
        "aws_security_group_rule.all_out",
        "aws_security_group_rule.vpn_in",
        "aws_db_instance.replica",
        "module.s3_tagged",
        "module.eks",
        "module.vpc_endpoints",
        "module.cdn_archive",
    ] {
        assert!(!addresses.contains(a), "false positive on {a}");
    }
    // CO103 names the provider.
    let co103: Vec<String> = of_rule(&report, "CO103")
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    assert!(co103.iter().any(|m| m.contains("github")), "{co103:?}");
    assert!(
        !co103.iter().any(|m| m.contains("provider terraform")),
        "the built-in provider needs no version: {co103:?}"
    );

    // The CO100 message locates the error but quotes nothing from the line.
    let co100 = of_rule(&report, "CO100");
    let msg = co100[0]["message"].as_str().unwrap();
    assert!(
        msg.contains(&format!(
            "line {}",
            line("broken/invalid.tf", INVALID_LINE_SECRET)
        )),
        "{msg}"
    );
    for s in [INVALID_LINE_SECRET, INVALID_LINE_KEY, "wJalr", "secret ="] {
        assert!(!msg.contains(s), "CO100 quotes the offending line: {msg}");
    }
}

#[test]
fn placeholders_references_and_short_tokens_are_not_secrets() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "main.tf",
        r#"terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
  backend "s3" {}
}

variable "db_password" {
  type    = string
  default = "changeme"
}

variable "service_token" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "main" {
  identifier        = "main"
  storage_encrypted = true
  username          = "admin"
  password          = var.db_password
}

resource "aws_ssm_parameter" "token" {
  name  = "/ci/token"
  type  = "SecureString"
  value = var.service_token
  tags = {
    github_token  = "ghp_short"
    api_key       = "REPLACE_ME_BEFORE_APPLY"
    secret        = "changeme-changeme-changeme"
    description   = "q8Zr2LmX9vTb4KpW7sNe"
    password_hint = "${var.db_password}-suffix"
  }
}
"#,
    );
    let report = scan_json(tmp.path(), &[]);
    let co101 = of_rule(&report, "CO101");
    assert!(co101.is_empty(), "false CO101: {co101:#?}");
    // The same file with one real token does produce one (the check above can fail).
    write(
        tmp.path(),
        "token.tf",
        format!("locals {{\n  ci_token = \"{GH_TOKEN}\"\n}}\n"),
    );
    let report = scan_json(tmp.path(), &[]);
    assert_eq!(
        located(&report)
            .into_iter()
            .filter(|(r, _, _)| r == "CO101")
            .collect::<Vec<_>>(),
        vec![loc("CO101", "token.tf", Some(2))]
    );
}

// ---------------------------------------------------------------------------------------------
// 3. Secrets are never printed.

#[test]
fn secrets_are_never_printed_in_any_format_or_verbosity() {
    let repo = build_repo();
    for format in ["table", "json", "markdown", "sarif"] {
        for verbose in [None, Some("-v"), Some("-vv")] {
            let mut args = vec!["--format", format, "--color", "always"];
            args.extend(verbose);
            let out = scan(repo.path(), &args);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{format} {verbose:?}: {}",
                text(&out.stderr)
            );
            assert!(!out.stdout.is_empty(), "{format}: empty output");
            assert_no_leaks(&format!("--format {format} {verbose:?}"), &out);
        }
    }
    // Also when the gate fails and with the CLOUDOPS_LOG filter at its most verbose.
    let out = support::cloudops()
        .args(["repo", "scan", "--no-config", "--fail-on", "low", "-vv"])
        .arg(repo.path())
        .env("CLOUDOPS_LOG", "trace")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert_no_leaks("--fail-on low with CLOUDOPS_LOG=trace", &out);
}

// ---------------------------------------------------------------------------------------------
// 4. Output formats.

#[test]
fn sarif_is_2_1_0_with_rules_and_located_results() {
    let repo = build_repo();
    let out = scan(repo.path(), &["--format", "sarif"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let sarif = json_of(&out);
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"]
        .as_str()
        .is_some_and(|s| s.contains("sarif")));
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "cloudops");
    let rule_ids: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("rule id"))
        .collect();
    for id in [
        "CO004", "CO005", "CO006", "CO100", "CO101", "CO102", "CO103", "CO104", "CO105",
    ] {
        assert!(rule_ids.contains(&id), "{id} missing from {rule_ids:?}");
    }
    let unique: BTreeSet<&&str> = rule_ids.iter().collect();
    assert_eq!(
        unique.len(),
        rule_ids.len(),
        "rules listed twice: {rule_ids:?}"
    );

    let results = run["results"].as_array().expect("results");
    let json_report = scan_json(repo.path(), &[]);
    assert_eq!(results.len(), findings(&json_report).len());
    let root_path = repo.path().display().to_string();
    let mut fingerprints = BTreeSet::new();
    for r in results {
        let id = r["ruleId"].as_str().expect("ruleId");
        assert!(rule_ids.contains(&id), "{r:#}");
        if let Some(i) = r["ruleIndex"].as_u64() {
            assert_eq!(
                rule_ids[i as usize], id,
                "ruleIndex points at the wrong rule: {r:#}"
            );
        }
        assert!(
            ["error", "warning", "note"].contains(&r["level"].as_str().unwrap_or("")),
            "{r:#}"
        );
        assert!(r["message"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        let phys = &r["locations"][0]["physicalLocation"];
        let uri = phys["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(
            !uri.starts_with('/') && !uri.starts_with("file:") && !uri.contains(&root_path),
            "uri must be relative to the repository: {uri}"
        );
        assert!(uri.ends_with(".tf"), "{uri}");
        let fp = r["partialFingerprints"]
            .as_object()
            .expect("partialFingerprints");
        assert!(!fp.is_empty());
        fingerprints.insert(Value::Object(fp.clone()).to_string());
    }
    assert_eq!(
        fingerprints.len(),
        results.len(),
        "fingerprints are not distinct"
    );

    let find = |rule: &str, uri: &str| {
        results
            .iter()
            .find(|r| {
                r["ruleId"] == rule
                    && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri
            })
            .unwrap_or_else(|| panic!("no {rule} result in {uri}"))
    };
    let aws = find("CO101", "envs/prod/providers.tf");
    assert_eq!(aws["level"], "error");
    assert_eq!(
        aws["locations"][0]["physicalLocation"]["region"]["startLine"],
        line("envs/prod/providers.tf", AWS_KEY)
    );
    let sg = find("CO004", "envs/dev/main.tf");
    assert_eq!(sg["level"], "error");
    assert_eq!(
        sg["locations"][0]["physicalLocation"]["region"]["startLine"],
        line("envs/dev/main.tf", "HTTPS from anywhere") - 1
    );
    let label = find("CO102", "envs/prod/main.tf");
    assert_eq!(label["level"], "warning");
    let co105 = find("CO105", "envs/dev/main.tf");
    assert_eq!(co105["level"], "note");
}

#[test]
fn markdown_and_table_show_roots_and_rules() {
    let repo = build_repo();
    let md = scan(repo.path(), &["--format", "markdown"]);
    assert_eq!(md.status.code(), Some(0), "{}", text(&md.stderr));
    let md = text(&md.stdout);
    assert!(md.starts_with("### Terraform scan of"), "{md}");
    assert!(md.contains("\n#### "), "{md}");
    assert!(
        md.contains("| Root | Terraform | Backend | Providers | Modules | Resources |"),
        "{md}"
    );
    for dir in [
        "envs/prod",
        "envs/staging",
        "envs/dev",
        "envs/tools",
        "examples/complete",
        "broken",
    ] {
        assert!(
            md.contains(&format!("<code>{dir}</code>")),
            "{dir} missing:\n{md}"
        );
    }
    for id in [
        "CO101", "CO004", "CO005", "CO006", "CO100", "CO102", "CO103", "CO104", "CO105",
    ] {
        assert!(md.contains(id), "{id} missing:\n{md}");
    }
    assert!(
        !md.contains("modules/network</code> |"),
        "a module listed as a root:\n{md}"
    );

    let table = scan(repo.path(), &[]);
    assert_eq!(table.status.code(), Some(0), "{}", text(&table.stderr));
    let t = text(&table.stdout);
    for dir in [
        "envs/prod",
        "envs/staging",
        "envs/dev",
        "envs/tools",
        "examples/complete",
        "broken",
    ] {
        assert!(t.contains(dir), "{dir} missing:\n{t}");
    }
    for id in [
        "CO101", "CO004", "CO005", "CO006", "CO100", "CO102", "CO103", "CO104", "CO105",
    ] {
        assert!(t.contains(id), "{id} missing:\n{t}");
    }
    assert!(t.contains("envs/prod/providers.tf:3"), "{t}");
    assert!(t.contains("6 root modules"), "{t}");
}

#[test]
fn github_and_junit_formats_are_usage_errors() {
    let repo = build_repo();
    for format in ["github", "junit"] {
        // After the subcommand clap refuses the value and lists the four that work; before it
        // (a global flag, or CLOUDOPS_FORMAT meant for `plan analyze`) the command does.
        let flag = scan(repo.path(), &["--format", format]);
        let global = support::cloudops()
            .args(["--format", format, "repo", "scan", "--no-config"])
            .arg(repo.path())
            .output()
            .expect("cloudops runs");
        for (out, says) in [
            (flag, "[possible values: table, json, markdown, sarif]"),
            (global, "table, json, markdown or sarif"),
        ] {
            assert_eq!(
                out.status.code(),
                Some(64),
                "--format {format}: {}",
                text(&out.stderr)
            );
            assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
            assert!(text(&out.stderr).contains(says), "{}", text(&out.stderr));
        }
    }
}

#[test]
fn help_lists_only_the_formats_and_flags_scan_accepts() {
    let out = support::cloudops()
        .args(["repo", "scan", "--help"])
        .output()
        .expect("cloudops runs");
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    assert!(
        help.contains("[possible values: table, json, markdown, sarif]"),
        "{help}"
    );
    for absent in ["junit", "github for", "csv", "--data-dir", "--store"] {
        assert!(!help.contains(absent), "{absent} in:\n{help}");
    }
    // The store flags are refused after the subcommand, not silently ignored.
    let repo = build_repo();
    for flag in ["--data-dir", "--store"] {
        let out = scan(repo.path(), &[flag, "local"]);
        assert_eq!(out.status.code(), Some(64), "{flag}: {}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains("keeps nothing in the store"),
            "{}",
            text(&out.stderr)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 5. --include / --exclude.

#[test]
fn include_and_exclude_globs_select_files() {
    let repo = build_repo();
    let all = scan_json(repo.path(), &[]);
    assert!(root_dirs(&all).contains("examples/complete"));

    let no_examples = scan_json(repo.path(), &["--exclude", "examples/**"]);
    assert_eq!(
        root_dirs(&no_examples),
        set(&[
            "broken",
            "envs/dev",
            "envs/prod",
            "envs/staging",
            "envs/tools"
        ])
    );
    assert_eq!(repo0(&no_examples)["terraform_files"], 11);
    assert!(
        findings(&no_examples)
            .iter()
            .all(|f| !f["file"].as_str().unwrap().starts_with("examples/")),
        "{:#}",
        repo0(&no_examples)["findings"]
    );
    assert_eq!(findings(&no_examples).len(), findings(&all).len() - 2);

    let two = scan_json(
        repo.path(),
        &["--exclude", "examples/**", "--exclude", "broken/*.tf"],
    );
    assert_eq!(
        root_dirs(&two),
        set(&["envs/dev", "envs/prod", "envs/staging", "envs/tools"])
    );
    assert!(of_rule(&two, "CO100").is_empty());

    let envs = scan_json(repo.path(), &["--include", "envs/**"]);
    assert_eq!(
        root_dirs(&envs),
        set(&["envs/dev", "envs/prod", "envs/staging", "envs/tools"])
    );
    assert_eq!(module_dirs(&envs), BTreeSet::new());
    assert_eq!(repo0(&envs)["terraform_files"], 7);
    assert!(findings(&envs)
        .iter()
        .all(|f| f["file"].as_str().unwrap().starts_with("envs/")));

    // Only main.tf files: prod's providers.tf and variables.tf (two secrets) are not read.
    let mains = scan_json(repo.path(), &["--include", "**/main.tf"]);
    let co101: BTreeSet<String> = of_rule(&mains, "CO101")
        .iter()
        .map(|f| f["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        co101,
        set(&[
            "envs/staging/main.tf",
            "envs/tools/main.tf",
            "modules/network/main.tf"
        ])
    );
    assert!(
        !root_dirs(&mains).contains("broken"),
        "broken has no main.tf"
    );
    // Include and exclude together: exclude wins.
    let both = scan_json(
        repo.path(),
        &["--include", "envs/**", "--exclude", "envs/dev/**"],
    );
    assert_eq!(
        root_dirs(&both),
        set(&["envs/prod", "envs/staging", "envs/tools"])
    );
}

#[test]
fn a_bad_glob_is_a_usage_error() {
    let repo = build_repo();
    for flag in ["--exclude", "--include"] {
        let out = scan(repo.path(), &[flag, "envs/[prod"]);
        assert_eq!(out.status.code(), Some(64), "{flag}: {}", text(&out.stderr));
        assert!(out.stdout.is_empty());
        assert!(text(&out.stderr).contains(flag), "{}", text(&out.stderr));
    }
}

// ---------------------------------------------------------------------------------------------
// 6. Exit codes.

#[test]
fn exit_codes_follow_the_gate() {
    let repo = build_repo();
    // Findings (critical ones too) but no gate: success.
    let out = scan(repo.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = scan(repo.path(), &["--fail-on", "high"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("gate failed"),
        "{}",
        text(&out.stderr)
    );
    assert!(!out.stdout.is_empty(), "the report is still printed");
    let out = scan(repo.path(), &["--fail-on", "critical", "--format", "json"]);
    assert_eq!(out.status.code(), Some(3));
    json_of(&out);
    let out = scan(repo.path(), &["--fail-on", "none"]);
    assert_eq!(out.status.code(), Some(0));
    let out = support::cloudops()
        .args(["repo", "scan", "--no-config"])
        .arg(repo.path())
        .env("CLOUDOPS_FAIL_ON", "high")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "CLOUDOPS_FAIL_ON is honoured");
    let out = scan(repo.path(), &["--fail-on", "bogus"]);
    assert_eq!(out.status.code(), Some(64));

    // Only medium findings: unpinned module and local state.
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "main.tf",
        r#"terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

module "label" {
  source = "cloudposse/label/null"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
"#,
    );
    let report = scan_json(tmp.path(), &[]);
    let severities: BTreeSet<&str> = findings(&report)
        .iter()
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities, BTreeSet::from(["medium"]), "{report:#}");
    assert_eq!(
        scan(tmp.path(), &["--fail-on", "critical"]).status.code(),
        Some(0)
    );
    assert_eq!(
        scan(tmp.path(), &["--fail-on", "high"]).status.code(),
        Some(0)
    );
    assert_eq!(
        scan(tmp.path(), &["--fail-on", "medium"]).status.code(),
        Some(3)
    );
}

#[test]
fn a_file_target_is_a_usage_error() {
    let repo = build_repo();
    let file = repo.path().join("envs/prod/main.tf");
    let out = scan(&file, &[]);
    assert_eq!(out.status.code(), Some(64), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("not a directory"),
        "{}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn an_empty_directory_has_no_terraform() {
    let tmp = tempfile::tempdir().unwrap();
    let out = scan(tmp.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("no Terraform"),
        "{}",
        text(&out.stdout)
    );
    let report = scan_json(tmp.path(), &[]);
    assert_eq!(repo0(&report)["status"], "no-terraform");
    assert_eq!(repo0(&report)["terraform_files"], 0);
    assert_eq!(report["totals"]["with_terraform"], 0);
    assert_eq!(report["totals"]["root_modules"], 0);
    assert_eq!(
        scan(tmp.path(), &["--fail-on", "info"]).status.code(),
        Some(0),
        "nothing found is not a gate failure"
    );

    // Only ignored and non-Terraform files: still nothing.
    write(tmp.path(), ".terraform/modules/x/main.tf", fill(VENDORED));
    write(tmp.path(), ".git/hooks/pre-commit.tf", fill(VENDORED));
    write(
        tmp.path(),
        "notes/main.tf.bak",
        "resource \"aws_instance\" \"x\" {}\n",
    );
    write(tmp.path(), "README.md", "# nothing here\n");
    let report = scan_json(tmp.path(), &[]);
    assert_eq!(repo0(&report)["status"], "no-terraform", "{report:#}");
    assert_eq!(findings(&report).len(), 0);
}

// ---------------------------------------------------------------------------------------------
// 7. --plan with a real Terraform.

const PLAN_OK: &str = r#"terraform {
  required_version = ">= 1.5"
}

locals {
  doubled = [for i in range(3) : i * 2]
}

resource "terraform_data" "a" {
  input = "a"
}

resource "terraform_data" "b" {
  input = local.doubled
}

resource "terraform_data" "c" {
  input            = { name = "c" }
  triggers_replace = [terraform_data.a.id]
}

output "b" {
  value = terraform_data.b.output
}
"#;

/// Refers to a variable that does not exist, on a line that also holds a secret.
const PLAN_BAD: &str = r#"terraform {
  required_version = ">= 1.5"
}

resource "terraform_data" "bad" {
  input = "${var.undeclared}-@AWS_KEY@"
}
"#;

fn terraform_env(c: &mut assert_cmd::Command, cli_config: &Path) {
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("TF_") {
            c.env_remove(k);
        }
    }
    c.env("CHECKPOINT_DISABLE", "1")
        .env("TF_IN_AUTOMATION", "1")
        .env("TF_CLI_CONFIG_FILE", cli_config);
}

/// What terraform itself says for `dir`: (add, change, destroy) from its `Plan:` line.
fn terraform_plan_counts(dir: &Path, cli_config: &Path) -> (u64, u64, u64) {
    let tf = support::terraform();
    let run = |args: &[&str]| {
        let mut c = std::process::Command::new(&tf);
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("TF_") {
                c.env_remove(k);
            }
        }
        let out = c
            .env("CHECKPOINT_DISABLE", "1")
            .env("TF_IN_AUTOMATION", "1")
            .env("TF_CLI_CONFIG_FILE", cli_config)
            .current_dir(dir)
            .args(args)
            .output()
            .expect("terraform runs");
        assert!(
            out.status.success(),
            "terraform {args:?}: {}\n{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        text(&out.stdout)
    };
    run(&["init", "-input=false", "-no-color"]);
    let plan = run(&["plan", "-input=false", "-no-color"]);
    let line = plan
        .lines()
        .find(|l| l.starts_with("Plan: "))
        .unwrap_or_else(|| panic!("no Plan: line in\n{plan}"));
    let nums: Vec<u64> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    assert_eq!(nums.len(), 3, "{line}");
    (nums[0], nums[1], nums[2])
}

fn find_dirs_named(root: &Path, name: &str, found: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(root).unwrap() {
        let e = e.unwrap();
        let kind = e.file_type().unwrap();
        if kind.is_dir() {
            if e.file_name() == name {
                found.push(e.path());
            }
            find_dirs_named(&e.path(), name, found);
        }
    }
}

#[test]
fn plan_runs_terraform_per_root_and_reports_failures() {
    let tf = support::terraform();
    let tmp = tempfile::tempdir().unwrap();
    let cli_config = tmp.path().join("terraformrc");
    std::fs::write(&cli_config, "").unwrap();
    let checkout = tmp.path().join("checkout");
    write(&checkout, "envs/ok/main.tf", PLAN_OK);
    write(&checkout, "envs/bad/main.tf", fill(PLAN_BAD));
    write(&tmp.path().join("truth"), "main.tf", PLAN_OK);

    let truth = terraform_plan_counts(&tmp.path().join("truth"), &cli_config);
    assert_eq!(truth, (3, 0, 0), "terraform's own Plan: line");

    let path = std::env::join_paths(std::iter::once(tf.parent().unwrap().to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let mut c = support::cloudops();
    c.args([
        "repo",
        "scan",
        "--no-config",
        "--plan",
        "--format",
        "json",
        "-vv",
    ])
    .arg(&checkout)
    .arg("--terraform-bin")
    .arg(&tf)
    .env("PATH", path);
    terraform_env(&mut c, &cli_config);
    let out = c.output().expect("runs");
    assert_no_leaks("--plan", &out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed root plan fails the scan\nstderr:\n{}",
        text(&out.stderr)
    );
    let stderr = text(&out.stderr);
    assert!(stderr.contains("could not be scanned"), "{stderr}");
    let report = json_of(&out);
    let repo = repo0(&report);
    assert_eq!(repo["status"], "failed", "{repo:#}");
    assert!(
        repo["detail"]
            .as_str()
            .is_some_and(|d| d.contains("envs/bad")),
        "{repo:#}"
    );
    assert_eq!(report["totals"]["failed"], 1);

    let ok = &root(&report, "envs/ok")["plan"];
    assert_eq!(ok["ok"], true, "{ok:#}");
    assert!(absent_or_null(ok, "error"), "{ok:#}");
    let s = &ok["summary"];
    assert_eq!(
        (
            s["add"].as_u64(),
            s["change"].as_u64(),
            s["destroy"].as_u64()
        ),
        (Some(truth.0), Some(truth.1), Some(truth.2)),
        "{s:#}"
    );
    assert_eq!(s["replace"], 0);
    assert_eq!(s["drift"], 0);

    let bad = &root(&report, "envs/bad")["plan"];
    assert_eq!(bad["ok"], false, "{bad:#}");
    assert!(
        absent_or_null(bad, "summary"),
        "a failed plan has no counts: {bad:#}"
    );
    let err = bad["error"].as_str().expect("error message");
    assert!(err.contains("terraform plan failed"), "{err}");
    assert!(err.to_lowercase().contains("undeclared"), "{err}");

    // Terraform's working data went elsewhere.
    let mut dot_terraform = Vec::new();
    find_dirs_named(&checkout, ".terraform", &mut dot_terraform);
    assert!(
        dot_terraform.is_empty(),
        "the checkout gained {dot_terraform:?}"
    );
    assert!(!checkout.join("envs/ok/terraform.tfstate").exists());
}

#[test]
fn plan_on_a_github_target_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = support::cloudops()
        .current_dir(tmp.path())
        .args([
            "repo",
            "scan",
            "--no-config",
            "acme-example/infra",
            "--plan",
        ])
        .env("CLOUDOPS_GITHUB_API_URL", "http://127.0.0.1:9")
        .env_remove("GITHUB_TOKEN")
        .env_remove("GH_TOKEN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("--plan"),
        "{}",
        text(&out.stderr)
    );
    let out = support::cloudops()
        .current_dir(tmp.path())
        .args([
            "repo",
            "scan",
            "--no-config",
            "acme-example/infra@v1.0.0",
            "--plan",
        ])
        .env("CLOUDOPS_GITHUB_API_URL", "http://127.0.0.1:9")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64), "{}", text(&out.stderr));
}

// ---------------------------------------------------------------------------------------------
// Narrow regressions.

/// A `variable` block's own name is not a value: `variable "replica_password" {}` declares no
/// secret, whatever the entropy of its name.
#[test]
fn a_variable_name_is_not_a_hard_coded_secret() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "variables.tf",
        r#"variable "replica_password" {
  type      = string
  sensitive = true
}

variable "github_app_secret" {
  type      = string
  sensitive = true
}

variable "db_password" {
  type    = string
  default = "@DB_PASSWORD@"
}
"#
        .replace("@DB_PASSWORD@", DB_PASSWORD),
    );
    let report = scan_json(tmp.path(), &[]);
    let co101: Vec<_> = located(&report)
        .into_iter()
        .filter(|(r, _, _)| r == "CO101")
        .collect();
    // Only the real default is a secret.
    assert_eq!(
        co101,
        vec![loc("CO101", "variables.tf", Some(13))],
        "{:#}",
        repo0(&report)["findings"]
    );
}

/// GitHub code scanning needs `region.startLine` on every result; an empty region is not a
/// location. Root-level findings of a root without a `terraform` block have no line of their
/// own, but still belong somewhere in a file.
#[test]
fn sarif_results_always_have_a_start_line() {
    let repo = build_repo();
    let out = scan(repo.path(), &["--format", "sarif"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let sarif = json_of(&out);
    let bad: Vec<String> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| {
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .is_none_or(|l| l < 1)
        })
        .map(|r| {
            format!(
                "{} {} region={}",
                r["ruleId"],
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"]["region"]
            )
        })
        .collect();
    assert!(bad.is_empty(), "results without region.startLine: {bad:#?}");
}

/// Distinct results must not share `partialFingerprints`, or code scanning merges them into one
/// alert: two open ingress rules on the same port in one file, two access keys in one file.
#[test]
fn sarif_fingerprints_tell_distinct_results_apart() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "main.tf",
        r#"terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
  backend "s3" {}
}

provider "aws" {
  region     = "eu-west-1"
  access_key = "@AWS_KEY@"
}

provider "aws" {
  alias      = "us"
  region     = "us-east-1"
  access_key = "@VENDORED_KEY@"
}

resource "aws_security_group_rule" "web_https" {
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-0aaaaaaaaaaaaaaaa"
}

resource "aws_security_group_rule" "api_https" {
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = "sg-0bbbbbbbbbbbbbbbb"
}
"#
        .replace("@AWS_KEY@", AWS_KEY)
        .replace("@VENDORED_KEY@", VENDORED_KEY),
    );
    let report = scan_json(tmp.path(), &[]);
    assert_eq!(
        located(&report),
        BTreeSet::from([
            loc("CO101", "main.tf", Some(11)),
            loc("CO101", "main.tf", Some(17)),
            loc("CO004", "main.tf", Some(20)),
            loc("CO004", "main.tf", Some(29)),
        ])
    );
    let out = scan(tmp.path(), &["--format", "sarif"]);
    assert_eq!(out.status.code(), Some(0));
    assert_no_leaks("sarif", &out);
    let sarif = json_of(&out);
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 4);
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in results {
        seen.entry(r["partialFingerprints"].to_string())
            .or_default()
            .push(format!(
                "{} line {}",
                r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]
            ));
    }
    let shared: Vec<_> = seen.iter().filter(|(_, v)| v.len() > 1).collect();
    assert!(
        shared.is_empty(),
        "results sharing a fingerprint: {shared:#?}"
    );
}

/// A root whose resources all live in modules it calls still keeps (all of) them in its
/// state: without a backend that state is local.
#[test]
fn a_root_that_only_calls_modules_still_keeps_local_state() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "live/main.tf",
        r#"terraform {
  required_version = ">= 1.6"
}

module "queue" {
  source = "../modules/queue"
  name   = "jobs"
}
"#,
    );
    write(
        tmp.path(),
        "modules/queue/main.tf",
        r#"terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

variable "name" {
  type = string
}

resource "aws_sqs_queue" "this" {
  name = var.name
}
"#,
    );
    let report = scan_json(tmp.path(), &[]);
    assert_eq!(root_dirs(&report), set(&["live"]));
    assert_eq!(module_dirs(&report), set(&["modules/queue"]));
    assert!(
        located(&report).contains(&loc("CO104", "live/main.tf", Some(1))),
        "{:#}",
        repo0(&report)["findings"]
    );
}

// ---------------------------------------------------------------------------------------------
// Review fixes: credentials in URLs, comments and values files; shapes of open ingress; names
// of places that are not secrets; files not read are named; caches ignored; --plan errors
// without values; --plan in the selected workspace.
// ---------------------------------------------------------------------------------------------

const URL_TOKEN: &str = "ghp_Zq8Wm2Lx7Vb4Nc6Kp1Rt9Ys3Hd5Fg0Ja2Ue4Io";
const COMMENT_KEY: &str = "AKIAQW7RT5YU3IO1PA9S";
const TFVARS_SECRET: &str = "Vb4Nc6Kp1Rt9Ys3Hd5Fg0Ja";

#[test]
fn credentials_anywhere_are_found_and_never_shown() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(
        root,
        "main.tf",
        format!(
            r#"terraform {{
  required_version = ">= 1.5"
  backend "s3" {{}}
}}
module "m" {{
  source = "git::https://x-access-token:{URL_TOKEN}@github.com/acme/mod.git?ref=v1.0.0"
}}
# rotated last year: {COMMENT_KEY}
resource "aws_security_group" "dyn" {{
  dynamic "ingress" {{
    for_each = [22]
    content {{ cidr_blocks = ["0.0.0.0/0"] }}
  }}
}}
resource "aws_security_group" "attr" {{
  ingress = [{{ from_port = 22, to_port = 22, protocol = "tcp", cidr_blocks = ["0.0.0.0/0"] }}]
}}
resource "azurerm_network_security_group" "nsg" {{
  security_rule {{
    direction             = "Inbound"
    access                = "Allow"
    source_address_prefix = "*"
  }}
}}
locals {{
  token_url            = "https://login.microsoftonline.com/oauth2/v2.0/token"
  secret_id            = "projects/my-proj/secrets/db-password"
  ssm_secret           = "/prod/payments/stripe-key"
  password_policy_name = "corp-Strong-2024"
}}
"#
        ),
    );
    write(
        root,
        "prod.tfvars",
        format!("db_password = \"{TFVARS_SECRET}\"\n"),
    );
    write(root, "extra.tf.json", "{\"resource\": {}}");
    write(
        root,
        ".terragrunt-cache/abc/main.tf",
        "resource \"x_y\" \"z\" {}\n",
    );

    let report = scan_json(root, &[]);
    let repo = repo0(&report);
    let found: BTreeSet<(String, String, u64)> = repo["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    for want in [
        ("CO101", "main.tf", 6), // the token, and the password, in the module URL
        ("CO101", "main.tf", 8), // a key in a comment
        ("CO101", "prod.tfvars", 1),
        ("CO004", "main.tf", 12), // dynamic ingress content
        ("CO004", "main.tf", 16), // attribute-form ingress
        ("CO004", "main.tf", 19), // inline NSG rule
    ] {
        let want = (want.0.to_string(), want.1.to_string(), want.2);
        assert!(found.contains(&want), "{want:?} missing from {found:?}");
    }
    let secrets_in_main = repo["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "CO101" && f["file"] == "main.tf")
        .count();
    assert_eq!(
        secrets_in_main, 3,
        "token and password in the URL, the commented key; places named like secrets are not secrets: {found:?}"
    );
    assert_eq!(
        root_dirs(&report),
        BTreeSet::from([".".to_string()]),
        "caches are not roots"
    );
    let detail = repo["detail"].as_str().unwrap_or_default();
    assert!(
        detail.contains("extra.tf.json"),
        "files not read are named: {detail}"
    );
    let module = &repo["roots"][0]["modules"][0];
    assert_eq!(
        module["source"],
        "git::https://***@github.com/acme/mod.git?ref=v1.0.0"
    );

    for format in ["table", "json", "markdown", "sarif"] {
        let out = scan(root, &["--format", format]);
        for s in [URL_TOKEN, COMMENT_KEY, TFVARS_SECRET] {
            assert!(
                !text(&out.stdout).contains(s) && !text(&out.stderr).contains(s),
                "{format} shows {s}"
            );
        }
    }
}

#[test]
fn plan_errors_carry_no_values_and_the_selected_workspace_is_planned() {
    let tf = support::terraform();
    let tmp = tempfile::tempdir().unwrap();
    let cli_config = tmp.path().join("terraformrc");
    std::fs::write(&cli_config, "").unwrap();
    let leaky = tmp.path().join("leaky");
    write(
        &leaky,
        "main.tf",
        "locals { db_password = \"Zx9Qw8Er7Ty6Ui5Op4Lk\" }\nresource \"terraform_data\" \"x\" { input = tonumber(local.db_password) }\n",
    );
    let mut c = support::cloudops();
    terraform_env(&mut c, &cli_config);
    let out = c
        .args([
            "repo",
            "scan",
            "--no-config",
            "--plan",
            "--format",
            "json",
            "--terraform-bin",
        ])
        .arg(&tf)
        .arg(&leaky)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let all = text(&out.stdout) + &text(&out.stderr);
    assert!(!all.contains("Zx9Qw8Er7Ty6Ui5Op4Lk"), "{all}");
    let report = json_of(&out);
    let error = root(&report, ".")["plan"]["error"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(error.contains("Error: "), "{error}");

    // A root whose selected workspace already has the resource: no changes, as terraform says.
    let ws = tmp.path().join("ws");
    write(
        &ws,
        "main.tf",
        "resource \"terraform_data\" \"a\" { input = terraform.workspace }\n",
    );
    let tf_run = |args: &[&str]| {
        let mut c = std::process::Command::new(&tf);
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("TF_") {
                c.env_remove(k);
            }
        }
        let o = c
            .env("CHECKPOINT_DISABLE", "1")
            .env("TF_CLI_CONFIG_FILE", &cli_config)
            .current_dir(&ws)
            .args(args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{args:?}: {}", text(&o.stderr));
    };
    tf_run(&["init", "-input=false"]);
    tf_run(&["workspace", "new", "prod"]);
    tf_run(&["apply", "-auto-approve", "-input=false"]);
    let mut c = support::cloudops();
    terraform_env(&mut c, &cli_config);
    let out = c
        .args([
            "repo",
            "scan",
            "--no-config",
            "--plan",
            "--format",
            "json",
            "--terraform-bin",
        ])
        .arg(&tf)
        .arg(&ws)
        .output()
        .unwrap();
    let report = json_of(&out);
    let summary = &root(&report, ".")["plan"]["summary"];
    assert_eq!(
        (summary["add"].as_u64(), summary["change"].as_u64()),
        (Some(0), Some(0)),
        "{report:#}"
    );
}

#[test]
fn disks_inside_instances_and_templates_count_and_an_owner_takes_no_ref() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "main.tf",
        "resource \"aws_instance\" \"a\" {\n  root_block_device { encrypted = false }\n}\nresource \"aws_launch_template\" \"t\" {\n  block_device_mappings {\n    ebs { encrypted = false }\n  }\n}\nresource \"aws_s3_bucket_acl\" \"b\" { acl = \"authenticated-read\" }\n",
    );
    let report = scan_json(tmp.path(), &[]);
    let mut got: Vec<(String, u64)> = repo0(&report)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "CO006" || f["rule"] == "CO005")
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("CO005".to_string(), 9),
            ("CO006".to_string(), 2),
            ("CO006".to_string(), 6)
        ]
    );

    let out = support::cloudops()
        .args(["repo", "scan", "--no-config", "acme@v1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64), "{}", text(&out.stderr));
}
