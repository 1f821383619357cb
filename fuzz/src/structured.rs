//! `plan_structured`: fuzz bytes spliced into a valid plan skeleton, so that most runs get
//! past JSON syntax and into the analysis (diff, masking, rules, redaction, policy).
//!
//! Input layout (RS = 0x1E separates records, US = 0x1F separates fields):
//!
//! ```text
//! input  = header *(RS record)
//! header = h0 h1 h2 h3  field *(US field)       4 selector bytes, then header fields
//! record = r0 r1 r2 r3  field *(US field)       one resource change per record
//! ```
//!
//! Missing selector bytes count as 0 and missing fields as absent. A field that is valid JSON
//! is spliced in verbatim; any other field is spliced as a JSON string of its (lossy UTF-8)
//! text, so a mutation never breaks the surrounding document.
//!
//! Header selectors:
//! - h0: bit0 mask secret names off, bit1 `errored` present, bit2 `errored` value,
//!   bit3 `complete: false`, bit4 variable `v` is sensitive, bit5 HCP `plan_format_version`,
//!   bit6 add an output change, bit7 emit the document twice (a terragrunt-style stream)
//! - h1: bits0-3 mass-destroy threshold, bits4-5 encoding (UTF-8, UTF-8 BOM, UTF-16LE with
//!   BOM, UTF-16BE with BOM), bit6 read through `Trickle`, bit7 setup-terraform wrapper lines
//! - h2: bits0-2 `--fail-on` (0 none, 1..=5 info..critical), bit3 ignore rule h3,
//!   bit4 override rule h3's severity, bits5-7 `--max-destroy` (0 none, else n-1)
//! - h3: rule index (mod 13); its high nibble also picks the decorated table width
//!
//! Header fields: 0 value of variable `v`, 1 ignore-address glob, 2 `checks`,
//! 3 `action_invocations`, 4 `condition_results`, 5..=8 output before / after /
//! after_unknown / after_sensitive, 9 output name, 10 release shape: first byte bit0 writes
//! the plan as Terraform 1.0.0 does (format 0.1, whose drift may lack instance keys),
//! bit1 leaves out `terraform_version`.
//!
//! Record selectors:
//! - r0: actions (index into [`ACTIONS`]), r1: resource type (index into [`TYPES`]),
//! - r2: bit0 also in `resource_drift`, bit1 only in drift, bit2 mode `data`,
//!   bit3 `previous_address` (moved), bit4 `importing`, bit5 importing unknown,
//!   bit6 `generated_config`, bit7 in `deferred_changes` instead of `resource_changes`
//! - r3: action_reason (index into [`REASONS`]), high bit: a `module_address`/`deposed`
//!
//! Record fields: 0 before, 1 after, 2 after_unknown, 3 before_sensitive, 4 after_sensitive,
//! 5 replace_paths, 6 name, 7 a `relevant_attributes` path for this resource, 8 import id
//! (string) or identity (anything else), 9 optional fields to leave out, as older releases
//! do (first byte): bit0 `address`, bit1 `mode`, bit2 `type`, bit3 `name`,
//! bit4 `module_address`, bit5 `change`, bit6 adds an `index` (a number, or for odd records a
//! string key that needs quoting) to the address, bit7 `provider_name`.
//!
//! The skeleton always declares a sensitive root variable whose value is [`CANARY`]; the
//! redaction guarantee is that this value appears in no rendering, wherever the fuzzer copies
//! it to.

use cloudops::plan::policy::Policy;
use cloudops::plan::report::Severity;
use cloudops::plan::rules::RULES;
use cloudops::plan::AnalyzeOptions;
use cloudops::render::Style;

use crate::Knobs;

pub const RS: u8 = 0x1E;
pub const US: u8 = 0x1F;

/// The value of the sensitive variable `db_password`. Letters and digits only, so that no
/// renderer's escaping can hide a leak of it.
pub const CANARY: &str = "ZQ7CANARYX9VALUE";

pub const ACTIONS: &[&str] = &[
    r#"["create"]"#,
    r#"["update"]"#,
    r#"["delete"]"#,
    r#"["delete","create"]"#,
    r#"["create","delete"]"#,
    r#"["no-op"]"#,
    r#"["read"]"#,
    r#"["forget"]"#,
    r#"["create","forget"]"#,
    r#"[]"#,
    r#"["update","update"]"#,
    r#"["bogus"]"#,
];

