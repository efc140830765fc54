//! Opening files: decompression (`.gz`, `.zst`) and decoding bytes to text
//! (see [`super::encoding`]).

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use super::encoding::{self, Decoded, EncodingError};

/// The compression of a file, from its last extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    /// The compression of a file from its name (`.gz`, `.zst`, `.zstd`).
    pub fn of(path: &Path) -> Compression {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("gz") => Compression::Gzip,
            Some("zst") | Some("zstd") => Compression::Zstd,
            _ => Compression::None,
        }
    }
}

/// Opens a file for streaming, decompressing it on the fly. A truncated
/// compressed stream ends with a read error (never silently).
pub fn open(path: &Path) -> std::io::Result<Box<dyn Read + Send>> {
    let file = BufReader::with_capacity(1 << 16, File::open(path)?);
    Ok(match Compression::of(path) {
        Compression::None => Box::new(file),
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(file)),
        Compression::Zstd => Box::new(zstd::stream::read::Decoder::with_buffer(file)?),
    })
}

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes or other control bytes: not a text file.
    Binary,
    /// No encoding gives plausible text.
    Undecodable(String),
    /// Mojibake that cannot be repaired.
    Mojibake(String),
}

/// Decodes the bytes of a text file: UTF-8 with or without BOM, UTF-16 with
/// BOM, Windows-1256, ISO-8859-6, Windows-1252 (see [`encoding::decode`]);
/// `declared` is the charset a page declares, if any.
pub fn decode_text(
    bytes: &[u8],
    declared: Option<&'static encoding_rs::Encoding>,
) -> Result<Decoded, DecodeError> {
    let utf16 = matches!(bytes, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]);
    if !utf16 && looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    encoding::decode(bytes, declared).map_err(|e| match e {
        EncodingError::Undecodable(d) => DecodeError::Undecodable(d),
        EncodingError::Mojibake(d) => DecodeError::Mojibake(d),
    })
}

/// True when the first KiB of the data holds a NUL byte or many control bytes.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > head.len().max(1)
}
