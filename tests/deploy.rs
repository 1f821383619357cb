//! `deploy/template.yaml` is the only thing keeping one cloudops user out of another's data, so
//! its guarantees are tested, not just reviewed: it passes cfn-lint, every DynamoDB grant is
//! confined to the caller's own partition, and the tables and sign-in settings are the ones
//! `deploy/README.md` promises. These tests never skip: without cfn-lint (and the PyYAML it
//! brings) they fail.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::{json, Value};

const INSTALL_HINT: &str = "install it with `pip install cfn-lint` (it also brings PyYAML)";

/// The value the identity pool puts in the `sub` session tag; IAM must see it literally.
const OWN_PARTITION: &str = "${aws:PrincipalTag/sub}";

/// Everything the role may do in DynamoDB. An allowlist rather than a denylist because the
/// LeadingKeys condition says nothing about requests without partition keys (Scan, DeleteTable,
/// UpdateTable, exports, backups…): ForAllValues over an empty set is true.
const ITEM_ACTIONS: &[&str] = &[
    "dynamodb:GetItem",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:Query",
    "dynamodb:BatchGetItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:ConditionCheckItem",
];
const DESCRIBE_TABLE: &str = "dynamodb:DescribeTable";

fn template_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("deploy/template.yaml")
}

fn output_text(out: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// cfn-lint on PATH, else the cfn-lint Python package through python3 (cfn-lint 1.x has no
/// `python -m cfnlint`). 127 is what a pyenv shim returns when the active Python lacks it.
fn run_cfn_lint() -> Output {
    let template = template_path();
    if let Ok(out) = Command::new("cfn-lint").arg(&template).output() {
        if out.status.code() != Some(127) {
            return out;
        }
    }
    let fallback = Command::new("python3")
        .args([
            "-c",
            "import sys; from cfnlint.runner import main; sys.argv[0] = 'cfn-lint'; sys.exit(main())",
        ])
        .arg(&template)
        .output();
    match fallback {
        Err(e) => panic!("this test needs cfn-lint, and neither `cfn-lint` nor `python3` could be run ({e}); {INSTALL_HINT} — refusing to skip"),
        Ok(out) if String::from_utf8_lossy(&out.stderr).contains("No module named") => panic!(
            "this test needs cfn-lint, which is neither on PATH nor importable by python3; {INSTALL_HINT} — refusing to skip\n{}",
            output_text(&out)
        ),
        Ok(out) => out,
    }
}

/// The template as JSON, through PyYAML: a plain YAML parser, which is also why the template
/// must not use `!Ref`-style tags.
fn template() -> &'static Value {
    static TEMPLATE: OnceLock<Value> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let out = Command::new("python3")
            .args([
                "-c",
                "import sys,json,yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)",
            ])
            .arg(template_path())
            .output()
            .unwrap_or_else(|e| {
                panic!(
                    "this test needs python3 with PyYAML ({e}); {INSTALL_HINT} — refusing to skip"
                )
            });
        assert!(
            out.status.success(),
            "deploy/template.yaml could not be read by PyYAML (is python3's `yaml` module \
             installed? {INSTALL_HINT}; short tags like !Ref are not plain YAML)\n{}",
            output_text(&out)
        );
        serde_json::from_slice(&out.stdout).expect("PyYAML's output is JSON")
    })
}

/// (logical id, resource) for every resource of `type_`.
fn resources(type_: &str) -> Vec<(&'static str, &'static Value)> {
    template()["Resources"]
        .as_object()
        .expect("the template has Resources")
        .iter()
        .filter(|(_, r)| r["Type"] == type_)
        .map(|(id, r)| (id.as_str(), r))
        .collect()
}

fn the_resource(type_: &str) -> (&'static str, &'static Value) {
    let found = resources(type_);
    assert_eq!(
        found.len(),
        1,
        "expected exactly one {type_}, found {found:?}"
    );
    found[0]
}

/// IAM accepts one string or a list wherever a list is allowed.
fn strings(v: &Value) -> Vec<&str> {
    match v {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a
            .iter()
            .map(|x| {
                x.as_str()
                    .unwrap_or_else(|| panic!("expected strings, got {v}"))
            })
            .collect(),
        Value::Null => vec![],
        _ => panic!("expected a string or a list of strings, got {v}"),
    }
}

