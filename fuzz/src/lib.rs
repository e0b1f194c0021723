//! Shared pieces of oner's fuzz targets: the hostile text planted in scenes and the
//! oracles that read every output back. A failed oracle panics, which libFuzzer reports as
//! a crash with the input that caused it.

pub mod hostile;
pub mod oracle;
