//! Styles named by meaning. Sixteen-colour safe; with `NO_COLOR` every style is colourless and
//! meaning is carried by bold, reverse and underline (and by ✓/✗ next to every right/wrong).

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub title: Style,
    pub text: Style,
    pub dim: Style,
    pub key: Style,
    pub key_hint: Style,
    pub selected: Style,
    pub figure: Style,
    pub highlight: Style,
    pub correct: Style,
    pub wrong: Style,
    pub warning: Style,
    pub accent: Style,
    pub gauge: Style,
    pub border: Style,
    pub countdown: Style,
    pub paused: Style,
    pub chart: Style,
}

impl Theme {
    pub fn colour() -> Self {
        let fg = |c| Style::new().fg(c);
        Theme {
            title: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            text: Style::new(),
            dim: fg(Color::DarkGray),
            key: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            key_hint: fg(Color::Gray),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            figure: fg(Color::Gray),
            highlight: fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            correct: fg(Color::LightGreen).add_modifier(Modifier::BOLD),
            wrong: fg(Color::LightRed).add_modifier(Modifier::BOLD),
            warning: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            accent: fg(Color::LightCyan),
            gauge: fg(Color::Green).bg(Color::Black),
            border: fg(Color::DarkGray),
            countdown: fg(Color::White).add_modifier(Modifier::BOLD),
            paused: fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::SLOW_BLINK),
            chart: fg(Color::Green),
        }
    }

    pub fn plain() -> Self {
        let b = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            title: b,
            text: Style::new(),
            dim: Style::new(),
            key: b,
            key_hint: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            figure: Style::new(),
            highlight: Style::new().add_modifier(Modifier::REVERSED),
            correct: b,
            wrong: b,
            warning: b,
            accent: Style::new().add_modifier(Modifier::UNDERLINED),
            gauge: Style::new(),
            border: Style::new(),
            countdown: b,
            paused: b,
            chart: Style::new(),
        }
    }

    /// Colour unless the `NO_COLOR` convention asks for none.
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color {
            Self::plain()
        } else {
            Self::colour()
        }
    }
}
