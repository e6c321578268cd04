//! The web app in a real browser: headless Chromium driven over WebDriver (chromedriver), against
//! `corroborate serve` on a store built from `examples/protest-camp`.
//!
//! It walks what a reader does: the story list, the examples story, a disputed fact with its supporting and
//! disputing quotes side by side, the link to the highlighted passage, the other story tabs, a search, an
//! upload through the form (with the token) that then shows up; and it checks that the page fetched nothing
//! from another host, logged no error, and fits a phone's width without sideways scrolling. Screenshots of
//! every step go to `target/tmp/browser-test/` (the test prints the folder).
//!
//! Needs Debian's `chromium` and `chromium-driver`. Without them the test is skipped with a loud message,
//! unless `CORROBORATE_REQUIRE_BROWSER` is set (as CI does), in which case it fails.

#[path = "browser/procs.rs"]
mod procs;
#[path = "browser/webdriver.rs"]
mod webdriver;

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail, ensure};
use serde_json::{Value, json};

use procs::{Guard, find_program, free_port, start_server};
use webdriver::{Session, chromium_capabilities};

const TOKEN: &str = "browser-test-token";
/// How long a view may take to appear (generous: CI machines are slow and busy).
const WAIT: Duration = Duration::from_secs(20);
const DESKTOP: (u32, u32) = (1280, 900);
const PHONE: (u32, u32) = (390, 844);
/// The report uploaded through the form: an unrelated event, so it starts a story of its own.
const UPLOAD_TITLE: &str = "Fire destroys two warehouses at Port Alder harbour";
const UPLOAD: &str = "---\nsource: Coast Courier\nurl: https://courier.example/2024/03/05/harbour-fire\n\
published: 2024-03-05\ntitle: Fire destroys two warehouses at Port Alder harbour\n---\n\
A fire destroyed two warehouses at the Port Alder harbour on Tuesday night, the fire brigade said.\n\n\
\"Nobody was injured, but the damage runs to millions,\" harbour master Ilse Varga told the Coast Courier.\n";

