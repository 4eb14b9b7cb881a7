//! Document numbers: as stored ("Số" and spaces gone), the key a search compares, and
//! what the usual patterns let us read from them ("2466-QĐ/TU": serial 2466, type QĐ,
//! issuer TU; the State's "3058/QĐ-UBND").

use super::model::DocKind;

/// What a document number says when it follows one of the usual patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedNumber {
    /// The serial without leading zeros ("7" for "07-CT/TU"): what a search by
    /// number matches.
    pub serial: String,
    /// The type's abbreviation as written ("QĐ").
    pub abbreviation: String,
    /// The issuer's code ("TU", "UBND").
    pub issuer_code: String,
}

/// A number as stored: "Số" and white space taken away, NFC ("Số 2466 - QĐ/TU" →
/// "2466-QĐ/TU").
pub fn clean_number(raw: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let s: String = raw.trim().nfc().collect();
    let s = crate::i18n::documents::NUMBER_PREFIXES
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .map(|rest| rest.trim_start_matches([' ', ':', '.']))
        .unwrap_or(&s);
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The parts of a number in the Party's pattern ("2466-QĐ/TU", "135-QĐi/TW") or the
/// State's ("3058/QĐ-UBND", "12/2021/NĐ-CP"); `None` for anything else.
pub fn parse_number(number: &str) -> Option<ParsedNumber> {
    let digits_end = number.find(|c: char| !c.is_ascii_digit())?;
    if digits_end == 0 {
        return None;
    }
    let (serial, rest) = number.split_at(digits_end);
    let word = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_alphabetic());
    let code = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '/')
            && s.chars().any(|c| c.is_alphabetic())
    };
    let (abbreviation, issuer_code) = if let Some(rest) = rest.strip_prefix('-') {
        // Party: N-ABBR/ISSUER
        let (abbr, issuer) = rest.split_once('/')?;
        (abbr, issuer)
    } else if let Some(rest) = rest.strip_prefix('/') {
        // State: N/ABBR-ISSUER or N/YYYY/ABBR-ISSUER
        let rest = match rest.split_once('/') {
            Some((year, after)) if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) => {
                after
            }
            _ => rest,
        };
        rest.split_once('-')?
    } else {
        return None;
    };
    if !word(abbreviation) || !code(issuer_code) {
        return None;
    }
    let serial = serial.trim_start_matches('0');
    Some(ParsedNumber {
        serial: if serial.is_empty() { "0" } else { serial }.to_string(),
        abbreviation: abbreviation.to_string(),
        issuer_code: issuer_code.to_string(),
    })
}

/// Folded (no diacritics) and in capitals: how abbreviations and numbers compare.
fn fold_upper(s: &str) -> String {
    crate::core::fold::fold_vietnamese(s).to_uppercase()
}

/// The key a search by number compares with: folded, lower case ("2466-qd/tu").
pub fn number_key(number: &str) -> String {
    fold_upper(number).to_lowercase()
}

/// The abbreviation in numbers, folded and in capitals ("QD" for QĐ).
fn abbreviation(kind: DocKind) -> &'static str {
    match kind {
        DocKind::NghiQuyet => "NQ",
        DocKind::QuyetDinh => "QD",
        DocKind::ChiThi => "CT",
        DocKind::KetLuan => "KL",
        DocKind::QuyDinh => "QDI",
        DocKind::QuyChe => "QC",
        DocKind::HuongDan => "HD",
        DocKind::KeHoach => "KH",
        DocKind::ChuongTrinh => "CTR",
        DocKind::ThongBao => "TB",
        DocKind::ThongTri => "TT",
        DocKind::ToTrinh => "TTR",
        DocKind::CongVan => "CV",
        DocKind::BaoCao => "BC",
        DocKind::BanTin => "BT",
    }
}

/// The type an abbreviation as written in a number stands for ("QĐ", "QĐi", "HD").
pub fn kind_of_abbreviation(abbr: &str) -> Option<DocKind> {
    let key = fold_upper(abbr);
    DocKind::ALL.into_iter().find(|k| abbreviation(*k) == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_numbers_are_read() {
        let p = parse_number("2466-QĐ/TU").unwrap();
        assert_eq!(p.serial, "2466");
        assert_eq!(p.abbreviation, "QĐ");
        assert_eq!(p.issuer_code, "TU");
        assert_eq!(parse_number("07-CT/TU").unwrap().serial, "7");
        let q = parse_number("135-QĐi/TW").unwrap();
        assert_eq!(
            kind_of_abbreviation(&q.abbreviation),
            Some(DocKind::QuyDinh)
        );
        assert_eq!(parse_number("02-HD/BTGTU").unwrap().issuer_code, "BTGTU");
    }

    #[test]
    fn state_numbers_are_read() {
        let p = parse_number("3058/QĐ-UBND").unwrap();
        assert_eq!(
            (p.serial.as_str(), p.issuer_code.as_str()),
            ("3058", "UBND")
        );
        let d = parse_number("12/2021/NĐ-CP").unwrap();
        assert_eq!(
            (d.abbreviation.as_str(), d.issuer_code.as_str()),
            ("NĐ", "CP")
        );
    }

    #[test]
    fn other_numbers_are_kept_unread() {
        for n in [
            "QĐ-2466/TU",
            "2466",
            "2466-/TU",
            "2466-QĐ/",
            "abc",
            "12-3/4",
        ] {
            assert_eq!(parse_number(n), None, "{n}");
        }
    }

    #[test]
    fn numbers_are_cleaned() {
        assert_eq!(clean_number("  Số 2466 - QĐ/TU "), "2466-QĐ/TU");
        assert_eq!(clean_number("số: 07-CT/TU"), "07-CT/TU");
        assert_eq!(number_key("2466-QĐ/TU"), "2466-qd/tu");
    }

    #[test]
    fn abbreviations_name_their_type() {
        assert_eq!(kind_of_abbreviation("QĐ"), Some(DocKind::QuyetDinh));
        assert_eq!(kind_of_abbreviation("qd"), Some(DocKind::QuyetDinh));
        assert_eq!(kind_of_abbreviation("NQ"), Some(DocKind::NghiQuyet));
        assert_eq!(kind_of_abbreviation("UBND"), None);
    }
}
