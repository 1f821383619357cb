//! Each built-in rule fires on the change it is about, and stays quiet on the near miss.

mod support;

use serde_json::{json, Value};

fn rc(addr: &str, actions: Value, before: Value, after: Value) -> Value {
    let (t, name) = addr
        .rsplit_once('.')
        .map(|(t, n)| (t.rsplit('.').next().unwrap_or(t), n))
        .unwrap();
    json!({"address": addr, "mode": "managed", "type": t, "name": name,
           "change": {"actions": actions, "before": before, "after": after,
                      "after_unknown": {}, "before_sensitive": {}, "after_sensitive": {}}})
}

fn findings(plan: Value, extra: &[&str]) -> Vec<(String, String, String)> {
    let r = support::analyze_stdin_json(plan.to_string(), extra);
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["address"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn plan(changes: Vec<Value>) -> Value {
    json!({"format_version": "1.2", "planned_values": {}, "resource_changes": changes})
}

fn has(f: &[(String, String, String)], rule: &str, sev: &str, addr: &str) -> bool {
    f.iter().any(|(r, s, a)| r == rule && s == sev && a == addr)
}

#[test]
fn each_rule_fires_on_its_change() {
    let sg_open = json!({"ingress": [{"cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": [], "from_port": 22, "to_port": 22, "protocol": "tcp"}]});
    let admin = json!({"policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"});
    let mut p = plan(vec![
        rc(
            "aws_rds_cluster.main",
            json!(["delete"]),
            json!({"skip_final_snapshot": true}),
            Value::Null,
        ),
        rc(
            "aws_iam_policy.admin",
            json!(["create"]),
            Value::Null,
            admin,
        ),
        rc(
            "aws_security_group.ssh",
            json!(["create"]),
            Value::Null,
            sg_open,
        ),
        rc(
            "aws_vpc_security_group_ingress_rule.v6",
            json!(["create"]),
            Value::Null,
            json!({"cidr_ipv6": "::/0", "from_port": 443, "to_port": 443, "ip_protocol": "tcp"}),
        ),
        rc(
            "aws_s3_bucket_public_access_block.pab",
            json!(["update"]),
            json!({"block_public_acls": true}),
            json!({"block_public_acls": false}),
        ),
        rc(
            "aws_ebs_volume.data",
            json!(["update"]),
            json!({"encrypted": true}),
            json!({"encrypted": false}),
        ),
        rc(
            "aws_db_instance.db",
            json!(["update"]),
            json!({"deletion_protection": true}),
            json!({"deletion_protection": false}),
        ),
        rc(
            "module.old.aws_sqs_queue.q",
            json!(["delete"]),
            json!({}),
            Value::Null,
        ),
    ]);
    p["resource_changes"][7]["action_reason"] = json!("delete_because_no_module");
    p["errored"] = json!(true);
    p["complete"] = json!(false);
    p["checks"] = json!([{"address": {"kind": "check", "to_display": "check.health"}, "status": "fail",
        "instances": [{"address": {"to_display": "check.health"}, "status": "fail", "problems": [{"message": "endpoint down"}]}]}]);
    p["resource_drift"] = json!([rc(
        "aws_s3_bucket.logs",
        json!(["update"]),
        json!({"tags": {"a": "1"}}),
        json!({"tags": {"a": "2"}})
    )]);
    let f = findings(p, &["--mass-destroy-threshold", "2"]);
    for (rule, sev, addr) in [
        ("CO001", "critical", "aws_rds_cluster.main"),
        ("CO002", "medium", "aws_iam_policy.admin"),
        ("CO003", "high", "aws_iam_policy.admin"),
        ("CO004", "high", "aws_security_group.ssh"),
        ("CO004", "high", "aws_vpc_security_group_ingress_rule.v6"),
        ("CO005", "high", "aws_s3_bucket_public_access_block.pab"),
        ("CO006", "high", "aws_ebs_volume.data"),
        ("CO007", "high", "aws_db_instance.db"),
        ("CO008", "high", "module.old.aws_sqs_queue.q"),
        ("CO009", "high", ""),
        ("CO010", "low", "aws_s3_bucket.logs"),
        ("CO011", "critical", ""),
        ("CO012", "high", "check.health"),
        ("CO013", "medium", ""),
    ] {
        assert!(
            has(&f, rule, sev, addr),
            "{rule} {sev} {addr} missing in {f:?}"
        );
    }
}

#[test]
fn near_misses_stay_quiet() {
    let open = json!({"ingress": [{"cidr_blocks": ["0.0.0.0/0"], "from_port": 443, "to_port": 443, "protocol": "tcp"}], "description": "a"});
    let mut open_b = open.clone();
    open_b["description"] = json!("b");
    let f = findings(
        plan(vec![
            // Already open before: a description change does not re-report it.
            rc("aws_security_group.web", json!(["update"]), open, open_b),
            // Private ranges are fine.
            rc(
                "aws_security_group_rule.internal",
                json!(["create"]),
                Value::Null,
                json!({"type": "ingress", "cidr_blocks": ["10.0.0.0/8"], "from_port": 22, "to_port": 22, "protocol": "tcp"}),
            ),
            // Encryption turned on is good news.
            rc(
                "aws_ebs_volume.data",
                json!(["update"]),
                json!({"encrypted": false}),
                json!({"encrypted": true}),
            ),
            // A stateless resource may come and go.
            rc(
                "aws_instance.web",
                json!(["delete"]),
                json!({}),
                Value::Null,
            ),
            // Scoped IAM actions on scoped resources.
            rc(
                "aws_iam_role_policy.p",
                json!(["no-op"]),
                json!({}),
                json!({"policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}"}),
            ),
        ]),
        &[],
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn severity_overrides_come_from_config() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, "[plan.severity]\nstateful-destroy = \"low\"\n").unwrap();
    let out = support::cloudops()
        .args(["plan", "analyze", "-", "--format", "json", "--config"])
        .arg(&cfg)
        .write_stdin(
            plan(vec![rc(
                "aws_s3_bucket.b",
                json!(["delete"]),
                json!({}),
                Value::Null,
            )])
            .to_string(),
        )
        .output()
        .unwrap();
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["findings"][0]["severity"], "low");
}