#[test]
fn web_app_in_headless_chromium() {
    let required = std::env::var_os("CORROBORATE_REQUIRE_BROWSER").is_some();
    let chromium = find_program(
        "CORROBORATE_CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
    );
    let driver = find_program("CORROBORATE_CHROMEDRIVER", &["chromedriver"]);
    let (Some(chromium), Some(driver)) = (chromium, driver) else {
        let msg = "chromium and chromedriver are needed (apt-get install chromium chromium-driver)";
        if required {
            panic!("browser test: {msg}, and CORROBORATE_REQUIRE_BROWSER is set");
        }
        eprintln!("\n!!!!!!!!!! browser test SKIPPED: {msg} !!!!!!!!!!\n");
        return;
    };
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-test");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).expect("create the screenshot folder");
    eprintln!("browser test: screenshots in {}", out.display());
    let started = Instant::now();
    if let Err(e) = run(&chromium, &driver, &out) {
        panic!(
            "browser test failed: {e:#}\n(screenshots and chromedriver.log in {})",
            out.display()
        );
    }
    eprintln!(
        "browser test: passed in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// Everything the browser test needs running, dropped (and killed) in reverse order: browser, driver, server.
struct Rig {
    base: String,
    out: PathBuf,
    dir: tempfile::TempDir,
    _server: Guard,
    _driver: Guard,
    browser: Session,
}

fn run(chromium: &Path, driver: &Path, out: &Path) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("browser.db");
    let ingest = common::corroborate(
        &[
            "ingest",
            "examples/protest-camp",
            "--db",
            &db.to_string_lossy(),
        ],
        None,
    );
    ensure!(ingest.status == 0, "ingest failed: {}", ingest.stderr);
    let (server, base) = start_server(Path::new(env!("CARGO_BIN_EXE_corroborate")), &db, TOKEN)?;

    let port = free_port()?;
    let mut command = Command::new(driver);
    command
        .arg(format!("--port={port}"))
        .arg(format!(
            "--log-path={}",
            out.join("chromedriver.log").display()
        ))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let driver_guard = Guard::spawn("chromedriver", &mut command, true)?;
    let driver_url = format!("http://127.0.0.1:{port}");
    webdriver::wait_ready(&driver_url, Duration::from_secs(30))?;
    let profile = dir.path().join("chromium-profile");
    let browser = Session::new(
        &driver_url,
        &chromium_capabilities(chromium, &profile, DESKTOP.0, DESKTOP.1),
    )?;
    let rig = Rig {
        base,
        out: out.to_path_buf(),
        dir,
        _server: server,
        _driver: driver_guard,
        browser,
    };
    let result = walk(&rig);
    if result.is_err() {
        let _ = rig.shot("failure");
    }
    result
}

impl Rig {
    fn api(&self, path: &str) -> anyhow::Result<Value> {
        let mut reply = ureq::get(format!("{}{path}", self.base))
            .call()
            .with_context(|| format!("GET {path}"))?;
        let text = reply
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()?;
        Ok(serde_json::from_str(&text)?)
    }

    fn shot(&self, name: &str) -> anyhow::Result<()> {
        self.browser
            .screenshot(&self.out.join(format!("{name}.png")))
    }

    /// Waits until the app has drawn the view for `route` (the hash without `#`).
    fn rendered(&self, route: &str) -> anyhow::Result<()> {
        let script = format!(
            "return document.getElementById('main').dataset.rendered === {};",
            json!(route)
        );
        self.browser
            .wait_for(&format!("the view {route}"), &script, WAIT)?;
        Ok(())
    }

    /// Waits until the app has drawn a view whose route starts with `prefix`; returns that route.
    fn rendered_prefix(&self, prefix: &str) -> anyhow::Result<String> {
        let script = format!(
            "const r = document.getElementById('main').dataset.rendered || ''; return r.startsWith({}) ? r : null;",
            json!(prefix)
        );
        let v = self
            .browser
            .wait_for(&format!("a view under {prefix}"), &script, WAIT)?;
        Ok(v.as_str().unwrap_or("").to_string())
    }

    fn count(&self, css: &str) -> anyhow::Result<usize> {
        Ok(self.browser.find_all(css)?.len())
    }

    fn js(&self, script: &str) -> anyhow::Result<Value> {
        self.browser.execute(script, Vec::new())
    }
}

/// The reader's walk through the app, at desktop size, then the views again at phone size.
fn walk(rig: &Rig) -> anyhow::Result<()> {
    let b = &rig.browser;
    let stories = rig.api("/api/stories")?;
    let story = stories
        .get(0)
        .ok_or_else(|| anyhow!("the store has no story"))?;
    let story_id = story["id"].as_str().unwrap_or_default().to_string();
    let dossier = rig.api(&format!("/api/stories/{story_id}"))?;

    // 1. The story list.
    b.goto(&format!("{}/", rig.base))?;
    rig.rendered("/")?;
    let link = b.find("a.story-link")?;
    ensure!(
        b.text(&link)? == story["title"].as_str().unwrap_or_default(),
        "the story list does not show the story's title"
    );
    rig.shot("01-stories")?;

    // 2. The examples story: facts, disputed first.
    b.click(&link)?;
    rig.rendered(&format!("/story/{story_id}"))?;
    let facts = dossier["facts"].as_array().map_or(0, Vec::len);
    ensure!(facts > 0, "the examples dossier has no facts");
    ensure!(
        rig.count("details.fact")? == facts,
        "the story page does not list every fact"
    );
    let first_status = rig.js("return document.querySelector('details.fact').dataset.status")?;
    ensure!(
        first_status == "disputed",
        "disputed facts are not first: {first_status}"
    );
    rig.shot("02-story-facts")?;

    // 3. Open a disputed fact: supporting and disputing quotes, side by side, with speaker and outlet.
    let fact_el = b.find("details.fact[data-status=disputed]")?;
    let fact_id = b
        .attribute(&fact_el, "id")?
        .and_then(|id| id.strip_prefix("fact-").map(str::to_string))
        .ok_or_else(|| anyhow!("a fact card without id"))?;
    b.click_css(&format!("#fact-{fact_id} > summary"))?;
    b.wait_for(
        "the fact to open",
        &format!("return document.getElementById('fact-{fact_id}').open"),
        WAIT,
    )?;
    let fact = dossier["facts"]
        .as_array()
        .and_then(|fs| fs.iter().find(|f| f["id"] == fact_id.as_str()))
        .ok_or_else(|| anyhow!("fact {fact_id} is not in the dossier"))?;
    let ids = |k: &str| fact[k].as_array().map_or(0, Vec::len);
    let layout = rig.js(&format!(
        "const f = document.getElementById('fact-{fact_id}');
         const s = f.querySelectorAll('.supporting blockquote'), d = f.querySelectorAll('.disputing blockquote');
         const box = (q) => q.getBoundingClientRect();
         const shown = (list) => [...list].every((q) => box(q).width > 0 && box(q).height > 0);
         return {{ supporting: s.length, disputing: d.length, shown: shown(s) && shown(d),
                  sideBySide: s.length > 0 && d.length > 0 && box(s[0]).right <= box(d[0]).left,
                  outlets: [...f.querySelectorAll('.outlet')].map((o) => o.textContent),
                  speakers: [...f.querySelectorAll('.speaker')].filter((o) => o.textContent).length }};"
    ))?;
    ensure!(
        layout["supporting"] == ids("supported_by") && layout["disputing"] == ids("disputed_by"),
        "fact {fact_id}: quotes shown {layout} do not match the dossier ({} for, {} against)",
        ids("supported_by"),
        ids("disputed_by")
    );
    ensure!(
        layout["disputing"].as_u64() > Some(0),
        "a disputed fact without disputing quotes"
    );
    ensure!(
        layout["shown"] == true,
        "some quotes are not visible: {layout}"
    );
    ensure!(
        layout["sideBySide"] == true,
        "supporting and disputing quotes are not side by side"
    );
    ensure!(
        layout["speakers"].as_u64() == layout["outlets"].as_array().map(|o| o.len() as u64),
        "every quote names its speaker and outlet: {layout}"
    );
    rig.shot("03-disputed-fact")?;

    // 4. Follow a quote's link to its passage: the document view marks exactly the claim's evidence span.
    let quote = b.find(&format!("#fact-{fact_id} .supporting blockquote"))?;
    let claim_id = b
        .attribute(&quote, "data-claim")?
        .ok_or_else(|| anyhow!("a quote without its claim id"))?;
    b.click_css(&format!(
        "#fact-{fact_id} .supporting blockquote[data-claim='{claim_id}'] a.passage"
    ))?;
    rig.rendered_prefix(&format!("/story/{story_id}/doc/"))?;
    let expected = evidence(&dossier, &claim_id)?;
    let marked = b.wait_for(
        "the passage to be marked",
        "const m = [...document.querySelectorAll('.doctext mark.active')]; \
         return m.length ? m.map((x) => x.textContent).join('') : null;",
        WAIT,
    )?;
    ensure!(
        marked.as_str() == Some(expected.as_str()),
        "the marked passage {marked} is not the claim's evidence {expected:?}"
    );
    // The passage is scrolled into view (not hidden under the sticky header) and its claim selected aside.
    b.wait_for(
        "the passage to be in view",
        "const r = document.querySelector('.doctext mark.active').getBoundingClientRect(); \
         const top = document.querySelector('.top').getBoundingClientRect().bottom; \
         return r.top >= top && r.bottom <= innerHeight;",
        WAIT,
    )?;
    ensure!(
        rig.count(&format!(".claim-item.active[data-claim='{claim_id}']"))? == 1,
        "the claim is not selected in the list beside the text"
    );
    rig.shot("04-highlighted-passage")?;

    // 5. The other story tabs.
    for (tab, check) in [
        (
            "who",
            "return document.querySelectorAll('table.matrix tbody tr').length",
        ),
        (
            "outlets",
            "return document.querySelectorAll('.outlet').length",
        ),
        (
            "timeline",
            "return document.querySelectorAll('.timeline .day').length",
        ),
        (
            "documents",
            "return document.querySelectorAll('.doclist a.doc-link').length",
        ),
    ] {
        b.goto(&format!("{}/#/story/{story_id}/{tab}", rig.base))?;
        rig.rendered(&format!("/story/{story_id}/{tab}"))?;
        let n = rig.js(check)?;
        ensure!(n.as_u64() > Some(0), "the {tab} tab shows nothing");
        rig.shot(&format!("05-story-{tab}"))?;
    }
    let docs = rig.count(".doclist a.doc-link")?;
    ensure!(
        docs == dossier["documents"].as_array().map_or(0, Vec::len),
        "the documents tab lists {docs} documents"
    );

    // 6. Search from the header's box.
    let input = b.find("#search-input")?;
    b.clear(&input)?;
    b.send_keys(&input, "water cannon\u{E007}")?;
    rig.rendered("/search?q=water%20cannon")?;
    let hits = rig.api("/api/search?q=water%20cannon")?;
    let (claim_hits, doc_hits) = (rig.count(".claim-hits > li")?, rig.count(".doc-hits > li")?);
    ensure!(claim_hits > 0 && doc_hits > 0, "the search found nothing");
    ensure!(
        claim_hits == hits["claims"].as_array().map_or(0, Vec::len)
            && doc_hits == hits["documents"].as_array().map_or(0, Vec::len),
        "the search page does not show the API's hits"
    );
    let bold = rig.js(
        "return [...document.querySelectorAll('.snippet b')].map((b) => b.textContent.toLowerCase())",
    )?;
    ensure!(
        bold.as_array()
            .is_some_and(|b| b.iter().any(|w| w == "water") && b.iter().any(|w| w == "cannon")),
        "the matched words are not marked in the snippets: {bold}"
    );
    rig.shot("06-search")?;

    // 7. Upload a report through the form, with the token; it appears in its story and in the story list.
    b.click_css(".top nav a[data-nav=upload]")?;
    rig.rendered("/upload")?;
    let file = rig.dir.path().join("harbour-fire.md");
    std::fs::write(&file, UPLOAD)?;
    b.send_keys(&b.find("#up-file")?, &file.to_string_lossy())?;
    b.send_keys(&b.find("#up-token")?, TOKEN)?;
    rig.shot("07-upload-form")?;
    b.click_css("form.upload button[type=submit]")?;
    let status = b.wait_for(
        "the upload to finish",
        "const s = document.querySelector('.status'); \
         return s && (s.classList.contains('ok') || s.classList.contains('error')) ? s.className + ': ' + s.textContent : null;",
        WAIT,
    )?;
    let status = status.as_str().unwrap_or_default().to_string();
    ensure!(
        status.starts_with("status ok")
            && status.contains("Added 1 document")
            && status.ends_with("open the document."),
        "upload: {status}"
    );
    ensure!(
        rig.count(".status a.new-doc")? == 1,
        "the upload's status has no link to the new document"
    );
    rig.shot("08-uploaded")?;
    b.click_css(".status a.new-story")?;
    let route = rig.rendered_prefix("/story/")?;
    let new_story = route
        .split('/')
        .nth(2)
        .ok_or_else(|| anyhow!("odd route {route}"))?
        .to_string();
    let listed = rig.js(
        "return [...document.querySelectorAll('.doclist a.doc-link')].map((a) => a.textContent)",
    )?;
    ensure!(
        listed
            .as_array()
            .is_some_and(|l| l.iter().any(|t| t == UPLOAD_TITLE)),
        "the uploaded report is not in its story's documents: {listed}"
    );
    rig.shot("09-uploaded-story")?;
    b.click_css(".top nav a[data-nav='']")?;
    rig.rendered("/")?;
    let in_list = rig.js(&format!(
        "return [...document.querySelectorAll('a.story-link')].some((a) => a.getAttribute('href') === '#/story/{new_story}')"
    ))?;
    ensure!(
        in_list == true,
        "the story list does not show story {new_story}"
    );

    // 8. Nothing came from another host, and the console has no error.
    no_foreign_requests(rig)?;
    console_clean(rig)?;

    // 9. A phone: every view fits the width (no sideways scrolling of the page).
    b.set_window_size(PHONE.0, PHONE.1)?;
    let width = rig.js("return innerWidth")?;
    ensure!(
        width.as_u64().is_some_and(|w| w <= u64::from(PHONE.0)),
        "the window did not shrink to a phone's width (innerWidth {width})"
    );
    let doc_route = format!(
        "/story/{story_id}/doc/{}?claim={claim_id}",
        claim_doc(&dossier, &claim_id)?
    );
    for (name, route) in [
        ("stories", "/".to_string()),
        ("story-fact", format!("/story/{story_id}?fact={fact_id}")),
        ("who", format!("/story/{story_id}/who")),
        ("outlets", format!("/story/{story_id}/outlets")),
        ("timeline", format!("/story/{story_id}/timeline")),
        ("documents", format!("/story/{story_id}/documents")),
        ("passage", doc_route),
        ("search", "/search?q=police".to_string()),
        ("upload", "/upload".to_string()),
    ] {
        b.goto(&format!("{}/#{route}", rig.base))?;
        rig.rendered(&route)?;
        let fit = rig.js(
            "return { scroll: document.documentElement.scrollWidth, inner: innerWidth, \
             wide: [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1 \
             && !e.closest('.scroll-x, .tabs')).slice(0, 3).map((e) => e.tagName + '.' + e.className) }",
        )?;
        ensure!(
            fit["scroll"].as_u64() <= fit["inner"].as_u64(),
            "the {name} view is wider than a phone: {fit}"
        );
        rig.shot(&format!("phone-{name}"))?;
    }
    console_clean(rig)?;
    Ok(())
}

/// The text of a claim's evidence span, cut from its document by the dossier's UTF-8 byte offsets.
fn evidence(dossier: &Value, claim_id: &str) -> anyhow::Result<String> {
    let claim = find(dossier, "claims", claim_id)?;
    let doc = find(
        dossier,
        "documents",
        claim["doc"].as_str().unwrap_or_default(),
    )?;
    let text = doc["text"].as_str().unwrap_or_default();
    let (start, end) = (
        claim["start"].as_u64().unwrap_or(0) as usize,
        claim["end"].as_u64().unwrap_or(0) as usize,
    );
    text.get(start..end)
        .map(str::to_string)
        .ok_or_else(|| anyhow!("claim {claim_id}: span {start}..{end} is off the text"))
}

fn claim_doc(dossier: &Value, claim_id: &str) -> anyhow::Result<String> {
    Ok(find(dossier, "claims", claim_id)?["doc"]
        .as_str()
        .unwrap_or_default()
        .to_string())
}

fn find<'a>(dossier: &'a Value, list: &str, id: &str) -> anyhow::Result<&'a Value> {
    dossier[list]
        .as_array()
        .and_then(|xs| xs.iter().find(|x| x["id"] == id))
        .ok_or_else(|| anyhow!("no {id} in the dossier's {list}"))
}

