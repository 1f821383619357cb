//! Terraform code as the JSON that conftest's HCL2 parser (tmccombs/hcl2json) gives, so that a
//! policy written for `conftest test main.tf` reads `repo scan --policy` input unchanged:
//! blocks nest by their labels and end in a list of bodies, literals are values, and any other
//! expression is its source text wrapped in `${...}`. Hard-coded secrets are masked on the way.

use std::collections::HashSet;

use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::template::{Element, Template};
use hcl_edit::Span;
use serde_json::{Map, Value};

use crate::plan::diff::is_secret_name;
use crate::plan::redact::MASK;
use crate::scan::secrets;

/// One file's document, and the secret literals found in it (masked in the document when
/// asked), so that copies in messages can be masked either way.
pub struct Converted {
    pub document: Value,
    pub secrets: HashSet<String>,
}

/// Parses `text` and converts it; the error is hcl-edit's, naming line and column.
pub fn convert(text: &str, mask: bool) -> Result<Converted, String> {
    let body = hcl_edit::parser::parse_body(text).map_err(|e| {
        let l = e.location();
        format!("line {}, column {}: {}", l.line(), l.column(), e.message())
    })?;
    let mut c = Converter {
        text,
        mask,
        secrets: HashSet::new(),
    };
    let document = Value::Object(c.body(&body)?);
    Ok(Converted {
        document,
        secrets: c.secrets,
    })
}

struct Converter<'a> {
    text: &'a str,
    mask: bool,
    secrets: HashSet<String>,
}

impl Converter<'_> {
    fn body(&mut self, body: &Body) -> Result<Map<String, Value>, String> {
        let mut out = Map::new();
        for s in body.iter() {
            if let Structure::Attribute(a) = s {
                let key = a.key.as_str();
                let v = self.expr(&a.value, key);
                out.insert(key.to_string(), v);
            }
        }
        for s in body.iter() {
            let Structure::Block(b) = s else { continue };
            let mut at = &mut out;
            let mut key = b.ident.as_str().to_string();
            for label in &b.labels {
                let entry = at
                    .entry(key.clone())
                    .or_insert_with(|| Value::Object(Map::new()));
                let Value::Object(inner) = entry else {
                    return Err(format!(
                        "block {} {} clashes with an attribute of the same name",
                        b.ident.as_str(),
                        label.as_str()
                    ));
                };
                at = inner;
                key = label.as_str().to_string();
            }
            let value = Value::Object(self.body(&b.body)?);
            // Blocks of one type and labels repeat (`ingress`, `locals`): a list of bodies.
            match at.entry(key).or_insert_with(|| Value::Array(Vec::new())) {
                Value::Array(list) => list.push(value),
                _ => {
                    return Err(format!(
                        "block {} clashes with an attribute of the same name",
                        b.ident.as_str()
                    ))
                }
            }
        }
        Ok(out)
    }

    /// `key` is the attribute or object key the value sits under, for secret-named masking.
    fn expr(&mut self, e: &Expression, key: &str) -> Value {
        match e {
            Expression::Null(_) => Value::Null,
            Expression::Bool(b) => Value::Bool(*b.value()),
            Expression::Number(n) => number(n.value()),
            Expression::String(s) => self.string(s.value(), key),
            Expression::Array(a) => Value::Array(a.iter().map(|x| self.expr(x, key)).collect()),
            Expression::Object(o) => {
                let mut m = Map::new();
                for (k, v) in o.iter() {
                    let name = match k {
                        ObjectKey::Ident(i) => i.as_str().to_string(),
                        ObjectKey::Expression(Expression::String(s)) => s.value().to_string(),
                        ObjectKey::Expression(x) => self.wrap(x),
                    };
                    let value = self.expr(v.expr(), &name);
                    m.insert(name, value);
                }
                Value::Object(m)
            }
            Expression::StringTemplate(t) => {
                let s = self.template(t);
                self.string(&s, key)
            }
            Expression::HeredocTemplate(h) => {
                let s = self.template(&h.template);
                self.string(&s, key)
            }
            Expression::Parenthesis(p) => self.expr(p.inner(), key),
            Expression::UnaryOp(u) => match (&u.expr, u.operator.value().as_str()) {
                (Expression::Number(n), "-") => number(&-*n.value()),
                _ => Value::String(self.wrap(e)),
            },
            _ => Value::String(self.wrap(e)),
        }
    }

    fn string(&mut self, s: &str, key: &str) -> Value {
        let secret = !secrets::known_formats(s).is_empty()
            || secrets::url_password(s).is_some()
            || (is_secret_name(key) && !s.is_empty() && !s.contains("${"))
            || secrets::looks_random(key, s).is_some();
        if secret {
            self.secrets.insert(s.to_string());
            if self.mask {
                return Value::String(MASK.to_string());
            }
        }
        Value::String(s.to_string())
    }

    /// Literal parts as text, interpolations and directives as written.
    fn template(&self, t: &Template) -> String {
        let mut out = String::new();
        for el in t.iter() {
            match el {
                Element::Literal(l) => out.push_str(l.value()),
                Element::Interpolation(i) => out.push_str(&self.source(i.span(), "${...}")),
                Element::Directive(d) => out.push_str(&self.source(d.span(), "%{...}")),
            }
        }
        out
    }

    fn wrap(&self, e: &Expression) -> String {
        format!("${{{}}}", self.source(e.span(), "..."))
    }

    fn source(&self, span: Option<std::ops::Range<usize>>, missing: &str) -> String {
        span.and_then(|r| self.text.get(r))
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|| missing.to_string())
    }
}

fn number(n: &hcl_edit::Number) -> Value {
    if let Some(i) = n.as_i64() {
        return Value::from(i);
    }
    if let Some(u) = n.as_u64() {
        return Value::from(u);
    }
    n.as_f64()
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn blocks_nest_by_label_and_end_in_a_list() {
        let c = convert(
            r#"
resource "aws_s3_bucket" "b" {
  bucket = "logs-${var.env}"
  acl    = var.acl
  tags   = { owner = "devops", n = 3 }
  rule { x = -1 }
  rule { x = 2.5 }
}
locals { a = true }
locals { b = null }
"#,
            true,
        )
        .unwrap();
        assert_eq!(
            c.document,
            json!({
                "resource": {"aws_s3_bucket": {"b": [{
                    "bucket": "logs-${var.env}",
                    "acl": "${var.acl}",
                    "tags": {"owner": "devops", "n": 3},
                    "rule": [{"x": -1}, {"x": 2.5}],
                }]}},
                "locals": [{"a": true}, {"b": null}],
            })
        );
    }

    #[test]
    fn secrets_are_masked_and_collected() {
        let c = convert(
            "provider \"aws\" {\n  access_key = \"AKIAIOSFODNN7EXAMPLE\"\n  region = \"eu-west-1\"\n}\nresource \"x\" \"y\" { password = \"hunter2hunter2\" }\n",
            true,
        )
        .unwrap();
        let text = c.document.to_string();
        assert!(!text.contains("AKIAIOSFODNN7EXAMPLE"), "{text}");
        assert!(!text.contains("hunter2hunter2"), "{text}");
        assert!(text.contains("eu-west-1"), "{text}");
        assert!(c.secrets.contains("AKIAIOSFODNN7EXAMPLE"));
        assert!(c.secrets.contains("hunter2hunter2"));
    }

    #[test]
    fn a_parse_error_names_line_and_column() {
        let e = convert("resource \"a\" \"b\" {\n  x = \n}\n", true)
            .err()
            .unwrap();
        assert!(e.starts_with("line "), "{e}");
    }
}
