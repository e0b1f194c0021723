//! Hand-offs to the desks (issue 14, points 1 and 2): the USITT ASCII file read back by a
//! strict reader written from the spec, the QLab OSC messages decoded from a local UDP
//! socket and compared with their text form, hostile scene text in both, and the loader's
//! checks of the hand-off fields.

use crate::common::{load_scene, load_scene_text, oner, read, repo, scene_file};
use oner::cuesheet::{self, Cue};
use oner::model::Department;
use std::collections::BTreeMap;

// ---------------------------------------------------------------------------------------
// A strict USITT ASCII 3.0 reader, written from the spec, not from oner's writer.

/// One cue as the strict reader sees it.
#[derive(Debug, Default, Clone, PartialEq)]
struct ReadCue {
    number: String,
    list: Option<String>,
    text: Option<String>,
    up: ReadFade,
    down: ReadFade,
    follow_on: Option<f64>,
    link: Option<String>,
    parts: Vec<ReadPart>,
}

/// A fade as read: time and delay, seconds.
type ReadFade = Option<(f64, f64)>;
/// A later part: its number, text, up and down.
type ReadPart = (u32, Option<String>, ReadFade, ReadFade);

/// A time as the spec writes it: seconds (`2.5`) or minutes and seconds (`1:30`).
fn time(token: &str) -> Result<f64, String> {
    let bad = || format!("bad time `{token}`");
    let (minutes, seconds) = match token.split_once(':') {
        Some((m, s)) => (m.parse::<u32>().map_err(|_| bad())?, s),
        None => (0, token),
    };
    if !seconds.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(bad());
    }
    let seconds: f64 = seconds.parse().map_err(|_| bad())?;
    if token.contains(':') && seconds >= 60.0 {
        return Err(bad());
    }
    Ok(f64::from(minutes) * 60.0 + seconds)
}

/// A cue number a desk takes: digits, optionally a point and up to three digits.
fn desk_number(token: &str) -> Result<(), String> {
    let (whole, fraction) = token.split_once('.').unwrap_or((token, "0"));
    let ok = !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && !fraction.is_empty()
        && fraction.len() <= 3
        && fraction.bytes().all(|b| b.is_ascii_digit());
    ok.then_some(())
        .ok_or(format!("`{token}` is not a decimal cue number"))
}

