//! Where a store lives, from what a user gives as `--db`: a `postgres://` or `postgresql://` URL picks
//! PostgreSQL, anything else is the path of a SQLite file.

use std::fmt;
use std::path::PathBuf;

use crate::{PostgresStore, SqliteStore, Store, StoreError};

/// A store's location.
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    Sqlite(PathBuf),
    /// The connection URL as given (it may hold a password: show it with `Display`, which leaves that out).
    Postgres(String),
}

impl Location {
    pub fn parse(spec: &str) -> Location {
        let lower = spec.get(..13).unwrap_or(spec).to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            Location::Postgres(spec.to_string())
        } else {
            Location::Sqlite(PathBuf::from(spec))
        }
    }

    /// Opens the store, creating its file or its tables when needed.
    pub fn open(&self) -> Result<Box<dyn Store>, StoreError> {
        Ok(match self {
            Location::Sqlite(path) => Box::new(SqliteStore::open(path)?),
            Location::Postgres(url) => Box::new(PostgresStore::open(url)?),
        })
    }
}

/// Opens the store that `spec` names (see [`Location::parse`]).
pub fn open(spec: &str) -> Result<Box<dyn Store>, StoreError> {
    Location::parse(spec).open()
}

/// The path, or the URL without its password: safe for messages and logs.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => f.write_str(&redact(url)),
        }
    }
}

/// Never shows the password, even in debug output.
impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            Location::Postgres(_) => f.debug_tuple("Postgres").field(&self.to_string()).finish(),
        }
    }
}

/// `url` without the password of its user part (`user:secret@`) or of its `password=` parameter.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (before_query, query) = match rest.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (rest, None),
    };
    let (authority, path) = match before_query.find('/') {
        Some(i) => before_query.split_at(i),
        None => (before_query, ""),
    };
    let authority = match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split_once(':').map_or(user, |(name, _)| name);
            format!("{user}@{host}")
        }
        None => authority.to_string(),
    };
    let mut out = format!("{scheme}://{authority}{path}");
    if let Some(query) = query {
        let kept: Vec<&str> = query
            .split('&')
            .filter(|p| !p.to_ascii_lowercase().starts_with("password="))
            .collect();
        if !kept.is_empty() {
            out.push('?');
            out.push_str(&kept.join("&"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Location;
    use std::path::PathBuf;

    #[test]
    fn urls_pick_postgres_and_anything_else_is_a_file() {
        assert!(matches!(
            Location::parse("postgres://u@h/db"),
            Location::Postgres(_)
        ));
        assert!(matches!(
            Location::parse("PostgreSQL://u@h/db"),
            Location::Postgres(_)
        ));
        assert_eq!(
            Location::parse("corroborate.db"),
            Location::Sqlite(PathBuf::from("corroborate.db"))
        );
        assert_eq!(
            Location::parse("postgres.db"),
            Location::Sqlite(PathBuf::from("postgres.db"))
        );
    }

    #[test]
    fn passwords_are_never_shown() {
        let shown = |s: &str| Location::parse(s).to_string();
        assert_eq!(
            shown("postgres://ann:s3cret@db.example:5433/news?sslmode=disable"),
            "postgres://ann@db.example:5433/news?sslmode=disable"
        );
        assert_eq!(
            shown("postgresql://db.example/news?user=ann&password=s3cret&application_name=x"),
            "postgresql://db.example/news?user=ann&application_name=x"
        );
        assert_eq!(
            shown("postgres://ann:p%40ss@h/db?password=x"),
            "postgres://ann@h/db"
        );
        assert_eq!(shown("postgres://h"), "postgres://h");
        let debug = format!("{:?}", Location::parse("postgres://ann:s3cret@h/db"));
        assert!(!debug.contains("s3cret"), "{debug}");
    }
}
