//! The files the user picks or drops, and the browser's secure randomness. Files are
//! verified by the worker, which refuses them by size before reading; a score file may
//! be read here first ([`read_bounded`]) so the worker gets its bytes by transfer.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn collect(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The files chosen in a file input (the input is then cleared so the same file can be
/// chosen again).
pub fn from_input(event: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = collect(input.files());
    input.set_value("");
    files
}

/// The files dropped on an element.
pub fn from_drop(event: &web_sys::DragEvent) -> Vec<web_sys::File> {
    event.prevent_default();
    collect(event.data_transfer().and_then(|d| d.files()))
}

/// 32 bytes from the browser's cryptographically secure generator.
pub fn random_seed() -> Result<[u8; 32], String> {
    let mut seed = [0u8; 32];
    gloo::utils::window()
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut seed))
        .map_err(|_| "this browser offers no secure random generator".to_string())?;
    Ok(seed)
}

/// Reads a file through its stream, giving up once more than `limit` bytes came: its
/// bytes, or `None` when it is larger or could not be read (the worker then reads the
/// file itself, to give the exact message).
///
/// Why a stream: handing a `File` to a worker, or asking its size, costs the page's main
/// thread a synchronous look at the disk (about 0.2 ms a file in Chromium, measured);
/// starting a stream does not, so a thousand picked files stay off the main thread.
pub async fn read_bounded(file: &web_sys::File, limit: usize) -> Option<js_sys::Uint8Array> {
    let reader: web_sys::ReadableStreamDefaultReader =
        file.stream().get_reader().dyn_into().ok()?;
    let chunks = js_sys::Array::new();
    let mut total = 0usize;
    loop {
        let Ok(step) = JsFuture::from(reader.read()).await else {
            return None;
        };
        let done = js_sys::Reflect::get(&step, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let chunk: js_sys::Uint8Array = js_sys::Reflect::get(&step, &"value".into())
            .ok()?
            .dyn_into()
            .ok()?;
        total += chunk.length() as usize;
        if total > limit {
            let _ = reader.cancel();
            return None;
        }
        chunks.push(&chunk);
    }
    if chunks.length() == 1 {
        return chunks.get(0).dyn_into().ok();
    }
    let whole = js_sys::Uint8Array::new_with_length(total as u32);
    let mut at = 0;
    for chunk in chunks.iter() {
        let chunk = js_sys::Uint8Array::from(chunk);
        whole.set(&chunk, at);
        at += chunk.length();
    }
    Some(whole)
}
