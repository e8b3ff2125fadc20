// Makes a small Google Takeout export of Google Photos for the end-to-end tests, named the way
// real exports name things (written from public descriptions of exports, independently of the
// app's matcher in core/src/takeout/names.rs): `.json` and `.supplemental-metadata.json`
// sidecars, both cut to 51 characters, `NAME(1).EXT` duplicates, `-edited` copies, a Live
// Photo pair, an album folder with its `metadata.json`, a photo in a year folder and an album,
// a photo without a sidecar, a sidecar with a bad date, export-level files. Returns the files
// and what the library must hold afterwards, typed out by hand.
import { jpeg } from './fixtures.mjs';
import { withExif } from './exif.mjs';
import { video } from './app.mjs';

/** Takeout's sidecar names: the whole name cut to 51 characters. */
const cut = (body) => (body.length + 5 > 51 ? body.slice(0, 46) : body) + '.json';
const newer = (photo, n = '') => cut(`${photo}.supplemental-metadata`).replace(/\.json$/, `${n}.json`);
const older = (photo, n = '') => cut(photo).replace(/\.json$/, `${n}.json`);

function sidecar(title, ts, place, extra = {}) {
  const geo = place ? { latitude: place[0], longitude: place[1], altitude: 0, latitudeSpan: 0, longitudeSpan: 0 } : { latitude: 0, longitude: 0, altitude: 0, latitudeSpan: 0, longitudeSpan: 0 };
  return Buffer.from(JSON.stringify({
    title, description: '', imageViews: '7',
    creationTime: { timestamp: '1700000000', formatted: 'Nov 14, 2023, 10:13:20 PM UTC' },
    photoTakenTime: { timestamp: String(ts), formatted: 'whatever Google wrote' },
    geoData: geo, geoDataExif: geo,
    url: 'https://photos.google.com/photo/x',
    googlePhotosOrigin: { mobileUpload: { deviceType: 'ANDROID_PHONE' } },
    ...extra,
  }, null, 2));
}

/** A sidecar with only a title, Google's instant and a place (`[lat, lon]`), as the archive tests use. */
export function googleSidecar(title, ts, [lat, lon]) {
  return Buffer.from(JSON.stringify({
    title,
    photoTakenTime: { timestamp: String(ts), formatted: 'whatever Google wrote' },
    geoData: { latitude: lat, longitude: lon, altitude: 0, latitudeSpan: 0, longitudeSpan: 0 },
  }));
}

/** Every file's modification time (the test sets it): the date of an item Google gave none. */
export const FILE_TIME = '2023-11-14T22:13:20Z';

const LYON = [45.764043, 4.835659];
const PARIS = [48.856613, 2.352222];
const ROME = [41.902782, 12.496366];
const LONG1 = 'PXL_20230102_1234567890123.jpg';
const LONG2 = 'Screenshot_20230405-101112_Some_Long_App_Name_Here.png.jpg';

/**
 * The export as { 'Takeout/…': Buffer } and the expected library:
 * { filename: { capturedAt, lat, lon, albums: [...], favorited, archived } } (lat/lon null: none; the Live Photo's
 * clip is listed with `parts=1`). `clipSize` is the Live Photo clip's size in bytes.
 */
