//! `verify` and the background scrub over an S3 bucket (`--store s3://…`): the same report as
//! the local pass (`verify`), with each blob listed from the bucket and re-hashed as the bucket
//! serves it, and the index (SQLite or PostgreSQL) checked against that listing.
use super::hash_reader;
use super::verify::{Blob, Report};
use crate::index::MediaIndex;
use crate::store::s3::S3Store;
use crate::store::Store;
use shoebox_core::hash::is_sha256_hex;
use std::collections::HashSet;
use std::io;
use std::path::PathBuf;

/// Every blob key `blobs/<user>/<xx>/<sha256>` in the bucket, in a stable order.
pub fn list_blobs(s3: &S3Store) -> io::Result<Vec<Blob>> {
    let mut out: Vec<Blob> = s3
        .list_objects("blobs")?
        .into_iter()
        .filter_map(|key| {
            let mut p = key.split('/');
            let (_, user, shard, sha) = (p.next()?, p.next()?, p.next()?, p.next()?);
            let ok = p.next().is_none() && crate::accounts::auth::valid_user_name(user) && is_sha256_hex(sha) && sha.starts_with(shard);
            ok.then(|| Blob { user: user.to_string(), sha256: sha.to_string(), path: PathBuf::from(&key) })
        })
        .collect();
    out.sort_by(|a, b| (&a.user, &a.sha256).cmp(&(&b.user, &b.sha256)));
    Ok(out)
}

/// Re-hashes every blob; `seen` is told of each result as it comes (the scrub logs and counts).
pub fn verify_blobs(s3: &S3Store, mut seen: impl FnMut(&Blob, &io::Result<(Option<String>, u64)>)) -> io::Result<(Report, Vec<Blob>)> {
    let mut r = Report::default();
    let blobs = list_blobs(s3)?;
    for b in &blobs {
        let res = match s3.open_blob(&b.user, &b.sha256)? {
            Some((reader, _)) => hash_reader(reader).map(|(actual, len)| ((actual != b.sha256).then_some(actual), len)),
            None => Err(io::Error::new(io::ErrorKind::NotFound, "deleted since it was listed")),
        };
        seen(b, &res);
        match res {
            Ok((bad, len)) => {
                r.checked += 1;
                r.bytes += len;
                if let Some(actual) = bad {
                    r.mismatches.push((b.clone(), actual));
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {} // purged meanwhile
            Err(e) => r.unreadable.push((b.clone(), e.to_string())),
        }
    }
    Ok((r, blobs))
}

/// The whole check: the bucket's blobs, then `index` against them.
pub fn verify(s3: &S3Store, index: &MediaIndex) -> io::Result<Report> {
    let (mut r, blobs) = verify_blobs(s3, |_, _| {})?;
    let named: HashSet<(String, String)> = index.contents().map_err(io::Error::other)?.into_iter().collect();
    let stored: HashSet<(String, String)> = blobs.iter().map(|b| (b.user.clone(), b.sha256.clone())).collect();
    let mut missing: Vec<_> = named.difference(&stored).cloned().collect();
    missing.sort();
    r.missing = missing;
    r.unnamed = blobs.into_iter().filter(|b| !named.contains(&(b.user.clone(), b.sha256.clone()))).collect();
    Ok(r)
}
