//! Built-in risk rules: each has a stable ID, a default severity and a one-line rationale,
//! and turns a resource change (or the plan as a whole) into findings.

use serde_json::Value;

use super::report::{Action, Finding, ResourceEntry, Severity};

pub struct RuleInfo {
    pub id: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub rationale: &'static str,
}

pub const RULES: &[RuleInfo] = &[
    RuleInfo { id: "CO001", name: "stateful-destroy", severity: Severity::Critical,
        rationale: "Destroying or replacing a resource that holds data (database, bucket, table, volume, key, file system, cluster) can lose that data for good." },
    RuleInfo { id: "CO002", name: "iam-change", severity: Severity::Medium,
        rationale: "Changes to IAM roles, policies, users and bindings change who can do what; they deserve a second reviewer." },
    RuleInfo { id: "CO003", name: "iam-wildcard", severity: Severity::High,
        rationale: "Policies that allow every action, or trust every principal, grant far more than any workload needs." },
    RuleInfo { id: "CO004", name: "open-ingress", severity: Severity::High,
        rationale: "Ingress from 0.0.0.0/0 or ::/0 exposes the service to the whole internet." },
    RuleInfo { id: "CO005", name: "public-s3", severity: Severity::High,
        rationale: "Public ACLs, public bucket policies or a removed public-access block can expose bucket contents." },
    RuleInfo { id: "CO006", name: "encryption-disabled", severity: Severity::High,
        rationale: "Turning encryption off (or creating storage without it) leaves data readable at rest or in transit." },
    RuleInfo { id: "CO007", name: "deletion-protection-disabled", severity: Severity::High,
        rationale: "Removing deletion or termination protection is usually the step before an accidental destroy." },
    RuleInfo { id: "CO008", name: "indirect-delete", severity: Severity::High,
        rationale: "A delete caused by a removed module or changed count/for_each keys is often an unintended side effect of a refactor; a moved block may be missing." },
    RuleInfo { id: "CO009", name: "mass-destroy", severity: Severity::High,
        rationale: "Destroying many resources at once is rarely intended; check the workspace, the module source and the count/for_each expressions." },
    RuleInfo { id: "CO010", name: "drift-detected", severity: Severity::Medium,
        rationale: "Objects changed outside Terraform; applying may undo someone's manual fix or overwrite another tool's work." },
    RuleInfo { id: "CO011", name: "plan-errored", severity: Severity::Critical,
        rationale: "Terraform reported an error while planning: the plan is partial and must not be applied." },
    RuleInfo { id: "CO012", name: "check-failed", severity: Severity::High,
        rationale: "A check block, precondition or postcondition failed or errored." },
    RuleInfo { id: "CO013", name: "plan-incomplete", severity: Severity::Medium,
        rationale: "Some changes were deferred: another plan/apply cycle is needed before the configuration is fully applied." },
];

pub fn rule(id: &str) -> &'static RuleInfo {
    RULES
        .iter()
        .find(|r| r.id == id)
        .expect("rule ids are constants of this module")
}

/// Accepts either the ID (`CO001`) or the name (`stateful-destroy`).
pub fn lookup(id_or_name: &str) -> Option<&'static RuleInfo> {
    RULES
        .iter()
        .find(|r| r.id.eq_ignore_ascii_case(id_or_name) || r.name == id_or_name)
}

/// A rule an operator may name in `--ignore-rule` or the settings: a built-in rule's ID or
/// name, or a policy's `PACKAGE.RULE`.
pub fn is_known(id_or_name: &str) -> bool {
    lookup(id_or_name).is_some() || crate::policy::is_rule_id(id_or_name)
}

pub fn finding(
    plan: usize,
    id: &str,
    sev: Option<Severity>,
    address: Option<&str>,
    msg: String,
) -> Finding {
    let r = rule(id);
    Finding {
        plan,
        rule: r.id.to_string(),
        rule_name: r.name.to_string(),
        severity: sev.unwrap_or(r.severity),
        address: address.map(str::to_string),
        message: msg,
    }
}

