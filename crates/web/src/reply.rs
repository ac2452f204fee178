//! Replies: JSON for the page, with a bilingual message and a stable name when a request is
//! refused; never a stack trace, never cached.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use pijat_app::classroom::{Kind, Refusal};
use pijat_core::Bilingual;
use pijat_core::strings::classroom::{Strings, both};

pub(crate) const COOKIE: &str = "pijat_device";

#[derive(Serialize)]
struct Problem<'a> {
    error: &'a str,
    message: MessageJson<'a>,
}

#[derive(Serialize)]
struct MessageJson<'a> {
    id: &'a str,
    en: &'a str,
}

fn no_store(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

pub(crate) fn json<T: Serialize>(value: &T) -> Response {
    no_store(axum::Json(value).into_response())
}

pub(crate) fn problem(status: StatusCode, name: &str, m: &Bilingual) -> Response {
    let body = Problem {
        error: name,
        message: MessageJson {
            id: &m.id,
            en: &m.en,
        },
    };
    no_store((status, axum::Json(body)).into_response())
}

/// A problem made from one text of the classroom table.
pub(crate) fn plain(
    status: StatusCode,
    name: &str,
    pick: fn(&Strings) -> &'static str,
) -> Response {
    problem(status, name, &both(pick, &[]))
}

pub(crate) fn refused(r: &Refusal) -> Response {
    let status = match r.kind() {
        Kind::Unknown => StatusCode::UNAUTHORIZED,
        Kind::Forbidden => StatusCode::FORBIDDEN,
        Kind::Conflict => StatusCode::CONFLICT,
        Kind::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
        Kind::Limited => StatusCode::TOO_MANY_REQUESTS,
        Kind::Gone => StatusCode::GONE,
        Kind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
    };
    problem(status, r.name(), &r.message())
}

pub(crate) fn bad_request(why: &str) -> Response {
    problem(
        StatusCode::BAD_REQUEST,
        "bad_request",
        &pijat_core::both!(classroom, bad_request, m = why),
    )
}

/// The device token from the `Cookie` header, when it has the shape of one.
pub(crate) fn token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.trim())
        .filter(|v| pijat_app::classroom::token_shape(v))
}

/// The cookie that binds a phone: the page's script cannot read it, no other site sends it.
pub(crate) fn set_cookie(token: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("pijat_device=; Path=/"))
}
