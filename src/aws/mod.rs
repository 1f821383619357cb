//! The one place that builds AWS SDK configuration, so every AWS call agrees on region,
//! endpoint, timeouts, TLS (rustls on ring, as the rest of the binary) and credentials, and
//! so that every AWS failure is described the same way: what failed, where, what to do.

pub mod bedrock;
pub mod cost_explorer;
pub mod sns;

use std::time::Duration;

use aws_config::Region;
use aws_config::{BehaviorVersion, SdkConfig};
use aws_credential_types::provider::{error::CredentialsError, future, ProvideCredentials};
use aws_credential_types::Credentials;
use aws_smithy_http_client::tls;

use crate::error::Error;

/// Where AWS calls go and as whom, from settings (`aws.*`) over the SDK's own chain.
#[derive(Debug, Clone, Default)]
pub struct Target {
    pub region: Option<String>,
    pub profile: Option<String>,
}

/// A current-thread runtime: each command makes its network calls (AWS, GitHub) from one
/// thread.
pub fn runtime() -> Result<tokio::runtime::Runtime, Error> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Io {
            context: "starting the async runtime".into(),
            error: e,
        })
}

/// Configuration for calls that need no AWS credentials (Cognito sign-up, sign-in and the
/// identity pool), in `target.region` whatever AWS_REGION says (a pool answers only in the
/// region its id names); it never looks for credentials, so it never touches the instance
/// metadata service.
pub async fn anonymous(target: &Target) -> SdkConfig {
    loader(target, true).no_credentials().load().await
}

/// Configuration for calls made with `credentials` (the identity pool's, for a logged-in
/// user) or, with `None`, with the SDK's default chain (environment, `aws.profile`, SSO, ...).
/// `pin_region`: use `target.region` even over AWS_REGION — the cloudops stack lives in one
/// region, which a CI job's AWS_REGION (set for Terraform) must not redirect.
pub async fn signed(
    target: &Target,
    credentials: Option<IdentityPoolCredentials>,
    pin_region: bool,
) -> SdkConfig {
    let l = loader(target, pin_region);
    match credentials {
        Some(c) => l.credentials_provider(c).load().await,
        None => l.load().await,
    }
}

fn loader(target: &Target, force_region: bool) -> aws_config::ConfigLoader {
    let http = aws_smithy_http_client::Builder::new()
        .tls_provider(tls::Provider::Rustls(
            tls::rustls_provider::CryptoMode::Ring,
        ))
        .build_https();
    let timeouts = aws_config::timeout::TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(5))
        .operation_attempt_timeout(Duration::from_secs(30))
        .build();
    let mut l = aws_config::defaults(BehaviorVersion::latest())
        .http_client(http)
        .timeout_config(timeouts);
    // Standard variables keep their precedence over the settings file.
    let env_region = ["AWS_REGION", "AWS_DEFAULT_REGION"]
        .iter()
        .any(|k| std::env::var_os(k).is_some_and(|v| !v.is_empty()));
    if let (false, Some(r)) = (env_region && !force_region, &target.region) {
        l = l.region(Region::new(r.clone()));
    }
    if std::env::var_os("AWS_PROFILE").is_none() {
        if let Some(p) = &target.profile {
            l = l.profile_name(p);
        }
    }
    l
}

/// The endpoint a client talks to, for messages: the override if any, else AWS's public one.
pub fn endpoint(config: &SdkConfig, service: &str) -> String {
    match config.endpoint_url() {
        Some(u) => u.to_string(),
        None => format!(
            "https://{service}.{}.amazonaws.com",
            config.region().map_or("(no region)", |r| r.as_ref())
        ),
    }
}

/// Temporary AWS credentials for a logged-in user from a Cognito identity pool: the ID
/// token is exchanged (GetId, GetCredentialsForIdentity) so that IAM sees the user's `sub`
/// as a principal tag and the stack's policies can confine them to their own items. The ID
/// token is the session's, refreshed at the start of the command to last at least the
/// refresh margin, which bounds how long one command can keep renewing credentials.
#[derive(Clone)]
pub struct IdentityPoolCredentials {
    pub client: aws_sdk_cognitoidentity::Client,
    pub identity_pool_id: String,
    /// `cognito-idp.REGION.amazonaws.com/POOL_ID`, the key of the `Logins` map.
    pub provider: String,
    pub id_token: String,
}

impl std::fmt::Debug for IdentityPoolCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdentityPoolCredentials")
            .field("identity_pool_id", &self.identity_pool_id)
            .field("provider", &self.provider)
            .finish_non_exhaustive()
    }
}

/// What the identity pool handed out, for `auth status`.
pub struct IdentityCredentials {
    pub identity_id: String,
    pub credentials: Credentials,
}

