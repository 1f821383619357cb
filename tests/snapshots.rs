//! Snapshot tests of every output format on representative fixtures: a reviewed snapshot is
//! the spec of what operators and CI systems see. Update with `INSTA_UPDATE=always cargo test
//! --test snapshots` and review the diff.

mod support;

const FIXTURES: &[(&str, &str)] = &[
    ("drift_outputs", "tf-summarize__example__tfplan.json"),
    ("replace", "opentofu__show-json__requires-replace.json"),
    ("delete_update", "opentofu__show-json__basic-delete.json"),
    ("risky", "checkov__tests__terraform__runner__tfplan2.json"),
    (
        "multiplan",
        "edge/terraform-plan-comment__tests__fixtures__basic__6-terragrunt-multiplan__plan.json",
    ),
    (
        "forget",
        "terraform-plan-comment__tests__fixtures__basic__3-remove__plan.json",
    ),
    ("import", "cds-terraform-plan__test__import__import.json"),
];

const FORMATS: &[&str] = &["table", "json", "markdown", "github", "sarif", "junit"];

#[test]
fn every_format_on_representative_plans() {
    let dir = support::fixture("");
    for (name, file) in FIXTURES {
        for format in FORMATS {
            let out = support::cloudops()
                .current_dir(&dir)
                .args([
                    "plan",
                    "analyze",
                    file,
                    "--no-config",
                    "--color",
                    "never",
                    "--format",
                    format,
                ])
                .output()
                .expect("runs");
            assert!(
                out.status.success(),
                "{name}/{format}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = String::from_utf8(out.stdout).expect("UTF-8 output");
            let text = text.replace(env!("CARGO_PKG_VERSION"), "[VERSION]");
            insta::assert_snapshot!(format!("{name}__{format}"), text);
        }
    }
}
