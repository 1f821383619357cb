//! `cloudops signup|confirm|login|logout` and `cloudops auth status|token|github`: the
//! operator's side of `auth`, with prompts on a terminal and stdin for scripts — a password
//! or token is never an argument, never printed and never logged.

use std::io::{IsTerminal, Read};

use serde_json::json;

use crate::auth::{self, Settings, Source, Tokens, Vault};
use crate::cli::{
    AuthArgs, AuthCommand, ConfirmArgs, Format, GithubTokenCommand, LoginArgs, LogoutArgs,
    SignupArgs,
};
use crate::commands::{print, Context};
use crate::error::{Error, ExitCode};

pub fn signup(args: &SignupArgs, ctx: &Context) -> Result<ExitCode, Error> {
    let settings = Settings::load(ctx)?;
    let email = email(args.email.as_deref())?;
    let password = password(args.password_stdin, true)?;
    let rt = crate::aws::runtime()?;
    let delivery = rt.block_on(async {
        let pool = settings.user_pool().await;
        pool.sign_up(&email, &password).await
    })?;
    let next = if delivery.confirmed {
        format!("Account {email} is ready: `cloudops login --email {email}`.\n")
    } else {
        format!(
            "Account {email} created. A confirmation code was sent to {}.\nNext: `cloudops confirm --email {email}`.\n",
            delivery.destination.as_deref().unwrap_or("the address")
        )
    };
    print(next.as_bytes())?;
    Ok(ExitCode::Success)
}

pub fn confirm(args: &ConfirmArgs, ctx: &Context) -> Result<ExitCode, Error> {
    let settings = Settings::load(ctx)?;
    let email = email(args.email.as_deref())?;
    let rt = crate::aws::runtime()?;
    if args.resend {
        let to = rt.block_on(async { settings.user_pool().await.resend_code(&email).await })?;
        let msg = format!(
            "A new confirmation code was sent to {}.\n",
            to.as_deref().unwrap_or("the address")
        );
        print(msg.as_bytes())?;
        return Ok(ExitCode::Success);
    }
    let code = match &args.code {
        Some(c) => c.trim().to_string(),
        None => ask_line("Confirmation code", "--code")?,
    };
    rt.block_on(async { settings.user_pool().await.confirm(&email, &code).await })?;
    print(
        format!("Account {email} confirmed. Next: `cloudops login --email {email}`.\n").as_bytes(),
    )?;
    Ok(ExitCode::Success)
}

pub fn login(args: &LoginArgs, ctx: &Context) -> Result<ExitCode, Error> {
    let settings = Settings::load(ctx)?;
    // The keyring is checked before the password is sent anywhere: a login that cannot be
    // kept should fail before it happens.
    let vault = settings.vault(true, args.insecure_storage)?;
    let email = email(args.email.as_deref())?;
    let password = password(args.password_stdin, false)?;
    let rt = crate::aws::runtime()?;
    let (tokens, claims) = rt.block_on(async {
        let pool = settings.user_pool().await;
        let tokens = pool.login(&email, &password).await?;
        let claims = auth::verify(&settings, &pool, &tokens.id)?;
        Ok::<_, Error>((tokens, claims))
    })?;
    drop(password);
    if let auth::vault::Place::File(p) = &vault.place {
        ctx.warn(&format!(
            "no OS keyring works here: the tokens are kept in {} (only you can read it, but it is not encrypted)",
            p.display()
        ));
    }
    Tokens::forget(&vault)?;
    tokens.save(&vault)?;
    let msg = format!(
        "Logged in as {} to user pool {} until {} (refreshed automatically while the login lasts).\nTokens: {}.\n",
        claims.email.as_deref().unwrap_or(&email),
        settings.user_pool_id,
        show_epoch(claims.exp),
        vault.describe()
    );
    print(msg.as_bytes())?;
    Ok(ExitCode::Success)
}

