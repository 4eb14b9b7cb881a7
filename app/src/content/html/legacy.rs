//! Vietnamese in the legacy encodings still found in government documents, made
//! Unicode: TCVN3 (ABC: the `.Vn…` fonts, one Latin-1 character per Vietnamese letter,
//! "Céng hoµ" for "Cộng hoà") and VNI (the `VNI-…` fonts, a letter then a Latin-1
//! character for its marks, "Coäng hoøa"). Known by the font the text is set in (what
//! Word and LibreOffice put on the clipboard) or, for plain text, by letters that make
//! sense only in one of them.

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

/// TCVN3's letters: (its character, the Vietnamese letter).
const TCVN3: &[(char, char)] = &[
    ('¸', 'á'),
    ('µ', 'à'),
    ('¶', 'ả'),
    ('·', 'ã'),
    ('¹', 'ạ'),
    ('¨', 'ă'),
    ('¾', 'ắ'),
    ('»', 'ằ'),
    ('¼', 'ẳ'),
    ('½', 'ẵ'),
    ('Æ', 'ặ'),
    ('©', 'â'),
    ('Ê', 'ấ'),
    ('Ç', 'ầ'),
    ('È', 'ẩ'),
    ('É', 'ẫ'),
    ('Ë', 'ậ'),
    ('®', 'đ'),
    ('Ð', 'é'),
    ('Ì', 'è'),
    ('Î', 'ẻ'),
    ('Ï', 'ẽ'),
    ('Ñ', 'ẹ'),
    ('ª', 'ê'),
    ('Õ', 'ế'),
    ('Ò', 'ề'),
    ('Ó', 'ể'),
    ('Ô', 'ễ'),
    ('Ö', 'ệ'),
    ('Ý', 'í'),
    ('×', 'ì'),
    ('Ø', 'ỉ'),
    ('Ü', 'ĩ'),
    ('Þ', 'ị'),
    ('ã', 'ó'),
    ('ß', 'ò'),
    ('á', 'ỏ'),
    ('â', 'õ'),
    ('ä', 'ọ'),
    ('«', 'ô'),
    ('è', 'ố'),
    ('å', 'ồ'),
    ('æ', 'ổ'),
    ('ç', 'ỗ'),
    ('é', 'ộ'),
    ('¬', 'ơ'),
    ('í', 'ớ'),
    ('ê', 'ờ'),
    ('ë', 'ở'),
    ('ì', 'ỡ'),
    ('î', 'ợ'),
    ('ó', 'ú'),
    ('ï', 'ù'),
    ('ñ', 'ủ'),
    ('ò', 'ũ'),
    ('ô', 'ụ'),
    ('\u{AD}', 'ư'),
    ('ø', 'ứ'),
    ('õ', 'ừ'),
    ('ö', 'ử'),
    ('÷', 'ữ'),
    ('ù', 'ự'),
    ('ý', 'ý'),
    ('ú', 'ỳ'),
    ('û', 'ỷ'),
    ('ü', 'ỹ'),
    ('þ', 'ỵ'),
    ('¡', 'Ă'),
    ('¢', 'Â'),
    ('§', 'Đ'),
    ('£', 'Ê'),
    ('¤', 'Ô'),
    ('¥', 'Ơ'),
    ('¦', 'Ư'),
];

/// VNI's letters of one character.
const VNI_LETTERS: &[(char, char)] = &[
    ('ô', 'ơ'),
    ('Ô', 'Ơ'),
    ('ö', 'ư'),
    ('Ö', 'Ư'),
    ('ñ', 'đ'),
    ('Ñ', 'Đ'),
    ('í', 'í'),
    ('ì', 'ì'),
    ('æ', 'ỉ'),
    ('ó', 'ĩ'),
    ('ò', 'ị'),
    ('Í', 'Í'),
    ('Ì', 'Ì'),
    ('Æ', 'Ỉ'),
    ('Ó', 'Ĩ'),
    ('Ò', 'Ị'),
    ('î', 'ỵ'),
    ('Î', 'Ỵ'),
];

/// VNI's marks after a vowel, as Unicode's combining marks (a hat or a breve, then a tone).
fn vni_marks(c: char) -> Option<&'static str> {
    Some(match c.to_lowercase().next()? {
        'ù' => "\u{301}",
        'ø' => "\u{300}",
        'û' => "\u{309}",
        'õ' => "\u{303}",
        'ï' => "\u{323}",
        'â' => "\u{302}",
        'á' => "\u{302}\u{301}",
        'à' => "\u{302}\u{300}",
        'å' => "\u{302}\u{309}",
        'ã' => "\u{302}\u{303}",
        'ä' => "\u{302}\u{323}",
        'ê' => "\u{306}",
        'é' => "\u{306}\u{301}",
        'è' => "\u{306}\u{300}",
        'ú' => "\u{306}\u{309}",
        'ü' => "\u{306}\u{303}",
        'ë' => "\u{306}\u{323}",
        _ => return None,
    })
}

fn is_vowel(c: char) -> bool {
    "aeiouy\u{1a1}\u{1b0}AEIOUY\u{1a0}\u{1af}".contains(c)
}

