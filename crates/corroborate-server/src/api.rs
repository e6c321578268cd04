//! The JSON API's read endpoints and its routing.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use corroborate_store::{Store, StoreError};
use serde::Deserialize;

use crate::AppState;
use crate::auth::check_read;
use crate::error::ApiError;
use crate::{export, upload};

/// Most search results of each kind returned when the client does not say.
const DEFAULT_SEARCH_LIMIT: usize = 50;

pub(crate) fn routes(state: AppState) -> Router {
    Router::new()
        .route("/stories", get(list_stories))
        .route("/stories/{id}", get(get_story))
        .route("/stories/{id}/export", get(export_story))
        .route("/documents", post(upload::post_document))
        .route("/documents/{id}", get(get_document))
        .route("/search", get(search))
        .fallback(|| async { ApiError::not_found("no such endpoint") })
        .with_state(state)
}

/// Runs a store call on a blocking thread: the store is synchronous and may wait on the disk or a lock.
pub(crate) async fn blocking<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&dyn Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let store = state.store.clone();
    Ok(tokio::task::spawn_blocking(move || f(store.as_ref())).await??)
}

/// Looks `id` up with `f` on a blocking thread; a missing `what` ("story", "document") is a 404 naming it.
async fn found<T: Send + 'static>(
    state: &AppState,
    what: &str,
    id: &str,
    f: impl FnOnce(&dyn Store, &str) -> Result<Option<T>, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let lookup = id.to_string();
    blocking(state, move |s| f(s, &lookup))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no {what} {id}")))
}

/// A JSON body that is already serialized (a stored dossier), sent as is.
fn raw_json(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn list_stories(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    check_read(&state, &headers)?;
    let stories = blocking(&state, |s| s.stories()).await?;
    Ok(Json(stories).into_response())
}

async fn get_story(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    check_read(&state, &headers)?;
    let dossier = found(&state, "story", &id, |s, id| s.dossier(id)).await?;
    Ok(raw_json(dossier))
}

async fn get_document(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    check_read(&state, &headers)?;
    let doc = found(&state, "document", &id, |s, id| s.document(id)).await?;
    Ok(Json(doc).into_response())
}

#[derive(Deserialize)]
struct SearchParams {
    q: Option<String>,
    limit: Option<usize>,
}

async fn search(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<SearchParams>,
) -> Result<Response, ApiError> {
    check_read(&state, &headers)?;
    let Some(q) = params.q.filter(|q| !q.trim().is_empty()) else {
        return Err(ApiError::bad_request("missing query: /api/search?q=words"));
    };
    let limit = params.limit.unwrap_or(DEFAULT_SEARCH_LIMIT);
    let hits = blocking(&state, move |s| s.search(&q, limit)).await?;
    Ok(Json(hits).into_response())
}

#[derive(Deserialize)]
struct ExportParams {
    format: Option<String>,
}

async fn export_story(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(params): Query<ExportParams>,
) -> Result<Response, ApiError> {
    check_read(&state, &headers)?;
    let format = params.format.unwrap_or_else(|| "json".into());
    if !["json", "csv", "md", "html"].contains(&format.as_str()) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "format must be json, csv, md or html",
        ));
    }
    // The id goes into a header: keep only characters that cannot break it.
    let safe_id: String = id.chars().filter(char::is_ascii_alphanumeric).collect();
    let disposition = format!("attachment; filename=\"story-{safe_id}.{format}\"");
    if format == "md" || format == "html" {
        let documents = found(&state, "story", &id, |s, id| s.story_documents(id)).await?;
        // The renderers need the dossier's types, which the stored JSON is not read back into: the dossier
        // is built again from the stored analyses, as the store built the stored one.
        let (content_type, body) = tokio::task::spawn_blocking(move || {
            let dossier =
                corroborate_core::report::build_dossier(&corroborate_core::pipeline::Analysis {
                    documents,
                    skipped: Vec::new(),
                });
            if format == "md" {
                (
                    "text/markdown; charset=utf-8",
                    corroborate_core::report::markdown::render(&dossier),
                )
            } else {
                (
                    "text/html; charset=utf-8",
                    corroborate_core::report::html::render(&dossier),
                )
            }
        })
        .await?;
        return Ok((
            [
                (header::CONTENT_TYPE, content_type.to_string()),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            body,
        )
            .into_response());
    }
    let dossier = found(&state, "story", &id, |s, id| s.dossier(id)).await?;
    if format == "json" {
        return Ok((
            [
                (header::CONTENT_TYPE, "application/json".to_string()),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            dossier,
        )
            .into_response());
    }
    let value: serde_json::Value = serde_json::from_str(&dossier).map_err(|e| {
        tracing::error!(error = %e, story = %id, "stored dossier is not JSON");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "stored dossier is not JSON",
        )
    })?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        export::csv(&value),
    )
        .into_response())
}
