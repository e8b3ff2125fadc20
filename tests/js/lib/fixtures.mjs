// Generates real photo files for the end-to-end tests: valid JPEGs (a Chromium-encoded base
// image, made unique per file with a JPEG comment segment) and PNGs (encoded here with zlib).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';

const BASE_JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCADwAUADASIAAhEBAxEB/8QAGwABAQEAAwEBAAAAAAAAAAAAAAECBAYHBQj/xAA0EAEBAAEDAgMGAwcFAQAAAAABAAIDBAURQQchMQYSUWGBkRNCcSIjMqGxwtEkM6LB4WL/xAAbAQEBAQADAQEAAAAAAAAAAAADAgAEBgcBBf/EACIRAQEAAgEEAgMBAAAAAAAAAAEAAgMRBBIhMRMyIkFRM//aAAwDAQACEQMRAD8A+aWihaLvi3VAgWggWiJawhUhUiWsKhUgWiJawhaKFoiWsIVCFoIlrCFohUjWsIWihaIlrCBaIFSJawqVIVIlrCpUIFoiWsIWihaIlrCFSFoI1rCFohUiWsIWihaIlrCFoIVIlrCpUhUiWsIWiFoIlkCFSFSJagqVIWiJawuhlQgWi9ZW6QELRQtES1hCoQtBEtYQLRCpGtYQtFC0ESyBC0QKkS1hUqQqRLUELQQLREsgQqQqRLWFSoQLREtYQtEKka1hC0ULREtYQLRCpEtYVKkKkS1hC0ELQRLWEKkKkS1hUqQtES1hAtFC0RLWEKkLRGtYQtFC0RLWF0MLRCpesLdICFoKFoI1rCFohUiWsKlSFSJawgWiBaIlrCFSFSJawqVCFoIlrCFooWiJawhaKFoI1rCBaIVIlrCpUhUiWsIWiBaIlrCFSFSJawqVIWiJawgWihaIlrCFSFojWsIWiBUiWsIWihaIlrCFohUiWsKlSFSJawuiFSFS9ZW6QEC0EC0RLWEKkKkS1hUqQLQRLWELRQtES1hCpC0Ea1hAtEKkS1hC0ULQRLWEC0QufxnE7/k83HYbTV109XDHyP1fQiyawuEVLuOy8Oub1wdc222PhqanV/49b6+n4X6qH4nK4Yvf3dBf7iFyJTBvOSoXo2p4YaoP4fK4ZPb3tBP7m+XvPDzmtAXRNvuT4aep0f8Al0jWoxbp5aLmcjxW+43Mx3211dBfRzx8n9H0biEeTUEKkLREtYQLRAqRLWELRQtES1hC0EKkS1hUqQqRLWELRCpEtYVLRQtES1hCoQtEa1hdDCpAtF6wt0gIWihaIlrCFQhaCJawhaIVI1rCFooWiJawgWiBUiWsKlSFSJawqXP4fit5y+7x23H6OWrqPmvoYnxXsXO9k/Zzc+0O+/C0f3e3w6OrrJ5YnwPivwvcOG4nZ8NssdrsNI08D1fzZvxye7cfPZx4nw193m6p7OeHmw2OOOryqb3c+vueZp4/Tv8AX7Xd9LTw0tPHT0sMcMMfIxxOgfS1IFX3cgA9SSXy+ySWtZ1dPDV08sNXDHPDLyccjqP0ume0HsBsd5jlq8Wmz3Hr7nrp5fTt9Ptd1l8Tm14ByvF7vid07ffaOWnqHmPqZHxHuXEC995fi9py2zy22+0jPB9H82L8R7N457TcBuOB3v4Wr+3oZ9XS1Q8sj/p+Vx9mDj5qL45UhUuMtYQtELQRLIEKkKkS1BUqQtES1hC0ULRGsgQtFC0RLWELQULREtYXQwtEKl6yt0cIWihaCJZAhaIFSJawqVIVIlqCFoIFoiWQIVIVIlrCpc/hOL3HMcno7La49dTUfNfTE7r8i4IXsXhVwZsuIeS1sf8AUbs/Z6/l0x8vu+f2hzy4JcMe54u1cHxW24bjdLZ7PHphgeeXfPLvk/O58lxLlySWtJJa0klrSSWtLhczxu35bj9TabrHrhmeWXfB7J87myyc2vBeW47X4rkNXabk6Z6b5PbI7J8m4hep+JXDm74w3+lj+/238XTvp9/s+f3vLi/N3Y9mXE2PkgWihaLjLKEKkLRGtYQtFC0RLWFSpCpEtYQLRCoRLWFSpCpEtYXRCpCpesrdICBaIFoiWsIVIVIlrCpUIWgiWsIWihaIlrCFooWgjWsLm8LsM+T5XabLT8nW1DDr8Du/Q6t+itHSw0dHDS0sTHTwxMccTsHkF474TbQ1/ah1sjqbfQyzH5vTH+i3stxdjy3J1HBzJJHLJJa0klrSSWtJJa0klrWdXTw1dLPT1MTLDMcch7j63hPKbPLj+S3O0z83R1HHr8Ts/UveLyrxK2xo+0Rq4n+/pY5v6nXH+gXE6vH8TKTU+eLqZaKFovzFuSELRCpEtYVKkKkS1hUqQqRLWFQtFC0RLWEKkKka1hdEKkC0F6wt0gIWihaIlrCFSFoI1rCBaIVIlrCFooWgiWsIFohaIlrC9H8GcB3HK6nfHHTx+7l/i9QvMPBrMNxyuHXzyx08vs5f5vT7j5e7k4fWSSmuSS1pJLWkktaSS1pJLWl554q4Br8bn3cdQ+zj/m9DvPPFXMdfjcO5jqP3cf8AFx+q/wAmTX9roZaIVL8VblhUtFC0RLWEKhC0RrWELRQLREtYQtFC0RLWELRQLREtYXQy0QqXrK3SAhaKFoiWsIFogVIlrCpUhUiWsKlQgWiJawhaKFoiWsLufhRujQ9p3RyfLcaOWB+p0y/oN7Ffnfh97nxvKbXeafX3tHUM+h3O59TqX6G0dTDW0cNXSyMtPPEyxyO4+jEz4erUkvlcklrSSWtJJa0klrSSWtLyzxI3Jre0JpYvU0NLHB/V65f0S9R1dTHS0s9TUTHDDFyyXsF4dye7y3/I7ndZ+urm59Pgdj7XB67PjAx/s2k5ebjFooWi/IW5gQtFC0RLWELQULREtYVKkKkS1hC0ULREtQVKkKkSyBdEKkKl6yt0cIWggWiJZAhUhUiWsKlQgWiJawhaIVI1rCFooWiJawgXrnhdzRvOLeN1sv8AUbX+Dr+bT/8AHy+15KXO4fkNfiuR0d5tcumppvXo+mR3H5MS14+L9By4PCcpt+Y47S3e0y64Zn7WPfDLvi/O51UkklrSSWtJJa0klrSS4fL8jocVsNTdbnLpjj6Y98nsF8UDlsHN1zxF5c2vHGw0sv3+5/i6flw/99PveZlyuT32tyW+1d1uXrqaj16dsTsHyuMX4XUbvlz5/VzteHacVKkKlxFmCBaIVCJawqVIVIlrCpUhUIlrCpaKFojWsIVIVIlrC6IVCFoL1hbpAQtFC0RLWELRQtBGtYQLRCpEtYVKkKkS1hC0QLREtYQqQqRLWF9r2X5/c8BvfxdH95oZ+Wror5ZHx+T872bh+V2nL7PHc7HVM8H+LH82D8E7N4CXO4nkt3xW6NxsdbLT1Dye5kfBO5SbO2sL36XTOA9vNlvMcdLkw2m49Pf9dPL69vr97uOnqYaunjnpZ454ZHUyxeo/WbHIy9Xy1JKrSSWtJZ1NTDS08s9TPHDDE6uWT0D63Uuc9t9ntDLT44N1r+nvemnj9e/0+9GezHWc5N9MXL1dj5Xk9rxW1y3G81DDE9D82T8A73kvtFzm45vefiav7Gjh5aekPlif9vzuJyfI7rk906+91XUzfI+GJ8A7XFL8nqeqdvg8Fy9ert8vupUhUuAs4VKkKkS1hULRQtES1hCpCpGtYVLRQtES1hC0ULREtYQtFAtES1hdDC0QqXrK3SAhaKFoIlrCBaIWiJawhUhUiWsKlQhaIlrCFooWiNawhUhaIlrCBaIFSJawhc3juS3vHZ+9sd1q6L3McvJ/U9G4ZaInLj1WF2/Z+3/LaOJjr4bbcf8A1lh7uX8kP5X0tPxG1Oh+JxuC/LWT+26AVLfPmem+9hd/z8RdRP2ONwx/XW6/23z937ecrrYpoYbfb/PHD3n+an8rqRUjy6jY/us14/y5e+5Hechn7293OrrPYyy8j9D0LjEKlxcsl8soVLRQtEK1hCoQtEa1hC0UC0RLWELRQtES1hC0UC0RLWFSpCpEtYQtFC0ES1hUKkKkS1hdEKkKl6yt0gKlQgWiJawhaKFoiWsIVIWgjWsIWiFSJawhaKFoiWsIWghUiWsKlSFSJawhaIWgiWQIVIVIlqCpUhaIlrCFooWiNZAhaKFoiWsIWgoWiJawqVIVIlrCFooWiJagqVIVIlkCpUhUIlrCpaChaI1rCFSFoiWsLoZUIFovWFukBC0QqRrWELRQtES1hAtEKkS1hUqQqRLWELQQtBEtYQqQqRLWFSpC0RLWEC0ULREtYQqQtEa1hC0ULREtYVKkKkS1hAtEKhEtYVKkKkS1hUqQqES1hUtFC0RrWEKkKkS1hUtBQLREtYQtFC0RLWELQULQRLWF0MLRCpesrdICpUhUiWsIWiBaIlrCFSFSJawqVIWiJawgWihaIlrCFSFojWsIWiBUiWsIWihaIlrCFohUiWsKlSFSJawqVIVIlrCoWihaIlrCFSFSNawqWihaIlrCFooWiJawhaKBaIlrCoVIVIlrCFohUIlrCpUhaI1rC//Z', 'base64');

