//! The one integration test binary (one link, many modules): each module a topic.

mod common;

mod build;
mod check;
mod ci_formats;
mod cues;
mod fmt;
mod fuzz_findings;
mod gallery;
mod handoff_desk;
mod handoff_editors;
mod lsp;
mod new;
mod pack;
mod plan;
mod plan_labels;
mod play;
mod previz;
mod prose;
mod reliability;
mod serve;
mod shell;
mod shots;
mod study;
