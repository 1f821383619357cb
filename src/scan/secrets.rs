//! Hard-coded credentials in Terraform literals: known key formats anywhere, and random-looking
//! strings in secret-named attributes. What is found is described (kind, length), never shown.

use crate::plan::diff::is_secret_name;

/// A credential found in a literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: &'static str,
    pub len: usize,
}

/// A format with a recognisable shape: kind, prefix, length of the rest, allowed characters.
type Format = (&'static str, &'static str, usize, fn(u8) -> bool);

const FORMATS: &[Format] = &[
    ("AWS access key ID", "AKIA", 16, upper_digit),
    ("AWS temporary access key ID", "ASIA", 16, upper_digit),
    ("GitHub personal access token", "ghp_", 36, alnum),
    ("GitHub OAuth token", "gho_", 36, alnum),
    ("GitHub user-to-server token", "ghu_", 36, alnum),
    ("GitHub server-to-server token", "ghs_", 36, alnum),
    ("GitHub refresh token", "ghr_", 36, alnum),
    ("GitHub fine-grained token", "github_pat_", 82, word),
    ("Slack bot token", "xoxb-", 20, token_char),
    ("Slack user token", "xoxp-", 20, token_char),
    ("Google API key", "AIza", 35, key_char),
    ("Stripe live secret key", "sk_live_", 24, alnum),
    ("GitLab personal access token", "glpat-", 20, key_char),
];

fn upper_digit(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit()
}
fn alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}
fn word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}
fn token_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}
fn key_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// Known credential formats anywhere in `text` (a literal, or a literal part of a template).
pub fn known_formats(text: &str) -> Vec<Hit> {
    let bytes = text.as_bytes();
    let mut hits = Vec::new();
    if text.contains("-----BEGIN") && text.contains("PRIVATE KEY-----") {
        hits.push(Hit {
            kind: "private key",
            len: text.len(),
        });
    }
    if url_password(text).is_some() {
        hits.push(Hit {
            kind: "password in a URL",
            len: url_password(text).map_or(0, str::len),
        });
    }
    for (kind, prefix, rest, allowed) in FORMATS {
        for (at, _) in text.match_indices(prefix) {
            // Not in the middle of a longer word.
            if at > 0 && bytes[at - 1].is_ascii_alphanumeric() {
                continue;
            }
            let body = &bytes[at + prefix.len()..];
            let n = body.iter().take_while(|b| allowed(**b)).count();
            // AWS key IDs have an exact length; tokens may run longer than their minimum.
            let fits = if kind.starts_with("AWS") {
                n == *rest
            } else {
                n >= *rest
            };
            if fits {
                hits.push(Hit {
                    kind,
                    len: prefix.len() + n,
                });
            }
        }
    }
    hits
}

/// The password of a `scheme://user:password@host` URL, unless it is an interpolation.
pub fn url_password(text: &str) -> Option<&str> {
    let (_, rest) = text.split_once("://")?;
    let authority = rest.split(['/', '?', '#', ' ', '"']).next()?;
    let (userinfo, _) = authority.rsplit_once('@')?;
    let (_, password) = userinfo.split_once(':')?;
    (!password.is_empty() && !password.contains("${")).then_some(password)
}

/// `scheme://user:password@host/...` with the credentials replaced, for display.
pub fn without_credentials(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].rsplit_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') || userinfo.len() > 20 => {
            format!("{scheme}://***@{host}{}", &rest[end..])
        }
        _ => url.to_string(),
    }
}

