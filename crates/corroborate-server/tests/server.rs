//! The real server on 127.0.0.1:0, driven over HTTP with ureq: every endpoint (over a SQLite and over a
//! PostgreSQL store), the auth failures and the body limit.

use std::any::Any;
use std::net::SocketAddr;
use std::sync::Arc;
use std::thread::JoinHandle;

use corroborate_server::{ServerConfig, ServerError};
use corroborate_store::testing::TestDatabase;
use corroborate_store::{SqliteStore, Store};

const TOKEN: &str = "s3cret-token";

struct TestServer {
    base: String,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
    /// What holds the store's data (a temporary directory, a test database): dropped after the server stops.
    _keep: Box<dyn Any>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        // The server thread must end cleanly: a panic there (say, a store that cannot be dropped inside the
        // runtime) would otherwise go unseen. Not checked while the test is already failing.
        if let Some(t) = self.thread.take()
            && t.join().is_err()
            && !std::thread::panicking()
        {
            panic!("the server thread panicked");
        }
    }
}

/// A server over a new SQLite store.
fn start(token: Option<&str>, tweak: impl FnOnce(&mut ServerConfig)) -> TestServer {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(dir.path().join("web.db")).expect("store");
    start_on(Arc::new(store), Box::new(dir), token, tweak)
}

/// A server over a new PostgreSQL store; `None` when PostgreSQL tests are skipped.
fn start_postgres(token: Option<&str>) -> Option<TestServer> {
    let db = TestDatabase::create("server").expect("a PostgreSQL test database")?;
    let store = corroborate_store::open(db.url()).expect("store");
    Some(start_on(Arc::from(store), Box::new(db), token, |_| {}))
}

