//! `corroborate ingest` through the real binary: incremental and idempotent ingest, stored dossiers that meet
//! the contract, and a crash test (kill -9 mid-ingest, reopen, check). Each runs on a SQLite file and on a
//! PostgreSQL database (see `corroborate_store::testing` for when those run, skip or fail).

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use common::*;
use corroborate_store::testing::TestDatabase;

/// A database for one test, on either backend.
enum Db {
    Sqlite(tempfile::TempDir),
    Postgres(TestDatabase),
}

impl Db {
    fn sqlite() -> Db {
        Db::Sqlite(tempfile::tempdir().expect("temp dir"))
    }

    /// `None`: the PostgreSQL tests are skipped (no server configured, none required).
    fn postgres(label: &str) -> Option<Db> {
        TestDatabase::create(label)
            .expect("a PostgreSQL test database")
            .map(Db::Postgres)
    }

    /// What `--db` is given.
    fn spec(&self) -> String {
        match self {
            Db::Sqlite(dir) => dir
                .path()
                .join("store.db")
                .to_str()
                .expect("utf-8 path")
                .to_string(),
            Db::Postgres(db) => db.url().to_string(),
        }
    }

    /// Whether an ingest got as far as creating the store's tables.
    fn has_tables(&self) -> bool {
        match self {
            // The file appears before the first migration commits: a kill in between leaves it without tables.
            Db::Sqlite(dir) => {
                let path = dir.path().join("store.db");
                path.exists()
                    && rusqlite::Connection::open(&path)
                        .and_then(|c| {
                            c.query_row(
                                "SELECT count(*) FROM sqlite_master WHERE name = 'stories'",
                                [],
                                |r| r.get::<_, i64>(0),
                            )
                        })
                        .is_ok_and(|n| n > 0)
            }
            Db::Postgres(db) => db
                .connect()
                .expect("connect")
                .query_one("SELECT to_regclass('stories') IS NOT NULL", &[])
                .expect("query")
                .get(0),
        }
    }

    /// Runs one query (the same SQL on both backends) whose rows are all integers or text.
    fn rows<T>(
        &self,
        sql: &str,
        sqlite: impl Fn(&rusqlite::Row) -> rusqlite::Result<T>,
        postgres: impl Fn(&postgres::Row) -> T,
    ) -> Vec<T> {
        match self {
            Db::Sqlite(dir) => {
                let conn = rusqlite::Connection::open(dir.path().join("store.db")).expect("open");
                let mut stmt = conn.prepare(sql).expect("prepare");
                stmt.query_map([], sqlite)
                    .expect("query")
                    .collect::<Result<_, _>>()
                    .expect("rows")
            }
            Db::Postgres(db) => db
                .connect()
                .expect("connect")
                .query(sql, &[])
                .expect("query")
                .iter()
                .map(postgres)
                .collect(),
        }
    }
}

/// The stored dossier of `story`, read through the store.
fn stored_dossier(db: &str, story: &str) -> serde_json::Value {
    let store = corroborate_store::open(db).expect("open store");
    let text = store
        .dossier(story)
        .expect("read the store")
        .expect("the story has a dossier");
    serde_json::from_str(&text).expect("dossier JSON")
}

fn last_line(s: &str) -> &str {
    s.lines().last().unwrap_or("")
}

#[test]
fn ingest_is_incremental_and_idempotent_sqlite() {
    ingest_is_incremental_and_idempotent(&Db::sqlite());
}

#[test]
fn ingest_is_incremental_and_idempotent_postgres() {
    if let Some(db) = Db::postgres("cli_ingest") {
        ingest_is_incremental_and_idempotent(&db);
    }
}