pub const TYPES: &[&str] = &[
    "aws_security_group",
    "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule",
    "google_compute_firewall",
    "azurerm_network_security_rule",
    "azurerm_network_security_group",
    "aws_s3_bucket",
    "aws_s3_bucket_acl",
    "aws_s3_bucket_public_access_block",
    "aws_s3_account_public_access_block",
    "aws_s3_bucket_policy",
    "aws_db_instance",
    "aws_rds_cluster",
    "aws_ebs_volume",
    "aws_efs_file_system",
    "aws_redshift_cluster",
    "aws_iam_role",
    "aws_iam_policy",
    "aws_iam_role_policy",
    "aws_iam_user_policy",
    "google_project_iam_member",
    "azurerm_role_assignment",
    "aws_kms_key",
    "aws_dynamodb_table",
    "aws_instance",
    "aws_lb",
    "aws_elasticache_replication_group",
    "aws_s3_bucket_server_side_encryption_configuration",
    "aws_organizations_policy",
    "azuread_application",
    "aws_lambda_function",
    "local_file",
    "null_resource",
    "",
];

pub const REASONS: &[Option<&str>] = &[
    None,
    Some("replace_because_tainted"),
    Some("replace_because_cannot_update"),
    Some("replace_by_request"),
    Some("replace_by_triggers"),
    Some("delete_because_no_resource_config"),
    Some("delete_because_wrong_repetition"),
    Some("delete_because_count_index"),
    Some("delete_because_each_key"),
    Some("delete_because_no_module"),
    Some("delete_because_no_move_target"),
    Some("read_because_config_unknown"),
    Some("read_because_dependency_pending"),
    Some("read_because_check_nested"),
    Some("something_new"),
];

const SEVERITIES: [Severity; 5] = [
    Severity::Info,
    Severity::Low,
    Severity::Medium,
    Severity::High,
    Severity::Critical,
];

/// One `RS`/`US`-separated part: selector bytes and fields.
struct Part<'a> {
    sel: [u8; 4],
    fields: Vec<&'a [u8]>,
}

fn split(part: &[u8]) -> Part<'_> {
    let mut sel = [0u8; 4];
    let k = part.len().min(4);
    sel[..k].copy_from_slice(&part[..k]);
    let rest = &part[k..];
    let fields = if rest.is_empty() {
        Vec::new()
    } else {
        rest.split(|b| *b == US).collect()
    };
    Part { sel, fields }
}

impl Part<'_> {
    fn field(&self, i: usize) -> Option<&[u8]> {
        self.fields.get(i).copied().filter(|f| !f.is_empty())
    }

    /// The field as a JSON value: verbatim when it is valid JSON, else as a JSON string.
    fn json(&self, i: usize) -> Option<String> {
        self.field(i).map(json_fragment)
    }

    fn text(&self, i: usize) -> Option<String> {
        self.field(i)
            .map(|f| String::from_utf8_lossy(f).into_owned())
    }
}

pub fn json_fragment(f: &[u8]) -> String {
    // serde_json does not check UTF-8 inside strings it ignores, so check it first.
    match std::str::from_utf8(f) {
        Ok(s) if serde_json::from_str::<serde::de::IgnoredAny>(s).is_ok() => s.to_string(),
        _ => quote(&String::from_utf8_lossy(f)),
    }
}

