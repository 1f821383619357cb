//! Rules for Terraform code, before anything is planned. Risks that `plan analyze` also sees
//! keep its rule IDs (CO004 open ingress, CO005 public bucket, CO006 encryption), so one
//! vocabulary covers code and plans; code-only concerns are CO100 onwards.

use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};
use hcl_edit::visit::{self, Visit};
use hcl_edit::Span;

use super::module::{boolean, literal, object_key, strings, FileCtx, ModuleFacts};
use super::secrets;
use super::{ModuleCall, Pinning, ScanFinding};
use crate::plan::report::Severity;
use crate::plan::rules::RuleInfo;

/// Rules only code has; CO004–CO006 are `plan::rules`' own, applied to code here.
pub const RULES: &[RuleInfo] = &[
    RuleInfo { id: "CO100", name: "unparseable-file", severity: Severity::Medium,
        rationale: "A file that is not valid HCL cannot be checked, and terraform will refuse it too." },
    RuleInfo { id: "CO101", name: "hardcoded-secret", severity: Severity::Critical,
        rationale: "Credentials in code end up in every clone, fork, CI log and backup; rotate them and read them from a secret store or a sensitive variable." },
    RuleInfo { id: "CO102", name: "unpinned-module", severity: Severity::Medium,
        rationale: "A module without a version or a git ref to a tag or commit changes under you at the next init." },
    RuleInfo { id: "CO103", name: "unpinned-provider", severity: Severity::Medium,
        rationale: "A provider without a version constraint upgrades to the newest major release at the next init, with its breaking changes." },
    RuleInfo { id: "CO104", name: "local-state", severity: Severity::Medium,
        rationale: "Without a remote backend the state lives on one machine: no locking, no sharing, easily lost, and it holds secrets in plain text." },
    RuleInfo { id: "CO105", name: "terraform-version-unpinned", severity: Severity::Low,
        rationale: "Without required_version any Terraform version may run the code and upgrade the state format." },
    RuleInfo { id: "CO106", name: "public-endpoint", severity: Severity::High,
        rationale: "A database, cluster API or service endpoint reachable from the whole internet is one leaked password or unpatched bug away from a breach; keep it private and reach it through a VPN, bastion or private link." },
    RuleInfo { id: "CO107", name: "logging-disabled", severity: Severity::Medium,
        rationale: "Without access, audit or flow logs there is no record of who did what: incidents cannot be investigated and compliance evidence is missing." },
    RuleInfo { id: "CO108", name: "backups-disabled", severity: Severity::Medium,
        rationale: "Without automated backups, versioning or soft delete, a mistaken delete, an overwrite or ransomware loses the data for good." },
    RuleInfo { id: "CO109", name: "plaintext-transport", severity: Severity::High,
        rationale: "Plain HTTP, unenforced TLS or TLS 1.0/1.1 lets anyone on the path read or change the traffic, credentials included." },
    RuleInfo { id: "CO110", name: "provider-managed-key", severity: Severity::Low,
        rationale: "Data encrypted with the provider's default key cannot be made unreadable by revoking the key, and key use is not auditable or separable by team; use a customer-managed key for sensitive data." },
];

/// Code rules, and the plan rules whose IDs they share (CO004–CO006).
pub fn rule(id: &str) -> &'static RuleInfo {
    RULES
        .iter()
        .chain(crate::plan::rules::RULES)
        .find(|r| r.id == id)
        .expect("rule ids are constants of this module or of plan::rules")
}

pub fn finding(
    id: &str,
    ctx: &FileCtx<'_>,
    line: Option<usize>,
    address: Option<String>,
    message: String,
) -> ScanFinding {
    let r = rule(id);
    ScanFinding {
        rule: r.id.to_string(),
        rule_name: r.name.to_string(),
        severity: r.severity,
        file: ctx.path.to_string(),
        line,
        address,
        message,
    }
}

/// Known credential formats on any line of a file's text: literals, heredocs, comments, and
/// files that do not even parse.
pub fn known_secrets_in_text(ctx: &FileCtx<'_>, findings: &mut Vec<ScanFinding>) {
    for (i, line) in ctx.text.lines().enumerate() {
        for h in secrets::known_formats(line) {
            findings.push(finding(
                "CO101",
                ctx,
                Some(i + 1),
                None,
                format!(
                    "{} ({} characters, masked); remove it, rotate it, and read it from a secret store or a sensitive variable",
                    h.kind, h.len
                ),
            ));
        }
    }
}

