//! Small adapters to browser APIs, so everything else stays testable natively.

pub mod build_meta;
pub mod buyer_module;
pub mod clock;
pub mod data_file;
pub mod download;
pub mod file_import;
pub mod focus;
pub mod json;
pub mod service_worker;
pub mod storage;
pub mod verifier;
pub mod worker_pool;
