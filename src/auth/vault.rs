//! Where secrets rest between runs: the OS keyring (macOS Keychain, Windows Credential
//! Manager, Linux kernel keyutils), or — only when the operator allows it and no keyring
//! works — a 0600 file in the config directory. Keyring calls run under a timeout, because a
//! locked or absent keyring daemon can otherwise hang a CI job forever.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use crate::error::Error;

const SERVICE: &str = "cloudops";

/// How long one keyring call may take (a prompt for the keychain password counts).
pub fn timeout() -> Duration {
    std::env::var("CLOUDOPS_KEYRING_TIMEOUT")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .map_or(Duration::from_secs(10), Duration::from_secs)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Keyring,
    File(PathBuf),
}

/// A set of named secrets under one account (e.g. one user pool and client), kept together.
#[derive(Debug, Clone)]
pub struct Vault {
    pub place: Place,
    account: String,
}

impl Vault {
    /// Where `account`'s secrets are: a file made earlier with the operator's consent, else
    /// the keyring. `for_write` proves the keyring can store and read back before anything
    /// is sent anywhere; if it cannot, the file under `dir` is used when `insecure_ok`, or
    /// the error says how to proceed.
    pub fn open(
        account: &str,
        for_write: bool,
        insecure_ok: bool,
        dir: Option<&Path>,
    ) -> Result<Vault, Error> {
        let file = dir.map(|d| d.join(format!("credentials-{}.json", file_safe(account))));
        if let Some(f) = file.as_ref().filter(|f| f.is_file()) {
            return Ok(Vault {
                place: Place::File(f.clone()),
                account: account.to_string(),
            });
        }
        let keyring = Vault {
            place: Place::Keyring,
            account: account.to_string(),
        };
        let usable = match session_keyring() {
            Err(why) => Err(why),
            Ok(()) if for_write => keyring.probe(),
            Ok(()) => Ok(()),
        };
        match (usable, file) {
            (Ok(()), _) => Ok(keyring),
            (Err(why), Some(file)) if insecure_ok => {
                tracing::debug!(reason = %why, "keyring unavailable, using the credentials file");
                Ok(Vault {
                    place: Place::File(file),
                    account: account.to_string(),
                })
            }
            (Err(why), _) => Err(Error::Remote {
                message: format!("no OS keyring works here: {why}"),
                hint: "unlock or start the keyring; or allow a 0600 file with --insecure-storage \
                       (auth.insecure_storage = true); in CI use CLOUDOPS_USERNAME + CLOUDOPS_PASSWORD"
                    .into(),
            }),
        }
    }

    /// Writes, reads back and deletes a throwaway entry: some keyrings accept a read and
    /// refuse the write (e.g. keyutils without a session keyring).
    fn probe(&self) -> Result<(), String> {
        let name = self.key("probe");
        let refused = |step: &str, e: keyring::Error| {
            keyring::Error::Invalid(format!("a test entry could not be {step}"), e.to_string())
        };
        keyring_call(&name, "test write", move |e| {
            e.set_password("probe").map_err(|x| refused("stored", x))?;
            let back = e.get_password().map_err(|x| refused("read back", x))?;
            e.delete_credential().map_err(|x| refused("deleted", x))?;
            if back == "probe" {
                Ok(())
            } else {
                Err(keyring::Error::Invalid(
                    "a test entry".into(),
                    "read back differently".into(),
                ))
            }
        })
    }

    pub fn describe(&self) -> String {
        match &self.place {
            Place::Keyring => format!("OS keyring ({})", keyring_name()),
            Place::File(p) => format!("file {} (0600; --insecure-storage)", p.display()),
        }
    }

    pub fn get(&self, name: &str) -> Result<Option<String>, Error> {
        match &self.place {
            Place::Keyring => keyring_call(&self.key(name), "read", |e| match e.get_password() {
                Ok(v) => Ok(Some(v)),
                Err(keyring::Error::NoEntry) => Ok(None),
                Err(e) => Err(e),
            })
            .map_err(|why| self.failed("read", &why)),
            Place::File(p) => Ok(read_file(p)?.remove(name)),
        }
    }

    /// Stores `entries` in order. A keyring write that fails part-way leaves the earlier
    /// ones written (each is a complete value): callers order them so that any prefix is
    /// usable, and `Tokens::forget` removes every name whatever was written.
    pub fn put_all(&self, entries: &[(&str, &str)]) -> Result<(), Error> {
        match &self.place {
            Place::Keyring => {
                for (name, value) in entries {
                    let v = value.to_string();
                    keyring_call(&self.key(name), "write", move |e| e.set_password(&v))
                        .map_err(|why| self.failed("write", &why))?;
                }
                Ok(())
            }
            Place::File(p) => {
                let mut all = read_file(p)?;
                for (name, value) in entries {
                    all.insert(name.to_string(), value.to_string());
                }
                write_file(p, &all)
            }
        }
    }

