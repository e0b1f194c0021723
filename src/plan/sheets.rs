//! Whole pages: the overview of the take, one plan per beat, and the state at one moment.
//! Each is the floor, then the camera's view, then routes, people, props and labels, with
//! the title block beside or under it.

use super::Span;
use super::camera;
use super::camera_side::camera_side;
use super::crowd::Crowd;
use super::extras;
use super::figures;
use super::floor::{self, Detail, FloorState, short};
use super::key::Icon;
use super::labels::Placer;
use super::page::{self, Frame, Layout, PathData};
use super::routes::{self, Walk, Walker};
use super::story;
use super::style::{self, Ink, clean, n, safe_colour};
use super::title::{self, Row};
use crate::geometry::Point;
use crate::model::{PersonId, Role, Scene};
use crate::sim::Simulation;
use crate::time::Time;
use svg::Document;
use svg::node::element::{Group, Path, Rectangle, Style, Title};

/// An empty A4 landscape page with the shared style, a white background and a title for
/// screen readers and browser tabs.
pub fn document(title: &str) -> Document {
    Document::new()
        .set("width", format!("{}mm", n(page::PAGE_W)))
        .set("height", format!("{}mm", n(page::PAGE_H)))
        .set(
            "viewBox",
            format!("0 0 {} {}", n(page::PAGE_W), n(page::PAGE_H)),
        )
        .set("font-family", style::FONT_STACK)
        .set("font-stretch", "condensed")
        .add(Title::new(clean(title)))
        .add(Style::new(style::css()))
        .add(
            Rectangle::new()
                .set("width", n(page::PAGE_W))
                .set("height", n(page::PAGE_H))
                .set("fill", style::PAPER),
        )
}

/// The serialised page, with the XML declaration. Every text element gets an id (`t1`,
/// `t2`, … in document order) so a checker can find each one's box after layout.
pub fn finish(document: Document) -> Vec<u8> {
    let body = document.to_string();
    let mut out = String::with_capacity(body.len() + body.len() / 16 + 64);
    out.push_str(crate::drawing::DECLARATION);
    // Scene text is escaped (`<` is `&lt;`), so "<text " only ever opens an element.
    let mut count = 0;
    let mut rest = body.as_str();
    while let Some(at) = rest.find("<text ") {
        count += 1;
        out.push_str(&rest[..at]);
        out.push_str(&format!("<text id=\"t{count}\" "));
        rest = &rest[at + "<text ".len()..];
    }
    out.push_str(rest);
    out.push('\n');
    out.into_bytes()
}

/// The camera key: each setup with its time in and out, lens, who it frames and how it
/// moves on, as the shot list has them.
fn setup_rows(scene: &Scene, setups: &[crate::shots::Setup], rows: &mut Vec<Row>) {
    if setups.is_empty() {
        return;
    }
    rows.push(Row::Heading("Camera setups".into()));
    let several = scene.cameras().nth(1).is_some();
    for setup in setups {
        let who = if several {
            format!("{}, ", clean(&scene.person(setup.camera).name))
        } else {
            String::new()
        };
        rows.push(Row::Event(
            setup.label.clone(),
            format!(
                "{}–{}: {who}{} on {}; {}",
                short(setup.time_in),
                short(setup.time_out),
                setup.lens_words(),
                clean(&setup.framing_words()),
                setup.move_words()
            ),
        ));
    }
}

/// The labels the plan had no room for, listed in full under the key.
fn dropped_rows(placer: &Placer, rows: &mut Vec<Row>) {
    let dropped = placer.dropped();
    if dropped.is_empty() {
        return;
    }
    rows.push(Row::Heading("Not labelled on the plan".into()));
    rows.push(Row::Small(format!(
        "No free spot near {}: {}.",
        if dropped.len() == 1 { "it" } else { "them" },
        dropped.join("; ")
    )));
}

