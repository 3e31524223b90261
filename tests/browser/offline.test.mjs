// After one visit the page works with the network cut, and it never asks another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, watch, foreignRequests } from './harness.mjs';
import { open, panelText, ready, tabNames, TOGGLE_LABEL } from './page.mjs';

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

test('no request leaves the page origin, whatever tab is open', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  // Requests of the service worker are seen by the context, not by the page.
  context.on('request', (request) => seen.requests.push(request.url()));
  await open(page, suite.url);
  const tabs = await tabNames(page);
  assert.ok(tabs.includes('Check my config'), `tabs: ${tabs}`);
  for (const tab of [...tabs.slice(1), tabs[0]]) {
    await page.getByRole('tab', { name: tab }).click();
  }
  await page.waitForLoadState('networkidle');
  const origin = suite.url.replace(/\/$/, '');
  assert.deepEqual(foreignRequests(seen, origin), []);
  assert.ok(seen.requests.some((url) => url.endsWith('.wasm')), 'the wasm was requested from the origin');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('after one load, a reload works with every request failing', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  // The service worker must have taken control and cached the page before the cut.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15_000 });
  const online = await panelText(page, 'main.cf');

  // Cut the network three ways: the browser is offline, every request the context makes is
  // aborted, and the server is gone.
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await suite.server.close();
  const servedBefore = suite.server.log.length;

  await page.reload();
  await ready(page);
  assert.equal(await panelText(page, 'main.cf'), online);
  // The app itself runs offline: the output follows a click.
  await page.getByLabel(TOGGLE_LABEL, { exact: true }).check();
  assert.notEqual(await panelText(page, 'main.cf'), online);
  assert.equal(suite.server.log.length, servedBefore, 'nothing reached the server after the cut');
  assert.deepEqual(seen.errors, []);
  await context.close();
});
