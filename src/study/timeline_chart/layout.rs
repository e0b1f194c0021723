//! Where everything goes on the chart: the time scale, the order and height of the room
//! bands, each person's slot within a band, and the rows below.

use super::Density;
use super::legend;
use crate::model::{PersonId, PropId, RoomId, Scene};
use crate::sim::Simulation;
use crate::sim::Whereabouts;
use crate::time::Time;

/// Page width, pixels.
pub const WIDTH: f64 = 1500.0;
pub const MARGIN: f64 = 24.0;
/// Room names left of the bands.
pub const LABEL_W: f64 = 150.0;
/// People's names right of the bands.
pub const NAMES_W: f64 = 140.0;
/// Height of the title block.
const TITLE_H: f64 = 62.0;
/// Height of the row of beat titles above the bands.
pub const BEAT_H: f64 = 22.0;
/// Space above the first and below the last line in a band.
const PAD: f64 = 9.0;
const MIN_BAND: f64 = 34.0;
/// A room nobody enters gets a thin band.
const EMPTY_BAND: f64 = 22.0;
const MAX_BAND: f64 = 150.0;
/// Room for the time axis labels under the bands.
pub const AXIS_H: f64 = 28.0;
/// Height of one prop or cue row.
pub const ROW_H: f64 = 18.0;
/// Height of a section heading (PROPS, CUES).
pub const HEADING_H: f64 = 18.0;
pub const GAP: f64 = 12.0;
/// Height of one legend row.
pub const LEGEND_ROW: f64 = 20.0;
/// At most this many prop rows.
pub const MAX_PROPS: usize = 16;

/// One room's band.
#[derive(Debug)]
pub struct Band {
    pub room: RoomId,
    pub top: f64,
    pub height: f64,
    /// People drawn as lines in this band, each in its own slot, in scene order.
    pub visitors: Vec<PersonId>,
    /// Distance between neighbouring slots, pixels.
    pub slot: f64,
}

impl Band {
    pub fn middle(&self) -> f64 {
        self.top + self.height / 2.0
    }

    pub fn bottom(&self) -> f64 {
        self.top + self.height
    }
}

/// The laid-out chart: scales, bands and the vertical position of every section.
pub struct Chart<'a> {
    pub scene: &'a Scene,
    pub sim: &'a Simulation<'a>,
    pub whereabouts: &'a Whereabouts,
    pub density: Density,
    /// Left and right ends of the time scale, pixels.
    pub x0: f64,
    pub x1: f64,
    pub bands: Vec<Band>,
    band_of: Vec<Option<usize>>,
    /// People drawn as lines, bottom-most first (crew, cast, then cameras on top).
    pub drawn: Vec<PersonId>,
    pub beats_top: f64,
    pub bands_top: f64,
    pub bands_bottom: f64,
    pub props_top: f64,
    pub props: Vec<PropId>,
    /// Props that change hands but did not fit.
    pub props_left_off: usize,
    /// Places too long for their stretch of a prop's row, given in full under the rows.
    pub prop_notes: Vec<super::rows::PropNote>,
    /// Top of those notes, pixels.
    pub props_notes_top: f64,
    pub cues_top: f64,
    pub legend_top: f64,
    pub height: f64,
}