/// A thin border round the page and a rule between the plan and the title block.
fn border(layout: &Layout) -> Group {
    let inset = page::MARGIN - 4.0;
    let mut g = Group::new().add(
        Rectangle::new()
            .set("x", n(inset))
            .set("y", n(inset))
            .set("width", n(page::PAGE_W - 2.0 * inset))
            .set("height", n(page::PAGE_H - 2.0 * inset))
            .set("fill", "none")
            .set("stroke", style::FAINT)
            .set("stroke-width", "0.3"),
    );
    if let Some(first) = layout.columns.first() {
        let d = if layout.band {
            let y = first.y - page::GUTTER / 2.0;
            PathData::new()
                .move_to(Point::new(inset, y))
                .line_to(Point::new(page::PAGE_W - inset, y))
        } else {
            let x = first.x - page::GUTTER / 2.0;
            PathData::new()
                .move_to(Point::new(x, inset))
                .line_to(Point::new(x, page::PAGE_H - inset))
        };
        g = g.add(
            Path::new()
                .set("d", d.into_string())
                .set("stroke", style::FAINT)
                .set("stroke-width", "0.3"),
        );
    }
    g
}

/// Rows naming everyone with their line style; on a crowd take the principals by name and
/// the extras as one row.
fn people_rows(scene: &Scene, crowd: &Crowd, rows: &mut Vec<Row>) {
    let cast: Vec<_> = scene
        .people
        .iter()
        .enumerate()
        .filter(|(i, p)| !p.is_crew() && crowd.is_principal(PersonId::from_index(*i)))
        .map(|(_, p)| p)
        .collect();
    if !cast.is_empty() {
        rows.push(Row::Heading("Cast".into()));
        for p in cast {
            let played = match &p.role {
                Role::Cast {
                    played_by: Some(actor),
                } => format!(" ({})", clean(actor)),
                _ => String::new(),
            };
            rows.push(Row::Key(
                Icon::Route(safe_colour(&p.colour), None, style::ROUTE_WIDTH),
                format!("{}{played}", clean(&p.name)),
            ));
        }
    }
    if crowd.extras() > 0 {
        rows.push(Row::Key(
            Icon::Route(extras::EXTRA.to_string(), None, 0.3),
            format!(
                "{} extras: where they walk, a dot each, counted per room",
                crowd.extras()
            ),
        ));
    }
    let crew: Vec<_> = scene.people.iter().filter(|p| p.is_crew()).collect();
    if !crew.is_empty() {
        rows.push(Row::Heading("Crew".into()));
        for p in crew {
            let kind = Walker::of(p);
            let what = match p.camera() {
                Some(spec) => format!(
                    "camera, {}, {} mm lens",
                    format!("{:?}", spec.rig).to_lowercase(),
                    crate::escape::number(spec.lens_mm, 1)
                ),
                None => clean(&p.role.describe()),
            };
            rows.push(Row::Key(
                Icon::Route(kind.colour(p), kind.dashes(), kind.width()),
                format!("{}: {what}", clean(&p.name)),
            ));
        }
    }
}

/// The set's symbols in the key.
fn set_rows(scene: &Scene, rows: &mut Vec<Row>, doors_when: &str) {
    rows.push(Row::Key(Icon::Wall, "wall".into()));
    if !scene.wild_walls.is_empty() {
        rows.push(Row::Key(Icon::WildWall, "wild wall (can be struck)".into()));
    }
    if scene.doors.iter().any(|d| d.has_leaf()) {
        rows.push(Row::Key(
            Icon::Door,
            format!("door: leaf and swing, drawn {doors_when}"),
        ));
    }
    if scene.doors.iter().any(|d| d.is_passage() && !d.has_leaf()) {
        rows.push(Row::Key(
            Icon::Opening,
            "opening (an arch has a dashed head)".into(),
        ));
    }
    if scene.doors.iter().any(|d| !d.is_passage()) {
        rows.push(Row::Key(Icon::Window, "window".into()));
    }
    if !scene.furniture.is_empty() {
        rows.push(Row::Key(Icon::Furniture, "furniture".into()));
    }
    if scene.furniture.iter().any(|f| f.blocks_view) {
        rows.push(Row::Key(
            Icon::TallFurniture,
            "tall furniture (blocks the lens)".into(),
        ));
    }
    if !scene.practicals.is_empty() {
        rows.push(Row::Key(Icon::Lamp, "practical light".into()));
    }
    if !scene.marks.is_empty() {
        rows.push(Row::Key(Icon::Mark, "tape mark".into()));
    }
}

