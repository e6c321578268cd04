//! The store against real SQLite files in a temporary directory.

use corroborate_core::ingest::{IngestError, InputBytes};
use corroborate_core::pipeline;
use corroborate_store::{SqliteStore, Store, StoreError, StoryTarget, schema};

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
Turnout in the municipal election reached 61 percent, officials said on Sunday.\n";

fn temp_store() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(dir.path().join("test.db")).expect("open store");
    (dir, store)
}

#[test]
fn reingest_changes_nothing() {
    let (_dir, store) = temp_store();
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

#[test]
fn only_touched_stories_are_rebuilt() {
    let (_dir, store) = temp_store();
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

#[test]
fn unknown_story_is_an_error_and_writes_nothing() {
    let (_dir, store) = temp_store();
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

#[test]
fn full_text_search() {
    let (_dir, store) = temp_store();
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
    for q in ["NEAR(", "\"", "-fire", "fire*", "a:b", "(", "AND OR NOT"] {
        store
            .search(q, 10)
            .expect("user text never breaks the query");
    }
    assert!(store.search("  ", 10).expect("empty").documents.is_empty());
}

#[test]
fn document_lookup() {
    let (_dir, store) = temp_store();
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

#[test]
fn migrates_an_existing_file() {
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
fn readers_are_not_blocked_by_a_writer() {
    let (dir, store) = temp_store();
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
