//! The questionnaire's published data file (`core::questionnaire::published`), fetched
//! from this page's own origin by the name the build gave it, with its Subresource
//! Integrity, for the references and the questions' explanations the page's module does
//! not carry.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::questionnaire::model::Questionnaire;
use crate::core::questionnaire::published::{self, Published, PublishedData};
use crate::web::io::build_meta;

// The browser gives one TypeError for a failed request and a refused integrity alike.
const NOT_FETCHED: &str =
    "it could not be fetched, or it is not the copy this version of the app was built with";

/// The built-in questionnaire's references and explanations, read from its published data
/// file; the error says why they could not be.
pub async fn fetch_published() -> Result<Published, String> {
    let address = build_meta::versioned_file("data").ok_or("this build names no data file")?;
    let init = web_sys::RequestInit::new();
    init.set_integrity(published::integrity());
    let request = web_sys::Request::new_with_str_and_init(&address, &init)
        .map_err(|_| NOT_FETCHED.to_owned())?;
    let response: web_sys::Response =
        JsFuture::from(gloo::utils::window().fetch_with_request(&request))
            .await
            .ok()
            .and_then(|r| r.dyn_into().ok())
            .ok_or_else(|| NOT_FETCHED.to_owned())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    // The browser parses it (`Response.json`), so the page carries no JSON parser.
    let value = match response.json() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(_) => None,
    }
    .ok_or("it is not JSON")?;
    let data: PublishedData =
        serde_wasm_bindgen::from_value(value).map_err(|e| format!("it could not be read ({e})"))?;
    data.published_for(Questionnaire::builtin())
        .map_err(|e| e.to_string())
}
