//! Two quirks of the `resource_drift` that Terraform 0.15.4–1.0.0 write (format version 0.1):
//! once anything drifted, every managed instance in the state is listed as an `update`, the
//! unchanged ones with `before` equal to `after`; and no entry has an `address` or `index`.
//! Terraform's own output shows only the changed ones (1.0.1 made the JSON agree, PR #28975),
//! so unchanged entries are not drift; and the instance key of a counted resource is
//! recovered from `resource_changes`, whose `before` of an instance is the refreshed value
//! the drift entry has as `after`.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use super::model::{parse_raw, Change, Raw};

/// Terraform's rule for drift (`RawEquals` of the old and new value, sensitivity included):
/// an entry whose two sides are the same value did not drift.
pub fn unchanged(c: &Change<'_>) -> Result<bool, serde_json::Error> {
    Ok(same(c.before, c.after)? && same(c.before_sensitive, c.after_sensitive)?)
}

fn same(a: Raw<'_>, b: Raw<'_>) -> Result<bool, serde_json::Error> {
    if minified_hash(a) == minified_hash(b) {
        return Ok(true);
    }
    Ok(parse_raw(a)? == parse_raw(b)?)
}

/// A hash of the JSON text without insignificant whitespace, so that a plan pretty-printed
/// after the fact (`jq .`) still matches itself. `None` and `null` hash alike.
pub fn minified_hash(raw: Raw<'_>) -> u64 {
    let mut h = DefaultHasher::new();
    let text = raw.map(|r| r.get()).unwrap_or("null").as_bytes();
    let (mut in_string, mut escaped) = (false, false);
    for &b in text {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
        } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            continue;
        }
        h.write_u8(b);
    }
    h.finish()
}

fn is_null(raw: Raw<'_>) -> bool {
    raw.is_none_or(|r| r.get().trim() == "null")
}

/// module, mode, type and name: what an index-less drift entry and its instances share.
pub type ResourceKey = (Option<String>, String, String, String);

fn key_hash(k: &ResourceKey) -> u64 {
    let mut h = DefaultHasher::new();
    k.hash(&mut h);
    h.finish()
}

struct Candidate {
    address: String,
    before: u64,
    before_null: bool,
}

struct Pending {
    drift: usize,
    key: u64,
    after: u64,
    after_null: bool,
}

/// Collects what is needed to resolve the index-less entries at the end of the document
/// (the two sections may come in either order: `jq -S` puts `resource_changes` first).
#[derive(Default)]
pub struct IndexRecovery {
    candidates: HashMap<u64, Vec<Candidate>>,
    pending: Vec<Pending>,
}

impl IndexRecovery {
    /// A `resource_changes` instance: kept only for plans in format 0.1, the only ones whose
    /// drift can lack the key, so a modern plan pays nothing.
    pub fn instance(&mut self, key: &ResourceKey, address: &str, c: &Change<'_>) {
        self.candidates
            .entry(key_hash(key))
            .or_default()
            .push(Candidate {
                address: address.to_string(),
                before: minified_hash(c.before),
                before_null: is_null(c.before),
            });
    }

    /// A drift entry (number `drift` in the drift list) that had neither address nor index.
    pub fn indexless(&mut self, drift: usize, key: &ResourceKey, c: &Change<'_>) {
        self.pending.push(Pending {
            drift,
            key: key_hash(key),
            after: minified_hash(c.after),
            after_null: is_null(c.after),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// For each index-less drift entry, the address of its instance when exactly one
    /// instance fits: the one whose planned `before` is the drifted value (or, for an object
    /// deleted outside Terraform, the one planned from nothing), else the only instance.
    pub fn resolve(self) -> Vec<(usize, Option<String>)> {
        let mut taken: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        for p in &self.pending {
            let all: Vec<&Candidate> = self
                .candidates
                .get(&p.key)
                .map(|v| v.iter().collect())
                .unwrap_or_default();
            let free = |c: &&Candidate| !taken.contains(&c.address.as_str());
            let matching: Vec<&Candidate> = all
                .iter()
                .copied()
                .filter(|c| {
                    if p.after_null {
                        c.before_null
                    } else {
                        c.before == p.after
                    }
                })
                .filter(free)
                .collect();
            let pick = match (matching.as_slice(), all.as_slice()) {
                ([one], _) => Some(*one),
                (_, [only]) if free(only) => Some(*only),
                _ => None,
            };
            if let Some(c) = pick {
                taken.push(&c.address);
            }
            out.push((p.drift, pick.map(|c| c.address.clone())));
        }
        out
    }
}
