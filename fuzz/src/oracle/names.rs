//! Output file names: made only of safe characters, relative, unique, and such that the
//! build's manifest lists them one a line.

use oner::output::OutputFile;

/// Checks every name of one build's files.
pub fn check(files: &[OutputFile]) {
    let mut seen = std::collections::BTreeSet::new();
    for file in files {
        let name = file.name.as_str();
        assert!(seen.insert(name), "`{name}`: two files of that name");
        one(name);
    }
    // The manifest lists every file, one name a line: a name with a newline would split.
    let manifest = oner::build::manifest(files);
    let listed: std::collections::BTreeSet<&str> = manifest.lines().collect();
    assert_eq!(
        listed, seen,
        "the manifest does not list the names one a line: {manifest:?}"
    );
}

/// One relative name: `plan.svg`, `beats/01-arrival.svg`.
pub fn one(name: &str) {
    assert!(
        !name.is_empty() && !name.starts_with('/'),
        "unsafe file name {name:?}"
    );
    for part in name.split('/') {
        assert!(
            !part.is_empty() && part != "." && part != ".." && part.len() <= 255,
            "unsafe file name {name:?}"
        );
        assert!(
            part.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')),
            "unsafe character in file name {name:?}"
        );
    }
}