/// Every resource the page loaded (Resource Timing) and every `src`/stylesheet in the DOM is on the
/// server's own origin (or inline `data:`).
fn no_foreign_requests(rig: &Rig) -> anyhow::Result<()> {
    let seen = rig.js(
        "return { origin: location.origin, \
         loaded: performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map((e) => e.name), \
         referenced: [...document.querySelectorAll('[src], link[href]')].map((e) => e.src || e.href) }",
    )?;
    let origin = seen["origin"].as_str().unwrap_or_default();
    ensure!(
        origin == rig.base,
        "the page's origin {origin} is not the server's"
    );
    let loaded = seen["loaded"].as_array().cloned().unwrap_or_default();
    ensure!(
        loaded
            .iter()
            .any(|u| u.as_str().is_some_and(|u| u.contains("/api/"))),
        "Resource Timing saw no API call: the check would prove nothing ({seen})"
    );
    for url in loaded
        .iter()
        .chain(seen["referenced"].as_array().into_iter().flatten())
    {
        let url = url.as_str().unwrap_or_default();
        let local =
            url.starts_with(&format!("{origin}/")) || url == origin || url.starts_with("data:");
        if !local {
            bail!("the page fetched or referenced {url}, which is not on {origin}");
        }
    }
    Ok(())
}

/// No error in the browser's console (script errors, failed requests, Content-Security-Policy violations).
fn console_clean(rig: &Rig) -> anyhow::Result<()> {
    let errors: Vec<Value> = rig
        .browser
        .browser_log()?
        .into_iter()
        .filter(|e| e["level"] == "SEVERE")
        .collect();
    ensure!(
        errors.is_empty(),
        "the browser console has errors: {errors:#?}"
    );
    Ok(())
}
