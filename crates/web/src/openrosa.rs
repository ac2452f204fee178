//! The OpenRosa APIs ODK Collect speaks, for one class's forms: the form list, each form's
//! download, and submissions (`HEAD` first, then `multipart/form-data` with
//! `xml_submission_file`), every one behind HTTP Digest authentication and the same `Host`
//! check and connection limits as the test on phones. A handler checks the request's shape and
//! size and hands the XML to `app::forms`, where every rule is.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, FromRequest, Multipart, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use super::digest::{Guard, Verdict};
use pijat_app::forms::{Arrival, FormDesk, MAX_SUBMISSION, Refusal};
use pijat_core::Bilingual;
use pijat_core::html::esc;

/// The largest submission request: the XML and the multipart framing around it.
pub(crate) const MAX_UPLOAD: usize = MAX_SUBMISSION + 16 * 1024;
/// The whole body of a submission must arrive within this time once the head is in.
pub(crate) const UPLOAD_DEADLINE: Duration = Duration::from_secs(60);

pub(crate) struct Forms {
    pub desk: Arc<FormDesk>,
    pub hosts: Vec<String>,
    pub guard: Guard,
}

pub(crate) fn router(site: Arc<Forms>) -> Router {
    Router::new()
        .route("/formList", get(form_list))
        .route("/forms/{file}", get(form))
        .route("/submission", axum::routing::head(head).post(submit))
        .fallback(|| async {
            said(
                StatusCode::NOT_FOUND,
                &pijat_core::both!(odk, not_found),
                None,
            )
        })
        .method_not_allowed_fallback(|| async {
            said(
                StatusCode::METHOD_NOT_ALLOWED,
                &pijat_core::both!(odk, not_found),
                None,
            )
        })
        .layer(middleware::from_fn_with_state(site.clone(), authenticate))
        .layer(middleware::from_fn_with_state(site.clone(), check_host))
        .layer(middleware::map_response(openrosa_headers))
        .with_state(site)
}

/// Every reply: the OpenRosa version, never cached, never sniffed (hyper adds `Date`).
async fn openrosa_headers(mut resp: Response) -> Response {
    let h = resp.headers_mut();
    h.insert("X-OpenRosa-Version", HeaderValue::from_static("1.0"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    resp
}

/// The language of the phone's messages: English when it asks for English first.
fn english(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("en"))
}

/// An OpenRosaResponse with one message.
fn said(status: StatusCode, m: &Bilingual, headers: Option<&HeaderMap>) -> Response {
    let text = if headers.is_some_and(english) {
        &m.en
    } else {
        &m.id
    };
    let nature = if status.is_success() {
        " nature=\"submit_success\""
    } else {
        ""
    };
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\"><message{nature}>{}</message></OpenRosaResponse>\n",
        esc(text)
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
        body,
    )
        .into_response()
}

async fn check_host(State(site): State<Arc<Forms>>, req: Request, next: Next) -> Response {
    match super::routes::host_refusal(&req, &site.hosts) {
        Some(StatusCode::BAD_REQUEST) => said(
            StatusCode::BAD_REQUEST,
            &pijat_core::both!(odk, one_host),
            None,
        ),
        Some(s) => said(s, &pijat_core::both!(odk, foreign_host), None),
        None => next.run(req).await,
    }
}