const STATEFUL_TYPES: &[&str] = &[
    "aws_db_instance",
    "aws_rds_cluster",
    "aws_rds_cluster_instance",
    "aws_rds_global_cluster",
    "aws_dynamodb_table",
    "aws_dynamodb_global_table",
    "aws_s3_bucket",
    "aws_s3_directory_bucket",
    "aws_ebs_volume",
    "aws_ebs_snapshot",
    "aws_efs_file_system",
    "aws_kms_key",
    "aws_kms_replica_key",
    "aws_elasticache_cluster",
    "aws_elasticache_replication_group",
    "aws_elasticache_serverless_cache",
    "aws_memorydb_cluster",
    "aws_redshift_cluster",
    "aws_redshiftserverless_namespace",
    "aws_docdb_cluster",
    "aws_docdb_cluster_instance",
    "aws_neptune_cluster",
    "aws_opensearch_domain",
    "aws_elasticsearch_domain",
    "aws_eks_cluster",
    "aws_msk_cluster",
    "aws_kinesis_stream",
    "aws_sqs_queue",
    "aws_secretsmanager_secret",
    "aws_backup_vault",
    "aws_glacier_vault",
    "aws_qldb_ledger",
    "aws_timestreamwrite_table",
    "aws_cloudwatch_log_group",
    "aws_route53_zone",
    "aws_ecr_repository",
    "aws_cognito_user_pool",
    "aws_keyspaces_table",
    "aws_fsx_lustre_file_system",
    "aws_fsx_windows_file_system",
    "aws_fsx_ontap_file_system",
    "aws_fsx_openzfs_file_system",
    "google_sql_database_instance",
    "google_sql_database",
    "google_storage_bucket",
    "google_bigquery_dataset",
    "google_bigquery_table",
    "google_spanner_instance",
    "google_spanner_database",
    "google_bigtable_instance",
    "google_bigtable_table",
    "google_container_cluster",
    "google_compute_disk",
    "google_filestore_instance",
    "google_kms_crypto_key",
    "google_kms_key_ring",
    "google_redis_instance",
    "google_firestore_database",
    "google_alloydb_cluster",
    "google_secret_manager_secret",
    "azurerm_storage_account",
    "azurerm_storage_container",
    "azurerm_storage_share",
    "azurerm_mssql_database",
    "azurerm_mssql_server",
    "azurerm_postgresql_flexible_server",
    "azurerm_postgresql_server",
    "azurerm_mysql_flexible_server",
    "azurerm_mysql_server",
    "azurerm_cosmosdb_account",
    "azurerm_key_vault",
    "azurerm_key_vault_key",
    "azurerm_managed_disk",
    "azurerm_kubernetes_cluster",
    "azurerm_redis_cache",
    "azurerm_sql_database",
];

pub fn is_stateful(t: &str) -> bool {
    STATEFUL_TYPES.contains(&t)
}

pub fn is_iam(t: &str) -> bool {
    t.starts_with("aws_iam_")
        || t.contains("_iam_")
        || t.starts_with("azurerm_role_")
        || t.starts_with("azuread_")
        || t == "aws_organizations_policy"
}

/// Whether the per-resource rules want this change's values even for a create or delete.
pub fn wants_values(resource_type: &str, raw_after: Option<&str>) -> bool {
    matches!(
        resource_type,
        "aws_security_group"
            | "aws_security_group_rule"
            | "aws_vpc_security_group_ingress_rule"
            | "google_compute_firewall"
            | "azurerm_network_security_rule"
            | "azurerm_network_security_group"
            | "aws_s3_bucket"
            | "aws_s3_bucket_acl"
            | "aws_s3_bucket_public_access_block"
            | "aws_s3_account_public_access_block"
            | "aws_s3_bucket_policy"
            | "aws_db_instance"
            | "aws_rds_cluster"
            | "aws_ebs_volume"
            | "aws_efs_file_system"
            | "aws_redshift_cluster"
    ) || raw_after.is_some_and(|a| memchr::memmem::find(a.as_bytes(), b"Statement").is_some())
}

