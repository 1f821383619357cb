//! The Cognito user-pool calls behind signup, confirm, login, refresh and logout, and the
//! translation of every way they fail into what the operator should do next.

use aws_sdk_cognitoidentityprovider::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_cognitoidentityprovider::types::{AttributeType, AuthFlowType, ChallengeNameType};
use aws_sdk_cognitoidentityprovider::Client;

use super::Tokens;
use crate::error::Error;

/// A user-pool client and what messages need to name.
pub struct UserPool {
    pub client: Client,
    pub pool_id: String,
    pub client_id: String,
    pub endpoint: String,
    /// Set when requests go somewhere other than AWS's public endpoint (AWS_ENDPOINT_URL).
    pub endpoint_override: Option<String>,
}

/// What a refused request was about, so one code (`NotAuthorizedException`) can say "wrong
/// password" at login and "log in again" at refresh.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    SignUp,
    Confirm,
    Resend,
    Login,
    Refresh,
    SignOut,
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::SignUp => "SignUp",
            Op::Confirm => "ConfirmSignUp",
            Op::Resend => "ResendConfirmationCode",
            Op::Login | Op::Refresh => "InitiateAuth",
            Op::SignOut => "GlobalSignOut",
        }
    }
}

/// Where a confirmation code went, as Cognito reports it (masked by Cognito).
pub struct Delivery {
    pub confirmed: bool,
    pub destination: Option<String>,
}

impl UserPool {
    pub async fn sign_up(&self, email: &str, password: &str) -> Result<Delivery, Error> {
        let out = self
            .client
            .sign_up()
            .client_id(&self.client_id)
            .username(email)
            .password(password)
            .user_attributes(
                AttributeType::builder()
                    .name("email")
                    .value(email)
                    .build()
                    .expect("name is set"),
            )
            .send()
            .await
            .map_err(|e| self.error(Op::SignUp, email, e))?;
        Ok(Delivery {
            confirmed: out.user_confirmed,
            destination: out.code_delivery_details.and_then(|d| d.destination),
        })
    }

    pub async fn confirm(&self, email: &str, code: &str) -> Result<(), Error> {
        self.client
            .confirm_sign_up()
            .client_id(&self.client_id)
            .username(email)
            .confirmation_code(code)
            .send()
            .await
            .map_err(|e| self.error(Op::Confirm, email, e))?;
        Ok(())
    }

    pub async fn resend_code(&self, email: &str) -> Result<Option<String>, Error> {
        let out = self
            .client
            .resend_confirmation_code()
            .client_id(&self.client_id)
            .username(email)
            .send()
            .await
            .map_err(|e| self.error(Op::Resend, email, e))?;
        Ok(out.code_delivery_details.and_then(|d| d.destination))
    }

    pub async fn login(&self, email: &str, password: &str) -> Result<Tokens, Error> {
        let out = self
            .client
            .initiate_auth()
            .client_id(&self.client_id)
            .auth_flow(AuthFlowType::UserPasswordAuth)
            .auth_parameters("USERNAME", email)
            .auth_parameters("PASSWORD", password)
            .send()
            .await
            .map_err(|e| self.error(Op::Login, email, e))?;
        if let Some(challenge) = out.challenge_name {
            let (message, hint) = match challenge {
                ChallengeNameType::NewPasswordRequired => (
                    format!("{email} must set a new password before signing in (the account was created by an administrator)"),
                    "set one with `aws cognito-idp admin-set-user-password --permanent` or the hosted UI, then log in again".to_string(),
                ),
                other => (
                    format!("the user pool asks for a {} challenge, which cloudops does not support", other.as_str()),
                    "ask the pool's administrator to allow plain password sign-in (USER_PASSWORD_AUTH) for this client".to_string(),
                ),
            };
            return Err(Error::Auth { message, hint });
        }
        let r = out.authentication_result.ok_or_else(|| Error::Remote {
            message: format!("{}: InitiateAuth returned no tokens", self.endpoint),
            hint: "check that AWS_ENDPOINT_URL points at Cognito".into(),
        })?;
        match (r.id_token, r.access_token) {
            (Some(id), Some(access)) => Ok(Tokens {
                id,
                access,
                refresh: r.refresh_token,
            }),
            _ => Err(Error::Remote {
                message: format!("{}: InitiateAuth returned incomplete tokens", self.endpoint),
                hint: "check that AWS_ENDPOINT_URL points at Cognito".into(),
            }),
        }
    }

    /// New ID and access tokens for a refresh token (which itself stays the same).
    pub async fn refresh(&self, refresh: &str) -> Result<Tokens, Error> {
        let out = self
            .client
            .initiate_auth()
            .client_id(&self.client_id)
            .auth_flow(AuthFlowType::RefreshTokenAuth)
            .auth_parameters("REFRESH_TOKEN", refresh)
            .send()
            .await
            .map_err(|e| self.error(Op::Refresh, "", e))?;
        match out.authentication_result {
            Some(r) => match (r.id_token, r.access_token) {
                (Some(id), Some(access)) => Ok(Tokens {
                    id,
                    access,
                    refresh: Some(r.refresh_token.unwrap_or_else(|| refresh.to_string())),
                }),
                _ => Err(Error::Remote {
                    message: format!("{}: the refresh returned incomplete tokens", self.endpoint),
                    hint: "check that AWS_ENDPOINT_URL points at Cognito".into(),
                }),
            },
            None => Err(Error::Remote {
                message: format!("{}: the refresh returned no tokens", self.endpoint),
                hint: "check that AWS_ENDPOINT_URL points at Cognito".into(),
            }),
        }
    }

