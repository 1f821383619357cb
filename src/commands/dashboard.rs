//! `cloudops dashboard`: opens the stores as the other commands would, then serves the
//! pages on loopback (printing the URL, opening a browser) or exports them as files.

use crate::cli::DashboardArgs;
use crate::commands::Context;
use crate::config;
use crate::dashboard::{export, serve, Sources};
use crate::error::{Error, ExitCode};

pub fn run(a: &DashboardArgs, ctx: &Context) -> Result<ExitCode, Error> {
    if ctx.format != crate::cli::Format::Table {
        return Err(Error::Usage {
            message: "`cloudops dashboard` has no --format: it serves or exports HTML pages".into(),
            hint: "leave --format out (for one plan as HTML: `cloudops plan analyze PLAN --format html`)".into(),
        });
    }
    let project =
        config::load_project(ctx.config.as_deref(), ctx.no_config, ctx.profile.as_deref())?;
    let sources = Sources::open(ctx, &project)?;
    if let Some(dir) = &a.export {
        let n = export::export(&sources, dir)?;
        ctx.note(&format!(
            "wrote {n} pages to {}; open {} (it needs no network)",
            dir.display(),
            dir.join("index.html").display()
        ));
        return Ok(ExitCode::Success);
    }
    let listener = serve::bind(a.port.unwrap_or(0))?;
    let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
    let token = serve::token()?;
    let url = format!("http://127.0.0.1:{port}/{token}/index.html");
    let running = serve::start(listener, token)?;
    // The URL is the result (scripts read it); everything else goes to stderr.
    super::print(format!("{url}\n").as_bytes())?;
    ctx.note("serving the dashboard on 127.0.0.1 (read-only); press Ctrl-C to stop");
    // Kept until the server stops: the browser may read it late.
    let mut _launcher = None;
    if !a.no_open {
        match open_browser(&url) {
            Ok(file) => _launcher = Some(file),
            Err(why) => ctx.warn(&format!(
                "could not open a browser ({why}); open the URL above"
            )),
        }
    }
    running.answer(sources, || Sources::open(ctx, &project))?;
    Ok(ExitCode::Success)
}

/// Opens the URL in $BROWSER, else the platform's opener, without putting the token on a
/// command line (which every local user can read in /proc): the browser is given a private
/// file that redirects to the URL. It is started, never waited for.
fn open_browser(url: &str) -> Result<tempfile::NamedTempFile, String> {
    use std::io::Write;
    let mut file = tempfile::Builder::new()
        .prefix("cloudops-dashboard-")
        .suffix(".html")
        .tempfile()
        .map_err(|e| format!("cannot write the launch page: {e}"))?;
    let page = maud::html! {
        (maud::DOCTYPE)
        meta charset="utf-8";
        meta http-equiv="refresh" content={"0;url=" (url)};
        title { "cloudops dashboard" }
        p { a href=(url) { "Open the cloudops dashboard" } }
    };
    file.write_all(page.into_string().as_bytes())
        .map_err(|e| format!("cannot write the launch page: {e}"))?;
    let opener = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty())
        .unwrap_or_else(|| {
            if cfg!(target_os = "macos") {
                "open".into()
            } else if cfg!(windows) {
                "explorer".into()
            } else {
                "xdg-open".into()
            }
        });
    std::process::Command::new(&opener)
        .arg(file.path())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("{opener}: {e}"))?;
    Ok(file)
}
