//! Who the operator is: Cognito user-pool login, tokens kept in the OS keyring, refreshed
//! before they expire and verified before their claims are trusted — or, in CI, credentials
//! from the environment that are never stored.

pub mod cognito;
pub mod jwt;
pub mod vault;

use std::fmt;

use crate::aws;
use crate::commands::Context;
use crate::config;
use crate::error::Error;

pub use cognito::UserPool;
pub use vault::Vault;

/// Whether a file may hold secrets when no keyring works: CLOUDOPS_INSECURE_STORAGE over
/// `auth.insecure_storage`, off by default (the `--insecure-storage` flag comes on top).
pub fn insecure_storage_allowed(files: &config::AuthConfig) -> bool {
    std::env::var("CLOUDOPS_INSECURE_STORAGE")
        .ok()
        .filter(|v| !v.is_empty())
        .map(|v| matches!(v.as_str(), "1" | "true" | "yes"))
        .or(files.insecure_storage)
        .unwrap_or(false)
}

/// The CI variables: with both set, every command signs in with them, in memory only, and
/// ignores stored tokens.
pub const ENV_USERNAME: &str = "CLOUDOPS_USERNAME";
pub const ENV_PASSWORD: &str = "CLOUDOPS_PASSWORD";

/// Which user pool to sign in to, and how to keep the result.
#[derive(Debug, Clone)]
pub struct Settings {
    pub user_pool_id: String,
    pub client_id: String,
    pub identity_pool_id: Option<String>,
    /// For AWS calls other than Cognito's (which always go to the pool's own region).
    pub aws: aws::Target,
    pub insecure_storage: bool,
    pub refresh_margin_seconds: i64,
}

impl Settings {
    /// From `CLOUDOPS_*` variables over the settings files; an error if no pool is set.
    pub fn load(ctx: &Context) -> Result<Settings, Error> {
        let files =
            config::load_project(ctx.config.as_deref(), ctx.no_config, ctx.profile.as_deref())?;
        Settings::from_files(&files)
    }

    /// As `load`, from settings files already read.
    pub fn from_files(files: &config::ProjectSettings) -> Result<Settings, Error> {
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let a = files.auth.clone();
        let insecure_storage = insecure_storage_allowed(&a);
        let user_pool_id = env("CLOUDOPS_USER_POOL_ID").or(a.user_pool_id);
        let client_id = env("CLOUDOPS_CLIENT_ID").or(a.client_id);
        let (Some(user_pool_id), Some(client_id)) = (user_pool_id, client_id) else {
            return Err(Error::Usage {
                message:
                    "no Cognito user pool is configured (auth.user_pool_id and auth.client_id)"
                        .into(),
                hint:
                    "deploy the stack in deploy/ and set both from its outputs (deploy/README.md), \
                       e.g. `cloudops config set auth.user_pool_id eu-west-1_AbC123`"
                        .into(),
            });
        };
        let margin = match env("CLOUDOPS_AUTH_REFRESH_MARGIN") {
            Some(v) => Some(v.parse::<u64>().map_err(|_| Error::Usage {
                message: format!("CLOUDOPS_AUTH_REFRESH_MARGIN={v:?}: expected seconds"),
                hint: "e.g. 300".into(),
            })?),
            None => a.refresh_margin_seconds,
        };
        let s = Settings {
            identity_pool_id: env("CLOUDOPS_IDENTITY_POOL_ID").or(a.identity_pool_id),
            aws: aws::Target {
                region: files.aws.region.clone(),
                profile: files.aws.profile.clone(),
            },
            insecure_storage,
            refresh_margin_seconds: margin.unwrap_or(300).min(86_400 * 30) as i64,
            user_pool_id,
            client_id,
        };
        s.check()?;
        Ok(s)
    }

    fn check(&self) -> Result<(), Error> {
        if self
            .user_pool_id
            .split_once('_')
            .is_none_or(|(r, id)| r.is_empty() || id.is_empty())
        {
            return Err(Error::Usage {
                message: format!("user pool id {:?} is not REGION_ID", self.user_pool_id),
                hint: "use the stack output UserPoolId, e.g. eu-west-1_AbC123".into(),
            });
        }
        Ok(())
    }

    pub fn pool_region(&self) -> &str {
        self.user_pool_id.split('_').next().unwrap_or_default()
    }

    /// The keyring account that holds this pool's tokens.
    fn account(&self) -> String {
        format!("cognito/{}/{}", self.user_pool_id, self.client_id)
    }

