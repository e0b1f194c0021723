//! The shot list as CSV (RFC 4180, CRLF), with the times also as seconds to sort on. Scene
//! text is stripped of control characters and defused against spreadsheet formulas the way
//! the cue sheet's CSV is.

use super::{HEADERS, Setup};
use crate::cuesheet::format::csv::defuse;
use crate::escape::strip_control;
use crate::model::Scene;

pub fn render(scene: &Scene, setups: &[Setup]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<String> = HEADERS.iter().map(|h| h.to_lowercase()).collect();
    header.extend(["in_seconds".to_string(), "out_seconds".to_string()]);
    // Writing into a Vec cannot fail; a failure would only drop the record.
    let _ = writer.write_record(&header);
    for setup in setups {
        let mut record: Vec<String> = setup
            .cells(scene)
            .into_iter()
            .map(|c| defuse(strip_control(&c)))
            .collect();
        record.push(crate::escape::number(setup.time_in.seconds(), 3));
        record.push(crate::escape::number(setup.time_out.seconds(), 3));
        let _ = writer.write_record(&record);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