pub fn reason_text(reason: &str) -> Option<&'static str> {
    Some(match reason {
        "replace_because_tainted" => "the object is tainted (a previous apply failed part-way), so Terraform replaces it",
        "replace_because_cannot_update" => "an attribute that cannot be changed in place forces replacement",
        "replace_by_request" => "replacement was requested with -replace",
        "replace_by_triggers" => "a reference in replace_triggered_by changed",
        "delete_because_no_resource_config" => "its resource block is no longer in the configuration",
        "delete_because_wrong_repetition" => "the resource switched between count, for_each and a single instance, so this instance key no longer applies",
        "delete_because_count_index" => "its index is out of range for the new count",
        "delete_because_each_key" => "its key is no longer in for_each",
        "delete_because_no_module" => "its module call is no longer in the configuration",
        "delete_because_no_move_target" => "a moved block points at an address that does not exist",
        "read_because_config_unknown" => "its configuration depends on values not known until apply",
        "read_because_dependency_pending" => "it depends on a resource with pending changes",
        "read_because_check_nested" => "it is used in a check block",
        _ => return None,
    })
}

const INDIRECT_DELETE_REASONS: &[&str] = &[
    "delete_because_no_module",
    "delete_because_count_index",
    "delete_because_each_key",
    "delete_because_wrong_repetition",
    "delete_because_no_move_target",
];

/// Rules that look at one resource change. `before`/`after` are given when parsed.
pub fn check_resource(
    e: &ResourceEntry,
    before: Option<&Value>,
    after: Option<&Value>,
    out: &mut Vec<Finding>,
) {
    if e.mode != "managed" || e.action == Action::NoOp || e.action == Action::Read {
        return;
    }
    let addr = Some(e.address.as_str());
    let t = e.resource_type.as_str();
    let destroys = matches!(e.action, Action::Delete | Action::Replace);
    if destroys && is_stateful(t) && e.deposed.is_none() {
        let what = if e.action == Action::Delete {
            "will be destroyed".to_string()
        } else {
            format!(
                "will be replaced ({})",
                e.replace_order
                    .as_deref()
                    .unwrap_or("destroy and re-create")
                    .replace('-', " ")
            )
        };
        let mut msg = format!("{t} {what}; the data it holds may be lost");
        if before.and_then(|b| b.get("skip_final_snapshot")) == Some(&Value::Bool(true)) {
            msg.push_str(" (skip_final_snapshot = true: no final snapshot will be taken)");
        }
        out.push(finding(e.plan, "CO001", None, addr, msg));
    }
    if is_iam(t) && e.action != Action::Forget {
        out.push(finding(
            e.plan,
            "CO002",
            None,
            addr,
            format!("IAM resource {t} will be {}", past_tense(e.action)),
        ));
    }
    if e.action == Action::Delete {
        if let Some(r) = e
            .reason
            .as_deref()
            .filter(|r| INDIRECT_DELETE_REASONS.contains(r))
        {
            let why = reason_text(r).unwrap_or(r);
            out.push(finding(
                e.plan,
                "CO008",
                None,
                addr,
                format!("will be destroyed because {why}"),
            ));
        }
    }
    let creates_or_updates = matches!(
        e.action,
        Action::Create | Action::Update | Action::Replace | Action::CreateThenForget
    );
    if creates_or_updates {
        if let Some(a) = after {
            policy_findings(e, a, before, out);
            open_ingress(e, a, before, out);
            public_s3(e, a, before, out);
            unencrypted_create(e, a, out);
        }
        for attr in &e.attributes {
            attribute_findings(e, attr, out);
        }
    }
    if e.action == Action::Delete
        && matches!(
            t,
            "aws_s3_bucket_public_access_block" | "aws_s3_account_public_access_block"
        )
    {
        out.push(finding(
            e.plan,
            "CO005",
            None,
            addr,
            "the S3 public access block will be removed".into(),
        ));
    }
    if e.action == Action::Delete && t == "aws_s3_bucket_server_side_encryption_configuration" {
        out.push(finding(
            e.plan,
            "CO006",
            Some(Severity::Medium),
            addr,
            "the bucket's server-side encryption configuration will be removed".into(),
        ));
    }
}