    /// The vault holding this pool's tokens; `for_write` (login) proves it can store them.
    pub fn vault(&self, for_write: bool, insecure_flag: bool) -> Result<Vault, Error> {
        let dir = config::user_config_dir();
        Vault::open(
            &self.account(),
            for_write,
            insecure_flag || self.insecure_storage,
            dir.as_deref(),
        )
    }

    pub async fn user_pool(&self) -> UserPool {
        let target = aws::Target {
            region: Some(self.pool_region().to_string()),
            profile: self.aws.profile.clone(),
        };
        let cfg = aws::anonymous(&target).await;
        let client = aws_sdk_cognitoidentityprovider::Client::new(&cfg);
        // The keys are fetched from where the Cognito calls go, so a test or private endpoint
        // serves both; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS turns both back to AWS.
        let ignored = std::env::var("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
            .is_ok_and(|v| v.eq_ignore_ascii_case("true"));
        let endpoint_override = std::env::var("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER")
            .ok()
            .filter(|v| !v.is_empty() && !ignored)
            .or_else(|| cfg.endpoint_url().map(str::to_string));
        UserPool {
            client,
            pool_id: self.user_pool_id.clone(),
            client_id: self.client_id.clone(),
            endpoint: endpoint_override.clone().unwrap_or_else(|| {
                format!("https://cognito-idp.{}.amazonaws.com", self.pool_region())
            }),
            endpoint_override,
        }
    }
}

/// A user's three Cognito tokens. `Debug` never shows them.
#[derive(Clone)]
pub struct Tokens {
    pub id: String,
    pub access: String,
    pub refresh: Option<String>,
}

impl fmt::Debug for Tokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Tokens(..)")
    }
}