/// The first cast colour, for key entries that stand for "a performer".
fn sample_colour(scene: &Scene) -> String {
    scene
        .people
        .iter()
        .find(|p| !p.is_crew())
        .or(scene.people.first())
        .map_or(style::INK.to_string(), |p| safe_colour(&p.colour))
}

/// The opening rows: title, what this page is, the take.
fn head_rows(scene: &Scene, subtitle: String, rows: &mut Vec<Row>) {
    rows.push(Row::Title(clean(&scene.title)));
    rows.push(Row::Subtitle(subtitle));
    rows.push(Row::Small(format!(
        "Take length {} at {} fps",
        short(scene.length),
        crate::escape::number(scene.frame_rate.fps(), 3)
    )));
}

/// Everything under the title block: floor, camera view, routes, people, props, labels.
struct Layers<'a> {
    scene: &'a Scene,
    sim: &'a Simulation<'a>,
    crowd: &'a Crowd,
    frame: Frame,
    placer: Placer,
    body: Group,
    /// Camera setups drawn with badges (the overview and beat plans).
    setups: Vec<crate::shots::Setup>,
}

impl<'a> Layers<'a> {
    fn new(
        scene: &'a Scene,
        sim: &'a Simulation<'a>,
        crowd: &'a Crowd,
        frame: Frame,
        doors_at: Time,
    ) -> Self {
        let state = FloorState {
            at: doors_at,
            detail: Detail::Full,
        };
        let mut placer = Placer::new(frame.area);
        floor::block_symbols(scene, &frame, Detail::Full, &mut placer);
        let body = Group::new()
            .set("class", "plan")
            .add(floor::base(scene, sim, &frame, state));
        Layers {
            scene,
            sim,
            crowd,
            frame,
            placer,
            body,
            setups: Vec::new(),
        }
    }

    /// Draws `setups` as numbered camera setups (wedge, badge, lens and framing).
    fn with_setups(mut self, setups: Vec<crate::shots::Setup>, filled: bool) -> Self {
        let wedges = camera::setup_wedges(self.sim, &self.frame, &setups, filled);
        self.setups = setups;
        self.add(wedges)
    }

    fn add(mut self, g: Group) -> Self {
        self.body = self.body.add(g);
        self
    }

    /// Routes, people and props at `t`, stops and the set's labels. Everything fixed
    /// (routes, people, props) is registered first, then labels are placed by priority:
    /// room names, stop badges, names of people and props, the set's labels, extras counts.
    fn cast(mut self, walks: &[Walk], t: Time, doors: (Time, Time)) -> Self {
        let (scene, sim, crowd) = (self.scene, self.sim, self.crowd);
        let named: Vec<Walk> = walks
            .iter()
            .filter(|w| crowd.is_principal(w.who))
            .cloned()
            .collect();
        let placer = &mut self.placer;
        let frame = &self.frame;
        let traces = extras::traces(scene, frame, walks, crowd);
        let lines = routes::lines(scene, frame, &named, placer);
        let crew = routes::crew_dots(scene, frame, &named, placer);
        let (people, people_names) = figures::people(scene, sim, frame, t, crowd, placer);
        let (props, prop_names) = figures::props(scene, sim, frame, t, placer);
        let rooms = floor::room_names(scene, frame, placer);
        let cameras_as_stops = self.setups.is_empty();
        let mut stops = routes::stops(scene, frame, &named, cameras_as_stops, placer);
        if !self.setups.is_empty() {
            stops = stops.add(camera::setup_labels(
                scene,
                sim,
                frame,
                &self.setups,
                placer,
            ));
        }
        let mut names = Group::new().set("class", "names");
        for pending in people_names.iter().chain(&prop_names) {
            if let Some(g) = pending.place(placer) {
                names = names.add(g);
            }
        }
        let set = floor::set_labels(scene, sim, frame, doors, placer);
        let counts = if crowd.extras() > 0 {
            extras::counts(scene, sim, frame, t, crowd, placer)
        } else {
            Group::new()
        };
        let dots = if crowd.extras() > 0 {
            extras::dots(scene, sim, frame, t, crowd)
        } else {
            Group::new()
        };
        self.add(traces)
            .add(lines)
            .add(rooms)
            .add(set)
            .add(counts)
            .add(props)
            .add(dots)
            .add(crew)
            .add(people)
            .add(stops)
            .add(names)
    }
}