pub fn logout(args: &LogoutArgs, ctx: &Context) -> Result<ExitCode, Error> {
    let settings = Settings::load(ctx)?;
    let vault = settings.vault(false, false)?;
    let Some(stored) = Tokens::load(&vault)? else {
        // Leftovers of an interrupted login (a refresh token alone) go too.
        let msg = if Tokens::forget(&vault)? {
            "Not logged in; leftover tokens were removed from this machine.\n".to_string()
        } else {
            format!("Not logged in to user pool {}.\n", settings.user_pool_id)
        };
        print(msg.as_bytes())?;
        return Ok(ExitCode::Success);
    };
    let mut revoked = false;
    if !args.local {
        let rt = crate::aws::runtime()?;
        revoked = rt.block_on(async {
            let pool = settings.user_pool().await;
            let mut access = stored.access.clone();
            let expired = stored
                .expires_at()
                .is_none_or(|e| e <= jiff::Timestamp::now().as_second());
            if expired {
                match &stored.refresh {
                    Some(r) => match pool.refresh(r).await {
                        Ok(t) => access = t.access,
                        // Already revoked or expired: nothing left to sign out.
                        Err(Error::Auth { .. }) => return Ok(false),
                        Err(e) => return Err(e),
                    },
                    None => return Ok(false),
                }
            }
            if pool.global_sign_out(&access).await? {
                return Ok(true);
            }
            // Refused: the access token may have expired in flight (or the clock is behind);
            // a refresh token that still works must still be revoked.
            match &stored.refresh {
                Some(r) if !expired => match pool.refresh(r).await {
                    Ok(t) => pool.global_sign_out(&t.access).await,
                    Err(Error::Auth { .. }) => Ok(false),
                    Err(e) => Err(e),
                },
                _ => Ok(false),
            }
        })
        .map_err(|e| match e {
            Error::Remote { message, .. } => Error::Remote {
                message: format!("not logged out: {message}"),
                hint: "the tokens are still stored; retry, or `cloudops logout --local` to only forget them here".into(),
            },
            other => other,
        })?;
    }
    Tokens::forget(&vault)?;
    let msg = if revoked {
        "Signed out on every device; the tokens were removed from this machine.\n"
    } else if args.local {
        "The tokens were removed from this machine (not revoked: they stay valid elsewhere until they expire).\n"
    } else {
        "The login had already expired or been revoked; the tokens were removed from this machine.\n"
    };
    print(msg.as_bytes())?;
    Ok(ExitCode::Success)
}

pub fn run(args: &AuthArgs, ctx: &Context) -> Result<ExitCode, Error> {
    match &args.command {
        AuthCommand::Status => status(ctx),
        AuthCommand::Token(t) => {
            let settings = Settings::load(ctx)?;
            let rt = crate::aws::runtime()?;
            let s = rt.block_on(async {
                let pool = settings.user_pool().await;
                auth::session(&settings, &pool).await
            })?;
            let token = if t.id { &s.tokens.id } else { &s.tokens.access };
            print(format!("{token}\n").as_bytes())?;
            Ok(ExitCode::Success)
        }
        AuthCommand::Github(g) => match &g.command {
            GithubTokenCommand::Login(a) => {
                github_login(a.host.github_api.as_deref(), a.insecure_storage, ctx)
            }
            GithubTokenCommand::Logout(h) => github_logout(h.github_api.as_deref(), ctx),
            GithubTokenCommand::Status(h) => github_status(h.github_api.as_deref(), ctx),
        },
    }
}

