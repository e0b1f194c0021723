//! The label guarantees, measured on the drawings themselves: every plan of both bundled
//! scenes and of three generated scenes of different sizes is parsed with usvg (text laid out
//! in the bundled face, as a viewer would) and with roxmltree (walls, symbols, anchors), and
//! no text may overlap another text, a wall or a symbol; no stop badge may sit on another;
//! every label lies within `REACH` of what it names or has its leader line drawn.

use crate::common::{fonts, repo};
use crate::reliability::synthetic;
use oner::output::OutputFile;
use oner::plan::labels::REACH;

/// Slack for rounding to 0.01 mm in the file.
const EPS: f64 = 0.02;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Box2 {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Box2 {
    fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Box2 {
        Box2 {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }

    fn overlap(&self, o: &Box2) -> f64 {
        let w = self.x1.min(o.x1) - self.x0.max(o.x0);
        let h = self.y1.min(o.y1) - self.y0.max(o.y0);
        if w > EPS && h > EPS { w * h } else { 0.0 }
    }

    fn distance(&self, o: &Box2) -> f64 {
        let dx = (o.x0 - self.x1).max(self.x0 - o.x1).max(0.0);
        let dy = (o.y0 - self.y1).max(self.y0 - o.y1).max(0.0);
        dx.hypot(dy)
    }

    fn distance_to_point(&self, x: f64, y: f64) -> f64 {
        self.distance(&Box2::new(x, y, x, y))
    }

    fn union(&self, o: &Box2) -> Box2 {
        Box2::new(
            self.x0.min(o.x0),
            self.y0.min(o.y0),
            self.x1.max(o.x1),
            self.y1.max(o.y1),
        )
    }

    /// True if the segment from `a` to `b`, drawn `half` either side, touches the box
    /// (shrunk by [`EPS`]).
    fn touches_segment(&self, a: (f64, f64), b: (f64, f64), half: f64) -> bool {
        let r = Box2::new(
            self.x0 - half + EPS,
            self.y0 - half + EPS,
            self.x1 + half - EPS,
            self.y1 + half - EPS,
        );
        // Liang–Barsky clip of the segment against the box.
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        for (p, q) in [
            (-dx, a.0 - r.x0),
            (dx, r.x1 - a.0),
            (-dy, a.1 - r.y0),
            (dy, r.y1 - a.1),
        ] {
            if p.abs() < 1e-12 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        t0 <= t1
    }
}

#[derive(Debug)]
struct TextBox {
    id: String,
    content: String,
    rect: Box2,
    in_symbol: bool,
    anchor: Option<Box2>,
    leader: Option<[f64; 4]>,
}

type Wall = ((f64, f64), (f64, f64), f64);

#[derive(Debug, Default)]
struct Drawing {
    texts: Vec<TextBox>,
    /// Wall pieces: ends and half the drawn width.
    walls: Vec<Wall>,
    symbols: Vec<Box2>,
    badges: Vec<Box2>,
    leaders: std::collections::BTreeSet<String>,
}

fn numbers(text: &str) -> Vec<f64> {
    text.split_whitespace()
        .filter_map(|v| v.parse::<f64>().ok())
        .collect()
}

/// The subpaths of path data made of M, L, A (end point only) and Z, as point lists.
fn subpaths(d: &str) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let spaced: String = d
        .chars()
        .flat_map(|c| {
            if c.is_ascii_alphabetic() {
                vec![' ', c, ' ']
            } else {
                vec![c]
            }
        })
        .collect();
    let mut tokens = spaced.split_whitespace().peekable();
    while let Some(token) = tokens.next() {
        let mut take = |k: usize| -> Vec<f64> {
            (0..k)
                .filter_map(|_| tokens.next().and_then(|t| t.parse().ok()))
                .collect()
        };
        match token {
            "M" => {
                let v = take(2);
                out.push(vec![(v[0], v[1])]);
            }
            "L" => {
                let v = take(2);
                if let Some(last) = out.last_mut() {
                    last.push((v[0], v[1]));
                }
            }
            "A" => {
                let v = take(7);
                if let Some(last) = out.last_mut() {
                    last.push((v[5], v[6]));
                }
            }
            _ => {}
        }
    }
    out
}

fn points_box(points: &[(f64, f64)]) -> Option<Box2> {
    let first = points.first()?;
    Some(
        points
            .iter()
            .fold(Box2::new(first.0, first.1, first.0, first.1), |b, p| {
                b.union(&Box2::new(p.0, p.1, p.0, p.1))
            }),
    )
}

fn attr(node: roxmltree::Node, name: &str) -> f64 {
    node.attribute(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

/// The geometry boxes of one element: a circle, a rect, or each subpath of a path.
fn element_boxes(node: roxmltree::Node) -> Vec<Box2> {
    match node.tag_name().name() {
        "circle" => {
            let (x, y, r) = (attr(node, "cx"), attr(node, "cy"), attr(node, "r"));
            vec![Box2::new(x - r, y - r, x + r, y + r)]
        }
        "rect" => {
            let (x, y) = (attr(node, "x"), attr(node, "y"));
            vec![Box2::new(
                x,
                y,
                x + attr(node, "width"),
                y + attr(node, "height"),
            )]
        }
        "path" => subpaths(node.attribute("d").unwrap_or(""))
            .iter()
            .filter_map(|p| points_box(p))
            .collect(),
        _ => Vec::new(),
    }
}

fn has_class(node: roxmltree::Node, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|k| k == class))
}

/// Reads one drawing: texts laid out by usvg, the rest from the file.
fn read(name: &str, bytes: &[u8]) -> Drawing {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let options = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(bytes, &options)
        .unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
    let mut laid_out = std::collections::BTreeMap::new();
    fn walk(group: &usvg::Group, out: &mut std::collections::BTreeMap<String, Box2>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, out),
                usvg::Node::Text(t) => {
                    let b = t.abs_bounding_box();
                    out.insert(
                        t.id().to_string(),
                        Box2::new(
                            f64::from(b.left()),
                            f64::from(b.top()),
                            f64::from(b.right()),
                            f64::from(b.bottom()),
                        ),
                    );
                }
                _ => {}
            }
        }
    }
    walk(tree.root(), &mut laid_out);
    // The viewBox is the page in millimetres; usvg lays out in pixels of the width given.
    let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let view_w = numbers(doc.root_element().attribute("viewBox").unwrap_or("0 0 1 1"))
        .get(2)
        .copied()
        .unwrap_or(1.0);
    let px = f64::from(tree.size().width()) / view_w;
    for b in laid_out.values_mut() {
        *b = Box2::new(b.x0 / px, b.y0 / px, b.x1 / px, b.y1 / px);
    }
    let mut drawing = Drawing::default();
    for node in doc.descendants().filter(|n| n.is_element()) {
        match node.tag_name().name() {
            "text" => {
                let id = node.attribute("id").unwrap_or("").to_string();
                let content: String = node
                    .descendants()
                    .filter(|n| n.is_text())
                    .filter_map(|n| n.text())
                    .collect::<String>()
                    .trim()
                    .to_string();
                if content.trim().is_empty() {
                    continue;
                }
                let Some(rect) = laid_out.get(&id).copied() else {
                    panic!("{name}: text {id} ({content}) was not laid out");
                };
                let anchor = node.attribute("data-anchor").map(|a| {
                    let v = numbers(a);
                    Box2::new(v[0], v[1], v[0] + v[2], v[1] + v[3])
                });
                let leader = node.attribute("data-leader").map(|a| {
                    let v = numbers(a);
                    [v[0], v[1], v[2], v[3]]
                });
                let in_symbol = has_class(node, "in-sym");
                drawing.texts.push(TextBox {
                    id,
                    content,
                    rect,
                    in_symbol,
                    anchor,
                    leader,
                });
            }
            "path"
                if has_class(node, "wall")
                    || has_class(node, "wild-wall")
                    || has_class(node, "crane-arm") =>
            {
                let half = attr(node, "stroke-width") / 2.0;
                for sub in subpaths(node.attribute("d").unwrap_or("")) {
                    for w in sub.windows(2) {
                        drawing.walls.push((w[0], w[1], half));
                    }
                }
            }
            "path" if has_class(node, "leader") => {
                drawing
                    .leaders
                    .insert(node.attribute("d").unwrap_or("").to_string());
            }
            _ if has_class(node, "badge") => {
                drawing.badges.extend(element_boxes(node));
                drawing.symbols.extend(element_boxes(node));
            }
            "g" if has_class(node, "sym") => {
                let boxes: Vec<Box2> = node
                    .descendants()
                    .filter(|n| n.is_element() && n.tag_name().name() != "text")
                    .flat_map(element_boxes)
                    .collect();
                if let Some(first) = boxes.first() {
                    drawing
                        .symbols
                        .push(boxes.iter().fold(*first, |a, b| a.union(b)));
                }
            }
            _ if has_class(node, "sym") => drawing.symbols.extend(element_boxes(node)),
            _ => {}
        }
    }
    drawing
}

