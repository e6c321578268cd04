//! Bearer-token checks.

use axum::http::{HeaderMap, StatusCode, header};

use crate::AppState;
use crate::error::ApiError;

/// Whether a request may write.
pub(crate) fn check_write(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    match &state.token {
        None => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writes are disabled: start the server with --token or CORROBORATE_TOKEN",
        )),
        Some(token) => check_bearer(token, headers),
    }
}

/// Whether a request may read: always on loopback, with the token elsewhere.
pub(crate) fn check_read(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    match (&state.token, state.reads_need_token) {
        (Some(token), true) => check_bearer(token, headers),
        _ => Ok(()),
    }
}

fn check_bearer(token: &str, headers: &HeaderMap) -> Result<(), ApiError> {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(g) if constant_time_eq(g.as_bytes(), token.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError::new(StatusCode::UNAUTHORIZED, "wrong token")),
        None => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "missing Authorization: Bearer <token>",
        )),
    }
}

/// Compares without stopping at the first difference, so response time does not leak how much matched.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn compares() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
