//! A real AWS wire-protocol server for the tests: moto's server mode on 127.0.0.1, one per
//! test binary (or the one `.ci/run` started, named by CLOUDOPS_TEST_MOTO_ENDPOINT), run by
//! `moto_server.py` so that requests are handled one at a time (see there why), and
//! Cognito pools made through the real aws-sdk client, as the issue asks (moto's
//! CloudFormation skips Cognito resources).
//!
//! ```ignore
//! #[path = "support/moto.rs"]
//! mod moto;
//! ```
#![allow(dead_code)]

use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use aws_sdk_cognitoidentityprovider::types::{
    ExplicitAuthFlowsType, PasswordPolicyType, UserPoolPolicyType, UsernameAttributeType,
};

/// Where the server listens, e.g. `http://127.0.0.1:41234`.
pub fn endpoint() -> &'static str {
    static ENDPOINT: OnceLock<String> = OnceLock::new();
    ENDPOINT.get_or_init(|| {
        if let Some(e) = std::env::var("CLOUDOPS_TEST_MOTO_ENDPOINT")
            .ok()
            .filter(|e| !e.is_empty())
        {
            assert!(
                e.starts_with("http://127.0.0.1:"),
                "CLOUDOPS_TEST_MOTO_ENDPOINT must be on loopback, got {e}"
            );
            wait_until_up(&e, None);
            return e;
        }
        start()
    })
}

fn start() -> String {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    // The shell stops moto when this test process is gone, however the process ends.
    let launcher =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/moto_server.py");
    let script = format!(
        "python3 '{}' 127.0.0.1 {port} >/dev/null 2>&1 & m=$!; \
         while kill -0 {parent} 2>/dev/null && kill -0 $m 2>/dev/null; do sleep 1; done; \
         kill $m 2>/dev/null; wait $m; exit $?",
        launcher.display(),
        parent = std::process::id()
    );
    let child = Command::new("sh")
        .args(["-c", &script])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("sh runs");
    let endpoint = format!("http://127.0.0.1:{port}");
    wait_until_up(&endpoint, Some(child));
    endpoint
}

