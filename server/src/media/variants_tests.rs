//! Variants on pictures made here: sizes and proportions, never upscaled, metadata
//! (a GPS position) gone from every copy, the EXIF orientation applied, a
//! decompression bomb refused from its header before any pixel is decoded.

use super::*;

/// A photo-like picture (gradients and noise, so the encoders have work).
fn photo(width: u32, height: u32) -> DynamicImage {
    let mut seed = 7u32;
    DynamicImage::ImageRgb8(image::RgbImage::from_fn(width, height, |x, y| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let noise = (seed >> 24) as u8 / 8;
        image::Rgb([
            ((x * 255) / width) as u8 ^ noise,
            ((y * 255) / height) as u8,
            noise.wrapping_mul(3),
        ])
    }))
}

fn written(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn jpeg(picture: &DynamicImage) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    picture.write_to(&mut out, ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// An EXIF block (big-endian TIFF) with an orientation and a GPS latitude, as a
/// phone's camera writes them.
fn exif_with_gps(orientation: u16) -> Vec<u8> {
    let mut t: Vec<u8> = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        t.extend_from_slice(&tag.to_be_bytes());
        t.extend_from_slice(&kind.to_be_bytes());
        t.extend_from_slice(&count.to_be_bytes());
        t.extend_from_slice(&value);
    };
    // IFD0 at 8: orientation and the GPS IFD's place (8 + 30 = 38)
    t.extend_from_slice(&2u16.to_be_bytes());
    let o = orientation.to_be_bytes();
    entry(&mut t, 0x0112, 3, 1, [o[0], o[1], 0, 0]);
    entry(&mut t, 0x8825, 4, 1, 38u32.to_be_bytes());
    t.extend_from_slice(&0u32.to_be_bytes());
    // the GPS IFD at 38: latitude reference and latitude (its rationals at 68)
    t.extend_from_slice(&2u16.to_be_bytes());
    entry(&mut t, 0x0001, 2, 2, *b"N\0\0\0");
    entry(&mut t, 0x0002, 5, 3, 68u32.to_be_bytes());
    t.extend_from_slice(&0u32.to_be_bytes());
    for (n, d) in [(21u32, 1u32), (1, 1), (3047, 100)] {
        t.extend_from_slice(&n.to_be_bytes());
        t.extend_from_slice(&d.to_be_bytes());
    }
    t
}

/// `jpeg` with an APP1 EXIF segment right after its start.
fn with_exif(jpeg: &[u8], exif: &[u8]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((exif.len() + 8) as u16).to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(exif);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn heights_keep_the_proportions() {
    assert_eq!(scaled_height(4000, 3000, 640), 480);
    assert_eq!(scaled_height(1920, 1080, 320), 180);
    assert_eq!(scaled_height(1000, 333, 320), 107);
    assert_eq!(scaled_height(5000, 1, 320), 1, "never zero");
}

#[test]
fn copies_are_made_at_each_narrower_width_and_never_upscaled() {
    let wide = photo(2000, 1000);
    let copies = narrower(&wide, Kind::Jpeg).unwrap();
    let own: Vec<&Copy> = copies.iter().filter(|c| c.kind == Kind::Jpeg).collect();
    let sizes: Vec<(u32, u32)> = own.iter().map(|c| (c.width, c.height)).collect();
    assert_eq!(sizes, [(320, 160), (640, 320), (1024, 512), (1600, 800)]);
    for c in &copies {
        let back = image::load_from_memory(&c.bytes).unwrap();
        assert_eq!((back.width(), back.height()), (c.width, c.height));
        assert!(matches!(c.kind, Kind::Jpeg | Kind::WebP));
    }
    // a WebP beside a copy only where it is smaller than it, and for a photo it is
    let webp: Vec<&Copy> = copies.iter().filter(|c| c.kind == Kind::WebP).collect();
    assert!(
        !webp.is_empty(),
        "a photo's WebP copies are smaller than its JPEG ones"
    );
    for w in &webp {
        let jpeg = own.iter().find(|c| c.width == w.width).unwrap();
        assert!(
            w.bytes.len() < jpeg.bytes.len(),
            "{} px: {} ≥ {}",
            w.width,
            w.bytes.len(),
            jpeg.bytes.len()
        );
        assert_eq!(&w.bytes[8..12], b"WEBP");
    }
    let sizes: Vec<u32> = narrower(&photo(700, 400), Kind::Png)
        .unwrap()
        .iter()
        .filter(|c| c.kind == Kind::Png)
        .map(|c| c.width)
        .collect();
    assert_eq!(sizes, [320, 640]);
    assert!(narrower(&photo(320, 200), Kind::Jpeg).unwrap().is_empty());
    // a GIF's copies are PNG (its first frame), a WebP's are WebP alone
    assert!(
        narrower(&photo(400, 300), Kind::Gif)
            .unwrap()
            .iter()
            .all(|c| matches!(c.kind, Kind::Png | Kind::WebP))
    );
    let webp_copies = narrower(&photo(700, 400), Kind::WebP).unwrap();
    assert_eq!(
        webp_copies.iter().map(|c| c.width).collect::<Vec<_>>(),
        [320, 640]
    );
    assert!(webp_copies.iter().all(|c| c.kind == Kind::WebP));
}

#[test]
fn no_copy_keeps_the_gps_position_and_the_orientation_is_applied() {
    let dir = tempfile::tempdir().unwrap();
    // a 1200 × 600 photo the camera held on its side (orientation 6: turn 90° right)
    let from_camera = with_exif(&jpeg(&photo(1200, 600)), &exif_with_gps(6));
    assert!(contains(&from_camera, b"Exif\0\0MM"));
    let path = written(dir.path(), "camera.jpg", &from_camera);
    assert_eq!(super::super::kinds::sniff(&path).unwrap(), Kind::Jpeg);
    let upright = decode(&path, Kind::Jpeg, crate::media::MAX_PIXELS).unwrap();
    assert_eq!(
        (upright.width(), upright.height()),
        (600, 1200),
        "turned upright"
    );

    let original = clean_original(&upright, Kind::Jpeg).unwrap().unwrap();
    let mut copies = narrower(&upright, Kind::Jpeg).unwrap();
    assert!(
        copies.iter().all(|c| c.width == 320),
        "320 wide (640 would be wider than the picture)"
    );
    copies.push(original);
    for copy in &copies {
        assert!(
            !contains(&copy.bytes, b"Exif"),
            "{}px keeps EXIF",
            copy.width
        );
        assert!(
            !contains(&copy.bytes, b"MM\x00\x2a"),
            "{}px keeps a TIFF block",
            copy.width
        );
        assert!(copy.width < copy.height, "{}px is upright", copy.width);
    }
}

#[test]
fn a_decompression_bomb_is_refused_from_its_header() {
    // a PNG that says 20,000 × 20,000 (400 megapixels, 1.2 GB decoded) in a few bytes
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let chunk = |png: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        png.extend_from_slice(kind);
        png.extend_from_slice(data);
        png.extend_from_slice(&crc.sum().to_be_bytes());
    };
    let mut header = Vec::new();
    header.extend_from_slice(&20_000u32.to_be_bytes());
    header.extend_from_slice(&20_000u32.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &header);
    chunk(
        &mut png,
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    chunk(&mut png, b"IEND", &[]);
    let dir = tempfile::tempdir().unwrap();
    let path = written(dir.path(), "bomb.png", &png);
    assert_eq!(super::super::kinds::sniff(&path).unwrap(), Kind::Png);
    let err = decode(&path, Kind::Png, crate::media::MAX_PIXELS).unwrap_err();
    assert!(
        matches!(
            err,
            MediaRefusal::TooManyPixels {
                width: 20_000,
                height: 20_000,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("50 megapixel"), "{err}");
}
