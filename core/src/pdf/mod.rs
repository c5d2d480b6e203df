//! The PDF layer shared by statements, agreements, certificates and reports:
//! printpdf 0.12 raw operations, Noto Sans SC Regular/Bold compiled into the
//! program (`glyphs`) and subset into each file.
//!
//! Text is placed as glyph ids (with their Unicode text for extraction). The
//! forms and imports refuse what the fonts cannot draw (`glyphs`); a character
//! the font lacks in older data prints as `SUBSTITUTE` and is listed in
//! `Printed::substituted`, so no record can block its documents.
pub mod flow;

use std::collections::BTreeSet;
use std::sync::Arc;

use printpdf::{
    Codepoint, Color, FontId, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, RawImage, RawImageData, RawImageFormat, Rect, Rgb, TextItem,
    XObjectId, XObjectTransform,
};

use crate::error::{AppError, AppResult};
use crate::glyphs::{self, Face};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

pub use crate::glyphs::warm_up;

fn face(w: Weight) -> &'static Face {
    match w {
        Weight::Regular => glyphs::regular(),
        Weight::Bold => glyphs::bold(),
    }
}

/// Width of `text` in points at `size` points. Missing characters count as 0.
pub fn text_width(text: &str, size: f32, w: Weight) -> f32 {
    let f = face(w);
    let units: u32 = text
        .chars()
        .filter_map(|c| f.glyph(c))
        .map(|(_, adv)| u32::from(adv))
        .sum();
    units as f32 * size / f.units_per_em
}

/// Characters that must not start a line (避头点): they hang at the end of the previous one.
fn no_line_start(c: char) -> bool {
    "，。、；：？！）》」』】〕〉”’％,.;:?!)]}%·…—".contains(c)
}

/// Characters that must not end a line.
fn no_line_end(c: char) -> bool {
    "（《「『【〔〈“‘([{".contains(c)
}

/// Breaks `text` into lines no wider than `max_width` points. CJK breaks
/// anywhere; Latin words move whole when they fit on a line; closing
/// punctuation never starts a line and opening punctuation never ends one.
pub fn wrap(text: &str, max_width: f32, size: f32, w: Weight) -> Vec<String> {
    let mut lines = vec![];
    for para in text.split('\n') {
        let chars: Vec<char> = para.chars().collect();
        let mut line = String::new();
        let mut width = 0.0f32;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            // The space at a break stays at the end of the line before.
            if c == ' ' && line.is_empty() && i > 0 {
                i += 1;
                continue;
            }
            // A Latin word (or number) is placed as a unit.
            let end = if c.is_ascii_alphanumeric() {
                let mut j = i;
                while j < chars.len()
                    && (chars[j].is_ascii_alphanumeric() || "-_./".contains(chars[j]))
                {
                    j += 1;
                }
                j
            } else {
                i + 1
            };
            let piece: String = chars[i..end].iter().collect();
            let pw = text_width(&piece, size, w);
            let hangs = no_line_start(c);
            if width + pw > max_width && !line.is_empty() && !hangs {
                if pw > max_width && end - i > 1 {
                    // A word longer than a line: break it by character.
                    let (fits, _) = split_to_width(&piece, max_width - width, size, w);
                    if fits > 0 {
                        let head: String = chars[i..i + fits].iter().collect();
                        line.push_str(&head);
                        i += fits;
                    }
                    lines.push(std::mem::take(&mut line));
                    width = 0.0;
                    continue;
                }
                let mut carry = String::new();
                while let Some(last) = line.chars().last() {
                    if !no_line_end(last) {
                        break;
                    }
                    line.pop();
                    carry.insert(0, last);
                }
                lines.push(std::mem::take(&mut line));
                width = text_width(&carry, size, w);
                line = carry;
            }
            if pw > max_width && line.is_empty() && end - i > 1 {
                let (fits, _) = split_to_width(&piece, max_width, size, w);
                let fits = fits.max(1);
                lines.push(chars[i..i + fits].iter().collect());
                i += fits;
                continue;
            }
            line.push_str(&piece);
            width += pw;
            i = end;
        }
        lines.push(line);
    }
    lines
}

