//! Shared machinery of the resolution pass: id namespaces with "did you mean", and checked
//! conversions of times, numbers and points that report what is wrong and where.

use super::codes;
use crate::diagnostic::Diagnostic;
use crate::geometry::Point;
use crate::locate::{SourcePath, SpanIndex};
use crate::model::RuleLevel;
use crate::raw;
use crate::rules::Level;
use crate::time::{self, FrameRate, Time};
use std::collections::HashMap;
use std::ops::RangeInclusive;

/// Coordinates beyond ±10 km are typos, not sets.
pub const COORDINATE_LIMIT: f64 = 10_000.0;

/// The closest candidate to `word`, if one is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::damerau_levenshtein(&word_lower, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(distance, c)| {
            let longest = word.chars().count().max(c.chars().count());
            *distance <= (longest / 3).max(1) && *distance < longest
        })
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

/// The ids of one kind of thing (rooms, marks, …), for resolving references.
#[derive(Debug)]
pub struct Namespace<Id> {
    pub kind: &'static str,
    ids: HashMap<String, Id>,
    order: Vec<String>,
}

impl<Id: Copy> Namespace<Id> {
    pub fn new(kind: &'static str) -> Namespace<Id> {
        Namespace {
            kind,
            ids: HashMap::new(),
            order: Vec::new(),
        }
    }

    /// Adds an id; returns false if it was already there.
    pub fn insert(&mut self, id: &str, handle: Id) -> bool {
        if self.ids.contains_key(id) {
            return false;
        }
        self.ids.insert(id.to_string(), handle);
        self.order.push(id.to_string());
        true
    }

    pub fn get(&self, id: &str) -> Option<Id> {
        self.ids.get(id).copied()
    }

    pub fn names(&self) -> impl Iterator<Item = &str> + Clone {
        self.order.iter().map(String::as_str)
    }
}

pub struct Resolver<'a> {
    pub spans: &'a SpanIndex,
    diagnostics: Vec<Diagnostic>,
    rate: Option<FrameRate>,
    length: Option<Time>,
}

impl<'a> Resolver<'a> {
    pub fn new(spans: &'a SpanIndex) -> Resolver<'a> {
        Resolver {
            spans,
            diagnostics: Vec::new(),
            rate: None,
            length: None,
        }
    }

    /// A resolver for a share of the work on another thread: the same file and settings, no
    /// diagnostics yet. Its diagnostics come back with [`Resolver::absorb`].
    pub fn sibling(&self) -> Resolver<'a> {
        Resolver {
            spans: self.spans,
            diagnostics: Vec::new(),
            rate: self.rate,
            length: self.length,
        }
    }

    /// The diagnostics of a [`Resolver::sibling`], after this one's, as if pushed here.
    pub fn absorb(&mut self, sibling: Resolver) {
        self.diagnostics.extend(sibling.diagnostics);
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Whether an error has been reported: from then on handles may be placeholders, so
    /// nothing that indexes by them (the set graph, the walls, a [`crate::model::Scene`])
    /// may be built.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn finish(self) -> Vec<Diagnostic> {
        let mut diagnostics = self.diagnostics;
        crate::diagnostic::sort_and_dedup(&mut diagnostics);
        diagnostics
    }

    pub fn frame_rate(&self) -> FrameRate {
        self.rate
            .unwrap_or(FrameRate::new(24.0).unwrap_or_else(|| unreachable!()))
    }

    pub fn length(&self) -> Option<Time> {
        self.length
    }

    /// Reads the frame rate and the take's length, which every later time depends on.
    pub fn take_settings(&mut self, raw: &raw::Scene, root: &SourcePath) {
        let path = root.field("frame_rate");
        self.rate = FrameRate::new(raw.frame_rate);
        if self.rate.is_none() {
            let supported: Vec<String> =
                FrameRate::SUPPORTED.iter().map(|r| r.to_string()).collect();
            let d = Diagnostic::error(
                codes::BAD_VALUE,
                format!("unsupported frame rate {}", raw.frame_rate),
            )
            .at(self.spans.span(&path), "not a camera frame rate")
            .note("timecode and frame-accurate checks need a standard rate")
            .help(format!("use one of {}", supported.join(", ")));
            self.push(d);
        }
        let path = root.field("length");
        if let Some(length) = self.time_unbounded(&raw.length, &path, "length of the take") {
            if length.seconds() <= 0.0 || length.seconds() > 24.0 * 3600.0 {
                let d = Diagnostic::error(
                    codes::BAD_NUMBER,
                    "the take's length must be between a frame and 24 hours",
                )
                .at(self.spans.span(&path), "length out of range")
                .help("write the running time of the take, e.g. `length: \"6:10\"`");
                self.push(d);
            } else {
                self.length = Some(length);
            }
        }
        if raw.title.trim().is_empty() {
            let d = Diagnostic::error(codes::BAD_VALUE, "the take has no title")
                .at(self.spans.span(&root.field("title")), "empty title")
                .help("give the scene a title; it heads every plan and cue sheet");
            self.push(d);
        }
    }

