//! Attribute-level differences between a change's `before` and `after`, read together with
//! the `after_unknown` and sensitivity markers that Terraform keeps in parallel trees.

use serde_json::Value;

use super::report::AttrChange;

static NULL: Value = Value::Null;
static TRUE: Value = Value::Bool(true);

/// The markers that travel with a value: Terraform mirrors the value's shape, with `true`
/// marking a whole subtree.
#[derive(Clone, Copy)]
pub struct Marks<'a> {
    pub unknown: &'a Value,
    pub before_sensitive: &'a Value,
    pub after_sensitive: &'a Value,
}

fn child_key<'a>(m: &'a Value, key: &str) -> &'a Value {
    match m {
        Value::Bool(true) => &TRUE,
        Value::Object(o) => o.get(key).unwrap_or(&NULL),
        _ => &NULL,
    }
}

fn child_index(m: &Value, i: usize) -> &Value {
    match m {
        Value::Bool(true) => &TRUE,
        Value::Array(a) => a.get(i).unwrap_or(&NULL),
        _ => &NULL,
    }
}

pub fn is_true(m: &Value) -> bool {
    matches!(m, Value::Bool(true))
}

impl<'a> Marks<'a> {
    fn key(&self, k: &str) -> Marks<'a> {
        Marks {
            unknown: child_key(self.unknown, k),
            before_sensitive: child_key(self.before_sensitive, k),
            after_sensitive: child_key(self.after_sensitive, k),
        }
    }
    fn index(&self, i: usize) -> Marks<'a> {
        Marks {
            unknown: child_index(self.unknown, i),
            before_sensitive: child_index(self.before_sensitive, i),
            after_sensitive: child_index(self.after_sensitive, i),
        }
    }
}

/// Attribute names that say "secret" even when the provider did not mark them sensitive.
pub const SECRET_NAME_PARTS: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "secret",
    "token",
    "private_key",
    "privatekey",
    "api_key",
    "apikey",
    "access_key",
    "credential",
    "connection_string",
    "sas_url",
];

pub fn is_secret_name(key: &str) -> bool {
    static MATCHER: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    MATCHER
        .get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(SECRET_NAME_PARTS)
                .expect("literal patterns build")
        })
        .is_match(key)
}

/// Appends a path segment the way Terraform addresses attributes.
pub fn push_key(path: &mut String, key: &str) {
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && !key.as_bytes()[0].is_ascii_digit();
    if plain {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
    } else {
        path.push('[');
        path.push_str(&Value::String(key.to_string()).to_string());
        path.push(']');
    }
}

pub fn push_index(path: &mut String, i: usize) {
    path.push('[');
    path.push_str(&i.to_string());
    path.push(']');
}

