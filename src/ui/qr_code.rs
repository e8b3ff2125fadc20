//! A QR code as inline SVG (qrcodegen makes the matrix; one path of dark modules, with the
//! quiet zone the standard asks for), e.g. the kiosk's "Upload from your phone" link.
use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// The SVG path of the dark modules and the side in modules (quiet zone included).
pub fn qr_path(text: &str) -> Option<(String, i32)> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    const QUIET: i32 = 4;
    let n = qr.size();
    let mut d = String::new();
    for y in 0..n {
        for x in 0..n {
            if qr.get_module(x, y) {
                d.push_str(&format!("M{},{}h1v1h-1z", x + QUIET, y + QUIET));
            }
        }
    }
    Some((d, n + 2 * QUIET))
}

#[component]
pub fn QrCodeView(#[prop(into)] text: Signal<String>, #[prop(into)] label: String) -> impl IntoView {
    move || {
        qr_path(&text.get()).map(|(d, side)| {
            view! {
                <svg class="qr" data-testid="kiosk-qr" role="img" aria-label=label.clone() viewBox=format!("0 0 {side} {side}")
                    shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
                    <rect width="100%" height="100%" fill="#ffffff"/>
                    <path d=d fill="#000000"/>
                </svg>
            }
        })
    }
}