fn past_tense(a: Action) -> &'static str {
    match a {
        Action::Create => "created",
        Action::Update => "updated",
        Action::Delete => "destroyed",
        Action::Replace => "replaced",
        Action::CreateThenForget => "created and its old object forgotten",
        Action::Forget => "forgotten",
        _ => "changed",
    }
}

fn leaf(path: &str) -> &str {
    let p = path.rsplit('.').next().unwrap_or(path);
    p.split('[').next().unwrap_or(p)
}

fn attribute_findings(e: &ResourceEntry, attr: &super::report::AttrChange, out: &mut Vec<Finding>) {
    let addr = Some(e.address.as_str());
    let (b, a) = (attr.before.as_ref(), attr.after.as_ref());
    let lower = attr.path.to_ascii_lowercase();
    let was_true = b == Some(&Value::Bool(true));
    let now_false =
        a == Some(&Value::Bool(false)) || (a.is_none() && !attr.after_unknown && b.is_some());
    if lower.contains("encrypt") && was_true && now_false {
        out.push(finding(
            e.plan,
            "CO006",
            None,
            addr,
            format!("{} changes from true to false", attr.path),
        ));
    }
    if lower.contains("encrypt")
        && a.and_then(Value::as_str)
            .is_some_and(|s| s.eq_ignore_ascii_case("none") || s.eq_ignore_ascii_case("disabled"))
    {
        out.push(finding(
            e.plan,
            "CO006",
            None,
            addr,
            format!(
                "{} is set to {}",
                attr.path,
                a.map(Value::to_string).unwrap_or_default()
            ),
        ));
    }
    let l = leaf(&attr.path);
    let protection = matches!(
        l,
        "deletion_protection"
            | "deletion_protection_enabled"
            | "enable_deletion_protection"
            | "termination_protection"
            | "disable_api_termination"
            | "prevent_destroy"
    );
    if protection && was_true && now_false {
        out.push(finding(
            e.plan,
            "CO007",
            None,
            addr,
            format!("{} changes from true to false", attr.path),
        ));
    }
    let became_true = a == Some(&Value::Bool(true)) && !was_true;
    if matches!(l, "force_destroy" | "skip_final_snapshot")
        && became_true
        && e.action == Action::Update
    {
        out.push(finding(
            e.plan,
            "CO007",
            Some(Severity::Medium),
            addr,
            format!("{} changes to true", attr.path),
        ));
    }
}

fn unencrypted_create(e: &ResourceEntry, after: &Value, out: &mut Vec<Finding>) {
    if !matches!(e.action, Action::Create | Action::Replace) {
        return;
    }
    let key = match e.resource_type.as_str() {
        "aws_ebs_volume" | "aws_efs_file_system" | "aws_redshift_cluster" => "encrypted",
        "aws_db_instance" | "aws_rds_cluster" => "storage_encrypted",
        _ => return,
    };
    if after.get(key) == Some(&Value::Bool(false)) {
        out.push(finding(
            e.plan,
            "CO006",
            Some(Severity::Medium),
            Some(&e.address),
            format!("{} will be created with {key} = false", e.resource_type),
        ));
    }
}

/// Every string in `v` that is a JSON IAM-style policy document.
fn policies(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::String(s) if s.contains("Statement") => {
            if let Ok(doc) = serde_json::from_str::<Value>(s) {
                if doc.get("Statement").is_some() {
                    out.push(doc);
                }
            }
        }
        Value::Object(o) => o.values().for_each(|x| policies(x, out)),
        Value::Array(a) => a.iter().for_each(|x| policies(x, out)),
        _ => {}
    }
}

fn as_list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(x) => vec![x],
        None => vec![],
    }
}

fn statements(doc: &Value) -> Vec<&Value> {
    as_list(doc.get("Statement"))
}

fn principal_is_everyone(p: Option<&Value>) -> bool {
    match p {
        Some(Value::String(s)) => s == "*",
        Some(Value::Object(o)) => o
            .values()
            .any(|v| as_list(Some(v)).iter().any(|x| x.as_str() == Some("*"))),
        _ => false,
    }
}