fn frame_and_layout(
    scene: &Scene,
    sim: &Simulation,
    grow: usize,
    scale: Option<u32>,
) -> (Frame, Layout) {
    let bounds = page::extent(scene, sim);
    let mut layout = Layout::choose(bounds, grow);
    let frame = layout.frame(bounds, Ink::FULL, scale);
    (frame, layout)
}

/// Why a plan cannot be drawn at `scale` (a denominator) on the sheet, if it cannot: the
/// set's size at that scale and the room the sheet has.
pub fn scale_problem(scene: &Scene, sim: &Simulation, scale: u32) -> Option<String> {
    let bounds = page::extent(scene, sim);
    let layout = Layout::choose(bounds, 0);
    let at = 1000.0 / f64::from(scale.max(1));
    let (w, h) = (
        (bounds.1.x - bounds.0.x) * at,
        (bounds.1.y - bounds.0.y) * at,
    );
    let room = layout.plan;
    (w > room.w + 1e-6 || h > room.h + 1e-6).then(|| {
        let fits = page::STANDARD_SCALES
            .iter()
            .find(|&&d| {
                let k = 1000.0 / f64::from(d);
                w / at * k <= room.w && h / at * k <= room.h
            })
            .map_or(String::new(), |d| format!("; 1:{d} fits"));
        format!(
            "at 1:{scale} the set is {} × {} mm, and the sheet has {} × {} mm for the plan{fits}",
            crate::escape::number(w, 0),
            crate::escape::number(h, 0),
            crate::escape::number(room.w, 0),
            crate::escape::number(room.h, 0)
        )
    })
}

/// The end of everything that happens: the take's length or the last arrival if later.
fn end_of_take(scene: &Scene, sim: &Simulation) -> Time {
    sim.tracks
        .iter()
        .flat_map(|t| t.legs.iter().map(|l| l.arrive))
        .fold(scene.length, Time::max)
}

/// How much wider a title block may grow beside the plan before it continues on a
/// following sheet instead.
const MOST_GROWTH: usize = 1;

/// A sheet's file name with `-k` before its extension: the k-th sheet of it.
pub fn sheet_name(name: &str, k: usize) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}-{k}.{ext}"),
        None => format!("{name}-{k}"),
    }
}

