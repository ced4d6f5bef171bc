//! The selected statement's source: the article it comes from, with the statement's
//! words highlighted and scrolled into view, and the other articles reporting it; the
//! editor that corrects the statement, the article's publication date, and a statement
//! added from text selected in the article.

use eframe::egui;
use std::ops::Range;

use chrono::NaiveDate;
use egui::text::{CCursor, LayoutJob};
use egui::{Align, Role, TextFormat, Ui, WidgetInfo};

use crate::model::{Article, ArticleIdx, DateValue, Kind, StatementIdx};
use crate::project::{ArticleId, Edit, StatementId};
use crate::timeline::{format_date, format_day};

use super::editor::StatementEditor;
use super::{Command, View, first_words, theme};

#[derive(Debug, Default)]
pub struct SourcePanel {
    /// The statement whose span the text was last scrolled to.
    scrolled_for: Option<StatementIdx>,
    /// What is highlighted: the article and the byte range of its text.
    highlight: Option<(ArticleIdx, Range<usize>)>,
    editor: StatementEditor,
    /// The publication date as typed, and the article it was filled from.
    published: String,
    published_for: Option<(ArticleIdx, Option<NaiveDate>)>,
    /// Text selected in the article on the last frame (byte range of its text).
    selection: Option<(ArticleIdx, Range<usize>)>,
}