    fn time_unbounded(&mut self, text: &str, path: &SourcePath, what: &str) -> Option<Time> {
        match time::parse(text, self.frame_rate()) {
            Ok(t) => Some(t),
            Err(error) => {
                let d = Diagnostic::error(
                    codes::BAD_TIME,
                    format!("cannot read {what} `{text}`: {error}"),
                )
                .at(self.spans.span(path), "not a time")
                .help(format!("write times as {}", time::TIME_FORMS));
                self.push(d);
                None
            }
        }
    }

    /// A time in the take: parses it and checks it is not past the take's end.
    pub fn time(&mut self, text: &str, path: &SourcePath, what: &str) -> Option<Time> {
        let t = self.time_unbounded(text, path, what)?;
        if let Some(length) = self.length
            && t > length
        {
            let d = Diagnostic::error(
                codes::PAST_END,
                format!("{what} {t} is after the take ends at {length}"),
            )
            .at(self.spans.span(path), "past the end of the take")
            .also(
                self.spans.span(&SourcePath::root().field("length")),
                "the take's length",
            )
            .note("nothing can happen after the camera cuts")
            .help("move it earlier, or make the take longer");
            self.push(d);
            return None;
        }
        Some(t)
    }

    /// [`time`](Self::time) of field `field` of the value at `parent`, building the field's
    /// path only when there is something to report: loading reads 100,000 times at scale.
    pub fn time_field(
        &mut self,
        text: &str,
        parent: &SourcePath,
        field: &'static str,
        what: &str,
    ) -> Option<Time> {
        if let Ok(t) = time::parse(text, self.frame_rate())
            && self.length.is_none_or(|length| t <= length)
        {
            return Some(t);
        }
        self.time(text, &parent.field(field), what)
    }

    /// A finite number inside `range`; else S006 naming the quantity and its unit.
    pub fn number(
        &mut self,
        value: f64,
        path: &SourcePath,
        range: RangeInclusive<f64>,
        what: &str,
        unit: &str,
    ) -> Option<f64> {
        if value.is_finite() && range.contains(&value) {
            return Some(value);
        }
        let problem = if value.is_nan() {
            "is not a number (NaN)".to_string()
        } else if value.is_infinite() {
            "is infinite".to_string()
        } else {
            format!("{value} {unit} is out of range")
        };
        let d = Diagnostic::error(codes::BAD_NUMBER, format!("{what} {problem}"))
            .at(self.spans.span(path), "invalid number")
            .help(format!(
                "{what} must be between {} and {} {unit}",
                range.start(),
                range.end()
            ));
        self.push(d);
        None
    }

    /// A point on the plan, both coordinates finite and within ±10 km.
    pub fn point(&mut self, (x, y): raw::RawPoint, path: &SourcePath, what: &str) -> Option<Point> {
        let limit = -COORDINATE_LIMIT..=COORDINATE_LIMIT;
        let x = self.number(
            x,
            &path.index(0),
            limit.clone(),
            &format!("x of {what}"),
            "m",
        );
        let y = self.number(y, &path.index(1), limit, &format!("y of {what}"), "m");
        Some(Point::new(x?, y?))
    }

    /// Resolves a reference, reporting an unknown id with the closest known one.
    pub fn lookup<Id: Copy>(
        &mut self,
        ns: &Namespace<Id>,
        id: &str,
        path: &SourcePath,
    ) -> Option<Id> {
        if let Some(handle) = ns.get(id) {
            return Some(handle);
        }
        self.unknown(ns.kind, id, ns.names(), path);
        None
    }