/// Composes a plan and its title block, never cutting the block: `make` draws the plan in a
/// frame and gives its rows; if they do not fit, the block grows (one more column beside the
/// plan, or a deeper band under it) as long as the plan keeps its drawing scale; what still
/// does not fit continues on following sheets (`name-2.svg` …). Returns the sheets in order.
#[allow(clippy::too_many_arguments)]
fn compose<'a>(
    scene: &'a Scene,
    sim: &'a Simulation<'a>,
    name: &str,
    title: &str,
    subtitle: &str,
    scale: Option<u32>,
    make: impl Fn(Frame, f64) -> (Layers<'a>, Vec<Row>),
) -> Vec<Vec<u8>> {
    let mut grow = 0;
    let denominator = frame_and_layout(scene, sim, 0, scale).0.denominator();
    loop {
        let (frame, layout) = frame_and_layout(scene, sim, grow, scale);
        let width = layout.columns.first().map_or(page::SIDE_W, |c| c.w);
        let (layers, rows) = make(frame, width);
        let rows = title::split_long(rows, width);
        let (_, cut) = title::flow(&rows, &layout.columns);
        let wider = || {
            frame_and_layout(scene, sim, grow + 1, scale)
                .0
                .denominator()
        };
        if cut < rows.len() && grow < MOST_GROWTH && wider() == denominator {
            grow += 1;
            continue;
        }
        let mut sheets = Vec::new();
        let next = (cut < rows.len()).then(|| format!("Continued on {}", sheet_name(name, 2)));
        let first = document(title)
            .add(border(&layout))
            .add(layers.body)
            .add(title::block(
                &rows,
                &layout.columns,
                &frame,
                next.as_deref(),
            ));
        sheets.push(finish(first));
        let mut rest: Vec<Row> = rows[cut..].to_vec();
        while !rest.is_empty() {
            let k = sheets.len() + 1;
            let mut page_rows = vec![
                Row::Title(clean(&scene.title)),
                Row::Subtitle(format!("{subtitle} (continued, sheet {k})")),
            ];
            page_rows.append(&mut rest);
            let (columns, key) = Layout::continuation();
            let (_, cut) = title::flow(&page_rows, &columns);
            // Two heading rows always fit; anything after them moves on.
            let cut = cut.max(3).min(page_rows.len());
            let next = (cut < page_rows.len())
                .then(|| format!("Continued on {}", sheet_name(name, k + 1)));
            let page = document(&format!("{title} (sheet {k})"))
                .add(key_plan(scene, sim, key))
                .add(title::block(
                    &page_rows[..cut],
                    &columns,
                    &frame,
                    next.as_deref(),
                ));
            sheets.push(finish(page));
            rest = page_rows[cut..].to_vec();
        }
        return sheets;
    }
}

/// A small plan of the set (walls, doors, room names) in `area`, captioned "Key plan", for a
/// sheet that has no plan of its own.
fn key_plan(scene: &Scene, sim: &Simulation, area: page::Rect) -> Group {
    let caption = style::SMALL_SIZE * 1.6;
    let inner = page::Rect::new(area.x, area.y + caption, area.w, area.h - caption);
    let frame = Frame::fit(page::extent(scene, sim), inner, Ink(0.5));
    let state = FloorState {
        at: Time::ZERO,
        detail: Detail::Thumbnail,
    };
    Group::new()
        .set("class", "key-plan")
        .add(
            style::text(
                "Key plan",
                area.x,
                area.y + style::SMALL_SIZE,
                style::SMALL_SIZE,
            )
            .set("class", "bold")
            .set("fill", style::MUTED),
        )
        .add(floor::floor(scene, sim, &frame, state))
}

