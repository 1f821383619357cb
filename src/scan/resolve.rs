//! What a module knows of itself before its resources are checked: literal variable defaults
//! and locals (so `publicly_accessible = var.public` is judged by the default it would take),
//! and which resources are configured by another one (an `aws_s3_bucket_logging` naming a
//! bucket), so that a setting moved to its own resource is not reported as missing.

use std::collections::{BTreeMap, BTreeSet};

use hcl_edit::expr::{Expression, TraversalOperator};
use hcl_edit::structure::{Block, Body};
use hcl_edit::template::Element;
use serde_json::Value;

use super::module::object_key;

/// Resources that configure another resource they reference, by the reference's attribute.
const COMPANIONS: &[(&str, &str)] = &[
    ("aws_s3_bucket_logging", "bucket"),
    ("aws_s3_bucket_versioning", "bucket"),
    (
        "aws_s3_bucket_server_side_encryption_configuration",
        "bucket",
    ),
    ("aws_s3_bucket_public_access_block", "bucket"),
    ("aws_flow_log", "vpc_id"),
    ("aws_flow_log", "subnet_id"),
    ("aws_backup_selection", "resources"),
    ("azurerm_mssql_server_extended_auditing_policy", "server_id"),
    (
        "azurerm_mssql_database_extended_auditing_policy",
        "database_id",
    ),
    ("azurerm_monitor_diagnostic_setting", "target_resource_id"),
    (
        "azurerm_storage_account_customer_managed_key",
        "storage_account_id",
    ),
    ("azurerm_mysql_server_key", "server_id"),
    ("azurerm_postgresql_server_key", "server_id"),
];

#[derive(Debug, Default)]
pub struct Known {
    vars: BTreeMap<String, Expression>,
    locals: BTreeMap<String, Expression>,
    /// `(companion type, configured resource address)`, e.g.
    /// `("aws_s3_bucket_logging", "aws_s3_bucket.data")`.
    companions: BTreeSet<(String, String)>,
    /// Companions whose own settings weaken what they configure (a versioning resource with
    /// `status = "Suspended"`), which therefore do not count.
    weak: BTreeSet<(String, String)>,
}

impl Known {
    /// Reads one file's top-level blocks into what the module knows.
    pub fn learn(&mut self, body: &Body) {
        for block in body.blocks() {
            let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
            match (block.ident.as_str(), labels.as_slice()) {
                ("variable", [name, ..]) => {
                    if let Some(d) = block.body.get_attribute("default") {
                        if is_literal(&d.value) {
                            self.vars.insert(name.to_string(), d.value.clone());
                        }
                    }
                }
                ("locals", _) => {
                    for a in block.body.attributes() {
                        if is_literal(&a.value) {
                            self.locals
                                .insert(a.key.as_str().to_string(), a.value.clone());
                        }
                    }
                }
                ("resource", [rtype, ..]) => self.companion(rtype, block),
                _ => {}
            }
        }
    }

    fn companion(&mut self, rtype: &str, block: &Block) {
        for (_, attr) in COMPANIONS.iter().filter(|(t, _)| *t == rtype) {
            let Some(a) = block.body.get_attribute(attr) else {
                continue;
            };
            let mut targets = Vec::new();
            references(&a.value, &mut targets);
            let weak = weakens(rtype, &block.body);
            for t in targets {
                let key = (rtype.to_string(), t);
                if weak {
                    self.weak.insert(key.clone());
                }
                self.companions.insert(key);
            }
        }
    }

    /// Whether a resource of type `companion` configures `address` (and does not weaken it).
    pub fn configured_by(&self, address: &str, companion: &str) -> bool {
        let key = (companion.to_string(), address.to_string());
        self.companions.contains(&key) && !self.weak.contains(&key)
    }

    /// The expression behind `var.x` or `local.x` when it is a literal, with the name it came
    /// from; any other expression as it is. Only one level: a default cannot name a variable.
    pub fn resolve<'a>(&'a self, e: &'a Expression) -> (&'a Expression, Option<String>) {
        let e = unparen(e);
        if let Expression::Traversal(t) = e {
            if let (Expression::Variable(root), [op]) = (&t.expr, t.operators.as_slice()) {
                if let TraversalOperator::GetAttr(name) = op.value() {
                    let table = match root.as_str() {
                        "var" => &self.vars,
                        "local" => &self.locals,
                        _ => return (e, None),
                    };
                    if let Some(v) = table.get(name.as_str()) {
                        return (v, Some(format!("{}.{}", root.as_str(), name.as_str())));
                    }
                }
            }
        }
        (e, None)
    }
}

