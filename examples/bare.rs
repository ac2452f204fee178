//! A bare ratatui app that draws one screen and waits for a key: the yardstick for pijat's
//! time to first frame (`scripts/measure_startup.py`).

use crossterm::event::{self, Event};
use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = (|| {
        terminal.draw(|f| {
            f.render_widget(
                Paragraph::new("bare ratatui first frame").block(Block::bordered()),
                f.area(),
            );
        })?;
        loop {
            if let Event::Key(_) = event::read()? {
                return Ok(());
            }
        }
    })();
    ratatui::restore();
    result
}
