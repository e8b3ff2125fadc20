//! Figures with a fixed number of decimals ("2.5", "-33.86785") in integer arithmetic: printing
//! an `f64` with `{:.1}` pulls the standard library's float printer (Grisu and Dragon with their
//! tables) into the first screen's wasm, and the app only ever needs a few rounded decimals.

/// `v` rounded half away from zero to `places` decimals (at most 9), with a leading `-` only
/// when the rounded figure is not zero. Not-a-number and infinities print as "0".
pub fn fixed(v: f64, places: u32) -> String {
    let places = places.min(9);
    if !v.is_finite() {
        return "0".into();
    }
    let scale = 10u64.pow(places);
    let scaled = (v.abs() * scale as f64).round() as u64;
    let sign = if v < 0.0 && scaled != 0 { "-" } else { "" };
    let (whole, frac) = (scaled / scale, scaled % scale);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0width$}", width = places as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn rounds_to_the_places_asked_like_the_float_printer() {
        for (v, p) in [(2.5, 1), (9.94, 1), (0.05, 2), (123.456, 0), (42.0, 2), (-33.867851, 5), (151.209296, 5), (0.0, 3), (99.999, 2)] {
            assert_eq!(fixed(v, p), format!("{v:.*}", p as usize), "{v} to {p} places");
        }
    }

    #[test]
    fn halves_go_away_from_zero_and_a_rounded_zero_has_no_sign() {
        assert_eq!(fixed(0.5, 0), "1");
        assert_eq!(fixed(9.96, 1), "10.0");
        assert_eq!(fixed(-0.000001, 2), "0.00");
        assert_eq!(fixed(-1.25, 1), "-1.3");
    }

    #[test]
    fn odd_values_print_something_sane() {
        assert_eq!(fixed(f64::NAN, 1), "0");
        assert_eq!(fixed(f64::INFINITY, 0), "0");
        assert_eq!(fixed(1.0, 12), "1.000000000", "at most nine places");
    }
}
