//! Security posture of one resource as written: IAM wildcards, public endpoints, logging,
//! backups and deletion protection, TLS, customer-managed keys and encryption at rest. Each
//! check reads literal values (through variable defaults and locals), treats an expression as
//! unknown (never reported), and reports a missing setting only where the provider's default
//! is the insecure one.

use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};
use hcl_edit::Span;
use serde_json::Value;

use super::module::FileCtx;
use super::resolve::{template_text, to_json, Known};
use super::rules::{finding, REPLICA_OF};
use super::ScanFinding;
use crate::plan::report::Severity;

/// A block body read through what the module knows.
#[derive(Clone, Copy)]
struct R<'a> {
    body: &'a Body,
    known: &'a Known,
}

/// A value as the checks see it.
enum V {
    /// Not written: the provider's default applies.
    Absent,
    /// Written as an expression that cannot be known before a plan.
    Unknown,
    Str(String),
    Bool(bool),
    Num(f64),
    List(Vec<String>),
}

impl<'a> R<'a> {
    fn of(body: &'a Body, known: &'a Known) -> R<'a> {
        R { body, known }
    }

    fn v(&self, key: &str) -> V {
        let Some(a) = self.body.get_attribute(key) else {
            return V::Absent;
        };
        match self.known.resolve(&a.value).0 {
            Expression::String(s) => V::Str(s.value().to_string()),
            Expression::Bool(b) => V::Bool(*b.value()),
            Expression::Number(n) => n.value().as_f64().map_or(V::Unknown, V::Num),
            Expression::Null(_) => V::Absent,
            Expression::Array(items) => {
                let all: Vec<String> = items
                    .iter()
                    .filter_map(|e| match self.known.resolve(e).0 {
                        Expression::String(s) => Some(s.value().to_string()),
                        _ => None,
                    })
                    .collect();
                if all.len() == items.len() {
                    V::List(all)
                } else {
                    V::Unknown
                }
            }
            _ => V::Unknown,
        }
    }

    /// The attribute is set to exactly `false` (a literal, or a default/local).
    fn is_false(&self, key: &str) -> bool {
        matches!(self.v(key), V::Bool(false))
    }

    fn is_true(&self, key: &str) -> bool {
        matches!(self.v(key), V::Bool(true))
    }

    /// Not set to a literal `true`: absent or `false` (an expression is given the benefit).
    fn not_true(&self, key: &str) -> bool {
        matches!(self.v(key), V::Absent | V::Bool(false))
    }

    fn absent(&self, key: &str) -> bool {
        matches!(self.v(key), V::Absent) && !self.has_block(key)
    }

    fn str(&self, key: &str) -> Option<String> {
        match self.v(key) {
            V::Str(s) => Some(s),
            _ => None,
        }
    }

    fn num(&self, key: &str) -> Option<f64> {
        match self.v(key) {
            V::Num(n) => Some(n),
            V::Str(s) => s.parse().ok(),
            _ => None,
        }
    }

    fn list(&self, key: &str) -> Option<Vec<String>> {
        match self.v(key) {
            V::List(l) => Some(l),
            V::Str(s) => Some(vec![s]),
            _ => None,
        }
    }

    /// A nested block by name, or a `dynamic` block generating it (whose content is unknown).
    fn has_block(&self, name: &str) -> bool {
        self.body.get_blocks(name).next().is_some() || self.dynamic(name)
    }

    fn dynamic(&self, name: &str) -> bool {
        self.body
            .get_blocks("dynamic")
            .any(|d| d.labels.first().is_some_and(|l| l.as_str() == name))
    }

    fn blocks(&self, name: &str) -> std::vec::IntoIter<R<'a>> {
        let known = self.known;
        let found: Vec<R<'a>> = self
            .body
            .blocks()
            .filter(|b| b.ident.as_str() == name)
            .map(|b| R::of(&b.body, known))
            .collect();
        found.into_iter()
    }

    fn block(&self, name: &str) -> Option<R<'a>> {
        self.blocks(name).next()
    }

    /// Where a variable default or local decided the value, for the message.
    fn via(&self, key: &str) -> String {
        self.body
            .get_attribute(key)
            .and_then(|a| self.known.resolve(&a.value).1)
            .map(|n| format!(" (from {n})"))
            .unwrap_or_default()
    }
}

