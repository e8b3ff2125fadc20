// Back up & sync says what it is doing, under its switch: a prompt to add a folder when none is
// chosen (the add button then the primary action), "Back up is off", "Back up is on", and
// "Waiting to charge" / "Waiting for connection" while idle and held, with the status card
// still showing the finished backup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { launch, waitForStatus, statusHeadline } from '../lib/browser.mjs';
import { untilControlled, pickerGivesOpfs, photos, fakeBattery, firstBackup } from '../lib/pwa.mjs';
import { seriousViolations } from '../lib/library.mjs';

const lineIs = (page, text) => page.waitForFunction((t) => document.querySelector('[data-testid="sync-line"]')?.textContent === t, text, { timeout: 15000 });

test('with no folder chosen, Back up & sync prompts to add one; off, it says so', async () => {
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await pickerGivesOpfs(b.context, 'Pictures');
    await page.goto(server.appUrl());
    await untilControlled(page);
    const panel = page.getByTestId('sync-panel');
    await lineIs(page, 'Back up is off');
    await panel.getByRole('switch').check();
    await panel.getByTestId('sync-prompt').waitFor({ timeout: 5000 });
    assert.match(await panel.getByTestId('sync-prompt').textContent(), /^Add a folder to back up/);
    assert.equal(await panel.getByTestId('sync-line').count(), 0, 'the prompt speaks instead of a status');
    assert.match(await panel.getByTestId('add-backup-folder').getAttribute('class'), /\bprimary\b/, 'adding a folder is the next step');
    assert.deepEqual(await seriousViolations(page), []);
    await panel.getByRole('switch').uncheck();
    await lineIs(page, 'Back up is off');
    assert.equal(await panel.getByTestId('sync-prompt').count(), 0);
  } finally {
    await b.close();
    await server.stop();
  }
});

test('idle and held, Back up & sync says "Waiting to charge", then "Waiting for connection", then "Back up is on"', async () => {
  const server = await startServer();
  const b = await launch();
  try {
    const page = b.page;
    await fakeBattery(b.context, true);
    await firstBackup(b, server, photos('line', 1));
    await waitForStatus(page, /^Backup complete$/);
    await lineIs(page, 'Back up is on');
    assert.doesNotMatch(await page.getByTestId('add-backup-folder').getAttribute('class'), /\bprimary\b/);
    await page.getByTestId('charging-only').check();
    await page.evaluate(() => window.__battery.set(false));
    await lineIs(page, 'Waiting to charge');
    assert.equal(await statusHeadline(page), 'Backup complete', 'nothing is running: the card still shows the last backup');
    await b.context.setOffline(true);
    await lineIs(page, 'Waiting for connection');
    await b.context.setOffline(false);
    await lineIs(page, 'Waiting to charge');
    await page.evaluate(() => window.__battery.set(true));
    await lineIs(page, 'Back up is on');
    assert.deepEqual(await seriousViolations(page), []);
  } finally {
    await b.close();
    await server.stop();
  }
});
