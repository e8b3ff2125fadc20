//! S3-compatible object storage (AWS S3, Ceph RGW, SeaweedFS, MinIO, Garage), chosen with
//! `--store s3://bucket/prefix?endpoint=…&region=…`; credentials come from the standard
//! `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` variables. Every byte and every upload record
//! lives in the bucket, so any node can take the next PATCH of any upload. Layout under the
//! prefix: `uploads/<id>/info.json` (the record), `uploads/<id>/data.json` (parts and tail:
//! see `writer`), `uploads/<id>/tail-<n>`, `uploads/<id>/bin` (the joined upload),
//! `blobs/<user>/<sha256[0..2]>/<sha256>` and `thumbs/…` as on the local disk.
mod bridge;
mod url;
mod writer;

pub use self::url::S3Url;
use super::{Store, UploadWriter};
use crate::store::record::{UploadId, UploadInfo};
pub use bridge::io_error;
use bridge::{Bridge, StreamReader};
use bytes::Bytes;
use futures_util::TryStreamExt;
use object_store::aws::AmazonS3;
use object_store::multipart::{MultipartStore, PartId};
use object_store::path::Path;
use object_store::{GetOptions, GetRange, ObjectStore, ObjectStoreExt, PutPayload};
use serde::{Deserialize, Serialize};
use shoebox_core::hash::is_sha256_hex;
use std::io::{self, Read};
use std::sync::Arc;

/// S3 copies at most 5 GiB in one request; larger blobs are copied through the node, streaming.
const MAX_SERVER_COPY: u64 = 5 << 30;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Part {
    pub content_id: String,
    pub size: u64,
}

/// Where an upload's durable bytes are: its multipart parts, then a tail object.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct UploadData {
    pub multipart: Option<String>,
    pub parts: Vec<Part>,
    pub tail_gen: u64,
    pub tail_len: u64,
    /// Parts and tail were joined into `bin`: the upload is complete and reads come from there.
    pub assembled: bool,
}

impl UploadData {
    pub fn parts_len(&self) -> u64 {
        self.parts.iter().map(|p| p.size).sum()
    }
    pub fn offset(&self) -> u64 {
        self.parts_len() + self.tail_len
    }
}

pub struct Inner {
    client: Arc<AmazonS3>,
    bridge: Arc<Bridge>,
    prefix: String,
}

