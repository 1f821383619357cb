//! Resource instance addresses as Terraform prints them. Some releases write resource changes
//! without `address` (Terraform 0.15.4–1.0.0 in `resource_drift`), so the address is rebuilt
//! from `module_address`, `mode`, `type`, `name` and `index` the way Terraform's `addrs`
//! package formats it; and where `mode`, `type` or `name` are missing but `address` is there,
//! they are read back out of the address.

use serde_json::Value;

/// How a string instance key is quoted. Terraform up to 1.2 used Go's `%q`; 1.3 switched to
/// HCL's quoted-string syntax (hashicorp/terraform de8eef1, "Format string instance keys in
/// an HCL-compatible way"); OpenTofu forked after that and kept it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyQuoting {
    Go,
    Hcl,
}

impl KeyQuoting {
    /// The quoting the release that wrote the plan used. `terraform_version` decides when
    /// it is known; otherwise the format version: 0.x and 1.0 come only from releases before
    /// 1.3, 1.2 only from 1.5 and later, and 1.1 (Terraform 1.2–1.4) is taken as the later.
    pub fn for_plan(terraform_version: Option<&str>, format_version: Option<&str>) -> KeyQuoting {
        let major_minor = |v: &str| -> Option<(u64, u64)> {
            let mut it = v.trim_start_matches('v').split(['.', '-']);
            Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
        };
        if let Some((major, minor)) = terraform_version.and_then(major_minor) {
            return if (major, minor) < (1, 3) {
                KeyQuoting::Go
            } else {
                KeyQuoting::Hcl
            };
        }
        match format_version.and_then(major_minor) {
            Some((0, _)) | Some((1, 0)) => KeyQuoting::Go,
            _ => KeyQuoting::Hcl,
        }
    }
}

/// The parts of a resource change that identify its instance, as the plan gives them.
#[derive(Debug, Clone, Copy)]
pub struct Parts<'a> {
    pub address: Option<&'a str>,
    pub module_address: Option<&'a str>,
    pub mode: Option<&'a str>,
    pub resource_type: Option<&'a str>,
    pub name: Option<&'a str>,
    pub index: Option<&'a Value>,
    /// Terraform 1.10+ marks a deferred instance whose key is not yet known (`[*]`).
    pub index_unknown: bool,
}

/// Who a resource change is about, with every missing part filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub address: String,
    pub module: Option<String>,
    pub mode: String,
    pub resource_type: String,
    pub name: String,
    /// The plan gave no `address`; it was rebuilt from the parts.
    pub rebuilt: bool,
}

