//! The routes: the page, and four JSON calls. A handler only reads the request, checks its
//! shape and size, and calls the room; every rule is in `app::classroom`.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use serde::Deserialize;

use super::page::Page;
use super::reply::{self, bad_request, json, plain, refused};
use pijat_app::classroom::{Classroom, PhoneState, Pick, Refusal};

/// The largest request body: an answer or a name is a few dozen bytes.
pub const MAX_BODY: usize = 1024;
/// The whole body must arrive within this time once the head is in (a trickle does not
/// extend it).
pub(crate) const BODY_DEADLINE: Duration = Duration::from_secs(5);

/// The page's policy: its script and style come from this laptop only, nothing inline, no
/// frames, no forms, no other site.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

pub(crate) struct Site {
    pub room: Arc<Classroom>,
    /// The `Host` values this server answers to.
    pub hosts: Vec<String>,
    pub page: Page,
}

pub(crate) fn router(site: Arc<Site>) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/page.css", get(css))
        .route("/page.js", get(js))
        .route("/api/state", get(state))
        .route("/api/code", json_post(code))
        .route("/api/join", json_post(join))
        .route("/api/answer", json_post(answer))
        .fallback(|| async { plain(StatusCode::NOT_FOUND, "not_found", |s| s.not_found) })
        .method_not_allowed_fallback(|| async {
            plain(StatusCode::METHOD_NOT_ALLOWED, "not_found", |s| s.not_found)
        })
        .layer(middleware::from_fn_with_state(site.clone(), check_host))
        .layer(middleware::map_response(guarded))
        .with_state(site)
}

/// Every reply: never cached, never sniffed as another type, never framed, no referrer.
async fn guarded(mut resp: Response) -> Response {
    let h = resp.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(POLICY),
    );
    resp
}

/// DNS rebinding: a page from elsewhere whose name now points here still sends its own name.
/// Exactly one `Host`, one of this server's, and a plain path (a target with a scheme or an
/// authority would name another host than the one checked). The status to refuse with, if any:
/// 400 for a request with no single plain `Host`, 421 for another server's name.
pub(crate) fn host_refusal(req: &Request, allowed: &[String]) -> Option<StatusCode> {
    let mut hosts = req.headers().get_all(header::HOST).iter();
    let (first, second) = (hosts.next(), hosts.next());
    let plain_target = req.uri().scheme().is_none() && req.uri().authority().is_none();
    if second.is_some() || !plain_target {
        return Some(StatusCode::BAD_REQUEST);
    }
    let host = first
        .and_then(|h| h.to_str().ok())
        .map(str::to_ascii_lowercase);
    match host {
        Some(h) if allowed.contains(&h) => None,
        _ => Some(StatusCode::MISDIRECTED_REQUEST),
    }
}

async fn check_host(State(site): State<Arc<Site>>, req: Request, next: Next) -> Response {
    match host_refusal(&req, &site.hosts) {
        None => next.run(req).await,
        Some(StatusCode::BAD_REQUEST) => {
            plain(StatusCode::BAD_REQUEST, "bad_request", |s| s.one_host)
        }
        Some(_) => plain(StatusCode::MISDIRECTED_REQUEST, "foreign_host", |s| {
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
        None => refused(&Refusal::NotSaved(pijat_core::both!(classroom, internal))),
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
    let mut resp = axum::response::Html(site.page.html).into_response();
    if !known {
        let token = site.room.issue_token();
        resp.headers_mut()
            .insert(header::SET_COOKIE, reply::set_cookie(&token));
    }
    resp
}

async fn css(State(site): State<Arc<Site>>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        site.page.css,
    )
        .into_response()
}

async fn js(State(site): State<Arc<Site>>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        site.page.js.clone(),
    )
        .into_response()
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

/// The body, whole, within [`BODY_DEADLINE`]: a length over [`MAX_BODY`] is refused before
/// a byte of it is read.
async fn read_body(headers: &HeaderMap, body: Body) -> Result<Bytes, Response> {
    let too_big = || plain(StatusCode::PAYLOAD_TOO_LARGE, "too_big", |s| s.too_big);
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(too_big());
    }
    match tokio::time::timeout(BODY_DEADLINE, axum::body::to_bytes(body, MAX_BODY)).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(e)) => Err(
            if std::error::Error::source(&e)
                .is_some_and(|s| s.is::<http_body_util::LengthLimitError>())
            {
                too_big()
            } else {
                bad_request(&e.to_string())
            },
        ),
        Err(_) => Err(plain(StatusCode::REQUEST_TIMEOUT, "too_slow", |s| {
            s.too_slow
        })),
    }
}

/// A JSON body sent as JSON (a form from another site cannot send that type without asking
/// first, and we never say yes), with the phone's token.
async fn body<T: for<'de> Deserialize<'de>>(
    headers: &HeaderMap,
    body: Body,
) -> Result<(String, T), Response> {
    let token = device(headers).map_err(|r| refused(&r))?;
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|m| m.trim() == "application/json")
        });
    if !is_json {
        return Err(bad_request("Content-Type: application/json"));
    }
    let bytes = read_body(headers, body).await?;
    let value = serde_json::from_slice(&bytes).map_err(|e| bad_request(&e.to_string()))?;
    Ok((token, value))
}

/// A JSON call: the body read as `B`, then `f` on the room with the phone's token and address.
async fn call<B: for<'de> Deserialize<'de> + Send + 'static>(
    site: &Arc<Site>,
    peer: SocketAddr,
    headers: &HeaderMap,
    b: Body,
    f: Call<B>,
) -> Response {
    match body::<B>(headers, b).await {
        Ok((t, v)) => answered(on_room(site, move |r| f(r, &t, peer.ip(), v)).await),
        Err(r) => r,
    }
}

/// The client's address, as the connection gave it.
type Peer = ConnectInfo<SocketAddr>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeBody {
    code: String,
}

/// A call on the room: the phone's token and address, and the body read as `B`.
type Call<B> = fn(&Classroom, &str, IpAddr, B) -> Result<PhoneState, Refusal>;

/// A JSON route: the body read as `B`, then `f` on the room.
fn json_post<B: for<'de> Deserialize<'de> + Send + 'static>(f: Call<B>) -> MethodRouter<Arc<Site>> {
    post(
        move |State(site): State<Arc<Site>>,
              ConnectInfo(peer): Peer,
              headers: HeaderMap,
              b: Body| async move { call(&site, peer, &headers, b, f).await },
    )
}

fn code(r: &Classroom, t: &str, from: IpAddr, c: CodeBody) -> Result<PhoneState, Refusal> {
    r.enter_code(t, from, &c.code, Instant::now())
}

/// Either a place on the roster or a typed name, not both.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, untagged)]
enum JoinBody {
    Listed { n: usize },
    New { name: String },
}

fn join(r: &Classroom, t: &str, _from: IpAddr, j: JoinBody) -> Result<PhoneState, Refusal> {
    let pick = match j {
        JoinBody::Listed { n } => Pick::Listed(n),
        JoinBody::New { name } => Pick::New(name),
    };
    r.join(t, &pick)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerBody {
    position: usize,
    answer: String,
}

fn answer(r: &Classroom, t: &str, _from: IpAddr, a: AnswerBody) -> Result<PhoneState, Refusal> {
    r.answer(t, a.position, &a.answer)
}
