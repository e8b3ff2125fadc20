//! The limits policy (contracts.md "Limits presets"): judged on the original file, decides
//! upload / prepare / skip. The server reuses `Limits` to advertise its policy.
use serde::{Deserialize, Serialize};

/// One destination's limits. Field names are the JSON of `/api/v1/config` `limits`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    pub name: String,
    pub max_photo_bytes: u64,
    pub max_photo_pixels: u64,
    pub max_video_bytes: u64,
    /// A photo whose shorter side is under this many pixels is skipped; 0 means no minimum.
    pub min_photo_side: u32,
}

/// The "High quality" target: photos above this many pixels are downsized when quality is High.
pub const HIGH_QUALITY_PIXELS: u64 = 16_000_000;

impl Limits {
    pub fn seed() -> Self {
        Limits {
            name: "seed".into(),
            max_photo_bytes: 75_000_000,
            max_photo_pixels: 100_000_000,
            max_video_bytes: 10_000_000_000,
            min_photo_side: 0,
        }
    }
    pub fn google() -> Self {
        Limits {
            name: "google".into(),
            max_photo_bytes: 200_000_000,
            max_photo_pixels: 200_000_000,
            max_video_bytes: 10_000_000_000,
            min_photo_side: 256,
        }
    }
    /// A preset by name (`seed`, `google`).
    pub fn preset(name: &str) -> Option<Self> {
        match name {
            "seed" => Some(Self::seed()),
            "google" => Some(Self::google()),
            _ => None,
        }
    }
}

/// The app's limits setting: `server` means "what /api/v1/config says, else seed".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LimitsChoice {
    #[default]
    Server,
    Seed,
    Google,
}

impl LimitsChoice {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "server" => Some(Self::Server),
            "seed" => Some(Self::Seed),
            "google" => Some(Self::Google),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Server => "server",
            Self::Seed => "seed",
            Self::Google => "google",
        }
    }
    /// The effective limits, given what the server advertised (None for a plain tus server).
    pub fn resolve(self, advertised: Option<&Limits>) -> Limits {
        match self {
            Self::Server => advertised.cloned().unwrap_or_else(Limits::seed),
            Self::Seed => Limits::seed(),
            Self::Google => Limits::google(),
        }
    }
}

/// Upload size setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Quality {
    #[default]
    Original,
    High,
}
