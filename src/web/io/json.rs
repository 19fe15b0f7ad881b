//! JSON for the page through the browser's own `JSON.parse` and `JSON.stringify`, with
//! serde-wasm-bindgen between Rust values and JavaScript ones, so the page's module
//! carries no JSON parser or writer of its own (the worker, which reads untrusted files,
//! keeps serde_json and its strict loader). The text is the JSON serde_json writes for
//! the same value: maps are objects, fields in order, `None` as `null`.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// The value as JSON text.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    let js = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&js)
        .map(String::from)
        .map_err(|_| "the value could not be written as JSON".to_owned())
}

/// A value read from JSON text written by this app (its own storage, its worker).
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let js = js_sys::JSON::parse(text).map_err(|_| "not JSON".to_owned())?;
    serde_wasm_bindgen::from_value(js).map_err(|e| e.to_string())
}
