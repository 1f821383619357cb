//! `signup`, `confirm`, `login`, `auth status|token`, `logout` end to end: the real binary,
//! the real aws-sdk clients, a real Cognito wire protocol (moto on 127.0.0.1) with real RS256
//! tokens and JWKS, and the real Linux kernel keyring — or its explicit file fallback.

#[path = "support/github_server.rs"]
mod github_server;
#[path = "support/moto.rs"]
mod moto;
mod support;

use std::path::PathBuf;
use std::time::Duration;

use moto::Pool;

const PASSWORD: &str = "Correct-Horse-9";

struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Out {
    fn expect(&self, code: i32) -> &Out {
        assert_eq!(
            self.code,
            Some(code),
            "exit code\nstdout: {}\nstderr: {}",
            self.stdout,
            self.stderr
        );
        self
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("{e}: {}", self.stdout))
    }
}

/// One operator: a pool of their own, a config directory of their own.
struct Operator {
    pool: Pool,
    config_dir: tempfile::TempDir,
    endpoint: String,
}

impl Operator {
    fn new() -> Operator {
        Operator {
            pool: Pool::new(),
            config_dir: tempfile::tempdir().expect("tempdir"),
            endpoint: moto::endpoint().to_string(),
        }
    }

    fn run(&self, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Out {
        let mut c = support::cloudops();
        for k in [
            "CLOUDOPS_USERNAME",
            "CLOUDOPS_PASSWORD",
            "CLOUDOPS_INSECURE_STORAGE",
            "CLOUDOPS_AUTH_REFRESH_MARGIN",
            "CLOUDOPS_PROFILE",
        ] {
            c.env_remove(k);
        }
        for (k, v) in moto::aws_env(self.config_dir.path()) {
            match v {
                Some(v) => c.env(k, v),
                None => c.env_remove(k),
            };
        }
        c.env("AWS_ENDPOINT_URL", &self.endpoint)
            .env("CLOUDOPS_CONFIG_DIR", self.config_dir.path())
            .env("CLOUDOPS_USER_POOL_ID", &self.pool.user_pool_id)
            .env("CLOUDOPS_CLIENT_ID", &self.pool.client_id)
            .env("CLOUDOPS_IDENTITY_POOL_ID", &self.pool.identity_pool_id);
        for (k, v) in env {
            c.env(k, v);
        }
        c.args(args).timeout(Duration::from_secs(120));
        if let Some(s) = stdin {
            c.write_stdin(s.to_string());
        }
        let out = c.output().expect("the binary runs");
        Out {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn login(&self, email: &str) -> Out {
        self.run(
            &["login", "--email", email, "--password-stdin"],
            Some(PASSWORD),
            &[],
        )
    }

    fn status(&self, env: &[(&str, &str)]) -> Out {
        self.run(&["auth", "status", "--format", "json"], None, env)
    }

    fn token(&self) -> String {
        let out = self.run(&["auth", "token"], None, &[]);
        out.expect(0);
        out.stdout.trim().to_string()
    }

    /// Files in the config directory (the insecure fallback writes one; the keyring none).
    fn files(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.config_dir.path())
            .map(|d| d.map(|e| e.expect("entry").path()).collect())
            .unwrap_or_default()
    }

    fn keyring_description(&self, name: &str) -> String {
        format!(
            "keyring-rs:cognito/{}/{}/{name}@cloudops",
            self.pool.user_pool_id, self.pool.client_id
        )
    }
}

impl Drop for Operator {
    /// Tests leave nothing in the developer's kernel keyring (its quota is small).
    fn drop(&mut self) {
        let _ = self.run(&["logout", "--local"], None, &[]);
    }
}

impl Operator {
    fn keyring_entry(&self, name: &str) -> keyring::Entry {
        keyring::Entry::new(
            "cloudops",
            &format!(
                "cognito/{}/{}/{name}",
                self.pool.user_pool_id, self.pool.client_id
            ),
        )
        .expect("entry")
    }

    /// Makes the stored ID and access tokens expired two minutes ago (validly signed), as
    /// they are after a day without cloudops.
    fn age_stored_tokens(&self) {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        moto::in_session_keyring(|| {
            for name in ["id", "access"] {
                let e = self.keyring_entry(name);
                let token = e.get_password().expect("stored token");
                let old = moto::resign(
                    &token,
                    serde_json::json!({"exp": now - 120, "iat": now - 3720}),
                );
                e.set_password(&old).expect("write back");
            }
        });
    }

    fn stored(&self, name: &str) -> Option<String> {
        moto::in_session_keyring(|| self.keyring_entry(name).get_password().ok())
    }
}

/// Whether the user's persistent kernel keyring holds an entry (what another login session
/// of this user would find).
fn in_kernel_keyring(description: &str) -> bool {
    let keys = std::fs::read_to_string("/proc/keys").expect("/proc/keys");
    keys.lines().any(|l| l.contains(description))
}

/// Deleted keys are invalidated and then collected by the kernel a moment later.
fn gone_from_kernel_keyring(description: &str) -> bool {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while in_kernel_keyring(description) {
        if std::time::Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    true
}

#[test]
fn a_new_user_signs_up_confirms_logs_in_is_refreshed_and_logs_out() {
    let op = Operator::new();
    let email = "new.user@example.com";

    // Sign-up with a password the pool refuses: a clear message, nothing created.
    let weak = op.run(
        &["signup", "--email", email, "--password-stdin"],
        Some("short"),
        &[],
    );
    weak.expect(64);
    assert!(
        weak.stderr.contains("password was refused"),
        "{}",
        weak.stderr
    );

    let signup = op.run(
        &["signup", "--email", email, "--password-stdin"],
        Some(&format!("{PASSWORD}\n")),
        &[],
    );
    signup.expect(0);
    assert!(
        signup.stdout.contains("cloudops confirm --email"),
        "{}",
        signup.stdout
    );
    assert_eq!(op.pool.status_of(email), "UNCONFIRMED");

    // Not confirmed yet: login says what to do, and nothing is stored.
    let early = op.login(email);
    early.expect(4);
    assert!(
        early.stderr.contains("not been confirmed"),
        "{}",
        early.stderr
    );
    assert!(
        early.stderr.contains("cloudops confirm"),
        "{}",
        early.stderr
    );
    op.status(&[]).expect(4);

    let again = op.run(
        &["signup", "--email", email, "--password-stdin"],
        Some(PASSWORD),
        &[],
    );
    again.expect(64);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);

    // (`confirm --resend` is not exercised: moto answers ResendConfirmationCode with HTTP 500.)
    op.run(
        &["confirm", "--email", email, "--code", "123456"],
        None,
        &[],
    )
    .expect(0);
    assert_eq!(op.pool.status_of(email), "CONFIRMED");

    let login = op.login(email);
    login.expect(0);
    assert!(
        login.stdout.contains("Logged in as new.user@example.com"),
        "{}",
        login.stdout
    );
    assert!(login.stdout.contains("OS keyring"), "{}", login.stdout);
    // In the real kernel keyring, not on disk.
    for name in ["id", "access", "refresh"] {
        assert!(
            in_kernel_keyring(&op.keyring_description(name)),
            "{name} token not in the kernel keyring"
        );
    }
    // Only the pool's public keys are cached on disk; no token is.
    assert!(
        op.files().iter().all(|f| f
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("jwks-"))),
        "{:?}",
        op.files()
    );

    let status = op.status(&[]);
    status.expect(0);
    let s = status.json();
    assert_eq!(s["email"], email);
    assert_eq!(s["source"], "stored");
    assert_eq!(s["verified"], true);
    assert_eq!(s["refreshed"], false);
    assert!(s["storage"].as_str().unwrap().contains("keyring"), "{s}");
    assert!(
        s["aws_identity"]["identity_id"]
            .as_str()
            .is_some_and(|i| i.starts_with("us-east-1:")),
        "{s}"
    );
    let table = op.run(&["auth", "status"], None, &[]);
    table.expect(0);
    assert!(table.stdout.contains("Valid until"), "{}", table.stdout);
    // Fresh tokens are verified against the pool's cached public keys: no network needed.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    let dead = format!("http://{}", closed.local_addr().expect("addr"));
    drop(closed);
    let offline = op.status(&[
        ("AWS_ENDPOINT_URL", &dead),
        ("CLOUDOPS_IDENTITY_POOL_ID", ""),
    ]);
    offline.expect(0);
    assert_eq!(offline.json()["verified"], true);

    // Expired tokens are refreshed on the next command, silently, and stored.
    let before = op.token();
    let refresh_token = op.stored("refresh").expect("refresh token stored");
    op.age_stored_tokens();
    let refreshed = op.status(&[]);
    refreshed.expect(0);
    let r = refreshed.json();
    assert_eq!(r["refreshed"], true, "{r}");
    assert_eq!(r["email"], email);
    let after = op.token();
    assert_ne!(before, after, "the stored access token was replaced");
    assert_eq!(
        op.stored("refresh").as_deref(),
        Some(refresh_token.as_str())
    );
    assert_eq!(op.status(&[]).json()["refreshed"], false);
    // A margin longer than the tokens live does not make every command refresh.
    for _ in 0..2 {
        let s = op.status(&[("CLOUDOPS_AUTH_REFRESH_MARGIN", "86400")]);
        s.expect(0);
        assert_eq!(s.json()["refreshed"], false, "{}", s.stdout);
    }

    let logout = op.run(&["logout"], None, &[]);
    logout.expect(0);
    assert!(logout.stdout.contains("every device"), "{}", logout.stdout);
    for name in ["id", "access", "refresh"] {
        assert!(
            gone_from_kernel_keyring(&op.keyring_description(name)),
            "{name} left behind"
        );
    }
    let gone = op.status(&[]);
    gone.expect(4);
    assert!(gone.stderr.contains("not logged in"), "{}", gone.stderr);
    // Logging out twice is not an error.
    op.run(&["logout"], None, &[]).expect(0);
}

#[test]
fn a_revoked_login_asks_to_log_in_again_with_exit_4_and_forgets_the_tokens() {
    let op = Operator::new();
    op.pool.user("revoked@example.com", PASSWORD);
    op.login("revoked@example.com").expect(0);

    op.pool.revoke("revoked@example.com");
    op.age_stored_tokens();
    let out = op.status(&[]);
    out.expect(4);
    assert!(
        out.stderr.contains("expired or was revoked"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("cloudops login"), "{}", out.stderr);
    let after = op.status(&[]);
    after.expect(4);
    assert!(after.stderr.contains("not logged in"), "{}", after.stderr);
}

#[test]
fn login_failures_are_specific_and_store_nothing() {
    let op = Operator::new();
    op.pool.user("known@example.com", PASSWORD);

    let wrong = op.run(
        &["login", "--email", "known@example.com", "--password-stdin"],
        Some("Wrong-Password-1"),
        &[],
    );
    wrong.expect(4);
    assert!(
        wrong.stderr.contains("wrong email or password"),
        "{}",
        wrong.stderr
    );

    let unknown = op.login("nobody@example.com");
    unknown.expect(4);
    assert!(
        unknown.stderr.contains("no account for nobody@example.com"),
        "{}",
        unknown.stderr
    );
    assert!(
        unknown.stderr.contains("cloudops signup"),
        "{}",
        unknown.stderr
    );

    // No terminal and no --password-stdin: a usage error, not a hang.
    let no_tty = op.run(&["login", "--email", "known@example.com"], Some(""), &[]);
    no_tty.expect(64);
    assert!(
        no_tty.stderr.contains("--password-stdin"),
        "{}",
        no_tty.stderr
    );

    let empty = op.run(
        &["login", "--email", "known@example.com", "--password-stdin"],
        Some(""),
        &[],
    );
    empty.expect(64);

    // Nothing answers at the endpoint.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    let dead = format!("http://{}", closed.local_addr().expect("addr"));
    drop(closed);
    let down = op.run(
        &["login", "--email", "known@example.com", "--password-stdin"],
        Some(PASSWORD),
        &[("AWS_ENDPOINT_URL", &dead), ("AWS_MAX_ATTEMPTS", "1")],
    );
    down.expect(1);
    assert!(down.stderr.contains("cannot connect"), "{}", down.stderr);
    assert!(
        down.stderr.contains(&dead),
        "names the endpoint: {}",
        down.stderr
    );

    for out in [&wrong, &unknown, &down] {
        assert!(!out.stderr.contains(PASSWORD) && !out.stdout.contains(PASSWORD));
    }
    op.status(&[]).expect(4);
    assert!(op.files().is_empty(), "{:?}", op.files());
}

#[test]
fn throttling_and_a_wrong_endpoint_are_named_and_change_nothing() {
    use github_server::{Response, Route, Server};
    let op = Operator::new();
    op.pool.user("busy@example.com", PASSWORD);

    // Cognito's throttling answer, every time (the SDK retries it with backoff first).
    let throttled = Server::start(vec![Route::seq(
        "POST",
        "/",
        vec![Response::json(
            400,
            serde_json::json!({"__type": "TooManyRequestsException", "message": "Rate exceeded"}),
        )
        .header("content-type", "application/x-amz-json-1.1")],
    )]);
    let out = op.run(
        &["login", "--email", "busy@example.com", "--password-stdin"],
        Some(PASSWORD),
        &[
            ("AWS_ENDPOINT_URL", &throttled.base_uri()),
            ("AWS_MAX_ATTEMPTS", "2"),
        ],
    );
    out.expect(1);
    assert!(out.stderr.contains("throttling"), "{}", out.stderr);
    assert!(out.stderr.contains("nothing was changed"), "{}", out.stderr);
    assert_eq!(
        throttled.hits("/"),
        2,
        "the SDK retried once, as configured"
    );

    // Something HTTP that is not Cognito at all.
    let elsewhere = Server::start(vec![]);
    let out = op.run(
        &["login", "--email", "busy@example.com", "--password-stdin"],
        Some(PASSWORD),
        &[("AWS_ENDPOINT_URL", &elsewhere.base_uri())],
    );
    out.expect(1);
    assert!(out.stderr.contains("wrong endpoint?"), "{}", out.stderr);
    assert!(out.stderr.contains(&elsewhere.base_uri()), "{}", out.stderr);

    // A logged-in user whose refresh meets throttling keeps the login: nothing half-done.
    op.login("busy@example.com").expect(0);
    op.age_stored_tokens();
    let before = op.stored("access");
    let out = op.status(&[
        ("AWS_ENDPOINT_URL", &throttled.base_uri()),
        ("AWS_MAX_ATTEMPTS", "1"),
    ]);
    out.expect(1);
    assert!(out.stderr.contains("throttling"), "{}", out.stderr);
    assert_eq!(
        op.stored("access"),
        before,
        "the stored tokens are untouched"
    );
    op.status(&[]).expect(0);
}

#[test]
fn a_project_file_cannot_choose_the_user_pool_or_insecure_storage() {
    let op = Operator::new();
    for table in [
        "[auth]\nuser_pool_id = \"us-east-1_Attacker\"\nclient_id = \"abc123\"\n",
        "[auth]\ninsecure_storage = true\n",
        "[aws]\nprofile = \"prod-admin\"\n",
    ] {
        let file = op.config_dir.path().join("project.cloudops.toml");
        std::fs::write(&file, table).expect("write");
        let out = op.run(
            &[
                "--config",
                file.to_str().unwrap(),
                "login",
                "--email",
                "a@example.com",
                "--password-stdin",
            ],
            Some(PASSWORD),
            &[],
        );
        out.expect(64);
        assert!(
            out.stderr.contains("never from a project file"),
            "{}",
            out.stderr
        );
    }
}

/// With an identity pool configured, AWS calls for the logged-in user are signed with the
/// identity pool's temporary credentials: with no other credentials anywhere, the shared
/// history still works, and stops working when the identity pool is taken away.
#[test]
fn aws_calls_use_the_identity_pools_credentials() {
    let op = Operator::new();
    op.pool.user("creds@example.com", PASSWORD);
    let table = moto::table_from_template("PlansTable");
    op.login("creds@example.com").expect(0);
    let data = tempfile::tempdir().expect("tempdir");
    let save = |extra: &[(&str, &str)]| {
        let mut env = vec![
            ("CLOUDOPS_PLANS_TABLE", table.as_str()),
            ("CLOUDOPS_DATA_DIR", data.path().to_str().unwrap()),
            // No static credentials: only the identity pool can provide any.
            ("AWS_ACCESS_KEY_ID", ""),
            ("AWS_SECRET_ACCESS_KEY", ""),
            ("AWS_MAX_ATTEMPTS", "1"),
        ];
        env.extend_from_slice(extra);
        let fixture = support::fixture("checkov__tests__terraform__runner__tfplan2.json");
        op.run(
            &[
                "plan",
                "analyze",
                fixture.to_str().unwrap(),
                "--save",
                "--workspace",
                "creds",
                "--format",
                "json",
            ],
            None,
            &env,
        )
    };
    let ok = save(&[]);
    ok.expect(0);
    assert!(ok.stderr.contains("DynamoDB table"), "{}", ok.stderr);

    let without = save(&[("CLOUDOPS_IDENTITY_POOL_ID", "")]);
    without.expect(1);
    assert!(
        without.stderr.contains("DynamoDB table"),
        "{}",
        without.stderr
    );
    assert!(
        without.stderr.to_lowercase().contains("credentials"),
        "{}",
        without.stderr
    );
}

#[test]
fn logout_revokes_even_an_expired_login_and_local_logout_only_forgets() {
    let op = Operator::new();
    op.pool.user("leave@example.com", PASSWORD);

    // `auth token --id` is the ID token: it carries the user's claims.
    op.login("leave@example.com").expect(0);
    let id = op.run(&["auth", "token", "--id"], None, &[]);
    id.expect(0);
    let payload = b64_decode(id.stdout.trim().split('.').nth(1).expect("a JWT"));
    let claims: serde_json::Value = serde_json::from_slice(&payload).expect("claims");
    assert_eq!(claims["token_use"], "id");
    assert_eq!(claims["email"], "leave@example.com");

    // --local forgets here and revokes nothing: the refresh token still works elsewhere.
    let refresh = op.stored("refresh").expect("refresh token");
    let local = op.run(&["logout", "--local"], None, &[]);
    local.expect(0);
    assert!(local.stdout.contains("not revoked"), "{}", local.stdout);
    assert!(op.stored("refresh").is_none());
    assert!(op.pool.refresh_works(&refresh), "--local must not revoke");

    // A plain logout with an expired access token still revokes (it refreshes to do so).
    op.login("leave@example.com").expect(0);
    let refresh = op.stored("refresh").expect("refresh token");
    op.age_stored_tokens();
    let out = op.run(&["logout"], None, &[]);
    out.expect(0);
    assert!(out.stdout.contains("every device"), "{}", out.stdout);
    assert!(
        !op.pool.refresh_works(&refresh),
        "the refresh token was revoked"
    );
    op.status(&[]).expect(4);
}

/// `config from-stack` reads a deployed stack's outputs (CloudFormation on moto) into the
/// user config, all at once, under the profile given; a stack without them changes nothing.
#[test]
fn config_from_stack_fills_every_setting_at_once() {
    let op = Operator::new();
    let outputs = [
        ("Region", "us-east-1"),
        ("UserPoolId", op.pool.user_pool_id.as_str()),
        ("UserPoolClientId", op.pool.client_id.as_str()),
        ("IdentityPoolId", op.pool.identity_pool_id.as_str()),
        ("PlansTableName", "cloudops-plans"),
        ("BudgetsTableName", "cloudops-budgets"),
        ("CostCacheTableName", "cloudops-cost-cache"),
        (
            "AlertTopicArn",
            "arn:aws:sns:us-east-1:123456789012:cloudops-budget-alerts",
        ),
    ];
    // The setting each output fills (deploy/README.md).
    let keys = [
        ("Region", "aws.region"),
        ("UserPoolId", "auth.user_pool_id"),
        ("UserPoolClientId", "auth.client_id"),
        ("IdentityPoolId", "auth.identity_pool_id"),
        ("PlansTableName", "aws.plans_table"),
        ("BudgetsTableName", "aws.budgets_table"),
        ("CostCacheTableName", "aws.cost_cache_table"),
        ("AlertTopicArn", "aws.alert_topic"),
    ];
    let stack = |name: &str, outputs: &[(&str, &str)]| {
        let body = serde_json::json!({
            "Resources": {"Topic": {"Type": "AWS::SNS::Topic"}},
            "Outputs": outputs
                .iter()
                .map(|(k, v)| (k.to_string(), serde_json::json!({"Value": v})))
                .collect::<serde_json::Map<_, _>>(),
        });
        moto::runtime().block_on(async {
            aws_sdk_cloudformation::Client::new(&moto::sdk_config().await)
                .create_stack()
                .stack_name(name)
                .template_body(body.to_string())
                .send()
                .await
                .expect("create_stack");
        });
    };
    let name = format!("cloudops-{}", cloudops::store::new_id());
    stack(&name, &outputs);
    // An empty variable does not count, so the files' values show.
    let cleared = [
        ("CLOUDOPS_USER_POOL_ID", ""),
        ("CLOUDOPS_CLIENT_ID", ""),
        ("CLOUDOPS_IDENTITY_POOL_ID", ""),
        ("CLOUDOPS_PLANS_TABLE", ""),
        ("CLOUDOPS_BUDGETS_TABLE", ""),
        ("CLOUDOPS_COST_CACHE_TABLE", ""),
        ("CLOUDOPS_ALERT_TOPIC", ""),
    ];
    let out = op.run(
        &[
            "--profile",
            "team",
            "config",
            "from-stack",
            &name,
            "--region",
            "us-east-1",
        ],
        None,
        &cleared,
    );
    out.expect(0);
    assert_eq!(keys.len(), outputs.len());
    for ((output, value), (named, key)) in outputs.iter().zip(keys) {
        assert_eq!(*output, named);
        let got = op.run(&["--profile", "team", "config", "get", key], None, &cleared);
        got.expect(0);
        assert_eq!(got.stdout.trim(), *value, "{key} from the output {output}");
        let listed = op.run(&["--profile", "team", "config", "list"], None, &cleared);
        assert!(
            listed
                .stdout
                .lines()
                .any(|l| l.starts_with(&format!("{key} = {value}  # "))
                    && l.contains("[profiles.team]")),
            "{key}: {}",
            listed.stdout
        );
    }
    // The settings work: sign-up and login go to the pool the stack named.
    op.pool.user("stack@example.com", PASSWORD);
    let login = op.run(
        &[
            "--profile",
            "team",
            "login",
            "--email",
            "stack@example.com",
            "--password-stdin",
        ],
        Some(PASSWORD),
        &cleared,
    );
    login.expect(0);
    op.run(&["--profile", "team", "logout", "--local"], None, &cleared)
        .expect(0);

    // A stack that is not ours: refused, nothing written.
    let before = std::fs::read_to_string(op.config_dir.path().join("config.toml")).expect("config");
    let other = format!("other-{}", cloudops::store::new_id());
    stack(&other, &outputs[..2]);
    let out = op.run(
        &[
            "--profile",
            "other",
            "config",
            "from-stack",
            &other,
            "--region",
            "us-east-1",
        ],
        None,
        &cleared,
    );
    out.expect(64);
    assert!(out.stderr.contains("UserPoolClientId"), "{}", out.stderr);
    let after = std::fs::read_to_string(op.config_dir.path().join("config.toml")).expect("config");
    assert_eq!(before, after, "nothing written");
    // A stack with the sign-in and history outputs but not the budget ones: all or none.
    let older = format!("older-{}", cloudops::store::new_id());
    stack(&older, &outputs[..5]);
    let out = op.run(
        &[
            "--profile",
            "older",
            "config",
            "from-stack",
            &older,
            "--region",
            "us-east-1",
        ],
        None,
        &cleared,
    );
    out.expect(64);
    for output in ["BudgetsTableName", "CostCacheTableName", "AlertTopicArn"] {
        assert!(out.stderr.contains(output), "{output}: {}", out.stderr);
    }
    let after = std::fs::read_to_string(op.config_dir.path().join("config.toml")).expect("config");
    assert_eq!(before, after, "nothing written");
    // An AlertTopicArn that is no SNS topic ARN is refused like `config set` refuses it.
    let wrong = format!("wrong-{}", cloudops::store::new_id());
    let mut bad_topic = outputs;
    bad_topic[7].1 = "cloudops-budget-alerts";
    stack(&wrong, &bad_topic);
    let out = op.run(
        &[
            "--profile",
            "wrong",
            "config",
            "from-stack",
            &wrong,
            "--region",
            "us-east-1",
        ],
        None,
        &cleared,
    );
    out.expect(64);
    assert!(out.stderr.contains("aws.alert_topic"), "{}", out.stderr);
    assert!(out.stderr.contains("SNS topic ARN"), "{}", out.stderr);
    let after = std::fs::read_to_string(op.config_dir.path().join("config.toml")).expect("config");
    assert_eq!(before, after, "nothing written");
    let missing = op.run(
        &[
            "config",
            "from-stack",
            "no-such-stack",
            "--region",
            "us-east-1",
        ],
        None,
        &cleared,
    );
    missing.expect(1);
    assert!(
        missing.stderr.contains("does not exist"),
        "{}",
        missing.stderr
    );
}

#[test]
fn no_pool_configured_is_a_usage_error_naming_the_settings() {
    let op = Operator::new();
    let out = op.run(
        &["login", "--email", "a@example.com", "--password-stdin"],
        Some(PASSWORD),
        &[("CLOUDOPS_USER_POOL_ID", ""), ("CLOUDOPS_CLIENT_ID", "")],
    );
    out.expect(64);
    assert!(out.stderr.contains("auth.user_pool_id"), "{}", out.stderr);
    assert!(out.stderr.contains("deploy/"), "{}", out.stderr);
}

#[test]
fn ci_credentials_from_the_environment_win_and_are_never_stored() {
    let op = Operator::new();
    op.pool.user("ci@example.com", PASSWORD);
    let env = [
        ("CLOUDOPS_USERNAME", "ci@example.com"),
        ("CLOUDOPS_PASSWORD", PASSWORD),
    ];
    let out = op.status(&env);
    out.expect(0);
    let s = out.json();
    assert_eq!(s["source"], "environment");
    assert_eq!(s["email"], "ci@example.com");
    let token = op.run(&["auth", "token"], None, &env);
    token.expect(0);
    assert!(token.stdout.starts_with("eyJ"), "{}", token.stdout);
    // Nothing was stored: without the variables there is no login.
    op.status(&[]).expect(4);
    assert!(gone_from_kernel_keyring(&op.keyring_description("id")));
    assert!(
        op.files().iter().all(|f| f
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("jwks-"))),
        "only public keys on disk: {:?}",
        op.files()
    );

    let half = op.status(&[("CLOUDOPS_PASSWORD", PASSWORD)]);
    half.expect(64);
    assert!(half.stderr.contains("CLOUDOPS_USERNAME"), "{}", half.stderr);
}

#[test]
fn the_id_token_is_verified_before_it_is_trusted() {
    let op = Operator::new();
    op.pool.user("verify@example.com", PASSWORD);
    // The file store lets the test reach the stored token.
    let out = with_unwritable_keyring(|| {
        op.run(
            &[
                "login",
                "--email",
                "verify@example.com",
                "--password-stdin",
                "--insecure-storage",
            ],
            Some(PASSWORD),
            &[],
        )
    });
    out.expect(0);
    let file = credentials_file(&op);

    // A claim changed after signing: the signature no longer matches.
    let original = std::fs::read_to_string(&file).expect("credentials file");
    let mut stored: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&original).expect("json");
    let id = stored["id"].as_str().expect("id token").to_string();
    let mut parts: Vec<String> = id.split('.').map(str::to_string).collect();
    let payload = b64_decode(&parts[1]);
    let forged = String::from_utf8(payload)
        .expect("utf8")
        .replace("verify@example.com", "admin@example.com");
    parts[1] = b64_encode(forged.as_bytes());
    stored.insert("id".into(), parts.join(".").into());
    std::fs::write(&file, serde_json::to_string(&stored).unwrap()).expect("write");
    let forged_out = op.status(&[]);
    forged_out.expect(4);
    assert!(
        forged_out.stderr.contains("cannot be trusted"),
        "{}",
        forged_out.stderr
    );
    assert!(
        forged_out.stderr.contains("signature"),
        "{}",
        forged_out.stderr
    );
    assert!(!forged_out.stdout.contains("admin@example.com"));