/// Random-looking literals assigned to secret-named attributes (or object keys, or variable
/// defaults): the credentials no format gives away.
pub fn secrets_in(body: &Body, ctx: &FileCtx<'_>, findings: &mut Vec<ScanFinding>) {
    let mut v = SecretVisitor {
        ctx,
        keys: Vec::new(),
        findings,
    };
    v.visit_body(body);
}

struct SecretVisitor<'a, 'b> {
    ctx: &'a FileCtx<'a>,
    /// The attribute, object key or `variable` name the current value is assigned to.
    keys: Vec<String>,
    findings: &'b mut Vec<ScanFinding>,
}

impl SecretVisitor<'_, '_> {
    fn check(&mut self, text: &str, span: Option<std::ops::Range<usize>>, whole_literal: bool) {
        let key = self.keys.last().cloned().unwrap_or_default();
        // Known formats are found line by line in the raw text; only count the rest here.
        if !whole_literal || !secrets::known_formats(text).is_empty() {
            return;
        }
        let hits: Vec<secrets::Hit> = secrets::looks_random(&key, text).into_iter().collect();
        for h in hits {
            let at = if key.is_empty() {
                String::new()
            } else {
                format!(" in `{key}`")
            };
            self.findings.push(finding(
                "CO101",
                self.ctx,
                self.ctx.line_of(span.clone()),
                None,
                format!(
                    "{}{at} ({} characters, masked); move it to a secret store or a sensitive variable and rotate it",
                    h.kind, h.len
                ),
            ));
        }
    }
}

impl Visit for SecretVisitor<'_, '_> {
    fn visit_block(&mut self, node: &Block) {
        // `variable "db_password" { default = "..." }`: the variable's name is the key.
        let named = node.ident.as_str() == "variable";
        if named {
            self.keys.push(
                node.labels
                    .first()
                    .map(|l| l.as_str().to_string())
                    .unwrap_or_default(),
            );
        }
        // Only the body: a block's labels are names (`variable "db_password"`), not values.
        self.visit_body(&node.body);
        if named {
            self.keys.pop();
        }
    }

    fn visit_attr(&mut self, node: &hcl_edit::structure::Attribute) {
        let key = node.key.as_str();
        // A variable's `default` speaks for the variable.
        let push = key != "default" || self.keys.is_empty();
        if push {
            self.keys.push(key.to_string());
        }
        visit::visit_attr(self, node);
        if push {
            self.keys.pop();
        }
    }

    fn visit_object_item(
        &mut self,
        key: &hcl_edit::expr::ObjectKey,
        value: &hcl_edit::expr::ObjectValue,
    ) {
        self.keys.push(object_key(key).unwrap_or_default());
        visit::visit_object_item(self, key, value);
        self.keys.pop();
    }

    fn visit_string(&mut self, node: &hcl_edit::Decorated<String>) {
        self.check(node.value(), node.span(), true);
    }

    fn visit_literal(&mut self, node: &hcl_edit::Spanned<String>) {
        self.check(node.value(), node.span(), false);
    }
}

