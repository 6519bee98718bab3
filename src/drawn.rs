//! Which rows of the indicator table are drawn. A table of up to `DRAW_ALL` rows is drawn
//! whole; a longer one only around the screen, so that typing, a row change and an import
//! cost about the same at 2,000 rows as at 100 (and Chromium before 85, which draws every
//! row it has, is spared the rest). Empty rows of the same height stand for the others.

use std::ops::Range;

use leptos::prelude::*;

/// The most rows a table has and is still drawn whole (Ctrl+F finds every row).
pub const DRAW_ALL: usize = 150;
/// Rows drawn above and below the screen, so scrolling and Tab find rows already there.
pub const AROUND: usize = 12;
/// The height a stand-in gives each row it stands for, in CSS pixels: a drawn row's average
/// height (measured on the 500-row sample), so the rows on screen stay about where they are
/// when the rows drawn above them change.
const ROW_PX: f64 = 39.0;

/// The rows drawn of a table, and their measured height.
#[derive(Clone, Copy)]
pub struct Drawn {
    pub rows: RwSignal<Range<usize>>,
    /// The average height of the drawn rows, last measured, to find the rows on screen.
    row_px: StoredValue<f64>,
}

impl Drawn {
    pub fn new() -> Self {
        Self {
            rows: RwSignal::new(0..2 * AROUND),
            row_px: StoredValue::new(ROW_PX),
        }
    }

    /// The rows to draw of `n`: all of a short table, else the drawn range within `n` (the
    /// last rows, where the table has become shorter than where the range starts).
    pub fn of(&self, n: usize) -> Range<usize> {
        within(self.rows.get(), n)
    }

    /// The height of the stand-in for `rows` rows not drawn.
    pub fn gap_px(&self, rows: usize) -> String {
        format!("{:.0}px", rows as f64 * ROW_PX)
    }

    /// Keeps a table of `n` rows drawn to its end when a row is added there: the new row
    /// is drawn with the others, not after them.
    pub fn keep_end(&self, n: usize) {
        if n > DRAW_ALL && self.rows.with_untracked(|r| r.end >= n) {
            self.rows.update(|r| r.end = n + 1);
        }
    }

    /// Draws row `i` (with the rows around it) if it is not drawn; true if it was not.
    pub fn reveal(&self, i: usize) -> bool {
        if self.rows.with_untracked(|r| r.contains(&i)) {
            return false;
        }
        self.rows.set(i.saturating_sub(AROUND)..i + AROUND);
        true
    }

    /// Follows the screen: given where the drawn rows are (the first's top and the last's
    /// bottom, in the viewport) and the viewport's height, draws the rows on screen and
    /// `AROUND` either side, once the screen comes within half of `AROUND` of the drawn
    /// rows' ends. True if the rows drawn change.
    pub fn follow(&self, n: usize, first_top: f64, last_bottom: f64, viewport: f64) -> bool {
        if n <= DRAW_ALL {
            return false;
        }
        let now = within(self.rows.get_untracked(), n);
        let shown = now.len();
        if shown > 0 && last_bottom > first_top {
            self.row_px
                .set_value((last_bottom - first_top) / shown as f64);
        }
        let want = on_screen(now.start, first_top, viewport, self.row_px.get_value(), n);
        let margin = AROUND / 2;
        let covered =
            now.start <= want.start.saturating_sub(margin) && now.end >= (want.end + margin).min(n);
        if !covered {
            self.rows
                .set(want.start.saturating_sub(AROUND)..(want.end + AROUND).min(n));
        }
        !covered
    }
}

impl Default for Drawn {
    fn default() -> Self {
        Self::new()
    }
}

/// The rows of `r` that a table of `n` rows has: all of a short table.
fn within(r: Range<usize>, n: usize) -> Range<usize> {
    if n <= DRAW_ALL {
        0..n
    } else if r.start >= n {
        n.saturating_sub(2 * AROUND)..n
    } else {
        r.start..r.end.min(n)
    }
}

/// The rows on screen, of `n` rows `row_px` high, when row `first` starts at `top` in a
/// viewport `viewport` high.
fn on_screen(first: usize, top: f64, viewport: f64, row_px: f64, n: usize) -> Range<usize> {
    let row_px = row_px.max(1.0);
    let at_top = (first as f64 + (-top / row_px)).floor().max(0.0);
    let at_bottom = (at_top + (viewport / row_px).ceil() + 1.0).max(at_top);
    // Float to index: saturating casts, clamped to the table.
    let (a, b) = (at_top as usize, at_bottom as usize);
    a.min(n)..b.min(n)
}

#[cfg(test)]
mod tests {
    use super::{on_screen, within, AROUND, DRAW_ALL};
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn rows_on_screen_follow_the_drawn_rows_top() {
        // Row 100 starts 340 px above the screen: rows 110 to about 133 are on it.
        assert_eq!(on_screen(100, -340.0, 768.0, 34.0, 2000), 110..134);
        // The drawn rows start below the screen's top: rows above them are on it.
        assert_eq!(on_screen(100, 68.0, 768.0, 34.0, 2000), 98..122);
        // Near the end, the range stops at the last row.
        assert_eq!(on_screen(1990, -34.0, 768.0, 34.0, 2000), 1991..2000);
        assert_eq!(on_screen(0, 5000.0, 768.0, 34.0, 2000), 0..24);
    }

    #[wasm_bindgen_test]
    fn a_short_table_is_drawn_whole_and_a_shorter_one_keeps_its_last_rows() {
        assert_eq!(within(1000..1080, DRAW_ALL), 0..DRAW_ALL);
        assert_eq!(within(100..180, 2000), 100..180);
        assert_eq!(within(1900..1980, 1950), 1900..1950);
        assert_eq!(within(1900..1980, 300), 300 - 2 * AROUND..300);
    }
}
