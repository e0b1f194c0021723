//! One open scene file as the editor has it (unsaved text included), and what is derived
//! from it on demand: the raw parse, the ids, the loaded scene. Each is computed at most once
//! per version, the first time a request needs it.

use super::ids::{IdIndex, Kind};
use super::position::LineIndex;
use crate::load::Loaded;
use crate::locate::SpanIndex;
use crate::raw;
use crate::source::SourceFile;
use std::cell::OnceCell;
use std::sync::Arc;

/// The parse of a version that ron accepts.
pub struct Parsed {
    pub raw: raw::Scene,
    pub spans: SpanIndex,
}

pub struct Document {
    pub version: i32,
    pub text: Arc<String>,
    pub lines: LineIndex,
    parsed: OnceCell<Option<Parsed>>,
    id_index: OnceCell<IdIndex>,
    loaded: OnceCell<Loaded>,
    /// The ids defined by the last version that had any: completion still knows them while
    /// the text is half-typed.
    previous_ids: Option<Arc<DefinedIds>>,
    ids: OnceCell<Arc<DefinedIds>>,
    /// Every inlay hint of this version (the simulation is built once, not per request).
    pub(super) hints: OnceCell<Vec<super::hints::Hint>>,
}

/// Every defined id with its kind, in file order.
pub type DefinedIds = Vec<(Kind, String)>;

impl Document {
    pub fn new(version: i32, text: String) -> Document {
        Document {
            version,
            lines: LineIndex::new(&text),
            text: Arc::new(text),
            parsed: OnceCell::new(),
            id_index: OnceCell::new(),
            loaded: OnceCell::new(),
            previous_ids: None,
            ids: OnceCell::new(),
            hints: OnceCell::new(),
        }
    }

    /// The next version of `self`: keeps the ids known so far for completion, without
    /// parsing anything now.
    pub fn next(&self, version: i32, text: String) -> Document {
        let mut doc = Document::new(version, text);
        doc.previous_ids = match self.parsed.get() {
            Some(Some(_)) => Some(self.defined_ids()),
            _ => self
                .ids
                .get()
                .cloned()
                .or_else(|| self.previous_ids.clone()),
        };
        doc
    }

    /// The ids this version defines, or the last known ones while it does not parse.
    pub fn defined_ids(&self) -> Arc<DefinedIds> {
        if let Some(ids) = self.ids.get() {
            return Arc::clone(ids);
        }
        let ids: DefinedIds = self
            .ids()
            .all()
            .iter()
            .filter(|o| o.definition)
            .map(|o| (o.kind, o.id.clone()))
            .collect();
        if ids.is_empty()
            && let Some(previous) = &self.previous_ids
        {
            return Arc::clone(previous);
        }
        Arc::clone(self.ids.get_or_init(|| Arc::new(ids)))
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The raw scene and its spans; `None` while the text is not valid RON of the scene's
    /// shape (mid-edit).
    pub fn parsed(&self) -> Option<&Parsed> {
        self.parsed
            .get_or_init(|| {
                let raw: raw::Scene = crate::load::ron_options().from_str(&self.text).ok()?;
                let spans = SpanIndex::shared(Arc::clone(&self.text));
                Some(Parsed { raw, spans })
            })
            .as_ref()
    }

    /// Every id in the text, defined and used (no parse needed).
    pub fn ids(&self) -> &IdIndex {
        self.id_index.get_or_init(|| IdIndex::scan(&self.text))
    }

    /// The loader's result; its `scene` is `Some` only for a scene without errors.
    pub fn loaded(&self) -> &Loaded {
        self.loaded.get_or_init(|| {
            let file = SourceFile::new("scene.ron", self.text.as_str());
            crate::load::load(&file)
        })
    }

    /// A source file of this text, for the checker and time parsing.
    pub fn source_file(&self, name: &str) -> SourceFile {
        SourceFile::new(name, self.text.as_str())
    }
}