/// Whether attribute path `path` is `prefix` or lies under it (`tags` covers `tags.Name` and
/// `tags["a b"]`, not `tags_all`).
pub fn path_within(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// Renders a Terraform path (`["ingress", 0, "cidr_blocks"]`) in the same notation.
pub fn path_to_string(segments: &[Value]) -> String {
    let mut s = String::new();
    for seg in segments {
        match seg {
            Value::String(k) => push_key(&mut s, k),
            Value::Number(n) => {
                s.push('[');
                s.push_str(&n.to_string());
                s.push(']');
            }
            other => {
                s.push('[');
                s.push_str(&other.to_string());
                s.push(']');
            }
        }
    }
    s
}

pub struct Differ {
    pub mask_secret_names: bool,
    pub out: Vec<AttrChange>,
}

impl Differ {
    pub fn diff(&mut self, before: &Value, after: &Value, marks: Marks) {
        let mut path = String::new();
        self.walk(opt(before), opt(after), marks, false, &mut path);
    }

    fn walk(
        &mut self,
        before: Option<&Value>,
        after: Option<&Value>,
        marks: Marks,
        name_masked: bool,
        path: &mut String,
    ) {
        let sensitive =
            name_masked || is_true(marks.before_sensitive) || is_true(marks.after_sensitive);
        if is_true(marks.unknown) {
            self.out.push(AttrChange {
                path: path.clone(),
                before: if sensitive { None } else { before.cloned() },
                after: None,
                after_unknown: true,
                sensitive,
                forces_replacement: false,
            });
            return;
        }
        if !sensitive {
            match (before, after) {
                (Some(Value::Object(b)), Some(Value::Object(a))) => {
                    return self.walk_object(Some(b), Some(a), marks, path)
                }
                (Some(Value::Object(b)), None) if !b.is_empty() => {
                    return self.walk_object(Some(b), None, marks, path)
                }
                (None, Some(Value::Object(a))) if !a.is_empty() => {
                    return self.walk_object(None, Some(a), marks, path)
                }
                (Some(Value::Array(b)), Some(Value::Array(a))) => {
                    return self.walk_array(b, a, marks, path)
                }
                (Some(Value::Array(b)), None) if !b.is_empty() => {
                    return self.walk_array(b, &[], marks, path)
                }
                (None, Some(Value::Array(a))) if !a.is_empty() => {
                    return self.walk_array(&[], a, marks, path)
                }
                _ => {}
            }
        }
        if before == after {
            return;
        }
        self.out.push(AttrChange {
            path: path.clone(),
            before: if sensitive { None } else { before.cloned() },
            after: if sensitive { None } else { after.cloned() },
            after_unknown: false,
            sensitive,
            forces_replacement: false,
        });
    }

    fn walk_object(
        &mut self,
        before: Option<&serde_json::Map<String, Value>>,
        after: Option<&serde_json::Map<String, Value>>,
        marks: Marks,
        path: &mut String,
    ) {
        // Before's keys, then keys only after has, then keys only known to be unknown;
        // map lookups keep this linear for objects with many keys.
        let unknown = match marks.unknown {
            Value::Object(u) => Some(u),
            _ => None,
        };
        let in_before = |k: &String| before.is_some_and(|m| m.contains_key(k));
        let in_after = |k: &String| after.is_some_and(|m| m.contains_key(k));
        let keys: Vec<&String> = before
            .into_iter()
            .flat_map(|m| m.keys())
            .chain(
                after
                    .into_iter()
                    .flat_map(|m| m.keys())
                    .filter(|k| !in_before(k)),
            )
            .chain(
                unknown
                    .into_iter()
                    .flat_map(|m| m.keys())
                    .filter(|k| !in_before(k) && !in_after(k)),
            )
            .collect();
        let len = path.len();
        for k in keys {
            push_key(path, k);
            let masked = self.mask_secret_names && is_secret_name(k);
            self.walk(
                before.and_then(|m| m.get(k)).and_then(opt),
                after.and_then(|m| m.get(k)).and_then(opt),
                marks.key(k),
                masked,
                path,
            );
            path.truncate(len);
        }
    }

    fn walk_array(&mut self, before: &[Value], after: &[Value], marks: Marks, path: &mut String) {
        let mut n = before.len().max(after.len());
        if let Value::Array(u) = marks.unknown {
            n = n.max(u.len());
        }
        let len = path.len();
        for i in 0..n {
            push_index(path, i);
            self.walk(
                before.get(i).and_then(opt),
                after.get(i).and_then(opt),
                marks.index(i),
                false,
                path,
            );
            path.truncate(len);
        }
    }
}

fn opt(v: &Value) -> Option<&Value> {
    if v.is_null() {
        None
    } else {
        Some(v)
    }
}

/// Collects every string under a `true` marker (and, with name masking, under secret-named
/// keys), so that copies of those values elsewhere in the plan can be masked too.
pub fn collect_secrets(
    value: &Value,
    marker: &Value,
    by_name: bool,
    out: &mut std::collections::HashSet<String>,
) {
    if is_true(marker) {
        collect_all(value, out);
        return;
    }
    match value {
        Value::Object(o) => {
            for (k, v) in o {
                if by_name && is_secret_name(k) {
                    collect_all(v, out);
                } else {
                    collect_secrets(v, child_key(marker, k), by_name, out);
                }
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                collect_secrets(v, child_index(marker, i), by_name, out);
            }
        }
        _ => {}
    }
}

/// The shortest value that is masked wherever it appears; shorter ones would mask common words.
pub const MIN_SECRET_LEN: usize = 4;

pub fn collect_all(value: &Value, out: &mut std::collections::HashSet<String>) {
    match value {
        Value::String(s) if s.chars().count() >= MIN_SECRET_LEN => {
            out.insert(s.clone());
        }
        Value::Object(o) => {
            // Terraform hides the keys of a sensitive map too.
            for (k, v) in o {
                if k.chars().count() >= MIN_SECRET_LEN {
                    out.insert(k.clone());
                }
                collect_all(v, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|v| collect_all(v, out)),
        _ => {}
    }
}