    // A token of another user pool (same signing key at moto): the issuer is checked.
    let other = Operator::new();
    other.pool.user("verify@example.com", PASSWORD);
    let other_login = with_unwritable_keyring(|| {
        other.run(
            &[
                "login",
                "--email",
                "verify@example.com",
                "--password-stdin",
                "--insecure-storage",
            ],
            Some(PASSWORD),
            &[],
        )
    });
    other_login.expect(0);
    let foreign: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(credentials_file(&other)).unwrap()).unwrap();
    stored.insert("id".into(), foreign["id"].clone());
    std::fs::write(&file, serde_json::to_string(&stored).unwrap()).expect("write");
    let wrong_issuer = op.status(&[]);
    wrong_issuer.expect(4);
    assert!(
        wrong_issuer.stderr.contains("not issued by"),
        "{}",
        wrong_issuer.stderr
    );

    // An access token where the ID token belongs: no audience, not an ID token.
    stored.insert("id".into(), stored["access"].clone());
    std::fs::write(&file, serde_json::to_string(&stored).unwrap()).expect("write");
    op.status(&[]).expect(4);

    // Validly signed, but each wrong in one way; and headers that pick another algorithm
    // or an unpublished key.
    let genuine = serde_json::Value::from(original_id(&original));
    let g = genuine.as_str().unwrap();
    let header = |h: serde_json::Value| {
        let parts: Vec<&str> = g.split('.').collect();
        format!(
            "{}.{}.{}",
            b64_encode(h.to_string().as_bytes()),
            parts[1],
            parts[2]
        )
    };
    for (token, says) in [
        (
            moto::resign(g, serde_json::json!({"aud": "another-client"})),
            "not issued for app client",
        ),
        (
            moto::resign(g, serde_json::json!({"token_use": "access"})),
            "not an ID token",
        ),
        (
            header(serde_json::json!({"alg": "HS256", "kid": "dummy"})),
            "expected RS256",
        ),
        (
            header(serde_json::json!({"alg": "RS256", "kid": "not-published"})),
            "does not publish",
        ),
        (
            header(serde_json::json!({"alg": "none"})),
            "cannot be trusted",
        ),
    ] {
        stored.insert("id".into(), token.into());
        std::fs::write(&file, serde_json::to_string(&stored).unwrap()).expect("write");
        let out = op.status(&[]);
        out.expect(4);
        assert!(out.stderr.contains(says), "{says}: {}", out.stderr);
    }

    // Expired, and nothing to refresh it with: log in again.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    stored.insert(
        "id".into(),
        moto::resign(g, serde_json::json!({"exp": now - 600, "iat": now - 4200})).into(),
    );
    stored.remove("refresh");
    std::fs::write(&file, serde_json::to_string(&stored).unwrap()).expect("write");
    let out = op.status(&[]);
    out.expect(4);
    assert!(out.stderr.contains("cloudops login"), "{}", out.stderr);
}

