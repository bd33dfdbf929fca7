//! Decoding: any bytes become normalised Unicode text, or an [`IngestError`] that says why not.
//!
//! Order of evidence: a byte-order mark (UTF-8, UTF-16LE/BE); UTF-16 without a mark, recognised
//! by its NUL bytes at every other position; signatures of common binary formats; valid UTF-8;
//! else a statistical guess (chardetng) that falls back to Windows-1252, which decodes any bytes.
//! UTF-8 that was misread as Latin-1 or Windows-1252 on its way into the file ("letâ€™s") is
//! repaired. The text is then normalised: line endings to `\n`, no-break and other odd spaces to
//! a space, zero-width characters removed, and Unicode NFC.

use crate::IngestError;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Signatures of binary formats users commonly drop by mistake, with the name shown to them.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
    (b"\x7FELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\0asm", "a WebAssembly module"),
    (b"SQLite format 3\0", "an SQLite database"),
];

/// Decodes `bytes` to normalised text.
///
/// Never panics. Errors: [`IngestError::Empty`] for no bytes, [`IngestError::Binary`] when the
/// bytes are not text. A file of only white space decodes to an empty string and is left to the
/// caller to report.
pub fn decode(bytes: &[u8]) -> Result<String, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    let raw = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        encoding
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned()
    } else if let Some(encoding) = utf16_without_bom(bytes) {
        encoding.decode_without_bom_handling(bytes).0.into_owned()
    } else {
        if let Some(kind) = binary_signature(bytes) {
            return Err(IngestError::Binary(format!("it is {kind}")));
        }
        if bytes.contains(&0) {
            return Err(IngestError::Binary("it contains NUL bytes".into()));
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => {
                let mut detector = chardetng::EncodingDetector::new();
                detector.feed(bytes, true);
                let encoding = detector.guess(None, true);
                encoding.decode_without_bom_handling(bytes).0.into_owned()
            }
        }
    };
    let text = repair_mojibake(&raw);
    if mostly_control_characters(&text) {
        return Err(IngestError::Binary(
            "most of it is control characters".into(),
        ));
    }
    Ok(normalise(&text))
}

/// The byte a character stood for when UTF-8 was misread as Latin-1 or Windows-1252.
fn misread_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if code <= 0xFF {
        return u8::try_from(code).ok();
    }
    // Windows-1252's characters in 0x80–0x9F.
    let byte = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(byte)
}