/// Reads a USITT ASCII file strictly: ASCII only, CR LF line ends, lines of at most 80
/// characters, every line a comment, blank, or a known keyword with the right arguments,
/// `IDENT 3:0` the first keyword, secondary keywords only inside a cue, `ENDDATA` last.
fn read_usitt(file: &str) -> Result<(BTreeMap<&'static str, String>, Vec<ReadCue>), String> {
    if !file.is_ascii() {
        return Err("not ASCII".into());
    }
    let body = file
        .strip_suffix("\r\n")
        .ok_or("the file does not end with CR LF")?;
    let mut header = BTreeMap::new();
    let mut cues: Vec<ReadCue> = Vec::new();
    let mut ended = false;
    let mut seen_ident = false;
    let mut in_part: Option<usize> = None;
    for (n, raw_line) in body.split("\r\n").enumerate() {
        let at = |m: String| format!("line {}: {m}: {raw_line:?}", n + 1);
        if raw_line.contains('\r') || raw_line.contains('\n') {
            return Err(at("a bare CR or LF".into()));
        }
        if raw_line.len() > 80 {
            return Err(at(format!("{} characters", raw_line.len())));
        }
        if raw_line
            .bytes()
            .any(|b| b < 0x20 && b != b'\t' || b == 0x7f)
        {
            return Err(at("a control character".into()));
        }
        if ended {
            return Err(at("data after ENDDATA".into()));
        }
        // `!` starts a comment anywhere on a line.
        let line = raw_line.split('!').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (keyword, rest) = line.split_once(' ').unwrap_or((line, ""));
        let rest = rest.trim();
        let args: Vec<&str> = rest.split_whitespace().collect();
        let keyword = keyword.to_ascii_uppercase();
        if !seen_ident && keyword != "IDENT" {
            return Err(at("the first keyword is not IDENT".into()));
        }
        let current = cues.last_mut();
        match (keyword.as_str(), current) {
            ("IDENT", _) => {
                if args != ["3:0"] || seen_ident {
                    return Err(at("IDENT must be 3:0, once".into()));
                }
                seen_ident = true;
            }
            ("MANUFACTURER" | "CONSOLE", _) => {
                if rest.is_empty() {
                    return Err(at(format!("{keyword} without a value")));
                }
                header.insert(
                    if keyword == "CONSOLE" {
                        "console"
                    } else {
                        "manufacturer"
                    },
                    rest.to_string(),
                );
            }
            ("CLEAR", _) => {
                if args.is_empty() || args.len() > 2 {
                    return Err(at("CLEAR takes what to clear".into()));
                }
                header.insert("clear", rest.to_string());
            }
            ("ENDDATA", _) => {
                if !args.is_empty() {
                    return Err(at("ENDDATA takes nothing".into()));
                }
                ended = true;
            }
            ("CUE", _) => {
                if args.is_empty() || args.len() > 2 {
                    return Err(at("CUE takes a number and an optional list".into()));
                }
                desk_number(args[0]).map_err(at)?;
                if let Some(list) = args.get(1) {
                    desk_number(list).map_err(at)?;
                }
                in_part = None;
                cues.push(ReadCue {
                    number: args[0].to_string(),
                    list: args.get(1).map(|s| s.to_string()),
                    ..ReadCue::default()
                });
            }
            (secondary, Some(cue)) => {
                let fade = |args: &[&str]| -> Result<(f64, f64), String> {
                    match args {
                        [t] => Ok((time(t)?, 0.0)),
                        [t, d] => Ok((time(t)?, time(d)?)),
                        _ => Err("a fade takes a time and an optional delay".into()),
                    }
                };
                let part = in_part.map(|i| &mut cue.parts[i]);
                match (secondary, part) {
                    ("TEXT", None) => cue.text = Some(rest.to_string()),
                    ("TEXT", Some(p)) => p.1 = Some(rest.to_string()),
                    ("UP", None) => cue.up = Some(fade(&args).map_err(at)?),
                    ("UP", Some(p)) => p.2 = Some(fade(&args).map_err(at)?),
                    ("DOWN", None) => cue.down = Some(fade(&args).map_err(at)?),
                    ("DOWN", Some(p)) => p.3 = Some(fade(&args).map_err(at)?),
                    ("FOLLOWON", _) => {
                        let [t] = args[..] else {
                            return Err(at("FOLLOWON takes one time".into()));
                        };
                        cue.follow_on = Some(time(t).map_err(at)?);
                    }
                    ("LINK", _) => {
                        let [n] = args[..] else {
                            return Err(at("LINK takes one cue".into()));
                        };
                        desk_number(n).map_err(at)?;
                        cue.link = Some(n.to_string());
                    }
                    ("PART", _) => {
                        let [p] = args[..] else {
                            return Err(at("PART takes one number".into()));
                        };
                        let p: u32 = p.parse().map_err(|_| at("bad part".into()))?;
                        if !(1..=99).contains(&p) {
                            return Err(at("part out of range".into()));
                        }
                        cue.parts.push((p, None, None, None));
                        in_part = Some(cue.parts.len() - 1);
                    }
                    _ => return Err(at(format!("unknown keyword {secondary}"))),
                }
            }
            (other, None) => return Err(at(format!("{other} outside a cue"))),
        }
    }
    if !ended {
        return Err("no ENDDATA".into());
    }
    Ok((header, cues))
}

/// The LX cues of a scene as the cue sheet numbers them.
fn sheet_lx(scene: &oner::model::Scene) -> Vec<Cue> {
    let sim = oner::sim::Simulation::new(scene);
    cuesheet::cue_list(scene, &sim)
        .into_iter()
        .filter(|c| c.dept == Department::Lighting)
        .collect()
}