fn wait_until_up(endpoint: &str, mut child: Option<std::process::Child>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    let addr = endpoint.trim_start_matches("http://").to_string();
    loop {
        if std::net::TcpStream::connect(&addr).is_ok() {
            return;
        }
        if let Some(c) = child.as_mut() {
            if let Ok(Some(_)) = c.try_wait() {
                panic!(
                    "the moto server did not start: install it with `python3 -m pip install 'moto[server]'` \
                     (these tests need a real AWS wire-protocol server and are never skipped)"
                );
            }
        }
        assert!(
            Instant::now() < deadline,
            "the moto server at {endpoint} did not answer within 60 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// Test credentials for moto, and never anything but loopback.
pub async fn sdk_config() -> aws_config::SdkConfig {
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .endpoint_url(endpoint())
        .region(aws_config::Region::new("us-east-1"))
        .credentials_provider(aws_credential_types::Credentials::new(
            "testing", "testing", None, None, "tests",
        ))
        .http_client(
            aws_smithy_http_client::Builder::new()
                .tls_provider(aws_smithy_http_client::tls::Provider::Rustls(
                    aws_smithy_http_client::tls::rustls_provider::CryptoMode::Ring,
                ))
                .build_https(),
        )
        .load()
        .await
}

/// A user pool, app client and identity pool as `deploy/template.yaml` makes them.
#[derive(Debug, Clone)]
pub struct Pool {
    pub user_pool_id: String,
    pub client_id: String,
    pub identity_pool_id: String,
}

impl Pool {
    pub fn new() -> Pool {
        runtime().block_on(async {
            let cfg = sdk_config().await;
            let idp = aws_sdk_cognitoidentityprovider::Client::new(&cfg);
            let pool = idp
                .create_user_pool()
                .pool_name("cloudops-users")
                .username_attributes(UsernameAttributeType::Email)
                .auto_verified_attributes(
                    aws_sdk_cognitoidentityprovider::types::VerifiedAttributeType::Email,
                )
                .policies(
                    UserPoolPolicyType::builder()
                        .password_policy(
                            PasswordPolicyType::builder()
                                .minimum_length(8)
                                .require_uppercase(true)
                                .require_lowercase(true)
                                .require_numbers(true)
                                .require_symbols(false)
                                .build(),
                        )
                        .build(),
                )
                .send()
                .await
                .expect("create_user_pool")
                .user_pool
                .expect("pool");
            let user_pool_id = pool.id.expect("pool id");
            let client = idp
                .create_user_pool_client()
                .user_pool_id(&user_pool_id)
                .client_name("cloudops-cli")
                .explicit_auth_flows(ExplicitAuthFlowsType::AllowUserSrpAuth)
                .explicit_auth_flows(ExplicitAuthFlowsType::AllowUserPasswordAuth)
                .explicit_auth_flows(ExplicitAuthFlowsType::AllowRefreshTokenAuth)
                .send()
                .await
                .expect("create_user_pool_client")
                .user_pool_client
                .expect("client");
            let client_id = client.client_id.expect("client id");
            let identity = aws_sdk_cognitoidentity::Client::new(&cfg);
            let identity_pool_id = identity
                .create_identity_pool()
                .identity_pool_name("cloudops_identities")
                .allow_unauthenticated_identities(false)
                .cognito_identity_providers(
                    aws_sdk_cognitoidentity::types::CognitoIdentityProvider::builder()
                        .provider_name(format!(
                            "cognito-idp.us-east-1.amazonaws.com/{user_pool_id}"
                        ))
                        .client_id(&client_id)
                        .build(),
                )
                .send()
                .await
                .expect("create_identity_pool")
                .identity_pool_id;
            Pool {
                user_pool_id,
                client_id,
                identity_pool_id,
            }
        })
    }

    /// A confirmed user, made by an administrator (no email round trip).
    pub fn user(&self, email: &str, password: &str) {
        runtime().block_on(async {
            let idp = aws_sdk_cognitoidentityprovider::Client::new(&sdk_config().await);
            idp.sign_up()
                .client_id(&self.client_id)
                .username(email)
                .password(password)
                .send()
                .await
                .expect("sign_up");
            idp.admin_confirm_sign_up()
                .user_pool_id(&self.user_pool_id)
                .username(email)
                .send()
                .await
                .expect("admin_confirm_sign_up");
        })
    }

    /// Revokes every refresh token of `email`, as an administrator would.
    pub fn revoke(&self, email: &str) {
        runtime().block_on(async {
            let idp = aws_sdk_cognitoidentityprovider::Client::new(&sdk_config().await);
            idp.admin_user_global_sign_out()
                .user_pool_id(&self.user_pool_id)
                .username(email)
                .send()
                .await
                .expect("admin_user_global_sign_out");
        })
    }

    /// Whether Cognito still honours `refresh_token` (it is revoked by a global sign-out).
    pub fn refresh_works(&self, refresh_token: &str) -> bool {
        runtime().block_on(async {
            let idp = aws_sdk_cognitoidentityprovider::Client::new(&sdk_config().await);
            idp.initiate_auth()
                .client_id(&self.client_id)
                .auth_flow(aws_sdk_cognitoidentityprovider::types::AuthFlowType::RefreshTokenAuth)
                .auth_parameters("REFRESH_TOKEN", refresh_token)
                .send()
                .await
                .is_ok()
        })
    }

    /// The user's status as Cognito records it (e.g. `CONFIRMED`).
    pub fn status_of(&self, email: &str) -> String {
        runtime().block_on(async {
            let idp = aws_sdk_cognitoidentityprovider::Client::new(&sdk_config().await);
            idp.admin_get_user()
                .user_pool_id(&self.user_pool_id)
                .username(email)
                .send()
                .await
                .expect("admin_get_user")
                .user_status
                .map(|s| s.as_str().to_string())
                .unwrap_or_default()
        })
    }
}

/// The `Properties` of one resource of `deploy/template.yaml`, read as JSON (PyYAML comes
/// with cfn-lint and moto).
pub fn template_properties(logical_id: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/template.yaml");
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys,json,yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)",
        ])
        .arg(&path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "cannot read deploy/template.yaml with PyYAML (pip install pyyaml): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t: serde_json::Value = serde_json::from_slice(&out.stdout).expect("template JSON");
    t["Resources"][logical_id]["Properties"].clone()
}

/// A table made from the definition of `logical_id` in `deploy/template.yaml` (keys,
/// billing, TTL attribute), under a name of its own.
pub fn table_from_template(logical_id: &str) -> String {
    use aws_sdk_dynamodb::types::{
        AttributeDefinition, BillingMode, KeySchemaElement, KeyType, ScalarAttributeType,
        TimeToLiveSpecification,
    };
    let props = template_properties(logical_id);
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let name = format!(
        "cloudops-{}-{}-{}",
        logical_id.to_lowercase(),
        std::process::id(),
        N.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    );
    runtime().block_on(async {
        let ddb = aws_sdk_dynamodb::Client::new(&sdk_config().await);
        let mut create = ddb.create_table().table_name(&name);
        for a in props["AttributeDefinitions"]
            .as_array()
            .expect("attributes")
        {
            create = create.attribute_definitions(
                AttributeDefinition::builder()
                    .attribute_name(a["AttributeName"].as_str().expect("name"))
                    .attribute_type(ScalarAttributeType::from(
                        a["AttributeType"].as_str().expect("type"),
                    ))
                    .build()
                    .expect("attribute"),
            );
        }
        for k in props["KeySchema"].as_array().expect("keys") {
            create = create.key_schema(
                KeySchemaElement::builder()
                    .attribute_name(k["AttributeName"].as_str().expect("name"))
                    .key_type(KeyType::from(k["KeyType"].as_str().expect("type")))
                    .build()
                    .expect("key"),
            );
        }
        create = create.billing_mode(BillingMode::from(
            props["BillingMode"].as_str().expect("billing"),
        ));
        create.send().await.expect("create_table");
        let ttl = &props["TimeToLiveSpecification"];
        ddb.update_time_to_live()
            .table_name(&name)
            .time_to_live_specification(
                TimeToLiveSpecification::builder()
                    .attribute_name(ttl["AttributeName"].as_str().expect("ttl attribute"))
                    .enabled(ttl["Enabled"].as_bool().expect("ttl enabled"))
                    .build()
                    .expect("ttl"),
            )
            .send()
            .await
            .expect("update_time_to_live");
    });
    name
}

/// `token` with `edits` applied to its claims, signed again with moto's key (valid signature).
pub fn resign(token: &str, edits: serde_json::Value) -> String {
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/resign_jwt.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(token)
        .arg(edits.to_string())
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "resign_jwt.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf8")
        .trim()
        .to_string()
}