fn original_id(file_text: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(file_text).expect("json");
    v["id"].as_str().expect("id").to_string()
}

#[test]
fn without_a_working_keyring_login_refuses_unless_insecure_storage_is_allowed() {
    let op = Operator::new();
    op.pool.user("fallback@example.com", PASSWORD);

    let refused = with_unwritable_keyring(|| op.login("fallback@example.com"));
    refused.expect(1);
    assert!(
        refused.stderr.contains("no OS keyring works"),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("--insecure-storage"),
        "{}",
        refused.stderr
    );
    assert!(op.files().is_empty(), "{:?}", op.files());

    let allowed = with_unwritable_keyring(|| {
        op.run(
            &[
                "login",
                "--email",
                "fallback@example.com",
                "--password-stdin",
            ],
            Some(PASSWORD),
            &[("CLOUDOPS_INSECURE_STORAGE", "true")],
        )
    });
    allowed.expect(0);
    assert!(
        allowed.stderr.contains("warning: no OS keyring works here"),
        "{}",
        allowed.stderr
    );
    let file = credentials_file(&op);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", file.display());
    }
    // Later commands find the file without the flag, and say where the tokens are.
    let s = op.status(&[]);
    s.expect(0);
    assert!(
        s.json()["storage"].as_str().unwrap().contains("0600"),
        "{}",
        s.stdout
    );
    op.run(&["logout"], None, &[]).expect(0);
    assert!(!file.exists(), "logout removes the file");
}

