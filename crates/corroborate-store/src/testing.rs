//! Throwaway PostgreSQL databases for tests, shared by the store's, the CLI's and the server's test suites, so
//! that one policy decides when a PostgreSQL test runs, skips or fails:
//!
//! - [`SERVER_ENV`] names a server by an admin URL (`scripts/with-postgres.sh` starts one and sets it). Each
//!   test gets a database of its own there, created empty and dropped afterwards, so tests run in parallel.
//! - Without it, the PostgreSQL tests say so on standard error (past the test harness's capture) and pass
//!   without running, so a plain `cargo test` works on a machine with no server.
//! - With [`REQUIRE_ENV`] set (as CI does), a missing or unreachable server is an error instead.

use std::io::Write;
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};

use postgres::{Client, NoTls};

/// The admin URL of the server tests may create databases on.
pub const SERVER_ENV: &str = "CORROBORATE_TEST_POSTGRES";
/// When set (to anything but empty or `0`), PostgreSQL tests must run: no server is a failure.
pub const REQUIRE_ENV: &str = "CORROBORATE_REQUIRE_POSTGRES";

/// Why a test database could not be had.
#[derive(Debug, thiserror::Error)]
pub enum TestDatabaseError {
    #[error(
        "{REQUIRE_ENV} is set but {SERVER_ENV} is not: run the tests under scripts/with-postgres.sh"
    )]
    Unconfigured,
    #[error("creating a test database on {server}: {source}")]
    Server {
        /// The server's URL, password left out.
        server: String,
        source: postgres::Error,
    },
}

/// A fresh database on the test server; dropped (with any connection still open to it) when this is dropped.
pub struct TestDatabase {
    admin: String,
    name: String,
    url: String,
}

impl TestDatabase {
    /// A new, empty database for the test `label`. `Ok(None)` when no server is configured and none is
    /// required: the caller skips its test (a note has been written).
    pub fn create(label: &str) -> Result<Option<TestDatabase>, TestDatabaseError> {
        let admin = std::env::var(SERVER_ENV).unwrap_or_default();
        if admin.trim().is_empty() {
            if required() {
                return Err(TestDatabaseError::Unconfigured);
            }
            note_skipped();
            return Ok(None);
        }
        let name = database_name(label);
        let shown = crate::Location::parse(&admin).to_string();
        let server_error = |source| TestDatabaseError::Server {
            server: shown.clone(),
            source,
        };
        let mut client = Client::connect(&admin, NoTls).map_err(server_error)?;
        client
            .batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .map_err(server_error)?;
        let url = with_database(&admin, &name);
        Ok(Some(TestDatabase { admin, name, url }))
    }

    /// The URL of this database, for [`crate::open`] or `--db`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A connection to this database, for tests that look under the store.
    pub fn connect(&self) -> Result<Client, postgres::Error> {
        Client::connect(&self.url, NoTls)
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let (admin, name) = (self.admin.clone(), self.name.clone());
        // On a plain thread: the client runs a runtime of its own, which a test's async context would refuse.
        let _ = std::thread::spawn(move || {
            if let Ok(mut client) = Client::connect(&admin, NoTls) {
                let _ = client
                    .batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
            }
        })
        .join();
    }
}

fn required() -> bool {
    std::env::var(REQUIRE_ENV).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Says once per test program, past the harness's output capture, that PostgreSQL tests did not run.
fn note_skipped() {
    static NOTE: Once = Once::new();
    NOTE.call_once(|| {
        let _ = writeln!(
            std::io::stderr(),
            "\n*** {SERVER_ENV} is not set: the PostgreSQL variants of these tests PASS WITHOUT RUNNING. ***\n\
             *** Run `scripts/with-postgres.sh cargo test --workspace` to run them against a real server. ***\n"
        );
    });
}

/// A database name no other test (in this or another test program) uses: at most 63 bytes, lower case.
fn database_name(label: &str) -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let clean: String = label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    let mut name = format!("corroborate_t{}_{n}_{clean}", std::process::id());
    name.truncate(63);
    name
}

/// `url` with its database (the path) replaced by `name`, its other parts kept.
fn with_database(url: &str, name: &str) -> String {
    let (before_query, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let authority_start = before_query.find("://").map_or(0, |i| i + 3);
    let base = match before_query[authority_start..].find('/') {
        Some(i) => &before_query[..authority_start + i],
        None => before_query,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{database_name, with_database};

    #[test]
    fn database_urls() {
        assert_eq!(
            with_database("postgres://u@127.0.0.1:5432/postgres", "t1"),
            "postgres://u@127.0.0.1:5432/t1"
        );
        assert_eq!(
            with_database("postgres://u:p@h?sslmode=disable", "t1"),
            "postgres://u:p@h/t1?sslmode=disable"
        );
    }

    #[test]
    fn database_names_are_short_and_distinct() {
        let a = database_name("Some Test-Name");
        let b = database_name(&"x".repeat(100));
        assert!(a.ends_with("_some_test_name"), "{a}");
        assert!(b.len() <= 63);
        assert_ne!(database_name("same"), database_name("same"));
    }
}