impl Inner {
    fn path(&self, rest: &str) -> Path {
        Path::from(if self.prefix.is_empty() { rest.to_string() } else { format!("{}/{rest}", self.prefix) })
    }
    fn info_path(&self, id: &UploadId) -> Path {
        self.path(&format!("uploads/{id}/info.json"))
    }
    fn data_path(&self, id: &UploadId) -> Path {
        self.path(&format!("uploads/{id}/data.json"))
    }
    fn tail_path(&self, id: &UploadId, generation: u64) -> Path {
        self.path(&format!("uploads/{id}/tail-{generation}"))
    }
    fn bin_path(&self, id: &UploadId) -> Path {
        self.path(&format!("uploads/{id}/bin"))
    }
    fn blob_path(&self, user: &str, sha256: &str) -> io::Result<Path> {
        if !is_sha256_hex(sha256) || !crate::accounts::auth::valid_user_name(user) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "invalid blob name"));
        }
        Ok(self.path(&format!("blobs/{user}/{}/{sha256}", &sha256[..2])))
    }
    fn thumb_path(&self, user: &str, sha256: &str, variant: &str) -> io::Result<Path> {
        if !crate::store::DERIVED.contains(&variant) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "invalid thumbnail variant"));
        }
        self.blob_path(user, sha256)?;
        Ok(self.path(&format!("thumbs/{user}/{}/{}", &sha256[..2], crate::store::derived_name(sha256, variant))))
    }

    fn put(&self, path: &Path, bytes: Bytes) -> io::Result<()> {
        let (c, p) = (self.client.clone(), path.clone());
        self.bridge.run(async move { c.put(&p, PutPayload::from_bytes(bytes)).await })?.map(|_| ()).map_err(io_error)
    }
    /// The whole object, or None when there is none (small objects only: records, tails, thumbs).
    fn get_opt(&self, path: &Path) -> io::Result<Option<Bytes>> {
        let (c, p) = (self.client.clone(), path.clone());
        match self.bridge.run(async move { c.get(&p).await?.bytes().await })? {
            Ok(b) => Ok(Some(b)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(io_error(e)),
        }
    }
    fn get_bytes(&self, path: &Path) -> io::Result<Bytes> {
        self.get_opt(path)?.ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, format!("{path} is missing")))
    }
    fn delete(&self, path: &Path) -> io::Result<()> {
        let (c, p) = (self.client.clone(), path.clone());
        match self.bridge.run(async move { c.delete(&p).await })? {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(io_error(e)),
        }
    }
    /// Object size, or None when it does not exist.
    fn size(&self, path: &Path) -> io::Result<Option<u64>> {
        let (c, p) = (self.client.clone(), path.clone());
        match self.bridge.run(async move { c.head(&p).await })? {
            Ok(m) => Ok(Some(m.size)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(io_error(e)),
        }
    }
    /// A streaming reader from `offset` on, and the object's size.
    fn reader(&self, path: &Path, offset: u64) -> io::Result<Option<(Box<dyn Read + Send>, u64)>> {
        let Some(size) = self.size(path)? else { return Ok(None) };
        if offset >= size {
            return Ok(Some((Box::new(io::empty()), size)));
        }
        let (c, p) = (self.client.clone(), path.clone());
        let opts = GetOptions { range: (offset > 0).then_some(GetRange::Offset(offset)), ..Default::default() };
        let res = self.bridge.run(async move { c.get_opts(&p, opts).await })?.map_err(io_error)?;
        Ok(Some((Box::new(StreamReader::new(self.bridge.clone(), res.into_stream())), size)))
    }

    fn load_data(&self, id: &UploadId) -> io::Result<Option<UploadData>> {
        match self.get_opt(&self.data_path(id))? {
            Some(b) => serde_json::from_slice(&b).map(Some).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e)),
            None => Ok(None),
        }
    }
    fn save_data(&self, id: &UploadId, d: &UploadData) -> io::Result<()> {
        self.put(&self.data_path(id), Bytes::from(serde_json::to_vec(d)?))
    }

    /// The object holding a complete upload's bytes, joining parts and tail first if needed.
    /// Called only once every byte is durable, under the upload's lock.
    fn settled_bytes(&self, id: &UploadId) -> io::Result<Option<Path>> {
        let Some(mut d) = self.load_data(id)? else { return Ok(None) };
        if d.assembled {
            return Ok(Some(self.bin_path(id)));
        }
        let Some(mp) = d.multipart.clone().filter(|_| !d.parts.is_empty()) else {
            // Everything fits in the tail (most photos): it is the upload's object.
            return Ok((d.tail_len > 0).then(|| self.tail_path(id, d.tail_gen)));
        };
        let mut parts: Vec<PartId> = d.parts.iter().map(|p| PartId { content_id: p.content_id.clone() }).collect();
        if d.tail_len > 0 {
            // The last part may be smaller than the minimum.
            let tail = self.get_bytes(&self.tail_path(id, d.tail_gen))?;
            let (c, p, m, idx) = (self.client.clone(), self.bin_path(id), mp.clone(), parts.len());
            parts.push(self.bridge.run(async move { c.put_part(&p, &m, idx, PutPayload::from_bytes(tail)).await })?.map_err(io_error)?);
        }
        let (c, p) = (self.client.clone(), self.bin_path(id));
        self.bridge.run(async move { c.complete_multipart(&p, &mp, parts).await })?.map_err(io_error)?;
        let old_tail = (d.tail_len > 0).then(|| self.tail_path(id, d.tail_gen));
        d.assembled = true;
        self.save_data(id, &d)?;
        if let Some(t) = old_tail {
            let _ = self.delete(&t);
        }
        Ok(Some(self.bin_path(id)))
    }
}

pub struct S3Store {
    inner: Arc<Inner>,
}