/// Fills in what the plan left out, or says why it cannot.
pub fn identify<'a>(p: Parts<'a>, quoting: KeyQuoting) -> Result<Identity, String> {
    let module = p.module_address.filter(|m| !m.is_empty());
    if let Some(address) = p.address.filter(|a| !a.is_empty()) {
        let parsed = parse(address);
        let from_address = |pick: fn(&Parsed<'a>) -> &'a str| parsed.as_ref().map(pick);
        let mode = p
            .mode
            .or_else(|| from_address(|x| x.mode))
            .unwrap_or("managed");
        return Ok(Identity {
            address: address.to_string(),
            module: module
                .or_else(|| parsed.as_ref().and_then(|x| x.module))
                .map(str::to_string),
            mode: mode.to_string(),
            resource_type: p
                .resource_type
                .or_else(|| from_address(|x| x.resource_type))
                .unwrap_or_default()
                .to_string(),
            name: p
                .name
                .or_else(|| from_address(|x| x.name))
                .unwrap_or_default()
                .to_string(),
            rebuilt: false,
        });
    }
    let (Some(ty), Some(name)) = (
        p.resource_type.filter(|t| !t.is_empty()),
        p.name.filter(|n| !n.is_empty()),
    ) else {
        return Err(
            "it has no `address`, and no `type` and `name` to rebuild one from".to_string(),
        );
    };
    let mode = p.mode.unwrap_or("managed");
    let prefix = match mode {
        "managed" => "",
        "data" => "data.",
        "ephemeral" => "ephemeral.",
        "list" => "list.",
        other => {
            return Err(format!(
                "it has no `address`, and its mode {} is not one Terraform writes",
                short(other)
            ))
        }
    };
    let key = match (p.index, p.index_unknown) {
        (_, true) => "[*]".to_string(),
        (None | Some(Value::Null), false) => String::new(),
        (Some(k), false) => instance_key(k, quoting)?,
    };
    let mut address = String::new();
    if let Some(m) = module {
        address.push_str(m);
        address.push('.');
    }
    address.push_str(&format!("{prefix}{ty}.{name}{key}"));
    Ok(Identity {
        address,
        module: module.map(str::to_string),
        mode: mode.to_string(),
        resource_type: ty.to_string(),
        name: name.to_string(),
        rebuilt: true,
    })
}

/// `[0]` or `["key"]`, as Terraform's `IntKey`/`StringKey` print themselves.
pub fn instance_key(index: &Value, quoting: KeyQuoting) -> Result<String, String> {
    match index {
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Ok(format!("[{i}]")),
            (_, Some(u)) => Ok(format!("[{u}]")),
            _ => Err(format!(
                "it has no `address`, and its index {} is not a whole number",
                short(&n.to_string())
            )),
        },
        Value::String(s) => Ok(format!(
            "[{}]",
            match quoting {
                KeyQuoting::Go => go_quote(s),
                KeyQuoting::Hcl => hcl_quote(s),
            }
        )),
        _ => Err("it has no `address`, and its index is neither a number nor a string".into()),
    }
}

/// Go's `strconv.Quote`, which `fmt`'s `%q` uses.
fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if is_print(c) => out.push(c),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x0b' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c == '\x7f' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => push_unicode_escape(&mut out, c),
        }
    }
    out.push('"');
    out
}

/// Terraform's `toHCLQuotedString` (1.3 and later): HCL escapes, and template introducers
/// `${` and `%{` doubled so that the key is not read as a template.
fn hcl_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '$' | '%' => {
                out.push(c);
                if chars.peek() == Some(&'{') {
                    out.push(c);
                }
            }
            c if is_print(c) => out.push(c),
            c => push_unicode_escape(&mut out, c),
        }
    }
    out.push('"');
    out
}

fn push_unicode_escape(out: &mut String, c: char) {
    if (c as u32) < 0x10000 {
        out.push_str(&format!("\\u{:04x}", c as u32));
    } else {
        out.push_str(&format!("\\U{:08x}", c as u32));
    }
}

/// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
/// Without Unicode category tables this rules out controls, every space but U+0020, format
/// characters and private use; unassigned code points count as printable here (Go escapes
/// them), which no real instance key is made of.
fn is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let u = c as u32;
    const NOT_PRINTABLE: &[(u32, u32)] = &[
        (0x00AD, 0x00AD),
        (0x0600, 0x0605),
        (0x061C, 0x061C),
        (0x06DD, 0x06DD),
        (0x070F, 0x070F),
        (0x0890, 0x0891),
        (0x08E2, 0x08E2),
        (0x180E, 0x180E),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2060, 0x2064),
        (0x2066, 0x206F),
        (0xE000, 0xF8FF),
        (0xFEFF, 0xFEFF),
        (0xFFF9, 0xFFFB),
        (0xFFFE, 0xFFFF),
        (0x110BD, 0x110BD),
        (0x110CD, 0x110CD),
        (0x13430, 0x1343F),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0001, 0xE0001),
        (0xE0020, 0xE007F),
        (0xF0000, 0x10FFFF),
    ];
    !NOT_PRINTABLE
        .iter()
        .any(|(lo, hi)| (*lo..=*hi).contains(&u))
}

/// The parts of an address string, borrowed from it.
#[derive(Debug, PartialEq, Eq)]
struct Parsed<'a> {
    module: Option<&'a str>,
    mode: &'a str,
    resource_type: &'a str,
    name: &'a str,
}