struct Out<'a, 'b> {
    ctx: &'a FileCtx<'a>,
    address: String,
    line: Option<usize>,
    findings: &'b mut Vec<ScanFinding>,
}

impl Out<'_, '_> {
    fn push(&mut self, id: &str, severity: Option<Severity>, message: String) {
        let mut f = finding(id, self.ctx, self.line, Some(self.address.clone()), message);
        if let Some(s) = severity {
            f.severity = s;
        }
        self.findings.push(f);
    }
}

/// Posture checks on one `resource` (or `data "aws_iam_policy_document"`) block.
pub fn check(
    kind: &str,
    rtype: &str,
    name: &str,
    block: &Block,
    known: &Known,
    ctx: &FileCtx<'_>,
    findings: &mut Vec<ScanFinding>,
) {
    let r = R::of(&block.body, known);
    let prefix = if kind == "data" { "data." } else { "" };
    let mut out = Out {
        ctx,
        address: format!("{prefix}{rtype}.{name}"),
        line: ctx.line_of(block.span()),
        findings,
    };
    if kind == "data" {
        if rtype == "aws_iam_policy_document" {
            policy_document(r, &mut out);
        }
        return;
    }
    iam(rtype, r, &mut out);
    exposure(rtype, r, &mut out);
    // A read replica is a copy: its source's logs, backups, key and protection are the ones
    // that matter, so only its own exposure is judged.
    if REPLICA_OF.iter().any(|k| !r.absent(k)) {
        return;
    }
    logging(rtype, r, &format!("{rtype}.{name}"), known, &mut out);
    resilience(rtype, r, &format!("{rtype}.{name}"), known, &mut out);
    transport(rtype, r, &mut out);
    keys(rtype, r, &format!("{rtype}.{name}"), known, &mut out);
    at_rest(rtype, r, &mut out);
}

// ---------------------------------------------------------------------------------------------
// IAM (CO003) and policies that make a resource public (CO005 for buckets, CO106 otherwise).
// ---------------------------------------------------------------------------------------------

fn policy_doc(r: R<'_>, key: &str) -> Option<Value> {
    let a = r.body.get_attribute(key)?;
    let (e, _) = r.known.resolve(&a.value);
    if let Expression::FuncCall(f) = e {
        if f.name.name.as_str() == "jsonencode" {
            return f.args.iter().next().map(|x| to_json(x, r.known));
        }
        return None;
    }
    serde_json::from_str(template_text(e)?.trim()).ok()
}

fn iam(rtype: &str, r: R<'_>, out: &mut Out<'_, '_>) {
    let (key, public_as) = match rtype {
        "aws_iam_policy"
        | "aws_iam_role_policy"
        | "aws_iam_user_policy"
        | "aws_iam_group_policy" => ("policy", None),
        "aws_iam_role" => ("assume_role_policy", None),
        "aws_s3_bucket_policy" | "aws_s3_bucket" => ("policy", Some("CO005")),
        "aws_elasticsearch_domain_policy" | "aws_opensearch_domain_policy" => {
            ("access_policies", Some("CO106"))
        }
        "aws_elasticsearch_domain" | "aws_opensearch_domain" => ("access_policies", Some("CO106")),
        "aws_sqs_queue_policy" | "aws_sns_topic_policy" | "aws_ecr_repository_policy" => {
            ("policy", Some("CO106"))
        }
        "azurerm_role_definition" => {
            for p in r.blocks("permissions") {
                if p.list("actions")
                    .is_some_and(|a| a.iter().any(|x| x == "*"))
                {
                    out.push(
                        "CO003",
                        None,
                        "role definition allows every action (actions = [\"*\"])".into(),
                    );
                }
            }
            return;
        }
        "google_project_iam_member" | "google_project_iam_binding" => {
            if let Some(role) = r
                .str("role")
                .filter(|x| x == "roles/owner" || x == "roles/editor")
            {
                out.push(
                    "CO003",
                    Some(Severity::Medium),
                    format!("grants the basic role {role} on the whole project"),
                );
            }
            return;
        }
        _ => return,
    };
    let Some(doc) = policy_doc(r, key) else {
        return;
    };
    report_policy(&doc, public_as, out);
}

fn report_policy(doc: &Value, public_as: Option<&str>, out: &mut Out<'_, '_>) {
    for (sev, msg) in crate::plan::rules::policy_problems(doc) {
        match public_as {
            Some(id) if msg.contains("Principal") => out.push(
                id,
                None,
                format!("resource policy {msg}: anyone can use it"),
            ),
            _ => out.push("CO003", Some(sev), format!("policy {msg}")),
        }
    }
}

