//! Drawing the live calling view with ratatui: fits 80 × 24 and more.
//!
//! From the top: the title line with the clock (time / length, running or paused, speed),
//! the beat, a big GO panel (red while a GO is just given, else the next GO and its
//! countdown), the next calls with countdowns, the standby list, the line or action being
//! played, and the keys (or the open prompt). Every piece of scene text reaching here is
//! already terminal-safe ([`super::Calling`] spells control characters out).

use super::clock::{Asking, Clock};
use super::{View, countdown};
use crate::cuesheet::script::Call;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// How many coming calls the screen lists.
pub const NEXT_SHOWN: usize = 6;

/// Draws `view` with the clock's state into the whole frame.
pub fn draw(frame: &mut Frame, title: &str, view: &View, clock: &Clock) {
    let area = frame.area();
    let [head, beat, go, next, standby, playing, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(5),
        Constraint::Min(4),
        Constraint::Length(2),
        Constraint::Length(3),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(head_line(title, view, clock, area.width), head);
    let beat_text = match &view.beat {
        Some((n, of, title, at)) => format!("Beat {n}/{of}: {title} (from {})", at.clock()),
        None => "Before the first beat".to_string(),
    };
    frame.render_widget(
        Paragraph::new(beat_text).style(Style::new().add_modifier(Modifier::BOLD)),
        beat,
    );
    draw_go(frame, view, go);
    draw_next(frame, view, next);
    let on: Vec<String> = view
        .standby
        .iter()
        .map(|(label, at)| format!("{label} (GO {})", at.clock()))
        .collect();
    let standby_text = if on.is_empty() {
        "ON STANDBY: nobody".to_string()
    } else {
        format!("ON STANDBY: {}", on.join(", "))
    };
    frame.render_widget(
        Paragraph::new(standby_text)
            .style(Style::new().fg(Color::Yellow))
            .wrap(Wrap { trim: true }),
        standby,
    );
    let playing_text = view.playing.as_deref().unwrap_or("…");
    frame.render_widget(
        Paragraph::new(format!("NOW: {playing_text}")).wrap(Wrap { trim: true }),
        playing,
    );
    frame.render_widget(keys_line(clock), keys);
}

fn head_line<'a>(title: &'a str, view: &View, clock: &Clock, width: u16) -> Paragraph<'a> {
    let state = if clock.running {
        "▶ running"
    } else {
        "⏸ paused"
    };
    let speed = crate::escape::number(clock.speed, 2);
    let right = format!(
        "{} / {}  {state} ×{speed}",
        view.now.clock(),
        view.length.clock()
    );
    let room = usize::from(width).saturating_sub(right.chars().count() + 2);
    let title: String = title.chars().take(room).collect();
    let gap = usize::from(width).saturating_sub(title.chars().count() + right.chars().count());
    Paragraph::new(Line::from(vec![
        Span::styled(title, Style::new().add_modifier(Modifier::BOLD)),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, Style::new().add_modifier(Modifier::BOLD)),
    ]))
}

fn draw_go(frame: &mut Frame, view: &View, area: Rect) {
    let (lines, style, title) = match &view.go {
        Some(go) => (
            vec![
                Line::from(format!("▶▶  {}  ◀◀", go.words)).alignment(Alignment::Center),
                Line::from(go.trigger.clone().unwrap_or_default()).alignment(Alignment::Center),
            ],
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            " GO ",
        ),
        None => {
            let next_go = view.next.iter().find(|n| n.words.ends_with(" GO"));
            match next_go {
                Some(n) => (
                    vec![
                        Line::from(format!("next: {}  {}", n.words, countdown(n.countdown)))
                            .alignment(Alignment::Center),
                        Line::from(n.trigger.clone().unwrap_or_default())
                            .alignment(Alignment::Center),
                    ],
                    Style::new().add_modifier(Modifier::BOLD),
                    " next GO ",
                ),
                None => (
                    vec![Line::from("no more GOs").alignment(Alignment::Center)],
                    Style::new(),
                    " next GO ",
                ),
            }
        }
    };
    frame.render_widget(
        Paragraph::new(lines)
            .style(style)
            .wrap(Wrap { trim: true })
            .block(Block::new().borders(Borders::ALL).title(title)),
        area,
    );
}

