//! Demo pictures the project draws itself: simple flat SVG illustrations (a hall with
//! a stage, rice fields, a town, a flag, a computer room, an award ceremony, the sea,
//! a school), 960×540, varied by a seed. Used only by `toasoan demo`.

use std::fmt::Write;

pub const WIDTH: u32 = 960;
pub const HEIGHT: u32 = 540;

/// The scenes the demo can draw.
pub const MOTIFS: &[&str] = &[
    "hoi-truong",
    "dong-lua",
    "pho-phuong",
    "la-co",
    "phong-may",
    "trao-thuong",
    "bien-dao",
    "truong-hoc",
];

/// A tiny deterministic generator (xorshift), so the same name draws the same picture.
struct Rng(u64);

impl Rng {
    fn new(seed: &str) -> Rng {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in seed.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Rng(h | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo) as u64 + 1)) as i64
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const SKIES: &[(&str, &str)] = &[
    ("#fde7c8", "#f7b267"),
    ("#d7ecfb", "#8ec5ea"),
    ("#fbe3e1", "#f4a6a0"),
    ("#e6f4ea", "#a8d5b5"),
];

fn star(cx: f64, cy: f64, r: f64, fill: &str) -> String {
    let mut pts = String::new();
    for i in 0..10 {
        let rad = if i % 2 == 0 { r } else { r * 0.4 };
        let a = std::f64::consts::PI / 5.0 * i as f64 - std::f64::consts::FRAC_PI_2;
        let _ = write!(pts, "{:.1},{:.1} ", cx + rad * a.cos(), cy + rad * a.sin());
    }
    format!(r#"<polygon points="{}" fill="{fill}"/>"#, pts.trim_end())
}

fn people(rng: &mut Rng, y: i64, rows: i64, out: &mut String) {
    for row in 0..rows {
        let yy = y + row * 38;
        let mut x = 40 + row * 12;
        while x < WIDTH as i64 - 30 {
            let shirt = rng.pick(&["#ffffff", "#e8eef5", "#2f4b7c", "#f1f1f1", "#5c6b7a"]);
            let _ = write!(
                out,
                r##"<circle cx="{x}" cy="{}" r="13" fill="#3b2a20"/><rect x="{}" y="{}" width="36" height="30" rx="12" fill="{shirt}"/>"##,
                yy,
                x - 18,
                yy + 12
            );
            x += rng.range(44, 56);
        }
    }
}

fn scene(motif: &str, rng: &mut Rng, s: &mut String) {
    let w = WIDTH as i64;
    match motif {
        "hoi-truong" => {
            s.push_str(r##"<rect width="960" height="540" fill="#7a0f14"/><rect y="380" width="960" height="160" fill="#5a0b0f"/>"##);
            s.push_str(r##"<rect x="120" y="40" width="720" height="120" fill="#b3121b" stroke="#f2c14e" stroke-width="6"/>"##);
            s.push_str(&star(480.0, 100.0, 40.0, "#f2c14e"));
            for i in 0..6 {
                let _ = write!(
                    s,
                    r##"<rect x="{}" y="175" width="18" height="160" fill="#f2c14e" opacity="0.35"/>"##,
                    150 + i * 130
                );
            }
            s.push_str(r##"<rect x="260" y="250" width="440" height="70" fill="#f5f0e6"/><rect x="260" y="250" width="440" height="12" fill="#2b7a3d"/>"##);
            let mut x = 300;
            while x < 680 {
                let _ = write!(
                    s,
                    r##"<circle cx="{x}" cy="232" r="14" fill="#3b2a20"/><rect x="{}" y="244" width="34" height="14" rx="6" fill="#ffffff"/>"##,
                    x - 17
                );
                x += rng.range(60, 80);
            }
            people(rng, 400, 3, s);
        }
        "dong-lua" => {
            s.push_str(r##"<rect y="200" width="960" height="340" fill="#7cb342"/>"##);
            let _ = write!(
                s,
                r##"<circle cx="{}" cy="90" r="46" fill="#ffd54f"/>"##,
                rng.range(120, 840)
            );
            s.push_str(r##"<path d="M0 220 Q240 150 480 210 T960 190 L960 260 L0 260 Z" fill="#558b2f"/>"##);
            for i in 0..14 {
                let y = 250 + i * 22;
                let shade = if i % 2 == 0 { "#9ccc65" } else { "#8bc34a" };
                let _ = write!(
                    s,
                    r##"<path d="M0 {y} Q480 {} 960 {y} L960 {} L0 {} Z" fill="{shade}"/>"##,
                    y - 30 + (i % 3) * 10,
                    y + 22,
                    y + 22
                );
            }
            for _ in 0..3 {
                let x = rng.range(150, 800);
                let y = rng.range(300, 420);
                let _ = write!(
                    s,
                    r##"<path d="M{} {} L{} {} L{} {} Z" fill="#f4e1a1"/><rect x="{}" y="{}" width="16" height="34" fill="#1e5aa8"/>"##,
                    x - 30,
                    y,
                    x,
                    y - 22,
                    x + 30,
                    y,
                    x - 8,
                    y
                );
            }
        }
        "pho-phuong" => {
            s.push_str(r##"<rect y="430" width="960" height="110" fill="#90a4ae"/><rect y="470" width="960" height="8" fill="#eceff1"/>"##);
            let mut x = 0;
            while x < w {
                let bw = rng.range(80, 150);
                let bh = rng.range(160, 340);
                let color = rng.pick(&[
                    "#f6d186", "#fcf7de", "#dfe7fd", "#f7c5a8", "#cfe8d5", "#e3d5f0",
                ]);
                let _ = write!(
                    s,
                    r##"<rect x="{x}" y="{}" width="{bw}" height="{bh}" fill="{color}" stroke="#8d6e63" stroke-width="2"/>"##,
                    430 - bh
                );
                let mut wy = 430 - bh + 20;
                while wy < 410 {
                    let mut wx = x + 14;
                    while wx < x + bw - 20 {
                        let _ = write!(
                            s,
                            r##"<rect x="{wx}" y="{wy}" width="16" height="22" fill="#5d7ea8" opacity="0.7"/>"##
                        );
                        wx += 30;
                    }
                    wy += 40;
                }
                x += bw + rng.range(4, 16);
            }
            for i in 0..5 {
                let tx = 60 + i * 200 + rng.range(0, 40);
                let _ = write!(
                    s,
                    r##"<rect x="{}" y="400" width="10" height="40" fill="#6d4c41"/><circle cx="{tx}" cy="392" r="26" fill="#43a047"/>"##,
                    tx - 5
                );
            }
        }
        "la-co" => {
            s.push_str(r##"<rect y="420" width="960" height="120" fill="#a1887f"/>"##);
            s.push_str(r##"<rect x="300" y="60" width="10" height="370" fill="#6d6d6d"/>"##);
            let wave = rng.range(10, 30);
            let _ = write!(
                s,
                r##"<path d="M310 70 Q{} {} 520 80 T730 90 L730 290 Q620 {} 520 280 T310 270 Z" fill="#da251d"/>"##,
                410,
                70 - wave,
                280 + wave
            );
            s.push_str(&star(520.0, 180.0, 62.0, "#ffde00"));
            s.push_str(r##"<rect x="240" y="420" width="130" height="20" fill="#8d6e63"/>"##);
        }
        "phong-may" => {
            s.push_str(r##"<rect width="960" height="540" fill="#e3f2fd"/><rect y="400" width="960" height="140" fill="#b0bec5"/>"##);
            for row in 0..2 {
                for col in 0..4 {
                    let x = 70 + col * 225;
                    let y = 150 + row * 150;
                    let screen = rng.pick(&["#1e88e5", "#43a047", "#b3121b", "#00897b"]);
                    let _ = write!(
                        s,
                        r##"<rect x="{x}" y="{y}" width="160" height="100" rx="8" fill="#263238"/><rect x="{}" y="{}" width="144" height="84" rx="4" fill="{screen}"/><rect x="{}" y="{}" width="60" height="10" fill="#455a64"/>"##,
                        x + 8,
                        y + 8,
                        x + 50,
                        y + 100
                    );
                    for line in 0..3 {
                        let _ = write!(
                            s,
                            r##"<rect x="{}" y="{}" width="{}" height="8" rx="4" fill="#ffffff" opacity="0.8"/>"##,
                            x + 20,
                            y + 25 + line * 18,
                            rng.range(50, 110)
                        );
                    }
                }
            }
            s.push_str(r##"<path d="M40 60 H920" stroke="#90caf9" stroke-width="4" stroke-dasharray="18 10"/>"##);
        }
        "trao-thuong" => {
            s.push_str(r##"<rect width="960" height="540" fill="#fff3e0"/><rect y="360" width="960" height="180" fill="#b3121b"/>"##);
            s.push_str(r##"<rect x="80" y="40" width="800" height="90" fill="#b3121b"/><rect x="80" y="130" width="800" height="8" fill="#f2c14e"/>"##);
            let mut x = 160;
            while x < 820 {
                let _ = write!(
                    s,
                    r##"<circle cx="{x}" cy="230" r="24" fill="#3b2a20"/><rect x="{}" y="254" width="64" height="110" rx="18" fill="{}"/><rect x="{}" y="280" width="44" height="32" fill="#f2c14e"/><circle cx="{}" cy="276" r="16" fill="{}"/>"##,
                    x - 32,
                    rng.pick(&["#ffffff", "#37474f", "#1e3a5f"]),
                    x - 22,
                    x + 26,
                    rng.pick(&["#e91e63", "#ff7043", "#ffca28"])
                );
                x += rng.range(110, 140);
            }
        }
        "bien-dao" => {
            s.push_str(r##"<rect y="260" width="960" height="280" fill="#1976d2"/>"##);
            let _ = write!(
                s,
                r##"<circle cx="{}" cy="120" r="50" fill="#fff59d"/>"##,
                rng.range(600, 860)
            );
            s.push_str(r##"<path d="M120 270 Q260 150 400 270 Z" fill="#2e7d32"/>"##);
            for i in 0..8 {
                let y = 300 + i * 30;
                let _ = write!(
                    s,
                    r##"<path d="M0 {y} Q120 {} 240 {y} T480 {y} T720 {y} T960 {y}" stroke="#90caf9" stroke-width="3" fill="none" opacity="0.6"/>"##,
                    y - 10
                );
            }
            let bx = rng.range(420, 700);
            let _ = write!(
                s,
                r##"<path d="M{} 360 L{} 360 L{} 400 L{} 400 Z" fill="#6d4c41"/><rect x="{}" y="270" width="6" height="90" fill="#5d4037"/><path d="M{} 280 L{} 340 L{} 340 Z" fill="#da251d"/>"##,
                bx - 80,
                bx + 90,
                bx + 60,
                bx - 55,
                bx,
                bx + 6,
                bx + 70,
                bx + 6
            );
        }
        _ => {
            // truong-hoc: a school with a flag and children
            s.push_str(r##"<rect y="400" width="960" height="140" fill="#c5e1a5"/>"##);
            s.push_str(r##"<rect x="200" y="180" width="560" height="220" fill="#fff8e1" stroke="#b3121b" stroke-width="6"/><path d="M180 190 L480 90 L780 190 Z" fill="#b3121b"/>"##);
            for i in 0..5 {
                let _ = write!(
                    s,
                    r##"<rect x="{}" y="230" width="60" height="70" fill="#64b5f6"/>"##,
                    240 + i * 100
                );
            }
            s.push_str(r##"<rect x="440" y="320" width="80" height="80" fill="#8d6e63"/>"##);
            people(rng, 440, 1, s);
        }
    }
}

/// Draws the picture called `name` ("hoi-truong-3"): the motif is the name up to its
/// last hyphen-number; the number varies colours and layout.
pub fn demo_svg(name: &str) -> String {
    let motif = MOTIFS
        .iter()
        .copied()
        .find(|m| name.starts_with(m))
        .unwrap_or("truong-hoc");
    let mut rng = Rng::new(name);
    let (top, bottom) = SKIES[(rng.next() % SKIES.len() as u64) as usize];
    let mut s = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"><defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="{top}"/><stop offset="1" stop-color="{bottom}"/></linearGradient></defs><rect width="{WIDTH}" height="{HEIGHT}" fill="url(#sky)"/>"##
    );
    scene(motif, &mut rng, &mut s);
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_motif_draws_a_well_formed_distinct_picture() {
        let mut seen = std::collections::HashSet::new();
        for m in MOTIFS {
            let svg = demo_svg(&format!("{m}-1"));
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{m}");
            assert!(!svg.contains("NaN"), "{m}");
            assert_eq!(svg.matches('<').count(), svg.matches('>').count(), "{m}");
            assert!(seen.insert(svg), "{m} drew the same as another");
        }
        assert_eq!(
            demo_svg("dong-lua-2"),
            demo_svg("dong-lua-2"),
            "deterministic"
        );
        assert_ne!(demo_svg("dong-lua-2"), demo_svg("dong-lua-3"));
        let size = toasoan_app::features::media::sniff(demo_svg("la-co-1").as_bytes());
        assert_eq!(size, Some(("image/svg+xml", "svg", WIDTH, HEIGHT)));
    }
}