/// Text whose UTF-8 was read as Latin-1 or Windows-1252 somewhere on its way ("letâ\u{80}\u{99}s",
/// "cafÃ©"), made right: each run of characters that spells a UTF-8 sequence byte for byte is
/// the character it spells. Where anything was repaired, a lone "Â" before a space is the
/// remains of a no-break space and goes too. Text without such runs is returned as it is.
pub fn repair_mojibake(text: &str) -> std::borrow::Cow<'_, str> {
    // Every misread sequence starts with one of Â–ô (U+00C2–U+00F4), which UTF-8 writes as 0xC3
    // 0x82–0xB4, and goes on with a character standing for a continuation byte: U+0080–U+00BF
    // (0xC2 0x80–0xBF) or a Windows-1252 sign (written from 0xC5, 0xC6, 0xCB or 0xE2 on).
    let bytes = text.as_bytes();
    let misread = bytes.iter().enumerate().any(|(i, &b)| {
        b == 0xC3
            && bytes.get(i + 1).is_some_and(|b| (0x82..=0xB4).contains(b))
            && match bytes.get(i + 2) {
                Some(0xC2) => bytes.get(i + 3).is_some_and(|b| (0x80..=0xBF).contains(b)),
                Some(0xC5 | 0xC6 | 0xCB | 0xE2) => true,
                _ => false,
            }
    });
    if !misread {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut repaired = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let needed = match misread_byte(c) {
            Some(0xC2..=0xDF) => 1,
            Some(0xE0..=0xEF) => 2,
            Some(0xF0..=0xF4) => 3,
            _ => 0,
        };
        if needed > 0 && i + needed < chars.len() {
            let mut bytes = [0u8; 4];
            let mut whole = true;
            for k in 0..=needed {
                match misread_byte(chars[i + k]) {
                    Some(byte) if k == 0 || (0x80..=0xBF).contains(&byte) => bytes[k] = byte,
                    _ => {
                        whole = false;
                        break;
                    }
                }
            }
            if let Some(decoded) = whole
                .then(|| std::str::from_utf8(&bytes[..=needed]).ok())
                .flatten()
            {
                out.push_str(decoded);
                repaired += 1;
                i += needed + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    if repaired == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    // "cats.Â" and "Â Read more": a no-break space whose second byte was lost on the way.
    let mut cleaned = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(at) = rest.find('Â') {
        cleaned.push_str(&rest[..at]);
        let after = &rest[at + 'Â'.len_utf8()..];
        if !after.chars().next().is_none_or(char::is_whitespace) {
            cleaned.push('Â');
        }
        rest = after;
    }
    cleaned.push_str(rest);
    std::borrow::Cow::Owned(cleaned)
}

fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// UTF-16 text without a byte-order mark has a NUL in almost every high byte of ASCII text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even_nuls = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let clearly = |many: usize, few: usize| many * 10 >= pairs * 7 && few * 20 <= pairs;
    if clearly(odd_nuls, even_nuls) {
        Some(UTF_16LE)
    } else if clearly(even_nuls, odd_nuls) {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn mostly_control_characters(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0C')) || c == '\u{FFFD}' {
            control += 1;
        }
    }
    total > 0 && control * 10 > total
}

/// Normalises decoded text: `\r\n` and lone `\r` become `\n`; no-break, narrow and other
/// fixed-width spaces become a plain space; zero-width characters and stray BOMs are removed;
/// tabs stay; the result is in Unicode NFC.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Unchanged runs are copied whole; only the characters that change are handled one by one.
    let mut run_start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let replacement: Option<&str> = match c {
            '\r' => {
                if chars.peek().map(|&(_, next)| next) == Some('\n') {
                    chars.next();
                }
                Some("\n")
            }
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                Some(" ")
            }
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {
                // A line of nothing but invisible characters is still a line, not a blank
                // (blank lines set articles apart): one zero-width space stays to say so.
                let line_start = out.is_empty() && run_start == i
                    || text[run_start..i].ends_with('\n')
                    || run_start == i && out.ends_with('\n');
                let rest = &text[i..];
                let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
                let invisible_line = line_start
                    && rest[..line_end].chars().all(|c| {
                        matches!(
                            c,
                            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
                        ) || c == ' '
                            || c == '\t'
                    });
                Some(if invisible_line { "\u{200B}" } else { "" })
            }
            _ => None,
        };
        if let Some(replacement) = replacement {
            out.push_str(&text[run_start..i]);
            out.push_str(replacement);
            run_start = chars.peek().map(|&(next, _)| next).unwrap_or(text.len());
        }
    }
    out.push_str(&text[run_start..]);
    // Most text is already NFC: the quick check avoids rebuilding it.
    if out.is_ascii() || is_nfc_quick(out.chars()) == IsNormalized::Yes {
        out
    } else {
        out.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Café".as_bytes()).unwrap(), "Café");
        assert_eq!(decode(b"\xEF\xBB\xBFCaf\xC3\xA9").unwrap(), "Café");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Iraq\r\nIran".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Iraq\r\nIran".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&le).unwrap(), "Iraq\nIran");
        assert_eq!(decode(&be).unwrap(), "Iraq\nIran");
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = "Greek wildfires spread"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&le).unwrap(), "Greek wildfires spread");
    }

    #[test]
    fn windows_1252_falls_back() {
        // "Café – “quoted”" in Windows-1252.
        let bytes = b"Caf\xE9 \x96 \x93quoted\x94 and more plain English words follow here";
        let text = decode(bytes).unwrap();
        assert!(text.starts_with("Café – “quoted”"), "{text}");
    }

    #[test]
    fn utf8_read_as_latin1_or_windows_1252_is_repaired() {
        assert_eq!(
            decode("letâ\u{80}\u{99}s go to the cafÃ© â\u{80}\u{94} now.Â\nok".as_bytes()).unwrap(),
            "let’s go to the café — now.\nok"
        );
        assert_eq!(
            decode("Itâ€™s â€œfineâ€\u{9D}".as_bytes()).unwrap(),
            "It’s “fine”"
        );
        // Text that merely uses those letters is left alone.
        for text in [
            "Â is a letter; so is Ã.",
            "São Paulo and Zürich",
            "Ãngel, 1998",
        ] {
            assert_eq!(decode(text.as_bytes()).unwrap(), text);
        }
    }

    #[test]
    fn normalises_line_endings_spaces_and_nfc() {
        let text = decode("a\r\nb\rc\u{00A0}d\u{200B}e\u{0065}\u{0301}".as_bytes()).unwrap();
        assert_eq!(text, "a\nb\nc de\u{00E9}");
    }

    #[test]
    fn a_line_of_invisible_characters_is_no_blank_line() {
        let text = decode("Para one.\n\u{200D}\n\nPara two.".as_bytes()).unwrap();
        assert_eq!(text, "Para one.\n\u{200B}\n\nPara two.");
        assert_eq!(decode("a\u{200D}b".as_bytes()).unwrap(), "ab");
    }

    #[test]
    fn binary_and_empty_files_are_refused_with_a_reason() {
        assert_eq!(decode(b""), Err(IngestError::Empty));
        let png = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert_eq!(png.to_string(), "not a text file: it is a PNG image");
        let nul = decode(b"abc\0def\0\0\x01\x02ghi").unwrap_err();
        assert!(matches!(nul, IngestError::Binary(_)));
        let control: Vec<u8> = (1u8..32).cycle().take(500).collect();
        assert!(matches!(decode(&control), Err(IngestError::Binary(_))));
    }

    #[test]
    fn any_bytes_decode_or_error_without_panic() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for len in 0..400 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state as u8
                })
                .collect();
            if let Ok(text) = decode(&bytes) {
                assert!(!text.contains('\r'));
            }
        }
    }
}
