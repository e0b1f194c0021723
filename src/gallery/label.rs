//! A study reconstruction's label and sources, read from the scene's `notes`.
//!
//! A scene of a real film tells its reader what is fact and what is invented: its notes say
//! "study reconstruction" and end in a sources block, `Sources: publication, what (date); …`.
//! The gallery page shows both, and a test holds every bundled scene but the tutorial to them.

/// The words that label a scene as a study reconstruction (matched ignoring case).
pub const LABEL: &str = "study reconstruction";

/// The words that open the sources block (matched ignoring case).
pub const SOURCES: &str = "sources:";

/// What a scene's notes say about where its facts come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudyLabel {
    /// The notes call the scene a study reconstruction.
    pub labelled: bool,
    /// The entries of the sources block, in order; `None` when the notes have no block.
    pub sources: Option<Vec<String>>,
}

impl StudyLabel {
    pub fn of(notes: &str) -> StudyLabel {
        let lower = notes.to_lowercase();
        let labelled = lower.contains(LABEL);
        // Lower-casing can change byte lengths (a few letters outside ASCII), so the block's
        // start is found again in the original text by character count.
        let sources = lower.find(SOURCES).map(|at| {
            let chars = lower[..at].chars().count() + SOURCES.chars().count();
            let block: String = notes.chars().skip(chars).collect();
            block
                .split(';')
                .map(|s| s.trim().trim_end_matches('.').trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        });
        StudyLabel { labelled, sources }
    }

    /// What is missing, one sentence each; empty when the label and sources are in order.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if !self.labelled {
            problems.push(format!("the notes do not say \"{LABEL}\""));
        }
        match &self.sources {
            None => problems.push("the notes have no `Sources:` block".to_string()),
            Some(entries) if entries.is_empty() => {
                problems.push("the `Sources:` block lists nothing".to_string())
            }
            Some(entries) => {
                for entry in entries.iter().filter(|e| year(e).is_none()) {
                    problems.push(format!("the source \"{entry}\" gives no year"));
                }
            }
        }
        problems
    }
}

/// The first year (four digits from 1800 to 2199, standing alone) in `text`.
pub fn year(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(3)).find_map(|i| {
        let digits = &chars[i..i + 4];
        let alone = (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if !alone || !digits.iter().all(char::is_ascii_digit) {
            return None;
        }
        let value: u32 = digits.iter().collect::<String>().parse().ok()?;
        (1800..2200).contains(&value).then_some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_labelled_scene_with_dated_sources_has_no_problems() {
        let label = StudyLabel::of(
            "Study reconstruction. Facts are real. Sources: Filmmaker Magazine, an interview (April 2015); the credits (1990).",
        );
        assert!(label.labelled);
        assert_eq!(
            label.sources.as_deref(),
            Some(
                &[
                    "Filmmaker Magazine, an interview (April 2015)".to_string(),
                    "the credits (1990)".to_string()
                ][..]
            )
        );
        assert!(label.problems().is_empty());
    }

    #[test]
    fn missing_label_missing_block_and_undated_sources_are_each_reported() {
        assert_eq!(
            StudyLabel::of("A scene. Sources: a book (1985).").problems(),
            ["the notes do not say \"study reconstruction\""]
        );
        assert_eq!(
            StudyLabel::of("Study reconstruction of a film.").problems(),
            ["the notes have no `Sources:` block"]
        );
        assert_eq!(
            StudyLabel::of("study reconstruction. Sources: ; .").problems(),
            ["the `Sources:` block lists nothing"]
        );
        assert_eq!(
            StudyLabel::of("STUDY RECONSTRUCTION. Sources: a blog post; a book (1985)").problems(),
            ["the source \"a blog post\" gives no year"]
        );
    }

    #[test]
    fn a_year_stands_alone_and_is_plausible() {
        assert_eq!(year("March 2020"), Some(2020));
        assert_eq!(year("(1958)"), Some(1958));
        assert_eq!(year("page 12345"), None);
        assert_eq!(year("room 1200"), None);
        assert_eq!(year("ß é 1990"), Some(1990));
    }
}
