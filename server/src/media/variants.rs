//! The copies of a picture readers get: decoded under limits set before any pixel is
//! (its size from the header against `MAX_PIXELS`, the decoder's memory capped), turned
//! upright by its EXIF orientation, and written again with no metadata at all (EXIF
//! with its GPS position, XMP, comments): the original size, and each of `WIDTHS`
//! narrower than it (never upscaled), in the original's format, and beside each a lossy
//! WebP where that is smaller (libwebp, through the `webp` crate: the image crate writes
//! only lossless WebP, larger than a JPEG for a photo). An animated GIF keeps its
//! original (a copy would lose the animation); its narrower copies are its first frame
//! as PNG.

use std::io::Cursor;
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use super::{Kind, MediaRefusal};

/// The widths made of a picture wider than them (a phone, a large phone, a tablet or
/// the article column, a wide screen).
pub const WIDTHS: [u32; 4] = [320, 640, 1024, 1600];

/// JPEG quality of the copies (the original's details survive; 4–12 MB camera files
/// fall to a tenth).
const JPEG_QUALITY: u8 = 82;

/// Quality of lossy WebP: copies look as the JPEG ones do at a quarter to a third less;
/// an uploaded WebP's own original is written again nearer to what it was.
const WEBP_QUALITY: f32 = 80.0;
const WEBP_ORIGINAL_QUALITY: f32 = 90.0;

/// Memory a decoder may take, whatever the header says.
const MAX_DECODER_BYTES: u64 = 512 * 1024 * 1024;

/// One copy of a picture, ready to store.
#[derive(Debug)]
pub struct Copy {
    pub kind: Kind,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

/// Decodes the picture at `path` (of `kind`, as sniffed), upright.
pub fn decode(path: &Path, kind: Kind, max_pixels: u64) -> Result<DynamicImage, MediaRefusal> {
    let format = match kind {
        Kind::Jpeg => ImageFormat::Jpeg,
        Kind::Png => ImageFormat::Png,
        Kind::WebP => ImageFormat::WebP,
        Kind::Gif => ImageFormat::Gif,
        _ => return Err(MediaRefusal::UnknownType),
    };
    let mut reader = ImageReader::open(path)?;
    reader.set_format(format);
    let mut decoder = reader.into_decoder().map_err(|_| MediaRefusal::Damaged)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > max_pixels {
        return Err(MediaRefusal::TooManyPixels {
            width,
            height,
            max_pixels,
        });
    }
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_DECODER_BYTES);
    decoder
        .set_limits(limits)
        .map_err(|_| MediaRefusal::TooManyPixels {
            width,
            height,
            max_pixels,
        })?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|_| MediaRefusal::Damaged)?;
    picture.apply_orientation(orientation);
    Ok(picture)
}

/// The original, written again without metadata (None for a GIF, kept as uploaded).
pub fn clean_original(picture: &DynamicImage, kind: Kind) -> Result<Option<Copy>, MediaRefusal> {
    match kind {
        Kind::Gif => Ok(None),
        Kind::WebP => lossy_webp(picture, WEBP_ORIGINAL_QUALITY).map(Some),
        _ => encode(picture, kind).map(Some),
    }
}

/// The narrower copies of `picture`, narrowest first, none wider than it: at each width
/// the original's format, then a WebP when it is smaller.
pub fn narrower(picture: &DynamicImage, kind: Kind) -> Result<Vec<Copy>, MediaRefusal> {
    let own = if kind == Kind::Gif { Kind::Png } else { kind };
    let mut copies = Vec::new();
    for &w in WIDTHS.iter().filter(|&&w| w < picture.width()) {
        let h = scaled_height(picture.width(), picture.height(), w);
        let small = picture.resize_exact(w, h, FilterType::CatmullRom);
        let copy = encode(&small, own)?;
        let webp = match own {
            Kind::WebP => None,
            _ => {
                Some(lossy_webp(&small, WEBP_QUALITY)?).filter(|c| c.bytes.len() < copy.bytes.len())
            }
        };
        copies.push(copy);
        copies.extend(webp);
    }
    Ok(copies)
}

/// The height that keeps the proportions of a `width` × `height` picture at `to` wide.
pub fn scaled_height(width: u32, height: u32, to: u32) -> u32 {
    let h = (u64::from(height) * u64::from(to) + u64::from(width) / 2) / u64::from(width.max(1));
    (h as u32).max(1)
}

/// Writes `picture` as `kind` (no metadata: the encoders write none unless given it).
fn encode(picture: &DynamicImage, kind: Kind) -> Result<Copy, MediaRefusal> {
    let mut bytes = Vec::new();
    let sink = Cursor::new(&mut bytes);
    let written = match kind {
        Kind::Jpeg => picture
            .to_rgb8()
            .write_with_encoder(JpegEncoder::new_with_quality(sink, JPEG_QUALITY)),
        Kind::WebP => return lossy_webp(picture, WEBP_QUALITY),
        _ => picture.write_with_encoder(PngEncoder::new(sink)),
    };
    written.map_err(|e| MediaRefusal::Io(std::io::Error::other(e)))?;
    Ok(Copy {
        kind: if kind == Kind::Gif { Kind::Png } else { kind },
        width: picture.width(),
        height: picture.height(),
        bytes,
    })
}

/// `picture` as a lossy WebP (its transparency kept).
fn lossy_webp(picture: &DynamicImage, quality: f32) -> Result<Copy, MediaRefusal> {
    let (width, height) = (picture.width(), picture.height());
    let encoded = if picture.color().has_alpha() {
        let pixels = picture.to_rgba8();
        webp::Encoder::from_rgba(&pixels, width, height).encode_simple(false, quality)
    } else {
        let pixels = picture.to_rgb8();
        webp::Encoder::from_rgb(&pixels, width, height).encode_simple(false, quality)
    };
    let bytes =
        encoded.map_err(|e| MediaRefusal::Io(std::io::Error::other(format!("WebP: {e:?}"))))?;
    Ok(Copy {
        kind: Kind::WebP,
        width,
        height,
        bytes: bytes.to_vec(),
    })
}

#[cfg(test)]
#[path = "variants_tests.rs"]
mod tests;
