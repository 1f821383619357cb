//! Charts drawn on the server as inline SVG, so that a page (or an exported file) needs no
//! script, no font and no network to show them: stacked bars over time and ranked bars.

use maud::{html, Markup};

/// One coloured band of a stacked bar chart.
pub struct Series<'a> {
    pub name: &'a str,
    pub colour: &'a str,
    pub values: Vec<f64>,
}

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 200.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 44.0;

/// The palette for groups (services, accounts): distinct, and readable on white.
pub const PALETTE: [&str; 9] = [
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f",
    "#bab0ac",
];

/// A round step for `max / 4` so that grid lines fall on readable values.
fn nice_step(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let n = raw / mag;
    let f = if n <= 1.0 {
        1.0
    } else if n <= 2.0 {
        2.0
    } else if n <= 5.0 {
        5.0
    } else {
        10.0
    };
    f * mag
}

/// A number as an axis or tooltip shows it: whole numbers plain, others with two decimals.
pub fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

/// Stacked bars, one per label (oldest left), each split into `series`. `aria` names the
/// chart for screen readers; every band has a tooltip with its exact value.
pub fn stacked_bars(aria: &str, labels: &[String], series: &[Series<'_>], unit: &str) -> Markup {
    let n = labels.len().max(1);
    let totals: Vec<f64> = (0..labels.len())
        .map(|i| {
            series
                .iter()
                .map(|s| s.values.get(i).copied().unwrap_or(0.0))
                .sum()
        })
        .collect();
    let max = totals.iter().copied().fold(0.0, f64::max);
    // Counts are whole: their grid never falls between two.
    let whole = series
        .iter()
        .all(|s| s.values.iter().all(|v| v.fract() == 0.0));
    let step = if whole {
        nice_step(max).max(1.0)
    } else {
        nice_step(max)
    };
    let top = (max / step).ceil().max(1.0) * step;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / n as f64;
    let bar = (slot * 0.7).clamp(1.0, 48.0);
    let y = |v: f64| TOP + plot_h - v / top * plot_h;
    // Labels thinned so that they never overlap (about 8 px per character).
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(1) as f64;
    let every = ((longest * 7.0 + 8.0) / slot).ceil().max(1.0) as usize;
    let grid: Vec<f64> = (0..=((top / step).round() as usize))
        .map(|k| k as f64 * step)
        .collect();
    html! {
        svg class="chart" role="img" aria-label=(aria) viewBox={"0 0 " (WIDTH) " " (HEIGHT)}
            xmlns="http://www.w3.org/2000/svg" {
            @for g in &grid {
                line x1=(LEFT) x2=(WIDTH - RIGHT) y1=(y(*g)) y2=(y(*g)) class="grid" {}
                text x=(LEFT - 6.0) y=(y(*g) + 4.0) text-anchor="end" class="tick" { (num(*g)) }
            }
            @for (i, label) in labels.iter().enumerate() {
                @let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
                @for (s, base, v) in bands(series, i) {
                    rect x=(x) y=(y(base + v)) width=(bar) height=(y(base) - y(base + v))
                        fill=(s.colour) {
                        title { (label) ": " (num(v)) " " (s.name) (unit) }
                    }
                }
                @if i % every == 0 {
                    text x=(x + bar / 2.0) y=(HEIGHT - BOTTOM + 16.0) text-anchor="middle"
                        class="tick" { (label) }
                }
            }
            line x1=(LEFT) x2=(WIDTH - RIGHT) y1=(y(0.0)) y2=(y(0.0)) class="axis" {}
        }
    }
}

/// The non-empty bands of bar `i`, each with the height it starts at.
fn bands<'s, 'a>(series: &'s [Series<'a>], i: usize) -> Vec<(&'s Series<'a>, f64, f64)> {
    let mut base = 0.0;
    let mut out = Vec::new();
    for s in series {
        let v = s.values.get(i).copied().unwrap_or(0.0);
        if v > 0.0 {
            out.push((s, base, v));
            base += v;
        }
    }
    out
}

/// The key to a chart's colours, as HTML beside it (it wraps, however many groups there are).
pub fn legend(series: &[Series<'_>]) -> Markup {
    html! {
        p class="legend" {
            @for s in series {
                span { i style={"background:" (s.colour)} {} (s.name) }
            }
        }
    }
}

/// Horizontal bars, largest first, each with its value at its end.
pub fn ranked_bars(aria: &str, items: &[(String, f64)], unit: &str) -> Markup {
    let row = 22.0;
    let label_w = 260.0;
    let height = row * items.len().max(1) as f64 + 8.0;
    let max = items.iter().map(|i| i.1).fold(0.0, f64::max);
    let room = WIDTH - label_w - 120.0;
    html! {
        svg class="chart" role="img" aria-label=(aria) viewBox={"0 0 " (WIDTH) " " (height)}
            xmlns="http://www.w3.org/2000/svg" {
            @for (i, (name, v)) in items.iter().enumerate() {
                @let y = 4.0 + row * i as f64;
                @let w = if max > 0.0 { (v / max * room).max(1.0) } else { 1.0 };
                text x=(label_w - 8.0) y=(y + 15.0) text-anchor="end" class="tick" {
                    (crate::render::truncate(name, 40))
                }
                rect x=(label_w) y=(y + 3.0) width=(w) height=(row - 6.0)
                    fill=(PALETTE[i % PALETTE.len()]) {
                    title { (name) ": " (num(*v)) (unit) }
                }
                text x=(label_w + w + 6.0) y=(y + 15.0) class="tick" { (num(*v)) (unit) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_steps_are_round() {
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(7.0), 2.0);
        assert_eq!(nice_step(40.0), 10.0);
        assert_eq!(nice_step(1234.0), 500.0);
    }

    #[test]
    fn bars_carry_their_values_and_escape_labels() {
        let svg = stacked_bars(
            "changes",
            &["<a>".to_string(), "b".to_string()],
            &[Series {
                name: "add",
                colour: "#0a0",
                values: vec![3.0, 0.0],
            }],
            "",
        )
        .into_string();
        assert!(svg.contains("&lt;a&gt;: 3 add"), "{svg}");
        assert_eq!(
            svg.matches("<title>").count(),
            1,
            "a zero band is not drawn"
        );
    }
}