impl S3Store {
    /// Connects to the bucket named by `url` (nothing is sent until the first request).
    pub fn open(url: &S3Url) -> io::Result<Self> {
        let client = url.builder().build().map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, format!("--store {url}: {e}")))?;
        let inner = Inner { client: Arc::new(client), bridge: Bridge::new()?, prefix: url.prefix.clone() };
        Ok(S3Store { inner: Arc::new(inner) })
    }

    /// Checks that the bucket answers, so a wrong endpoint or key fails at start, not at the
    /// first upload.
    pub fn check(&self) -> io::Result<()> {
        let (c, p) = (self.inner.client.clone(), self.inner.path("uploads"));
        self.inner.bridge.run(async move { c.list_with_delimiter(Some(&p)).await })?.map(|_| ()).map_err(io_error)
    }
}

impl Store for S3Store {
    fn create_upload(&self, info: &UploadInfo) -> io::Result<()> {
        self.save_upload(info)
    }

    fn load_upload(&self, id: &UploadId) -> io::Result<Option<UploadInfo>> {
        match self.inner.get_opt(&self.inner.info_path(id))? {
            Some(b) => serde_json::from_slice(&b).map(Some).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e)),
            None => Ok(None),
        }
    }

    fn save_upload(&self, info: &UploadInfo) -> io::Result<()> {
        // One PUT replaces the object whole: readers see the old record or the new one.
        self.inner.put(&self.inner.info_path(&info.id), Bytes::from(serde_json::to_vec(info)?))
    }

    fn upload_offset(&self, id: &UploadId) -> io::Result<u64> {
        Ok(self.inner.load_data(id)?.map(|d| d.offset()).unwrap_or(0))
    }

    fn open_writer(&self, id: &UploadId, offset: u64) -> io::Result<Box<dyn UploadWriter>> {
        Ok(Box::new(writer::S3Writer::open(self.inner.clone(), id.clone(), offset)?))
    }

    fn open_upload_reader(&self, id: &UploadId) -> io::Result<Box<dyn Read + Send>> {
        match self.inner.settled_bytes(id)? {
            Some(p) => Ok(self.inner.reader(&p, 0)?.map(|(r, _)| r).unwrap_or_else(|| Box::new(io::empty()))),
            None => Ok(Box::new(io::empty())),
        }
    }

    fn discard_upload_bytes(&self, id: &UploadId) -> io::Result<()> {
        if let Some(d) = self.inner.load_data(id)? {
            if let (Some(mp), false) = (d.multipart.clone(), d.assembled) {
                let (c, p) = (self.inner.client.clone(), self.inner.bin_path(id));
                let _ = self.inner.bridge.run(async move { c.abort_multipart(&p, &mp).await })?;
            }
            // data.json goes first: without it the upload holds 0 bytes, whatever is left over.
            self.inner.delete(&self.inner.data_path(id))?;
            self.inner.delete(&self.inner.bin_path(id))?;
            for g in d.tail_gen.saturating_sub(1)..=d.tail_gen {
                self.inner.delete(&self.inner.tail_path(id, g))?;
            }
        }
        Ok(())
    }

    fn delete_upload(&self, id: &UploadId) -> io::Result<()> {
        self.discard_upload_bytes(id)?;
        self.inner.delete(&self.inner.info_path(id))
    }

    fn list_uploads(&self) -> io::Result<Vec<UploadId>> {
        let (c, p) = (self.inner.client.clone(), self.inner.path("uploads"));
        let metas = self.inner.bridge.run(async move { c.list(Some(&p)).try_collect::<Vec<_>>().await })?.map_err(io_error)?;
        let ids = metas
            .iter()
            .filter_map(|m| m.location.as_ref().strip_suffix("/info.json").and_then(|s| s.rsplit('/').next()).and_then(UploadId::parse))
            .collect();
        Ok(ids)
    }

    fn commit_blob(&self, id: &UploadId, user: &str, sha256: &str) -> io::Result<bool> {
        let target = self.inner.blob_path(user, sha256)?;
        if self.inner.size(&target)?.is_some() {
            return Ok(false);
        }
        let Some(source) = self.inner.settled_bytes(id)? else {
            // An empty file: no object holds its zero bytes.
            self.inner.put(&target, Bytes::new())?;
            return Ok(true);
        };
        let size = self.inner.size(&source)?.ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, format!("{source} is missing")))?;
        if size <= MAX_SERVER_COPY {
            // Two nodes committing the same content at once both copy the same bytes: harmless.
            let (c, s, t) = (self.inner.client.clone(), source, target);
            self.inner.bridge.run(async move { c.copy(&s, &t).await })?.map_err(io_error)?;
        } else {
            self.stream_copy(&source, &target)?;
        }
        Ok(true)
    }

    fn open_blob(&self, user: &str, sha256: &str) -> io::Result<Option<(Box<dyn Read + Send>, u64)>> {
        self.open_blob_at(user, sha256, 0)
    }

    fn open_blob_at(&self, user: &str, sha256: &str, offset: u64) -> io::Result<Option<(Box<dyn Read + Send>, u64)>> {
        self.inner.reader(&self.inner.blob_path(user, sha256)?, offset)
    }

    fn delete_blob(&self, user: &str, sha256: &str) -> io::Result<()> {
        self.delete_thumbs(user, sha256)?;
        self.inner.delete(&self.inner.blob_path(user, sha256)?)
    }

    fn delete_thumbs(&self, user: &str, sha256: &str) -> io::Result<()> {
        for variant in crate::store::DERIVED {
            self.inner.delete(&self.inner.thumb_path(user, sha256, variant)?)?;
        }
        Ok(())
    }

    fn put_thumb(&self, user: &str, sha256: &str, variant: &str, jpeg: &[u8]) -> io::Result<()> {
        self.inner.put(&self.inner.thumb_path(user, sha256, variant)?, Bytes::copy_from_slice(jpeg))
    }

    fn open_thumb(&self, user: &str, sha256: &str, variant: &str) -> io::Result<Option<Vec<u8>>> {
        Ok(self.inner.get_opt(&self.inner.thumb_path(user, sha256, variant)?)?.map(|b| b.to_vec()))
    }
}