/** A valid JPEG whose bytes are unique to tag (a COM segment right after SOI). */
export function jpeg(tag, padTo = 0) {
  const text = Buffer.from('shoebox fixture ' + tag);
  const com = Buffer.alloc(4);
  com[0] = 0xff; com[1] = 0xfe; com.writeUInt16BE(text.length + 2, 2);
  let out = Buffer.concat([BASE_JPEG.subarray(0, 2), com, text, BASE_JPEG.subarray(2)]);
  if (padTo > out.length) {
    // Camera files carry large metadata blocks; here random APP15 segments, placed after the
    // frame header and before the scan, make the file photo-sized while it stays a valid JPEG
    // whose dimensions are still in its first bytes.
    const sos = sosOffset(out);
    const parts = [out.subarray(0, sos)];
    let size = out.length;
    while (size < padTo) {
      const n = Math.min(65533, padTo - size - 4);
      if (n <= 0) break;
      const seg = Buffer.alloc(4 + n);
      seg[0] = 0xff; seg[1] = 0xef; seg.writeUInt16BE(n + 2, 2);
      crypto.randomFillSync(seg, 4, n);
      parts.push(seg);
      size += seg.length;
    }
    parts.push(out.subarray(sos));
    out = Buffer.concat(parts);
  }
  return out;
}

