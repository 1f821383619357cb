//! One module directory: its `.tf` files parsed with a real HCL parser (hcl-edit), the
//! inventory read from literal values only (an expression is reported as unknown, never
//! guessed), and the per-block rules run with file and line.

use std::collections::{BTreeMap, BTreeSet};

use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Block, Body};
use hcl_edit::Span;

use super::resolve::Known;
use super::rules;
use super::{ModuleCall, Pinning, ProviderUse, RootModule, ScanFinding, SourceFile};

/// What a directory says about itself, for the root-level rules.
#[derive(Debug, Default)]
pub struct ModuleFacts {
    pub root: RootModule,
    /// Local provider names the directory's resources, data sources and provider blocks use.
    pub used_providers: BTreeSet<String>,
    /// Where to point root-level findings: the `terraform` block, else the first file.
    pub anchor: (String, Option<usize>),
}

/// A file being read: its path and text, to turn byte offsets into lines.
pub struct FileCtx<'a> {
    pub path: &'a str,
    pub text: &'a str,
    /// Byte offset where each line starts, found once per file: counting newlines from the
    /// start for every finding made 50,000 findings in one file take about a minute.
    line_starts: Vec<usize>,
}

impl<'a> FileCtx<'a> {
    pub fn new(path: &'a str, text: &'a str) -> FileCtx<'a> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        FileCtx {
            path,
            text,
            line_starts,
        }
    }

    /// The 1-based line holding the span's first byte (a `\r\n` ends a line at its `\n`).
    pub fn line_of(&self, span: Option<std::ops::Range<usize>>) -> Option<usize> {
        span.map(|s| {
            let at = s.start.min(self.text.len());
            self.line_starts.partition_point(|&start| start <= at)
        })
    }
}

/// A values file (`.tfvars`, terragrunt `.hcl`): only hard-coded secrets are looked for.
pub fn values_file(f: &SourceFile, findings: &mut Vec<ScanFinding>) {
    let text = f.text.strip_prefix('\u{feff}').unwrap_or(&f.text);
    let ctx = FileCtx::new(&f.path, text);
    rules::known_secrets_in_text(&ctx, findings);
    match hcl_edit::parser::parse_body(text) {
        Ok(body) => rules::secrets_in(&body, &ctx, findings),
        Err(e) => findings.push(parse_error(&ctx, &e)),
    }
}

/// A CO100 finding; never with the offending line's text: it may be the secret.
fn parse_error(ctx: &FileCtx<'_>, e: &hcl_edit::parser::Error) -> ScanFinding {
    let loc = e.location();
    rules::finding(
        "CO100",
        ctx,
        Some(loc.line()),
        None,
        format!(
            "not valid HCL at line {}, column {}: {}; nothing in this file was checked",
            loc.line(),
            loc.column(),
            e.message()
        ),
    )
}

pub fn analyze(dir: &str, files: &[&SourceFile], findings: &mut Vec<ScanFinding>) -> ModuleFacts {
    let mut facts = ModuleFacts {
        root: RootModule {
            dir: dir.to_string(),
            ..RootModule::default()
        },
        anchor: (
            files.first().map(|f| f.path.clone()).unwrap_or_default(),
            None,
        ),
        ..ModuleFacts::default()
    };
    let mut declared: BTreeMap<String, ProviderUse> = BTreeMap::new();
    // A first pass learns variable defaults, locals and companion resources, so that the
    // rules see a setting made elsewhere in the module; parsing twice keeps one file's tree in
    // memory at a time however large the module.
    let mut known = Known::default();
    for f in files {
        let text = f.text.strip_prefix('\u{feff}').unwrap_or(&f.text);
        if let Ok(body) = hcl_edit::parser::parse_body(text) {
            known.learn(&body);
        }
    }
    for f in files {
        // Editors on Windows write a byte-order mark; the parser does not accept one.
        let text = f.text.strip_prefix('\u{feff}').unwrap_or(&f.text);
        let ctx = FileCtx::new(&f.path, text);
        rules::known_secrets_in_text(&ctx, findings);
        let body = match hcl_edit::parser::parse_body(text) {
            Ok(b) => b,
            Err(e) => {
                findings.push(parse_error(&ctx, &e));
                continue;
            }
        };
        rules::secrets_in(&body, &ctx, findings);
        for block in body.blocks() {
            read_block(block, &ctx, &known, &mut facts, &mut declared, findings);
        }
    }
    for name in facts.used_providers.iter() {
        declared.entry(name.clone()).or_insert_with(|| ProviderUse {
            name: name.clone(),
            source: None,
            version: None,
        });
    }
    facts.root.providers = declared.into_values().collect();
    facts
}