fn status(ctx: &Context) -> Result<ExitCode, Error> {
    let project =
        crate::config::load_project(ctx.config.as_deref(), ctx.no_config, ctx.profile.as_deref())?;
    let settings = Settings::from_files(&project)?;
    let rt = crate::aws::runtime()?;
    let (session, identity) = rt.block_on(async {
        let pool = settings.user_pool().await;
        let session = auth::session(&settings, &pool).await?;
        let identity = match auth::identity_credentials(&settings, &session).await {
            Some(provider) => Some(provider.fetch().await.map_err(|why| Error::Remote {
                message: format!(
                    "logged in, but the identity pool {} gave no AWS credentials: {why}",
                    settings.identity_pool_id.as_deref().unwrap_or_default()
                ),
                hint: "check auth.identity_pool_id and that the identity pool trusts this user pool and client (deploy/)".into(),
            })?),
            None => None,
        };
        Ok::<_, Error>((session, identity))
    })?;
    let (storage, source) = match &session.source {
        Source::Stored(d) => (d.clone(), "stored"),
        Source::Environment => (
            format!(
                "not stored: signed in from {} and {}",
                auth::ENV_USERNAME,
                auth::ENV_PASSWORD
            ),
            "environment",
        ),
    };
    let c = &session.claims;
    let history = crate::commands::history_store::Spec::decide(ctx, &project)?.describe();
    let identity_json = identity.as_ref().map(|i| {
        json!({
            "identity_pool_id": settings.identity_pool_id,
            "identity_id": i.identity_id,
            "credentials_expire_at": i.credentials.expiry().map(|t| jiff::Timestamp::try_from(t).map(|t| t.to_string()).unwrap_or_default()),
        })
    });
    let out = match ctx.format {
        Format::Json => crate::render::pretty_json(&json!({
            "logged_in": true,
            "email": c.email,
            "sub": c.sub,
            "user_pool_id": settings.user_pool_id,
            "client_id": settings.client_id,
            "source": source,
            "storage": storage,
            "id_token_expires_at": epoch_iso(c.exp),
            "refreshed": session.refreshed,
            "verified": true,
            "aws_identity": identity_json,
            "plan_history": history,
        })),
        _ => {
            let mut t = String::new();
            let mut row = |k: &str, v: &str| t.push_str(&format!("{k:<13} {v}\n"));
            row(
                "Logged in as",
                c.email.as_deref().unwrap_or("(no email claim)"),
            );
            row("User id", &format!("{} (the user pool's sub)", c.sub));
            row(
                "User pool",
                &format!(
                    "{} (app client {})",
                    settings.user_pool_id, settings.client_id
                ),
            );
            row("Tokens", &storage);
            row(
                "Valid until",
                &format!(
                    "{}{}; refreshed automatically",
                    show_epoch(c.exp),
                    if session.refreshed {
                        " (just refreshed)"
                    } else {
                        ""
                    }
                ),
            );
            row(
                "Verified",
                "signature (user pool keys), issuer, audience, expiry",
            );
            match &identity {
                Some(i) => row(
                    "AWS identity",
                    &format!(
                        "{} from identity pool {}{}",
                        i.identity_id,
                        settings.identity_pool_id.as_deref().unwrap_or_default(),
                        i.credentials
                            .expiry()
                            .and_then(|t| jiff::Timestamp::try_from(t).ok())
                            .map_or(String::new(), |t| format!(
                                "; credentials until {}",
                                crate::timefmt::show(t)
                            ))
                    ),
                ),
                None => row(
                    "AWS identity",
                    "the AWS default credential chain (no identity pool configured)",
                ),
            }
            row("Plan history", &history);
            t
        }
    };
    print(out.as_bytes())?;
    Ok(ExitCode::Success)
}

/// The GitHub token kept for `repo scan`, per API host.
fn github_vault(
    api: Option<&str>,
    for_write: bool,
    insecure_flag: bool,
    ctx: &Context,
) -> Result<(Vault, String), Error> {
    let host = crate::github::api_host(api);
    let files =
        crate::config::load_project(ctx.config.as_deref(), ctx.no_config, ctx.profile.as_deref())?;
    let insecure = insecure_flag || auth::insecure_storage_allowed(&files.auth);
    let vault = crate::github::token_vault(&host, for_write, insecure)?;
    Ok((vault, host))
}

fn github_login(api: Option<&str>, insecure: bool, ctx: &Context) -> Result<ExitCode, Error> {
    let (vault, host) = github_vault(api, true, insecure, ctx)?;
    let token = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(format!("GitHub token for {host}: ")).map_err(|e| Error::Io {
            context: "reading the token from the terminal".into(),
            error: e,
        })?
    } else {
        read_stdin("the GitHub token")?
    };
    let token = token.trim().to_string();
    if token.is_empty() || token.chars().any(char::is_whitespace) {
        return Err(Error::Usage {
            message: "that is not a GitHub token (empty, or contains spaces)".into(),
            hint: "pipe one in, e.g. `gh auth token | cloudops auth github login`".into(),
        });
    }
    if let auth::vault::Place::File(p) = &vault.place {
        ctx.warn(&format!(
            "no OS keyring works here: the token is kept in {} (not encrypted)",
            p.display()
        ));
    }
    vault.put_all(&[("token", &token)])?;
    print(
        format!(
            "GitHub token for {host} stored in the {}.\n",
            vault.describe()
        )
        .as_bytes(),
    )?;
    Ok(ExitCode::Success)
}

fn github_logout(api: Option<&str>, ctx: &Context) -> Result<ExitCode, Error> {
    let (vault, host) = github_vault(api, false, false, ctx)?;
    let msg = if vault.remove("token")? {
        format!("GitHub token for {host} removed.\n")
    } else {
        format!("No GitHub token for {host} was stored.\n")
    };
    print(msg.as_bytes())?;
    Ok(ExitCode::Success)
}