/// Runs `f` on a thread that reaches the kernel keyring as the binary does (a session
/// keyring of its own, linked to the persistent one), so the test can read and write the
/// same entries through the keyring crate.
pub fn in_session_keyring<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| {
        s.spawn(|| {
            cloudops::auth::vault::session_keyring().expect("kernel keyring");
            f()
        })
        .join()
        .expect("keyring thread")
    })
}

/// Variables that could send a test's AWS traffic elsewhere than the moto server.
const AWS_ELSEWHERE: &[&str] = &[
    "AWS_PROFILE",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
    "AWS_ENDPOINT_URL_COGNITO_IDENTITY",
    "AWS_ENDPOINT_URL_DYNAMODB",
    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
    "AWS_SESSION_TOKEN",
    "AWS_MAX_ATTEMPTS",
    "ALL_PROXY",
    "all_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "http_proxy",
    "https_proxy",
];

/// The environment that points the binary at the moto server and nowhere else: test
/// credentials, no instance metadata, no proxies, and `home` as HOME so no shared AWS config
/// of the developer's (profiles, endpoints) applies. `None` removes a variable.
pub fn aws_env(home: &std::path::Path) -> Vec<(String, Option<String>)> {
    let mut env: Vec<(String, Option<String>)> = AWS_ELSEWHERE
        .iter()
        .map(|k| (k.to_string(), None))
        .collect();
    let home = home.display().to_string();
    for (k, v) in [
        ("AWS_ENDPOINT_URL", endpoint().to_string()),
        ("AWS_EC2_METADATA_DISABLED", "true".into()),
        ("AWS_ACCESS_KEY_ID", "testing".into()),
        ("AWS_SECRET_ACCESS_KEY", "testing".into()),
        ("NO_PROXY", "127.0.0.1".into()),
        ("no_proxy", "127.0.0.1".into()),
        ("AWS_CONFIG_FILE", format!("{home}/no-aws-config")),
        (
            "AWS_SHARED_CREDENTIALS_FILE",
            format!("{home}/no-aws-credentials"),
        ),
        ("HOME", home.clone()),
    ] {
        env.push((k.to_string(), Some(v)));
    }
    env
}