/// Rules on one `resource` block.
pub fn resource_rules(
    rtype: &str,
    name: &str,
    block: &Block,
    ctx: &FileCtx<'_>,
    findings: &mut Vec<ScanFinding>,
) {
    let address = format!("{rtype}.{name}");
    let body = &block.body;
    let line = |b: &dyn Span| ctx.line_of(b.span());
    let mut push = |id: &str, line: Option<usize>, message: String| {
        findings.push(finding(id, ctx, line, Some(address.clone()), message));
    };
    let open = |cidrs: &[String]| cidrs.iter().any(|c| c == "0.0.0.0/0" || c == "::/0");
    match rtype {
        "aws_security_group" => {
            // `ingress { }` blocks, `dynamic "ingress" { content { } }`, and the attribute
            // form `ingress = [{ ... }]`.
            let dynamic = body
                .get_blocks("dynamic")
                .filter(|d| d.labels.first().is_some_and(|l| l.as_str() == "ingress"))
                .flat_map(|d| d.body.get_blocks("content"));
            for ingress in body.get_blocks("ingress").chain(dynamic) {
                let mut cidrs = strings(&ingress.body, "cidr_blocks");
                cidrs.extend(strings(&ingress.body, "ipv6_cidr_blocks"));
                if open(&cidrs) {
                    push("CO004", line(ingress), ingress_text(&ingress.body));
                }
            }
            if let Some(attr) = body.get_attribute("ingress") {
                if let Expression::Array(items) = &attr.value {
                    for item in items.iter() {
                        let Expression::Object(o) = item else {
                            continue;
                        };
                        let cidrs: Vec<String> = o
                            .iter()
                            .filter(|(k, _)| {
                                matches!(
                                    object_key(k).as_deref(),
                                    Some("cidr_blocks" | "ipv6_cidr_blocks")
                                )
                            })
                            .flat_map(|(_, v)| match v.expr() {
                                Expression::Array(a) => a
                                    .iter()
                                    .filter_map(super::module::string)
                                    .collect::<Vec<_>>(),
                                e => super::module::string(e).into_iter().collect::<Vec<_>>(),
                            })
                            .collect();
                        if open(&cidrs) {
                            push(
                                "CO004",
                                line(attr),
                                "ingress from the whole internet".into(),
                            );
                        }
                    }
                }
            }
        }
        "azurerm_network_security_group" => {
            for rule in body.get_blocks("security_rule") {
                let b = &rule.body;
                if literal(b, "direction").as_deref() == Some("Inbound")
                    && literal(b, "access").as_deref() == Some("Allow")
                {
                    let Some(src) = azure_open_source(b) else {
                        continue;
                    };
                    push(
                        "CO004",
                        line(rule),
                        format!("inbound rule allows source {src}"),
                    );
                }
            }
        }
        "aws_security_group_rule" if literal(body, "type").as_deref() == Some("ingress") => {
            let mut cidrs = strings(body, "cidr_blocks");
            cidrs.extend(strings(body, "ipv6_cidr_blocks"));
            if open(&cidrs) {
                push("CO004", line(block), ingress_text(body));
            }
        }
        "aws_vpc_security_group_ingress_rule" => {
            let mut cidrs = strings(body, "cidr_ipv4");
            cidrs.extend(strings(body, "cidr_ipv6"));
            if open(&cidrs) {
                push("CO004", line(block), ingress_text(body));
            }
        }
        // A `deny` rule or a disabled rule lets nothing in, from anywhere.
        "google_compute_firewall"
            if literal(body, "direction").is_none_or(|d| d.eq_ignore_ascii_case("INGRESS"))
                && body.get_blocks("allow").next().is_some()
                && boolean(body, "disabled") != Some(true)
                && open(&strings(body, "source_ranges")) =>
        {
            push(
                "CO004",
                line(block),
                "firewall allows sources 0.0.0.0/0".into(),
            );
        }
        "azurerm_network_security_rule"
            if literal(body, "direction").as_deref() == Some("Inbound")
                && literal(body, "access").as_deref() == Some("Allow") =>
        {
            if let Some(src) = azure_open_source(body) {
                push(
                    "CO004",
                    line(block),
                    format!("inbound rule allows source {src}"),
                );
            }
        }
        "aws_s3_bucket" | "aws_s3_bucket_acl" => {
            if let Some(acl) = literal(body, "acl")
                .filter(|a| a.starts_with("public-") || a == "authenticated-read")
            {
                push("CO005", line(block), format!("bucket ACL is {acl}"));
            }
        }
        "aws_s3_bucket_public_access_block" | "aws_s3_account_public_access_block" => {
            for flag in [
                "block_public_acls",
                "block_public_policy",
                "ignore_public_acls",
                "restrict_public_buckets",
            ] {
                if boolean(body, flag) == Some(false) {
                    push("CO005", line(block), format!("{flag} = false"));
                }
            }
        }
        "google_storage_bucket_iam_member" | "google_storage_bucket_iam_binding" => {
            let mut members = strings(body, "members");
            members.extend(strings(body, "member"));
            if let Some(m) = members
                .iter()
                .find(|m| *m == "allUsers" || *m == "allAuthenticatedUsers")
            {
                push("CO005", line(block), format!("bucket is granted to {m}"));
            }
        }
        _ => {}
    }
    // Storage that AWS leaves unencrypted unless told otherwise.
    let encryption = match rtype {
        "aws_ebs_volume" | "aws_efs_file_system" => Some(("encrypted", true)),
        "aws_db_instance" | "aws_rds_cluster" | "aws_docdb_cluster" | "aws_neptune_cluster" => {
            Some(("storage_encrypted", true))
        }
        "aws_redshift_cluster" => Some(("encrypted", false)),
        "aws_elasticache_replication_group" => Some(("at_rest_encryption_enabled", false)),
        _ => None,
    };
    // Disks declared inside instances and launch templates.
    let disks = ["root_block_device", "ebs_block_device", "ebs"];
    for disk in block_tree(body).filter(|b| disks.contains(&b.ident.as_str())) {
        if boolean(&disk.body, "encrypted") == Some(false) {
            push(
                "CO006",
                line(disk),
                format!("{} encrypted = false", disk.ident.as_str()),
            );
        }
    }
    if let Some((attr, defaults_off)) = encryption.filter(|_| !inherits_encryption(body)) {
        match body.get_attribute(attr) {
            Some(a) if matches!(&a.value, Expression::Bool(b) if !*b.value()) => {
                push("CO006", line(a), format!("{attr} = false"));
            }
            None if defaults_off => {
                push(
                    "CO006",
                    line(block),
                    format!("{attr} is not set, and it defaults to false"),
                );
            }
            _ => {}
        }
    }
}