#[test]
fn nothing_secret_reaches_any_output_even_when_tracing() {
    let op = Operator::new();
    op.pool.user("quiet@example.com", PASSWORD);
    // The most specific directives there are, and the SDK's own switch for logging bodies.
    let loud = [
        (
            "CLOUDOPS_LOG",
            "trace,aws_smithy_runtime::client=trace,aws_smithy_runtime_api=trace,hyper_util=trace,ureq=trace",
        ),
        ("LOG_SENSITIVE_BODIES", "true"),
    ];
    let login = op.run(
        &[
            "-vvv",
            "login",
            "--email",
            "quiet@example.com",
            "--password-stdin",
        ],
        Some(PASSWORD),
        &loud,
    );
    login.expect(0);
    let refresh = op.stored("refresh").expect("refresh token");
    op.age_stored_tokens();
    let status = op.run(&["-vvv", "auth", "status"], None, &loud);
    status.expect(0);
    assert_eq!(
        op.run(&["auth", "status", "--format", "json"], None, &[])
            .json()["refreshed"],
        false,
        "the loud run refreshed"
    );
    let token = op.token();
    let id = op.stored("id").expect("id token");
    for out in [&login, &status] {
        for text in [&out.stdout, &out.stderr] {
            assert!(!text.contains(PASSWORD), "password in output:\n{text}");
            // Any piece of a JWT (header.payload) would start like this.
            assert!(!text.contains("eyJ"), "a token in output:\n{text}");
            for secret in [&token, &id, &refresh] {
                assert!(
                    !text.contains(&secret[secret.len() - 16..]),
                    "a token in output:\n{text}"
                );
            }
        }
    }
    // The diagnostics were really on.
    assert!(
        status.stderr.lines().count() > 3,
        "hardly any diagnostics:\n{}",
        status.stderr
    );
}

