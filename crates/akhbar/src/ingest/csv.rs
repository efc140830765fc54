//! CSV and TSV files (`.csv`, `.tsv`, also `.gz`/`.zst`) with a header row
//! naming the columns: each row is an article, its fields found by name
//! (renamed by a [`FieldMap`]). A row whose field count differs from the
//! header's is skipped with its line.

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Read};

use super::encoding;
use super::fields::{FieldMap, Record};
use super::report::SkipReason;

/// What reading a CSV file yields, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvItem {
    /// A row with a body, and the line it starts on.
    Record { line: usize, record: Record },
    /// A row, or the rest of the file, that cannot be read.
    Skip {
        line: Option<usize>,
        reason: SkipReason,
        detail: String,
    },
}

/// Guesses the delimiter from the header line: the most frequent of `,`,
/// `;` and tab outside quotes (`,` on a tie or when none is found).
pub fn sniff_delimiter(head: &[u8]) -> u8 {
    let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Reads CSV/TSV rows from `reader`. `delimiter` is `None` to sniff it from
/// the header. `emit` sees every record and skip; its error stops the read.
pub fn read<E>(
    reader: impl Read,
    delimiter: Option<u8>,
    map: &FieldMap,
    mut emit: impl FnMut(CsvItem) -> Result<(), E>,
) -> Result<(), E> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let delimiter = match delimiter {
        Some(d) => d,
        None => match reader.fill_buf() {
            Ok(head) => sniff_delimiter(head),
            Err(e) => return emit(read_error(None, &e.to_string())),
        },
    };
    let mut csv = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(reader);
    let mut row = ::csv::ByteRecord::new();
    let header: Vec<String> = match csv.read_byte_record(&mut row) {
        Ok(true) => row
            .iter()
            .enumerate()
            .map(|(i, field)| {
                let field = if i == 0 {
                    field.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(field)
                } else {
                    field
                };
                String::from_utf8_lossy(field).trim().to_string()
            })
            .collect(),
        Ok(false) => {
            return emit(CsvItem::Skip {
                line: None,
                reason: SkipReason::EmptyFile,
                detail: "no header row".into(),
            })
        }
        Err(e) => return emit(csv_error(&e)),
    };
    if !header.iter().any(|h| h == map.name_of("body")) {
        return emit(CsvItem::Skip {
            line: Some(1),
            reason: SkipReason::MissingBody,
            detail: format!(
                "no `{}` column in the header ({}); rename one with --map body=NAME",
                map.name_of("body"),
                header.join(", ")
            ),
        });
    }
    loop {
        match csv.read_byte_record(&mut row) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(e) => {
                if let ::csv::ErrorKind::Io(io) = e.kind() {
                    // A truncated or corrupt compressed stream: the rows
                    // before the cut were kept.
                    let line = csv.position().line() as usize;
                    let detail = format!("{io}; the file is cut at this line");
                    return emit(read_error(Some(line), &detail));
                }
                emit(csv_error(&e))?;
                continue;
            }
        }
        let line = row.position().map_or(0, |p| p.line() as usize);
        if row.len() != header.len() {
            emit(CsvItem::Skip {
                line: Some(line),
                reason: SkipReason::WrongFieldCount,
                detail: format!("{} fields, the header has {}", row.len(), header.len()),
            })?;
            continue;
        }
        let fields = match decode_row(&row) {
            Ok(fields) => fields,
            Err((reason, detail)) => {
                emit(CsvItem::Skip {
                    line: Some(line),
                    reason,
                    detail,
                })?;
                continue;
            }
        };
        let record = Record::from_lookup(map, |name| {
            let i = header.iter().position(|h| h == name)?;
            fields.get(i).map(|f| Cow::Borrowed(f.as_str()))
        });
        match record {
            Some(record) => emit(CsvItem::Record { line, record })?,
            None => emit(CsvItem::Skip {
                line: Some(line),
                reason: SkipReason::MissingBody,
                detail: String::new(),
            })?,
        }
    }
}

/// The fields of a row as text: UTF-8, else the encoding that suits the
/// whole row best.
fn decode_row(row: &::csv::ByteRecord) -> Result<Vec<String>, (SkipReason, String)> {
    if let Ok(fields) = row
        .iter()
        .map(|f| std::str::from_utf8(f).map(str::to_string))
        .collect::<Result<Vec<_>, _>>()
    {
        return Ok(fields);
    }
    let joined = row.iter().collect::<Vec<_>>().join(&b'\n');
    let decoded = encoding::decode(&joined, None).map_err(|e| match e {
        encoding::EncodingError::Undecodable(d) => (SkipReason::Undecodable, d),
        encoding::EncodingError::Mojibake(d) => (SkipReason::Mojibake, d),
    })?;
    let enc = encoding::encoding_for_label(decoded.encoding).unwrap_or(encoding_rs::WINDOWS_1252);
    Ok(row
        .iter()
        .map(|f| enc.decode_without_bom_handling(f).0.into_owned())
        .collect())
}

fn read_error(line: Option<usize>, detail: &str) -> CsvItem {
    CsvItem::Skip {
        line,
        reason: SkipReason::ReadError,
        detail: detail.to_string(),
    }
}

fn csv_error(e: &::csv::Error) -> CsvItem {
    let line = e.position().map(|p| p.line() as usize);
    match e.kind() {
        ::csv::ErrorKind::Io(io) => read_error(line, &io.to_string()),
        _ => CsvItem::Skip {
            line,
            reason: SkipReason::MalformedCsv,
            detail: e.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str, map: &FieldMap) -> Vec<CsvItem> {
        let mut out = Vec::new();
        read::<()>(text.as_bytes(), None, map, |item| {
            out.push(item);
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn rows_become_records_and_bad_rows_are_skipped() {
        let text = "title,body,date\nUn,\"Corps, avec virgule\",2024-01-02\nDeux,trop,de,champs\nTrois,\"sur\ndeux lignes\",\n";
        let got = items(text, &FieldMap::default());
        assert_eq!(got.len(), 3);
        let CsvItem::Record { line, record } = &got[0] else {
            panic!("{got:?}")
        };
        assert_eq!((*line, record.body.as_str()), (2, "Corps, avec virgule"));
        assert!(matches!(
            &got[1],
            CsvItem::Skip {
                line: Some(3),
                reason: SkipReason::WrongFieldCount,
                ..
            }
        ));
        let CsvItem::Record { line, record } = &got[2] else {
            panic!("{got:?}")
        };
        assert_eq!(
            (*line, record.body.as_str(), record.date.as_deref()),
            (4, "sur\ndeux lignes", None)
        );
    }

    #[test]
    fn semicolons_tabs_and_maps() {
        assert_eq!(sniff_delimiter(b"a;b;\"c,d\"\n"), b';');
        assert_eq!(sniff_delimiter(b"a\tb\n"), b'\t');
        let map = FieldMap::parse("body=text").unwrap();
        let got = items("titre;text\nA;Le texte\n", &map);
        assert!(matches!(&got[0], CsvItem::Record { record, .. } if record.body == "Le texte"));
        let got = items("title,summary\nA,B\n", &FieldMap::default());
        assert!(matches!(
            &got[0],
            CsvItem::Skip {
                reason: SkipReason::MissingBody,
                line: Some(1),
                ..
            }
        ));
    }
}