fn usitt_of(path: &std::path::Path) -> String {
    let out = oner(&["cues", "--format", "usitt", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn both_bundled_scenes_read_back_with_the_sheets_numbers_and_labels() {
    for name in ["scenes/tutorial.ron", "scenes/we-cry-together.ron"] {
        let file = usitt_of(&repo(name));
        let (header, cues) = read_usitt(&file).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(header["manufacturer"], "oner");
        assert_eq!(header["clear"], "CUES");
        let scene = load_scene(name);
        let lx = sheet_lx(&scene);
        assert!(!lx.is_empty());
        let numbers: Vec<&str> = cues.iter().map(|c| c.number.as_str()).collect();
        let sheet: Vec<&str> = lx.iter().map(|c| c.number.as_str()).collect();
        assert_eq!(numbers, sheet, "{name}: the desk's numbers are the sheet's");
        for (read, cue) in cues.iter().zip(&lx) {
            assert_eq!(read.text.as_deref(), Some(cue.what.as_str()), "{name}");
            assert_eq!((read.up, read.down, read.follow_on), (None, None, None));
        }
    }
}

#[test]
fn build_writes_the_desk_files_the_cues_command_prints() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let scene = "scenes/tutorial.ron";
    oner(&["build", scene, "-o", out.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(read(&out.join("cues-lx.asc")), usitt_of(&repo(scene)));
    let qlab = oner(&["cues", "--format", "qlab-osc", scene])
        .output()
        .unwrap();
    assert_eq!(read(&out.join("cues-qlab.txt")).as_bytes(), qlab.stdout);
    let timed = oner(&["cues", "--format", "qlab-osc", "--timed", scene])
        .output()
        .unwrap();
    assert_eq!(
        read(&out.join("cues-qlab-timed.txt")).as_bytes(),
        timed.stdout
    );
}

/// The tutorial with desk fields and hostile labels on extra cues.
fn hostile_scene() -> String {
    let long = format!("{} end", "Long label with words ".repeat(23));
    assert!(long.chars().count() >= 500);
    let first =
        "(at: \"0:00\", do: Cue(dept: Lighting, number: \"1\", what: \"Morning state up\")),\n";
    let extra = format!(
        r#"{first}        (at: "0:01", do: Cue(dept: Lighting, number: "1.5", what: "Quote \"q\" and ! bang | pipe\nnew line /cue/1/start ; , @ < = > \\ back", up: 2.5, down: 4.0, down_delay: 1.0)),
        (at: "0:03", do: Cue(dept: Lighting, what: "{long}", follows: true)),
        (at: "0:04", do: Cue(dept: Lighting, number: "1A", what: "Café “ünïcode” 灯 — ok\u{{202e}}rtl\u{{7}}", link: "2", up: 90.0)),
        (at: "0:05", do: Cue(dept: Lighting, number: "house", what: "House to half", list: 2, up: 5999.0)),
        (at: "0:06", do: Cue(dept: Lighting, number: "1.5", what: "Second part!", part: 2, up: 1.0, up_delay: 0.5)),
        (at: "0:07", do: Cue(dept: Sound, what: "/new \"audio\" ! | \"", qlab: "audio")),
        (at: "0:08", do: Cue(dept: Sound, what: "{long}")),
"#
    );
    let text = read(&repo("scenes/tutorial.ron"));
    assert!(text.contains(first));
    text.replacen(first, &extra, 1)
}

#[test]
fn hostile_labels_and_desk_fields_read_back_strictly() {
    let text = hostile_scene();
    let scene = load_scene_text("hostile.ron", &text);
    let (_dir, path) = scene_file("hostile.ron", &text);
    let file = usitt_of(&path);
    let (_, cues) = read_usitt(&file).unwrap_or_else(|e| panic!("{e}\n{file}"));
    let by_number: BTreeMap<(&str, Option<&str>), &ReadCue> = cues
        .iter()
        .map(|c| ((c.number.as_str(), c.list.as_deref()), c))
        .collect();
    assert_eq!(cues.len(), by_number.len(), "no cue number twice in a list");
    // The sheet's numbers: 1, 1.5, 1.6 (unnumbered), 1A, house, 1.5 (part 2), 2.
    let lx = sheet_lx(&scene);
    let sheet: Vec<&str> = lx.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(sheet, ["1", "1.5", "1.6", "1A", "house", "1.5", "2"]);
    let numbers: Vec<(&str, Option<&str>)> = cues
        .iter()
        .map(|c| (c.number.as_str(), c.list.as_deref()))
        .collect();
    // 1A and house are no desk numbers: the first free number after the cue before.
    assert_eq!(
        numbers,
        [
            ("1", None),
            ("1.5", None),
            ("1.6", None),
            ("1.7", None),
            ("1", Some("2")),
            ("2", None)
        ]
    );
    assert!(file.contains("! LX 1A is desk cue 1.7"), "{file}");
    // LX 1.5 has a second part, so it is a multipart cue and its own timing is part 1's.
    let quote = by_number[&("1.5", None)];
    assert_eq!((quote.up, quote.down), (None, None));
    assert_eq!(quote.parts.len(), 2);
    let (part, text, up, down) = &quote.parts[0];
    assert_eq!((*part, text.as_deref()), (1, None));
    assert_eq!(*up, Some((2.5, 0.0)));
    assert_eq!(*down, Some((4.0, 1.0)));
    // The unnumbered cue follows 2 s after LX 1.5's GO.
    assert_eq!(quote.follow_on, Some(2.0));
    let text = quote.text.as_deref().unwrap();
    assert!(!text.contains('!') && text.contains("\"q\"") && text.contains("| pipe"));
    assert!(text.contains("new line /cue/1/start"), "{text}");
    let (part, part_text, up, _) = &quote.parts[1];
    assert_eq!((*part, part_text.as_deref()), (2, Some("Second part.")));
    assert_eq!(*up, Some((1.0, 0.5)));
    let long = by_number[&("1.6", None)].text.as_deref().unwrap();
    assert!(long.len() <= 75 && long.ends_with("..."), "{long}");
    let unicode = by_number[&("1.7", None)];
    assert_eq!(unicode.text.as_deref(), Some("Cafe \"unicode\" ? - okrtl"));
    assert_eq!(unicode.link.as_deref(), Some("2"));
    assert_eq!(unicode.up, Some((90.0, 0.0)));
    assert_eq!(by_number[&("1", Some("2"))].up, Some((5999.0, 0.0)));
    // The whole long label survives in the comments.
    let comments: String = file
        .lines()
        .filter_map(|l| l.strip_prefix("! "))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(comments.matches("Long label with words").count(), 23);
}

#[test]
fn the_usitt_file_is_byte_identical_run_to_run() {
    let text = hostile_scene();
    let (_dir, path) = scene_file("hostile.ron", &text);
    assert_eq!(usitt_of(&path), usitt_of(&path));
}

// ---------------------------------------------------------------------------------------
// QLab over OSC.

/// One message read back from the text form: the address and its arguments.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Str(String),
    Float(f32),
    Int(i32),
}

/// Parses one line of the plain-text OSC form: an address, then arguments separated by
/// spaces, strings in double quotes with `\"` and `\\`, numbers with a point floats.
fn parse_line(line: &str) -> Result<(String, Vec<Value>), String> {
    let (address, mut rest) = line.split_once(' ').unwrap_or((line, ""));
    if !address.starts_with('/') || address.contains('"') {
        return Err(format!("bad address in {line:?}"));
    }
    let mut args = Vec::new();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('"') {
            let mut s = String::new();
            let mut chars = after.char_indices();
            let mut end = None;
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => match chars.next() {
                        Some((_, e @ ('"' | '\\'))) => s.push(e),
                        _ => return Err(format!("bad escape in {line:?}")),
                    },
                    '"' => {
                        end = Some(i + 1);
                        break;
                    }
                    _ => s.push(c),
                }
            }
            let end = end.ok_or_else(|| format!("unterminated string in {line:?}"))?;
            args.push(Value::Str(s));
            rest = &after[end..];
        } else {
            let (token, after) = rest.split_once(' ').unwrap_or((rest, ""));
            args.push(if token.contains('.') {
                Value::Float(token.parse().map_err(|_| format!("bad float {token}"))?)
            } else {
                Value::Int(token.parse().map_err(|_| format!("bad int {token}"))?)
            });
            rest = after;
            continue;
        }
        rest = match rest.strip_prefix(' ') {
            Some(r) => r,
            None if rest.is_empty() => rest,
            None => return Err(format!("no space after an argument in {line:?}")),
        };
    }
    Ok((address.to_string(), args))
}

