//! `oner completions` and `oner man`: generated from the clap definitions, for every
//! command; the bash script loads in a real bash.

use crate::common::oner;

const COMMANDS: &[&str] = &[
    "check",
    "at",
    "rules",
    "explain",
    "plan",
    "cues",
    "timeline",
    "graph",
    "play",
    "stats",
    "build",
    "new",
    "completions",
    "man",
    "fmt",
    "lsp",
];

fn stdout_of(args: &[&str]) -> String {
    let out = oner(args).output().expect("run oner");
    assert_eq!(out.status.code(), Some(0), "oner {args:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn completion_scripts_name_every_command_and_option() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell]);
        for command in COMMANDS {
            assert!(script.contains(command), "{shell} script lacks `{command}`");
        }
        assert!(script.contains("deny-warnings"), "{shell}: check's options");
        // PowerShell's and elvish's scripts complete option names, not their values.
        if matches!(shell, "bash" | "zsh" | "fish") {
            assert!(script.contains("sarif"), "{shell}: --format's values");
        }
    }
    let bash = stdout_of(&["completions", "bash"]);
    assert!(
        bash.contains("complete -F _oner"),
        "bash registers its function"
    );
    oner(&["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_bash_script_loads_in_bash() {
    let Ok(bash) = which_bash() else { return };
    let script = stdout_of(&["completions", "bash"]);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("oner.bash");
    std::fs::write(&path, script).expect("write");
    let out = std::process::Command::new(bash)
        .args(["--norc", "-c", "source \"$1\" && complete -p oner", "bash"])
        .arg(&path)
        .output()
        .expect("run bash");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("-F _oner oner"));
}

/// Bash, where the machine has it (every Linux CI machine does; the e2e script insists).
fn which_bash() -> Result<std::path::PathBuf, ()> {
    ["/bin/bash", "/usr/bin/bash"]
        .iter()
        .map(std::path::PathBuf::from)
        .find(|p| p.is_file())
        .ok_or(())
}

#[test]
fn the_man_page_lists_every_command_and_each_has_its_own() {
    let page = stdout_of(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH oner 1"),
        "{page}"
    );
    assert!(page.contains(".TH oner 1"));
    for command in COMMANDS {
        assert!(
            page.contains(&format!("oner\\-{}", command.replace('-', "\\-"))),
            "{command}"
        );
        let own = stdout_of(&["man", command]);
        let title = format!(
            ".TH oner-{command} 1  \"oner {}\"",
            env!("CARGO_PKG_VERSION")
        );
        assert!(
            own.lines().any(|l| l.trim_end() == title),
            "{command}: {own}"
        );
    }
    let check = stdout_of(&["man", "check"]);
    assert!(check.contains("deny\\-warnings"));
    oner(&["man", "no-such-command"]).assert().code(2);
}

#[test]
fn man_dir_writes_every_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("man1");
    oner(&["man", "--dir", target.to_str().expect("path")])
        .assert()
        .code(0);
    assert!(target.join("oner.1").is_file());
    for command in COMMANDS {
        let page = std::fs::read_to_string(target.join(format!("oner-{command}.1")))
            .unwrap_or_else(|e| panic!("oner-{command}.1: {e}"));
        assert_eq!(page, stdout_of(&["man", command]));
    }
}
