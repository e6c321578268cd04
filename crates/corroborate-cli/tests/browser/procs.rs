//! The child processes of the browser test (the server, chromedriver and the Chromium it starts), each
//! killed when its guard is dropped, so that a failing assertion leaves nothing running.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, anyhow, bail};

/// A child process killed on drop. With `group`, the whole process group it leads is killed (chromedriver
/// and the browser processes it spawned).
pub struct Guard {
    name: &'static str,
    child: Child,
    group: bool,
}

impl Guard {
    pub fn spawn(name: &'static str, command: &mut Command, group: bool) -> anyhow::Result<Guard> {
        if group {
            command.process_group(0);
        }
        let child = command
            .spawn()
            .with_context(|| format!("starting {name}"))?;
        Ok(Guard { name, child, group })
    }

    pub fn child(&mut self) -> &mut Child {
        &mut self.child
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.group {
            // The group's id is the leader's pid (`process_group(0)`): this reaches only what we started.
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", self.child.id())])
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.child.kill();
        if self.child.wait().is_err() {
            eprintln!("browser test: could not reap {}", self.name);
        }
    }
}

/// A loopback port that was free a moment ago (for programs that cannot report the port they bound).
pub fn free_port() -> anyhow::Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").context("finding a free port")?;
    Ok(listener.local_addr()?.port())
}

/// The first of `names` found as an executable on `PATH`, unless `env` names one explicitly.
pub fn find_program(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in names {
            let candidate = dir.join(name);
            if is_executable(&candidate) {
                return Some(candidate);
            }
        }
    }
    None
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// `corroborate serve` on a port of its choosing; returns the guard and the base URL it printed.
pub fn start_server(binary: &Path, db: &Path, token: &str) -> anyhow::Result<(Guard, String)> {
    let mut command = Command::new(binary);
    command
        .args(["serve", "--addr", "127.0.0.1:0", "--token", token, "--db"])
        .arg(db)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut guard = Guard::spawn("corroborate serve", &mut command, false)?;
    let stderr = guard
        .child()
        .stderr
        .take()
        .ok_or_else(|| anyhow!("no stderr pipe"))?;
    let (tx, rx) = mpsc::channel();
    // Reads stderr to the end (a full pipe would stall the server), passing on the line with the address.
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split(" on http://").nth(1) {
                let _ = tx.send(format!("http://{}", rest.trim_end_matches('/')));
            } else {
                eprintln!("server: {line}");
            }
        }
    });
    match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(base) => Ok((guard, base)),
        Err(_) => {
            let status = guard.child().try_wait().ok().flatten();
            bail!("corroborate serve did not report its address (exit status: {status:?})")
        }
    }
}
