//! A real AWS wire-protocol server for the tests: moto's server mode on 127.0.0.1, one per
//! test binary (or the one `.ci/run` started, named by CLOUDOPS_TEST_MOTO_ENDPOINT), and
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
    let script = format!(
        "python3 -m moto.server -H 127.0.0.1 -p {port} >/dev/null 2>&1 & m=$!; \
         while kill -0 {parent} 2>/dev/null && kill -0 $m 2>/dev/null; do sleep 1; done; \
         kill $m 2>/dev/null; wait $m; exit $?",
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
