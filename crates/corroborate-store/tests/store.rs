//! The store against real databases: every test of the shared suite runs on SQLite (a file in a temporary
//! directory) and on PostgreSQL (a database of its own on the server `CORROBORATE_TEST_POSTGRES` names; see
//! `corroborate_store::testing` for when those run, skip or fail), through the same `Store` trait. A few tests
//! of what lies under the trait (migrations, locks) are written per backend.

use std::sync::{Arc, Barrier};

use corroborate_core::ingest::{IngestError, InputBytes};
use corroborate_core::pipeline;
use corroborate_store::testing::TestDatabase;
use corroborate_store::{PostgresStore, SqliteStore, Store, StoreError, StoryTarget, pg, schema};

fn input(name: &str, text: &str) -> Result<InputBytes, IngestError> {
    Ok(InputBytes {
        name: name.to_string(),
        bytes: text.as_bytes().to_vec(),
        content_type: None,
        url: None,
    })
}

fn analyse(inputs: Vec<Result<InputBytes, IngestError>>) -> Vec<corroborate_core::Document> {
    pipeline::analyze_with(
        inputs,
        pipeline::Options {
            threads: Some(1),
            ..Default::default()
        },
    )
    .documents
}

const HARBOUR: &str = "---\nsource: Coast Courier\ntitle: Fire at the harbour\nurl: https://courier.example/fire\n---\n\
The fire at the harbour destroyed two warehouses on Tuesday, the fire brigade said.\n";
const HARBOUR_DENIAL: &str = "---\nsource: Port Authority\ntitle: Statement on the harbour\n---\n\
The port authority denied that any warehouse was destroyed. Café owners nearby reported smoke.\n";
const ELECTION: &str = "---\nsource: Daily Ledger\ntitle: Turnout in the election\n---\n\
The Bürgermeister said turnout in the municipal election reached 61 percent on Sunday.\n";

/// A store on a fresh database of one backend, and what keeps that database alive.
struct Fixture {
    /// What `--db` would be.
    spec: String,
    store: Box<dyn Store>,
    /// The temporary directory or the test database. Declared after the store, so the store is dropped (its
    /// connections closed) before what holds its data.
    _keep: Box<dyn std::any::Any>,
}

impl Fixture {
    fn sqlite() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let spec = dir
            .path()
            .join("test.db")
            .to_str()
            .expect("utf-8 path")
            .to_string();
        Fixture {
            store: corroborate_store::open(&spec).expect("open store"),
            spec,
            _keep: Box::new(dir),
        }
    }

    /// `None`: no server configured and none required (the PostgreSQL tests are skipped, loudly).
    fn postgres(label: &str) -> Option<Fixture> {
        let db = TestDatabase::create(label).expect("a PostgreSQL test database")?;
        let spec = db.url().to_string();
        Some(Fixture {
            store: corroborate_store::open(&spec).expect("open store"),
            spec,
            _keep: Box::new(db),
        })
    }

    fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    /// Another handle on the same database, as a second program would have.
    fn reopen(&self) -> Box<dyn Store> {
        corroborate_store::open(&self.spec).expect("reopen store")
    }
}

/// Runs each named test function once per backend: `sqlite::NAME` and `postgres::NAME`.
macro_rules! on_both_backends {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $test() {
                    super::$test(&super::Fixture::sqlite());
                }
            )*
        }
        mod postgres {
            $(
                #[test]
                fn $test() {
                    if let Some(f) = super::Fixture::postgres(stringify!($test)) {
                        super::$test(&f);
                    }
                }
            )*
        }
    };
}

on_both_backends!(
    reingest_changes_nothing,
    only_touched_stories_are_rebuilt,
    unknown_story_is_an_error_and_writes_nothing,
    full_text_search,
    claim_search,
    document_lookup,
    concurrent_ingests_of_the_same_reports_store_them_once,
    concurrent_ingests_keep_stories_whole,
    later_reports_join_the_story_of_their_event,
);