/// Reads `module.a["x"].module.b[0].data.t.n["k"]` back into its parts; `None` when the
/// address is not of that shape (an HCP-redacted `(sensitive value)`, say).
fn parse(address: &str) -> Option<Parsed<'_>> {
    // Split on dots outside instance keys; a key's quoted string may hold dots and brackets.
    let mut steps: Vec<(usize, usize)> = Vec::new();
    let bytes = address.as_bytes();
    let (mut start, mut i) = (0, 0);
    let (mut in_key, mut in_string) = (false, false);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' if in_key => in_string = !in_string,
            b'[' if !in_string => in_key = true,
            b']' if !in_string => in_key = false,
            b'.' if !in_key => {
                steps.push((start, i));
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if in_key || in_string {
        return None;
    }
    steps.push((start, bytes.len()));
    let step = |k: usize| &address[steps[k].0..steps[k].1];
    let mut k = 0;
    while k + 1 < steps.len() && step(k) == "module" {
        k += 2;
    }
    let module = (k > 0).then(|| &address[..steps[k - 1].1]);
    let mode = match step(k) {
        "data" => "data",
        "ephemeral" => "ephemeral",
        "list" => "list",
        _ => "managed",
    };
    if mode != "managed" {
        k += 1;
    }
    if steps.len() != k + 2 || step(k).contains('[') {
        return None;
    }
    let name = step(k + 1);
    let (resource_type, name) = (step(k), name.split('[').next().unwrap_or(name));
    if resource_type.is_empty() || name.is_empty() {
        return None;
    }
    Some(Parsed {
        module,
        mode,
        resource_type,
        name,
    })
}