fn unparen(e: &Expression) -> &Expression {
    match e {
        Expression::Parenthesis(p) => unparen(p.inner()),
        e => e,
    }
}

/// Literal all the way down: the only values a variable default or local is trusted to give.
fn is_literal(e: &Expression) -> bool {
    match e {
        Expression::Null(_)
        | Expression::Bool(_)
        | Expression::Number(_)
        | Expression::String(_) => true,
        Expression::Array(a) => a.iter().all(is_literal),
        Expression::Object(o) => o.iter().all(|(_, v)| is_literal(v.expr())),
        Expression::Parenthesis(p) => is_literal(p.inner()),
        _ => false,
    }
}

/// A companion whose own settings undo what it stands for.
fn weakens(rtype: &str, body: &Body) -> bool {
    match rtype {
        "aws_s3_bucket_versioning" => body
            .get_blocks("versioning_configuration")
            .filter_map(|b| super::module::literal(&b.body, "status"))
            .any(|s| s != "Enabled"),
        _ => false,
    }
}

/// The `type.name` addresses an expression refers to (`aws_s3_bucket.data.id` →
/// `aws_s3_bucket.data`), in lists and templates too.
fn references(e: &Expression, out: &mut Vec<String>) {
    match e {
        Expression::Traversal(t) => {
            if let Expression::Variable(root) = &t.expr {
                if let Some(TraversalOperator::GetAttr(name)) =
                    t.operators.first().map(|o| o.value())
                {
                    let root = root.as_str();
                    if !matches!(
                        root,
                        "var" | "local" | "module" | "data" | "each" | "count" | "path" | "self"
                    ) {
                        out.push(format!("{root}.{}", name.as_str()));
                    }
                }
            }
        }
        Expression::Array(a) => a.iter().for_each(|x| references(x, out)),
        Expression::Parenthesis(p) => references(p.inner(), out),
        Expression::StringTemplate(t) => {
            for el in t.iter() {
                if let Element::Interpolation(i) = el {
                    references(&i.expr, out);
                }
            }
        }
        _ => {}
    }
}

/// A value written in code as JSON, for policy documents: literals as they are; anything
/// computed as the text `${…}`, which matches no wildcard and no known value.
pub fn to_json(e: &Expression, known: &Known) -> Value {
    let (e, _) = known.resolve(e);
    match e {
        Expression::Null(_) => Value::Null,
        Expression::Bool(b) => Value::Bool(*b.value()),
        Expression::Number(n) => {
            serde_json::from_str(&n.value().to_string()).unwrap_or(Value::Null)
        }
        Expression::String(s) => Value::String(s.value().to_string()),
        Expression::Array(a) => Value::Array(a.iter().map(|x| to_json(x, known)).collect()),
        Expression::Object(o) => Value::Object(
            o.iter()
                .filter_map(|(k, v)| Some((object_key(k)?, to_json(v.expr(), known))))
                .collect(),
        ),
        _ => Value::String("${…}".into()),
    }
}

/// A string or heredoc's text with each interpolation replaced by `${…}`: enough to read a
/// JSON policy whose ARNs are computed.
pub fn template_text(e: &Expression) -> Option<String> {
    let elements: Vec<&Element> = match unparen(e) {
        Expression::String(s) => return Some(s.value().to_string()),
        Expression::StringTemplate(t) => t.iter().collect(),
        Expression::HeredocTemplate(h) => h.template.iter().collect(),
        _ => return None,
    };
    let mut text = String::new();
    for el in elements {
        match el {
            Element::Literal(l) => text.push_str(l.value()),
            Element::Interpolation(_) => text.push_str("${…}"),
            // A directive (%{ if }, %{ for }) makes the text unknowable.
            Element::Directive(_) => return None,
        }
    }
    Some(text)
}