fn credentials_file(op: &Operator) -> PathBuf {
    let files: Vec<PathBuf> = op
        .files()
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("credentials-"))
        })
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

fn b64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(s)
        .expect("base64url")
}

fn b64_encode(b: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

/// Runs `f` (which spawns the binary) on a thread whose session keyring refuses writes: the
/// child inherits it, as a process in a locked-down session would. Other tests' threads keep
/// their own keyrings.
fn with_unwritable_keyring<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| {
        s.spawn(|| {
            const KEYCTL_JOIN_SESSION_KEYRING: libc::c_long = 1;
            const KEYCTL_SETPERM: libc::c_long = 5;
            const KEY_SPEC_SESSION_KEYRING: libc::c_long = -3;
            // Possessor and user may view and search, nothing else.
            const VIEW_SEARCH: libc::c_long = 0x0909_0000;
            // SAFETY: plain keyctl calls; the only pointer is NULL (an anonymous keyring).
            unsafe {
                assert!(
                    libc::syscall(
                        libc::SYS_keyctl,
                        KEYCTL_JOIN_SESSION_KEYRING,
                        std::ptr::null::<libc::c_char>()
                    ) >= 0,
                    "join session keyring: {}",
                    std::io::Error::last_os_error()
                );
                assert!(
                    libc::syscall(
                        libc::SYS_keyctl,
                        KEYCTL_SETPERM,
                        KEY_SPEC_SESSION_KEYRING,
                        VIEW_SEARCH
                    ) >= 0,
                    "setperm: {}",
                    std::io::Error::last_os_error()
                );
            }
            f()
        })
        .join()
        .expect("thread")
    })
}
