//! The embedded fonts (Noto Sans SC Regular and Bold, compiled into the
//! program) and what they can draw: the printer places their glyphs, and the
//! forms and imports refuse at entry a character no document could print.
//!
//! Refused always: bidi and zero-width controls, the byte-order mark and
//! variation selectors (invisible, they make two equal-looking keys differ or
//! reorder a printed line), and U+FFFD, the mark of text already damaged.
//! Refused by coverage: any other character the font lacks (emoji, CJK
//! Extension B, private use), named in the error.
use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use printpdf::ParsedFont;

use crate::error::ErrorCode;

static REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSansHans-Regular.otf");
static BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSansHans-Bold.otf");

pub struct Face {
    pub(crate) font: ParsedFont,
    pub(crate) units_per_em: f32,
    /// char → (glyph id, advance in font units); `None` when the font lacks it.
    glyphs: RwLock<HashMap<char, Option<(u16, u16)>>>,
}

impl Face {
    fn parse(bytes: &[u8]) -> Face {
        let mut warnings = vec![];
        let font = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .expect("the embedded font is a valid OpenType file");
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        Face {
            font,
            units_per_em,
            glyphs: RwLock::new(HashMap::new()),
        }
    }

    /// The glyph id and advance of `c`, or `None` when the font lacks it.
    pub fn glyph(&self, c: char) -> Option<(u16, u16)> {
        if let Some(g) = self.glyphs.read().ok().and_then(|m| m.get(&c).copied()) {
            return g;
        }
        let g = self
            .font
            .lookup_glyph_index(c as u32)
            .filter(|&gid| gid != 0)
            .map(|gid| (gid, self.font.get_horizontal_advance(gid)));
        if let Ok(mut m) = self.glyphs.write() {
            m.insert(c, g);
        }
        g
    }
}

struct Fonts {
    regular: Face,
    bold: Face,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        regular: Face::parse(REGULAR),
        bold: Face::parse(BOLD),
    })
}

/// Parses the fonts now (about 40 ms) instead of on the first print or check.
pub fn warm_up() {
    let _ = fonts();
}

pub fn regular() -> &'static Face {
    &fonts().regular
}

pub fn bold() -> &'static Face {
    &fonts().bold
}

/// Invisible format characters: bidi embeddings, overrides and isolates,
/// zero-width spaces and joiners, word joiners and invisible operators, the
/// soft hyphen, the byte-order mark, variation selectors, interlinear
/// annotation marks.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// `U+200B`, the way an error names a character that cannot be seen.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Characters the regular font cannot draw (control characters, which
/// nothing prints, are left out).
pub fn missing_chars(text: &str) -> Vec<char> {
    let f = regular();
    text.chars()
        .filter(|c| !c.is_control() && f.glyph(*c).is_none())
        .collect()
}

/// Why `text` cannot be entered, naming its first such character: an
/// invisible one (`invisible_character`, `U+200B`) or one the fonts cannot
/// print (`unprintable`, `😀 U+1F600`). Tabs, line breaks and other control
/// characters are the caller's rule.
pub fn refusal(text: &str) -> Option<(ErrorCode, String)> {
    let (regular, bold) = (regular(), bold());
    text.chars().find_map(|c| {
        if c == '\0' {
            // PostgreSQL cannot store it, and SQLite must not either.
            Some((ErrorCode::ControlCharacter, code_point(c)))
        } else if c.is_control() {
            None
        } else if is_invisible(c) {
            Some((ErrorCode::InvisibleCharacter, code_point(c)))
        } else if c == '\u{FFFD}' || regular.glyph(c).is_none() || bold.glyph(c).is_none() {
            Some((ErrorCode::Unprintable, format!("{c} {}", code_point(c))))
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_refused() {
        assert_eq!(
            refusal("上海华东经销有限公司（一分部）ABC 123，。café №"),
            None
        );
        assert_eq!(refusal("a\tb\nc"), None);
        for (text, code, detail) in [
            ("INV\u{200B}1", ErrorCode::InvisibleCharacter, "U+200B"),
            ("名\u{202E}称", ErrorCode::InvisibleCharacter, "U+202E"),
            ("\u{FEFF}x", ErrorCode::InvisibleCharacter, "U+FEFF"),
            ("好😀", ErrorCode::Unprintable, "😀 U+1F600"),
            ("𠀀", ErrorCode::Unprintable, "𠀀 U+20000"),
            ("a\u{FFFD}", ErrorCode::Unprintable, "\u{FFFD} U+FFFD"),
            ("a\0b", ErrorCode::ControlCharacter, "U+0000"),
            ("\u{E000}", ErrorCode::Unprintable, "\u{E000} U+E000"),
        ] {
            assert_eq!(refusal(text), Some((code, detail.to_string())), "{text:?}");
        }
        assert_eq!(missing_chars("A\u{E000}B"), vec!['\u{E000}']);
    }
}
