//! Fetching http(s) inputs. Lives in the binary so that the core library stays free of network code.
//!
//! Limits: only `http` and `https`; a global timeout and a connect timeout; at most [`MAX_REDIRECTS`]
//! redirects; a size cap on the body; a user agent that says who we are.

use std::time::Duration;

use corroborate_core::ingest::{IngestError, InputBytes, Reason, fs::read_capped};
use ureq::ResponseExt;

pub const MAX_REDIRECTS: u32 = 5;
pub const USER_AGENT: &str = concat!(
    "corroborate/",
    env!("CARGO_PKG_VERSION"),
    " (news corroboration tool)"
);

/// Fetch settings.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    pub timeout: Duration,
    pub max_bytes: u64,
}

/// Whether a command-line input names a URL (any scheme: unsupported ones are refused with a clear error
/// rather than looked up as a file).
pub fn looks_like_url(input: &str) -> bool {
    input.split_once("://").is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Fetches one URL.
pub fn fetch(url: &str, config: &FetchConfig) -> Result<InputBytes, IngestError> {
    let err = |reason| IngestError::new(url, reason);
    let scheme = url
        .split_once("://")
        .map(|(s, _)| s.to_ascii_lowercase())
        .unwrap_or_default();
    if scheme != "http" && scheme != "https" {
        return Err(err(Reason::UnsupportedScheme(scheme)));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(config.timeout))
        .timeout_connect(Some(config.timeout.min(Duration::from_secs(10))))
        .max_redirects(MAX_REDIRECTS)
        .user_agent(USER_AGENT)
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .get(url)
        .call()
        .map_err(|e| err(Reason::Fetch(describe(&e))))?;
    let status = response.status();
    if status.is_redirection() {
        return Err(err(Reason::Fetch(format!(
            "more than {MAX_REDIRECTS} redirects"
        ))));
    }
    if !status.is_success() {
        return Err(err(Reason::Fetch(format!("HTTP status {status}"))));
    }
    let final_url = response.get_uri().to_string();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if let Some(len) = response
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
        && len > config.max_bytes
    {
        return Err(err(Reason::TooLarge {
            size: len,
            cap: config.max_bytes,
        }));
    }
    let reader = response
        .body_mut()
        .with_config()
        .limit(config.max_bytes.saturating_add(1))
        .reader();
    let bytes = read_capped(reader, config.max_bytes).map_err(err)?;
    Ok(InputBytes {
        name: url.to_string(),
        bytes,
        content_type,
        url: Some(final_url),
    })
}

fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        ureq::Error::Timeout(_) => "timed out".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_detection() {
        assert!(looks_like_url("https://x.org/a"));
        assert!(looks_like_url("ftp://x.org/a"));
        assert!(!looks_like_url("reports/a.txt"));
        assert!(!looks_like_url("-"));
    }

    #[test]
    fn only_http_schemes() {
        let config = FetchConfig {
            timeout: Duration::from_secs(1),
            max_bytes: 10,
        };
        let e = fetch("file:///etc/passwd", &config).expect_err("refused");
        assert_eq!(e.reason, Reason::UnsupportedScheme("file".into()));
    }
}
