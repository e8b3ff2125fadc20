//! Appending to an upload held in the object store, the way tusd's S3 store does it: bytes
//! gather in memory until they make a multipart part (at least [`MIN_PART`], the S3 minimum for
//! every part but the last); at `sync` whatever is left below that is stored as a small tail
//! object, and a small `data.json` beside the upload says which parts and which tail make its
//! durable offset. Any node can open the upload next: everything it needs is in the bucket.
//! Memory per writer stays below one part plus one request frame, whatever the file size.
use super::{io_error, Inner, UploadData};
use crate::store::record::UploadId;
use crate::store::UploadWriter;
use bytes::Bytes;
use object_store::multipart::{MultipartStore, PartId};
use object_store::PutPayload;
use std::io;
use std::sync::Arc;

/// S3's smallest part (except the last one).
pub const MIN_PART: usize = 5 << 20;
/// A part is sent once this much has gathered: large enough that a 10 GB file stays well
/// under S3's 10,000 parts, small enough that a writer holds little.
pub const FLUSH_AT: usize = 8 << 20;

pub struct S3Writer {
    s: Arc<Inner>,
    id: UploadId,
    /// What `data.json` says now (the durable state).
    data: UploadData,
    /// Parts sent since the last `sync`, not yet named by `data.json`.
    new_parts: Vec<(PartId, u64)>,
    /// Bytes after the last part: the durable tail at first, then whatever was appended.
    buf: Vec<u8>,
    /// The durable tail as opened, to go back to when a chunk is discarded.
    tail0: Bytes,
}

impl S3Writer {
    pub fn open(s: Arc<Inner>, id: UploadId, offset: u64) -> io::Result<Self> {
        let data = s.load_data(&id)?.unwrap_or_default();
        if data.assembled {
            return Err(io::Error::other(format!("upload {id} is complete; nothing more can be appended")));
        }
        if data.offset() != offset {
            return Err(io::Error::other(format!("upload holds {} bytes, not {offset}", data.offset())));
        }
        let tail0 = match data.tail_len {
            0 => Bytes::new(),
            _ => s.get_bytes(&s.tail_path(&id, data.tail_gen))?,
        };
        if tail0.len() as u64 != data.tail_len {
            return Err(io::Error::other(format!("upload {id}: its tail holds {} bytes, not {}", tail0.len(), data.tail_len)));
        }
        Ok(S3Writer { s, id, data, new_parts: Vec::new(), buf: tail0.to_vec(), tail0 })
    }

    fn parts_len(&self) -> u64 {
        self.data.parts_len() + self.new_parts.iter().map(|(_, n)| n).sum::<u64>()
    }

    /// Sends the buffer as the next part. The multipart upload is created with the first part
    /// and recorded at once, so a crash leaves no part the next node cannot find.
    fn flush_part(&mut self) -> io::Result<()> {
        let path = self.s.bin_path(&self.id);
        let mp = match &self.data.multipart {
            Some(mp) => mp.clone(),
            None => {
                let (client, p) = (self.s.client.clone(), path.clone());
                let mp = self.s.bridge.run(async move { client.create_multipart(&p).await })?.map_err(io_error)?;
                self.data.multipart = Some(mp.clone());
                self.s.save_data(&self.id, &self.data)?;
                mp
            }
        };
        let idx = self.data.parts.len() + self.new_parts.len();
        let bytes = Bytes::from(std::mem::take(&mut self.buf));
        let size = bytes.len() as u64;
        let client = self.s.client.clone();
        // With checksums on, the client sends the part's SHA-256 and the store refuses a part
        // whose bytes do not match it.
        let part =
            self.s.bridge.run(async move { client.put_part(&path, &mp, idx, PutPayload::from_bytes(bytes)).await })?.map_err(io_error)?;
        self.new_parts.push((part, size));
        Ok(())
    }

    /// Records the new parts and the current tail as the durable state. The tail goes under a
    /// new name first, so `data.json` never names a tail that does not hold exactly its bytes.
    fn commit(&mut self) -> io::Result<()> {
        let mut next = self.data.clone();
        next.parts.extend(self.new_parts.iter().map(|(p, n)| super::Part { content_id: p.content_id.clone(), size: *n }));
        next.tail_gen = self.data.tail_gen + 1;
        next.tail_len = self.buf.len() as u64;
        if next.tail_len > 0 {
            self.s.put(&self.s.tail_path(&self.id, next.tail_gen), Bytes::from(self.buf.clone()))?;
        }
        self.s.save_data(&self.id, &next)?;
        if self.data.tail_len > 0 {
            // An old tail left behind is only garbage; `discard` removes every tail anyway.
            let _ = self.s.delete(&self.s.tail_path(&self.id, self.data.tail_gen));
        }
        self.data = next;
        self.new_parts.clear();
        self.tail0 = Bytes::from(self.buf.clone());
        Ok(())
    }
}

impl UploadWriter for S3Writer {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= FLUSH_AT {
            self.flush_part()?;
        }
        Ok(())
    }

    fn sync(&mut self) -> io::Result<()> {
        if self.buf.len() >= MIN_PART {
            self.flush_part()?;
        }
        if self.new_parts.is_empty() && self.buf.len() as u64 == self.data.tail_len && self.buf[..] == self.tail0[..] {
            return Ok(()); // nothing new
        }
        self.commit()
    }

    fn truncate(&mut self, len: u64) -> io::Result<()> {
        let durable = self.data.offset();
        if len >= self.parts_len() && len - self.parts_len() <= self.buf.len() as u64 {
            // Within the bytes still in memory: keep those before `len`.
            let keep = (len - self.parts_len()) as usize;
            self.buf.truncate(keep);
            return self.sync();
        }
        // Parts sent since the last sync cannot be read back (S3 has no GET for a part of an
        // unfinished upload): go back to the durable state, which may keep fewer bytes than
        // asked. That is safe: the caller reports only the offset the store then holds.
        self.new_parts.clear();
        self.buf = self.tail0.to_vec();
        if len >= durable {
            return Ok(());
        }
        if len >= self.data.parts_len() {
            self.buf.truncate((len - self.data.parts_len()) as usize);
            return self.commit();
        }
        Err(io::Error::other(format!("upload {}: cannot cut back to {len} bytes inside a stored part", self.id)))
    }
}
