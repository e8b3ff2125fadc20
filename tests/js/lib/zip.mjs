// Writes .zip archives for the end-to-end tests, byte by byte from the format's description
// (APPNOTE), independently of the app's reader in core/src/takeout/zipdir.rs: each entry stored
// or deflated (node's zlib), names in UTF-8 or the DOS code page, ZIP64 or not, and the damaged
// forms the import must survive.
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The DOS code page (437) above ASCII, byte 0x80 onwards: names of archives made without the UTF-8 flag. */
const CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function cp437(text) {
  return Buffer.from([...text].map((ch) => {
    if (ch.charCodeAt(0) < 0x80) return ch.charCodeAt(0);
    const i = CP437_HIGH.indexOf(ch);
    if (i < 0) throw new Error(`${ch} has no CP437 byte`);
    return 0x80 + i;
  }));
}

const u64 = (v) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); return b; };
const MAX32 = 0xffffffff;

/**
 * A ZIP of `entries` ([{ name, data, deflate?, encrypted?, crc?, size?, cp437? }]) as a Buffer.
 * `deflate` packs the entry with raw deflate; `encrypted` sets the encryption flag (the bytes
 * stay as they are); `crc` and `size` are written instead of the data's own (records that lie);
 * `cp437` writes the name in the DOS code page without the UTF-8 flag, as older tools do.
 * With `zip64`, every size and offset is in ZIP64 extra fields (the 32-bit fields at their
 * maximum) and the directory is found through the ZIP64 end record, as in Takeout's archives
 * over 4 GiB.
 */
export function zip(entries, { zip64 = false } = {}) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = e.cp437 ? cp437(e.name) : Buffer.from(e.name, 'utf8');
    const packed = e.deflate ? zlib.deflateRawSync(e.data) : e.data;
    const crc = e.crc ?? crc32(e.data);
    const size = e.size ?? e.data.length;
    const flags = (e.cp437 ? 0 : 0x800) | (e.encrypted ? 1 : 0);
    const method = e.deflate ? 8 : 0;
    const version = zip64 ? 45 : 20;
    const localExtra = zip64 ? Buffer.concat([Buffer.from([1, 0, 16, 0]), u64(size), u64(packed.length)]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(version, 4); local.writeUInt16LE(flags, 6); local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10); local.writeUInt32LE(crc, 14); local.writeUInt32LE(zip64 ? MAX32 : packed.length, 18); local.writeUInt32LE(zip64 ? MAX32 : size, 22);
    local.writeUInt16LE(name.length, 26); local.writeUInt16LE(localExtra.length, 28);
    locals.push(local, name, localExtra, packed);
    const centralExtra = zip64 ? Buffer.concat([Buffer.from([1, 0, 24, 0]), u64(size), u64(packed.length), u64(offset)]) : Buffer.alloc(0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(version, 4); central.writeUInt16LE(version, 6); central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10); central.writeUInt32LE(0, 12); central.writeUInt32LE(crc, 16); central.writeUInt32LE(zip64 ? MAX32 : packed.length, 20);
    central.writeUInt32LE(zip64 ? MAX32 : size, 24); central.writeUInt16LE(name.length, 28); central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(zip64 ? MAX32 : offset, 42);
    centrals.push(central, name, centralExtra);
    offset += 30 + name.length + localExtra.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const tail = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0); record.writeBigUInt64LE(44n, 4); record.writeUInt16LE(45, 12); record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24); record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(dir.length), 40); record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0); locator.writeBigUInt64LE(BigInt(offset + dir.length), 8); locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8); end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64 ? MAX32 : dir.length, 12); end.writeUInt32LE(zip64 ? MAX32 : offset, 16);
  return Buffer.concat([...locals, dir, ...tail, end]);
}