impl SourcePanel {
    /// The article shown and the byte range of its text that is highlighted.
    pub fn highlight(&self) -> Option<(ArticleIdx, Range<usize>)> {
        self.highlight.clone()
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &View<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(s) = view.selected.filter(|&s| s < view.ds.statements.len()) else {
            self.highlight = None;
            self.scrolled_for = None;
            overview_ui(ui, view, &mut commands);
            return commands;
        };
        let ds = view.ds;
        let st = &ds.statements[s];
        let article = &ds.articles[st.article];
        let speaker = ds.speakers.get(st.speaker);

        let title = article
            .title
            .clone()
            .unwrap_or_else(|| article.file.clone());
        ui.heading(&title);
        ui.horizontal_wrapped(|ui| {
            ui.label(article.outlet.as_deref().unwrap_or("Unknown outlet"));
            ui.weak("·");
            match article.published {
                Some(d) => ui.label(format!("published {}", format_day(d))),
                None => ui.colored_label(theme::WARNING, "publication date unknown"),
            };
        });
        if let Some(edit) = self.published_ui(ui, st.article, article) {
            commands.push(Command::Edit(edit));
        }
        if let Some(url) = &article.url {
            ui.hyperlink_to(url, url);
        }
        ui.weak(&article.file);
        ui.separator();

        let date = st.date.value.bounds().map(|(first, _)| first);
        let role = st
            .role
            .as_deref()
            .or_else(|| speaker.and_then(|sp| sp.role_on(date)));
        ui.horizontal_wrapped(|ui| {
            ui.strong(speaker.map_or("?", |sp| sp.name.as_str()));
            if let Some(role) = role {
                ui.weak(role);
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(format_date(&st.date.value));
            ui.weak(format!(
                "({}: {})",
                st.date.value.precision().as_str(),
                st.date.basis
            ));
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(ds.conflict_name(st).unwrap_or("No conflict identified"));
            ui.weak("·");
            ui.weak(match st.kind {
                Kind::Direct => "direct quote",
                Kind::Reported => "reported speech",
            });
        });

        egui::CollapsingHeader::new("Correct this statement")
            .default_open(true)
            .show(ui, |ui| commands.extend(self.editor.ui(ui, view, s)));

        let others: Vec<StatementIdx> = view
            .index
            .same_event(ds, s)
            .iter()
            .copied()
            .filter(|&o| ds.statements[o].article != st.article)
            .collect();
        if !others.is_empty() {
            ui.add_space(4.0);
            ui.label(format!(
                "Also reported in {} other article{}:",
                others.len(),
                if others.len() == 1 { "" } else { "s" }
            ));
            for o in others {
                let other = &ds.articles[ds.statements[o].article];
                let text = format!(
                    "{} — {}{}",
                    other.outlet.as_deref().unwrap_or("Unknown outlet"),
                    other.title.as_deref().unwrap_or(&other.file),
                    other
                        .published
                        .map(|d| format!(" ({})", format_day(d)))
                        .unwrap_or_default()
                );
                if ui.link(text).clicked() {
                    commands.push(Command::Select(Some(o)));
                }
            }
        }
        ui.separator();

        let span = clamp_span(&article.text, st.span.clone());
        self.highlight = Some((st.article, span.clone()));
        let scroll_now = self.scrolled_for != Some(s);
        self.scrolled_for = Some(s);
        if scroll_now {
            // A selection made in the article shown before is not one in this one.
            self.selection = None;
        }
        if let Some(edit) = self.add_selection_ui(ui, view, s) {
            commands.push(Command::Edit(edit));
        }
        egui::ScrollArea::vertical()
            .id_salt("source_text")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let text = &article.text;
                let mut layouter = |ui: &Ui, _: &dyn egui::TextBuffer, wrap_width: f32| {
                    let normal = TextFormat::simple(theme::article(), ui.visuals().text_color());
                    let marked = TextFormat {
                        background: theme::HIGHLIGHT_BG,
                        color: theme::HIGHLIGHT_FG,
                        ..TextFormat::simple(theme::article(), theme::HIGHLIGHT_FG)
                    };
                    let mut job = LayoutJob::default();
                    job.append(&text[..span.start], 0.0, normal.clone());
                    job.append(&text[span.clone()], 0.0, marked);
                    job.append(&text[span.end..], 0.0, normal);
                    job.wrap.max_width = wrap_width;
                    ui.painter().layout_job(job)
                };
                // A read-only text box rather than a label: its selection can be read,
                // to add a statement the extractor missed.
                let mut shown: &str = text;
                let output = egui::TextEdit::multiline(&mut shown)
                    .id(article_text_id())
                    .layouter(&mut layouter)
                    .frame(egui::Frame::NONE)
                    .desired_width(f32::INFINITY)
                    .show(ui);
                output
                    .response
                    .widget_info(|| WidgetInfo::labeled(Role::Document, true, "Article text"));
                // Read while the text has focus and kept after, so the selection
                // outlives the click that moves focus to the button adding it.
                if let Some(range) = output.cursor_range {
                    let chars = range.as_sorted_char_range();
                    self.selection = Some(trim_range(
                        text,
                        byte_range(text, chars.start.0..chars.end.0),
                    ))
                    .filter(|r| !r.is_empty())
                    .map(|r| (st.article, r));
                }
                if scroll_now {
                    let start_char = text[..span.start].chars().count();
                    let end_char = start_char + text[span.clone()].chars().count();
                    let first = output.galley.pos_from_cursor(CCursor::new(start_char));
                    let last = output.galley.pos_from_cursor(CCursor::new(end_char));
                    let target = first.union(last).translate(output.galley_pos.to_vec2());
                    ui.scroll_to_rect(target, Some(Align::Center));
                }
            });
        commands
    }

    /// The article's publication date, typed and set; returns the edit when set.
    fn published_ui(&mut self, ui: &mut Ui, a: ArticleIdx, article: &Article) -> Option<Edit> {
        if self.published_for != Some((a, article.published)) {
            self.published_for = Some((a, article.published));
            self.published = article.published.map(|d| d.to_string()).unwrap_or_default();
        }
        let mut edit = None;
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.published)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(96.0),
            )
            .widget_info(|| WidgetInfo::labeled(Role::TextInput, true, "Publication date"));
            let typed = NaiveDate::parse_from_str(self.published.trim(), "%Y-%m-%d").ok();
            let label = if article.published.is_some() {
                "Correct publication date"
            } else {
                "Set publication date"
            };
            let changed = typed.is_some() && typed != article.published;
            if ui
                .add_enabled(changed, egui::Button::new(label))
                .on_hover_text("The article's statements are dated again from it")
                .clicked()
                && let Some(date) = typed
            {
                edit = Some(Edit::SetPublished {
                    article: ArticleId(article.content_hash),
                    date,
                });
            }
        });
        edit
    }

    /// A button adding the text selected in the article as a statement, by the speaker
    /// and on the date typed in the editor (else the selected statement's date).
    fn add_selection_ui(&mut self, ui: &mut Ui, view: &View<'_>, s: StatementIdx) -> Option<Edit> {
        let ds = view.ds;
        let st = &ds.statements[s];
        let (a, range) = self.selection.clone().filter(|(a, _)| *a == st.article)?;
        let article = &ds.articles[a];
        let (speaker, role, date) = self.editor.drafts();
        let speaker = speaker.trim();
        if speaker.is_empty() {
            return None;
        }
        let words = first_words(&article.text[range.clone()], 6);
        let clicked = ui
            .button(format!("Add “{words}” as a statement by {speaker}"))
            .on_hover_text("A statement the extractor missed, from the text selected below")
            .clicked();
        clicked.then(|| Edit::AddStatement {
            statement: StatementId {
                article: ArticleId(article.content_hash),
                start: range.start,
                end: range.end,
            },
            speaker: speaker.to_owned(),
            role: Some(role.trim().to_owned()).filter(|r| !r.is_empty()),
            date: date
                .filter(|d| *d != DateValue::Unknown)
                .unwrap_or(st.date.value),
            conflict: ds.conflict_name(st).map(str::to_owned),
            kind: Kind::Reported,
        })
    }
}