impl Legacy {
    /// The text in Unicode (NFC).
    pub fn decode(self, text: &str) -> String {
        match self {
            Legacy::Tcvn3 => text
                .chars()
                .map(|c| TCVN3.iter().find(|(k, _)| *k == c).map_or(c, |(_, v)| *v))
                .collect(),
            Legacy::Vni => {
                let mut out = String::with_capacity(text.len());
                let mut last = ' ';
                for c in text.chars() {
                    match vni_marks(c) {
                        Some(marks) if is_vowel(last) => out.push_str(marks),
                        _ => {
                            let c = VNI_LETTERS
                                .iter()
                                .find(|(k, _)| *k == c)
                                .map_or(c, |(_, v)| *v);
                            out.push(c);
                            last = c;
                            continue;
                        }
                    }
                    last = ' ';
                }
                out.nfc().collect()
            }
        }
    }

    /// The encoding a font stands for (`.VnTime`, `.VnArialH`, `VNI-Times`…), or None
    /// for a Unicode font.
    pub fn of_font(family: &str) -> Option<Legacy> {
        let f = family.to_lowercase();
        let f = f.trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace());
        if f.starts_with(".vn") || f.contains("\".vn") || f.contains("'.vn") {
            Some(Legacy::Tcvn3)
        } else if f.starts_with("vni-") || f.contains("\"vni-") || f.contains("'vni-") {
            Some(Legacy::Vni)
        } else {
            None
        }
    }

    /// The encoding of plain text that has no Vietnamese letter of Unicode's own, when
    /// enough of its letters say which.
    pub fn guess(text: &str) -> Option<Legacy> {
        let unicode_vietnamese = text.chars().any(|c| {
            ('\u{1EA0}'..='\u{1EF9}').contains(&c)
                || "\u{103}\u{102}\u{111}\u{110}\u{1a1}\u{1a0}\u{1b0}\u{1af}".contains(c)
        });
        if unicode_vietnamese {
            return None;
        }
        // TCVN3's letters that no other text uses (µ ¸ ¶ · ¹ ¨ © ® ª « ¬ and the like),
        // and its capitals inside words ("ViÖt", "nghÜa": its lower-case letters)
        let mut tcvn3 = 0;
        let mut last = ' ';
        for c in text.chars() {
            let odd_sign = ('\u{A1}'..='\u{BE}').contains(&c) || c == '\u{AD}';
            let capital_inside = last.is_lowercase() && ('\u{C0}'..='\u{DE}').contains(&c);
            tcvn3 += usize::from(odd_sign || capital_inside);
            last = c;
        }
        let mut vni = 0;
        let mut last = ' ';
        for c in text.chars() {
            if is_vowel(last) && vni_marks(c).is_some() {
                vni += 1;
            }
            last = c;
        }
        let words = text.split_whitespace().count().max(1);
        if tcvn3 >= 3 && tcvn3 * 10 >= words {
            Some(Legacy::Tcvn3)
        } else if vni >= 3 && vni * 5 >= words {
            Some(Legacy::Vni)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_and_vni_become_unicode() {
        assert_eq!(
            Legacy::Tcvn3.decode("Céng hoµ x· héi chñ nghÜa ViÖt Nam"),
            "Cộng hoà xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(
            Legacy::Tcvn3.decode("§¶ng bé tØnh B¾c Giang l·nh ®¹o nh©n d©n"),
            "Đảng bộ tỉnh Bắc Giang lãnh đạo nhân dân"
        );
        assert_eq!(Legacy::Tcvn3.decode("Tr\u{AD}êng häc"), "Trường học");
        assert_eq!(
            Legacy::Vni.decode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"),
            "Cộng hòa xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(
            Legacy::Vni.decode("Ñoäc laäp - Töï do - Haïnh phuùc. Ñaûng boä tænh Baéc Giang"),
            "Độc lập - Tự do - Hạnh phúc. Đảng bộ tỉnh Bắc Giang"
        );
        assert_eq!(Legacy::Vni.decode("Tröôøng hoïc"), "Trường học");
    }

    #[test]
    fn fonts_and_letters_tell_the_encoding() {
        assert_eq!(Legacy::of_font("\".VnTime\""), Some(Legacy::Tcvn3));
        assert_eq!(
            Legacy::of_font(".VnArialH, sans-serif"),
            Some(Legacy::Tcvn3)
        );
        assert_eq!(Legacy::of_font("'VNI-Times'"), Some(Legacy::Vni));
        assert_eq!(Legacy::of_font("\"Times New Roman\", serif"), None);
        assert_eq!(
            Legacy::guess("Céng hoµ x· héi chñ nghÜa ViÖt Nam"),
            Some(Legacy::Tcvn3)
        );
        assert_eq!(
            Legacy::guess("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"),
            Some(Legacy::Vni)
        );
        // Unicode Vietnamese, English, French: left alone
        assert_eq!(Legacy::guess("Cộng hòa xã hội chủ nghĩa Việt Nam"), None);
        assert_eq!(
            Legacy::guess("The provincial committee met on Monday."),
            None
        );
        assert_eq!(Legacy::guess("Il est allé à la gare, déjà."), None);
    }
}
