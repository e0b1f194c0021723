//! The codes of problems found while loading a scene (S-codes), with their long explanations
//! for `oner explain` and docs/rules.md. Continuity rules (C-codes and others) live in
//! [`crate::rules`]; these are always errors and cannot be allowed.

pub const SYNTAX: &str = "S001";
pub const DUPLICATE_ID: &str = "S002";
pub const UNKNOWN_ID: &str = "S003";
pub const BAD_TIME: &str = "S004";
pub const PAST_END: &str = "S005";
pub const BAD_NUMBER: &str = "S006";
pub const BAD_ROOM: &str = "S007";
pub const ROOMS_OVERLAP: &str = "S008";
pub const DOOR_OFF_WALL: &str = "S009";
pub const OUTSIDE_ROOM: &str = "S010";
pub const BAD_VALUE: &str = "S011";
pub const WILD_WALL_OFF_WALL: &str = "S012";
pub const TOO_MANY: &str = "S013";
pub const TOO_LONG: &str = "S014";

/// The documentation of one code.
#[derive(Debug, Clone, Copy)]
pub struct CodeDoc {
    pub code: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    /// Markdown: what it checks, why it matters, an example, the fix.
    pub explanation: &'static str,
}

pub const STRUCTURE_CODES: &[CodeDoc] = &[
    CodeDoc {
        code: SYNTAX,
        name: "syntax",
        summary: "the file is not RON in the shape of a scene",
        explanation: "### What it checks\nThat the file is UTF-8 RON whose structure matches the scene format: \
known field names, every required field present, brackets balanced, nesting at most 64 deep.\n\n\
### Why it matters\nNothing else can be checked until the file can be read.\n\n\
### Example\n```ron\nScene(title: \"Take\", frame_rate: 24, lenght: \"1:00\", set: (rooms: {}))\n```\n\n\
### Fix\nSpell the field as docs/format.md does (`length`); the help line suggests the closest known field.",
    },
    CodeDoc {
        code: DUPLICATE_ID,
        name: "duplicate-id",
        summary: "two things share one id",
        explanation: "### What it checks\nThat every room, mark, door, wall, piece of furniture, practical, person and prop \
has an id of its own. Cast and crew share one namespace; so do marks and furniture (both are places).\n\n\
### Why it matters\nA reference to the id would be ambiguous. Worse, RON keeps only the last of two equal map keys, \
so a duplicated room would silently vanish from the set.\n\n\
### Example\n```ron\nrooms: { \"hall\": (…), \"hall\": (…) }\n```\n\n### Fix\nRename one of the two.",
    },
    CodeDoc {
        code: UNKNOWN_ID,
        name: "unknown-id",
        summary: "a reference names nothing",
        explanation: "### What it checks\nThat every id used in a reference (a door's rooms, a move's mark, a line's speaker, \
a rule in `allow`) names something the scene defines.\n\n### Why it matters\nUsually a typo: the staging would silently \
lose a move or a cue.\n\n### Example\n```ron\n(at: \"0:05\", do: Move(who: \"her\", to: \"K9\"))\n```\n\n\
### Fix\nUse the id the help line suggests, or define the missing thing.",
    },
    CodeDoc {
        code: BAD_TIME,
        name: "bad-time",
        summary: "a time cannot be read",
        explanation: "### What it checks\nThat times are written as `m:ss`, `m:ss.s`, `h:mm:ss` or SMPTE `hh:mm:ss:ff` at the \
take's frame rate, with `;` before the frames only for drop-frame rates (29.97, 59.94), and no frame number that \
drop-frame skips.\n\n### Why it matters\nEvery check works on the timeline; an unreadable time cannot be placed.\n\n\
### Example\n```ron\n(at: \"1:75\", do: …)\n```\n\n### Fix\nSeconds run 0–59: write `2:15`.",
    },
    CodeDoc {
        code: PAST_END,
        name: "past-end",
        summary: "a time is after the take ends",
        explanation: "### What it checks\nThat no event, beat, arrival, standby or line end is after the take's `length`.\n\n\
### Why it matters\nThe camera has cut by then; the event can never be seen, and cue sheets would list a cue that \
never fires.\n\n### Example\n```ron\nlength: \"6:10\", … (at: \"6:30\", do: Cue(…))\n```\n\n### Fix\nMove the event \
earlier or make the take longer.",
    },
    CodeDoc {
        code: BAD_NUMBER,
        name: "bad-number",
        summary: "a number is NaN, infinite or out of any sane range",
        explanation: "### What it checks\nThat coordinates are within ±10 km, widths, radii, speeds and lenses within the \
ranges a real set and real equipment have, and that no number is NaN or infinite (RON accepts `NaN` and `inf`).\n\n\
### Why it matters\nA stray exponent (`1e308`) or NaN would poison every distance and angle computed from it.\n\n\
### Example\n```ron\nmarks: { \"L1\": (room: \"living\", at: (NaN, 2.0)) }\n```\n\n### Fix\nWrite the measurement in metres.",
    },
    CodeDoc {
        code: BAD_ROOM,
        name: "bad-room-shape",
        summary: "a room's outline is degenerate or crosses itself",
        explanation: "### What it checks\nThat a room has at least three corners, no zero-length wall, an area of at least \
0.25 m², and an outline that does not cross itself.\n\n### Why it matters\nInside and outside are undefined for such \
a shape, so marks, walls and sight lines cannot be computed.\n\n### Example\n```ron\nshape: Polygon([(0,0), (2,2), (2,0), (0,2)])\n```\n\n\
### Fix\nList the corners in order around the room.",
    },
    CodeDoc {
        code: ROOMS_OVERLAP,
        name: "rooms-overlap",
        summary: "two rooms cover the same floor",
        explanation: "### What it checks\nThat no two rooms share floor area, tested exactly for any outline, convex or not (an L or \
a U with another room in its notch is fine as long as the two only meet along walls). Rooms may share walls; \
a sliver thinner than 1 mm on average counts as rounding, not overlap. The message names a point inside both \
rooms and the area they share.\n\n### Why it matters\n\
A point in both rooms has no single room, so who-is-where, routes and sight lines become ambiguous.\n\n\
### Example\n```ron\n\"a\": (shape: Rect(x: 0, y: 0, w: 4, h: 4)), \"b\": (shape: Rect(x: 3, y: 0, w: 4, h: 4))\n```\n\n\
### Fix\nMake the rooms meet on a shared wall (`x: 4` for the second).",
    },
    CodeDoc {
        code: DOOR_OFF_WALL,
        name: "door-off-wall",
        summary: "a door is not on a wall its two rooms share",
        explanation: "### What it checks\nThat a door, opening, arch or window sits on a wall shared by the two rooms it \
joins, with its whole width inside the shared stretch.\n\n### Why it matters\nRoutes go through door centres and \
sight passes through door gaps; a door off the wall would let people walk through solid walls.\n\n\
### Example\n```ron\n(id: \"d\", kind: Door, rooms: (\"a\", \"b\"), at: (3.5, 2.0), width: 0.9)  // wall is at x = 4\n```\n\n\
### Fix\nPut `at` on the shared wall (the help line gives the nearest point), or narrow the door.",
    },
    CodeDoc {
        code: OUTSIDE_ROOM,
        name: "outside-room",
        summary: "a mark, piece of furniture or practical is outside its room, or a mark is inside furniture",
        explanation: "### What it checks\nThat marks and practicals lie inside the room they name, that furniture fits \
inside its room, and that no mark lies inside a piece of furniture (on its edge is fine: a seat at the table).\n\n\
### Why it matters\nA mark outside its room puts a performer in the wrong room (or in a wall), and \
every route and sight line from it is wrong. A mark inside furniture puts a body in the table, and every move to it \
walks through it.\n\n### Example\n```ron\n\"L1\": (room: \"living\", at: (7.0, 2.0))  // living room ends at x = 6\n```\n\n\
### Fix\nCorrect the coordinates or the room.",
    },
    CodeDoc {
        code: BAD_VALUE,
        name: "bad-value",
        summary: "a value is not one the format accepts",
        explanation: "### What it checks\nValues that parse but mean nothing: an unsupported frame rate, a colour that is \
not `#rrggbb`, an empty id, a door state for an opening, a camera event for someone who is not a camera, a door \
that swings into a room it does not join.\n\n### Why it matters\nThe rest of oner relies on these being meaningful.\n\n\
### Example\n```ron\ncolour: \"red\"\n```\n\n### Fix\nWrite `colour: \"#c0392b\"`; the help line says what is accepted.",
    },
    CodeDoc {
        code: WILD_WALL_OFF_WALL,
        name: "wild-wall-off-wall",
        summary: "a wild wall is not part of any room's wall",
        explanation: "### What it checks\nThat a wild wall lies along the outline of at least one room.\n\n\
### Why it matters\nA wild wall is a flat that can be struck; if it is not on a wall, striking it opens nothing and \
the reveal the staging relies on cannot happen.\n\n### Example\n```ron\nwild_walls: [(id: \"w\", from: (1, 1), to: (2, 1))]  // in mid-room\n```\n\n\
### Fix\nGive the end points of a stretch of an existing wall.",
    },
    CodeDoc {
        code: TOO_MANY,
        name: "too-many",
        summary: "the scene holds more of something than oner's limits",
        explanation: "### What it checks\nThat the scene has at most 1,000 rooms, 10,000 doors, 10,000 wild walls, \
20,000 pieces of furniture, 20,000 practicals, 200,000 marks, 20,000 cast members, 1,000 crew members, 20,000 props, \
10,000 beats and 500,000 timeline events (docs/limits.md).\n\n\
### Why it matters\nThe limits sit ten times and more above the largest real take (a *Russian Ark* of 2,000 \
performers and about 100,000 events checks well inside them); beyond them a file is generated by mistake or made to \
exhaust the machine, and a check would take minutes and gigabytes instead of failing at once.\n\n\
### Example\n```ron\ntimeline: [ /* 1,000,000 events at \"0:01\" */ ]\n```\n\n\
### Fix\nSplit the take into scenes, or fix the generator that wrote the file.",
    },
    CodeDoc {
        code: TOO_LONG,
        name: "too-long",
        summary: "a text is longer than oner's limits",
        explanation: "### What it checks\nThat ids and references to them are at most 100 characters, titles, names, \
colours and cue numbers at most 200, and free text (a line's description, a cue's `what`, notes, times) at most 4,000 \
(docs/limits.md).\n\n\
### Why it matters\nEvery output repeats scene text: the player embeds the title in every frame's data, the \
terminal echoes ids in diagnostics. A 10 MB title made over a gigabyte of outputs.\n\n\
### Example\n```ron\ntitle: \"…ten million characters…\"\n```\n\n\
### Fix\nShorten it; keep long notes in a document of their own.",
    },
];
