//! `oner serve`: the playback page, the plans and the diagnostics on localhost, rebuilt in
//! memory on each save, with the browser told to reload over server-sent events.
//!
//! [`state`] makes what is served from a scene's text (the library's checker and renderers,
//! nothing of its own), [`moment`] finds where and when on the take each diagnostic
//! happens, and [`http`] only answers requests with the current [`state::Snapshot`]. The
//! page's overlay and reload listener (`live.js`, `live.css`) are added to the playback
//! page through its [`Hooks`](crate::play::html::Hooks); `play.html` itself is unchanged.

pub mod http;
pub mod moment;
pub mod state;
