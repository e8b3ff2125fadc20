// Helpers for the installable app's tests: waiting for the service worker to control the page,
// an OPFS folder standing in for a picked backup folder (showDirectoryPicker cannot be clicked
// headless), and a fake Battery Status API.
import { jpeg } from './fixtures.mjs';
import { waitForStatus } from './browser.mjs';

/** Reloads until the service worker controls the page (its first load is not controlled). */
export async function untilControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  for (let i = 0; i < 5 && !(await page.evaluate(() => !!navigator.serviceWorker.controller)); i++) {
    await page.reload();
    await page.evaluate(() => navigator.serviceWorker.ready);
  }
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) throw new Error('the service worker never controlled the page');
}

/** Makes `showDirectoryPicker` answer the OPFS folder `name` (created if missing). */
export async function pickerGivesOpfs(context, name) {
  await context.addInitScript((n) => {
    window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle(n, { create: true });
  }, name);
}

/** Writes files (relative path -> Buffer) into the OPFS folder `name`. */
export async function writeOpfs(page, name, files) {
  const list = Object.entries(files).map(([rel, buf]) => [rel, buf.toString('base64')]);
  await page.evaluate(async ([n, list]) => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(n, { create: true });
    for (const [rel, b64] of list) {
      const parts = rel.split('/');
      let dir = root;
      for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create: true });
      const fh = await dir.getFileHandle(parts[parts.length - 1], { create: true });
      const w = await fh.createWritable();
      await w.write(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
      await w.close();
    }
  }, [name, list]);
}

export const photos = (tag, n, size = 0) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`IMG_${tag}_${i}.jpg`, jpeg(`${tag}-${i}`, size)]));

/** A Battery Status API whose charging state the test sets: window.__battery.set(bool). */
export async function fakeBattery(context, charging) {
  await context.addInitScript((c) => {
    const b = new EventTarget();
    b.charging = c; b.level = 0.5; b.chargingTime = Infinity; b.dischargingTime = 3600;
    b.set = (v) => { b.charging = v; b.dispatchEvent(new Event('chargingchange')); };
    window.__battery = b;
    Object.defineProperty(Navigator.prototype, 'getBattery', { value: async () => b, configurable: true });
  }, charging);
}

/** Opens the app with an OPFS "Pictures" folder of `files`, sync on, the folder added and backed up once. */
export async function firstBackup(b, server, files, params = '') {
  const page = b.page;
  await pickerGivesOpfs(b.context, 'Pictures');
  await page.goto(server.appUrl(params));
  await untilControlled(page);
  await writeOpfs(page, 'Pictures', files);
  await page.getByTestId('sync-switch').check();
  await page.getByTestId('add-backup-folder').click();
  const n = Object.keys(files).length;
  await waitForStatus(page, new RegExp(n === 1 ? "^Ready to back up 1 photo or video$" : `^Ready to back up ${n} photos and videos$`));
  await page.getByTestId('backup-button').click();
}
