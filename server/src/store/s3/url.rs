//! The `--store` URL of an S3-compatible bucket: `s3://bucket/prefix?endpoint=…&region=…`.
//! Query keys: `endpoint` (a self-hosted store; path-style addressing is used then),
//! `region` (default `us-east-1`), `checksum` (`sha256`, the default, or `none` for a store
//! that rejects `x-amz-checksum-sha256`). Secrets never go in the URL: the standard AWS
//! environment variables carry them, so the URL can be logged.
use object_store::aws::{AmazonS3Builder, Checksum};
use std::fmt;

#[derive(Clone, PartialEq, Eq)]
pub struct S3Url {
    pub bucket: String,
    pub prefix: String,
    pub endpoint: Option<String>,
    pub region: String,
    pub checksum: bool,
    /// Access keys given by the embedding program (tests) rather than the environment. Never
    /// parsed from the URL and never printed.
    pub keys: Option<(String, String)>,
}

impl S3Url {
    pub fn parse(s: &str) -> Result<Self, String> {
        let rest = s.strip_prefix("s3://").ok_or_else(|| format!("--store {s}: expected s3://bucket/prefix?endpoint=…"))?;
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (bucket, prefix) = path.split_once('/').unwrap_or((path, ""));
        let valid_bucket = (3..=63).contains(&bucket.len())
            && bucket.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
        if !valid_bucket {
            return Err(format!("--store {s}: {bucket:?} is not a bucket name (3-63 lowercase letters, digits, '-', '.')"));
        }
        let prefix = prefix.trim_matches('/').to_string();
        if prefix.split('/').any(|p| p == ".." || p == ".") {
            return Err(format!("--store {s}: the prefix may not contain '.' or '..'"));
        }
        let mut url = S3Url { bucket: bucket.to_string(), prefix, endpoint: None, region: "us-east-1".into(), checksum: true, keys: None };
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "endpoint" if v.starts_with("http://") || v.starts_with("https://") => url.endpoint = Some(v.trim_end_matches('/').into()),
                "endpoint" => return Err(format!("--store {s}: endpoint must start with http:// or https://")),
                "region" if !v.is_empty() => url.region = v.into(),
                "checksum" if v == "sha256" || v == "none" => url.checksum = v == "sha256",
                _ => return Err(format!("--store {s}: unknown or empty setting {k:?} (known: endpoint, region, checksum=sha256|none)")),
            }
        }
        Ok(url)
    }

    /// The client builder: AWS_* variables first (keys, session token), then the URL's settings.
    pub fn builder(&self) -> AmazonS3Builder {
        let mut b = AmazonS3Builder::from_env().with_bucket_name(&self.bucket).with_region(&self.region);
        if let Some(e) = &self.endpoint {
            // Self-hosted stores are addressed by path (http://host/bucket/key), not by a
            // bucket subdomain that no DNS knows.
            b = b.with_endpoint(e).with_virtual_hosted_style_request(false).with_allow_http(e.starts_with("http://"));
        }
        if let Some((id, secret)) = &self.keys {
            b = b.with_access_key_id(id).with_secret_access_key(secret);
        }
        if self.checksum {
            b = b.with_checksum_algorithm(Checksum::SHA256);
        }
        b
    }
}

impl fmt::Debug for S3Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "S3Url({self})") // the keys stay out of logs
    }
}

impl fmt::Display for S3Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "s3://{}/{}", self.bucket, self.prefix)?;
        if let Some(e) = &self.endpoint {
            write!(f, "?endpoint={e}&region={}", self.region)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::S3Url;

    #[test]
    fn parses_bucket_prefix_and_settings() {
        let u = S3Url::parse("s3://photos/shoebox/a?endpoint=http://127.0.0.1:8333/&region=eu-west-1").unwrap();
        assert_eq!((u.bucket.as_str(), u.prefix.as_str()), ("photos", "shoebox/a"));
        assert_eq!(u.endpoint.as_deref(), Some("http://127.0.0.1:8333"));
        assert_eq!(u.region, "eu-west-1");
        assert!(u.checksum);
        assert_eq!(S3Url::parse("s3://photos").unwrap().prefix, "");
    }

    #[test]
    fn refuses_bad_urls_with_a_reason() {
        for (bad, says) in [
            ("photos", "expected s3://"),
            ("s3://Photos/x", "not a bucket name"),
            ("s3://ab", "not a bucket name"),
            ("s3://photos/../x", "'..'"),
            ("s3://photos?endpoint=127.0.0.1:8333", "http://"),
            ("s3://photos?secret=abc", "unknown"),
        ] {
            let e = S3Url::parse(bad).unwrap_err();
            assert!(e.contains(says), "{bad}: {e}");
        }
    }
}
