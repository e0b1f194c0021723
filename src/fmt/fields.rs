//! The documented field order of every named-field group in a scene (docs/format.md's
//! reference), and what each field holds, so the formatter knows which struct a nested
//! group is. Where the reference tables and its examples disagree, the examples (and the
//! bundled scenes) win: `pronouns` follows the name it stands in for.

/// What a value is, as far as field order goes.
#[derive(Clone, Copy)]
pub enum Value {
    /// Anything whose inside is not reordered: a string, a number, a tuple, a unit variant.
    Other,
    /// A named-field group `( … )` with these fields, in this order.
    Struct(&'static [Field]),
    /// An enum whose named-field variants `Name( … )` have these fields.
    Variants(&'static [(&'static str, &'static [Field])]),
    /// `[ … ]` of values.
    List(&'static Value),
    /// `{ "id": …, … }`: the entries keep their order, the values are looked into.
    Map(&'static Value),
}

/// A field's name and what it holds.
pub type Field = (&'static str, Value);

const O: Value = Value::Other;

pub const SCENE: Value = Value::Struct(&[
    ("title", O),
    ("notes", O),
    ("date", O),
    ("frame_rate", O),
    ("length", O),
    ("allow", O),
    ("warn", O),
    ("deny", O),
    ("reveal", O),
    ("set", SET),
    ("cast", Value::Map(&Value::Struct(CAST))),
    ("crew", Value::Map(&Value::Struct(CREW))),
    (
        "props",
        Value::Map(&Value::Struct(&[("name", O), ("starts", O)])),
    ),
    (
        "beats",
        Value::List(&Value::Struct(&[("at", O), ("title", O), ("notes", O)])),
    ),
    (
        "timeline",
        Value::List(&Value::Struct(&[("at", O), ("do", ACTION), ("note", O)])),
    ),
    ("summary", O),
]);

const SET: Value = Value::Struct(&[
    (
        "rooms",
        Value::Map(&Value::Struct(&[
            ("name", O),
            ("shape", SHAPE),
            ("offstage", O),
            ("exterior", O),
            ("wall_height", O),
        ])),
    ),
    ("doors", Value::List(&Value::Struct(DOOR))),
    (
        "wild_walls",
        Value::List(&Value::Struct(&[
            ("id", O),
            ("name", O),
            ("from", O),
            ("to", O),
        ])),
    ),
    (
        "furniture",
        Value::List(&Value::Struct(&[
            ("id", O),
            ("name", O),
            ("room", O),
            ("shape", SHAPE),
            ("blocks_view", O),
        ])),
    ),
    (
        "practicals",
        Value::List(&Value::Struct(&[
            ("id", O),
            ("name", O),
            ("room", O),
            ("at", O),
        ])),
    ),
    (
        "marks",
        Value::Map(&Value::Struct(&[
            ("room", O),
            ("at", O),
            ("note", O),
            ("name", O),
        ])),
    ),
    (
        "backings",
        Value::List(&Value::Struct(&[
            ("id", O),
            ("name", O),
            ("covers", O),
            ("from", O),
            ("until", O),
        ])),
    ),
]);

const SHAPE: Value = Value::Variants(&[("Rect", &[("x", O), ("y", O), ("w", O), ("h", O)])]);

const DOOR: &[Field] = &[
    ("id", O),
    ("name", O),
    ("kind", O),
    ("rooms", O),
    ("at", O),
    ("width", O),
    ("hinge", O),
    ("swings_into", O),
    ("state", O),
];

const PRONOUNS: Value = Value::Variants(&[(
    "Custom",
    &[
        ("subject", O),
        ("object", O),
        ("possessive", O),
        ("plural", O),
    ],
)]);

const CAST: &[Field] = &[
    ("name", O),
    ("pronouns", PRONOUNS),
    ("played_by", O),
    ("colour", O),
    ("starts_at", O),
    ("radius", O),
    ("top_speed", O),
    ("vehicle", Value::Struct(&[("length", O), ("width", O)])),
];

const CREW: &[Field] = &[
    ("name", O),
    ("pronouns", PRONOUNS),
    (
        "role",
        Value::Variants(&[(
            "Camera",
            &[
                ("rig", O),
                ("lens_mm", O),
                ("sensor_mm", O),
                ("crane", Value::Struct(CRANE)),
            ],
        )]),
    ),
    ("starts_at", O),
    ("facing", O),
    ("in_costume", O),
    ("colour", O),
    ("radius", O),
    ("top_speed", O),
];

const ACTION: Value = Value::Variants(&[
    (
        "Move",
        &[
            ("who", O),
            ("to", O),
            ("via", O),
            ("arrive", O),
            ("pace", O),
        ],
    ),
    ("Door", &[("door", O), ("action", O), ("by", O)]),
    ("Take", &[("who", O), ("prop", O)]),
    ("Put", &[("who", O), ("prop", O), ("on", O)]),
    ("Give", &[("from", O), ("to", O), ("prop", O)]),
    ("Throw", &[("who", O), ("prop", O), ("to", O)]),
    ("Break", &[("who", O), ("prop", O)]),
    (
        "Line",
        &[
            ("who", O),
            ("says", O),
            ("to", O),
            ("until", O),
            ("on_camera", O),
        ],
    ),
    (
        "Camera",
        &[
            ("who", O),
            ("to", O),
            ("via", O),
            ("arrive", O),
            ("frame", O),
            ("lens_mm", O),
            ("height", O),
        ],
    ),
    (
        "Cue",
        &[
            ("dept", O),
            ("number", O),
            ("what", O),
            ("standby", O),
            ("strikes", O),
            ("on_slam", O),
            ("called", O),
            ("up", O),
            ("up_delay", O),
            ("down", O),
            ("down_delay", O),
            ("follows", O),
            ("link", O),
            ("part", O),
            ("list", O),
            ("qlab", O),
        ],
    ),
]);

const CRANE: &[Field] = &[
    ("arm", O),
    ("base", O),
    ("pivot_height", O),
    ("lens_height", O),
];