/// A value from the plan, bound for an error message: escaped and short.
fn short(s: &str) -> String {
    s.chars()
        .take(40)
        .collect::<String>()
        .escape_debug()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parts<'a>(ty: &'a str, name: &'a str) -> Parts<'a> {
        Parts {
            address: None,
            module_address: None,
            mode: None,
            resource_type: Some(ty),
            name: Some(name),
            index: None,
            index_unknown: false,
        }
    }

    fn rebuilt(p: Parts<'_>, q: KeyQuoting) -> String {
        identify(p, q).unwrap().address
    }

    #[test]
    fn rebuilds_as_terraform_prints() {
        let hcl = KeyQuoting::Hcl;
        assert_eq!(rebuilt(parts("aws_vpc", "main"), hcl), "aws_vpc.main");
        let data = Parts {
            mode: Some("data"),
            ..parts("aws_ami", "ubuntu")
        };
        assert_eq!(rebuilt(data, hcl), "data.aws_ami.ubuntu");
        let zero = json!(0);
        let counted = Parts {
            index: Some(&zero),
            ..parts("aws_instance", "web")
        };
        assert_eq!(rebuilt(counted, hcl), "aws_instance.web[0]");
        let key = json!("0");
        let keyed = Parts {
            index: Some(&key),
            module_address: Some("module.net[0].module.sub[\"eu\"]"),
            ..parts("aws_subnet", "s")
        };
        assert_eq!(
            rebuilt(keyed, hcl),
            "module.net[0].module.sub[\"eu\"].aws_subnet.s[\"0\"]"
        );
        let deferred = Parts {
            index_unknown: true,
            ..parts("aws_instance", "web")
        };
        assert_eq!(rebuilt(deferred, hcl), "aws_instance.web[*]");
    }

    #[test]
    fn string_keys_are_quoted_as_the_writing_release_did() {
        // Expected strings from Go: fmt.Sprintf("%q", k) and Terraform's instance_key_test.go.
        for (key, go, hcl) in [
            ("hi", r#""hi""#, r#""hi""#),
            ("", r#""""#, r#""""#),
            ("\"", r#""\"""#, r#""\"""#),
            ("\\r\\n", r#""\\r\\n""#, r#""\\r\\n""#),
            ("a\nb\tc", r#""a\nb\tc""#, r#""a\nb\tc""#),
            ("${var.x}", r#""${var.x}""#, r#""$${var.x}""#),
            ("%{ if }", r#""%{ if }""#, r#""%%{ if }""#),
            ("$5 %", r#""$5 %""#, r#""$5 %""#),
            ("\u{7}", r#""\a""#, r#""\u0007""#),
            ("\u{1}\u{7f}", r#""\x01\x7f""#, r#""\u0001\u007f""#),
            ("a\u{a0}b", r#""a\u00a0b""#, r#""a\u00a0b""#),
            ("\u{200b}", r#""\u200b""#, r#""\u200b""#),
            ("\u{f0000}", r#""\U000f0000""#, r#""\U000f0000""#),
            ("ünï 日本 🚀", "\"ünï 日本 🚀\"", "\"ünï 日本 🚀\""),
        ] {
            let v = json!(key);
            assert_eq!(
                instance_key(&v, KeyQuoting::Go).unwrap(),
                format!("[{go}]"),
                "{key:?}"
            );
            assert_eq!(
                instance_key(&v, KeyQuoting::Hcl).unwrap(),
                format!("[{hcl}]"),
                "{key:?}"
            );
        }
    }

    #[test]
    fn quoting_follows_the_release() {
        let q = KeyQuoting::for_plan;
        assert_eq!(q(Some("1.0.0"), Some("0.1")), KeyQuoting::Go);
        assert_eq!(q(Some("1.2.9"), Some("1.1")), KeyQuoting::Go);
        assert_eq!(q(Some("1.3.0"), Some("1.1")), KeyQuoting::Hcl);
        assert_eq!(q(Some("0.12.31"), None), KeyQuoting::Go);
        assert_eq!(q(None, Some("0.2")), KeyQuoting::Go);
        assert_eq!(q(None, Some("1.0")), KeyQuoting::Go);
        assert_eq!(q(None, Some("1.2")), KeyQuoting::Hcl);
        assert_eq!(q(Some("1.13.0-dev"), Some("1.2")), KeyQuoting::Hcl);
        assert_eq!(q(None, None), KeyQuoting::Hcl);
    }

    #[test]
    fn unusable_parts_say_why() {
        let none = Parts {
            resource_type: None,
            ..parts("", "")
        };
        assert!(identify(none, KeyQuoting::Hcl)
            .unwrap_err()
            .contains("no `address`, and no `type` and `name`"));
        let odd = Parts {
            mode: Some("weird"),
            ..parts("t", "n")
        };
        assert!(identify(odd, KeyQuoting::Hcl)
            .unwrap_err()
            .contains("mode weird"));
        for bad in [json!(1.5), json!([1]), json!(true)] {
            let p = Parts {
                index: Some(&bad),
                ..parts("t", "n")
            };
            assert!(identify(p, KeyQuoting::Hcl).is_err(), "{bad}");
        }
    }

    #[test]
    fn missing_parts_are_read_back_from_the_address() {
        let p = Parts {
            address: Some("module.a[\"x.y]\"].module.b[0].data.aws_iam_policy_document.p[\"k.z\"]"),
            module_address: None,
            mode: None,
            resource_type: None,
            name: None,
            index: None,
            index_unknown: false,
        };
        let id = identify(p, KeyQuoting::Hcl).unwrap();
        assert_eq!(id.module.as_deref(), Some("module.a[\"x.y]\"].module.b[0]"));
        assert_eq!(id.mode, "data");
        assert_eq!(id.resource_type, "aws_iam_policy_document");
        assert_eq!(id.name, "p");
        assert!(!id.rebuilt);
        let redacted = Parts {
            address: Some("(sensitive value)"),
            ..p
        };
        let id = identify(redacted, KeyQuoting::Hcl).unwrap();
        assert_eq!(
            (id.mode.as_str(), id.resource_type.as_str()),
            ("managed", "")
        );
        assert_eq!(parse("aws_vpc.main").unwrap().resource_type, "aws_vpc");
        assert!(parse("aws_vpc").is_none());
        assert!(parse("a.b.c.d").is_none());
    }
}
