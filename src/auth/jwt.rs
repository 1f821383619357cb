//! ID tokens are verified here — RS256 signature against the user pool's published keys
//! (JWKS), issuer, audience, token use and expiry — before any of their claims is trusted.

use base64::Engine;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;

/// The claims cloudops uses, after verification.
#[derive(Debug, Clone, Deserialize)]
pub struct IdClaims {
    pub sub: String,
    #[serde(default)]
    pub email: Option<String>,
    pub exp: i64,
    #[serde(default)]
    pub auth_time: Option<i64>,
    token_use: String,
}

/// `https://cognito-idp.REGION.amazonaws.com/POOL_ID`: what the tokens must name as issuer.
pub fn issuer(user_pool_id: &str) -> String {
    let region = user_pool_id.split('_').next().unwrap_or_default();
    // The China partition has its own domain.
    let domain = if region.starts_with("cn-") {
        "amazonaws.com.cn"
    } else {
        "amazonaws.com"
    };
    format!("https://cognito-idp.{region}.{domain}/{user_pool_id}")
}

/// The pool's key set: from the endpoint override (a local test server answers like
/// Cognito there) or from the issuer, as Cognito publishes it.
pub fn jwks_url(user_pool_id: &str, endpoint_override: Option<&str>) -> String {
    match endpoint_override {
        Some(e) => format!(
            "{}/{user_pool_id}/.well-known/jwks.json",
            e.trim_end_matches('/')
        ),
        None => format!("{}/.well-known/jwks.json", issuer(user_pool_id)),
    }
}

pub fn fetch_jwks(url: &str) -> Result<JwkSet, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(std::time::Duration::from_secs(15)))
        .build()
        .into();
    let mut resp = agent
        .get(url)
        .call()
        .map_err(|e| format!("cannot fetch the user pool's keys from {url}: {e}"))?;
    let bytes = resp
        .body_mut()
        .with_config()
        .limit(1024 * 1024)
        .read_to_vec()
        .map_err(|e| format!("cannot read the user pool's keys from {url}: {e}"))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{url} did not return a key set: {e}"))
}

/// How long fetched keys are trusted before being fetched again.
const CACHE_TTL_SECONDS: i64 = 24 * 3600;

/// The cache file for a pool's key set (public keys: nothing secret is cached). Pool ids
/// are `REGION_ID`, letters, digits, `-` and `_`; anything else is replaced.
pub fn cache_file_name(user_pool_id: &str) -> String {
    let safe: String = user_pool_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("jwks-{safe}.json")
}

#[derive(serde::Serialize, Deserialize)]
struct CachedKeys {
    fetched_at: i64,
    keys: JwkSet,
}

/// The cached key set, if it is younger than a day and readable.
pub fn cached_jwks(path: &std::path::Path) -> Option<JwkSet> {
    let c: CachedKeys = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    let age = jiff::Timestamp::now().as_second() - c.fetched_at;
    (0..CACHE_TTL_SECONDS).contains(&age).then_some(c.keys)
}

/// Best effort: a cache that cannot be written only costs a fetch next time.
pub fn store_jwks(path: &std::path::Path, keys: &JwkSet) {
    let c = CachedKeys {
        fetched_at: jiff::Timestamp::now().as_second(),
        keys: keys.clone(),
    };
    if let Ok(bytes) = serde_json::to_vec(&c) {
        if let Err(e) = crate::fsutil::write_private(path, &bytes) {
            tracing::debug!(error = %e, "the key set was not cached");
        }
    }
}

/// Verifies `token` as an ID token of `user_pool_id` for `client_id`.
pub fn verify_id_token(
    token: &str,
    keys: &JwkSet,
    user_pool_id: &str,
    client_id: &str,
) -> Result<IdClaims, String> {
    let header = jsonwebtoken::decode_header(token).map_err(|e| format!("not a JWT: {e}"))?;
    if header.alg != Algorithm::RS256 {
        return Err(format!("signed with {:?}, expected RS256", header.alg));
    }
    let kid = header.kid.ok_or("the token names no signing key (kid)")?;
    let jwk = keys
        .find(&kid)
        .ok_or_else(|| format!("signed with key {kid:?}, which the user pool does not publish"))?;
    let key = DecodingKey::from_jwk(jwk).map_err(|e| format!("unusable key {kid:?}: {e}"))?;
    let mut v = Validation::new(Algorithm::RS256);
    v.set_issuer(&[issuer(user_pool_id)]);
    v.set_audience(&[client_id]);
    v.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
    v.leeway = 60;
    let data = jsonwebtoken::decode::<IdClaims>(token, &key, &v).map_err(|e| {
        use jsonwebtoken::errors::ErrorKind as K;
        match e.kind() {
            K::ExpiredSignature => "it has expired".to_string(),
            K::InvalidSignature => "its signature does not match the user pool's key".to_string(),
            K::InvalidIssuer => format!("it was not issued by {}", issuer(user_pool_id)),
            K::InvalidAudience => format!("it was not issued for app client {client_id}"),
            _ => e.to_string(),
        }
    })?;
    if data.claims.token_use != "id" {
        return Err(format!(
            "it is an {} token, not an ID token",
            data.claims.token_use
        ));
    }
    Ok(data.claims)
}

/// `(iat, exp)` of any JWT, unverified: only to decide when to refresh, never to trust.
pub fn times_unverified(token: &str) -> Option<(Option<i64>, i64)> {
    #[derive(Deserialize)]
    struct Times {
        iat: Option<i64>,
        exp: i64,
    }
    let payload = token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    serde_json::from_slice::<Times>(&bytes)
        .ok()
        .map(|t| (t.iat, t.exp))
}