fn read_block(
    block: &Block,
    ctx: &FileCtx<'_>,
    known: &Known,
    facts: &mut ModuleFacts,
    declared: &mut BTreeMap<String, ProviderUse>,
    findings: &mut Vec<ScanFinding>,
) {
    let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
    match (block.ident.as_str(), labels.as_slice()) {
        ("terraform", _) => {
            facts.anchor = (ctx.path.to_string(), ctx.line_of(block.span()));
            if let Some(v) = literal(&block.body, "required_version") {
                facts.root.required_version = Some(v);
            }
            for b in block.body.blocks() {
                match (b.ident.as_str(), b.labels.first()) {
                    ("backend", Some(kind)) => facts.root.backend = Some(kind.as_str().to_string()),
                    ("cloud", _) => facts.root.backend = Some("cloud".to_string()),
                    ("required_providers", _) => required_providers(&b.body, declared),
                    _ => {}
                }
            }
        }
        ("provider", [name, ..]) => {
            facts.used_providers.insert(name.to_string());
        }
        (kind @ ("resource" | "data"), [rtype, name, ..]) => {
            let key = if kind == "data" {
                format!("data.{rtype}")
            } else {
                rtype.to_string()
            };
            *facts.root.resources.entry(key).or_default() += 1;
            facts.used_providers.insert(provider_of(&block.body, rtype));
            if kind == "resource" {
                rules::resource_rules(rtype, name, block, ctx, findings);
            }
            super::posture::check(kind, rtype, name, block, known, ctx, findings);
        }
        ("module", [name, ..]) => {
            let call = module_call(name, &block.body);
            rules::module_rules(&call, block, ctx, findings);
            facts.root.modules.push(call);
        }
        _ => {}
    }
}

fn required_providers(body: &Body, declared: &mut BTreeMap<String, ProviderUse>) {
    for attr in body.attributes() {
        let name = attr.key.as_str().to_string();
        let (source, version) = match &attr.value {
            // Terraform 0.12's shorthand: `aws = "~> 3.0"`.
            Expression::String(s) => (None, Some(s.value().to_string())),
            Expression::Object(o) => {
                let field = |k: &str| {
                    o.iter().find_map(|(key, v)| {
                        (object_key(key).as_deref() == Some(k))
                            .then(|| string(v.expr()))
                            .flatten()
                    })
                };
                (field("source"), field("version"))
            }
            _ => (None, None),
        };
        declared.insert(
            name.clone(),
            ProviderUse {
                name,
                source,
                version,
            },
        );
    }
}

/// `provider = aws.west` names the provider; otherwise the type's prefix does
/// (`aws_s3_bucket` → `aws`), as Terraform infers it.
fn provider_of(body: &Body, rtype: &str) -> String {
    if let Some(Expression::Traversal(t)) = body.get_attribute("provider").map(|a| &a.value) {
        if let Expression::Variable(v) = &t.expr {
            return v.as_str().to_string();
        }
    }
    rtype.split('_').next().unwrap_or(rtype).to_string()
}

fn module_call(name: &str, body: &Body) -> ModuleCall {
    // Credentials in a source URL are reported by the secret rule; never repeated here.
    let source = literal(body, "source").map(|s| super::secrets::without_credentials(&s));
    let version = literal(body, "version");
    let pinning = match &source {
        None => Pinning::Unknown,
        Some(s) => pinning(s, version.as_deref()),
    };
    ModuleCall {
        name: name.to_string(),
        source,
        version,
        pinning,
    }
}

/// How firmly a module source pins what `terraform init` downloads.
pub fn pinning(source: &str, version: Option<&str>) -> Pinning {
    if source.starts_with("./") || source.starts_with("../") {
        return Pinning::Local;
    }
    if let Some(r) = git_ref(source) {
        return if is_tag_or_commit(&r) {
            Pinning::Exact
        } else {
            Pinning::Unpinned
        };
    }
    let remote = source.contains("::")
        || source.starts_with("git@")
        || source.starts_with("github.com/")
        || source.starts_with("bitbucket.org/")
        || source.starts_with("http://")
        || source.starts_with("https://")
        || source.starts_with("s3::")
        || source.starts_with("gcs::");
    if remote {
        // A git source without `?ref=` follows the default branch; an archive URL is what it
        // is at download time.
        return if source.contains(".git")
            || source.starts_with("git")
            || source.starts_with("github.com/")
            || source.starts_with("bitbucket.org/")
        {
            Pinning::Unpinned
        } else {
            Pinning::Unknown
        };
    }
    // Registry: NAMESPACE/NAME/PROVIDER (optionally behind a hostname).
    match version.map(str::trim) {
        None | Some("") => Pinning::Unpinned,
        Some(v) if is_exact_version(v) => Pinning::Exact,
        Some(_) => Pinning::Range,
    }
}