/// The overview: the whole take, its title block continued on following sheets if need be.
pub fn overview(
    scene: &Scene,
    sim: &Simulation,
    spans: &[Span],
    scale: Option<u32>,
) -> Vec<Vec<u8>> {
    let walks = routes::walks(sim, Time::ZERO, end_of_take(scene, sim));
    let crowd = Crowd::of(scene);
    let setups = crate::shots::setups(scene, sim);
    let subtitle = "Floor plan: the whole take";
    compose(
        scene,
        sim,
        "plan.svg",
        &format!("{}: floor plan", clean(&scene.title)),
        subtitle,
        scale,
        |frame, _| {
            let layers = Layers::new(scene, sim, &crowd, frame, Time::ZERO)
                .with_setups(setups.clone(), true)
                .cast(&walks, Time::ZERO, (Time::ZERO, end_of_take(scene, sim)));
            let mut rows = Vec::new();
            head_rows(scene, subtitle.into(), &mut rows);
            if !scene.notes.trim().is_empty() {
                rows.push(Row::Small(clean(&scene.notes)));
            }
            people_rows(scene, &crowd, &mut rows);
            rows.push(Row::Heading("Key".into()));
            rows.push(Row::Key(
                Icon::Stop(sample_colour(scene)),
                "numbered stop on a route, with its arrival time".into(),
            ));
            rows.push(Row::Key(
                Icon::Person(sample_colour(scene)),
                "where each performer starts (nose: facing)".into(),
            ));
            if scene.cameras().next().is_some() {
                rows.push(Row::Key(
                    Icon::Seen,
                    "camera setup: its view, its number in the view and on its badge with \
                     the time it is there"
                        .into(),
                ));
            }
            if !scene.props.is_empty() {
                rows.push(Row::Key(Icon::Prop, "prop where it starts".into()));
            }
            set_rows(
                scene,
                &mut rows,
                "as at the start; its label tells every change",
            );
            rows.push(Row::Gap(2.0));
            rows.push(Row::Scale(camera_side(
                scene,
                sim,
                Time::ZERO,
                end_of_take(scene, sim),
            )));
            setup_rows(scene, &setups, &mut rows);
            if !spans.is_empty() {
                rows.push(Row::Heading("Beats".into()));
                for span in spans {
                    rows.push(Row::Event(
                        short(span.from),
                        format!("{}. {}", span.number, clean(&span.title)),
                    ));
                }
            }
            dropped_rows(&layers.placer, &mut rows);
            (layers, rows)
        },
    )
}

/// One beat: where everyone is at its start, the moves made during it, and the floor the
/// camera sees at any moment of it.
pub fn beat(
    scene: &Scene,
    sim: &Simulation,
    span: &Span,
    count: usize,
    name: &str,
    scale: Option<u32>,
) -> Vec<Vec<u8>> {
    let walks = routes::walks(sim, span.from, span.to);
    let crowd = Crowd::of(scene);
    let setups: Vec<_> = crate::shots::setups(scene, sim)
        .into_iter()
        .filter(|s| s.time_in < span.to && s.time_out >= span.from)
        .collect();
    let happenings = story::happenings(scene, sim, span.from, span.to, &crowd);
    let subtitle = format!("Beat {} of {}: {}", span.number, count, clean(&span.title));
    compose(
        scene,
        sim,
        name,
        &format!(
            "{}: beat {}, {}",
            clean(&scene.title),
            span.number,
            clean(&span.title)
        ),
        &subtitle,
        scale,
        |frame, _| {
            let layers = Layers::new(scene, sim, &crowd, frame, span.from)
                .add(camera::swept(scene, sim, &frame, span.from, span.to))
                .with_setups(setups.clone(), false)
                .cast(&walks, span.from, (span.from, span.to));
            let mut rows = Vec::new();
            head_rows(scene, subtitle.clone(), &mut rows);
            rows.push(Row::Text(format!(
                "{} to {}: positions at {}, moves until {}",
                short(span.from),
                short(span.to),
                short(span.from),
                short(span.to)
            )));
            if let Some(notes) = &span.notes {
                rows.push(Row::Small(clean(notes)));
            }
            people_rows(scene, &crowd, &mut rows);
            rows.push(Row::Heading("Key".into()));
            if scene.cameras().next().is_some() {
                rows.push(Row::Key(
                    Icon::Seen,
                    "floor the camera sees at some moment of the beat (a dashed wedge and \
                     number: each camera setup). Unshaded floor is where crew, lights and \
                     the boom can hide"
                        .into(),
                ));
            }
            rows.push(Row::Key(
                Icon::Person(sample_colour(scene)),
                "where each is at the start of the beat".into(),
            ));
            rows.push(Row::Key(
                Icon::Stop(sample_colour(scene)),
                "stop in this beat, with its arrival time".into(),
            ));
            if !scene.props.is_empty() {
                rows.push(Row::Key(Icon::Prop, "prop at the start of the beat".into()));
            }
            set_rows(
                scene,
                &mut rows,
                "as at the start of the beat; its label tells every change in it",
            );
            rows.push(Row::Scale(camera_side(scene, sim, span.from, span.to)));
            setup_rows(scene, &setups, &mut rows);
            if !happenings.is_empty() {
                rows.push(Row::Heading("What happens".into()));
                rows.extend(happenings.iter().cloned().map(|(t, d)| Row::Event(t, d)));
            }
            dropped_rows(&layers.placer, &mut rows);
            (layers, rows)
        },
    )
}

