//! A small W3C WebDriver client over HTTP and JSON (ureq + serde_json), enough to drive Chromium through
//! chromedriver: sessions, navigation, elements, clicks, typing, scripts, screenshots and the browser log.
//!
//! Hand-written rather than a WebDriver crate: the test needs a dozen endpoints, and the workspace already has
//! a blocking HTTP client, so nothing new (and no async runtime) is compiled for it.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use base64::Engine as _;
use serde_json::{Value, json};

/// The key under which WebDriver returns an element reference.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
/// Largest response read (a screenshot of a tall page is a few MB of base64).
const MAX_RESPONSE: u64 = 64 * 1024 * 1024;
/// How often a wait polls the page.
const POLL: Duration = Duration::from_millis(40);

/// An element on the current page, as WebDriver names it.
#[derive(Debug, Clone)]
pub struct Element(String);

/// One browser session; deleting it (on drop) closes the browser.
pub struct Session {
    agent: ureq::Agent,
    base: String,
    id: String,
}

/// Chromium's options for a headless run that opens no connection of its own (the flags without which its
/// background services try the network, which is closed here).
pub fn chromium_capabilities(binary: &Path, profile: &Path, width: u32, height: u32) -> Value {
    json!({
        "capabilities": {
            "alwaysMatch": {
                "browserName": "chrome",
                "pageLoadStrategy": "normal",
                "goog:loggingPrefs": { "browser": "ALL" },
                "goog:chromeOptions": {
                    "binary": binary.to_string_lossy(),
                    "args": [
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--hide-scrollbars",
                        "--force-device-scale-factor=1",
                        format!("--window-size={width},{height}"),
                        format!("--user-data-dir={}", profile.display()),
                    ]
                }
            }
        }
    })
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// Sends one command and returns its `value`, or the WebDriver error as an error.
fn command(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    body: Option<&Value>,
) -> anyhow::Result<Value> {
    let response = match (method, body) {
        ("GET", _) => agent.get(url).call(),
        ("DELETE", _) => agent.delete(url).call(),
        (_, body) => agent
            .post(url)
            .header("Content-Type", "application/json; charset=utf-8")
            .send(serde_json::to_vec(body.unwrap_or(&json!({})))?),
    };
    let mut response = response.with_context(|| format!("{method} {url}"))?;
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .with_config()
        .limit(MAX_RESPONSE)
        .read_to_string()
        .with_context(|| format!("reading the reply to {method} {url}"))?;
    let reply: Value = serde_json::from_str(&text)
        .with_context(|| format!("{method} {url}: reply is not JSON: {}", excerpt(&text)))?;
    let value = reply.get("value").cloned().unwrap_or(Value::Null);
    if status >= 400 {
        let error = value
            .get("error")
            .and_then(Value::as_str)
            .unwrap_or("error");
        let message = value.get("message").and_then(Value::as_str).unwrap_or("");
        bail!("{method} {url}: {status} {error}: {}", excerpt(message));
    }
    Ok(value)
}

fn excerpt(s: &str) -> String {
    let first = s.lines().next().unwrap_or("");
    first.chars().take(300).collect()
}

/// Waits until chromedriver at `base` answers that it is ready.
pub fn wait_ready(base: &str, timeout: Duration) -> anyhow::Result<()> {
    let agent = agent();
    let deadline = Instant::now() + timeout;
    loop {
        match command(&agent, "GET", &format!("{base}/status"), None) {
            Ok(v) if v.get("ready").and_then(Value::as_bool) == Some(true) => return Ok(()),
            Ok(_) | Err(_) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(50))
            }
            Ok(v) => bail!("chromedriver at {base} is not ready: {v}"),
            Err(e) => return Err(e.context(format!("chromedriver at {base} did not start"))),
        }
    }
}

impl Session {
    /// Opens a session on the driver at `base` with the given capabilities.
    pub fn new(base: &str, capabilities: &Value) -> anyhow::Result<Session> {
        let agent = agent();
        let value = command(
            &agent,
            "POST",
            &format!("{base}/session"),
            Some(capabilities),
        )
        .context("starting a browser session")?;
        let id = value
            .get("sessionId")
            .and_then(Value::as_str)
            .ok_or_else(|| anyhow!("new session reply without sessionId: {value}"))?
            .to_string();
        Ok(Session {
            agent,
            base: base.to_string(),
            id,
        })
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> anyhow::Result<Value> {
        let url = format!("{}/session/{}{path}", self.base, self.id);
        command(&self.agent, method, &url, body.as_ref())
    }

    /// Loads a URL and waits for the page's load event.
    pub fn goto(&self, url: &str) -> anyhow::Result<()> {
        self.call("POST", "/url", Some(json!({ "url": url })))?;
        Ok(())
    }

    /// Runs `script` (a function body: it may `return` a JSON-able value) with `arguments` bound to `args`.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> anyhow::Result<Value> {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
        .with_context(|| format!("running script {}", excerpt(script)))
    }