/// Every policy statement anywhere in the template: role policies, managed policies, resource
/// policies and trust policies alike, so a grant cannot hide in a new kind of resource.
fn statements() -> Vec<&'static Value> {
    fn walk(v: &'static Value, out: &mut Vec<&'static Value>) {
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    if k == "Statement" {
                        match child {
                            Value::Array(a) => out.extend(a.iter()),
                            one => out.push(one),
                        }
                    }
                    walk(child, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|c| walk(c, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(template(), &mut out);
    assert!(!out.is_empty(), "the template has no policy statements");
    out
}

/// IAM's action matching: case-insensitive, `*` and `?` wildcards.
fn action_matches(pattern: &str, action: &str) -> bool {
    fn go(p: &[u8], a: &[u8]) -> bool {
        match (p.first(), a.first()) {
            (None, None) => true,
            (Some(b'*'), _) => go(&p[1..], a) || (!a.is_empty() && go(p, &a[1..])),
            (Some(b'?'), Some(_)) => go(&p[1..], &a[1..]),
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => go(&p[1..], &a[1..]),
            _ => false,
        }
    }
    go(pattern.as_bytes(), action.as_bytes())
}

fn allows(statement: &Value) -> bool {
    statement["Effect"] == "Allow"
}

/// Whether a statement's actions reach into DynamoDB (a wildcard that could match a DynamoDB
/// action counts).
fn is_dynamodb_pattern(pattern: &str) -> bool {
    action_matches(pattern, "dynamodb:") || pattern.to_ascii_lowercase().starts_with("dynamodb:")
}

#[test]
fn template_passes_cfn_lint() {
    let out = run_cfn_lint();
    assert!(
        out.status.success(),
        "cfn-lint reports problems in deploy/template.yaml\n{}",
        output_text(&out)
    );
}

#[test]
fn isolation_condition_on_every_dynamodb_statement() {
    let tables: BTreeSet<&str> = resources("AWS::DynamoDB::Table")
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut granted = BTreeSet::new();
    for st in statements().into_iter().filter(|s| allows(s)) {
        assert!(
            st.get("NotAction").is_none() && st.get("NotResource").is_none(),
            "an Allow with NotAction/NotResource grants everything not listed: {st}"
        );
        let actions = strings(&st["Action"]);
        for a in &actions {
            assert!(
                !action_matches(a, "dynamodb:Scan"),
                "`{a}` grants dynamodb:Scan, which LeadingKeys cannot confine: {st}"
            );
        }
        let dynamodb: Vec<&str> = actions
            .iter()
            .copied()
            .filter(|a| is_dynamodb_pattern(a))
            .collect();
        if dynamodb.is_empty() {
            continue;
        }
        for a in &dynamodb {
            assert!(
                ITEM_ACTIONS.contains(a) || *a == DESCRIBE_TABLE,
                "`{a}` is not one of the item actions the LeadingKeys condition can confine \
                 (nor DescribeTable): {st}"
            );
            granted.insert(*a);
        }
        // Only the three tables and their indexes: a `*` resource would extend the grant to
        // every table in the account.
        for r in st["Resource"]
            .as_array()
            .unwrap_or_else(|| panic!("Resource must list the tables: {st}"))
        {
            let table = if let Some(att) = r.get("Fn::GetAtt") {
                assert_eq!(att[1], "Arn", "{r}");
                att[0].as_str().unwrap_or_default().to_string()
            } else if let Some(sub) = r.get("Fn::Sub").and_then(Value::as_str) {
                sub.strip_prefix("${")
                    .and_then(|s| s.strip_suffix(".Arn}/index/*"))
                    .unwrap_or_else(|| panic!("not a table index ARN: {r}"))
                    .to_string()
            } else {
                panic!("DynamoDB resource is not one of the tables: {r}");
            };
            assert!(tables.contains(table.as_str()), "{table} is not a table");
        }
        if dynamodb == [DESCRIBE_TABLE] {
            continue;
        }
        let leading = &st["Condition"]["ForAllValues:StringEquals"]["dynamodb:LeadingKeys"];
        assert!(
            leading.is_string() || leading.is_array(),
            "DynamoDB grant without ForAllValues:StringEquals dynamodb:LeadingKeys: {st}"
        );
        assert_eq!(
            strings(leading),
            [OWN_PARTITION],
            "LeadingKeys must be exactly the caller's own `sub` (and not inside Fn::Sub): {st}"
        );
    }
    let expected: BTreeSet<&str> = ITEM_ACTIONS
        .iter()
        .copied()
        .chain([DESCRIBE_TABLE])
        .collect();
    assert_eq!(
        granted, expected,
        "cloudops needs exactly these DynamoDB actions"
    );

    // The `sub` the condition compares with is the user-pool `sub`, put there by the identity
    // pool and nothing else.
    let (pool_id, pool) = the_resource("AWS::Cognito::IdentityPool");
    assert_eq!(
        pool["Properties"]["AllowUnauthenticatedIdentities"], false,
        "anonymous identities would get credentials"
    );
    let (user_pool_id, _) = the_resource("AWS::Cognito::UserPool");
    let (_, tags) = the_resource("AWS::Cognito::IdentityPoolPrincipalTag");
    let tags = &tags["Properties"];
    assert_eq!(tags["IdentityPoolId"], json!({ "Ref": pool_id }));
    assert_eq!(
        tags["IdentityProviderName"],
        json!({ "Fn::GetAtt": [user_pool_id, "ProviderName"] })
    );
    assert_eq!(tags["UseDefaults"], false, "the defaults do not map `sub`");
    assert_eq!(tags["PrincipalTags"], json!({ "sub": "sub" }));

    // The role the pool hands out must accept the tag and only this pool's signed-in users.
    let (_, attachment) = the_resource("AWS::Cognito::IdentityPoolRoleAttachment");
    let roles = attachment["Properties"]["Roles"]
        .as_object()
        .expect("Roles");
    assert_eq!(
        roles.keys().collect::<Vec<_>>(),
        ["authenticated"],
        "only signed-in users get a role"
    );
    let role_id = roles["authenticated"]["Fn::GetAtt"][0]
        .as_str()
        .expect("the authenticated role is a role of this template");
    let role = &template()["Resources"][role_id];
    assert_eq!(role["Type"], "AWS::IAM::Role");
    let trust = role["Properties"]["AssumeRolePolicyDocument"]["Statement"]
        .as_array()
        .expect("trust policy statements");
    assert!(trust.iter().any(allows), "the trust policy allows nothing");
    for st in trust.iter().filter(|s| allows(s)) {
        assert_eq!(
            st["Principal"],
            json!({ "Federated": "cognito-identity.amazonaws.com" }),
            "{st}"
        );
        let actions: BTreeSet<&str> = strings(&st["Action"]).into_iter().collect();
        assert_eq!(
            actions,
            BTreeSet::from(["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]),
            "without sts:TagSession the `sub` principal tag cannot be set"
        );
        let c = &st["Condition"];
        assert_eq!(
            c["StringEquals"]["cognito-identity.amazonaws.com:aud"],
            json!({ "Ref": pool_id }),
            "without the aud condition any identity pool could assume the role: {st}"
        );
        assert_eq!(
            strings(&c["ForAnyValue:StringLike"]["cognito-identity.amazonaws.com:amr"]),
            ["authenticated"],
            "{st}"
        );
    }
}

#[test]
fn tables_are_encrypted_with_ttl_pitr_and_user_partition() {
    let tables = resources("AWS::DynamoDB::Table");
    assert_eq!(
        tables.len(),
        3,
        "plans, budgets and cost cache: {:?}",
        tables.iter().map(|(id, _)| id).collect::<Vec<_>>()
    );
    for (id, t) in tables {
        let p = &t["Properties"];
        assert_eq!(p["BillingMode"], "PAY_PER_REQUEST", "{id}");
        assert_eq!(p["SSESpecification"]["SSEEnabled"], true, "{id}");
        assert_eq!(
            p["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"], true,
            "{id}"
        );
        assert_eq!(
            p["TimeToLiveSpecification"],
            json!({ "AttributeName": "expires_at", "Enabled": true }),
            "{id}"
        );
        assert_eq!(
            p["KeySchema"],
            json!([
                { "AttributeName": "user_id", "KeyType": "HASH" },
                { "AttributeName": "sk", "KeyType": "RANGE" },
            ]),
            "{id}: the partition key is the owner's `sub`, which LeadingKeys checks"
        );
        let mut attrs: Vec<Value> = p["AttributeDefinitions"].as_array().expect(id).clone();
        attrs.sort_by_key(|a| a["AttributeName"].to_string());
        assert_eq!(
            attrs,
            [
                json!({ "AttributeName": "sk", "AttributeType": "S" }),
                json!({ "AttributeName": "user_id", "AttributeType": "S" }),
            ],
            "{id}"
        );
        assert_eq!(p["DeletionProtectionEnabled"], true, "{id}");
        assert_eq!(t["DeletionPolicy"], "Retain", "{id} holds user data");
        assert_eq!(t["UpdateReplacePolicy"], "Retain", "{id} holds user data");
        // Local indexes share the table's partition key; a global one must be partitioned by
        // user_id too, or LeadingKeys would check some other attribute on a Query of it.
        for index in p["GlobalSecondaryIndexes"].as_array().into_iter().flatten() {
            assert_eq!(
                index["KeySchema"][0],
                json!({ "AttributeName": "user_id", "KeyType": "HASH" }),
                "{id}: {index}"
            );
        }
    }
}

#[test]
fn user_pool_policy_and_token_lifetimes() {
    let (user_pool_id, pool) = the_resource("AWS::Cognito::UserPool");
    let p = &pool["Properties"];
    assert_eq!(p["UsernameAttributes"], json!(["email"]));
    assert_eq!(p["AutoVerifiedAttributes"], json!(["email"]));
    let pw = &p["Policies"]["PasswordPolicy"];
    assert_eq!(pw["MinimumLength"].as_u64(), Some(8), "{pw}");
    assert_eq!(pw["RequireUppercase"], true, "{pw}");
    assert_eq!(pw["RequireLowercase"], true, "{pw}");
    assert_eq!(pw["RequireNumbers"], true, "{pw}");
    assert_eq!(pw["RequireSymbols"], false, "{pw}");
    assert_eq!(
        p["AccountRecoverySetting"]["RecoveryMechanisms"],
        json!([{ "Name": "verified_email", "Priority": 1 }])
    );
    assert_eq!(p["DeletionProtection"], "ACTIVE");

    let (_, client) = the_resource("AWS::Cognito::UserPoolClient");
    let c = &client["Properties"];
    assert_eq!(c["UserPoolId"], json!({ "Ref": user_pool_id }));
    assert_eq!(
        c["GenerateSecret"], false,
        "a CLI cannot keep a client secret"
    );
    let flows: BTreeSet<&str> = strings(&c["ExplicitAuthFlows"]).into_iter().collect();
    assert_eq!(
        flows,
        BTreeSet::from([
            "ALLOW_USER_SRP_AUTH",
            "ALLOW_USER_PASSWORD_AUTH",
            "ALLOW_REFRESH_TOKEN_AUTH",
        ])
    );
    assert_eq!(c["AccessTokenValidity"].as_u64(), Some(24));
    assert_eq!(c["IdTokenValidity"].as_u64(), Some(24));
    assert_eq!(c["RefreshTokenValidity"].as_u64(), Some(30));
    assert_eq!(
        c["TokenValidityUnits"],
        json!({ "AccessToken": "hours", "IdToken": "hours", "RefreshToken": "days" })
    );
    assert_eq!(c["PreventUserExistenceErrors"], "ENABLED");
    assert_eq!(c["EnableTokenRevocation"], true);
}

#[test]
fn outputs_name_everything_cloudops_is_configured_with() {
    let outputs: BTreeSet<&str> = template()["Outputs"]
        .as_object()
        .expect("Outputs")
        .keys()
        .map(String::as_str)
        .collect();
    let expected = BTreeSet::from([
        "Region",
        "UserPoolId",
        "UserPoolClientId",
        "IdentityPoolId",
        "PlansTableName",
        "BudgetsTableName",
        "CostCacheTableName",
        "AlertTopicArn",
        "AuthenticatedRoleArn",
    ]);
    assert_eq!(outputs, expected, "deploy/README.md reads these by name");
}

/// The policy statements of the role the identity pool hands signed-in users.
fn authenticated_role_statements() -> Vec<&'static Value> {
    let (_, attachment) = the_resource("AWS::Cognito::IdentityPoolRoleAttachment");
    let role_id = attachment["Properties"]["Roles"]["authenticated"]["Fn::GetAtt"][0]
        .as_str()
        .expect("the authenticated role is a role of this template");
    let role = &template()["Resources"][role_id];
    assert_eq!(role["Type"], "AWS::IAM::Role");
    assert!(
        role["Properties"]["ManagedPolicyArns"].is_null(),
        "managed policies would grant what this file does not show: {role}"
    );
    let out: Vec<&Value> = role["Properties"]["Policies"]
        .as_array()
        .expect("the role has inline policies")
        .iter()
        .flat_map(|p| {
            p["PolicyDocument"]["Statement"]
                .as_array()
                .expect("policy statements")
        })
        .collect();
    assert!(!out.is_empty(), "the role allows nothing");
    out
}

/// Beyond its own DynamoDB items, a signed-in user may read the account's costs, publish to the
/// alert topic and subscribe an email address to it: nothing else, and nothing by wildcard.
#[test]
fn signed_in_users_read_costs_publish_alerts_and_subscribe_only_email() {
    let (topic_id, _) = the_resource("AWS::SNS::Topic");
    let topic = json!([{ "Ref": topic_id }]);
    let mut granted = BTreeSet::new();
    for st in authenticated_role_statements()
        .into_iter()
        .filter(|s| allows(s))
    {
        for a in strings(&st["Action"]) {
            if is_dynamodb_pattern(a) {
                continue; // isolation_condition_on_every_dynamodb_statement
            }
            assert!(
                !a.contains(['*', '?']),
                "`{a}`: the role's actions are listed, never matched: {st}"
            );
            granted.insert(a);
            match a {
                // Cost Explorer has no resource-level permissions.
                "ce:GetCostAndUsage" | "ce:GetCostForecast" => {
                    assert_eq!(st["Resource"], "*", "{st}");
                }
                "sns:Publish" => {
                    assert_eq!(st["Resource"], topic, "only the alert topic: {st}");
                }
                "sns:Subscribe" => {
                    assert_eq!(st["Resource"], topic, "only the alert topic: {st}");
                    assert_eq!(
                        st["Condition"],
                        json!({ "StringEquals": { "sns:Protocol": "email" } }),
                        "subscriptions must be email, or alerts could go to any endpoint: {st}"
                    );
                }
                other => panic!("the role must not be granted `{other}`: {st}"),
            }
        }
    }
    assert_eq!(
        granted,
        BTreeSet::from([
            "ce:GetCostAndUsage",
            "ce:GetCostForecast",
            "sns:Publish",
            "sns:Subscribe",
        ]),
        "`cloudops cost` and `cloudops budget` need exactly these (sts:GetCallerIdentity needs \
         no permission)"
    );

    // Nowhere else in the template (a topic policy, say) may Subscribe be allowed without the
    // email condition.
    for st in statements().into_iter().filter(|s| allows(s)) {
        if strings(&st["Action"])
            .iter()
            .any(|a| action_matches(a, "sns:Subscribe"))
        {
            assert_eq!(
                strings(&st["Condition"]["StringEquals"]["sns:Protocol"]),
                ["email"],
                "{st}"
            );
        }
    }
}

/// Every table — plans, budgets, cost cache — is reachable with the item actions cloudops uses,
/// each grant confined to the caller's own partition; Scan never.
#[test]
fn every_table_grants_its_item_actions_on_the_own_partition_only() {
    let tables: Vec<&str> = resources("AWS::DynamoDB::Table")
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    for table in ["PlansTable", "BudgetsTable", "CostCacheTable"] {
        assert!(tables.contains(&table), "{table} is missing: {tables:?}");
    }
    let role = authenticated_role_statements();
    for table in &tables {
        let arn = json!({ "Fn::GetAtt": [table, "Arn"] });
        for action in [
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:Query",
        ] {
            let grant = role.iter().find(|st| {
                allows(st)
                    && strings(&st["Action"]).contains(&action)
                    && st["Resource"].as_array().is_some_and(|r| r.contains(&arn))
            });
            let grant = grant.unwrap_or_else(|| panic!("the role cannot {action} on {table}"));
            assert_eq!(
                strings(&grant["Condition"]["ForAllValues:StringEquals"]["dynamodb:LeadingKeys"]),
                [OWN_PARTITION],
                "{action} on {table} is not confined to the caller's partition: {grant}"
            );
        }
    }
    assert!(
        !role.iter().any(|st| allows(st)
            && strings(&st["Action"])
                .iter()
                .any(|a| action_matches(a, "dynamodb:Scan"))),
        "Scan reads every user's items"
    );
}

/// The alert topic is encrypted with the AWS managed key `alias/aws/sns`, whose key policy lets
/// this account's principals use it through SNS: that is why the role has no kms:* grant. A
/// customer managed key would need kms:GenerateDataKey* and kms:Decrypt for publishers.
#[test]
fn alert_topic_is_encrypted_with_the_aws_managed_key() {
    let (topic_id, topic) = the_resource("AWS::SNS::Topic");
    assert_eq!(
        topic["Properties"]["KmsMasterKeyId"], "alias/aws/sns",
        "{topic_id}: with another key, grant publishers kms:GenerateDataKey* and kms:Decrypt on it"
    );
    for st in authenticated_role_statements() {
        for a in strings(&st["Action"]) {
            assert!(
                !action_matches(a, "kms:Decrypt") && !a.to_ascii_lowercase().starts_with("kms:"),
                "the AWS managed key needs no KMS grant; `{a}` would reach other keys: {st}"
            );
        }
    }
    let outputs = &template()["Outputs"];
    assert_eq!(
        outputs["AlertTopicArn"]["Value"],
        json!({ "Ref": topic_id })
    );
    assert_eq!(
        outputs["BudgetsTableName"]["Value"],
        json!({ "Ref": "BudgetsTable" })
    );
    assert_eq!(
        outputs["CostCacheTableName"]["Value"],
        json!({ "Ref": "CostCacheTable" })
    );
}