fn reingest_changes_nothing(f: &Fixture) {
    let store = f.store();
    let docs = analyse(vec![input("a.md", HARBOUR), input("b.md", HARBOUR_DENIAL)]);
    let first = store
        .ingest(docs.clone(), &StoryTarget::Auto)
        .expect("ingest");
    assert_eq!(first.added.len(), 2);
    assert!(first.duplicates.is_empty());
    assert_eq!(first.stories, vec!["s1".to_string()]);
    let before = store.stories().expect("stories");
    let dossier_before = store.dossier("s1").expect("dossier");

    let again = store.ingest(docs, &StoryTarget::Auto).expect("re-ingest");
    assert!(again.added.is_empty());
    assert_eq!(again.duplicates.len(), 2);
    assert_eq!(again.duplicates[0].id, "d1");
    assert!(again.stories.is_empty());
    let after = store.stories().expect("stories");
    assert_eq!(before.len(), after.len());
    assert_eq!(before[0].updated, after[0].updated);
    assert_eq!(dossier_before, store.dossier("s1").expect("dossier"));
}

fn only_touched_stories_are_rebuilt(f: &Fixture) {
    let store = f.store();
    store
        .ingest(analyse(vec![input("a.md", HARBOUR)]), &StoryTarget::Auto)
        .expect("first");
    store
        .ingest(analyse(vec![input("e.md", ELECTION)]), &StoryTarget::Auto)
        .expect("second");
    let election_before = store.dossier("s2").expect("dossier");
    let report = store
        .ingest(
            analyse(vec![input("b.md", HARBOUR_DENIAL)]),
            &StoryTarget::Existing("s1".into()),
        )
        .expect("third");
    assert_eq!(report.stories, vec!["s1".to_string()]);
    assert_eq!(report.added[0].story, "s1");
    assert_eq!(election_before, store.dossier("s2").expect("dossier"));

    let stories = store.stories().expect("stories");
    let harbour = stories.iter().find(|s| s.id == "s1").expect("s1 listed");
    assert_eq!(harbour.title, "Fire at the harbour");
    assert_eq!(harbour.documents, 2);

    let dossier: serde_json::Value = serde_json::from_str(
        &store
            .dossier("s1")
            .expect("read")
            .expect("s1 has a dossier"),
    )
    .expect("json");
    assert_eq!(dossier["format"], "corroborate.dossier/1");
    let ids: Vec<&str> = dossier["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d["id"].as_str())
        .collect();
    assert_eq!(ids, ["d1", "d3"]);
    assert_eq!(dossier["sources"].as_array().map(Vec::len), Some(2));
}

fn unknown_story_is_an_error_and_writes_nothing(f: &Fixture) {
    let store = f.store();
    let err = store
        .ingest(
            analyse(vec![input("a.md", HARBOUR)]),
            &StoryTarget::Existing("s9".into()),
        )
        .expect_err("no such story");
    assert!(matches!(err, StoreError::NoStory(_)));
    assert!(store.stories().expect("stories").is_empty());
    assert!(store.document("d1").expect("lookup").is_none());
}

fn full_text_search(f: &Fixture) {
    let store = f.store();
    store
        .ingest(
            analyse(vec![
                input("a.md", HARBOUR),
                input("b.md", HARBOUR_DENIAL),
                input("e.md", ELECTION),
            ]),
            &StoryTarget::Auto,
        )
        .expect("ingest");
    let hits = store.search("warehouses", 10).expect("search");
    assert_eq!(hits.documents.len(), 1);
    assert_eq!(hits.documents[0].id, "d1");
    assert_eq!(hits.documents[0].story.as_deref(), Some("s1"));
    assert!(hits.documents[0].snippet.contains("[warehouses]"));
    // Diacritics are folded; a phrase must match as a phrase.
    assert_eq!(store.search("cafe", 10).expect("search").documents.len(), 1);
    assert_eq!(
        store
            .search("\"municipal election\"", 10)
            .expect("search")
            .documents
            .len(),
        1
    );
    assert!(
        store
            .search("\"election municipal\"", 10)
            .expect("search")
            .documents
            .is_empty()
    );
    // FTS syntax typed by a user is just text, never an error.
    for q in [
        "NEAR(",
        "\"",
        "-fire",
        "fire*",
        "a:b",
        "(",
        "AND OR NOT",
        "&|!",
        ":*",
        "fire:*",
        "'",
        "\\",
        "<->",
        "fire & !smoke",
        "\"fire",
        "harbour\"",
    ] {
        store
            .search(q, 10)
            .expect("user text never breaks the query");
    }
    assert!(store.search("  ", 10).expect("empty").documents.is_empty());
}

fn document_lookup(f: &Fixture) {
    let store = f.store();
    store
        .ingest(analyse(vec![input("a.md", HARBOUR)]), &StoryTarget::Auto)
        .expect("ingest");
    let doc = store.document("d1").expect("lookup").expect("stored");
    assert_eq!(doc.source, "Coast Courier");
    assert_eq!(doc.kind, "article");
    assert_eq!(doc.url.as_deref(), Some("https://courier.example/fire"));
    assert_eq!(doc.stories, vec!["s1".to_string()]);
    assert!(store.document("d99").expect("lookup").is_none());
    assert!(store.document("not-an-id").expect("lookup").is_none());
}

fn claim_search(f: &Fixture) {
    let store = f.store();
    store
        .ingest(
            analyse(vec![input("a.md", HARBOUR), input("e.md", ELECTION)]),
            &StoryTarget::Auto,
        )
        .expect("ingest");
    // Two events in one batch: two stories, the harbour first.
    let stories = store.stories().expect("stories");
    assert_eq!(stories.len(), 2, "{stories:?}");
    let dossier: serde_json::Value =
        serde_json::from_str(&store.dossier("s2").expect("read").expect("dossier")).expect("json");
    let claims = dossier["claims"].as_array().expect("claims");
    assert!(!claims.is_empty(), "the example makes claims");
    // Every claim is found by its own words, in its story, with its id and document.
    let hits = store.search("turnout", 10).expect("search");
    let hit = hits
        .claims
        .iter()
        .find(|c| c.text.contains("turnout"))
        .unwrap_or_else(|| panic!("a claim about turnout in {hits:?}"));
    assert_eq!(hit.story, "s2");
    assert!(
        claims
            .iter()
            .any(|c| c["id"] == hit.id.as_str() && c["doc"] == hit.doc.as_str())
    );
    assert!(hit.snippet.contains("[turnout]"), "{}", hit.snippet);
    // Folded like the documents: case and diacritics do not matter.
    let folded = store.search("BURGERMEISTER", 10).expect("search");
    assert_eq!(folded.documents.len(), 1);
    assert!(folded.documents[0].snippet.contains("[Bürgermeister]"));
}

/// Two programs ingest the same reports at the same moment: each report is stored once, in one story.
fn concurrent_ingests_of_the_same_reports_store_them_once(f: &Fixture) {
    let docs = analyse(vec![input("a.md", HARBOUR), input("b.md", HARBOUR_DENIAL)]);
    let barrier = Arc::new(Barrier::new(2));
    let reports: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                let (store, docs, barrier) = (f.reopen(), docs.clone(), barrier.clone());
                scope.spawn(move || {
                    barrier.wait();
                    store.ingest(docs, &StoryTarget::Auto)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("no panic").expect("ingest"))
            .collect()
    });
    let added: usize = reports.iter().map(|r| r.added.len()).sum();
    let duplicates: usize = reports.iter().map(|r| r.duplicates.len()).sum();
    assert_eq!((added, duplicates), (2, 2));
    let stories = f.store().stories().expect("stories");
    assert_eq!(stories.len(), 1, "{stories:?}");
    assert_eq!(stories[0].documents, 2);
}