async fn authenticate(
    State(site): State<Arc<Forms>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
    next: Next,
) -> Response {
    let auth = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let uri = req.uri().path_and_query().map_or("/", |p| p.as_str());
    let now = Instant::now();
    match site
        .guard
        .check(auth, req.method().as_str(), uri, peer.ip(), now)
    {
        Verdict::Good => next.run(req).await,
        Verdict::Challenge { stale } => {
            let mut r = said(
                StatusCode::UNAUTHORIZED,
                &pijat_core::both!(odk, wrong_password),
                Some(req.headers()),
            );
            if let Ok(v) = HeaderValue::from_str(&site.guard.challenge(stale, now)) {
                r.headers_mut().insert(header::WWW_AUTHENTICATE, v);
            }
            r
        }
        Verdict::Wait => {
            let mut r = said(
                StatusCode::TOO_MANY_REQUESTS,
                &pijat_core::both!(odk, wait_minute),
                Some(req.headers()),
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
            r
        }
    }
}

#[derive(Deserialize)]
struct ListQuery {
    #[serde(rename = "formID")]
    form_id: Option<String>,
}

async fn form_list(
    State(site): State<Arc<Forms>>,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Response {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let wanted = q.form_id;
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xforms xmlns=\"http://openrosa.org/xforms/xformsList\">\n",
    );
    for s in site.desk.forms() {
        if wanted.as_ref().is_some_and(|w| *w != s.form.id) {
            continue;
        }
        body.push_str(&format!(
            "<xform><formID>{id}</formID><name>{name}</name><version>{v}</version><hash>{hash}</hash><downloadUrl>http://{host}/forms/{id}.xml</downloadUrl></xform>\n",
            id = esc(&s.form.id),
            name = esc(&s.form.title.id),
            v = esc(&s.form.version),
            hash = s.hash,
            host = esc(&host),
        ));
    }
    body.push_str("</xforms>\n");
    ([(header::CONTENT_TYPE, "text/xml; charset=utf-8")], body).into_response()
}

async fn form(State(site): State<Arc<Forms>>, Path(file): Path<String>) -> Response {
    let id = file.strip_suffix(".xml").unwrap_or(&file);
    match site.desk.form(id) {
        Some(s) => (
            [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
            s.xml.clone(),
        )
            .into_response(),
        None => said(
            StatusCode::NOT_FOUND,
            &pijat_core::both!(odk, unknown_form, form = id),
            None,
        ),
    }
}

fn accept_length(mut r: Response) -> Response {
    r.headers_mut().insert(
        "X-OpenRosa-Accept-Content-Length",
        HeaderValue::from(MAX_UPLOAD as u64),
    );
    r
}

async fn head() -> Response {
    accept_length(StatusCode::NO_CONTENT.into_response())
}

/// The submission's XML part, read within [`UPLOAD_DEADLINE`] and [`MAX_UPLOAD`] bytes.
async fn xml_part(req: Request) -> Result<Vec<u8>, Response> {
    let headers = req.headers().clone();
    let too_big = || {
        let n = MAX_SUBMISSION / 1024;
        accept_length(said(
            StatusCode::PAYLOAD_TOO_LARGE,
            &pijat_core::both!(odk, too_big, n = n),
            Some(&headers),
        ))
    };
    let not_multipart = || {
        said(
            StatusCode::BAD_REQUEST,
            &pijat_core::both!(odk, not_multipart),
            Some(&headers),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_UPLOAD as u64) {
        return Err(too_big());
    }
    let (parts, body) = req.into_parts();
    let bytes =
        match tokio::time::timeout(UPLOAD_DEADLINE, axum::body::to_bytes(body, MAX_UPLOAD)).await {
            Ok(Ok(b)) => b,
            Ok(Err(_)) => return Err(too_big()),
            Err(_) => {
                return Err(said(
                    StatusCode::REQUEST_TIMEOUT,
                    &pijat_core::both!(odk, not_multipart),
                    Some(&headers),
                ));
            }
        };
    let req = Request::from_parts(parts, Body::from(bytes));
    let mut multipart = Multipart::from_request(req, &())
        .await
        .map_err(|_| not_multipart())?;
    let mut xml = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().map(str::to_string);
                let data = field.bytes().await.map_err(|_| not_multipart())?;
                if name.as_deref() == Some("xml_submission_file") {
                    if xml.is_some() {
                        return Err(not_multipart());
                    }
                    xml = Some(data.to_vec());
                }
            }
            Ok(None) => break,
            Err(_) => return Err(not_multipart()),
        }
    }
    xml.ok_or_else(not_multipart)
}

async fn submit(State(site): State<Arc<Forms>>, req: Request) -> Response {
    let headers = req.headers().clone();
    let xml = match xml_part(req).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let desk = site.desk.clone();
    let got = tokio::task::spawn_blocking(move || desk.receive(&xml)).await;
    let reply = |status, m: &Bilingual| accept_length(said(status, m, Some(&headers)));
    match got {
        Ok(Ok(a)) => reply(StatusCode::CREATED, &Arrival::message(&a)),
        Ok(Err(Refusal::Invalid(m))) => reply(StatusCode::BAD_REQUEST, &m),
        Ok(Err(Refusal::Conflict(m))) => reply(StatusCode::CONFLICT, &m),
        Ok(Err(Refusal::Unavailable(m))) => reply(StatusCode::SERVICE_UNAVAILABLE, &m),
        Err(_) => reply(
            StatusCode::INTERNAL_SERVER_ERROR,
            &pijat_core::both!(classroom, internal),
        ),
    }
}