fn split_to_width(text: &str, max_width: f32, size: f32, w: Weight) -> (usize, f32) {
    let mut width = 0.0;
    for (n, c) in text.chars().enumerate() {
        let cw = text_width(c.encode_utf8(&mut [0; 4]), size, w);
        if width + cw > max_width {
            return (n, width);
        }
        width += cw;
    }
    (text.chars().count(), width)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

/// Size in points, weight and alignment of a line of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub size: f32,
    pub weight: Weight,
    pub align: Align,
}

impl Style {
    pub const fn new(size: f32, weight: Weight, align: Align) -> Style {
        Style {
            size,
            weight,
            align,
        }
    }
}

/// One page being drawn. Coordinates are millimetres from the top-left corner.
pub struct Page {
    width_mm: f32,
    height_mm: f32,
    ops: Vec<Op>,
}

/// What a character the font lacks is drawn as (in data stored before such
/// characters were refused at entry): visible, and never blocking a document.
pub const SUBSTITUTE: char = '□';

/// A finished PDF and the characters drawn as `SUBSTITUTE`, in order.
#[derive(Debug, Clone)]
pub struct Printed {
    pub bytes: Vec<u8>,
    pub substituted: String,
}

/// A picture to print (the company's logo): 8-bit RGB or RGBA pixels, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    pub alpha: bool,
    pub pixels: Vec<u8>,
}

/// A document under construction: pages plus the characters found missing.
pub struct Doc {
    doc: PdfDocument,
    regular: FontId,
    bold: FontId,
    pages: Vec<Page>,
    missing: BTreeSet<char>,
    /// Pictures added once and drawn on many pages (a merged batch's logo).
    pictures: Vec<(Arc<Picture>, XObjectId)>,
}

pub const A4_PORTRAIT: (f32, f32) = (210.0, 297.0);
pub const A4_LANDSCAPE: (f32, f32) = (297.0, 210.0);

impl Doc {
    pub fn new(title: &str) -> Doc {
        let mut doc = PdfDocument::new(title);
        doc.metadata.info.producer = "DealerDesk".into();
        doc.metadata.info.creator = "DealerDesk".into();
        let regular = doc.add_font(&glyphs::regular().font);
        let bold = doc.add_font(&glyphs::bold().font);
        Doc {
            doc,
            regular,
            bold,
            pages: vec![],
            missing: BTreeSet::new(),
            pictures: vec![],
        }
    }

    /// Draws `pic` with its top-left corner at (`x`, `top`) mm, `height` mm
    /// high (less if it would be wider than `max_width` mm), keeping its
    /// proportions. Returns the width drawn, in mm. The pixels are added to
    /// the file once, however many pages show them.
    pub fn picture(
        &mut self,
        page: usize,
        pic: &Arc<Picture>,
        (x, top): (f32, f32),
        height: f32,
        max_width: f32,
    ) -> f32 {
        if pic.width == 0 || pic.height == 0 {
            return 0.0;
        }
        let id = match self.pictures.iter().find(|(p, _)| Arc::ptr_eq(p, pic)) {
            Some((_, id)) => id.clone(),
            None => {
                let id = self.doc.add_image(&RawImage {
                    pixels: RawImageData::U8(pic.pixels.clone()),
                    width: pic.width as usize,
                    height: pic.height as usize,
                    data_format: if pic.alpha {
                        RawImageFormat::RGBA8
                    } else {
                        RawImageFormat::RGB8
                    },
                    tag: vec![],
                });
                self.pictures.push((pic.clone(), id.clone()));
                id
            }
        };
        let ratio = pic.width as f32 / pic.height as f32;
        let (mut w, mut h) = (height * ratio, height);
        if w > max_width {
            w = max_width;
            h = w / ratio;
        }
        let page_height = self.pages[page].height_mm;
        self.page(page).ops.push(Op::UseXobject {
            id,
            transform: XObjectTransform {
                translate_x: Some(Mm(x).into_pt()),
                translate_y: Some(Mm(page_height - top - h).into_pt()),
                // At this resolution the picture's width in pixels is `w` mm.
                dpi: Some(pic.width as f32 * 25.4 / w),
                ..Default::default()
            },
        });
        w
    }

