//! What a cue carries for the desks it is handed to: a lighting console (USITT ASCII) and
//! QLab. All of it is optional in the scene; a cue without it keeps its place and label on
//! every hand-off, and the desk's own defaults fill the rest.

/// A cue's hand-off data, resolved and in range.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CueHandoff {
    /// Lighting: fade-up time and the wait before it, seconds.
    pub up: Option<Fade>,
    /// Lighting: fade-down time and the wait before it, seconds.
    pub down: Option<Fade>,
    /// Lighting: the desk runs this cue itself after the LX cue before it in its list
    /// (that cue's `FOLLOWON` is the time between them); the stage manager does not call it.
    pub follows: bool,
    /// Lighting: the desk cue to go to after this one (a desk number, `12.5`).
    pub link: Option<String>,
    /// Lighting: this event is part N of its cue (a multipart cue), 1–20.
    pub part: Option<u32>,
    /// Lighting: the desk's cue list; `None` is the desk's default list.
    pub list: Option<u32>,
    /// The QLab cue type to create; `None` is a memo cue.
    pub qlab: Option<QlabCueType>,
}

/// A fade: how long it takes and how long after the GO it starts, seconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fade {
    pub time: f64,
    pub delay: f64,
}

/// The QLab cue types a scene may ask for: those that make sense without a file or a target,
/// as QLab 5's `/new` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QlabCueType {
    Memo,
    Audio,
    Light,
    Network,
    Midi,
    Video,
    Text,
    Group,
    Wait,
    Script,
}

impl QlabCueType {
    pub const ALL: [QlabCueType; 10] = [
        QlabCueType::Memo,
        QlabCueType::Audio,
        QlabCueType::Light,
        QlabCueType::Network,
        QlabCueType::Midi,
        QlabCueType::Video,
        QlabCueType::Text,
        QlabCueType::Group,
        QlabCueType::Wait,
        QlabCueType::Script,
    ];

    /// The name QLab's `/new` takes.
    pub fn name(self) -> &'static str {
        match self {
            QlabCueType::Memo => "memo",
            QlabCueType::Audio => "audio",
            QlabCueType::Light => "light",
            QlabCueType::Network => "network",
            QlabCueType::Midi => "midi",
            QlabCueType::Video => "video",
            QlabCueType::Text => "text",
            QlabCueType::Group => "group",
            QlabCueType::Wait => "wait",
            QlabCueType::Script => "script",
        }
    }

    pub fn parse(text: &str) -> Option<QlabCueType> {
        QlabCueType::ALL.into_iter().find(|t| t.name() == text)
    }
}

/// Whether `text` is a cue number a lighting desk takes: digits, optionally a point and one
/// to three more digits (`12`, `12.5`, `12.125`), at most four whole digits, above zero.
pub fn is_desk_number(text: &str) -> bool {
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole)
        && whole.len() <= 4
        && fraction.is_none_or(|f| digits(f) && f.len() <= 3)
        && text.bytes().any(|b| (b'1'..=b'9').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desk_numbers_are_decimals_a_console_takes() {
        for ok in ["1", "12.5", "0.5", "9999.999", "2.50"] {
            assert!(is_desk_number(ok), "{ok}");
        }
        for bad in [
            "", "0", "0.0", "4A", "house", "1.", ".5", "10000", "1.0001", "-1", "1e3",
        ] {
            assert!(!is_desk_number(bad), "{bad}");
        }
    }

    #[test]
    fn qlab_types_round_trip() {
        for t in QlabCueType::ALL {
            assert_eq!(QlabCueType::parse(t.name()), Some(t));
        }
        assert_eq!(QlabCueType::parse("Memo"), None);
    }
}
