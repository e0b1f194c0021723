//! CSV: RFC 4180 records of one width that a CSV reader reads, and no cell a spreadsheet
//! would run as a formula.

/// Checks a CSV cue sheet.
pub fn check(name: &str, text: &str) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    for (i, record) in reader.records().enumerate() {
        let record = record.unwrap_or_else(|e| panic!("{name}: record {i}: {e}"));
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "{name}: record {i}: a formula cell {cell:?}"
            );
        }
    }
}