fn decoded(bytes: &[u8]) -> (String, Vec<Value>) {
    let (_, packet) = rosc::decoder::decode_udp(bytes).expect("an OSC packet");
    let rosc::OscPacket::Message(m) = packet else {
        panic!("not a message")
    };
    let args = m
        .args
        .into_iter()
        .map(|a| match a {
            rosc::OscType::String(s) => Value::Str(s),
            rosc::OscType::Float(f) => Value::Float(f),
            rosc::OscType::Int(i) => Value::Int(i),
            other => panic!("unexpected argument {other:?}"),
        })
        .collect();
    (m.addr, args)
}

/// Runs `oner cues --send-osc` at a local UDP socket and returns what arrived, decoded.
fn receive(scene: &std::path::Path, extra: &[&str]) -> Vec<(String, Vec<Value>)> {
    let socket = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    socket
        .set_read_timeout(Some(std::time::Duration::from_millis(500)))
        .unwrap();
    let target = socket.local_addr().unwrap().to_string();
    let mut args = vec!["cues", "--send-osc", &target, scene.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = oner(&args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut got = Vec::new();
    let mut buf = [0u8; 65_536];
    while let Ok(n) = socket.recv(&mut buf) {
        got.push(decoded(&buf[..n]));
    }
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(&format!("sent {} OSC messages", got.len())),
        "{said}"
    );
    got
}

fn text_form(scene: &std::path::Path, extra: &[&str]) -> Vec<(String, Vec<Value>)> {
    let mut args = vec!["cues", "--format", "qlab-osc", scene.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = oner(&args).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| parse_line(l).unwrap())
        .collect()
}

#[test]
fn what_is_sent_is_what_the_text_form_says() {
    for timed in [false, true] {
        let extra: &[&str] = if timed { &["--timed"] } else { &[] };
        for scene in ["scenes/tutorial.ron", "scenes/we-cry-together.ron"] {
            let sent = receive(&repo(scene), extra);
            assert!(!sent.is_empty());
            assert_eq!(sent, text_form(&repo(scene), extra), "{scene}");
        }
    }
}

#[test]
fn qlab_gets_one_cue_per_called_cue_in_time_order() {
    let scene = load_scene("scenes/we-cry-together.ron");
    let sim = oner::sim::Simulation::new(&scene);
    let called: Vec<Cue> = cuesheet::cue_list(&scene, &sim)
        .into_iter()
        .filter(|c| c.called)
        .collect();
    let sent = receive(&repo("scenes/we-cry-together.ron"), &["--timed"]);
    let news = sent.iter().filter(|(a, _)| a == "/new").count();
    assert_eq!(news, called.len());
    let numbers: Vec<&Value> = sent
        .iter()
        .filter(|(a, _)| a == "/cue/selected/number")
        .map(|(_, v)| &v[0])
        .collect();
    for (n, cue) in numbers.iter().zip(&called) {
        assert_eq!(**n, Value::Str(cue.label()));
    }
    // The pre-waits add up to each cue's time, to the millisecond.
    let mut clock = 0.0f64;
    let waits: Vec<f64> = sent
        .iter()
        .filter(|(a, _)| a == "/cue/selected/preWait")
        .map(|(_, v)| match v[0] {
            Value::Float(f) => f64::from(f),
            _ => panic!("preWait is a float"),
        })
        .collect();
    for (wait, cue) in waits.iter().zip(&called) {
        clock += wait;
        assert!(
            (clock - cue.at.seconds()).abs() < 0.001,
            "{} {clock}",
            cue.label()
        );
    }
    let continues = sent
        .iter()
        .filter(|(a, v)| a == "/cue/selected/continueMode" && v == &[Value::Int(1)])
        .count();
    assert_eq!(
        continues,
        called.len() - 1,
        "every cue but the last continues"
    );
}

#[test]
fn hostile_labels_stay_one_argument_of_one_message() {
    let text = hostile_scene();
    let (_dir, path) = scene_file("hostile.ron", &text);
    let sent = receive(&path, &[]);
    assert_eq!(sent, text_form(&path, &[]));
    for (address, args) in &sent {
        assert!(address.starts_with("/new") || address.starts_with("/cue/selected/"));
        assert_eq!(args.len(), 1, "{address}");
    }
    let names: Vec<&Value> = sent
        .iter()
        .filter(|(a, _)| a == "/cue/selected/name")
        .map(|(_, v)| &v[0])
        .collect();
    assert!(names.contains(&&Value::Str("/new \"audio\" ! | \"".into())));
    assert!(names.contains(&&Value::Str(
        "Quote \"q\" and ! bang | pipe new line /cue/1/start ; , @ < = > \\ back".into()
    )));
    // 500 characters and more stay one string of one message.
    let long = format!("{} end", "Long label with words ".repeat(23));
    let long = long.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(long.len() >= 500);
    assert!(names.contains(&&Value::Str(long)));
    // The sound cue asked for an audio cue; the rest are memos. The follow and part 2 are
    // run by the desk, so they are not called and not in QLab.
    let types: Vec<&Value> = sent
        .iter()
        .filter(|(a, _)| a == "/new")
        .map(|(_, v)| &v[0])
        .collect();
    assert_eq!(
        types
            .iter()
            .filter(|t| ***t == Value::Str("audio".into()))
            .count(),
        1
    );
    let long_ones = names
        .iter()
        .filter(|n| matches!(n, Value::Str(s) if s.starts_with("Long label")))
        .count();
    assert_eq!(
        long_ones, 1,
        "the sound cue, not the lighting cue that follows"
    );
    assert!(!names.contains(&&Value::Str("Second part!".into())));
}

#[test]
fn dry_run_prints_the_text_form_and_sends_nothing() {
    let scene = repo("scenes/tutorial.ron");
    let socket = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    socket
        .set_read_timeout(Some(std::time::Duration::from_millis(200)))
        .unwrap();
    let target = socket.local_addr().unwrap().to_string();
    let dry = oner(&[
        "cues",
        "--send-osc",
        &target,
        "--dry-run",
        "--timed",
        scene.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(dry.status.success());
    let file = oner(&[
        "cues",
        "--format",
        "qlab-osc",
        "--timed",
        scene.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert_eq!(dry.stdout, file.stdout);
    let mut buf = [0u8; 1024];
    assert!(socket.recv(&mut buf).is_err(), "a dry run sends nothing");
}

#[test]
fn send_errors_are_diagnostics_not_panics() {
    let scene = repo("scenes/tutorial.ron");
    let scene = scene.to_str().unwrap();
    // A port with nothing listening: bind one, note it, close it.
    let closed = {
        let s = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        s.local_addr().unwrap().to_string()
    };
    for (target, says) in [
        ("host.invalid:53000", "cannot resolve"),
        ("127.0.0.1", "cannot resolve"),
        ("127.0.0.1:notaport", "cannot resolve"),
        (closed.as_str(), "refused"),
    ] {
        let out = oner(&["cues", "--send-osc", target, scene])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{target}: {stderr}");
        assert!(
            stderr.contains(says) && !stderr.contains("panicked"),
            "{target}: {stderr}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// The loader's checks of the hand-off fields.

/// The codes and messages of loading the tutorial with one extra cue.
fn load_with(cue: &str) -> Vec<(String, String)> {
    let text = read(&repo("scenes/tutorial.ron")).replacen(
        "timeline: [\n",
        &format!("timeline: [\n        (at: \"0:01\", do: {cue}),\n"),
        1,
    );
    let file = oner::source::SourceFile::new("t.ron", &text);
    oner::load::load(&file)
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.code.to_string(), d.message.clone()))
        .collect()
}

#[test]
fn desk_fields_in_range_load_and_out_of_range_do_not() {
    let clean = [
        "Cue(dept: Lighting, what: \"x\", up: 0.0, down: 5999.0, up_delay: 0.0, down_delay: 5999.0)",
        "Cue(dept: Lighting, what: \"x\", part: 20, list: 999, link: \"12.125\")",
        "Cue(dept: Lighting, what: \"x\", part: 1, list: 1, follows: true, called: false)",
        "Cue(dept: Sound, what: \"x\", qlab: \"audio\")",
    ];
    for cue in clean {
        assert_eq!(load_with(cue), [], "{cue}");
    }
    let bad = [
        // Subtle: just past the limits.
        ("Cue(dept: Lighting, what: \"x\", up: 5999.01)", "S006"),
        ("Cue(dept: Lighting, what: \"x\", down: -0.01)", "S006"),
        (
            "Cue(dept: Lighting, what: \"x\", up: 1.0, up_delay: -0.001)",
            "S006",
        ),
        ("Cue(dept: Lighting, what: \"x\", part: 21)", "S006"),
        ("Cue(dept: Lighting, what: \"x\", part: 0)", "S006"),
        ("Cue(dept: Lighting, what: \"x\", list: 1000)", "S006"),
        (
            "Cue(dept: Lighting, what: \"x\", link: \"12.1255\")",
            "S011",
        ),
        // Blatant.
        ("Cue(dept: Lighting, what: \"x\", up: NaN)", "S006"),
        ("Cue(dept: Lighting, what: \"x\", down: inf)", "S006"),
        ("Cue(dept: Lighting, what: \"x\", up: 1e308)", "S006"),
        ("Cue(dept: Lighting, what: \"x\", down_delay: 2.0)", "S011"),
        ("Cue(dept: Lighting, what: \"x\", link: \"4A\")", "S011"),
        ("Cue(dept: Sound, what: \"x\", up: 2.0)", "S011"),
        ("Cue(dept: Camera, what: \"x\", follows: false)", "S011"),
        (
            "Cue(dept: Lighting, what: \"x\", follows: true, called: true)",
            "S011",
        ),
        ("Cue(dept: Sound, what: \"x\", qlab: \"Memo\")", "S011"),
    ];
    for (cue, code) in bad {
        let found = load_with(cue);
        assert_eq!(found.len(), 1, "{cue}: {found:?}");
        assert_eq!(found[0].0, code, "{cue}: {found:?}");
    }
}

#[test]
fn a_follow_is_not_called_and_a_later_part_runs_on_its_cues_go() {
    let text = hostile_scene();
    let scene = load_scene_text("hostile.ron", &text);
    let lx = sheet_lx(&scene);
    let called: Vec<(&str, bool)> = lx.iter().map(|c| (c.number.as_str(), c.called)).collect();
    assert_eq!(
        called,
        [
            ("1", true),
            ("1.5", true),
            ("1.6", false),
            ("1A", true),
            ("house", true),
            ("1.5", false),
            ("2", true)
        ]
    );
}

#[test]
fn a_cue_with_no_free_desk_number_is_named_not_dropped_silently() {
    let text = read(&repo("scenes/tutorial.ron")).replacen(
        "timeline: [\n",
        "timeline: [\n        (at: \"0:01\", do: Cue(dept: Lighting, number: \"1.001\", what: \"a\")),\n        (at: \"0:02\", do: Cue(dept: Lighting, what: \"squeezed\")),\n        (at: \"0:03\", do: Cue(dept: Lighting, number: \"1.002\", what: \"b\")),\n",
        1,
    );
    let (_dir, path) = scene_file("squeeze.ron", &text);
    let file = usitt_of(&path);
    let (_, cues) = read_usitt(&file).unwrap_or_else(|e| panic!("{e}\n{file}"));
    let numbers: Vec<&str> = cues.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(numbers, ["1", "1.001", "1.002", "2"]);
    assert!(
        file.contains("! LX 1.001A at 0:02 is not in this file"),
        "{file}"
    );
}

#[test]
fn a_first_cue_that_follows_waits_for_go_and_calls_have_no_desk_form() {
    let text = read(&repo("scenes/tutorial.ron")).replacen(
        "what: \"Morning state up\")",
        "what: \"Morning state up\", follows: true, list: 4)",
        1,
    );
    let (_dir, path) = scene_file("follows.ron", &text);
    let file = usitt_of(&path);
    let (_, cues) = read_usitt(&file).unwrap_or_else(|e| panic!("{e}\n{file}"));
    assert_eq!(cues[0].list.as_deref(), Some("4"));
    assert!(cues.iter().all(|c| c.follow_on.is_none()), "{file}");
    assert!(
        file.contains("! follows, but no cue comes before it in its list"),
        "{file}"
    );
    for format in ["usitt", "qlab-osc"] {
        let out = oner(&[
            "cues",
            "--calls",
            "--format",
            format,
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("--format {format} has no calling script")),
            "{stderr}"
        );
    }
}