/// A value of a secret-named attribute that looks generated rather than a placeholder:
/// long enough, varied enough (Shannon entropy), and not a reference-like or dummy value.
pub fn looks_random(key: &str, value: &str) -> Option<Hit> {
    if !is_secret_name(key) || value.len() < 12 || value.contains(char::is_whitespace) {
        return None;
    }
    // Names of places, not secrets: `token_url`, `secret_id`, `password_policy_name`, ...
    let names_a_place = [
        "_url",
        "_uri",
        "_endpoint",
        "_id",
        "_name",
        "_arn",
        "_path",
        "_ref",
        "_policy",
        "_version",
        "_type",
        "_file",
        "_prefix",
        "_key_id",
    ];
    let key = key.to_ascii_lowercase();
    if names_a_place.iter().any(|s| key.ends_with(s))
        || key.contains("policy")
        || value.contains("://")
        || value.starts_with('/')
    {
        return None;
    }
    let lower = value.to_ascii_lowercase();
    let dummy = [
        "changeme",
        "example",
        "placeholder",
        "xxxx",
        "dummy",
        "replace",
        "todo",
    ];
    if dummy.iter().any(|d| lower.contains(d)) || value.starts_with("arn:") {
        return None;
    }
    (entropy(value) >= 3.5).then_some(Hit {
        kind: "random-looking value in a secret-named attribute",
        len: value.len(),
    })
}

/// Shannon entropy in bits per character.
pub fn entropy(s: &str) -> f64 {
    let mut counts = [0usize; 256];
    for b in s.bytes() {
        counts[b as usize] += 1;
    }
    let n = s.len() as f64;
    counts
        .iter()
        .filter(|c| **c > 0)
        .map(|c| {
            let p = *c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_formats_are_found_and_near_misses_are_not() {
        let kinds = |s: &str| known_formats(s).iter().map(|h| h.kind).collect::<Vec<_>>();
        assert_eq!(kinds("AKIAIOSFODNN7EXAMPLE"), ["AWS access key ID"]);
        assert_eq!(kinds("key=AKIAIOSFODNN7EXAMPLE;"), ["AWS access key ID"]);
        assert!(
            kinds("AKIAIOSFODNN7EXAMPLEX").is_empty(),
            "too long for a key ID"
        );
        assert!(kinds("XAKIAIOSFODNN7EXAMPLE").is_empty(), "inside a word");
        let ghp = format!("ghp_{}", "a1B2".repeat(9));
        assert_eq!(kinds(&ghp), ["GitHub personal access token"]);
        assert_eq!(
            kinds("-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----"),
            ["private key"]
        );
        assert!(kinds("ghp_short").is_empty());
    }

    #[test]
    fn url_credentials_are_found_and_hidden() {
        let u = "git::https://x-access-token:s3cr3tV4lue@github.com/acme/mod.git?ref=v1";
        assert_eq!(url_password(u), Some("s3cr3tV4lue"));
        assert_eq!(
            without_credentials(
                "https://x-access-token:s3cr3tV4lue@github.com/acme/mod.git?ref=v1"
            ),
            "https://***@github.com/acme/mod.git?ref=v1"
        );
        assert_eq!(url_password("git::ssh://git@github.com/acme/mod.git"), None);
        assert_eq!(url_password("https://${var.u}:${var.p}@host/x"), None);
        assert_eq!(
            without_credentials("git::ssh://git@github.com/a/b.git"),
            "git::ssh://git@github.com/a/b.git"
        );
    }

    #[test]
    fn places_named_like_secrets_are_not_secrets() {
        assert!(looks_random(
            "token_url",
            "https://login.microsoftonline.com/oauth2/v2.0/token"
        )
        .is_none());
        assert!(looks_random("secret_id", "projects/my-proj/secrets/db-password").is_none());
        assert!(looks_random("ssm_secret", "/prod/payments/stripe-key").is_none());
        assert!(looks_random("password_policy_name", "corp-Strong-2024").is_none());
        assert!(looks_random("secret_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8ZR2LMKEY").is_some());
    }

    #[test]
    fn random_values_only_count_under_secret_names() {
        let v = "q8Zr2LmX9vTb4KpW7sNe";
        assert!(looks_random("db_password", v).is_some());
        assert!(looks_random("description", v).is_none());
        assert!(looks_random("password", "changeme-please-123").is_none());
        assert!(
            looks_random("password", "aaaaaaaaaaaaaaaa").is_none(),
            "low entropy"
        );
    }
}