// ---------------------------------------------------------------------------------------------
// Accounts of their own, Cost Explorer answers, SNS deliveries and the request log (cost and
// budget tests).
// ---------------------------------------------------------------------------------------------

/// Temporary credentials acting in one moto account (STS AssumeRole into it).
#[derive(Debug, Clone)]
pub struct AccountCredentials {
    pub account: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: String,
}

/// A 12-digit account ID no other test (nor an earlier run against the same server) uses:
/// `prefix` (up to 4 digits) names the test file, the rest comes from the process, the
/// clock and a counter.
pub fn fresh_account(prefix: u16) -> String {
    static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_nanos() as u64;
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let mixed = (nanos / 1000)
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(u64::from(std::process::id()) << 20)
        .wrapping_add(n.wrapping_mul(1_442_695_040_888_963_407));
    format!("{:04}{:08}", prefix % 10_000, (mixed >> 16) % 100_000_000)
}

/// Credentials for a fresh account of its own (see [`fresh_account`]).
pub fn assume_fresh_account(prefix: u16) -> AccountCredentials {
    assume_account(&fresh_account(prefix))
}

/// Credentials acting in `account`: moto hands them out for any role ARN, and every request
/// signed with them (GetCallerIdentity, SNS, DynamoDB, Cost Explorer) acts in that account.
pub fn assume_account(account: &str) -> AccountCredentials {
    runtime().block_on(async {
        let sts = aws_sdk_sts::Client::new(&sdk_config().await);
        let out = sts
            .assume_role()
            .role_arn(format!("arn:aws:iam::{account}:role/t"))
            .role_session_name("cloudops-tests")
            .send()
            .await
            .expect("sts AssumeRole against moto");
        let c = out.credentials.expect("credentials");
        AccountCredentials {
            account: account.to_string(),
            access_key_id: c.access_key_id,
            secret_access_key: c.secret_access_key,
            session_token: c.session_token,
        }
    })
}

/// Configuration for SDK calls made with `creds` (in their account).
pub async fn sdk_config_as(creds: &AccountCredentials) -> aws_config::SdkConfig {
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .endpoint_url(endpoint())
        .region(aws_config::Region::new("us-east-1"))
        .credentials_provider(aws_credential_types::Credentials::new(
            &creds.access_key_id,
            &creds.secret_access_key,
            Some(creds.session_token.clone()),
            None,
            "tests",
        ))
        .http_client(
            aws_smithy_http_client::Builder::new()
                .tls_provider(aws_smithy_http_client::tls::Provider::Rustls(
                    aws_smithy_http_client::tls::rustls_provider::CryptoMode::Ring,
                ))
                .build_https(),
        )
        .load()
        .await
}

/// An SNS topic named `name` in the account of `creds` (None: moto's default account, as the
/// `testing` credentials and a logged-in user's identity-pool credentials act); its ARN.
pub fn create_topic(creds: Option<&AccountCredentials>, name: &str) -> String {
    runtime().block_on(async {
        let cfg = match creds {
            Some(c) => sdk_config_as(c).await,
            None => sdk_config().await,
        };
        aws_sdk_sns::Client::new(&cfg)
            .create_topic()
            .name(name)
            .send()
            .await
            .expect("sns CreateTopic")
            .topic_arn
            .expect("topic ARN")
    })
}

/// A FIFO SNS topic named `name` (which must end in `.fifo`) in the account of `creds`
/// (None: moto's default account); its ARN. moto, as SNS, refuses a publish to it without a
/// message group ID and a deduplication ID (content-based deduplication is off).
pub fn create_fifo_topic(creds: Option<&AccountCredentials>, name: &str) -> String {
    assert!(
        name.ends_with(".fifo"),
        "a FIFO topic's name ends in .fifo: {name}"
    );
    runtime().block_on(async {
        let cfg = match creds {
            Some(c) => sdk_config_as(c).await,
            None => sdk_config().await,
        };
        aws_sdk_sns::Client::new(&cfg)
            .create_topic()
            .name(name)
            .attributes("FifoTopic", "true")
            .send()
            .await
            .expect("sns CreateTopic (FIFO)")
            .topic_arn
            .expect("topic ARN")
    })
}

/// A plain HTTP client for moto's own API (never through a proxy, statuses as answers).
fn moto_http() -> ureq::Agent {
    ureq::Agent::config_builder()
        .proxy(None)
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .new_agent()
}