    /// [`lookup`](Self::lookup) of the id in field `field` of the value at `parent`, building
    /// the field's path only when the id is unknown.
    pub fn lookup_field<Id: Copy>(
        &mut self,
        ns: &Namespace<Id>,
        id: &str,
        parent: &SourcePath,
        field: &'static str,
    ) -> Option<Id> {
        match ns.get(id) {
            Some(handle) => Some(handle),
            None => self.lookup(ns, id, &parent.field(field)),
        }
    }

    /// S003 for an id that names nothing of `kind`.
    pub fn unknown<'n>(
        &mut self,
        kind: &str,
        id: &str,
        known: impl Iterator<Item = &'n str> + Clone,
        path: &SourcePath,
    ) {
        let help = match closest(id, known.clone()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => {
                let all: Vec<&str> = known.take(8).collect();
                if all.is_empty() {
                    format!("the scene defines no {kind} yet")
                } else {
                    format!(
                        "known {kind} ids: {}",
                        all.iter()
                            .map(|a| format!("`{a}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            }
        };
        let d = Diagnostic::error(codes::UNKNOWN_ID, format!("unknown {kind} `{id}`"))
            .at(self.spans.span(path), format!("no {kind} has this id"))
            .help(help);
        self.push(d);
    }

    /// Registers an id in `ns`, reporting a duplicate (S002) or an unusable id (S011).
    pub fn declare<Id: Copy>(
        &mut self,
        ns: &mut Namespace<Id>,
        id: &str,
        handle: Id,
        path: &SourcePath,
        first: Option<&SourcePath>,
    ) -> bool {
        if id.trim().is_empty() || id.chars().any(char::is_control) {
            let d = Diagnostic::error(codes::BAD_VALUE, format!("unusable {} id {id:?}", ns.kind))
                .at(
                    self.spans.key_span(path),
                    "empty or contains control characters",
                )
                .help("ids are short names such as `kitchen` or `L1`");
            self.push(d);
            return false;
        }
        if ns.insert(id, handle) {
            return true;
        }
        let mut d = Diagnostic::error(
            codes::DUPLICATE_ID,
            format!("the {} id `{id}` is used twice", ns.kind),
        )
        .at(self.spans.key_span(path), "second definition")
        .note(
            "references would be ambiguous; ron would silently keep only one of two equal map keys",
        )
        .help("rename one of them");
        if let Some(first) = first {
            d = d.also(self.spans.key_span(first), "first defined here");
        }
        self.push(d);
        false
    }

    /// Registers every entry of an id map, pointing at the repeated key for duplicates.
    pub fn declare_map<T, Id: Copy>(
        &mut self,
        ns: &mut Namespace<Id>,
        map: &raw::IdMap<T>,
        map_path: &SourcePath,
        handle: impl Fn(usize) -> Id,
    ) -> Vec<bool> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut accepted = Vec::new();
        for (i, (id, _)) in map.0.iter().enumerate() {
            let n = seen.entry(id.as_str()).or_insert(0);
            let ok = if *n > 0 {
                let spans = self.spans.key_spans(map_path, id);
                let here = spans
                    .get(*n)
                    .copied()
                    .unwrap_or_else(|| self.spans.span(map_path));
                let mut d = Diagnostic::error(codes::DUPLICATE_ID, format!("the {} id `{id}` is used twice", ns.kind))
                    .at(here, "second definition")
                    .note("ron keeps only the last of two equal keys, so one of them would vanish without a word")
                    .help("rename one of them");
                if let Some(&first) = spans.first() {
                    d = d.also(first, "first defined here");
                }
                self.push(d);
                false
            } else {
                self.declare(ns, id, handle(i), &map_path.key(id), None)
            };
            *n += 1;
            accepted.push(ok);
        }
        accepted
    }

    /// Per-scene rule levels, each naming a known rule.
    pub fn rule_levels(&mut self, raw: &raw::Scene, root: &SourcePath) -> Vec<RuleLevel> {
        let mut levels = Vec::new();
        for (field, list, level) in [
            ("allow", &raw.allow, Level::Allow),
            ("warn", &raw.warn, Level::Warn),
            ("deny", &raw.deny, Level::Deny),
        ] {
            for (i, name) in list.iter().enumerate() {
                let path = root.field(field).index(i);
                if crate::rules::find(name).is_none() {
                    let names = crate::rules::all_names();
                    self.unknown("rule", name, names.iter().map(String::as_str), &path);
                    continue;
                }
                levels.push(RuleLevel {
                    rule: name.clone(),
                    level,
                    path,
                });
            }
        }
        levels
    }
}
