//! `shoebox-server migrate --to-store s3://…`: moves a local-disk server's media into a bucket,
//! so it can grow into several nodes. Every blob is hashed while it is read and refused when its
//! bytes do not match its name, so a damaged file is reported rather than copied; blobs already
//! in the bucket with the same size are skipped, so an interrupted migration is simply run
//! again. Thumbnails follow their blobs. Nothing in the data folder is changed or deleted.
use crate::store::record::UploadId;
use crate::store::s3::{S3Store, S3Url};
use crate::store::Store;
use sha2::{Digest, Sha256};
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

#[derive(Default, Debug, PartialEq, Eq)]
pub struct Moved {
    pub blobs: u64,
    pub bytes: u64,
    pub skipped: u64,
    pub thumbs: u64,
    /// Blobs whose bytes do not hash to their name (left where they are).
    pub damaged: Vec<String>,
}

impl Moved {
    pub fn text(&self) -> String {
        let mut s = format!(
            "Copied {} stored files ({} bytes) and {} thumbnails into the bucket; {} were there already.",
            self.blobs, self.bytes, self.thumbs, self.skipped
        );
        for d in &self.damaged {
            s.push_str(&format!("\nDAMAGED {d}: its bytes do not match its sha256; not copied (run `shoebox-server verify`)"));
        }
        s
    }
}

/// Each `<user>/<xx>/<sha256>` under `root`.
fn entries(root: &Path) -> io::Result<Vec<(String, String, std::path::PathBuf)>> {
    let mut out = Vec::new();
    let Ok(users) = fs::read_dir(root) else { return Ok(out) };
    for u in users {
        let u = u?;
        let user = u.file_name().to_string_lossy().into_owned();
        for shard in fs::read_dir(u.path())? {
            for f in fs::read_dir(shard?.path())? {
                let f = f?;
                out.push((user.clone(), f.file_name().to_string_lossy().into_owned(), f.path()));
            }
        }
    }
    Ok(out)
}

pub fn migrate(data_dir: &Path, to: &S3Url) -> io::Result<Moved> {
    let s3 = S3Store::open(to)?;
    s3.check()?;
    let mut moved = Moved::default();
    for (user, sha, path) in entries(&data_dir.join("blobs"))? {
        if !shoebox_core::hash::is_sha256_hex(&sha) || !crate::accounts::auth::valid_user_name(&user) {
            continue; // not a blob (a temporary file of an interrupted write)
        }
        let len = fs::metadata(&path)?.len();
        if s3.open_blob_at(&user, &sha, len)?.is_some_and(|(_, l)| l == len) {
            moved.skipped += 1;
            continue;
        }
        // Through an upload of the bucket's own (parts, tail, joined, copied to the blob's
        // name), the same path as a client upload's bytes: bounded memory for any size.
        let id = UploadId::random();
        let mut w = s3.open_writer(&id, 0)?;
        let (mut f, mut h, mut buf) = (File::open(&path)?, Sha256::new(), vec![0u8; 1 << 20]);
        loop {
            let k = f.read(&mut buf)?;
            if k == 0 {
                break;
            }
            h.update(&buf[..k]);
            w.write_all(&buf[..k])?;
        }
        w.sync()?;
        drop(w);
        if shoebox_core::hash::hex(&h.finalize()) != sha {
            s3.delete_upload(&id)?;
            moved.damaged.push(format!("{user} {sha}"));
            continue;
        }
        s3.commit_blob(&id, &user, &sha)?;
        s3.delete_upload(&id)?;
        moved.blobs += 1;
        moved.bytes += len;
        for variant in crate::store::DERIVED {
            let t = data_dir.join("thumbs").join(&user).join(&sha[..2]).join(crate::store::derived_name(&sha, variant));
            if let Ok(jpeg) = fs::read(&t) {
                s3.put_thumb(&user, &sha, variant, &jpeg)?;
                moved.thumbs += 1;
            }
        }
    }
    Ok(moved)
}