fn github_status(api: Option<&str>, ctx: &Context) -> Result<ExitCode, Error> {
    let (vault, host) = github_vault(api, false, false, ctx)?;
    let stored = vault.get("token")?.is_some();
    let env = ["GITHUB_TOKEN", "GH_TOKEN"]
        .into_iter()
        .find(|k| std::env::var(k).is_ok_and(|v| !v.trim().is_empty()));
    let used = match (env, stored) {
        (Some(k), _) => format!("{k} (environment)"),
        (None, true) => format!("the stored token ({})", vault.describe()),
        (None, false) => "none: repo scan works without one, at 60 requests an hour".into(),
    };
    let out = match ctx.format {
        Format::Json => crate::render::pretty_json(&json!({
            "host": host, "stored": stored, "environment": env, "storage": vault.describe(),
        })),
        _ => format!(
            "GitHub API:   {host}\nStored token: {}\nUsed by scan: {used}\n",
            if stored { "yes" } else { "no" }
        ),
    };
    print(out.as_bytes())?;
    Ok(ExitCode::Success)
}

fn email(given: Option<&str>) -> Result<String, Error> {
    let e = match given {
        Some(e) => e.trim().to_string(),
        None => ask_line("Email", "--email")?,
    };
    if !e.contains('@') || e.chars().any(char::is_whitespace) {
        return Err(Error::Usage {
            message: format!("{e:?} is not an email address"),
            hint: "accounts are identified by email, e.g. --email you@example.com".into(),
        });
    }
    Ok(e)
}

/// The password: from stdin with `--password-stdin`, else asked for (twice for a new one)
/// on the terminal; never from an argument.
fn password(from_stdin: bool, new: bool) -> Result<String, Error> {
    // On a terminal, "stdin" is the keyboard: ask without echo instead of reading it plainly.
    if from_stdin && !std::io::stdin().is_terminal() {
        let p = read_stdin("the password")?;
        let p = p.strip_suffix('\n').unwrap_or(&p);
        let p = p.strip_suffix('\r').unwrap_or(p).to_string();
        if p.is_empty() {
            return Err(Error::Usage {
                message: "--password-stdin: standard input was empty".into(),
                hint: "pipe the password in, e.g. `printf %s \"$PASSWORD\" | cloudops login --email E --password-stdin`".into(),
            });
        }
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::Usage {
            message: "no terminal to ask for the password".into(),
            hint: "pass it on standard input with --password-stdin".into(),
        });
    }
    let ask = |prompt: &str| {
        rpassword::prompt_password(prompt).map_err(|e| Error::Io {
            context: "reading the password from the terminal".into(),
            error: e,
        })
    };
    let p = ask("Password: ")?;
    if new && ask("Password (again): ")? != p {
        return Err(Error::Usage {
            message: "the two passwords differ".into(),
            hint: "run the command again".into(),
        });
    }
    Ok(p)
}

fn read_stdin(what: &str) -> Result<String, Error> {
    let mut s = String::new();
    std::io::stdin()
        .take(64 * 1024)
        .read_to_string(&mut s)
        .map_err(|e| Error::Io {
            context: format!("reading {what} from standard input"),
            error: e,
        })?;
    Ok(s)
}

fn ask_line(prompt: &str, flag: &str) -> Result<String, Error> {
    if !std::io::stdin().is_terminal() {
        return Err(Error::Usage {
            message: format!("no terminal to ask for {}", prompt.to_lowercase()),
            hint: format!("pass {flag}"),
        });
    }
    eprint!("{prompt}: ");
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| Error::Io {
            context: "reading from the terminal".into(),
            error: e,
        })?;
    let line = line.trim().to_string();
    if line.is_empty() {
        return Err(Error::Usage {
            message: format!("no {} given", prompt.to_lowercase()),
            hint: format!("pass {flag}"),
        });
    }
    Ok(line)
}

fn show_epoch(secs: i64) -> String {
    jiff::Timestamp::from_second(secs).map_or_else(|_| secs.to_string(), crate::timefmt::show)
}

fn epoch_iso(secs: i64) -> String {
    jiff::Timestamp::from_second(secs).map_or_else(|_| secs.to_string(), |t| t.to_string())
}