/// `data "aws_iam_policy_document"` statements, as the JSON document they produce.
fn policy_document(r: R<'_>, out: &mut Out<'_, '_>) {
    let mut statements = Vec::new();
    for st in r.blocks("statement") {
        let mut s = serde_json::Map::new();
        let effect = st.str("effect").unwrap_or_else(|| "Allow".into());
        s.insert("Effect".into(), Value::String(effect));
        for (hcl, json) in [
            ("actions", "Action"),
            ("not_actions", "NotAction"),
            ("resources", "Resource"),
        ] {
            if let Some(l) = st.list(hcl) {
                s.insert(json.into(), l.into_iter().map(Value::String).collect());
            }
        }
        let mut principals = serde_json::Map::new();
        for p in st.blocks("principals") {
            let t = p.str("type").unwrap_or_else(|| "AWS".into());
            let ids = p.list("identifiers").unwrap_or_default();
            principals.insert(t, ids.into_iter().map(Value::String).collect());
        }
        if !principals.is_empty() {
            s.insert("Principal".into(), Value::Object(principals));
        }
        if st.has_block("condition") {
            s.insert("Condition".into(), Value::Object(Default::default()));
        }
        statements.push(Value::Object(s));
    }
    if !statements.is_empty() {
        let doc = serde_json::json!({ "Statement": statements });
        report_policy(&doc, None, out);
    }
}

// ---------------------------------------------------------------------------------------------
// Public exposure beyond security groups (CO005 storage, CO106 endpoints).
// ---------------------------------------------------------------------------------------------

const EVERYWHERE: [&str; 2] = ["0.0.0.0/0", "::/0"];