/** Offset of the start-of-scan marker (walks the marker segments from SOI). */
function sosOffset(jpeg) {
  let p = 2;
  while (p + 4 <= jpeg.length && jpeg[p] === 0xff && jpeg[p + 1] !== 0xda) p += 2 + jpeg.readUInt16BE(p + 2);
  return p;
}

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A valid RGB PNG of w x h, unique to tag. */
export function png(tag, w = 300, h = 300) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  const seed = crypto.createHash('sha256').update(tag).digest();
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const o = y * (w * 3 + 1) + 1 + x * 3;
    raw[o] = (x + seed[0]) & 255; raw[o + 1] = (y + seed[1]) & 255; raw[o + 2] = seed[2];
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('tEXt', Buffer.from('Comment\0' + tag)),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function sha256(buf) {
  return crypto.createHash('sha256').update(buf).digest('hex');
}

/** Writes files (relative path -> Buffer) under dir; returns [{rel, sha256, size}]. */
export function writeTree(dir, files) {
  fs.rmSync(dir, { recursive: true, force: true });
  const out = [];
  for (const [rel, buf] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, buf);
    out.push({ rel, sha256: sha256(buf), size: buf.length });
  }
  return out;
}

/** The walking-skeleton tree: nested folders, 160 files in one folder, a unicode name with
 *  spaces, and one 50 MB photo. Root folder name included in the returned relative paths. */
export function skeletonTree(root) {
  const name = path.basename(root);
  const files = {};
  files['Day 1/IMG_0001.jpg'] = jpeg('day1-1');
  files['Day 1/IMG_0002.png'] = png('day1-2');
  files['Day 1/Evening/IMG_0003.jpg'] = jpeg('day1-3');
  files['Été à la plage/Photo de groupe 1.jpg'] = jpeg('unicode-1');
  for (let i = 0; i < 160; i++) files['Many/IMG_' + String(i).padStart(4, '0') + '.jpg'] = jpeg('many-' + i);
  files['Big/big photo.jpg'] = jpeg('big', 50_000_000);
  files['loose.png'] = png('loose');
  return writeTree(root, files).map((f) => ({ ...f, rel: name + '/' + f.rel }));
}
