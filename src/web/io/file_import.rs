//! The files the user picks or drops, and the browser's secure randomness. Files are
//! read by the worker, which refuses them by size before reading.

use wasm_bindgen::JsCast;

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