    /// Removes `name`; true if it was there.
    pub fn remove(&self, name: &str) -> Result<bool, Error> {
        match &self.place {
            Place::Keyring => {
                keyring_call(&self.key(name), "delete", |e| match e.delete_credential() {
                    Ok(()) => Ok(true),
                    Err(keyring::Error::NoEntry) => Ok(false),
                    Err(e) => Err(e),
                })
                .map_err(|why| self.failed("delete", &why))
            }
            Place::File(p) => {
                let mut all = read_file(p)?;
                let had = all.remove(name).is_some();
                if all.is_empty() {
                    match std::fs::remove_file(p) {
                        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                            return Err(Error::Io {
                                context: format!("removing {}", p.display()),
                                error: e,
                            })
                        }
                        _ => {}
                    }
                } else {
                    write_file(p, &all)?;
                }
                Ok(had)
            }
        }
    }

    fn key(&self, name: &str) -> String {
        format!("{}/{name}", self.account)
    }

    fn failed(&self, op: &str, why: &str) -> Error {
        Error::Remote {
            message: format!("the OS keyring could not {op} the cloudops credentials: {why}"),
            hint: "unlock the keyring and retry, or use --insecure-storage".into(),
        }
    }
}

/// keyutils keeps entries in the per-user persistent keyring, reached through the process's
/// session keyring. A process started outside a login session (a container, cron, some CI)
/// has none; it gets a fresh anonymous one here, as `keyctl session` would, and the entries
/// still land in (and are found in) the persistent keyring. Without a persistent keyring
/// the entries would die with the process, so that counts as no keyring.
#[cfg(target_os = "linux")]
pub fn session_keyring() -> Result<(), String> {
    use linux_keyutils::{KeyRing, KeyRingIdentifier};
    let session = KeyRing::from_special_id(KeyRingIdentifier::Session, false);
    let user_session = KeyRing::from_special_id(KeyRingIdentifier::UserSession, false);
    let has_own = match (session, user_session) {
        (Ok(s), Ok(u)) => s != u,
        (Ok(_), Err(_)) => true,
        (Err(e), _) => return Err(format!("the kernel keyring is not available ({e:?})")),
    };
    if !has_own {
        const KEYCTL_JOIN_SESSION_KEYRING: libc::c_long = 1;
        // SAFETY: keyctl(JOIN_SESSION_KEYRING, NULL) takes no pointer we own; it only
        // replaces this thread's session keyring, which threads spawned later inherit.
        let r = unsafe {
            libc::syscall(
                libc::SYS_keyctl,
                KEYCTL_JOIN_SESSION_KEYRING,
                std::ptr::null::<libc::c_char>(),
            )
        };
        if r < 0 {
            return Err(format!(
                "no session keyring, and none could be made ({})",
                std::io::Error::last_os_error()
            ));
        }
    }
    KeyRing::get_persistent(KeyRingIdentifier::Session)
        .map(|_| ())
        .map_err(|e| {
            format!("the user's persistent keyring cannot be reached ({e:?}), so tokens would not outlive this process")
        })
}

#[cfg(not(target_os = "linux"))]
pub fn session_keyring() -> Result<(), String> {
    Ok(())
}

fn keyring_name() -> &'static str {
    if cfg!(target_os = "macos") {
        "macOS Keychain"
    } else if cfg!(windows) {
        "Windows Credential Manager"
    } else {
        "Linux kernel keyutils"
    }
}

/// Runs one keyring operation on its own thread and gives up after `timeout()`; the thread
/// is left to finish on its own (it holds no lock of ours).
fn keyring_call<T: Send + 'static>(
    user: &str,
    what: &str,
    op: impl FnOnce(&keyring::Entry) -> keyring::Result<T> + Send + 'static,
) -> Result<T, String> {
    let (tx, rx) = mpsc::channel();
    let user = user.to_string();
    std::thread::spawn(move || {
        let r = keyring::Entry::new(SERVICE, &user).and_then(|e| op(&e));
        let _ = tx.send(r);
    });
    let limit = timeout();
    match rx.recv_timeout(limit) {
        Ok(Ok(v)) => Ok(v),
        // keyring's messages name the platform error, never the secret.
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err(format!(
            "the keyring did not answer a {what} within {} s (locked, or waiting for a prompt?)",
            limit.as_secs()
        )),
    }
}

/// A file name for `account` that no other account maps to: letters and digits as they
/// are, every other byte as `_xx` (hex).
fn file_safe(account: &str) -> String {
    account
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("_{b:02x}")
            }
        })
        .collect()
}

fn read_file(p: &Path) -> Result<std::collections::BTreeMap<String, String>, Error> {
    match std::fs::read(p) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| Error::Remote {
            message: format!("{} is not a cloudops credentials file: {e}", p.display()),
            hint: "remove it and log in again".into(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Default::default()),
        Err(e) => Err(Error::Io {
            context: format!("reading {}", p.display()),
            error: e,
        }),
    }
}

fn write_file(p: &Path, all: &std::collections::BTreeMap<String, String>) -> Result<(), Error> {
    let bytes = serde_json::to_vec(all).expect("a string map serialises");
    crate::fsutil::write_private(p, &bytes).map_err(|error| Error::Io {
        context: format!("writing {}", p.display()),
        error,
    })
}