    pub fn add_page(&mut self, (width_mm, height_mm): (f32, f32)) -> usize {
        self.pages.push(Page {
            width_mm,
            height_mm,
            ops: Vec::with_capacity(512),
        });
        self.pages.len() - 1
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    fn page(&mut self, page: usize) -> &mut Page {
        &mut self.pages[page]
    }

    /// Draws one line of text; `x` is the left edge, right edge or centre per `align`,
    /// `y` the baseline, both in mm from the top-left.
    pub fn text(&mut self, page: usize, (x, y): (f32, f32), style: Style, text: &str) {
        let Style {
            size,
            weight: w,
            align,
        } = style;
        if text.is_empty() {
            return;
        }
        let f = face(w);
        let mut glyphs = Vec::with_capacity(text.len());
        let mut units = 0u32;
        for c in text.chars() {
            match f.glyph(c) {
                Some((gid, adv)) => {
                    units += u32::from(adv);
                    glyphs.push(Codepoint {
                        gid,
                        offset: 0.0,
                        cid: Some(c.to_string()),
                    });
                }
                None if c.is_control() => {}
                None => {
                    self.missing.insert(c);
                    if let Some((gid, adv)) = f.glyph(SUBSTITUTE) {
                        units += u32::from(adv);
                        glyphs.push(Codepoint {
                            gid,
                            offset: 0.0,
                            cid: Some(SUBSTITUTE.to_string()),
                        });
                    }
                }
            }
        }
        let width_mm = units as f32 * size / f.units_per_em * 25.4 / 72.0;
        let left = match align {
            Align::Left => x,
            Align::Right => x - width_mm,
            Align::Center => x - width_mm / 2.0,
        };
        let font = match w {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        };
        let p = self.page(page);
        let y_pdf = p.height_mm - y;
        p.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point {
                    x: Mm(left).into(),
                    y: Mm(y_pdf).into(),
                },
            },
            Op::ShowText {
                items: vec![TextItem::GlyphIds(glyphs)],
            },
            Op::EndTextSection,
        ]);
    }

    /// A straight line of `thickness` points.
    pub fn line(&mut self, page: usize, x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32) {
        let p = self.page(page);
        let h = p.height_mm;
        let pt = |x: f32, y: f32| LinePoint {
            p: Point {
                x: Mm(x).into(),
                y: Mm(h - y).into(),
            },
            bezier: false,
        };
        p.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        p.ops.push(Op::DrawLine {
            line: Line {
                points: vec![pt(x1, y1), pt(x2, y2)],
                is_closed: false,
            },
        });
    }

    /// A dashed line (the tear-off edge of a slip).
    pub fn dashed_line(&mut self, page: usize, x1: f32, x2: f32, y: f32) {
        let mut x = x1;
        while x < x2 {
            let end = (x + 2.0).min(x2);
            self.line(page, x, y, end, y, 0.5);
            x += 3.5;
        }
    }

    /// An outlined rectangle; `top` is the top edge in mm from the top of the page.
    pub fn rect(&mut self, page: usize, x: f32, top: f32, width: f32, height: f32, thickness: f32) {
        let p = self.page(page);
        let h = p.height_mm;
        p.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        p.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Mm(x).into(),
                y: Mm(h - top - height).into(),
                width: Mm(width).into(),
                height: Mm(height).into(),
                mode: Some(printpdf::PaintMode::Stroke),
                winding_order: None,
            },
        });
    }

    /// A filled grey band (table headers).
    pub fn shade(&mut self, page: usize, x: f32, top: f32, width: f32, height: f32, grey: f32) {
        let p = self.page(page);
        let h = p.height_mm;
        p.ops.push(Op::SaveGraphicsState);
        p.ops.push(Op::SetFillColor {
            col: Color::Rgb(Rgb {
                r: grey,
                g: grey,
                b: grey,
                icc_profile: None,
            }),
        });
        p.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Mm(x).into(),
                y: Mm(h - top - height).into(),
                width: Mm(width).into(),
                height: Mm(height).into(),
                mode: Some(printpdf::PaintMode::Fill),
                winding_order: None,
            },
        });
        p.ops.push(Op::RestoreGraphicsState);
    }

    /// Serialises the document. A character the font lacks was drawn as
    /// `SUBSTITUTE`; the printed file lists them, so the caller can warn.
    pub fn finish(self) -> AppResult<Printed> {
        let Doc {
            mut doc,
            pages,
            missing,
            ..
        } = self;
        let pages = pages
            .into_iter()
            .map(|p| PdfPage::new(Mm(p.width_mm), Mm(p.height_mm), p.ops))
            .collect();
        let options = PdfSaveOptions {
            subset_fonts: true,
            ..Default::default()
        };
        let mut warnings = vec![];
        Ok(Printed {
            bytes: doc.with_pages(pages).save(&options, &mut warnings),
            substituted: missing.into_iter().collect(),
        })
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a
/// rename, so a reader (or a cancelled batch) never sees a half-written PDF.
/// The path must end in `.pdf` and be none of the database's own files
/// (`outputs::check_file`).
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> AppResult<()> {
    crate::outputs::check_file("path", path, &["pdf"])?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out.pdf".into());
    let tmp = dir.join(format!(".{name}.part"));
    std::fs::write(&tmp, bytes).map_err(|e| AppError::io(format!("{}: {e}", tmp.display())))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        AppError::io(format!("{}: {e}", path.display()))
    })
}