/// Every broken guarantee in one drawing, in words.
fn problems(name: &str, drawing: &Drawing) -> Vec<String> {
    let mut out = Vec::new();
    let texts: Vec<&TextBox> = drawing.texts.iter().filter(|t| !t.in_symbol).collect();
    let say = |t: &TextBox| format!("{name}: {} {:?}", t.id, t.content);
    // Text on text: sweep over x so big drawings stay quick.
    let mut order: Vec<&TextBox> = texts.clone();
    order.sort_by(|a, b| a.rect.x0.total_cmp(&b.rect.x0));
    for (i, a) in order.iter().enumerate() {
        for b in order[i + 1..].iter().take_while(|b| b.rect.x0 < a.rect.x1) {
            if a.rect.overlap(&b.rect) > 0.0 {
                out.push(format!("{} overlaps {} {:?}", say(a), b.id, b.content));
            }
        }
    }
    for t in &texts {
        for (a, b, half) in &drawing.walls {
            if t.rect.touches_segment(*a, *b, *half) {
                out.push(format!("{} touches a wall {a:?}–{b:?}", say(t)));
                break;
            }
        }
        if let Some(s) = drawing.symbols.iter().find(|s| s.overlap(&t.rect) > 0.0) {
            out.push(format!("{} covers a symbol at {s:?}", say(t)));
        }
        let Some(anchor) = t.anchor else {
            continue;
        };
        let distance = anchor.distance(&t.rect);
        if distance <= REACH + 0.3 {
            continue;
        }
        match t.leader {
            Some([x1, y1, x2, y2]) => {
                let d = format!(
                    "M{} {} L{} {}",
                    oner::escape::number(x1, 2),
                    oner::escape::number(y1, 2),
                    oner::escape::number(x2, 2),
                    oner::escape::number(y2, 2)
                );
                if !drawing.leaders.contains(&d) {
                    out.push(format!("{}: its leader {d} is not drawn", say(t)));
                }
                if anchor.distance_to_point(x1, y1) > 0.1 || t.rect.distance_to_point(x2, y2) > 0.6
                {
                    out.push(format!(
                        "{}: its leader does not join it to {anchor:?}",
                        say(t)
                    ));
                }
            }
            None => out.push(format!(
                "{} is {distance:.1} mm from {anchor:?} with no leader",
                say(t)
            )),
        }
    }
    for (i, a) in drawing.badges.iter().enumerate() {
        for b in &drawing.badges[i + 1..] {
            if a.overlap(b) > 0.0 {
                out.push(format!("{name}: stop badges {a:?} and {b:?} overlap"));
            }
        }
    }
    out
}