fn exposure(rtype: &str, r: R<'_>, out: &mut Out<'_, '_>) {
    match rtype {
        "aws_db_instance"
        | "aws_rds_cluster_instance"
        | "aws_redshift_cluster"
        | "aws_dms_replication_instance"
            if r.is_true("publicly_accessible") =>
        {
            out.push(
                "CO106",
                None,
                format!(
                    "publicly_accessible = true{}: the database gets an internet-facing address",
                    r.via("publicly_accessible")
                ),
            );
        }
        "aws_eks_cluster" => {
            if let Some(vpc) = r.block("vpc_config") {
                let public = !vpc.is_false("endpoint_public_access");
                let cidrs = vpc.list("public_access_cidrs");
                let open = match (&vpc.v("public_access_cidrs"), cidrs) {
                    (V::Absent, _) => true,
                    (_, Some(c)) => c.iter().any(|c| EVERYWHERE.contains(&c.as_str())),
                    _ => false,
                };
                if public && open {
                    out.push("CO106", None, "the Kubernetes API endpoint is public and open to 0.0.0.0/0 (set endpoint_public_access = false or public_access_cidrs)".into());
                }
            }
        }
        "google_sql_database_instance" => {
            for ip in r
                .blocks("settings")
                .flat_map(|s| s.blocks("ip_configuration"))
            {
                for n in ip.blocks("authorized_networks") {
                    if let Some(v) = n.str("value").filter(|v| EVERYWHERE.contains(&v.as_str())) {
                        out.push("CO106", None, format!("Cloud SQL authorizes {v}: the database accepts connections from the whole internet"));
                    }
                }
            }
        }
        "google_container_cluster" => {
            let private_endpoint = r
                .block("private_cluster_config")
                .is_some_and(|p| !p.not_true("enable_private_endpoint"));
            if !private_endpoint {
                match r.block("master_authorized_networks_config") {
                    None if !r.dynamic("master_authorized_networks_config") => out.push(
                        "CO106",
                        None,
                        "the GKE control plane is reachable from any address (no master_authorized_networks_config)".into(),
                    ),
                    Some(m) => {
                        for c in m.blocks("cidr_blocks") {
                            if let Some(v) = c.str("cidr_block").filter(|v| EVERYWHERE.contains(&v.as_str())) {
                                out.push("CO106", None, format!("the GKE control plane authorizes {v}"));
                            }
                        }
                    }
                    None => {}
                }
            }
        }
        "azurerm_mssql_server"
        | "azurerm_sql_server"
        | "azurerm_postgresql_server"
        | "azurerm_mysql_server"
        | "azurerm_postgresql_flexible_server"
        | "azurerm_mysql_flexible_server"
        | "azurerm_key_vault"
        | "azurerm_storage_account"
        | "azurerm_cosmosdb_account" => {
            let has_private_net = r
                .block("network_acls")
                .is_some_and(|n| n.str("default_action").as_deref() == Some("Deny"))
                || r.block("network_rules")
                    .is_some_and(|n| n.str("default_action").as_deref() == Some("Deny"));
            // azurerm_sql_server predates the setting; flexible servers with a delegated
            // subnet have no public access at all.
            let applies = rtype != "azurerm_sql_server" && r.absent("delegated_subnet_id");
            if applies && !has_private_net && !r.is_false("public_network_access_enabled") {
                out.push(
                    "CO106",
                    Some(Severity::Medium),
                    format!(
                        "public network access is enabled{}{}",
                        if r.absent("public_network_access_enabled") {
                            " (the default)"
                        } else {
                            ""
                        },
                        r.via("public_network_access_enabled")
                    ),
                );
            }
            if rtype == "azurerm_storage_account" {
                for key in [
                    "allow_blob_public_access",
                    "allow_nested_items_to_be_public",
                ] {
                    if r.is_true(key) {
                        out.push(
                            "CO005",
                            None,
                            format!(
                                "{key} = true{}: containers may allow anonymous reads",
                                r.via(key)
                            ),
                        );
                    }
                }
            }
        }
        "azurerm_storage_container" => {
            if let Some(t) = r
                .str("container_access_type")
                .filter(|t| t == "blob" || t == "container")
            {
                out.push(
                    "CO005",
                    None,
                    format!("container_access_type = \"{t}\": anyone can read its blobs"),
                );
            }
        }
        "alicloud_oss_bucket" => {
            if let Some(acl) = r.str("acl").filter(|a| a.starts_with("public-")) {
                out.push("CO005", None, format!("bucket ACL is {acl}"));
            }
        }
        "oci_objectstorage_bucket" => {
            if let Some(t) = r.str("access_type").filter(|t| t.starts_with("ObjectRead")) {
                out.push(
                    "CO005",
                    None,
                    format!("access_type = \"{t}\": anyone can read its objects"),
                );
            }
        }
        "google_storage_bucket_acl" => {
            if let Some(acl) = r.str("predefined_acl").filter(|a| a.starts_with("public")) {
                out.push("CO005", None, format!("predefined ACL is {acl}"));
            }
        }
        "google_bigquery_dataset" => {
            for a in r.blocks("access") {
                let who = a.str("special_group").or_else(|| a.str("iam_member"));
                if let Some(w) = who.filter(|w| w == "allUsers" || w == "allAuthenticatedUsers") {
                    out.push("CO005", None, format!("dataset is shared with {w}"));
                }
            }
        }
        "alicloud_db_instance" => {
            if let Some(ips) = r.list("security_ips") {
                if ips.iter().any(|i| i == "0.0.0.0/0" || i == "0.0.0.0") {
                    out.push("CO106", None, "security_ips allow 0.0.0.0/0: the database accepts connections from the whole internet".into());
                }
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// Logging (CO107).
// ---------------------------------------------------------------------------------------------

fn logging(rtype: &str, r: R<'_>, address: &str, known: &Known, out: &mut Out<'_, '_>) {
    let mut missing = |what: &str| out.push("CO107", None, what.to_string());
    match rtype {
        "aws_s3_bucket"
            if !r.has_block("logging")
                && !known.configured_by(address, "aws_s3_bucket_logging") =>
        {
            missing("no server access logging (no logging block, no aws_s3_bucket_logging)")
        }
        "aws_lb" | "aws_alb" | "aws_elb" => match r.block("access_logs") {
            None if !r.dynamic("access_logs") => missing("no access logs (access_logs)"),
            Some(l) if l.is_false("enabled") => {
                missing("access logs are disabled (access_logs.enabled = false)")
            }
            _ => {}
        },
        "aws_elasticsearch_domain" | "aws_opensearch_domain"
            if !r.has_block("log_publishing_options") =>
        {
            missing("publishes no logs (no log_publishing_options, so no audit or error logs)")
        }
        "aws_neptune_cluster" | "aws_docdb_cluster"
            if r.absent("enable_cloudwatch_logs_exports") =>
        {
            missing("exports no logs to CloudWatch (enable_cloudwatch_logs_exports)")
        }
        "aws_rds_cluster" | "aws_db_instance" if r.absent("enabled_cloudwatch_logs_exports") => {
            missing("exports no logs to CloudWatch (enabled_cloudwatch_logs_exports)")
        }
        "aws_eks_cluster"
            if r.list("enabled_cluster_log_types")
                .is_none_or(|l| l.is_empty())
                && r.absent("enabled_cluster_log_types") =>
        {
            missing("no control-plane logging (enabled_cluster_log_types)")
        }
        "aws_vpc" if !known.configured_by(address, "aws_flow_log") => {
            missing("no VPC flow log (no aws_flow_log for this VPC in the module)")
        }
        "aws_cloudtrail" if r.is_false("enable_logging") => {
            missing("the trail does not log (enable_logging = false)")
        }
        "aws_cloudfront_distribution" if !r.has_block("logging_config") => {
            missing("no access logs (logging_config)")
        }
        "aws_api_gateway_stage" if !r.has_block("access_log_settings") => {
            missing("no access logs (access_log_settings)")
        }
        "azurerm_mssql_server" | "azurerm_sql_server"
            if !r.has_block("extended_auditing_policy")
                && !known
                    .configured_by(address, "azurerm_mssql_server_extended_auditing_policy")
                && !known.configured_by(address, "azurerm_monitor_diagnostic_setting") =>
        {
            missing("auditing is off (no extended_auditing_policy)")
        }
        "azurerm_app_service" if !r.has_block("logs") => {
            missing("no HTTP or application logs (logs)")
        }
        "azurerm_kubernetes_cluster"
            if !r.has_block("oms_agent")
                && !r.block("addon_profile").is_some_and(|a| {
                    a.blocks("oms_agent").any(|o| !o.is_false("enabled")) || a.dynamic("oms_agent")
                })
                && !known.configured_by(address, "azurerm_monitor_diagnostic_setting") =>
        {
            missing("no monitoring of the cluster's logs (oms_agent)")
        }
        "google_storage_bucket" if !r.has_block("logging") => {
            missing("no access logging (logging)")
        }
        "google_compute_subnetwork" if !r.has_block("log_config") => {
            missing("no VPC flow logs (log_config)")
        }
        "google_container_cluster" if r.str("logging_service").as_deref() == Some("none") => {
            missing("cluster logging is off (logging_service = \"none\")")
        }
        "alicloud_oss_bucket" if !r.has_block("logging") => missing("no access logging (logging)"),
        "alicloud_actiontrail" | "alicloud_actiontrail_trail" => {
            if r.str("trail_region").is_some_and(|x| x != "All") {
                missing("the trail logs one region only (trail_region)")
            } else if r.str("event_rw").is_some_and(|x| x != "All") {
                missing("the trail logs only some events (event_rw)")
            }
        }
        "oci_objectstorage_bucket" if r.not_true("object_events_enabled") => {
            missing("emits no object events (object_events_enabled)")
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// Backups (CO108) and deletion protection (CO007).
// ---------------------------------------------------------------------------------------------

fn resilience(rtype: &str, r: R<'_>, address: &str, known: &Known, out: &mut Out<'_, '_>) {
    match rtype {
        "aws_db_instance" | "aws_rds_cluster" | "aws_neptune_cluster" | "aws_docdb_cluster" => {
            if r.not_true("deletion_protection") {
                out.push("CO007", Some(Severity::Medium), format!(
                    "deletion protection is off (deletion_protection{}): one destroy deletes the database",
                    if r.absent("deletion_protection") { " is not set, and it defaults to false" } else { " = false" }
                ));
            }
            match r.num("backup_retention_period") {
                Some(0.0) => out.push("CO108", Some(Severity::Medium), "automated backups are off (backup_retention_period = 0)".into()),
                Some(n) if n > 0.0 && n < 7.0 => out.push("CO108", Some(Severity::Low), format!("backups are kept {n} day(s), less than a week (backup_retention_period)")),
                _ => {}
            }
        }
        "google_sql_database_instance" => {
            if r.is_false("deletion_protection") {
                out.push("CO007", Some(Severity::Medium), "deletion_protection = false".into());
            }
            let backups = r.blocks("settings").any(|s| {
                s.block("backup_configuration").is_some_and(|b| !b.not_true("enabled"))
                    || s.dynamic("backup_configuration")
            });
            if !backups && !r.dynamic("settings") {
                out.push("CO108", None, "automated backups are off (settings.backup_configuration.enabled)".into());
            }
        }
        "azurerm_key_vault" if r.not_true("purge_protection_enabled") => {
            out.push("CO007", Some(Severity::Medium), "purge protection is off (purge_protection_enabled): a deleted vault and its keys can be purged at once".into())
        }
        "azurerm_postgresql_server" | "azurerm_mysql_server" if r.not_true("geo_redundant_backup_enabled") => {
            out.push("CO108", Some(Severity::Low), "backups are not geo-redundant (geo_redundant_backup_enabled)".into())
        }
        "aws_s3_bucket" => {
            let versioned = r.block("versioning").map(|v| !v.not_true("enabled"))
                .unwrap_or(r.dynamic("versioning"))
                || known.configured_by(address, "aws_s3_bucket_versioning");
            if !versioned {
                out.push("CO108", Some(Severity::Low), "objects are not versioned (no versioning, no aws_s3_bucket_versioning): an overwrite or delete cannot be undone".into());
            }
        }
        "google_storage_bucket" | "alicloud_oss_bucket" => {
            let versioned = r.block("versioning").map(|v| !v.not_true("enabled")).unwrap_or(r.dynamic("versioning"));
            if !versioned {
                out.push("CO108", Some(Severity::Low), "objects are not versioned (versioning)".into());
            }
        }
        "oci_objectstorage_bucket" if r.str("versioning").as_deref() != Some("Enabled") && matches!(r.v("versioning"), V::Absent | V::Str(_)) => {
            out.push("CO108", Some(Severity::Low), "objects are not versioned (versioning)".into())
        }
        "azurerm_storage_account" => {
            let soft_delete = r.block("blob_properties").is_some_and(|b| b.has_block("delete_retention_policy")) || r.dynamic("blob_properties");
            if !soft_delete {
                out.push("CO108", Some(Severity::Low), "deleted blobs are not kept (no blob_properties.delete_retention_policy)".into());
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// Transport: TLS and HTTPS only (CO109).
// ---------------------------------------------------------------------------------------------

fn old_tls(v: &str) -> bool {
    let v = v.to_ascii_uppercase().replace(['_', '.'], "");
    [
        "TLS10",
        "TLS11",
        "10",
        "11",
        "TLSENFORCEMENTDISABLED",
        "DISABLED",
    ]
    .contains(&v.as_str())
}

fn transport(rtype: &str, r: R<'_>, out: &mut Out<'_, '_>) {
    let mut push = |m: String| out.push("CO109", None, m);
    match rtype {
        "aws_elb" => {
            for l in r.blocks("listener") {
                if let Some(p) = l
                    .str("lb_protocol")
                    .filter(|p| p.eq_ignore_ascii_case("http") || p.eq_ignore_ascii_case("tcp"))
                {
                    push(format!(
                        "a listener accepts {} without TLS",
                        p.to_ascii_uppercase()
                    ));
                }
            }
        }
        "aws_lb_listener" | "aws_alb_listener" => {
            let redirects = r
                .blocks("default_action")
                .any(|a| a.str("type").as_deref() == Some("redirect"));
            if r.str("protocol")
                .is_some_and(|p| p.eq_ignore_ascii_case("http"))
                && !redirects
            {
                push("the listener serves plain HTTP and does not redirect to HTTPS".into());
            }
        }
        "aws_elasticsearch_domain" | "aws_opensearch_domain" => match r
            .block("domain_endpoint_options")
        {
            None => push("HTTPS is not enforced (no domain_endpoint_options)".into()),
            Some(o) => {
                if o.not_true("enforce_https") {
                    push("HTTPS is not enforced (domain_endpoint_options.enforce_https)".into());
                }
                if o.str("tls_security_policy")
                    .is_some_and(|p| p.contains("2019-07"))
                {
                    push("the TLS policy accepts TLS 1.0 (tls_security_policy)".into());
                }
            }
        },
        "aws_cloudfront_distribution" => {
            let behaviors = r
                .blocks("default_cache_behavior")
                .chain(r.blocks("ordered_cache_behavior"));
            for b in behaviors {
                if b.str("viewer_protocol_policy").as_deref() == Some("allow-all") {
                    push(
                        "viewers may use plain HTTP (viewer_protocol_policy = \"allow-all\")"
                            .into(),
                    );
                }
            }
        }
        "azurerm_app_service"
        | "azurerm_linux_web_app"
        | "azurerm_windows_web_app"
        | "azurerm_function_app"
        | "azurerm_linux_function_app"
        | "azurerm_windows_function_app" => {
            if r.not_true("https_only") {
                push(format!(
                    "plain HTTP is accepted (https_only{})",
                    if r.absent("https_only") {
                        " defaults to false"
                    } else {
                        " = false"
                    }
                ));
            }
            for s in r.blocks("site_config") {
                if let Some(v) = s.str("min_tls_version").filter(|v| old_tls(v)) {
                    push(format!("accepts TLS {v} (site_config.min_tls_version)"));
                }
            }
        }
        "azurerm_storage_account" => {
            if r.is_false("enable_https_traffic_only") || r.is_false("https_traffic_only_enabled") {
                push("plain HTTP is accepted (https_traffic_only_enabled = false)".into());
            }
            // Not set is not reported: azurerm >= 3 defaults to TLS1_2, and Azure Storage
            // stopped accepting TLS 1.0/1.1 in 2026 whatever the account says.
            if let Some(v) = r.str("min_tls_version").filter(|v| old_tls(v)) {
                push(format!("accepts {v} (min_tls_version)"));
            }
        }
        "azurerm_mssql_server" | "azurerm_sql_server" => {
            if let Some(v) = r.str("minimum_tls_version").filter(|v| old_tls(v)) {
                push(format!("accepts TLS {v} (minimum_tls_version)"));
            }
        }
        "azurerm_mysql_server" | "azurerm_postgresql_server" => {
            if r.is_false("ssl_enforcement_enabled") {
                push(
                    "connections without TLS are accepted (ssl_enforcement_enabled = false)".into(),
                );
            }
            if let Some(v) = r
                .str("ssl_minimal_tls_version_enforced")
                .filter(|v| old_tls(v))
            {
                push(format!("accepts {v} (ssl_minimal_tls_version_enforced)"));
            }
        }
        "azurerm_application_gateway" => {
            for l in r.blocks("http_listener") {
                if l.str("protocol")
                    .is_some_and(|p| p.eq_ignore_ascii_case("http"))
                {
                    push("a listener serves plain HTTP (http_listener.protocol = \"Http\")".into());
                }
            }
        }
        "google_sql_database_instance" => {
            for ip in r
                .blocks("settings")
                .flat_map(|s| s.blocks("ip_configuration"))
            {
                let ssl_mode = ip.str("ssl_mode");
                let required = ip.is_true("require_ssl")
                    || ssl_mode
                        .as_deref()
                        .is_some_and(|m| m != "ALLOW_UNENCRYPTED_AND_ENCRYPTED")
                    || matches!(ip.v("require_ssl"), V::Unknown)
                    || matches!(ip.v("ssl_mode"), V::Unknown);
                if !required {
                    push("connections without TLS are accepted (ip_configuration.require_ssl / ssl_mode)".into());
                }
            }
        }
        "alicloud_db_instance"
            if r.str("ssl_action").as_deref() != Some("Open")
                && matches!(r.v("ssl_action"), V::Absent | V::Str(_)) =>
        {
            push("TLS is not enabled (ssl_action)".into())
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// Customer-managed keys (CO110): encrypted, but with a key the provider manages.
// ---------------------------------------------------------------------------------------------

fn keys(rtype: &str, r: R<'_>, address: &str, known: &Known, out: &mut Out<'_, '_>) {
    let mut push = |what: &str| {
        out.push(
            "CO110",
            None,
            format!("encrypted with a provider-managed key, not one you control ({what})"),
        )
    };
    // Where encryption is off, CO006 says so; a key only matters once it is on.
    match rtype {
        "aws_s3_bucket" => {
            let kms_inline = r
                .blocks("server_side_encryption_configuration")
                .flat_map(|s| s.blocks("rule"))
                .flat_map(|x| x.blocks("apply_server_side_encryption_by_default"))
                .any(|d| !d.absent("kms_master_key_id"));
            let inline_dynamic = r.dynamic("server_side_encryption_configuration");
            if !kms_inline
                && !inline_dynamic
                && !known.configured_by(
                    address,
                    "aws_s3_bucket_server_side_encryption_configuration",
                )
            {
                push("no KMS key in the bucket's server-side encryption");
            }
        }
        "aws_s3_object" | "aws_s3_bucket_object" if r.absent("kms_key_id") => push("kms_key_id"),
        "aws_ebs_volume"
            if r.is_true("encrypted") && r.absent("kms_key_id") && r.absent("snapshot_id") =>
        {
            push("kms_key_id")
        }
        "aws_rds_cluster" | "aws_db_instance" | "aws_docdb_cluster"
            if r.is_true("storage_encrypted") && r.absent("kms_key_id") =>
        {
            push("kms_key_id")
        }
        "aws_neptune_cluster" if r.is_true("storage_encrypted") && r.absent("kms_key_arn") => {
            push("kms_key_arn")
        }
        "aws_elasticsearch_domain" | "aws_opensearch_domain" => {
            if let Some(e) = r.block("encrypt_at_rest") {
                if e.is_true("enabled") && e.absent("kms_key_id") {
                    push("encrypt_at_rest.kms_key_id");
                }
            }
        }
        "aws_ecr_repository" => {
            let kms = r
                .blocks("encryption_configuration")
                .any(|e| e.str("encryption_type").as_deref() == Some("KMS"));
            if !kms && !r.dynamic("encryption_configuration") {
                push("encryption_configuration.encryption_type = \"KMS\"");
            }
        }
        "alicloud_oss_bucket" => {
            let kms = r
                .blocks("server_side_encryption_rule")
                .any(|s| !s.absent("kms_master_key_id"));
            if !kms && !r.dynamic("server_side_encryption_rule") {
                push("server_side_encryption_rule.kms_master_key_id");
            }
        }
        "oci_objectstorage_bucket" if r.absent("kms_key_id") => push("kms_key_id"),
        "azurerm_storage_account"
            if !r.has_block("customer_managed_key")
                && !known
                    .configured_by(address, "azurerm_storage_account_customer_managed_key") =>
        {
            push("no customer_managed_key")
        }
        "azurerm_mysql_server" if !known.configured_by(address, "azurerm_mysql_server_key") => {
            push("no azurerm_mysql_server_key")
        }
        "azurerm_postgresql_server"
            if !known.configured_by(address, "azurerm_postgresql_server_key") =>
        {
            push("no azurerm_postgresql_server_key")
        }
        "azurerm_managed_disk"
            if r.absent("disk_encryption_set_id")
                && !r.is_false_in("encryption_settings", "enabled") =>
        {
            push("disk_encryption_set_id")
        }
        _ => {}
    }
}

impl R<'_> {
    fn is_false_in(&self, block: &str, key: &str) -> bool {
        self.blocks(block).any(|b| b.is_false(key))
    }
}

// ---------------------------------------------------------------------------------------------
// Encryption at rest beyond what `rules` already reads (CO006).
// ---------------------------------------------------------------------------------------------

fn at_rest(rtype: &str, r: R<'_>, out: &mut Out<'_, '_>) {
    match rtype {
        "aws_instance" => {
            if !r.has_block("root_block_device") {
                out.push("CO006", Some(Severity::Medium), "the root volume is not encrypted unless the AMI's snapshot or the account's EBS default encryption is (no root_block_device { encrypted = true })".into());
            } else {
                for d in r.blocks("root_block_device") {
                    if d.absent("encrypted") {
                        out.push(
                            "CO006",
                            Some(Severity::Medium),
                            "root_block_device does not set encrypted, and it defaults to false"
                                .into(),
                        );
                    }
                }
            }
        }
        "aws_elasticsearch_domain" | "aws_opensearch_domain" => match r.block("encrypt_at_rest") {
            None if !r.dynamic("encrypt_at_rest") => out.push(
                "CO006",
                None,
                "data at rest is not encrypted (no encrypt_at_rest)".into(),
            ),
            Some(e) if e.is_false("enabled") => {
                out.push("CO006", None, "encrypt_at_rest.enabled = false".into())
            }
            _ => {}
        },
        "azurerm_managed_disk" if r.is_false_in("encryption_settings", "enabled") => out.push(
            "CO006",
            None,
            "disk encryption is disabled (encryption_settings.enabled = false)".into(),
        ),
        "azurerm_windows_virtual_machine" | "azurerm_linux_virtual_machine"
            if r.not_true("encryption_at_host_enabled") =>
        {
            out.push(
                "CO006",
                Some(Severity::Low),
                "temporary disks and caches are not encrypted (encryption_at_host_enabled)".into(),
            )
        }
        _ => {}
    }
}