    /// Revokes every refresh token of the user, on every machine. `Ok(false)`: the access
    /// token was already invalid, so there was nothing to sign out with.
    pub async fn global_sign_out(&self, access: &str) -> Result<bool, Error> {
        match self
            .client
            .global_sign_out()
            .access_token(access)
            .send()
            .await
        {
            Ok(_) => Ok(true),
            Err(SdkError::ServiceError(s)) if s.err().code() == Some("NotAuthorizedException") => {
                Ok(false)
            }
            Err(e) => Err(self.error(Op::SignOut, "", e)),
        }
    }

    fn error<E>(
        &self,
        op: Op,
        email: &str,
        e: SdkError<E, aws_smithy_runtime_api::http::Response>,
    ) -> Error
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
    {
        let SdkError::ServiceError(s) = &e else {
            let (why, hint) = crate::aws::failure(&e);
            tracing::debug!(error = ?crate::aws::error_text(&e), "Cognito request failed");
            return Error::Remote {
                message: format!("Cognito {} at {}: {why}", op.name(), self.endpoint),
                hint: hint.to_string(),
            };
        };
        let code = s.err().code().unwrap_or("");
        if code.is_empty() {
            return Error::Remote {
                message: format!(
                    "Cognito {} at {}: HTTP {} without an AWS error code (is that endpoint Cognito?)",
                    op.name(),
                    self.endpoint,
                    s.raw().status().as_u16()
                ),
                hint: "check AWS_ENDPOINT_URL and the region in auth.user_pool_id".into(),
            };
        }
        let said = s.err().message().unwrap_or("").to_string();
        let auth = |message: String, hint: &str| Error::Auth {
            message,
            hint: hint.to_string(),
        };
        let usage = |message: String, hint: &str| Error::Usage {
            message,
            hint: hint.to_string(),
        };
        let confirm_hint = format!(
            "`cloudops confirm --email {email}` with the emailed code (add --resend for a new one)"
        );
        match (code, op) {
            // Cognito says "Incorrect username or password." (also for unknown users when the
            // pool prevents user-existence errors, as deploy/ does), "User is disabled." or
            // "Password attempts exceeded": its words are kept.
            ("NotAuthorizedException", Op::Login) if said.contains("attempts exceeded") => auth(
                format!("too many failed sign-ins for {email} ({said})"),
                "wait a few minutes before trying again",
            ),
            ("NotAuthorizedException", Op::Login) if said.contains("disabled") => auth(
                format!("the account {email} is disabled ({said})"),
                "ask the user pool's administrator",
            ),
            ("NotAuthorizedException", Op::Login) => auth(
                format!("wrong email or password for {email}"),
                "check both and retry (passwords are case-sensitive); no account yet? `cloudops signup`",
            ),
            ("NotAuthorizedException", Op::Refresh) => auth(
                "your login has expired or was revoked (the refresh token is no longer valid)".into(),
                "log in again: `cloudops login`",
            ),
            ("NotAuthorizedException", Op::Confirm) => usage(
                format!("{email} cannot be confirmed: {said}"),
                "it may be confirmed already: try `cloudops login`",
            ),
            ("UserNotConfirmedException", _) => auth(
                format!("{email} has not been confirmed yet"),
                &confirm_hint,
            ),
            ("PasswordResetRequiredException", _) => auth(
                format!("a password reset is required for {email}"),
                "reset it (`aws cognito-idp forgot-password` then `confirm-forgot-password`, or the hosted UI) and log in again",
            ),
            ("UserNotFoundException", _) => auth(
                format!("there is no account for {email} in user pool {}", self.pool_id),
                "check the address, or create an account with `cloudops signup`",
            ),
            ("UsernameExistsException", _) => usage(
                format!("an account for {email} already exists"),
                "log in with `cloudops login`, or confirm it with `cloudops confirm`",
            ),
            ("InvalidPasswordException", _) => usage(
                format!("the password was refused: {said}"),
                "use at least 8 characters with upper- and lower-case letters and a digit",
            ),
            ("CodeMismatchException", _) => usage(
                format!("wrong confirmation code for {email}"),
                "check the code in the email, or ask for a new one with --resend",
            ),
            ("ExpiredCodeException", _) => usage(
                format!("the confirmation code for {email} has expired"),
                &confirm_hint.replace("with the emailed code (add --resend for a new one)", "--resend"),
            ),
            ("TooManyRequestsException" | "ThrottlingException" | "LimitExceededException"
            | "TooManyFailedAttemptsException", _) => Error::Remote {
                message: format!(
                    "Cognito is throttling {} requests at {} ({code})",
                    op.name(),
                    self.endpoint
                ),
                hint: "wait a minute and retry; nothing was changed".into(),
            },
            ("ResourceNotFoundException", _) => usage(
                format!(
                    "user pool {} or app client {} does not exist at {}",
                    self.pool_id, self.client_id, self.endpoint
                ),
                "check auth.user_pool_id, auth.client_id and the region (`cloudops config list`; deploy/README.md)",
            ),
            ("InvalidParameterException", Op::Login | Op::Refresh) if said.contains("flow") => usage(
                format!("the app client {} does not allow password sign-in: {said}", self.client_id),
                "enable ALLOW_USER_PASSWORD_AUTH and ALLOW_REFRESH_TOKEN_AUTH on the client (deploy/template.yaml does)",
            ),
            _ => Error::Remote {
                message: format!("Cognito {} failed: {code}: {said}", op.name()),
                hint: "check the user pool settings (deploy/README.md)".into(),
            },
        }
    }
}