fn git_ref(source: &str) -> Option<String> {
    let query = source.split_once('?')?.1;
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix("ref="))
        .map(|r| r.split("//").next().unwrap_or(r).to_string())
}

/// A release tag (`v1.2.3`, `1.2`) or a commit id; branch names are not.
fn is_tag_or_commit(r: &str) -> bool {
    let r = r.strip_prefix("refs/tags/").unwrap_or(r);
    let hex = r.len() >= 7 && r.len() <= 40 && r.bytes().all(|b| b.is_ascii_hexdigit());
    let version = r.strip_prefix('v').unwrap_or(r);
    hex || (version.starts_with(|c: char| c.is_ascii_digit())
        && version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-+".contains(c)))
}

fn is_exact_version(v: &str) -> bool {
    let v = v.strip_prefix('=').unwrap_or(v).trim();
    !v.is_empty()
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-+".contains(c))
        && v.starts_with(|c: char| c.is_ascii_digit())
}

/// An attribute's value when it is a plain string literal.
pub fn literal(body: &Body, key: &str) -> Option<String> {
    body.get_attribute(key).and_then(|a| string(&a.value))
}

pub fn string(e: &Expression) -> Option<String> {
    match e {
        Expression::String(s) => Some(s.value().to_string()),
        Expression::Parenthesis(p) => string(p.inner()),
        _ => None,
    }
}

pub fn boolean(body: &Body, key: &str) -> Option<bool> {
    match body.get_attribute(key).map(|a| &a.value) {
        Some(Expression::Bool(b)) => Some(*b.value()),
        _ => None,
    }
}

/// String literals of a list attribute (`["0.0.0.0/0", var.x]` → `["0.0.0.0/0"]`).
pub fn strings(body: &Body, key: &str) -> Vec<String> {
    match body.get_attribute(key).map(|a| &a.value) {
        Some(Expression::Array(a)) => a.iter().filter_map(string).collect(),
        Some(e) => string(e).into_iter().collect(),
        None => Vec::new(),
    }
}

pub fn object_key(k: &ObjectKey) -> Option<String> {
    match k {
        ObjectKey::Ident(i) => Some(i.as_str().to_string()),
        ObjectKey::Expression(e) => string(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line of every byte offset, against counting newlines by hand: first line, last
    /// line without a trailing newline, CRLF endings, empty lines and an offset past the end.
    #[test]
    fn line_of_every_offset() {
        for text in [
            "",
            "a",
            "\n",
            "one\r\ntwo\r\n\r\nfour",
            "one\ntwo\n",
            "\u{e9}\u{e9}\nx",
        ] {
            let ctx = FileCtx::new("f.tf", text);
            for at in 0..=text.len() + 2 {
                let naive = text.as_bytes()[..at.min(text.len())]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count()
                    + 1;
                assert_eq!(
                    ctx.line_of(Some(at..at + 1)),
                    Some(naive),
                    "{text:?} at {at}"
                );
            }
            assert_eq!(ctx.line_of(None), None);
        }
        let ctx = FileCtx::new("f.tf", "one\r\ntwo\r\nthree");
        assert_eq!(ctx.line_of(Some(0..3)), Some(1));
        assert_eq!(
            ctx.line_of(Some(4..5)),
            Some(1),
            "the \\n of a CRLF ends line 1"
        );
        assert_eq!(ctx.line_of(Some(5..8)), Some(2));
        assert_eq!(ctx.line_of(Some(10..15)), Some(3));
    }

    #[test]
    fn module_pinning() {
        use Pinning::*;
        let cases = [
            ("./modules/vpc", None, Local),
            ("terraform-aws-modules/vpc/aws", None, Unpinned),
            ("terraform-aws-modules/vpc/aws", Some("5.1.2"), Exact),
            ("terraform-aws-modules/vpc/aws", Some("~> 5.1"), Range),
            ("app.terraform.io/acme/vpc/aws", Some("= 1.0.0"), Exact),
            (
                "git::https://github.com/acme/mod.git?ref=v1.2.0",
                None,
                Exact,
            ),
            (
                "git::https://github.com/acme/mod.git?ref=main",
                None,
                Unpinned,
            ),
            ("git::https://github.com/acme/mod.git", None, Unpinned),
            ("github.com/acme/mod?ref=3f2a9c1d", None, Exact),
            (
                "git@github.com:acme/mod.git//sub?ref=develop",
                None,
                Unpinned,
            ),
            ("https://example.com/mod.zip", None, Unknown),
            ("bitbucket.org/acme/mod", None, Unpinned),
            (
                "git::https://example.com/m.git?ref=refs/tags/v1.0.0",
                None,
                Exact,
            ),
        ];
        for (s, v, want) in cases {
            assert_eq!(pinning(s, v), want, "{s} {v:?}");
        }
    }
}
