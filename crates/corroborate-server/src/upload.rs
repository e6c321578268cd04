//! `POST /api/documents`: one record (JSON, as one line of a `.jsonl`), a file as the raw body, or a file in
//! a `multipart/form-data` form. The upload is analysed like a file given to `corroborate ingest`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use corroborate_core::ingest::InputBytes;
use corroborate_core::pipeline;
use corroborate_store::{IngestReport, StoryTarget};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::api::blocking;
use crate::auth::check_write;
use crate::error::ApiError;

#[derive(Deserialize)]
pub(crate) struct UploadParams {
    /// Add to this story instead of a new one.
    story: Option<String>,
    /// The file name, which tells the format (`.html`, `.md`, `.jsonl` …) when the body is a raw file.
    name: Option<String>,
}

#[derive(Serialize)]
struct UploadResponse {
    /// The new (or, for a duplicate, the already stored) document's id: the first one of the upload.
    document: String,
    story: Option<String>,
    #[serde(flatten)]
    report: IngestReport,
    skipped: Vec<Skipped>,
}

#[derive(Serialize)]
struct Skipped {
    input: String,
    reason: String,
}

pub(crate) async fn post_document(
    State(state): State<AppState>,
    Query(params): Query<UploadParams>,
    request: Request,
) -> Result<Response, ApiError> {
    // Before the body is read: an unauthorised client does not get to make us buffer 8 MiB.
    check_write(&state, request.headers())?;
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut story = params.story.clone();
    let input = if content_type.starts_with("multipart/form-data") {
        let multipart = Multipart::from_request(request, &())
            .await
            .map_err(|e| ApiError::new(e.status(), e.body_text()))?;
        read_multipart(multipart, &mut story).await?
    } else {
        let bytes = Bytes::from_request(request, &())
            .await
            .map_err(|e| ApiError::new(e.status(), e.body_text()))?;
        let name = params
            .name
            .as_deref()
            .map(file_name)
            .unwrap_or_else(|| default_name(&content_type).to_string());
        InputBytes {
            name,
            bytes: bytes.to_vec(),
            content_type: (!content_type.is_empty()).then_some(content_type),
            url: None,
        }
    };
    if input.bytes.is_empty() {
        return Err(ApiError::bad_request("empty upload"));
    }
    let target = match story.filter(|s| !s.is_empty()) {
        Some(s) => StoryTarget::Existing(s),
        None => StoryTarget::Auto,
    };
    let (report, skipped) = blocking(&state, move |store| {
        let analysis = pipeline::analyze(vec![Ok(input)]);
        let skipped: Vec<Skipped> = analysis
            .skipped
            .iter()
            .map(|e| Skipped {
                input: e.input.clone(),
                reason: e.reason.to_string(),
            })
            .collect();
        if analysis.documents.is_empty() {
            return Ok((None, skipped));
        }
        let mut report = store.ingest(analysis.documents, &target)?;
        // A pure duplicate: say which story already holds it.
        if report.added.is_empty()
            && let Some(dup) = report.duplicates.first()
            && let Some(doc) = store.document(&dup.id)?
        {
            report.stories = doc.stories;
        }
        Ok((Some(report), skipped))
    })
    .await?;
    let Some(report) = report else {
        let reasons: Vec<String> = skipped.iter().map(|s| s.reason.clone()).collect();
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!(
                "nothing could be read from the upload: {}",
                reasons.join("; ")
            ),
        ));
    };
    let (status, document) = match (report.added.first(), report.duplicates.first()) {
        (Some(a), _) => (StatusCode::CREATED, a.id.clone()),
        (None, Some(d)) => (StatusCode::OK, d.id.clone()),
        (None, None) => (StatusCode::OK, String::new()),
    };
    let story = report
        .added
        .first()
        .map(|a| a.story.clone())
        .or_else(|| report.stories.first().cloned());
    let body = UploadResponse {
        document,
        story,
        report,
        skipped,
    };
    Ok((status, Json(body)).into_response())
}

/// The first file field of a form (and a `story` field, if any).
async fn read_multipart(
    mut form: Multipart,
    story: &mut Option<String>,
) -> Result<InputBytes, ApiError> {
    let mut input = None;
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| ApiError::new(e.status(), e.body_text()))?
    {
        let field_name = field.name().unwrap_or("").to_string();
        let file = field.file_name().map(file_name);
        let content_type = field.content_type().map(str::to_ascii_lowercase);
        let data = field
            .bytes()
            .await
            .map_err(|e| ApiError::new(e.status(), e.body_text()))?;
        if field_name == "story" && file.is_none() {
            *story = Some(String::from_utf8_lossy(&data).trim().to_string());
        } else if input.is_none() && (file.is_some() || field_name == "file") {
            let ct = content_type.unwrap_or_default();
            input = Some(InputBytes {
                name: file.unwrap_or_else(|| default_name(&ct).to_string()),
                bytes: data.to_vec(),
                content_type: (!ct.is_empty() && ct != "application/octet-stream").then_some(ct),
                url: None,
            });
        }
    }
    input.ok_or_else(|| ApiError::bad_request("the form has no file field"))
}

/// Only the last path component of a client-supplied name: it becomes the document's origin.
fn file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    if base.is_empty() {
        "upload".to_string()
    } else {
        base.to_string()
    }
}

/// A file name whose extension tells the readers the format of an unnamed upload.
fn default_name(content_type: &str) -> &'static str {
    let ct = content_type.split(';').next().unwrap_or("").trim();
    match ct {
        "application/json" => "upload.json",
        "application/x-ndjson" | "application/jsonl" => "upload.jsonl",
        "text/html" | "application/xhtml+xml" => "upload.html",
        "text/markdown" => "upload.md",
        "application/rss+xml" | "application/atom+xml" => "upload.xml",
        _ => "upload.txt",
    }
}
