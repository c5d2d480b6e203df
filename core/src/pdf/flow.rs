//! A flowing A4 portrait document: headings, paragraphs and tables that break
//! across pages with their header repeated, a running title on continuation
//! pages, and "page X of Y" footers. Shared by the reports and the agreement.
use super::{wrap, Align, Doc, Style, Weight, A4_PORTRAIT};

pub const LEFT: f32 = 15.0;
pub const RIGHT: f32 = 195.0;
pub const BOTTOM: f32 = 280.0;
pub const SIZE: f32 = 7.5;
pub const LINE: f32 = 3.6;
const PT_PER_MM: f32 = 72.0 / 25.4;
/// Where a document's first page shows the company's logo (mm from the top left).
pub const LOGO_AT: (f32, f32) = (LEFT, 9.0);
pub const LOGO_HEIGHT: f32 = 14.0;
pub const LOGO_MAX_WIDTH: f32 = 42.0;

pub struct Col {
    pub title: String,
    pub width: f32,
    pub align: Align,
}

impl Col {
    pub fn new(title: impl Into<String>, width: f32, align: Align) -> Col {
        Col {
            title: title.into(),
            width,
            align,
        }
    }
}

pub struct Flow {
    pub doc: Doc,
    pub page: usize,
    pub y: f32,
    pub en: bool,
    /// Printed at the top of every page after the first.
    pub running: String,
}

impl Flow {
    pub fn new(title: &str, en: bool, running: String) -> Flow {
        let mut f = Flow {
            doc: Doc::new(title),
            page: 0,
            y: 0.0,
            en,
            running,
        };
        f.new_page();
        f
    }

    fn new_page(&mut self) {
        self.page = self.doc.add_page(A4_PORTRAIT);
        self.y = 16.0;
    }

    /// The company's logo at the top left of the current page, if it has one.
    pub fn logo(&mut self, logo: Option<&std::sync::Arc<super::Picture>>) {
        if let Some(pic) = logo {
            self.doc
                .picture(self.page, pic, LOGO_AT, LOGO_HEIGHT, LOGO_MAX_WIDTH);
        }
    }

    /// Starts the next page (the running title at its top).
    pub fn page_break(&mut self) {
        self.ensure(f32::MAX / 2.0);
    }

    /// Starts a new page unless `h` mm still fit on this one.
    pub fn ensure(&mut self, h: f32) {
        if self.y + h > BOTTOM {
            self.new_page();
            let t = self.running.clone();
            self.doc.text(
                self.page,
                (LEFT, 12.0),
                Style::new(7.0, Weight::Regular, Align::Left),
                &t,
            );
        }
    }

    pub fn heading(&mut self, t: &str) {
        self.ensure(14.0);
        self.y += 4.0;
        self.doc.text(
            self.page,
            (LEFT, self.y + 3.5),
            Style::new(10.0, Weight::Bold, Align::Left),
            t,
        );
        self.y += 7.0;
    }

    /// A wrapped paragraph starting `indent` mm in from the left margin.
    pub fn paragraph(&mut self, text: &str, size: f32, weight: Weight, indent: f32) {
        let line_h = size * 0.55;
        for l in wrap(text, (RIGHT - LEFT - indent) * PT_PER_MM, size, weight) {
            self.ensure(line_h + 1.0);
            self.doc.text(
                self.page,
                (LEFT + indent, self.y + line_h * 0.8),
                Style::new(size, weight, Align::Left),
                &l,
            );
            self.y += line_h;
        }
        self.y += 1.2;
    }

    fn header_row(&mut self, cols: &[Col]) {
        self.doc
            .shade(self.page, LEFT, self.y, RIGHT - LEFT, 5.5, 0.88);
        let mut x = LEFT;
        for c in cols {
            let at = match c.align {
                Align::Right => x + c.width - 1.0,
                _ => x + 1.0,
            };
            self.doc.text(
                self.page,
                (at, self.y + 3.9),
                Style::new(SIZE, Weight::Bold, c.align),
                &c.title,
            );
            x += c.width;
        }
        self.y += 5.5;
    }

    /// A table that continues on the next page with its header repeated.
    pub fn table(&mut self, cols: &[Col], rows: &[Vec<String>]) {
        self.ensure(12.0);
        self.header_row(cols);
        for row in rows {
            let cells: Vec<Vec<String>> = cols
                .iter()
                .zip(row)
                .map(|(c, v)| wrap(v, (c.width - 2.0) * PT_PER_MM, SIZE, Weight::Regular))
                .collect();
            let n = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let h = n as f32 * LINE + 1.6;
            if self.y + h > BOTTOM {
                self.ensure(BOTTOM);
                self.header_row(cols);
            }
            let mut x = LEFT;
            for (c, lines) in cols.iter().zip(&cells) {
                for (k, l) in lines.iter().enumerate() {
                    let at = match c.align {
                        Align::Right => x + c.width - 1.0,
                        _ => x + 1.0,
                    };
                    self.doc.text(
                        self.page,
                        (at, self.y + 3.6 + k as f32 * LINE),
                        Style::new(SIZE, Weight::Regular, c.align),
                        l,
                    );
                }
                x += c.width;
            }
            self.y += h;
            self.doc.line(self.page, LEFT, self.y, RIGHT, self.y, 0.15);
        }
    }

    /// "Page X of Y" / "第 X 页 / 共 Y 页" on every page.
    pub fn finish(mut self) -> crate::error::AppResult<Vec<u8>> {
        let total = self.doc.page_count();
        for p in 0..total {
            let n = if self.en {
                format!("Page {} of {}", p + 1, total)
            } else {
                format!("第 {} 页 / 共 {} 页", p + 1, total)
            };
            self.doc.line(p, LEFT, 285.0, RIGHT, 285.0, 0.3);
            self.doc.text(
                p,
                (105.0, 289.5),
                Style::new(7.5, Weight::Regular, Align::Center),
                &n,
            );
        }
        self.doc.finish().map(|p| p.bytes)
    }
}
