//! Drawing the sheets: a row per participant, the columns that fit around the cursor, and
//! what the cursor's question wants typed.

use super::*;

impl GridScreen<'_> {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let th = view.theme;
        let s = view.s;
        let label = s.phase(self.phase);
        let title = format!("{} · {} · {label}", self.class.name, s.answer_sheets);
        let inner = framed(&title, area, buf, th);
        let [table, foot] =
            Layout::vertical([Constraint::Min(2), Constraint::Length(2)]).areas(inner);
        let n = self.paper.shown.len();
        let widths: Vec<usize> = (0..n)
            .map(|c| {
                let longest = self
                    .rows
                    .iter()
                    .map(|r| r.cells.get(c).map_or(0, |x| x.chars().count()))
                    .max()
                    .unwrap_or(0);
                longest.max((c + 1).to_string().len()).max(1) + 1
            })
            .collect();
        let name_w = 18usize.min(table.width as usize / 3);
        // Columns scroll so that the cursor's column is always in sight.
        let avail = (table.width as usize).saturating_sub(name_w + 1);
        let through_cursor = |from| widths.iter().take(self.col + 1).skip(from).sum::<usize>();
        let mut first = 0;
        while first < self.col && through_cursor(first) > avail {
            first += 1;
        }
        let mut last = first;
        let mut used = 0;
        while let Some(w) = widths.get(last)
            && used + w <= avail
        {
            used += w;
            last += 1;
        }
        let mut header = vec![Span::styled(
            format!("{:<w$} ", s.name_col, w = name_w),
            th.title,
        )];
        for (c, w) in widths.iter().enumerate().take(last).skip(first) {
            header.push(Span::styled(format!("{:>w$}", c + 1, w = *w), th.title));
        }
        let mut lines = vec![Line::from(header)];
        let height = table.height.saturating_sub(1) as usize;
        let top = self.row.saturating_sub(height.saturating_sub(1));
        for (ri, r) in self.rows.iter().enumerate().skip(top).take(height) {
            let name: String = r.profile.name.chars().take(name_w).collect();
            let lead = if ri == self.row { "▸" } else { " " };
            let name_style = if r.error.is_some() { th.wrong } else { th.text };
            let mut spans = vec![
                Span::styled(format!("{lead}{:<w$}", name, w = name_w - 1), name_style),
                Span::raw(" "),
            ];
            if r.locked {
                spans.push(Span::styled(format!("✓ {}", s.has_result), th.correct));
            } else {
                let cells = widths.iter().zip(&r.cells).enumerate();
                for (c, (w, cell)) in cells.take(last).skip(first) {
                    let cell = if cell.is_empty() {
                        "·".to_string()
                    } else {
                        cell.to_uppercase()
                    };
                    let style = if ri == self.row && c == self.col {
                        th.selected
                    } else {
                        th.text
                    };
                    spans.push(Span::styled(format!("{:>w$}", cell, w = *w), style));
                }
            }
            lines.push(Line::from(spans));
        }
        Paragraph::new(lines).render(table, buf);
        let mut foot_lines = Vec::new();
        if let Some(e) = self.rows.get(self.row).and_then(|r| r.error.as_ref()) {
            foot_lines.push(Line::from(Span::styled(format!("✗ {e}"), th.wrong)));
        }
        match &self.message {
            Some(m) => foot_lines.push(Line::from(Span::styled(m.clone(), th.warning))),
            None => {
                let hint = match self.kind(self.col) {
                    None | Some(QuestionKind::TrueFalse { .. }) => s.grid_hint_tf,
                    Some(QuestionKind::Single { .. }) => s.grid_hint_single,
                    Some(_) => s.grid_hint_many,
                };
                foot_lines.push(Line::from(Span::styled(
                    format!("{} {}: {hint}", s.question_word, self.col + 1),
                    th.dim,
                )));
            }
        }
        Paragraph::new(foot_lines)
            .wrap(Wrap { trim: true })
            .render(foot, buf);
    }
}