impl S3Store {
    /// Every object key under `under` (e.g. "blobs"), relative to the store's prefix: for
    /// `migrate` checks and tests.
    pub fn list_objects(&self, under: &str) -> io::Result<Vec<String>> {
        let (c, p) = (self.inner.client.clone(), self.inner.path(under));
        let metas = self.inner.bridge.run(async move { c.list(Some(&p)).try_collect::<Vec<_>>().await })?.map_err(io_error)?;
        let cut = if self.inner.prefix.is_empty() { 0 } else { self.inner.prefix.len() + 1 };
        Ok(metas.iter().map(|m| m.location.as_ref()[cut..].to_string()).collect())
    }

    /// Copies an object bigger than one server-side copy allows, through this node, a part at a time.
    fn stream_copy(&self, source: &Path, target: &Path) -> io::Result<()> {
        let (mut r, _) = self.inner.reader(source, 0)?.ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "source is missing"))?;
        let (c, t) = (self.inner.client.clone(), target.clone());
        let mp = self.inner.bridge.run(async move { c.create_multipart(&t).await })?.map_err(io_error)?;
        let mut parts = Vec::new();
        loop {
            let mut buf = Vec::with_capacity(writer::FLUSH_AT);
            (&mut r).take(writer::FLUSH_AT as u64).read_to_end(&mut buf)?;
            if buf.is_empty() {
                break;
            }
            let (c, t, m, idx) = (self.inner.client.clone(), target.clone(), mp.clone(), parts.len());
            parts.push(self.inner.bridge.run(async move { c.put_part(&t, &m, idx, PutPayload::from(buf)).await })?.map_err(io_error)?);
        }
        let (c, t) = (self.inner.client.clone(), target.clone());
        self.inner.bridge.run(async move { c.complete_multipart(&t, &mp, parts).await })?.map(|_| ()).map_err(io_error)
    }
}