/// Aurora Serverless v1 is always encrypted; replicas, clones and restores from a snapshot
/// take the encryption of their source.
fn inherits_encryption(body: &Body) -> bool {
    literal(body, "engine_mode").as_deref() == Some("serverless")
        || REPLICA_OF
            .iter()
            .chain(&[
                "snapshot_identifier",
                "snapshot_id",
                "source_db_cluster_identifier",
            ])
            .any(|k| body.get_attribute(k).is_some())
        || body.get_blocks("restore_to_point_in_time").next().is_some()
}

/// The attributes that make a database a read replica of another, whose settings it inherits.
pub(super) const REPLICA_OF: [&str; 2] = ["replicate_source_db", "replication_source_identifier"];

/// The internet-wide source of an Azure rule, in `source_address_prefix` or the plural
/// `source_address_prefixes`.
fn azure_open_source(b: &Body) -> Option<String> {
    let mut sources = strings(b, "source_address_prefixes");
    sources.extend(literal(b, "source_address_prefix"));
    sources
        .into_iter()
        .find(|s| ["*", "0.0.0.0/0", "Internet", "Any"].contains(&s.as_str()))
}

/// Every block nested in `body`, at any depth.
fn block_tree(body: &Body) -> impl Iterator<Item = &Block> {
    let mut stack: Vec<&Block> = body.blocks().collect();
    std::iter::from_fn(move || {
        let b = stack.pop()?;
        stack.extend(b.body.blocks());
        Some(b)
    })
}

fn ingress_text(body: &Body) -> String {
    let port = |k: &str| {
        body.get_attribute(k).map(|a| match &a.value {
            Expression::Number(n) => n.value().to_string(),
            e => super::module::string(e).unwrap_or_else(|| "?".into()),
        })
    };
    match (port("from_port"), port("to_port")) {
        (Some(f), Some(t)) if f == t => format!("ingress from the whole internet on port {f}"),
        (Some(f), Some(t)) => format!("ingress from the whole internet on ports {f}-{t}"),
        _ => "ingress from the whole internet".into(),
    }
}

pub fn module_rules(
    call: &ModuleCall,
    block: &Block,
    ctx: &FileCtx<'_>,
    findings: &mut Vec<ScanFinding>,
) {
    if call.pinning != Pinning::Unpinned {
        return;
    }
    let source = call.source.as_deref().unwrap_or_default();
    let why = if source.contains("ref=") {
        "its git ref is a branch, not a tag or commit"
    } else if source.contains("git") {
        "it follows the repository's default branch (add ?ref=<tag or commit>)"
    } else {
        "it has no version (add version = \"x.y.z\")"
    };
    findings.push(finding(
        "CO102",
        ctx,
        ctx.line_of(block.span()),
        Some(format!("module.{}", call.name)),
        format!("module source {source}: {why}"),
    ));
}

/// Rules about a root module as a whole.
pub fn root_rules(facts: &ModuleFacts, findings: &mut Vec<ScanFinding>) {
    let (file, line) = &facts.anchor;
    let ctx = FileCtx::new(file, "");
    let root = &facts.root;
    let at = |dir: &str| {
        if dir == "." {
            "the root module".to_string()
        } else {
            format!("root module {dir}")
        }
    };
    // Only roots that manage something (directly or through modules) keep state worth
    // protecting.
    let manages = !root.resources.is_empty() || !root.modules.is_empty();
    if manages && matches!(root.backend.as_deref(), None | Some("local")) {
        findings.push(finding(
            "CO104",
            &ctx,
            *line,
            None,
            format!(
                "{} keeps its state locally (no remote backend)",
                at(&root.dir)
            ),
        ));
    }
    if root.required_version.is_none() {
        findings.push(finding(
            "CO105",
            &ctx,
            *line,
            None,
            format!(
                "{} does not set terraform {{ required_version }}",
                at(&root.dir)
            ),
        ));
    }
    for p in &root.providers {
        // The built-in provider ships with Terraform itself.
        if p.version.is_none() && p.name != "terraform" {
            findings.push(finding(
                "CO103",
                &ctx,
                *line,
                None,
                format!(
                    "provider {} in {} has no version constraint (required_providers)",
                    p.name,
                    at(&root.dir)
                ),
            ));
        }
    }
}
