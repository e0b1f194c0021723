//! Scene text through `check_source` (load, simulate, every rule), and every diagnostic
//! through the human and JSON renderers. Fast: run it long.

#![no_main]

use libfuzzer_sys::fuzz_target;
use oner::source::SourceFile;

fuzz_target!(|data: &[u8]| {
    // As the CLI reads a file: invalid UTF-8 is replaced (and reported there).
    let text = String::from_utf8_lossy(data);
    let file = SourceFile::new("fuzz.ron", text.as_ref());
    let Ok(diagnostics) = oner::check::check_source(&file, &[]) else {
        return;
    };
    for diagnostic in &diagnostics {
        let human = oner::diagnostic::human::render_plain(diagnostic, &file);
        assert!(
            human.contains(diagnostic.code),
            "the human form lost the code: {human}"
        );
        let json = serde_json::to_string(&oner::diagnostic::json::to_json(diagnostic, &file))
            .unwrap_or_else(|e| panic!("diagnostic JSON: {e}"));
        oner_fuzz::oracle::json("diagnostic", &json);
    }
});