    /// Polls `script` until it returns something other than `null`, `false`, `0` or `""`, and returns that.
    pub fn wait_for(&self, what: &str, script: &str, timeout: Duration) -> anyhow::Result<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            let v = self.execute(script, Vec::new())?;
            let truthy = match &v {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::Number(n) => n.as_f64() != Some(0.0),
                Value::String(s) => !s.is_empty(),
                _ => true,
            };
            if truthy {
                return Ok(v);
            }
            if Instant::now() >= deadline {
                let state = self
                    .execute(
                        "return location.hash + ' | ' + (document.getElementById('main') || document.body).innerText.slice(0, 300)",
                        Vec::new(),
                    )
                    .unwrap_or(Value::Null);
                bail!("timed out after {timeout:?} waiting for {what}; page: {state}");
            }
            std::thread::sleep(POLL);
        }
    }

    pub fn find(&self, css: &str) -> anyhow::Result<Element> {
        let v = self
            .call(
                "POST",
                "/element",
                Some(json!({ "using": "css selector", "value": css })),
            )
            .with_context(|| format!("finding {css}"))?;
        element_of(&v)
    }

    pub fn find_all(&self, css: &str) -> anyhow::Result<Vec<Element>> {
        let v = self.call(
            "POST",
            "/elements",
            Some(json!({ "using": "css selector", "value": css })),
        )?;
        v.as_array()
            .ok_or_else(|| anyhow!("elements reply is not a list: {v}"))?
            .iter()
            .map(element_of)
            .collect()
    }

    /// A real click: WebDriver scrolls the element into view and fails if something covers it.
    pub fn click(&self, element: &Element) -> anyhow::Result<()> {
        self.call(
            "POST",
            &format!("/element/{}/click", element.0),
            Some(json!({})),
        )?;
        Ok(())
    }

    pub fn click_css(&self, css: &str) -> anyhow::Result<()> {
        let e = self.find(css)?;
        self.click(&e).with_context(|| format!("clicking {css}"))
    }

    /// Types `text` into an element (for a file input: the path of the file to choose).
    pub fn send_keys(&self, element: &Element, text: &str) -> anyhow::Result<()> {
        self.call(
            "POST",
            &format!("/element/{}/value", element.0),
            Some(json!({ "text": text })),
        )?;
        Ok(())
    }

    pub fn clear(&self, element: &Element) -> anyhow::Result<()> {
        self.call(
            "POST",
            &format!("/element/{}/clear", element.0),
            Some(json!({})),
        )?;
        Ok(())
    }

    pub fn attribute(&self, element: &Element, name: &str) -> anyhow::Result<Option<String>> {
        let v = self.call(
            "GET",
            &format!("/element/{}/attribute/{name}", element.0),
            None,
        )?;
        Ok(v.as_str().map(str::to_string))
    }

    /// The rendered text of an element.
    pub fn text(&self, element: &Element) -> anyhow::Result<String> {
        let v = self.call("GET", &format!("/element/{}/text", element.0), None)?;
        Ok(v.as_str().unwrap_or("").to_string())
    }

    pub fn set_window_size(&self, width: u32, height: u32) -> anyhow::Result<()> {
        self.call(
            "POST",
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        )?;
        Ok(())
    }

    /// Saves a PNG of the viewport.
    pub fn screenshot(&self, path: &Path) -> anyhow::Result<()> {
        let v = self.call("GET", "/screenshot", None)?;
        let b64 = v
            .as_str()
            .ok_or_else(|| anyhow!("screenshot reply is not a string"))?;
        let png = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .context("decoding the screenshot")?;
        std::fs::write(path, png).with_context(|| format!("writing {}", path.display()))
    }

    /// The browser's console log since the last call (chromedriver's `goog:loggingPrefs` extension).
    pub fn browser_log(&self) -> anyhow::Result<Vec<Value>> {
        let v = self.call("POST", "/se/log", Some(json!({ "type": "browser" })))?;
        Ok(v.as_array().cloned().unwrap_or_default())
    }
}

fn element_of(v: &Value) -> anyhow::Result<Element> {
    v.get(ELEMENT_KEY)
        .and_then(Value::as_str)
        .map(|s| Element(s.to_string()))
        .ok_or_else(|| anyhow!("not an element reference: {v}"))
}

impl Drop for Session {
    fn drop(&mut self) {
        // Closes the browser; the driver process itself is killed by its owner.
        let url = format!("{}/session/{}", self.base, self.id);
        let _ = command(&self.agent, "DELETE", &url, None);
    }
}