fn ingest_is_incremental_and_idempotent(db: &Db) {
    let spec = db.spec();
    let db_arg = spec.as_str();

    let first = corroborate(&["ingest", "examples/protest-camp", "--db", db_arg], None);
    assert_eq!(first.status, 0, "stderr: {}", first.stderr);
    let added = first
        .stdout
        .lines()
        .filter(|l| l.starts_with("added "))
        .count();
    assert!(added >= 6, "{}", first.stdout);
    assert!(
        first
            .stdout
            .lines()
            .next()
            .is_some_and(|l| l.starts_with("added d1 s1 "))
    );
    assert!(
        last_line(&first.stdout)
            .starts_with(&format!("{added} added, 0 skipped as duplicates, 0 failed")),
        "{}",
        first.stdout
    );
    let dossier = stored_dossier(db_arg, "s1");
    assert_valid_dossier(&dossier);
    assert_eq!(dossier["documents"].as_array().map(Vec::len), Some(added));

    // Same inputs again: nothing changes.
    let again = corroborate(&["ingest", "examples/protest-camp", "--db", db_arg], None);
    assert_eq!(again.status, 0, "stderr: {}", again.stderr);
    assert!(
        last_line(&again.stdout)
            .starts_with(&format!("0 added, {added} skipped as duplicates, 0 failed")),
        "{}",
        again.stdout
    );
    assert_eq!(stored_dossier(db_arg, "s1"), dossier);

    // One new report into the existing story, one unreadable input beside it.
    let extra = temp_files(&[
        (
            "late.md",
            b"---\nsource: Late Post\n---\nThe camp was cleared on Friday, a spokesman said.\n",
        ),
        ("bad.txt", b"\x00\x01\x02binary\x00"),
    ]);
    let extra_dir = extra.path().to_str().expect("utf-8 path");
    let more = corroborate(
        &["ingest", extra_dir, "--db", db_arg, "--story", "s1"],
        None,
    );
    assert_eq!(
        more.status, 2,
        "stdout: {} stderr: {}",
        more.stdout, more.stderr
    );
    assert!(more.stderr.contains("bad.txt"), "{}", more.stderr);
    assert!(last_line(&more.stdout).starts_with("1 added, 0 skipped as duplicates, 1 failed"));
    let grown = stored_dossier(db_arg, "s1");
    assert_valid_dossier(&grown);
    assert_eq!(grown["documents"].as_array().map(Vec::len), Some(added + 1));

    let missing_story = corroborate(
        &["ingest", extra_dir, "--db", db_arg, "--story", "s9"],
        None,
    );
    assert_eq!(missing_story.status, 1);
    assert!(
        missing_story.stderr.contains("no story s9"),
        "{}",
        missing_story.stderr
    );
}

/// A small deterministic generator, so a failing kill schedule can be replayed from the printed seed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % bound
    }
}

/// Runs an ingest and kills it with SIGKILL once it has acknowledged `acks` documents (0: right away) and a
/// further `delay` has passed, so that the kill lands inside the ingest however fast the machine is. Returns
/// the acknowledged `(id, origin)` pairs, including any printed between the decision and the kill.
fn ingest_and_kill(dir: &Path, db: &str, acks: usize, delay: Duration) -> Vec<(String, String)> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["ingest", "--chunk", "2", "--threads", "1", "--db", db])
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start corroborate");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines().map_while(Result::ok);
    let mut acknowledged = Vec::new();
    let record = |line: String, into: &mut Vec<(String, String)>| {
        let mut parts = line.splitn(4, ' ');
        if let (Some("added"), Some(id), Some(_story), Some(origin)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        {
            into.push((id.to_string(), origin.to_string()));
        }
    };
    while acknowledged.len() < acks {
        match lines.next() {
            Some(line) => record(line, &mut acknowledged),
            None => break,
        }
    }
    std::thread::sleep(delay);
    // On Unix, kill() is SIGKILL: no destructor, no flush, no rollback by the process itself.
    let _ = child.kill();
    for line in lines {
        record(line, &mut acknowledged);
    }
    let _ = child.wait();
    acknowledged
}

