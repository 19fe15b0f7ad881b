//! Reads files the user picks or drops. Sizes are checked before reading, so an
//! oversized file is refused without loading it into memory.

use gloo::file::futures::read_as_bytes;
use wasm_bindgen::JsCast;

use crate::core::files::untrusted::Kind;
use crate::core::files::FileError;

/// A file the user chose, read (or refused).
pub struct PickedFile {
    /// The file's name.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its bytes, or why they were not read.
    pub bytes: Result<Vec<u8>, String>,
}

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

/// Reads a file of a known kind, refusing it by size before reading it (the size limit
/// and its message are the untrusted loader's).
pub async fn read(file: web_sys::File, kind: &Kind) -> PickedFile {
    read_limited(file, kind.max_bytes as u64).await
}

/// Reads a file unless it is larger than `limit` bytes.
pub async fn read_limited(file: web_sys::File, limit: u64) -> PickedFile {
    let name = file.name();
    let size = file.size() as u64;
    let bytes = if size > limit {
        Err(FileError::TooLarge { size, limit }.to_string())
    } else {
        read_as_bytes(&gloo::file::Blob::from(file))
            .await
            .map_err(|e| format!("it could not be read: {e}"))
    };
    PickedFile { name, size, bytes }
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