fn draw_next(frame: &mut Frame, view: &View, area: Rect) {
    let mut lines = vec![Line::styled(
        "NEXT CALLS",
        Style::new().add_modifier(Modifier::BOLD),
    )];
    for next in &view.next {
        let style = if next.words.ends_with(" GO") {
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
        } else if next.words.starts_with(Call::Standby.name()) {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new()
        };
        let mut text = format!(
            "{:>11}  {:>6}  {}",
            countdown(next.countdown),
            next.at.clock(),
            next.words
        );
        if let Some(trigger) = &next.trigger {
            text.push_str(&format!(" — {trigger}"));
        }
        lines.push(Line::styled(text, style));
    }
    if view.next.is_empty() {
        lines.push(Line::from("  no more calls"));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn keys_line(clock: &Clock) -> Paragraph<'static> {
    let text = match (&clock.prompt, &clock.message) {
        (Some((Asking::Beat, typed)), _) => format!("jump to beat (1, 2, …): {typed}▏ Enter · Esc"),
        (Some((Asking::Time, typed)), _) => format!("jump to time (2:00): {typed}▏ Enter · Esc"),
        (None, Some(message)) => format!("{message} · Esc"),
        (None, None) => {
            "space start/pause · j/k or ←/→ ∓1 s · b beat · t time · q quit".to_string()
        }
    };
    Paragraph::new(text).style(Style::new().add_modifier(Modifier::DIM))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Time;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn screen(at: f64, clock: &Clock, width: u16, height: u16) -> String {
        let calling = crate::call::tests::calling();
        let view = calling.view(Time::from_seconds(at).unwrap_or(Time::ZERO), NEXT_SHOWN);
        let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height)) else {
            panic!("a test terminal")
        };
        let drawn = terminal.draw(|frame| draw(frame, &calling.title, &view, clock));
        assert!(drawn.is_ok());
        let buffer = terminal.backend().buffer();
        let mut text = String::new();
        for y in 0..height {
            for x in 0..width {
                text.push_str(buffer[(x, y)].symbol());
            }
            text.push('\n');
        }
        text
    }

    #[test]
    fn an_80_by_24_screen_shows_the_clock_beat_next_call_and_keys() {
        let clock = Clock::new(
            Time::from_seconds(20.0).unwrap_or(Time::ZERO),
            Time::from_seconds(45.0).unwrap_or(Time::ZERO),
            1.0,
        );
        let text = screen(20.0, &clock, 80, 24);
        assert!(text.contains("0:20.0 / 0:45.0"), "{text}");
        assert!(text.contains("paused"), "{text}");
        assert!(text.contains("Beat 2/2: The news"), "{text}");
        assert!(text.contains("in 8.0 s  0:28.0  Standby SQ 2"), "{text}");
        assert!(text.contains("next: SQ 2 GO  in 12.0 s"), "{text}");
        assert!(text.contains("q quit"), "{text}");
        // Nothing is drawn past the 80 columns or 24 rows.
        assert_eq!(text.lines().count(), 24);
    }

    #[test]
    fn a_go_just_given_fills_the_go_panel() {
        let clock = Clock::new(
            Time::ZERO,
            Time::from_seconds(45.0).unwrap_or(Time::ZERO),
            1.0,
        );
        let text = screen(12.5, &clock, 80, 24);
        assert!(text.contains("▶▶  LX 2, FX 1 GO  ◀◀"), "{text}");
        assert!(text.contains("as Ana reaches mark “living-mid”"), "{text}");
    }

    #[test]
    fn an_open_prompt_shows_what_is_typed() {
        let mut clock = Clock::new(
            Time::ZERO,
            Time::from_seconds(45.0).unwrap_or(Time::ZERO),
            1.0,
        );
        clock.prompt = Some((Asking::Beat, "2".into()));
        let text = screen(0.0, &clock, 80, 24);
        assert!(text.contains("jump to beat (1, 2, …): 2"), "{text}");
    }
}