fn start_on(
    store: Arc<dyn Store>,
    keep: Box<dyn Any>,
    token: Option<&str>,
    tweak: impl FnOnce(&mut ServerConfig),
) -> TestServer {
    let mut config = ServerConfig::new(
        SocketAddr::from(([127, 0, 0, 1], 0)),
        token.map(str::to_string),
    );
    tweak(&mut config);
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let server = corroborate_server::bind(config, store).await.expect("bind");
            addr_tx.send(server.local_addr()).expect("send addr");
            server
                .run(async move {
                    let _ = stop_rx.await;
                })
                .await
                .expect("serve");
        });
    });
    let addr = addr_rx.recv().expect("server started");
    TestServer {
        base: format!("http://{addr}"),
        shutdown: Some(stop_tx),
        thread: Some(thread),
        _keep: keep,
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

struct Reply {
    status: u16,
    content_type: String,
    headers: ureq::http::HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

fn reply(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut r = r.expect("request");
    let content_type = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let headers = r.headers().clone();
    let status = r.status().as_u16();
    let body = r.body_mut().read_to_string().unwrap_or_default();
    Reply {
        status,
        content_type,
        headers,
        body,
    }
}

impl TestServer {
    fn get(&self, path: &str, token: Option<&str>) -> Reply {
        let mut req = agent().get(format!("{}{path}", self.base));
        if let Some(t) = token {
            req = req.header("Authorization", format!("Bearer {t}"));
        }
        reply(req.call())
    }

    fn post(&self, path: &str, token: Option<&str>, content_type: &str, body: &[u8]) -> Reply {
        let mut req = agent()
            .post(format!("{}{path}", self.base))
            .header("Content-Type", content_type);
        if let Some(t) = token {
            req = req.header("Authorization", format!("Bearer {t}"));
        }
        reply(req.send(body))
    }
}

const RECORD: &str = r#"{"source": "Coast Courier", "title": "Fire at the harbour", "url": "https://courier.example/fire", "text": "The fire at the harbour destroyed two warehouses on Tuesday, the fire brigade said."}"#;

#[test]
fn every_endpoint_sqlite() {
    every_endpoint(&start(Some(TOKEN), |_| {}));
}

/// The same over PostgreSQL: its synchronous client runs on the server's blocking threads, and the store is
/// dropped inside the server's runtime when it stops.
#[test]
fn every_endpoint_postgres() {
    if let Some(s) = start_postgres(Some(TOKEN)) {
        every_endpoint(&s);
    }
}

fn every_endpoint(s: &TestServer) {
    // The web app, with a policy that forbids loading from other hosts.
    let page = s.get("/", None);
    assert_eq!(page.status, 200);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.body.contains("/assets/app.js"));
    let csp = page
        .headers
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok());
    assert!(csp.is_some_and(|c| c.contains("default-src 'self'")));
    for asset in ["/assets/app.js", "/assets/app.css"] {
        let r = s.get(asset, None);
        assert_eq!(r.status, 200, "{asset}");
        assert!(
            !r.body.contains("http://") && !r.body.contains("https://"),
            "{asset} names another host"
        );
    }

    assert_eq!(s.get("/api/stories", None).json(), serde_json::json!([]));

    // Writes: a JSON record.
    let r = s.post(
        "/api/documents",
        Some(TOKEN),
        "application/json",
        RECORD.as_bytes(),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    let v = r.json();
    assert_eq!(v["document"], "d1");
    assert_eq!(v["story"], "s1");

    // The same record again: nothing new, and the answer says where it already is.
    let r = s.post(
        "/api/documents",
        Some(TOKEN),
        "application/json",
        RECORD.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!(v["document"], "d1");
    assert_eq!(v["story"], "s1");
    assert_eq!(v["added"].as_array().map(Vec::len), Some(0));

    // A raw Markdown file into the same story.
    let md = "---\nsource: Port Authority\ntitle: Statement\n---\nThe port authority denied that any warehouse was destroyed.\n";
    let r = s.post(
        "/api/documents?story=s1&name=statement.md",
        Some(TOKEN),
        "text/markdown",
        md.as_bytes(),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.json()["story"], "s1");

    // A multipart form upload, as the web app sends it: a new story.
    let boundary = "XBOUNDARYX";
    let form = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dir/ledger.txt\"\r\n\
         Content-Type: text/plain\r\n\r\nTurnout in the municipal election reached 61 percent, officials said.\r\n\
         --{boundary}--\r\n"
    );
    let r = s.post(
        "/api/documents",
        Some(TOKEN),
        &format!("multipart/form-data; boundary={boundary}"),
        form.as_bytes(),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.json()["story"], "s2");

    // Uploads that cannot be read, or go to a story that does not exist.
    let r = s.post(
        "/api/documents",
        Some(TOKEN),
        "application/json",
        b"{\"text\": ",
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.json()["error"].as_str().is_some());
    let r = s.post("/api/documents", Some(TOKEN), "text/plain", b"");
    assert_eq!(r.status, 400);
    let r = s.post(
        "/api/documents?story=s99",
        Some(TOKEN),
        "text/plain",
        b"Some new text about it.",
    );
    assert_eq!(r.status, 404, "{}", r.body);

    // Reads.
    let stories = s.get("/api/stories", None).json();
    let list = stories.as_array().expect("a list");
    assert_eq!(list.len(), 2);
    let harbour = list.iter().find(|x| x["id"] == "s1").expect("s1");
    assert_eq!(harbour["title"], "Fire at the harbour");
    assert_eq!(harbour["documents"], 2);
    assert!(
        harbour["updated"]
            .as_str()
            .is_some_and(|u| u.ends_with('Z'))
    );

    let dossier = s.get("/api/stories/s1", None);
    assert_eq!(dossier.status, 200);
    assert!(dossier.content_type.starts_with("application/json"));
    let d = dossier.json();
    assert_eq!(d["format"], "corroborate.dossier/1");
    assert_eq!(d["documents"].as_array().map(Vec::len), Some(2));
    assert_eq!(s.get("/api/stories/s42", None).status, 404);
    assert_eq!(s.get("/api/stories/nonsense", None).status, 404);

    let doc = s.get("/api/documents/d1", None).json();
    assert_eq!(doc["source"], "Coast Courier");
    assert_eq!(doc["stories"], serde_json::json!(["s1"]));
    assert_eq!(s.get("/api/documents/d77", None).status, 404);

    let hits = s.get("/api/search?q=warehouses", None).json();
    let docs = hits["documents"].as_array().expect("documents");
    // No stemming: the statement's "warehouse" does not match.
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "d1");
    assert!(hits["claims"].is_array());
    assert_eq!(
        s.get("/api/search?q=turnout%20percent", None).json()["documents"][0]["story"],
        "s2"
    );
    assert_eq!(s.get("/api/search", None).status, 400);
    assert_eq!(s.get("/api/search?q=%22NEAR(", None).status, 200);

    // Exports.
    let json = s.get("/api/stories/s1/export?format=json", None);
    assert_eq!(json.status, 200);
    assert!(
        json.headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("story-s1.json"))
    );
    assert_eq!(json.json()["format"], "corroborate.dossier/1");
    let csv = s.get("/api/stories/s1/export?format=csv", None);
    assert_eq!(csv.status, 200);
    assert!(csv.content_type.starts_with("text/csv"));
    assert!(csv.body.starts_with("kind,id,doc,source,"));
    // Markdown and HTML: the report a person reads, built from the stored analyses.
    let md = s.get("/api/stories/s1/export?format=md", None);
    assert_eq!(md.status, 200);
    assert!(md.content_type.starts_with("text/markdown"));
    assert!(md.body.starts_with("# "), "{}", md.body);
    assert!(md.body.contains("## Outlets"), "{}", md.body);
    let html = s.get("/api/stories/s1/export?format=html", None);
    assert_eq!(html.status, 200);
    assert!(html.content_type.starts_with("text/html"));
    assert!(html.body.starts_with("<!DOCTYPE html>"));
    assert!(
        html.headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("story-s1.html"))
    );
    assert_eq!(
        s.get("/api/stories/s9/export?format=html", None).status,
        404
    );
    assert_eq!(s.get("/api/stories/s1/export?format=pdf", None).status, 400);
    assert_eq!(s.get("/api/stories/s9/export?format=csv", None).status, 404);

    let missing = s.get("/api/nothing-here", None);
    assert_eq!(missing.status, 404);
    assert!(missing.json()["error"].is_string());
}

