//! Small pieces of state the screens and dialogs share: a cursor in a list and a scroll
//! position in a long text, each kept within its bounds.

use super::action::Action;
use super::update::PAGE;

/// The selected entry of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor(pub usize);

impl Cursor {
    /// The selected position.
    pub fn at(self) -> usize {
        self.0
    }

    /// Moves by `by` entries, stopping at the first and last of `len`.
    pub fn step(&mut self, by: isize, len: usize) {
        let last = len.saturating_sub(1) as isize;
        self.0 = (self.0 as isize).saturating_add(by).clamp(0, last) as usize;
    }

    /// Moves for a movement key in a list of `len`: a step, a page, or to either end. Returns
    /// false for any other action.
    pub fn apply(&mut self, action: &Action, len: usize) -> bool {
        let by = match action {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -(PAGE as isize),
            Action::PageDown => PAGE as isize,
            Action::First => isize::MIN / 2,
            Action::Last => isize::MAX / 2,
            _ => return false,
        };
        self.step(by, len);
        true
    }

    /// Keeps the cursor inside a list that may have shrunk.
    pub fn clamp(&mut self, len: usize) {
        self.0 = self.0.min(len.saturating_sub(1));
    }
}

/// How far a long text is scrolled down, in lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll(pub u16);

impl Scroll {
    pub fn top(self) -> u16 {
        self.0
    }

    /// Moves by `by` lines, never above the top nor below line `last`.
    pub fn step(&mut self, by: isize, last: usize) {
        let last = last.min(u16::MAX as usize) as isize;
        self.0 = (self.0 as isize).saturating_add(by).clamp(0, last) as u16;
    }

    /// Scrolls for a movement key through a text of `lines` lines shown `height` at a time:
    /// never above the top, nor past the point where the last line is at the bottom. Returns
    /// false for any other action.
    pub fn apply(&mut self, action: &Action, lines: usize, height: u16) -> bool {
        let page = height.saturating_sub(1).max(1) as isize;
        let by = match action {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::First => isize::MIN / 2,
            Action::Last => isize::MAX / 2,
            _ => return false,
        };
        self.step(by, lines.saturating_sub(usize::from(height)));
        true
    }

    pub fn reset(&mut self) {
        self.0 = 0;
    }
}

/// Marks on the right border of a scrolling text: ▲ beside its first row when there is more
/// above, ▼ beside its last row when there is more below. `body` is where the text is drawn;
/// the border is the column just right of it.
pub fn scroll_marks(
    frame: &mut ratatui::Frame,
    body: ratatui::layout::Rect,
    top: u16,
    lines: usize,
) {
    let x = body.right();
    if body.height == 0 || x >= frame.area().right() {
        return;
    }
    let buf = frame.buffer_mut();
    if top > 0 {
        buf[(x, body.y)].set_symbol("▲");
    }
    if usize::from(top) + usize::from(body.height) < lines {
        buf[(x, body.bottom() - 1)].set_symbol("▼");
    }
}

/// Draws a list in `area` (inside `block`, if any) with `selected` in view, and marks the
/// column to the right of its rows as [`scroll_marks`] does a text: ▲ when rows lie above
/// those shown, ▼ when rows lie below.
pub fn marked_list(
    frame: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    items: Vec<ratatui::widgets::ListItem<'_>>,
    list: impl FnOnce(ratatui::widgets::List<'_>) -> ratatui::widgets::List<'_>,
    block: Option<ratatui::widgets::Block<'_>>,
    selected: usize,
) {
    let heights: Vec<usize> = items
        .iter()
        .map(ratatui::widgets::ListItem::height)
        .collect();
    let inner = block.as_ref().map_or(area, |b| b.inner(area));
    let mut widget = list(ratatui::widgets::List::new(items));
    if let Some(block) = block {
        widget = widget.block(block);
    }
    let mut state = ratatui::widgets::ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(widget, area, &mut state);
    let offset = state.offset().min(heights.len());
    let above: usize = heights[..offset].iter().sum();
    let lines: usize = heights.iter().sum();
    scroll_marks(frame, inner, above.min(usize::from(u16::MAX)) as u16, lines);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_and_scrolls_stop_at_the_ends() {
        let mut c = Cursor::default();
        c.step(-3, 5);
        assert_eq!(c.at(), 0);
        c.step(99, 5);
        assert_eq!(c.at(), 4);
        c.clamp(2);
        assert_eq!(c.at(), 1);
        c.step(1, 0);
        assert_eq!(c.at(), 0);
        let mut s = Scroll::default();
        s.step(10, 4);
        assert_eq!(s.top(), 4);
        s.step(-20, 4);
        assert_eq!(s.top(), 0);
        // Thirty lines in a view of ten: the end is line twenty at the top, and it stays so.
        assert!(s.apply(&Action::Last, 30, 10));
        assert_eq!(s.top(), 20);
        s.apply(&Action::PageDown, 30, 10);
        assert_eq!(s.top(), 20);
        s.apply(&Action::PageUp, 30, 10);
        assert_eq!(s.top(), 11);
        s.apply(&Action::Last, 5, 10);
        assert_eq!(s.top(), 0, "a text shorter than the view does not scroll");
        assert!(!s.apply(&Action::Submit, 30, 10));
        let mut c = Cursor::default();
        c.apply(&Action::Last, 7);
        assert_eq!(c.at(), 6);
    }
}
