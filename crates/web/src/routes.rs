//! The routes: the page, and four JSON calls. A handler only reads the request, checks its
//! shape and size, and calls the room; every rule is in `app::classroom`.

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::reply::{self, bad_request, json, plain, refused};
use pijat_app::classroom::{Classroom, PhoneState, Pick, Refusal};
use pijat_core::strings::classroom::both;

/// The largest request body: an answer or a name is a few dozen bytes.
pub const MAX_BODY: usize = 1024;

pub(crate) struct Site {
    pub room: Arc<Classroom>,
    /// The `Host` values this server answers to.
    pub hosts: Vec<String>,
    pub page: String,
}

pub(crate) fn router(site: Arc<Site>) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/api/state", get(state))
        .route("/api/code", post(code))
        .route("/api/join", post(join))
        .route("/api/answer", post(answer))
        .fallback(|| async { plain(StatusCode::NOT_FOUND, "not_found", |s| s.not_found) })
        .method_not_allowed_fallback(|| async {
            plain(StatusCode::METHOD_NOT_ALLOWED, "not_found", |s| s.not_found)
        })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn_with_state(site.clone(), check_host))
        .with_state(site)
}

/// DNS rebinding: a page from elsewhere whose name now points here still sends its own name.
async fn check_host(State(site): State<Arc<Site>>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_ascii_lowercase);
    match host {
        Some(h) if site.hosts.contains(&h) => next.run(req).await,
        _ => plain(StatusCode::MISDIRECTED_REQUEST, "foreign_host", |s| {
            s.foreign_host
        }),
    }
}

/// Runs a call on the room off the network threads (it waits for the disk).
async fn on_room<T: Send + 'static>(
    site: &Arc<Site>,
    f: impl FnOnce(&Classroom) -> T + Send + 'static,
) -> Option<T> {
    let room = site.room.clone();
    tokio::task::spawn_blocking(move || f(&room)).await.ok()
}

fn answered(r: Option<Result<PhoneState, Refusal>>) -> Response {
    match r {
        Some(Ok(state)) => json(&state),
        Some(Err(refusal)) => refused(&refusal),
        None => refused(&Refusal::NotSaved(both(|s| s.internal, &[]))),
    }
}

async fn page(State(site): State<Arc<Site>>, headers: HeaderMap) -> Response {
    let known = match reply::token(&headers) {
        Some(t) => {
            let t = t.to_string();
            on_room(&site, move |r| r.knows(&t)).await.unwrap_or(false)
        }
        None => false,
    };
    let mut resp = axum::response::Html(site.page.clone()).into_response();
    if !known {
        match on_room(&site, |r| r.issue_token(Instant::now())).await {
            Some(Ok(t)) => {
                resp.headers_mut()
                    .insert(header::SET_COOKIE, reply::set_cookie(&t));
            }
            Some(Err(refusal)) => return refused(&refusal),
            None => return refused(&Refusal::TooManyPhones),
        }
    }
    let h = resp.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    resp
}

fn device(headers: &HeaderMap) -> Result<String, Refusal> {
    reply::token(headers)
        .map(str::to_string)
        .ok_or(Refusal::UnknownDevice)
}

async fn state(State(site): State<Arc<Site>>, headers: HeaderMap) -> Response {
    let t = match device(&headers) {
        Ok(t) => t,
        Err(r) => return refused(&r),
    };
    answered(on_room(&site, move |r| r.state(&t)).await)
}

/// A JSON body of at most [`MAX_BODY`] bytes, sent as JSON (a form from another site cannot
/// send that type without asking first, and we never say yes).
fn body<T: for<'de> Deserialize<'de>>(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(String, T), Box<Response>> {
    let token = device(headers).map_err(|r| Box::new(refused(&r)))?;
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|m| m.trim() == "application/json")
        });
    if !is_json {
        return Err(Box::new(bad_request("Content-Type: application/json")));
    }
    let bytes = body
        .map_err(|e| match e.status() {
            StatusCode::PAYLOAD_TOO_LARGE => {
                plain(StatusCode::PAYLOAD_TOO_LARGE, "too_big", |s| s.too_big)
            }
            _ => bad_request(&e.body_text()),
        })
        .map_err(Box::new)?;
    let value =
        serde_json::from_slice(&bytes).map_err(|e| Box::new(bad_request(&e.to_string())))?;
    Ok((token, value))
}

/// A JSON call: the body read as `B`, then `f` on the room with the phone's token.
async fn call<B: for<'de> Deserialize<'de> + Send + 'static>(
    site: &Arc<Site>,
    headers: &HeaderMap,
    b: Result<Bytes, BytesRejection>,
    f: fn(&Classroom, &str, B) -> Result<PhoneState, Refusal>,
) -> Response {
    match body::<B>(headers, b) {
        Ok((t, v)) => answered(on_room(site, move |r| f(r, &t, v)).await),
        Err(r) => *r,
    }
}

/// A request's body as axum hands it over (a body too large is a rejection, not a panic).
type Body = Result<Bytes, BytesRejection>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeBody {
    code: String,
}

async fn code(State(site): State<Arc<Site>>, headers: HeaderMap, b: Body) -> Response {
    call(&site, &headers, b, |r, t, c: CodeBody| {
        r.enter_code(t, &c.code, Instant::now())
    })
    .await
}

/// Either a place on the roster or a typed name, not both.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, untagged)]
enum JoinBody {
    Listed { n: usize },
    New { name: String },
}

async fn join(State(site): State<Arc<Site>>, headers: HeaderMap, b: Body) -> Response {
    call(&site, &headers, b, |r, t, j: JoinBody| {
        r.join(
            t,
            &match j {
                JoinBody::Listed { n } => Pick::Listed(n),
                JoinBody::New { name } => Pick::New(name),
            },
        )
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerBody {
    position: usize,
    answer: String,
}

async fn answer(State(site): State<Arc<Site>>, headers: HeaderMap, b: Body) -> Response {
    call(&site, &headers, b, |r, t, a: AnswerBody| {
        r.answer(t, a.position, &a.answer)
    })
    .await
}