impl Tokens {
    /// The earlier expiry of the ID and access tokens (unverified; for refresh decisions).
    pub fn expires_at(&self) -> Option<i64> {
        let exp = |t: &str| jwt::times_unverified(t).map(|(_, e)| e);
        match (exp(&self.id), exp(&self.access)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Whether the tokens should be refreshed before use: they expire within `margin`
    /// seconds — a margin capped at half their lifetime, so that a margin longer than the
    /// pool's token validity cannot make every command refresh.
    pub fn due(&self, margin: i64, now: i64) -> bool {
        let Some(exp) = self.expires_at() else {
            return true;
        };
        let lifetime = jwt::times_unverified(&self.access)
            .and_then(|(iat, exp)| iat.map(|i| exp - i))
            .filter(|l| *l > 0);
        let margin = lifetime.map_or(margin, |l| margin.min(l / 2));
        exp - margin <= now
    }

    pub fn load(v: &Vault) -> Result<Option<Tokens>, Error> {
        let (Some(id), Some(access)) = (v.get("id")?, v.get("access")?) else {
            return Ok(None);
        };
        Ok(Some(Tokens {
            id,
            access,
            refresh: v.get("refresh")?,
        }))
    }

    /// Writes the refresh token first and the ID token last: a write that fails part-way
    /// leaves either the previous login (refresh) or one `load` refuses (no ID token), never
    /// an ID token paired with another login's access token.
    pub fn save(&self, v: &Vault) -> Result<(), Error> {
        let mut entries = Vec::new();
        if let Some(r) = &self.refresh {
            entries.push(("refresh", r.as_str()));
        }
        entries.push(("access", self.access.as_str()));
        entries.push(("id", self.id.as_str()));
        v.put_all(&entries)
    }

    /// Removes all three; true if anything was stored.
    pub fn forget(v: &Vault) -> Result<bool, Error> {
        let mut any = false;
        for name in ["id", "access", "refresh"] {
            any |= v.remove(name)?;
        }
        Ok(any)
    }
}

#[derive(Debug, Clone)]
pub enum Source {
    /// In the vault; its description.
    Stored(String),
    /// Signed in from `CLOUDOPS_USERNAME` / `CLOUDOPS_PASSWORD`; nothing stored.
    Environment,
}

/// A signed-in user whose ID token has been verified.
#[derive(Debug, Clone)]
pub struct Session {
    pub tokens: Tokens,
    pub claims: jwt::IdClaims,
    pub source: Source,
    /// The tokens were refreshed during this run.
    pub refreshed: bool,
}

/// The operator's session: from the CI variables if set, else the stored tokens, refreshed
/// if they expire within the margin, and always verified.
pub async fn session(settings: &Settings, pool: &UserPool) -> Result<Session, Error> {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    match (env(ENV_USERNAME), env(ENV_PASSWORD)) {
        (Some(_), None) | (None, Some(_)) => {
            return Err(Error::Usage {
                message: format!("only one of {ENV_USERNAME} and {ENV_PASSWORD} is set"),
                hint: "set both (CI login) or neither (stored login)".into(),
            })
        }
        _ => {}
    }
    if let (Some(user), Some(password)) = (env(ENV_USERNAME), env(ENV_PASSWORD)) {
        let tokens = pool.login(&user, &password).await?;
        let claims = verify(settings, pool, &tokens.id)?;
        return Ok(Session {
            tokens,
            claims,
            source: Source::Environment,
            refreshed: false,
        });
    }
    let vault = settings.vault(false, false)?;
    let Some(mut tokens) = Tokens::load(&vault)? else {
        return Err(Error::Auth {
            message: format!("not logged in to user pool {}", settings.user_pool_id),
            hint:
                "log in with `cloudops login` (in CI: set CLOUDOPS_USERNAME and CLOUDOPS_PASSWORD)"
                    .into(),
        });
    };
    let now = jiff::Timestamp::now().as_second();
    let mut refreshed = false;
    if tokens.due(settings.refresh_margin_seconds, now) {
        let Some(refresh) = tokens.refresh.clone() else {
            return Err(Error::Auth {
                message: "your login has expired and no refresh token is stored".into(),
                hint: "log in again: `cloudops login`".into(),
            });
        };
        tracing::debug!("refreshing the Cognito tokens");
        match pool.refresh(&refresh).await {
            Ok(new) => {
                new.save(&vault)?;
                tokens = new;
                refreshed = true;
            }
            Err(e @ Error::Auth { .. }) => {
                // A dead refresh token is worth nothing; keep no half-valid login around.
                Tokens::forget(&vault)?;
                return Err(e);
            }
            Err(e) => return Err(e),
        }
    }
    let claims = verify(settings, pool, &tokens.id)?;
    Ok(Session {
        tokens,
        claims,
        source: Source::Stored(vault.describe()),
        refreshed,
    })
}

/// Verifies an ID token against the pool's published keys.
pub fn verify(
    settings: &Settings,
    pool: &UserPool,
    id_token: &str,
) -> Result<jwt::IdClaims, Error> {
    let url = jwt::jwks_url(&settings.user_pool_id, pool.endpoint_override.as_deref());
    let cache =
        config::user_config_dir().map(|d| d.join(jwt::cache_file_name(&settings.user_pool_id)));
    let check = |keys: &jsonwebtoken::jwk::JwkSet| {
        jwt::verify_id_token(id_token, keys, &settings.user_pool_id, &settings.client_id)
    };
    // The pool's public keys, from the cache when it has the token's key: a command with
    // fresh tokens then needs no network for verification. A key the cache lacks (a rotated
    // set) is looked up again.
    if let Some(keys) = cache.as_deref().and_then(jwt::cached_jwks) {
        if let Ok(claims) = check(&keys) {
            return Ok(claims);
        }
    }
    let keys = jwt::fetch_jwks(&url).map_err(|message| Error::Remote {
        message,
        hint: "check the network and the region; the keys are public and need no login".into(),
    })?;
    let claims = check(&keys).map_err(|why| Error::Auth {
        message: format!("the ID token cannot be trusted: {why}"),
        hint: "log in again: `cloudops login`".into(),
    })?;
    if let Some(path) = &cache {
        jwt::store_jwks(path, &keys);
    }
    Ok(claims)
}

/// AWS credentials for the session: the identity pool's, when one is configured.
pub async fn identity_credentials(
    settings: &Settings,
    session: &Session,
) -> Option<aws::IdentityPoolCredentials> {
    let identity_pool_id = settings.identity_pool_id.clone()?;
    let target = aws::Target {
        region: Some(
            identity_pool_id
                .split(':')
                .next()
                .unwrap_or_default()
                .to_string(),
        ),
        profile: settings.aws.profile.clone(),
    };
    let cfg = aws::anonymous(&target).await;
    Some(aws::IdentityPoolCredentials {
        client: aws_sdk_cognitoidentity::Client::new(&cfg),
        identity_pool_id,
        provider: jwt::issuer(&settings.user_pool_id)
            .trim_start_matches("https://")
            .to_string(),
        id_token: session.tokens.id.clone(),
    })
}