/// Describes the wildcard problems in a policy, one line per problem.
pub(crate) fn policy_problems(doc: &Value) -> Vec<(Severity, String)> {
    let mut found = Vec::new();
    for st in statements(doc) {
        if st.get("Effect").and_then(Value::as_str) != Some("Allow") {
            continue;
        }
        let actions: Vec<&str> = as_list(st.get("Action"))
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        let resources: Vec<&str> = as_list(st.get("Resource"))
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        if actions.iter().any(|a| *a == "*" || *a == "*:*") {
            found.push((
                Severity::High,
                "allows every action (\"Action\": \"*\")".to_string(),
            ));
        } else if let Some(a) = actions.iter().find(|a| a.ends_with(":*")) {
            if resources.contains(&"*") {
                found.push((Severity::Medium, format!("allows {a} on every resource")));
            }
        }
        if st.get("NotAction").is_some() {
            found.push((
                Severity::Medium,
                "uses Allow with NotAction, which allows everything not listed".to_string(),
            ));
        }
        if principal_is_everyone(st.get("Principal")) && st.get("Condition").is_none() {
            found.push((
                Severity::High,
                "trusts every principal (\"Principal\": \"*\") without a condition".to_string(),
            ));
        }
    }
    found
}

fn policy_findings(
    e: &ResourceEntry,
    after: &Value,
    before: Option<&Value>,
    out: &mut Vec<Finding>,
) {
    let mut docs = Vec::new();
    policies(after, &mut docs);
    if docs.is_empty() {
        return;
    }
    let mut old = Vec::new();
    if let Some(b) = before {
        let mut bd = Vec::new();
        policies(b, &mut bd);
        for d in &bd {
            old.extend(policy_problems(d).into_iter().map(|(_, m)| m));
        }
    }
    let bucket_policy = e.resource_type == "aws_s3_bucket_policy";
    for d in &docs {
        for (sev, msg) in policy_problems(d) {
            if old.contains(&msg) {
                continue;
            }
            let (id, text) = if bucket_policy && msg.contains("Principal") {
                (
                    "CO005",
                    format!("bucket policy {msg}: the bucket becomes public"),
                )
            } else {
                ("CO003", format!("policy {msg}"))
            };
            out.push(finding(e.plan, id, Some(sev), Some(&e.address), text));
        }
    }
}

const OPEN_V4: &str = "0.0.0.0/0";
const OPEN_V6: &str = "::/0";

fn strings(v: Option<&Value>) -> Vec<&str> {
    as_list(v).into_iter().filter_map(Value::as_str).collect()
}

fn ports(rule: &Value) -> String {
    let proto = rule.get("protocol").and_then(|p| {
        p.as_str()
            .map(str::to_string)
            .or_else(|| Some(p.to_string()))
    });
    let from = rule.get("from_port").map(Value::to_string);
    let to = rule.get("to_port").map(Value::to_string);
    match (proto.as_deref(), from, to) {
        (Some("-1" | "all"), _, _) => "all traffic".to_string(),
        (p, Some(f), Some(t)) if f == t => format!("port {f}/{}", p.unwrap_or("?")),
        (p, Some(f), Some(t)) => format!("ports {f}-{t}/{}", p.unwrap_or("?")),
        _ => "traffic".to_string(),
    }
}