/// The take at one moment: positions, doors, props, and what the camera sees then.
pub fn at(
    scene: &Scene,
    sim: &Simulation,
    t: Time,
    name: &str,
    scale: Option<u32>,
) -> Vec<Vec<u8>> {
    // The rest of each walk under way, so the plan shows where people are heading.
    let walks: Vec<Walk> = routes::walks(sim, t, end_of_take(scene, sim))
        .into_iter()
        .filter_map(|mut w| {
            let leg = sim.tracks[w.who.index()].moving_leg(t)?;
            w.pieces.truncate(1);
            w.stops = vec![routes::Stop {
                at: leg.end(),
                time: leg.arrive,
                mark: leg.to,
            }];
            Some(w)
        })
        .collect();
    let crowd = Crowd::of(scene);
    let beat = scene
        .beat_at(t)
        .map(|b| {
            format!(
                ", beat {}: {}",
                b.index() + 1,
                clean(&scene.beats[b.index()].title)
            )
        })
        .unwrap_or_default();
    let subtitle = format!("At {} ({}){beat}", short(t), t.smpte(scene.frame_rate));
    compose(
        scene,
        sim,
        name,
        &format!("{}: at {}", clean(&scene.title), short(t)),
        &subtitle,
        scale,
        |frame, _| {
            let layers = Layers::new(scene, sim, &crowd, frame, t)
                .add(camera::view_at(scene, sim, &frame, t))
                .cast(&walks, t, (t, t));
            let mut rows = Vec::new();
            head_rows(scene, subtitle.clone(), &mut rows);
            people_rows(scene, &crowd, &mut rows);
            rows.push(Row::Heading("Key".into()));
            if scene.cameras().next().is_some() {
                rows.push(Row::Key(Icon::Seen, "what the camera sees now".into()));
            }
            rows.push(Row::Key(
                Icon::Stop(sample_colour(scene)),
                "where a walk under way ends, and when".into(),
            ));
            set_rows(scene, &mut rows, "as they are now");
            rows.push(Row::Scale(camera_side(scene, sim, t, t)));
            rows.push(Row::Heading("Where everyone is".into()));
            rows.extend(
                story::positions(scene, sim, t)
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| crowd.is_principal(PersonId::from_index(*i)))
                    .map(|(_, line)| Row::Small(line)),
            );
            if crowd.extras() > 0 {
                let rooms = extras::per_room(scene, sim, t, &crowd)
                    .iter()
                    .filter(|&&c| c > 0)
                    .count();
                rows.push(Row::Small(format!(
                    "{} extras in {rooms} room{}",
                    crowd.extras(),
                    if rooms == 1 { "" } else { "s" }
                )));
            }
            let doors = story::door_states(scene, sim, t);
            if !doors.is_empty() {
                rows.push(Row::Heading("Doors".into()));
                rows.extend(doors.into_iter().map(Row::Small));
            }
            let props = story::prop_places(scene, sim, t);
            if !props.is_empty() {
                rows.push(Row::Heading("Props".into()));
                rows.extend(props.into_iter().map(Row::Small));
            }
            dropped_rows(&layers.placer, &mut rows);
            (layers, rows)
        },
    )
}
