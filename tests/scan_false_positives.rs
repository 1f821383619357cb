//! The false positives other scanners are known for, each written as code a real module
//! holds: `repo scan` must report none of them, and must still report the true case beside it.

mod support;

use std::collections::BTreeSet;

/// The (rule, address) pairs `repo scan` reports for one `main.tf`.
fn scan(tf: &str) -> BTreeSet<(String, String)> {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("main.tf"), tf).expect("write main.tf");
    let out = support::repo_scan(dir.path(), &["--format", "json"]);
    let report = support::json_stdout(&out);
    report["repositories"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| {
            Some((
                f["rule"].as_str()?.to_string(),
                f["address"].as_str()?.to_string(),
            ))
        })
        .collect()
}

fn has(found: &BTreeSet<(String, String)>, rule: &str, address: &str) -> bool {
    found.contains(&(rule.to_string(), address.to_string()))
}

#[test]
fn a_gcp_deny_rule_or_a_disabled_rule_from_anywhere_is_not_open_ingress() {
    let found = scan(
        r#"
resource "google_compute_firewall" "deny_all" {
  name          = "deny-all"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  deny {
    protocol = "all"
  }
}
resource "google_compute_firewall" "off" {
  name          = "ssh-off"
  network       = "default"
  disabled      = true
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
resource "google_compute_firewall" "ssh" {
  name          = "ssh"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
"#,
    );
    assert!(
        !has(&found, "CO004", "google_compute_firewall.deny_all"),
        "{found:?}"
    );
    assert!(
        !has(&found, "CO004", "google_compute_firewall.off"),
        "{found:?}"
    );
    assert!(
        has(&found, "CO004", "google_compute_firewall.ssh"),
        "{found:?}"
    );
}

#[test]
fn serverless_aurora_replicas_and_restores_inherit_encryption() {
    let found = scan(
        r#"
resource "aws_rds_cluster" "serverless" {
  engine_mode = "serverless"
}
resource "aws_rds_cluster" "restored" {
  snapshot_identifier = "arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:x"
}
resource "aws_db_instance" "replica" {
  replicate_source_db = "source-db"
  instance_class      = "db.t3.micro"
}
resource "aws_ebs_volume" "from_snapshot" {
  availability_zone = "eu-west-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}
resource "aws_rds_cluster" "plain" {
  engine = "aurora-postgresql"
}
"#,
    );
    for a in [
        "aws_rds_cluster.serverless",
        "aws_rds_cluster.restored",
        "aws_db_instance.replica",
        "aws_ebs_volume.from_snapshot",
    ] {
        assert!(!has(&found, "CO006", a), "{a}: {found:?}");
    }
    assert!(has(&found, "CO006", "aws_rds_cluster.plain"), "{found:?}");
}

#[test]
fn a_secret_named_attribute_holding_a_header_name_is_not_a_secret() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("main.tf"),
        r#"
resource "aws_api_gateway_rest_api" "api" {
  name                     = "api"
  api_key_source           = "HEADER"
}
locals {
  api_key_header = "X-Api-Key"
  token_header   = "Authorization"
}
"#,
    )
    .expect("write");
    let out = support::repo_scan(dir.path(), &["--format", "json"]);
    let report = support::json_stdout(&out);
    let secrets: Vec<_> = report["repositories"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "CO101")
        .collect();
    assert!(secrets.is_empty(), "{secrets:?}");
}

#[test]
fn azure_plural_source_address_prefixes_are_read() {
    let found = scan(
        r#"
resource "azurerm_network_security_rule" "rdp" {
  name                        = "rdp"
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  destination_port_range      = "3389"
  source_address_prefixes     = ["10.0.0.0/8", "0.0.0.0/0"]
  destination_address_prefix  = "*"
  priority                    = 100
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
resource "azurerm_network_security_rule" "private" {
  name                        = "private"
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  destination_port_range      = "22"
  source_address_prefixes     = ["10.0.0.0/8"]
  destination_address_prefix  = "*"
  priority                    = 101
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
"#,
    );
    assert!(
        has(&found, "CO004", "azurerm_network_security_rule.rdp"),
        "{found:?}"
    );
    assert!(
        !has(&found, "CO004", "azurerm_network_security_rule.private"),
        "{found:?}"
    );
}

#[test]
fn variable_defaults_and_locals_decide_and_expressions_are_never_guessed() {
    let found = scan(
        r#"
variable "public" {
  default = true
}
variable "unknown" {}
resource "aws_db_instance" "by_default" {
  publicly_accessible = var.public
  storage_encrypted   = true
}
resource "aws_db_instance" "by_input" {
  publicly_accessible = var.unknown
  storage_encrypted   = true
}
"#,
    );
    assert!(
        has(&found, "CO106", "aws_db_instance.by_default"),
        "{found:?}"
    );
    assert!(
        !has(&found, "CO106", "aws_db_instance.by_input"),
        "{found:?}"
    );
}

#[test]
fn a_setting_made_by_its_own_resource_counts() {
    let found = scan(
        r#"
resource "aws_s3_bucket" "logged" {
  bucket = "logged"
}
resource "aws_s3_bucket_logging" "logged" {
  bucket        = aws_s3_bucket.logged.id
  target_bucket = "log-sink"
  target_prefix = "logged/"
}
resource "aws_s3_bucket_versioning" "logged" {
  bucket = aws_s3_bucket.logged.id
  versioning_configuration {
    status = "Suspended"
  }
}
resource "aws_s3_bucket" "bare" {
  bucket = "bare"
}
"#,
    );
    assert!(!has(&found, "CO107", "aws_s3_bucket.logged"), "{found:?}");
    assert!(
        has(&found, "CO108", "aws_s3_bucket.logged"),
        "suspended versioning is none: {found:?}"
    );
    assert!(has(&found, "CO107", "aws_s3_bucket.bare"), "{found:?}");
}