/// Removes the temporary files (`.<name>.pdf.part`) a killed run left in
/// `dir`, so a batch into the same folder leaves only whole PDFs.
pub fn remove_leftover_parts(dir: &std::path::Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') && name.ends_with(".pdf.part") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        // Noto Sans SC: ideographs are one em wide.
        assert!((text_width("中文", 10.0, Weight::Regular) - 20.0).abs() < 0.01);
        assert!(
            text_width("iiii", 10.0, Weight::Regular) < text_width("WWWW", 10.0, Weight::Regular)
        );
    }

    #[test]
    fn wrapping_keeps_punctuation_off_line_starts() {
        let text = "华东区域二季度返利，按季度结算。（含税）货款已于月底前汇入指定账户，请核对。";
        for width in [30.0, 41.0, 52.0, 63.0, 80.0] {
            let lines = wrap(text, width, 10.0, Weight::Regular);
            assert_eq!(lines.concat(), text, "nothing lost at {width}");
            for l in &lines[1..] {
                let first = l.chars().next().unwrap();
                assert!(
                    !no_line_start(first),
                    "line starts with {first} at width {width}: {lines:?}"
                );
            }
            for l in &lines {
                if let Some(last) = l.chars().last() {
                    assert!(
                        !no_line_end(last) || l == lines.last().unwrap(),
                        "{lines:?}"
                    );
                }
                // A line may exceed the width only by hanging punctuation.
                let trimmed: String = l.trim_end_matches(no_line_start).into();
                assert!(
                    text_width(&trimmed, 10.0, Weight::Regular) <= width + 0.01,
                    "{l}"
                );
            }
        }
        let latin = wrap(
            "Goods returned under RMA 2026-0042 credited",
            60.0,
            10.0,
            Weight::Regular,
        );
        assert!(latin.len() > 1, "{latin:?}");
        assert!(latin
            .iter()
            .all(|l| text_width(l.trim_end(), 10.0, Weight::Regular) <= 60.01));
        let words: Vec<&str> = latin.iter().flat_map(|l| l.split_whitespace()).collect();
        assert_eq!(
            words.join(" "),
            "Goods returned under RMA 2026-0042 credited"
        );
        assert!(latin.iter().all(|l| !l.starts_with(' ')), "{latin:?}");
        assert!(latin.iter().any(|l| l.contains("2026-0042")), "{latin:?}");
    }

    #[test]
    fn a_missing_character_prints_as_the_substitute_and_is_listed() {
        assert!(glyphs::regular().glyph(SUBSTITUTE).is_some());
        assert!(glyphs::bold().glyph(SUBSTITUTE).is_some());
        let mut d = Doc::new("t");
        let p = d.add_page(A4_PORTRAIT);
        let style = |w| Style::new(10.0, w, Align::Left);
        d.text(p, (10.0, 10.0), style(Weight::Regular), "公司\u{E000}😀");
        d.text(p, (10.0, 20.0), style(Weight::Bold), "\u{E000}");
        let printed = d.finish().unwrap();
        assert_eq!(printed.substituted, "\u{E000}😀");
        assert!(printed.bytes.starts_with(b"%PDF"));
    }
}