/// Several programs ingest different reports at once, some into one existing story: every story's dossier
/// holds exactly its members, and no document is lost.
fn concurrent_ingests_keep_stories_whole(f: &Fixture) {
    let store = f.store();
    store
        .ingest(analyse(vec![input("a.md", HARBOUR)]), &StoryTarget::Auto)
        .expect("first");
    const WRITERS: usize = 3;
    const ROUNDS: usize = 3;
    const INTO_S1: usize = 2;
    let barrier = Arc::new(Barrier::new(WRITERS));
    // The stories the writers that let the store decide were put in.
    let auto_stories: Vec<String> = std::thread::scope(|scope| {
        let mut handles = Vec::new();
        for w in 0..WRITERS {
            let (writer, barrier) = (f.reopen(), barrier.clone());
            handles.push(scope.spawn(move || {
                barrier.wait();
                let mut placed = Vec::new();
                for r in 0..ROUNDS {
                    let text = format!(
                        "---\nsource: Outlet {w}\ntitle: Update {w}.{r}\n---\nUpdate {w}.{r}: the fire spread to \
                         warehouse {r}, firefighter {w} said on Wednesday.\n"
                    );
                    // Writers 0 and 1 add to the harbour story at once; the other starts stories of its own.
                    let target = if w < INTO_S1 {
                        StoryTarget::Existing("s1".into())
                    } else {
                        StoryTarget::Auto
                    };
                    let report = writer
                        .ingest(analyse(vec![input("u.md", &text)]), &target)
                        .expect("concurrent ingest");
                    if target == StoryTarget::Auto {
                        placed.extend(report.stories);
                    }
                }
                placed
            }));
        }
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("no panic"))
            .collect()
    });
    assert_eq!(auto_stories.len(), (WRITERS - INTO_S1) * ROUNDS);
    let mut new_stories: Vec<&String> = auto_stories.iter().filter(|s| *s != "s1").collect();
    new_stories.sort();
    new_stories.dedup();
    let stories = store.stories().expect("stories");
    // Reports of one event share a story, so the store decides how many; every story it named exists.
    assert_eq!(stories.len(), 1 + new_stories.len(), "{stories:?}");
    let mut total = 0;
    for s in &stories {
        let dossier: serde_json::Value =
            serde_json::from_str(&store.dossier(&s.id).expect("read").expect("dossier"))
                .expect("json");
        let members = dossier["documents"].as_array().map_or(0, Vec::len);
        assert_eq!(members, s.documents, "story {}", s.id);
        total += members;
    }
    assert_eq!(total, 1 + WRITERS * ROUNDS);
    let harbour = stories.iter().find(|s| s.id == "s1").expect("s1");
    let auto_into_harbour = auto_stories.iter().filter(|s| *s == "s1").count();
    assert_eq!(harbour.documents, 1 + INTO_S1 * ROUNDS + auto_into_harbour);
}

