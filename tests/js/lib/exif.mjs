// A small EXIF writer and reader for the end-to-end tests: puts DateTimeOriginal, GPS and
// orientation into a JPEG made by Chromium, and reads them back from what the server stored.
// Independent of the app's own Rust reader, so a bug there cannot hide itself.

/** Returns a copy of `jpeg` with an APP1 EXIF segment right after SOI. */
export function withExif(jpeg, { dateTimeOriginal, lat, lon, orientation = 1 }) {
  const b = [];
  const u16 = (v) => b.push((v >> 8) & 255, v & 255);
  const u32 = (v) => b.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  const entry = (tag, type, count, value) => { u16(tag); u16(type); u32(count); u32(value); };
  // Layout (offsets from the TIFF header): header 8 | IFD0 (3 entries) 2+36+4=42 -> 50 |
  // Exif IFD (1 entry) 18 -> 68 | GPS IFD (4 entries) 2+48+4=54 -> 122 | date 20 -> 142 |
  // lat 24 -> 166 | lon 24 -> 190.
  const IFD0 = 8, EXIF = 50, GPS = 68, DATE = 122, LAT = 142, LON = 166;
  b.push(0x4d, 0x4d); u16(42); u32(IFD0);
  u16(3); entry(0x0112, 3, 1, orientation << 16); entry(0x8769, 4, 1, EXIF); entry(0x8825, 4, 1, GPS); u32(0);
  u16(1); entry(0x9003, 2, 20, DATE); u32(0);
  const ref = (c) => (c.charCodeAt(0) << 24) >>> 0;
  u16(4);
  entry(0x0001, 2, 2, ref(lat >= 0 ? 'N' : 'S')); entry(0x0002, 5, 3, LAT);
  entry(0x0003, 2, 2, ref(lon >= 0 ? 'E' : 'W')); entry(0x0004, 5, 3, LON); u32(0);
  for (const c of Buffer.from(dateTimeOriginal.padEnd(19).slice(0, 19) + '\0', 'latin1')) b.push(c);
  const dms = (v) => {
    v = Math.abs(v);
    const d = Math.floor(v), m = Math.floor((v - d) * 60), s = Math.round(((v - d) * 60 - m) * 60 * 1000);
    u32(d); u32(1); u32(m); u32(1); u32(s); u32(1000);
  };
  dms(lat); dms(lon);
  const tiff = Buffer.from(b);
  const head = Buffer.from('Exif\0\0', 'latin1');
  const seg = Buffer.alloc(4);
  seg[0] = 0xff; seg[1] = 0xe1; seg.writeUInt16BE(2 + head.length + tiff.length, 2);
  return Buffer.concat([jpeg.subarray(0, 2), seg, head, tiff, jpeg.subarray(2)]);
}

/** Reads {dateTimeOriginal, lat, lon, orientation} from a JPEG's EXIF, or null without EXIF. */
export function readExif(jpeg) {
  let p = 2;
  while (p + 4 < jpeg.length && jpeg[p] === 0xff) {
    const marker = jpeg[p + 1];
    const len = jpeg.readUInt16BE(p + 2);
    if (marker === 0xe1 && jpeg.toString('latin1', p + 4, p + 10) === 'Exif\0\0') return parseTiff(jpeg.subarray(p + 10, p + 2 + len));
    if (marker === 0xda) break;
    p += 2 + len;
  }
  return null;
}

function parseTiff(t) {
  const le = t.toString('latin1', 0, 2) === 'II';
  const r16 = (o) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const r32 = (o) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  const ifd = (off) => {
    const out = {};
    const n = r16(off);
    for (let i = 0; i < n; i++) {
      const e = off + 2 + i * 12;
      out[r16(e)] = { type: r16(e + 2), count: r32(e + 4), at: e + 8, value: r32(e + 8) };
    }
    return out;
  };
  const ascii = (e) => t.toString('latin1', e.count <= 4 ? e.at : e.value, (e.count <= 4 ? e.at : e.value) + e.count).replace(/\0.*$/, '');
  const rationals = (e) => [0, 1, 2].map((i) => r32(e.value + i * 8) / r32(e.value + i * 8 + 4));
  const ifd0 = ifd(r32(4));
  const res = { orientation: ifd0[0x0112] ? r16(ifd0[0x0112].at) : null, dateTimeOriginal: null, lat: null, lon: null };
  if (ifd0[0x8769]) {
    const ex = ifd(ifd0[0x8769].value);
    if (ex[0x9003]) res.dateTimeOriginal = ascii(ex[0x9003]);
  }
  if (ifd0[0x8825]) {
    const g = ifd(ifd0[0x8825].value);
    const deg = ([d, m, s]) => d + m / 60 + s / 3600;
    if (g[2]) res.lat = deg(rationals(g[2])) * (ascii(g[1]) === 'S' ? -1 : 1);
    if (g[4]) res.lon = deg(rationals(g[4])) * (ascii(g[3]) === 'W' ? -1 : 1);
  }
  return res;
}

/** Encodes a photo-like w x h JPEG in Chromium (gradient plus noise, so it compresses like a photo). */
export async function chromiumJpeg(page, w, h, seed = 1, quality = 0.9) {
  const b64 = await page.evaluate(async ([w, h, seed, quality]) => {
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    const grd = g.createLinearGradient(0, 0, w, h);
    grd.addColorStop(0, `hsl(${seed * 47 % 360},70%,45%)`);
    grd.addColorStop(1, `hsl(${seed * 91 % 360},80%,65%)`);
    g.fillStyle = grd; g.fillRect(0, 0, w, h);
    let x = seed * 9301 + 49297;
    for (let i = 0; i < 4000; i++) {
      x = (x * 9301 + 49297) % 233280;
      g.fillStyle = `rgba(${x % 255},${(x >> 3) % 255},${(x >> 5) % 255},0.35)`;
      g.fillRect((x * 7) % w, (x * 13) % h, 8 + (x % 60), 8 + (x % 40));
    }
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality });
    const buf = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode.apply(null, buf.subarray(i, i + 0x8000));
    return btoa(s);
  }, [w, h, seed, quality]);
  return Buffer.from(b64, 'base64');
}