impl<'a> Chart<'a> {
    pub fn new(
        scene: &'a Scene,
        sim: &'a Simulation<'a>,
        whereabouts: &'a Whereabouts,
    ) -> Chart<'a> {
        let density = Density::for_people(scene.people.len());
        let is_camera = |p: PersonId| scene.person(p).camera().is_some();
        let drawn: Vec<PersonId> = {
            let all = (0..scene.people.len()).map(PersonId::from_index);
            let (cameras, others): (Vec<_>, Vec<_>) = all.partition(|&p| is_camera(p));
            let mut order: Vec<PersonId> = match density {
                Density::Aggregate => Vec::new(),
                _ => others
                    .iter()
                    .copied()
                    .filter(|&p| scene.person(p).is_crew())
                    .collect(),
            };
            if density != Density::Aggregate {
                order.extend(
                    others
                        .iter()
                        .copied()
                        .filter(|&p| !scene.person(p).is_crew()),
                );
            }
            order.extend(cameras);
            order
        };
        let beats_top = MARGIN + TITLE_H;
        let bands_top = beats_top + BEAT_H;
        let mut bands = Vec::new();
        let mut band_of = vec![None; scene.rooms.len()];
        let mut y = bands_top;
        for room in band_order(scene, whereabouts) {
            // Slots in scene order, so a person keeps the same place relative to the others.
            let mut visitors: Vec<PersonId> = drawn
                .iter()
                .copied()
                .filter(|&p| {
                    whereabouts.stays[p.index()]
                        .iter()
                        .any(|s| s.room == Some(room))
                })
                .collect();
            visitors.sort();
            let entered = (0..scene.people.len())
                .any(|p| whereabouts.stays[p].iter().any(|s| s.room == Some(room)));
            let lines = visitors.len().max(1) as f64;
            let preferred: f64 = match density {
                Density::Detailed => 9.0,
                _ => 4.0,
            };
            let slot = preferred.min((MAX_BAND - 2.0 * PAD) / lines);
            let height = if !entered {
                EMPTY_BAND
            } else if density == Density::Aggregate {
                MIN_BAND + 6.0
            } else {
                (2.0 * PAD + (lines - 1.0) * slot).max(MIN_BAND)
            };
            band_of[room.index()] = Some(bands.len());
            bands.push(Band {
                room,
                top: y,
                height,
                visitors,
                slot,
            });
            y += height;
        }
        let bands_bottom = y;
        let props_top = bands_bottom + AXIS_H + GAP;
        let changing: Vec<PropId> = (0..scene.props.len())
            .map(PropId::from_index)
            .filter(|&p| sim.props[p.index()].iter().any(|c| c.at <= scene.length))
            .collect();
        let props: Vec<PropId> = changing.iter().copied().take(MAX_PROPS).collect();
        let props_left_off = changing.len() - props.len();
        let props_height = if props.is_empty() {
            0.0
        } else {
            HEADING_H + ROW_H * props.len() as f64 + GAP
        };
        let cues_top = props_top + props_height;
        let legend_top = cues_top + HEADING_H + ROW_H * 6.0 + GAP;
        let legend_rows = legend::legend_rows(scene, density);
        let height = legend_top + HEADING_H + LEGEND_ROW * legend_rows as f64 + MARGIN;
        let mut chart = Chart {
            scene,
            sim,
            whereabouts,
            density,
            x0: MARGIN + LABEL_W,
            x1: WIDTH - MARGIN - NAMES_W,
            bands,
            band_of,
            drawn,
            beats_top,
            bands_top,
            bands_bottom,
            props_top,
            props,
            props_left_off,
            prop_notes: Vec::new(),
            props_notes_top: props_top + props_height - GAP,
            cues_top,
            legend_top,
            height,
        };
        // The notes need the time scale above; the sections under them move down.
        chart.prop_notes = super::rows::prop_notes(&chart);
        let lines: usize = chart.prop_notes.iter().map(|note| note.lines.len()).sum();
        let notes_height = lines as f64 * super::rows::NOTE_H;
        chart.cues_top += notes_height;
        chart.legend_top += notes_height;
        chart.height += notes_height;
        chart
    }

    /// Seconds in the take (at least a frame, so the scale never divides by zero).
    pub fn length(&self) -> f64 {
        self.scene.length.seconds().max(1.0 / 1000.0)
    }

    /// The x position of time `t`.
    pub fn x(&self, t: Time) -> f64 {
        self.x_seconds(t.seconds())
    }

    pub fn x_seconds(&self, seconds: f64) -> f64 {
        let k = (seconds / self.length()).clamp(0.0, 1.0);
        self.x0 + k * (self.x1 - self.x0)
    }

    pub fn band(&self, room: RoomId) -> Option<&Band> {
        self.band_of
            .get(room.index())
            .copied()
            .flatten()
            .map(|i| &self.bands[i])
    }

    /// The y position of `who`'s line while in `room`, if they have a slot there.
    pub fn y(&self, who: PersonId, room: RoomId) -> Option<f64> {
        let band = self.band(room)?;
        let slot = band.visitors.iter().position(|&p| p == who)?;
        let offset = slot as f64 - (band.visitors.len() as f64 - 1.0) / 2.0;
        Some(band.middle() + offset * band.slot)
    }

    /// The y position of `who`'s line at `t`, else the middle of the band of `fallback`.
    pub fn y_at(&self, who: PersonId, t: Time, fallback: Option<RoomId>) -> Option<f64> {
        self.whereabouts
            .room_at(who, t)
            .and_then(|room| self.y(who, room))
            .or_else(|| fallback.and_then(|r| self.band(r)).map(Band::middle))
    }
}

/// Rooms in the order the take first uses them (so the story runs down the chart), rooms
/// nobody enters after those, offstage floor last.
fn band_order(scene: &Scene, whereabouts: &Whereabouts) -> Vec<RoomId> {
    let mut first: Vec<Option<Time>> = vec![None; scene.rooms.len()];
    for stays in &whereabouts.stays {
        for stay in stays {
            if let Some(room) = stay.room {
                let slot = &mut first[room.index()];
                *slot = Some(slot.map_or(stay.from, |t| t.min(stay.from)));
            }
        }
    }
    let mut rooms: Vec<RoomId> = (0..scene.rooms.len()).map(RoomId::from_index).collect();
    rooms.sort_by_key(|&r| {
        (
            scene.room(r).offstage,
            first[r.index()].is_none(),
            first[r.index()].unwrap_or(Time::ZERO),
            r,
        )
    });
    rooms
}