#[test]
fn sqlite_migrates_an_existing_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.db");
    {
        // A file as the first schema version left it, with a document in it.
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        assert_eq!(schema::migrate(&mut conn, Some(1)).expect("v1"), 1);
        conn.execute(
            "INSERT INTO documents(content_hash, source, kind, text, origin, engine, ingested_at)
             VALUES ('h1', 'Old Times', 'article', 'An archived report about the flood.', 'old.txt',
                     'corroborate 0.0.1', '2026-01-01T00:00:00Z')",
            [],
        )
        .expect("insert");
    }
    let store = SqliteStore::open(&path).expect("open migrates");
    let conn = rusqlite::Connection::open(&path).expect("open");
    assert_eq!(schema::version(&conn).expect("version"), schema::latest());
    // Migration 2 back-filled the search index from the documents already there.
    let hits = store.search("flood", 10).expect("search");
    assert_eq!(hits.documents.len(), 1);
    drop(store);
    // Opening again applies nothing and keeps the data.
    let store = SqliteStore::open(&path).expect("reopen");
    assert_eq!(
        store.search("flood", 10).expect("search").documents.len(),
        1
    );
    drop(store);

    // A file from a newer program is refused, not modified.
    conn.execute(
        "INSERT INTO schema_migrations(version, applied_at) VALUES (99, 'later')",
        [],
    )
    .expect("future version");
    match SqliteStore::open(&path) {
        Err(StoreError::TooNew { found: 99, .. }) => {}
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("a newer file was opened"),
    }
}

#[test]
fn sqlite_readers_are_not_blocked_by_a_writer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(dir.path().join("test.db")).expect("open store");
    store
        .ingest(analyse(vec![input("a.md", HARBOUR)]), &StoryTarget::Auto)
        .expect("ingest");
    // Another process holds the write lock with uncommitted changes.
    let writer = rusqlite::Connection::open(dir.path().join("test.db")).expect("open");
    writer
        .execute_batch("BEGIN IMMEDIATE; UPDATE stories SET title = 'changing';")
        .expect("write lock");
    let stories = store.stories().expect("read during a write");
    assert_eq!(stories[0].title, "Fire at the harbour");
    let mode: String = writer
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("journal mode");
    assert_eq!(mode, "wal");
    writer.execute_batch("ROLLBACK").expect("rollback");
}

/// Opens a PostgreSQL test database directly: `None` when such tests are skipped.
fn postgres_database(label: &str) -> Option<TestDatabase> {
    TestDatabase::create(label).expect("a PostgreSQL test database")
}