const REPORTS: usize = 60;

#[test]
fn crash_mid_ingest_loses_nothing_acknowledged_sqlite() {
    crash_mid_ingest_loses_nothing_acknowledged(&Db::sqlite());
}

#[test]
fn crash_mid_ingest_loses_nothing_acknowledged_postgres() {
    if let Some(db) = Db::postgres("cli_crash") {
        crash_mid_ingest_loses_nothing_acknowledged(&db);
    }
}

fn crash_mid_ingest_loses_nothing_acknowledged(db: &Db) {
    let files: Vec<(String, Vec<u8>)> = (0..REPORTS)
        .map(|i| {
            let text = format!(
                "---\nsource: Outlet {i}\ntitle: Report number {i}\n---\nReport {i}: the river rose by {i} centimetres \
                 overnight, the mayor said. Residents of district {i} were told to move to higher ground.\n"
            );
            (format!("report-{i:02}.md"), text.into_bytes())
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let inputs = temp_files(&refs);
    let spec = db.spec();

    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(7, |d| d.as_nanos() as u64);
    eprintln!("crash test seed {seed}");
    let mut rng = Lcg(seed);
    let mut acknowledged: Vec<(String, String)> = Vec::new();
    for round in 0..8 {
        let acks = rng.next(9) as usize;
        let delay = Duration::from_micros(rng.next(20_000));
        let acked = ingest_and_kill(inputs.path(), &spec, acks, delay);
        eprintln!(
            "round {round}: killed {delay:?} after ack {acks}; {} acknowledged",
            acked.len()
        );
        acknowledged.extend(acked);
        if !db.has_tables() {
            // Killed before the schema existed: nothing can have been acknowledged yet.
            assert!(
                acknowledged.is_empty(),
                "acknowledged without a schema (seed {seed})"
            );
            continue;
        }
        if let Db::Sqlite(dir) = db {
            let conn = rusqlite::Connection::open(dir.path().join("store.db")).expect("reopen");
            let check: String = conn
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .expect("integrity check");
            assert_eq!(check, "ok", "round {round}, seed {seed}");
        }
        let store = corroborate_store::open(&spec).expect("reopen");
        for (id, origin) in &acknowledged {
            let stored = store.document(id).expect("read").map(|d| d.origin);
            assert_eq!(
                stored.as_deref(),
                Some(origin.as_str()),
                "{id} lost (round {round}, seed {seed})"
            );
        }
        // No half-written story: every story's dossier holds exactly its members.
        let rows: Vec<(i64, i64, Option<String>, i64)> = db.rows(
            "SELECT s.id, s.doc_count, s.dossier,
                    (SELECT count(*) FROM story_documents m WHERE m.story = s.id)
             FROM stories s",
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            |r| (r.get(0), r.get(1), r.get(2), r.get(3)),
        );
        for (story, count, dossier, members) in rows {
            assert_eq!(count, members, "story {story} (seed {seed})");
            let dossier: serde_json::Value =
                serde_json::from_str(dossier.as_deref().unwrap_or("null")).expect("dossier JSON");
            assert_eq!(
                dossier["documents"].as_array().map(|d| d.len() as i64),
                Some(members),
                "story {story} (seed {seed})"
            );
        }
    }

    // Run to the end: every report is stored exactly once, however often the earlier runs died.
    let dir_arg = inputs.path().to_str().expect("utf-8 path");
    let done = corroborate(&["ingest", dir_arg, "--db", &spec], None);
    assert_eq!(done.status, 0, "stderr: {}", done.stderr);
    let counts: Vec<(i64, i64)> = db.rows(
        "SELECT count(*), count(DISTINCT origin) FROM documents",
        |r| Ok((r.get(0)?, r.get(1)?)),
        |r| (r.get(0), r.get(1)),
    );
    assert_eq!(counts, [(REPORTS as i64, REPORTS as i64)], "seed {seed}");
}