fn quote(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

fn push_field(out: &mut String, key: &str, value: Option<String>) {
    if let Some(v) = value {
        out.push_str(&format!(",{}:{}", quote(key), v));
    }
}

/// The document and knobs an input stands for, plus how to feed it.
pub struct Built {
    pub bytes: Vec<u8>,
    /// The UTF-8 document before encoding, for people reading a crash.
    pub document: String,
    pub knobs: Knobs,
    pub trickle: bool,
}

pub fn build(data: &[u8]) -> Built {
    let mut parts = data.split(|b| *b == RS);
    let header = split(parts.next().unwrap_or_default());
    let records: Vec<Part> = parts.take(64).map(split).collect();
    let [h0, h1, h2, h3] = header.sel;

    let mut resource_changes = Vec::new();
    let mut drift = Vec::new();
    let mut deferred = Vec::new();
    let mut relevant = Vec::new();
    for (i, r) in records.iter().enumerate() {
        let [r0, r1, r2, r3] = r.sel;
        let ty = TYPES[r1 as usize % TYPES.len()];
        let ty = if ty.is_empty() {
            "t".to_string()
        } else {
            ty.to_string()
        };
        let name = r.text(6).unwrap_or_else(|| format!("r{i}"));
        let data_mode = r2 & 0x04 != 0;
        let mut address = format!("{}{ty}.{name}", if data_mode { "data." } else { "" });
        let module = r3 & 0x80 != 0;
        if module {
            address = format!("module.m{i}.{address}");
        }
        let drop = r.field(9).and_then(|f| f.first().copied()).unwrap_or(0);
        let index = (drop & 0x40 != 0).then(|| {
            if i % 2 == 0 {
                (i.to_string(), format!("[{i}]"))
            } else {
                // Quoted as Terraform 1.3+ does (the skeleton says 1.9.5).
                (
                    quote(&format!("k\"${{{i}}}")),
                    format!("[\"k\\\"$${{{i}}}\"]"),
                )
            }
        });
        if let Some((_, key)) = &index {
            address.push_str(key);
        }
        let mut change = format!("{{\"actions\":{}", ACTIONS[r0 as usize % ACTIONS.len()]);
        for (k, key) in [
            "before",
            "after",
            "after_unknown",
            "before_sensitive",
            "after_sensitive",
            "replace_paths",
        ]
        .iter()
        .enumerate()
        {
            push_field(&mut change, key, r.json(k));
        }
        if r2 & 0x10 != 0 {
            let mut imp = format!("{{\"unknown\":{}", r2 & 0x20 != 0);
            match r.json(8) {
                Some(v) if v.starts_with('"') => push_field(&mut imp, "id", Some(v)),
                v => push_field(&mut imp, "identity", v),
            }
            imp.push('}');
            push_field(&mut change, "importing", Some(imp));
        }
        if r2 & 0x40 != 0 {
            push_field(
                &mut change,
                "generated_config",
                Some(quote("resource \"x\" \"y\" {}")),
            );
        }
        change.push('}');

        // A leading member that every reader ignores, so that each part below can be left out.
        let mut rc = "{\"x\":0".to_string();
        let parts = [
            ("address", quote(&address)),
            ("mode", quote(if data_mode { "data" } else { "managed" })),
            ("type", quote(&ty)),
            ("name", quote(&name)),
        ];
        for (bit, (key, value)) in parts.into_iter().enumerate() {
            if drop & (1 << bit) == 0 {
                push_field(&mut rc, key, Some(value));
            }
        }
        if let Some((value, _)) = index {
            push_field(&mut rc, "index", Some(value));
        }
        if drop & 0x80 == 0 {
            push_field(
                &mut rc,
                "provider_name",
                Some(quote("registry.terraform.io/hashicorp/aws")),
            );
        }
        if r2 & 0x08 != 0 {
            push_field(
                &mut rc,
                "previous_address",
                Some(quote(&format!("{ty}.old_{name}"))),
            );
        }
        if module {
            if drop & 0x10 == 0 {
                push_field(
                    &mut rc,
                    "module_address",
                    Some(quote(&format!("module.m{i}"))),
                );
            }
            push_field(&mut rc, "deposed", Some(quote("00000001")));
        }
        if let Some(reason) = REASONS[(r3 & 0x7F) as usize % REASONS.len()] {
            push_field(&mut rc, "action_reason", Some(quote(reason)));
        }
        if drop & 0x20 == 0 {
            rc.push_str(&format!(",\"change\":{change}"));
        }
        rc.push('}');

        if let Some(path) = r.json(7) {
            relevant.push(format!(
                "{{\"resource\":{},\"attribute\":{path}}}",
                quote(&address)
            ));
        }
        if r2 & 0x01 != 0 {
            drift.push(rc.clone());
        }
        if r2 & 0x02 != 0 {
            continue;
        }
        if r2 & 0x80 != 0 {
            deferred.push(format!(
                "{{\"reason\":\"provider_config_unknown\",\"resource_change\":{rc}}}"
            ));
        } else {
            resource_changes.push(rc);
        }
    }

    let version_key = if h0 & 0x20 != 0 {
        "plan_format_version"
    } else {
        "format_version"
    };
    let shape = header
        .field(10)
        .and_then(|f| f.first().copied())
        .unwrap_or(0);
    let (format_version, terraform_version) = if shape & 0x01 != 0 {
        ("0.1", "1.0.0")
    } else {
        ("1.2", "1.9.5")
    };
    let mut doc = format!("{{{}:\"{format_version}\"", quote(version_key));
    if shape & 0x02 == 0 {
        push_field(
            &mut doc,
            "terraform_version",
            Some(quote(terraform_version)),
        );
    }
    push_field(
        &mut doc,
        "variables",
        Some(format!(
            "{{\"db_password\":{{\"value\":{}}},\"v\":{{\"value\":{}}}}}",
            quote(CANARY),
            header.json(0).unwrap_or_else(|| "null".into())
        )),
    );
    push_field(
        &mut doc,
        "resource_changes",
        Some(format!("[{}]", resource_changes.join(","))),
    );
    if !drift.is_empty() {
        push_field(
            &mut doc,
            "resource_drift",
            Some(format!("[{}]", drift.join(","))),
        );
    }
    if !relevant.is_empty() {
        push_field(
            &mut doc,
            "relevant_attributes",
            Some(format!("[{}]", relevant.join(","))),
        );
    }
    if !deferred.is_empty() {
        push_field(
            &mut doc,
            "deferred_changes",
            Some(format!("[{}]", deferred.join(","))),
        );
    }
    if h0 & 0x40 != 0 {
        let name = header.text(9).unwrap_or_else(|| "out".into());
        let mut oc = "{\"actions\":[\"update\"]".to_string();
        for (k, key) in ["before", "after", "after_unknown", "after_sensitive"]
            .iter()
            .enumerate()
        {
            push_field(&mut oc, key, header.json(5 + k));
        }
        oc.push('}');
        push_field(
            &mut doc,
            "output_changes",
            Some(format!("{{{}:{oc}}}", quote(&name))),
        );
    }
    push_field(&mut doc, "checks", header.json(2));
    push_field(&mut doc, "action_invocations", header.json(3));
    push_field(&mut doc, "condition_results", header.json(4));
    if h0 & 0x02 != 0 {
        push_field(&mut doc, "errored", Some((h0 & 0x04 != 0).to_string()));
    }
    if h0 & 0x08 != 0 {
        push_field(&mut doc, "complete", Some("false".into()));
    }
    push_field(&mut doc, "configuration", Some(format!(
        "{{\"root_module\":{{\"variables\":{{\"db_password\":{{\"sensitive\":true}},\"v\":{{\"sensitive\":{}}}}}}}}}",
        h0 & 0x10 != 0
    )));
    doc.push('}');

    let mut text = String::new();
    if h1 & 0x80 != 0 {
        text.push_str("[command]/home/runner/work/_temp/terraform-bin show -json tfplan\n");
    }
    text.push_str(&doc);
    if h0 & 0x80 != 0 {
        text.push('\n');
        if h1 & 0x80 != 0 {
            text.push_str("::debug::exitcode: 0\n");
        }
        text.push_str(&doc);
    }
    if h1 & 0x80 != 0 {
        text.push_str("\n::debug::stdout: done\n");
    }

    let bytes = match (h1 >> 4) & 0x03 {
        0 => text.as_bytes().to_vec(),
        1 => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        2 => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect(),
        _ => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect(),
    };

    let rule = RULES[h3 as usize % RULES.len()].id.to_string();
    let mut policy = Policy {
        fail_on: match h2 & 0x07 {
            0 => None,
            n => Some(SEVERITIES[(n as usize - 1) % 5]),
        },
        max_destroy: match h2 >> 5 {
            0 => None,
            n => Some(n as u64 - 1),
        },
        ..Policy::default()
    };
    if h2 & 0x08 != 0 {
        policy.ignore_rules.push(rule.clone());
    }
    if h2 & 0x10 != 0 {
        policy
            .severity
            .insert(rule, SEVERITIES[(h3 >> 4) as usize % 5]);
    }
    if let Some(glob) = header.text(1) {
        policy.ignore_addresses.push(glob);
    }
    let knobs = Knobs {
        opts: AnalyzeOptions {
            mask_secret_names: h0 & 0x01 == 0,
            mass_destroy_threshold: (h1 & 0x0F) as u64,
        },
        policy,
        table_style: Some(Style {
            color: h3 & 0x08 != 0,
            decorate: true,
            width: Some(((h3 >> 4) as u16) * 9),
        }),
        markdown_limit: Some(((h3 >> 4) as usize) * 300),
    };
    Built {
        bytes,
        document: text,
        knobs,
        trickle: h1 & 0x40 != 0,
    }
}
