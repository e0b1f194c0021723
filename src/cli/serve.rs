//! `oner serve FILE`: the playback page, plans and diagnostics on localhost, following saves.

use super::{EXIT_OK, console};
use crate::diagnostic::Diagnostic;
use crate::serve::http::{self, Shared};
use crate::serve::state::{Site, Snapshot};
use crate::source::SourceFile;
use crate::watch::{FileWatch, Next};
use clap::Args;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Args)]
#[command(
    after_help = "Serves, on http://127.0.0.1:PORT/ unless --host says otherwise:\n  \
/                  the playback page, with the diagnostics listed and marked on the plan\n  \
/plans/plan.svg    the plans (the names are listed on the page and in the JSON)\n  \
/diagnostics.json  the diagnostics, as check --format json, each with its time and place\n  \
/events            server-sent events: `reload` after each save\n\
Each save rebuilds everything in memory and the page reloads itself. A scene that does not load \
keeps the last one that did on the page, with the new errors over it. Nothing is written to disk. \
Port 0 picks a free port; the address is printed on standard output. Only this machine can \
connect unless --host names another interface (docs/live.md). Ctrl-C stops it with exit 0.\n\n\
Examples:\n  oner serve scenes/tutorial.ron\n  oner serve scenes/tutorial.ron --port 0"
)]
pub struct ServeArgs {
    /// Scene file.
    pub file: PathBuf,
    /// Port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 8040)]
    pub port: u16,
    /// Address to listen on. The default is reachable from this machine only.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
}

pub fn run(args: &ServeArgs) -> u8 {
    console::code(serve(args))
}

fn serve(args: &ServeArgs) -> Result<u8, u8> {
    let watch = FileWatch::new(&args.file).map_err(|m| console::usage_error(&m))?;
    crate::watch::stop_on_interrupt(watch.stopper()).map_err(|m| console::usage_error(&m))?;
    let address = SocketAddr::new(args.host, args.port);
    let listener = TcpListener::bind(address)
        .map_err(|e| console::usage_error(&format!("cannot listen on {address}: {e}")))?;
    let bound = listener
        .local_addr()
        .map_err(|e| console::usage_error(&format!("cannot listen on {address}: {e}")))?;
    let mut site = Site::new();
    let mut last = read(&args.file);
    let shared = Arc::new(Shared::new(
        snapshot(&mut site, &args.file, &last),
        args.host.is_loopback(),
    ));
    http::spawn(listener, Arc::clone(&shared));
    let shown = super::display_path(&args.file);
    console::out_line(&format!("serving {shown} at http://{bound}/"))?;
    if !args.host.is_loopback() {
        console::err_line(&format!(
            "warning: listening on {}: anyone who can reach this machine can read the scene",
            args.host
        ))?;
    }
    console::err_line("Ctrl-C to stop")?;
    while watch.next() == Next::Changed {
        let now = read(&args.file);
        // Touched but not changed (saved unchanged, or only its metadata): nothing to tell.
        if same(&now, &last) {
            continue;
        }
        last = now;
        let snapshot = snapshot(&mut site, &args.file, &last);
        console::err_line(&format!("{shown}: {}", status(&snapshot)))?;
        shared.publish(snapshot);
    }
    Ok(EXIT_OK)
}

/// The scene as read now, or why it cannot be read.
type Read = Result<(SourceFile, Option<Diagnostic>), String>;

fn read(path: &std::path::Path) -> Read {
    super::read_scene(&path.to_path_buf())
}

/// Whether two reads found the same text.
fn same(a: &Read, b: &Read) -> bool {
    matches!((a, b), (Ok((a, _)), Ok((b, _))) if a.text() == b.text())
}

/// The site after the file was read as `read`.
fn snapshot(site: &mut Site, path: &std::path::Path, read: &Read) -> Snapshot {
    match read {
        Ok((file, encoding_error)) => site.update(file, encoding_error.clone()),
        Err(reason) => site.unreadable(&path.display().to_string(), reason),
    }
}

/// `save 3: 1 error` for the terminal.
fn status(snapshot: &Snapshot) -> String {
    format!("save {}: {}", snapshot.generation, snapshot.summary)
}