/// Descriptions of the internet-open ingress rules a resource value holds.
fn open_rules(t: &str, v: &Value) -> Vec<String> {
    let mut found = Vec::new();
    let open_cidr = |r: &Value, v4: &str, v6: &str| {
        strings(r.get(v4)).contains(&OPEN_V4) || strings(r.get(v6)).contains(&OPEN_V6)
    };
    match t {
        "aws_security_group" => {
            for r in as_list(v.get("ingress")) {
                if open_cidr(r, "cidr_blocks", "ipv6_cidr_blocks") {
                    found.push(ports(r));
                }
            }
        }
        "aws_security_group_rule"
            if v.get("type").and_then(Value::as_str) == Some("ingress")
                && open_cidr(v, "cidr_blocks", "ipv6_cidr_blocks") =>
        {
            found.push(ports(v));
        }
        "aws_vpc_security_group_ingress_rule" => {
            let open = v.get("cidr_ipv4").and_then(Value::as_str) == Some(OPEN_V4)
                || v.get("cidr_ipv6").and_then(Value::as_str) == Some(OPEN_V6);
            if open {
                let mut r = v.clone();
                if let Some(o) = r.as_object_mut() {
                    if let Some(p) = o.remove("ip_protocol") {
                        o.insert("protocol".into(), p);
                    }
                }
                found.push(ports(&r));
            }
        }
        "google_compute_firewall" => {
            let ingress = v
                .get("direction")
                .and_then(Value::as_str)
                .is_none_or(|d| d.eq_ignore_ascii_case("INGRESS"));
            let src = strings(v.get("source_ranges"));
            if ingress && (src.contains(&OPEN_V4) || src.contains(&OPEN_V6)) {
                found.push("traffic".to_string());
            }
        }
        "azurerm_network_security_rule" | "azurerm_network_security_group" => {
            let rules = if t == "azurerm_network_security_rule" {
                vec![v]
            } else {
                as_list(v.get("security_rule"))
            };
            for r in rules {
                let inbound = r.get("direction").and_then(Value::as_str) == Some("Inbound");
                let allow = r.get("access").and_then(Value::as_str) == Some("Allow");
                let mut src = strings(r.get("source_address_prefixes"));
                src.extend(strings(r.get("source_address_prefix")));
                let open = src
                    .iter()
                    .any(|s| matches!(*s, "*" | OPEN_V4 | OPEN_V6 | "Internet" | "Any"));
                if inbound && allow && open {
                    let port = r
                        .get("destination_port_range")
                        .and_then(Value::as_str)
                        .unwrap_or("*");
                    found.push(format!("port {port}"));
                }
            }
        }
        _ => {}
    }
    found
}

fn open_ingress(e: &ResourceEntry, after: &Value, before: Option<&Value>, out: &mut Vec<Finding>) {
    let t = e.resource_type.as_str();
    let old = before.map(|b| open_rules(t, b)).unwrap_or_default();
    for r in open_rules(t, after) {
        if !old.contains(&r) {
            out.push(finding(
                e.plan,
                "CO004",
                None,
                Some(&e.address),
                format!("allows ingress from the internet (0.0.0.0/0 or ::/0) to {r}"),
            ));
        }
    }
}

fn public_s3(e: &ResourceEntry, after: &Value, before: Option<&Value>, out: &mut Vec<Finding>) {
    let addr = Some(e.address.as_str());
    match e.resource_type.as_str() {
        "aws_s3_bucket" | "aws_s3_bucket_acl" => {
            let acl = after.get("acl").and_then(Value::as_str);
            let old = before.and_then(|b| b.get("acl")).and_then(Value::as_str);
            if let Some(acl @ ("public-read" | "public-read-write" | "authenticated-read")) = acl {
                if old != Some(acl) {
                    out.push(finding(
                        e.plan,
                        "CO005",
                        None,
                        addr,
                        format!("bucket ACL is set to {acl}"),
                    ));
                }
            }
            let grants_public = after
                .to_string()
                .contains("http://acs.amazonaws.com/groups/global/AllUsers");
            let was_public = before.is_some_and(|b| {
                b.to_string()
                    .contains("http://acs.amazonaws.com/groups/global/AllUsers")
            });
            if grants_public && !was_public {
                out.push(finding(
                    e.plan,
                    "CO005",
                    None,
                    addr,
                    "bucket ACL grants access to AllUsers".into(),
                ));
            }
        }
        "aws_s3_bucket_public_access_block" | "aws_s3_account_public_access_block" => {
            for flag in [
                "block_public_acls",
                "block_public_policy",
                "ignore_public_acls",
                "restrict_public_buckets",
            ] {
                let now_off = after.get(flag) == Some(&Value::Bool(false));
                let was_off = before.and_then(|b| b.get(flag)) == Some(&Value::Bool(false));
                if now_off && !was_off {
                    out.push(finding(
                        e.plan,
                        "CO005",
                        None,
                        addr,
                        format!("public access block has {flag} = false"),
                    ));
                }
            }
        }
        _ => {}
    }
}