#[test]
fn writes_need_the_token() {
    let s = start(Some(TOKEN), |_| {});
    let r = s.post(
        "/api/documents",
        None,
        "application/json",
        RECORD.as_bytes(),
    );
    assert_eq!(r.status, 401);
    let r = s.post(
        "/api/documents",
        Some("wrong"),
        "application/json",
        RECORD.as_bytes(),
    );
    assert_eq!(r.status, 401);
    // Nothing was stored by the refused requests; loopback reads need no token.
    assert_eq!(s.get("/api/stories", None).json(), serde_json::json!([]));
}

#[test]
fn without_a_token_writes_are_refused() {
    let s = start(None, |_| {});
    let r = s.post(
        "/api/documents",
        Some("anything"),
        "application/json",
        RECORD.as_bytes(),
    );
    assert_eq!(r.status, 403);
    assert!(
        r.json()["error"]
            .as_str()
            .is_some_and(|e| e.contains("--token"))
    );
}

#[test]
fn reads_need_the_token_when_configured() {
    let s = start(Some(TOKEN), |c| c.reads_need_token = true);
    assert_eq!(s.get("/api/stories", None).status, 401);
    assert_eq!(s.get("/api/stories", Some("wrong")).status, 401);
    assert_eq!(s.get("/api/search?q=x", None).status, 401);
    assert_eq!(s.get("/api/stories/s1", None).status, 401);
    assert_eq!(s.get("/api/stories", Some(TOKEN)).status, 200);
    // The app shell holds no data: it loads, then asks for the token.
    assert_eq!(s.get("/", None).status, 200);
}

#[test]
fn off_loopback_needs_a_token() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(dir.path().join("x.db")).expect("store");
    let config = ServerConfig::new(SocketAddr::from(([0, 0, 0, 0], 0)), None);
    assert!(config.reads_need_token);
    let result = rt.block_on(corroborate_server::bind(config, Arc::new(store)));
    assert!(matches!(result, Err(ServerError::TokenRequired(_))));
}

#[test]
fn body_limit() {
    let s = start(Some(TOKEN), |c| c.body_limit = 64 * 1024);
    // An oversized body is refused from its declared length, before it is read. The request goes out as its
    // head alone: a client still writing the body when the server answers and closes would meet a broken pipe
    // (a race in the test, not in the server).
    let addr = s.base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .expect("timeout");
    let head = format!(
        "POST /api/documents HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {TOKEN}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        150 * 1024
    );
    std::io::Write::write_all(&mut stream, head.as_bytes()).expect("send head");
    let mut status_line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(&stream), &mut status_line)
        .expect("read status");
    assert!(status_line.starts_with("HTTP/1.1 413"), "{status_line}");
    // Just under the limit is fine.
    let ok = format!(
        "{{\"title\": \"fits\", \"text\": \"{}\"}}",
        "word ".repeat(10 * 1024)
    );
    let r = s.post(
        "/api/documents",
        Some(TOKEN),
        "application/json",
        ok.as_bytes(),
    );
    assert_eq!(r.status, 201, "{}", r.body);
}