impl IdentityPoolCredentials {
    pub async fn fetch(&self) -> Result<IdentityCredentials, String> {
        let describe = |op: &str, e: &dyn std::fmt::Display| format!("identity pool {op}: {e}");
        let id = self
            .client
            .get_id()
            .identity_pool_id(&self.identity_pool_id)
            .logins(&self.provider, &self.id_token)
            .send()
            .await
            .map_err(|e| describe("GetId", &error_text(&e)))?;
        let identity_id = id
            .identity_id
            .ok_or_else(|| "identity pool GetId: no identity id in the answer".to_string())?;
        let out = self
            .client
            .get_credentials_for_identity()
            .identity_id(&identity_id)
            .logins(&self.provider, &self.id_token)
            .send()
            .await
            .map_err(|e| describe("GetCredentialsForIdentity", &error_text(&e)))?;
        let c = out.credentials.ok_or_else(|| {
            "identity pool GetCredentialsForIdentity: no credentials in the answer".to_string()
        })?;
        let (Some(key), Some(secret)) = (c.access_key_id, c.secret_key) else {
            return Err("identity pool returned incomplete credentials".into());
        };
        let expiry = c
            .expiration
            .and_then(|t| std::time::SystemTime::try_from(t).ok());
        Ok(IdentityCredentials {
            identity_id,
            credentials: Credentials::new(
                key,
                secret,
                c.session_token,
                expiry,
                "cloudops-identity-pool",
            ),
        })
    }
}

impl ProvideCredentials for IdentityPoolCredentials {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        future::ProvideCredentials::new(async move {
            self.fetch()
                .await
                .map(|c| c.credentials)
                .map_err(CredentialsError::provider_error)
        })
    }
}

/// The service's error code and message, or what went wrong on the way there; never the
/// request (which may carry a password or token).
pub fn error_text<E, R>(e: &aws_smithy_runtime_api::client::result::SdkError<E, R>) -> String
where
    E: aws_smithy_types::error::metadata::ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    use aws_smithy_runtime_api::client::result::SdkError;
    match e {
        SdkError::ServiceError(s) => {
            let err = s.err();
            format!(
                "{}: {}",
                err.code().unwrap_or("error"),
                err.message().unwrap_or("(no message)")
            )
        }
        other => failure(other).0,
    }
}

/// Why a request got no service answer, and what to do about it.
pub fn failure<E, R>(
    e: &aws_smithy_runtime_api::client::result::SdkError<E, R>,
) -> (String, &'static str)
where
    E: std::error::Error + 'static,
    R: std::fmt::Debug,
{
    use aws_smithy_runtime_api::client::result::SdkError;
    match e {
        SdkError::DispatchFailure(d) if d.is_timeout() => (
            "no answer in time".into(),
            "check the network, or the endpoint (AWS_ENDPOINT_URL) if you set one",
        ),
        SdkError::DispatchFailure(d) if d.is_io() => (
            "cannot connect (nothing answers there, or the connection was cut)".into(),
            "check the network, the region, and AWS_ENDPOINT_URL if you set one",
        ),
        SdkError::DispatchFailure(_) => {
            let chain = aws_smithy_types::error::display::DisplayErrorContext(e).to_string();
            if chain.contains("loading credentials")
                || chain.contains("no credentials found")
                || chain.contains("credential provider was not enabled")
            {
                (
                    "no usable AWS credentials (looked in the environment, the AWS profile, SSO and instance metadata)".into(),
                    "set AWS_PROFILE (or aws.profile) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY; with the deploy/ stack, configure its identity pool (auth.identity_pool_id) and log in",
                )
            } else {
                // The first cause is the useful part; the rest is the SDK's debug dump.
                let first: String = chain
                    .split(" (")
                    .next()
                    .unwrap_or(&chain)
                    .chars()
                    .take(200)
                    .collect();
                (
                    format!("the request could not be sent ({first})"),
                    "check the network, the region, the credentials, and AWS_ENDPOINT_URL if you set one",
                )
            }
        }
        SdkError::TimeoutError(_) => (
            "no answer in time".into(),
            "check the network, or the endpoint (AWS_ENDPOINT_URL) if you set one",
        ),
        SdkError::ResponseError(_) => (
            "the answer was not an AWS API answer (wrong endpoint?)".into(),
            "check AWS_ENDPOINT_URL and the region",
        ),
        SdkError::ConstructionFailure(_) => (
            "the request could not be built (is a region configured?)".into(),
            "set aws.region (`cloudops config set aws.region eu-west-1`) or AWS_REGION",
        ),
        SdkError::ServiceError(_) => ("the service refused the request".into(), "see above"),
        _ => (
            "unexpected SDK failure".into(),
            "run again with -vv for details",
        ),
    }
}