#[test]
fn postgres_migrations() {
    let Some(db) = postgres_database("postgres_migrations") else {
        return;
    };
    // Two programs opening a new database at once: one creates the tables, the other waits and finds them.
    let barrier = Arc::new(Barrier::new(2));
    std::thread::scope(|scope| {
        for _ in 0..2 {
            let (url, barrier) = (db.url().to_string(), barrier.clone());
            scope.spawn(move || {
                barrier.wait();
                PostgresStore::open(&url).expect("open migrates")
            });
        }
    });
    let mut conn = db.connect().expect("connect");
    assert_eq!(
        pg::schema::version(&mut conn).expect("version"),
        pg::schema::latest()
    );
    let applied: i64 = conn
        .query_one("SELECT count(*) FROM schema_migrations", &[])
        .expect("count")
        .get(0);
    assert_eq!(applied, i64::from(pg::schema::latest()));

    let store = PostgresStore::open(db.url()).expect("reopen");
    store
        .ingest(analyse(vec![input("a.md", HARBOUR)]), &StoryTarget::Auto)
        .expect("ingest");
    drop(store);
    // Opening again applies nothing and keeps the data.
    let store = PostgresStore::open(db.url()).expect("reopen");
    assert_eq!(
        store
            .search("warehouses", 10)
            .expect("search")
            .documents
            .len(),
        1
    );
    drop(store);

    // A database from a newer program is refused, not modified.
    conn.execute("INSERT INTO schema_migrations(version) VALUES (99)", &[])
        .expect("future version");
    match PostgresStore::open(db.url()) {
        Err(StoreError::TooNew { found: 99, .. }) => {}
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("a newer database was opened"),
    }
}

#[test]
fn postgres_readers_are_not_blocked_by_a_writer() {
    let Some(db) = postgres_database("postgres_readers") else {
        return;
    };
    let store = PostgresStore::open(db.url()).expect("open");
    store
        .ingest(analyse(vec![input("a.md", HARBOUR)]), &StoryTarget::Auto)
        .expect("ingest");
    // Another program is mid-ingest: it holds the ingest lock and has changed rows it has not committed.
    let mut other = db.connect().expect("connect");
    let mut tx = other.transaction().expect("begin");
    tx.batch_execute(
        "SELECT pg_advisory_xact_lock(x'636f72726f626f72'::bigint);
         UPDATE stories SET title = 'changing';
         UPDATE documents SET source = 'changing';",
    )
    .expect("write");
    let stories = store.stories().expect("read during a write");
    assert_eq!(stories[0].title, "Fire at the harbour");
    assert_eq!(
        store.document("d1").expect("read").expect("d1").source,
        "Coast Courier"
    );
    assert_eq!(
        store
            .search("warehouses", 10)
            .expect("search")
            .documents
            .len(),
        1
    );
    tx.rollback().expect("rollback");
}

/// Many readers at once share a capped number of connections, and keep only a few open afterwards.
#[test]
fn postgres_connections_are_pooled_and_capped() {
    let Some(db) = postgres_database("postgres_pool") else {
        return;
    };
    let store = PostgresStore::open(db.url()).expect("open");
    store
        .ingest(analyse(vec![input("a.md", HARBOUR)]), &StoryTarget::Auto)
        .expect("ingest");
    let open_connections = || -> i64 {
        db.connect()
            .expect("connect")
            .query_one(
                "SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND application_name = 'corroborate'",
                &[],
            )
            .expect("count")
            .get(0)
    };
    let done = std::sync::atomic::AtomicBool::new(false);
    let most = std::thread::scope(|scope| {
        let sampler = scope.spawn(|| {
            let mut most = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                most = most.max(open_connections());
            }
            most
        });
        let readers: Vec<_> = (0..40)
            .map(|_| {
                scope.spawn(|| {
                    for _ in 0..5 {
                        assert_eq!(
                            store
                                .search("warehouses", 10)
                                .expect("search")
                                .documents
                                .len(),
                            1
                        );
                        assert!(store.document("d1").expect("read").is_some());
                    }
                })
            })
            .collect();
        for r in readers {
            r.join().expect("reader");
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        sampler.join().expect("sampler")
    });
    eprintln!("at most {most} connections at once");
    assert!((1..=16).contains(&most), "{most} connections at once");
    assert!(open_connections() <= 4, "idle connections kept");
}

