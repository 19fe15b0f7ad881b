use wasm_bindgen::prelude::*;

/// A newtype that represents Serde errors as JavaScript exceptions.
#[derive(Debug)]
pub struct Error(JsValue);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        #[wasm_bindgen]
        extern "C" {
            #[wasm_bindgen(js_name = String)]
            pub fn to_string(value: &JsValue) -> String;
        }

        to_string(&self.0).fmt(f)
    }
}

impl std::error::Error for Error {}

impl Error {
    /// Creates a JavaScript `Error` with a given message.
    pub fn new<T: std::fmt::Display>(msg: T) -> Self {
        Error(JsError::new(&msg.to_string()).into())
    }
}

impl serde::ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error::new(msg)
    }
}

impl serde::de::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error::new(msg)
    }

    // PATCHED (vendor-readiness, see PATCHED.md): the same messages as serde's default
    // methods, but `Unexpected` is written by `unexpected_text` below instead of its
    // own `Display`, whose floating-point arm links Rust's float formatter and its
    // tables (about 8 KB of gzip) into every module that can report a type error.
    fn invalid_type(unexp: serde::de::Unexpected, exp: &dyn serde::de::Expected) -> Self {
        Error::new(format_args!(
            "invalid type: {}, expected {}",
            unexpected_text(&unexp),
            exp
        ))
    }

    fn invalid_value(unexp: serde::de::Unexpected, exp: &dyn serde::de::Expected) -> Self {
        Error::new(format_args!(
            "invalid value: {}, expected {}",
            unexpected_text(&unexp),
            exp
        ))
    }
}

/// What serde's `Display for Unexpected` writes, with a float written by JavaScript's
/// `Number.prototype.toString` (then given a `.0` when it has neither a point nor an
/// exponent, as serde does) instead of Rust's formatter.
fn unexpected_text(unexp: &serde::de::Unexpected) -> String {
    use serde::de::Unexpected::*;
    match *unexp {
        Bool(b) => format!("boolean `{}`", b),
        Unsigned(i) => format!("integer `{}`", i),
        Signed(i) => format!("integer `{}`", i),
        Float(f) => {
            let mut text = String::from(js_sys::Number::from(f).to_string_with_radix(10).unwrap_or_default());
            if f.is_finite() && !text.contains(['.', 'e']) {
                text.push_str(".0");
            }
            format!("floating point `{}`", text)
        }
        Char(c) => format!("character `{}`", c),
        Str(s) => format!("string {:?}", s),
        Bytes(_) => "byte array".to_owned(),
        Unit => "unit value".to_owned(),
        Option => "Option value".to_owned(),
        NewtypeStruct => "newtype struct".to_owned(),
        Seq => "sequence".to_owned(),
        Map => "map".to_owned(),
        Enum => "enum".to_owned(),
        UnitVariant => "unit variant".to_owned(),
        NewtypeVariant => "newtype variant".to_owned(),
        TupleVariant => "tuple variant".to_owned(),
        StructVariant => "struct variant".to_owned(),
        Other(other) => other.to_owned(),
    }
}

/// This conversion is needed for `?` to just work when using wasm-bindgen
/// imports that return JavaScript exceptions as `Result<T, JsValue>`.
impl From<JsValue> for Error {
    fn from(error: JsValue) -> Error {
        Error(error)
    }
}

// This conversion is needed for `?` to just work in wasm-bindgen exports
// that return `Result<T, JsValue>` to throw JavaScript exceptions.
impl From<Error> for JsValue {
    fn from(error: Error) -> JsValue {
        error.0
    }
}