fn get_json(path: &str) -> serde_json::Value {
    let url = format!("{}{path}", endpoint());
    let mut res = moto_http()
        .get(&url)
        .call()
        .unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let status = res.status().as_u16();
    let body = res
        .body_mut()
        .with_config()
        .limit(1 << 30)
        .read_to_string()
        .unwrap_or_else(|e| panic!("GET {url}: {e}"));
    assert_eq!(status, 200, "GET {url}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {url}: {e}: {body}"))
}

/// Queues GetCostAndUsage answers (whole response bodies) for `account`: moto answers each
/// request body it has not seen before with the next one, a body seen before as it did then.
pub fn seed_cost_and_usage(account: &str, results: &[serde_json::Value]) {
    let url = format!("{}/moto-api/static/ce/cost-and-usage-results", endpoint());
    let body = serde_json::json!({ "account_id": account, "results": results }).to_string();
    let mut res = moto_http()
        .post(&url)
        .header("content-type", "application/json")
        .send(body.as_str())
        .unwrap_or_else(|e| panic!("POST {url}: {e}"));
    let status = res.status().as_u16();
    let text = res.body_mut().read_to_string().unwrap_or_default();
    assert_eq!(status, 201, "seeding Cost Explorer answers: {text}");
}

/// moto's whole state (`/moto-api/data.json`).
pub fn moto_data() -> serde_json::Value {
    get_json("/moto-api/data.json")
}

/// The messages published to `topic_arn`, each `[message_id, message, subject,
/// message_attributes, group_id]`.
pub fn sns_messages(topic_arn: &str) -> Vec<serde_json::Value> {
    let data = moto_data();
    data["sns"]["Topic"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["arn"] == topic_arn)
        .flat_map(|t| {
            t["sent_notifications"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .collect()
}

/// The subscriptions of `topic_arn` (moto's model: `protocol`, `endpoint`, `topic_arn`, ...).
pub fn sns_subscriptions(topic_arn: &str) -> Vec<serde_json::Value> {
    let data = moto_data();
    data["sns"]["Subscription"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["topic_arn"] == topic_arn)
        .cloned()
        .collect()
}

/// Every request the server has handled, in order: `{"target", "path", "access_key"}` (and
/// `"body"` for Cost Explorer), as `moto_server.py` logs them.
pub fn calls() -> Vec<serde_json::Value> {
    let url = format!("{}/_cloudops/calls", endpoint());
    let status = moto_http()
        .get(&url)
        .call()
        .map(|r| r.status().as_u16())
        .unwrap_or_else(|e| panic!("GET {url}: {e}"));
    assert_eq!(
        status, 200,
        "{url} answered {status}: the moto server must be run by tests/support/moto_server.py, \
         which logs the requests these tests count"
    );
    let v = get_json("/_cloudops/calls");
    v.as_array()
        .cloned()
        .unwrap_or_else(|| panic!("/_cloudops/calls is not a list: {v}"))
}

/// The bodies (parsed) of the Cost Explorer `operation` requests (e.g. "GetCostAndUsage")
/// signed with `access_key`, in order.
pub fn cost_explorer_requests(operation: &str, access_key: &str) -> Vec<serde_json::Value> {
    let target = format!("AWSInsightsIndexService.{operation}");
    calls()
        .into_iter()
        .filter(|c| c["target"] == target.as_str() && c["access_key"] == access_key)
        .map(|c| {
            let body = c["body"].as_str().unwrap_or("{}");
            serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
        })
        .collect()
}

/// Every item of one partition, read with the SDK (not through cloudops).
pub fn partition(
    table: &str,
    user_id: &str,
) -> Vec<std::collections::HashMap<String, aws_sdk_dynamodb::types::AttributeValue>> {
    runtime().block_on(async {
        let ddb = aws_sdk_dynamodb::Client::new(&sdk_config().await);
        let mut out = Vec::new();
        let mut start = None;
        loop {
            let page = ddb
                .query()
                .table_name(table)
                .key_condition_expression("user_id = :u")
                .expression_attribute_values(
                    ":u",
                    aws_sdk_dynamodb::types::AttributeValue::S(user_id.to_string()),
                )
                .consistent_read(true)
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .expect("Query");
            out.extend(page.items.unwrap_or_default());
            match page.last_evaluated_key {
                Some(k) => start = Some(k),
                None => return out,
            }
        }
    })
}