#[test]
fn postgres_errors_name_no_password() {
    // Nothing listens on port 1; the URL's password must not come back in the error.
    let err = corroborate_store::open("postgres://ann:s3cret@127.0.0.1:1/news?connect_timeout=5")
        .err()
        .expect("no server there");
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("s3cret"), "{shown}");
    assert!(matches!(err, StoreError::Postgres(_)), "{shown}");
}

/// The example story in both backends: every query finds the same documents and claims, with the same
/// snippets (the order may differ, as each database ranks in its own way).
#[test]
fn both_backends_find_the_same() {
    let Some(pg) = Fixture::postgres("both_backends_find_the_same") else {
        return;
    };
    let sqlite = Fixture::sqlite();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/protest-camp");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    let inputs = || {
        names
            .iter()
            .map(|p| {
                Ok(InputBytes {
                    name: p.file_name().expect("name").to_string_lossy().into_owned(),
                    bytes: std::fs::read(p).expect("read example"),
                    content_type: None,
                    url: None,
                })
            })
            .collect()
    };
    for f in [&sqlite, &pg] {
        let report = f
            .store()
            .ingest(analyse(inputs()), &StoryTarget::Auto)
            .expect("ingest");
        assert!(report.added.len() >= 6);
    }
    let queries = [
        "police",
        "Polizei",
        "camp tents",
        "\"protest camp\"",
        "\"camp protest\"",
        "verletzt",
        "KESTREL",
        "ministry said",
        "injured",
        "\"",
        "dawn:*",
    ];
    let mut found = 0;
    for q in queries {
        let hits = |f: &Fixture| {
            let h = f.store().search(q, 100).expect("search");
            let mut docs: Vec<(String, String)> =
                h.documents.into_iter().map(|d| (d.id, d.snippet)).collect();
            let mut claims: Vec<(String, String, String)> = h
                .claims
                .into_iter()
                .map(|c| (c.story, c.id, c.snippet))
                .collect();
            docs.sort();
            claims.sort();
            (docs, claims)
        };
        let (a, b) = (hits(&sqlite), hits(&pg));
        assert_eq!(a, b, "query {q}");
        eprintln!("{q}: {} documents, {} claims", a.0.len(), a.1.len());
        found += a.0.len() + a.1.len();
    }
    assert!(found > 20, "the queries find something ({found} hits)");
}

/// An example file, as an input.
fn example(name: &str) -> Result<InputBytes, IngestError> {
    let path = format!(
        "{}/../../examples/protest-camp/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    Ok(InputBytes {
        name: name.to_string(),
        bytes: std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}")),
        content_type: None,
        url: None,
    })
}

/// A story followed for days: reports of the same event ingested later join its story, an unrelated report
/// starts a story of its own, and the story is titled after its most central report.
fn later_reports_join_the_story_of_their_event(f: &Fixture) {
    let store = f.store();
    let first = store
        .ingest(
            analyse(vec![
                example("free-voice.md"),
                example("interior-ministry.txt"),
            ]),
            &StoryTarget::Auto,
        )
        .expect("first batch");
    assert_eq!(first.stories, ["s1"]);
    let other = store
        .ingest(analyse(vec![input("e.md", ELECTION)]), &StoryTarget::Auto)
        .expect("unrelated report");
    assert_eq!(other.stories, ["s2"]);
    let later = store
        .ingest(
            analyse(vec![
                example("valley-courier.html"),
                example("wire.jsonl"),
                example("rundschau.txt"),
                example("dravik-blog.txt"),
            ]),
            &StoryTarget::Auto,
        )
        .expect("later reports");
    assert_eq!(later.stories, ["s1"], "{later:?}");
    assert!(later.added.iter().all(|a| a.story == "s1"));
    let stories = store.stories().expect("stories");
    assert_eq!(stories.len(), 2, "{stories:?}");
    let camp = stories.iter().find(|s| s.id == "s1").expect("s1");
    assert_eq!(camp.documents, 9, "the reports and their embedded posts");
    assert_eq!(
        camp.title,
        "Police clear Kestrel Meadow protest camp; accounts of injuries conflict"
    );
    let dossier: serde_json::Value =
        serde_json::from_str(&store.dossier("s1").expect("read").expect("dossier")).expect("json");
    assert_eq!(dossier["documents"].as_array().map_or(0, Vec::len), 9);
}