export function takeoutExport({ clipSize = 40_000 } = {}) {
  const y19 = 'Takeout/Google Photos/Photos from 2019';
  const y20 = 'Takeout/Google Photos/Photos from 2020';
  const album = 'Takeout/Google Photos/Lyon 2019';
  const one = jpeg('takeout one');
  const files = {
    'Takeout/archive_browser.html': Buffer.from('<html><body>Your Google data</body></html>'),
    'Takeout/Google Photos/print-subscriptions.json': Buffer.from('{}'),
    'Takeout/Google Photos/shared_album_comments.json': Buffer.from('[]'),
    'Takeout/Google Photos/user-generated-memory-titles.json': Buffer.from('{"titles":[]}'),
    // In a year folder and in the album: stored once, listed in the album only.
    [`${y19}/IMG_0001.jpg`]: one,
    // A favourite in Google Photos (both sidecars say so).
    [`${y19}/${older('IMG_0001.jpg')}`]: sidecar('IMG_0001.jpg', 1560000000, LYON, { favorited: true }),
    [`${album}/metadata.json`]: Buffer.from(JSON.stringify({ title: 'Trip to Lyon', description: '', access: 'protected', date: { timestamp: '1560000000' } })),
    [`${album}/IMG_0001.jpg`]: one,
    [`${album}/${newer('IMG_0001.jpg')}`]: sidecar('IMG_0001.jpg', 1560000000, LYON, { favorited: true }),
    // Long names: the newer and the older sidecar forms, both cut.
    [`${y19}/${LONG1}`]: jpeg('takeout long one'),
    [`${y19}/${newer(LONG1)}`]: sidecar(LONG1, 1561000000, PARIS),
    [`${y19}/${LONG2}`]: jpeg('takeout long two'),
    [`${y19}/${older(LONG2)}`]: sidecar(LONG2, 1562000000, ROME),
    // Two photos of one name: NAME(1).EXT takes NAME.EXT(1).json.
    [`${y19}/IMG_0002.jpg`]: jpeg('takeout two'),
    [`${y19}/${older('IMG_0002.jpg')}`]: sidecar('IMG_0002.jpg', 1563000000, PARIS),
    [`${y19}/IMG_0002(1).jpg`]: jpeg('takeout two bis'),
    [`${y19}/${older('IMG_0002.jpg', '(1)')}`]: sidecar('IMG_0002.jpg', 1564000000, ROME),
    // An edited copy takes the original's sidecar (archived in Google Photos: both are).
    [`${y19}/IMG_0003.jpg`]: jpeg('takeout three'),
    [`${y19}/IMG_0003-edited.jpg`]: jpeg('takeout three edited'),
    [`${y19}/${newer('IMG_0003.jpg')}`]: sidecar('IMG_0003.jpg', 1565000000, LYON, { archived: true, favorited: false }),
    // A Live Photo: the clip has no sidecar of its own and takes the photo's.
    [`${y20}/IMG_0004.JPG`]: jpeg('takeout four'),
    [`${y20}/IMG_0004.MP4`]: video('mp42', 'takeout four clip', clipSize),
    [`${y20}/${newer('IMG_0004.JPG')}`]: sidecar('IMG_0004.JPG', 1590000000, ROME),
    // No sidecar: keeps its own date (none here but the file's) and no place.
    [`${y20}/no_sidecar.jpg`]: jpeg('takeout no sidecar'),
    // A sidecar whose date is not a number: the date is dropped and noted, the place kept.
    [`${y20}/IMG_0005.jpg`]: jpeg('takeout five'),
    [`${y20}/${older('IMG_0005.jpg')}`]: sidecar('IMG_0005.jpg', 'yesterday', PARIS),
    // EXIF within 14 hours of Google's instant: the wall-clock EXIF date stays.
    [`${y20}/IMG_0006.jpg`]: withExif(jpeg('takeout six'), { dateTimeOriginal: '2020:03:04 10:00:00', lat: 1, lon: 1 }),
    [`${y20}/${newer('IMG_0006.jpg')}`]: sidecar('IMG_0006.jpg', 1583312400, LYON),
    // EXIF far from it (the date was corrected in Google Photos): Google's instant wins; 0, 0 is no place.
    [`${y20}/IMG_0007.jpg`]: withExif(jpeg('takeout seven'), { dateTimeOriginal: '2001:01:01 00:00:00', lat: 1, lon: 1 }),
    [`${y20}/${newer('IMG_0007.jpg')}`]: sidecar('IMG_0007.jpg', 1585000000, null),
  };
  const e = (capturedAt, place, albums = [], marks = {}) => ({ capturedAt, lat: place ? place[0] : null, lon: place ? place[1] : null, albums, favorited: false, archived: false, ...marks });
  const expected = {
    'IMG_0001.jpg': e('2019-06-08T13:20:00Z', LYON, ['Trip to Lyon'], { favorited: true }),
    [LONG1]: e('2019-06-20T03:06:40Z', PARIS),
    [LONG2]: e('2019-07-01T16:53:20Z', ROME),
    'IMG_0002.jpg': e('2019-07-13T06:40:00Z', PARIS),
    'IMG_0002(1).jpg': e('2019-07-24T20:26:40Z', ROME),
    'IMG_0003.jpg': e('2019-08-05T10:13:20Z', LYON, [], { archived: true }),
    'IMG_0003-edited.jpg': e('2019-08-05T10:13:20Z', LYON, [], { archived: true }),
    'IMG_0004.JPG': e('2020-05-20T18:40:00Z', ROME),
    'IMG_0004.MP4': e('2020-05-20T18:40:00Z', ROME),
    'no_sidecar.jpg': e(FILE_TIME, null),
    'IMG_0005.jpg': e(FILE_TIME, PARIS),
    'IMG_0006.jpg': e('2020-03-04T10:00:00', LYON),
    'IMG_0007.jpg': e('2020-03-23T21:46:40Z', [1, 1]),
  };
  return { files, expected, summary: 'Google Photos export: 13 photos, 1 video, 1 album; 12 dates and 12 places from Google; 1 item without a sidecar', count: 14 };
}
