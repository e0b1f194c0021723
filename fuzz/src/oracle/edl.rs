//! Marker EDL: the header, then events in pairs of lines, each event one frame long with
//! source equal to record, each marker line exactly three fields: no scene text can end an
//! event or start another.

/// Checks a marker EDL as `oner cues --format edl` writes it.
pub fn check(name: &str, text: &str) {
    let mut lines = text.split('\n');
    let title = lines.next().unwrap_or("");
    assert!(title.starts_with("TITLE: "), "{name}: no TITLE line");
    let fcm = lines.next().unwrap_or("");
    assert!(
        fcm == "FCM: DROP FRAME" || fcm == "FCM: NON-DROP FRAME",
        "{name}: FCM line {fcm:?}"
    );
    let mut number = 0;
    loop {
        match lines.next() {
            Some("") => {}
            None => break,
            Some(other) => panic!("{name}: expected a blank line, got {other:?}"),
        }
        let Some(event) = lines.next() else { break };
        if event.is_empty() {
            // The file's final newline.
            assert!(lines.next().is_none(), "{name}: text after the last event");
            break;
        }
        number += 1;
        let fields: Vec<&str> = event.split_whitespace().collect();
        assert_eq!(fields.len(), 8, "{name}: event {event:?}");
        assert_eq!(
            fields[0].parse::<usize>().ok(),
            Some(number),
            "{name}: {event:?}"
        );
        assert_eq!(&fields[1..4], ["001", "V", "C"], "{name}: {event:?}");
        assert_eq!(
            (fields[4], fields[5]),
            (fields[6], fields[7]),
            "{name}: {event:?}"
        );
        for tc in &fields[4..] {
            assert!(
                tc.len() == 11
                    && tc.bytes().enumerate().all(|(i, b)| match i {
                        2 | 5 => b == b':',
                        8 => b == b':' || b == b';',
                        _ => b.is_ascii_digit(),
                    }),
                "{name}: timecode {tc:?}"
            );
        }
        let marker = lines
            .next()
            .unwrap_or_else(|| panic!("{name}: an event without its marker line"));
        assert!(marker.starts_with(" |C:ResolveColor"), "{name}: {marker:?}");
        assert_eq!(marker.matches('|').count(), 3, "{name}: {marker:?}");
        let (_, frames) = marker
            .rsplit_once(" |D:")
            .unwrap_or_else(|| panic!("{name}: no |D: in {marker:?}"));
        assert!(
            frames.parse::<u64>().is_ok_and(|f| f >= 1),
            "{name}: {marker:?}"
        );
        assert!(marker.contains(" |M:"), "{name}: {marker:?}");
    }
}
