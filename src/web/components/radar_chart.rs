//! An SVG radar chart of domain levels, for one vendor or several overlaid.

use yew::prelude::*;

use crate::core::text::decimal;

use crate::core::questionnaire::{Questionnaire, MAX_LEVEL};

/// One polygon: a name and a level per domain, in questionnaire order.
#[derive(Clone, PartialEq)]
pub struct RadarSeries {
    /// Legend text.
    pub name: String,
    /// Level per domain.
    pub levels: Vec<u8>,
}

// Colour-blind-safe palette (Okabe–Ito), dark enough on white.
const PALETTE: [&str; 6] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
];
const CENTRE: f64 = 160.0;
const RADIUS: f64 = 110.0;

/// The short axis label of a domain title ("Triage and handling" → "Triage").
fn short(title: &str) -> &str {
    let cut = [" and ", ", "]
        .iter()
        .filter_map(|sep| title.find(sep))
        .min()
        .unwrap_or(title.len());
    &title[..cut]
}

fn point(i: usize, n: usize, level: f64) -> (f64, f64) {
    let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
    let r = RADIUS * level / f64::from(MAX_LEVEL);
    // The browser's sine and cosine: Rust's own would add their range reduction tables
    // to the first load.
    (
        CENTRE + r * js_sys::Math::cos(angle),
        CENTRE + r * js_sys::Math::sin(angle),
    )
}

fn polygon(n: usize, level: impl Fn(usize) -> f64) -> String {
    (0..n)
        .map(|i| {
            let (x, y) = point(i, n, level(i));
            format!("{},{}", decimal(x, 1), decimal(y, 1))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A radar chart of `series`, one polygon each.
pub fn radar_chart(series: &[RadarSeries]) -> Html {
    let q = Questionnaire::builtin();
    let n = q.domains.len();
    let rings = (1..=MAX_LEVEL)
        .map(|l| html! { <polygon class="ring" points={polygon(n, |_| f64::from(l))} /> });
    let axes = q.domains.iter().enumerate().map(|(i, d)| {
        let (x, y) = point(i, n, f64::from(MAX_LEVEL));
        let (lx, ly) = point(i, n, f64::from(MAX_LEVEL) * 1.22);
        let anchor = if (lx - CENTRE).abs() < 5.0 { "middle" } else if lx > CENTRE { "start" } else { "end" };
        html! {
            <g>
                <line class="axis" x1={decimal(CENTRE, 1)} y1={decimal(CENTRE, 1)} x2={decimal(x, 1)} y2={decimal(y, 1)} />
                <text x={decimal(lx, 1)} y={decimal(ly, 1)} text-anchor={anchor}>{ short(&d.title) }</text>
            </g>
        }
    });
    let shapes = series.iter().enumerate().map(|(s, one)| {
        let colour = PALETTE[s % PALETTE.len()];
        let points = polygon(n, |i| f64::from(one.levels.get(i).copied().unwrap_or(0)));
        html! { <polygon class="series" points={points} stroke={colour} fill={colour} fill-opacity="0.15" stroke-width="2"><title>{ &one.name }</title></polygon> }
    });
    let legend = series.iter().enumerate().map(|(s, one)| {
        let colour = PALETTE[s % PALETTE.len()];
        html! { <li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill={colour} /></svg>{ " " }{ &one.name }</li> }
    });
    let summary = series
        .iter()
        .map(|s| {
            let levels: Vec<String> = q
                .domains
                .iter()
                .zip(&s.levels)
                .map(|(d, l)| format!("{} L{l}", short(&d.title)))
                .collect();
            format!("{}: {}", s.name, levels.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <figure class="radar">
            <svg viewBox="-90 -10 500 340" role="img" aria-label={format!("Radar chart of domain levels. {summary}")}>
                { for rings }
                { for axes }
                { for shapes }
            </svg>
            if series.len() > 1 { <ul class="legend">{ for legend }</ul> }
        </figure>
    }
}
