//! The interactive supply-and-demand chart: milk removed per day over 14 days, for the number
//! of removals a day the learner chooses. Bars of `█`, readable without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Widget, Wrap};

use crate::theme::Theme;
use pijat_content::Lang;
use pijat_engine::supply_demand::{PARAMS, daily_supply};

pub(crate) const DAYS: usize = 14;
pub(crate) const MIN_REMOVALS: u32 = 1;
pub(crate) const MAX_REMOVALS: u32 = 18;

pub(crate) struct SupplyChart<'a> {
    pub removals: u32,
    pub theme: &'a Theme,
    pub lang: &'a Lang,
}

impl SupplyChart<'_> {
    pub(crate) const WIDTH: u16 = 2 * DAYS as u16 + 6;
    pub(crate) const HEIGHT: u16 = 14;
}

impl Widget for SupplyChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = pijat_core::strings::app::tr(self.lang);
        let supply = daily_supply(self.removals, DAYS, &PARAMS);
        let [head, bars, axis, foot] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(4),
            Constraint::Length(1),
            Constraint::Length(3),
        ])
        .areas(area);
        let title = pijat_core::fill!(app, s, chart_milk_removed, n = self.removals);
        let first = supply.first().copied().unwrap_or_default();
        let last = supply.last().copied().unwrap_or_default();
        let (first, last) = (format!("{first:.0}"), format!("{last:.0}"));
        let trend = pijat_core::fill!(app, s, chart_trend, first = first, days = DAYS, last = last);
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled("− ", self.theme.key),
                Span::styled(title, self.theme.title),
                Span::styled(" +", self.theme.key),
            ]),
            Line::from(Span::styled(trend, self.theme.text)),
        ])
        .render(head, buf);
        let data: Vec<Bar> = supply
            .iter()
            .map(|v| Bar::default().value(*v as u64).text_value(String::new()))
            .collect();
        BarChart::default()
            .data(BarGroup::default().bars(&data))
            .bar_width(1)
            .bar_gap(1)
            .max(1000)
            .bar_style(self.theme.chart)
            .render(bars, buf);
        let days = pijat_core::fill!(app, s, chart_axis, days = DAYS);
        Paragraph::new(days).style(self.theme.dim).render(axis, buf);
        let note = s.chart_note;
        Paragraph::new(note)
            .wrap(Wrap { trim: true })
            .style(self.theme.dim)
            .render(foot, buf);
    }
}