/// The article text's widget: its selection is what a statement is added from.
pub fn article_text_id() -> egui::Id {
    egui::Id::unique("source_article_text")
}

/// The byte range of a character range of `text`.
fn byte_range(text: &str, chars: Range<usize>) -> Range<usize> {
    let at = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    at(chars.start)..at(chars.end)
}

/// `range` without the white space at its ends.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let inner = &text[range.clone()];
    let start = range.start + (inner.len() - inner.trim_start().len());
    let end = range.end - (inner.len() - inner.trim_end().len());
    start..end.max(start)
}

/// With nothing selected: what the corpus holds, and who says most, one click from a
/// filter.
fn overview_ui(ui: &mut Ui, view: &View<'_>, commands: &mut Vec<Command>) {
    let ds = view.ds;
    ui.heading("The corpus");
    let speakers_with_statements = view.facets.speakers.iter().filter(|&&n| n > 0).count();
    ui.label(format!(
        "{} statements by {} speakers, from {} articles",
        ds.statements.len(),
        speakers_with_statements,
        ds.articles.len()
    ));
    if let Some((first, last)) = view.index.span {
        ui.label(format!(
            "Said between {} and {}",
            format_day(first),
            format_day(last)
        ));
    }
    ui.add_space(6.0);
    ui.weak("Select a statement on the timeline or in the list to read it in its article. The Left and Right arrow keys step through events in time; Esc clears the selection.");
    ui.separator();

    ui.strong("Who speaks most (click to filter)");
    let mut speakers: Vec<(usize, usize)> = view
        .facets
        .speakers
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .collect();
    speakers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for &(i, n) in speakers.iter().take(8) {
        let name = ds.speakers.get(i).map_or("?", |s| s.name.as_str());
        let response = ui
            .link(format!("{name} ({n})"))
            .on_hover_text(format!("Show only {name}"));
        if response.clicked() {
            let mut filter = view.filter.clone();
            filter.speakers = [i].into();
            commands.push(Command::SetFilter(filter));
        }
    }
    ui.add_space(6.0);
    ui.strong("Conflicts, within the filter");
    let none = ds.conflicts.len();
    for (c, &n) in view.facets.conflicts.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let conflict = (c != none).then_some(c);
        let name = conflict.map_or("No conflict identified", |c| ds.conflicts[c].name.as_str());
        let colour = theme::swatch(crate::timeline::Swatch::of(conflict, &view.index.swatches));
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new("■").color(colour));
            let response = ui
                .link(format!("{name} ({n})"))
                .on_hover_text(format!("Show only {name}"));
            if response.clicked() {
                let mut filter = view.filter.clone();
                filter.conflicts = [conflict].into();
                commands.push(Command::SetFilter(filter));
            }
        });
    }
}

/// `span` cut to `text` and to character boundaries, so a bad span never panics.
fn clamp_span(text: &str, span: Range<usize>) -> Range<usize> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selections_become_trimmed_byte_ranges() {
        let text = "aé  said  b";
        let r = byte_range(text, 2..9);
        assert_eq!(&text[r.clone()], "  said ");
        assert_eq!(&text[trim_range(text, r)], "said");
        assert!(trim_range(text, 3..5).is_empty());
    }

    #[test]
    fn spans_are_clamped_to_characters() {
        assert_eq!(clamp_span("abc", 1..2), 1..2);
        assert_eq!(clamp_span("abc", 2..10), 2..3);
        // "é" is two bytes: a span starting inside it widens to the whole character.
        assert_eq!(clamp_span("aéb", 2..3), 1..3);
        assert_eq!(clamp_span("", 3..5), 0..0);
    }
}