/// Every plan of a scene, and the plan at `at` seconds.
fn plans(name: &str, text: &str, at: f64) -> Vec<OutputFile> {
    let scene = crate::common::load_scene_text(name, text);
    let sim = oner::sim::Simulation::new(&scene);
    let mut files = oner::plan::build_files(&scene, &sim);
    let t = oner::time::Time::from_seconds(at).expect("time");
    files.push(OutputFile {
        name: oner::plan::at_file_name(t),
        bytes: oner::plan::at(&scene, &sim, t),
    });
    files
}

fn assert_guarantees(scene: &str, files: &[OutputFile]) {
    let mut all = Vec::new();
    let mut labels = 0;
    for file in files {
        let name = format!("{scene}: {}", file.name);
        let drawing = read(&name, &file.bytes);
        labels += drawing.texts.iter().filter(|t| t.anchor.is_some()).count();
        all.extend(problems(&name, &drawing));
    }
    assert!(labels > 0, "{scene}: no anchored labels at all");
    assert!(
        all.is_empty(),
        "{} broken label guarantees:\n{}",
        all.len(),
        all.join("\n")
    );
}

#[test]
fn bundled_plans_keep_their_labels_apart_and_near() {
    for (scene, at) in [
        ("scenes/tutorial.ron", 30.0),
        ("scenes/we-cry-together.ron", 133.0),
        ("scenes/goodfellas-copacabana.ron", 100.0),
        ("scenes/touch-of-evil.ron", 150.0),
        ("scenes/russian-ark-ball.ron", 60.0),
    ] {
        let text = crate::common::read(&repo(scene));
        assert_guarantees(scene, &plans(scene, &text, at));
    }
}

#[test]
fn generated_plans_keep_their_labels_apart_and_near() {
    let sizes = [
        synthetic::Size {
            rooms_x: 1,
            rooms_y: 1,
            performers: 3,
            events: 40,
            minutes: 2,
        },
        synthetic::Size {
            rooms_x: 2,
            rooms_y: 2,
            performers: 9,
            events: 150,
            minutes: 4,
        },
        synthetic::SHORT,
    ];
    for size in sizes {
        let name = format!("synthetic {}x{}", size.rooms_x, size.rooms_y);
        let text = synthetic::scene(&size);
        assert_guarantees(&name, &plans(&name, &text, 61.0));
    }
}

#[test]
fn the_checker_sees_a_label_on_a_wall_and_on_another_label() {
    // A drawing made by hand: two texts on top of each other across a wall.
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100mm" height="100mm" font-family="DejaVu Sans" font-stretch="condensed">
<path class="wall" d="M50 0 L50 100" stroke-width="1"/>
<text id="t1" x="45" y="50" font-size="3" data-anchor="40 40 0 0">Bedroom</text>
<text id="t2" x="46" y="51" font-size="3">Bed</text>
<rect class="sym badge" x="10" y="10" width="5" height="3"/>
<rect class="sym badge" x="12" y="11" width="5" height="3"/>
</svg>"##;
    let drawing = read("hand-made", svg.as_bytes());
    let found = problems("hand-made", &drawing).join("\n");
    assert!(found.contains("overlaps"), "{found}");
    assert!(found.contains("touches a wall"), "{found}");
    assert!(found.contains("with no leader"), "{found}");
    assert!(found.contains("stop badges"), "{found}");
}
