// The resident app as a phone uses it: assets with hashed names, offline after one visit
// (service worker), rotation to landscape, and content kept out of the notch (safe area).
import path from 'node:path';
import { artifacts, assert, drag, hitbox, phoneContext, tap, waitForAppState } from './harness.mjs';

const shot = (page, name) => page.screenshot({ path: path.join(artifacts, `resident-${name}.png`) });

async function firstDoorplate(base) {
  return (await (await fetch(base + '/api/v1/doorplates?limit=1')).json()).doorplates[0];
}
const hitboxes = (page) => page.evaluate(() => window.Module.dpHitboxes || []);

export const tests = [
  ['the shell loads its script and wasm by content-hashed names', async ({ base }) => {
    const html = await (await fetch(base + '/d/ANY')).text();
    const js = /data-js="(\/resident\.[0-9a-f]{10}\.js)"/.exec(html);
    const wasm = /data-wasm="(\/resident\.[0-9a-f]{10}\.wasm)"/.exec(html);
    assert(js && wasm, 'index.html should name the hashed resident.js and resident.wasm: ' + html.slice(0, 300));
    assert(/href="\/app\.[0-9a-f]{10}\.css"/.test(html) && /src="\/app-shell\.[0-9a-f]{10}\.js"/.test(html),
      'styles and shell script should be hashed too');
    const res = await fetch(base + wasm[1]);
    assert(res.ok && res.headers.get('content-type') === 'application/wasm', `wasm: ${res.status} ${res.headers.get('content-type')}`);
    const sw = await fetch(base + '/sw.js');
    const swText = await sw.text();
    assert(sw.ok && swText.includes(wasm[1]) && !swText.includes('__SHELL__'), 'sw.js should precache this build');
  }],

  ['after one visit the doorplate and its guides open without network', async ({ base, browser }) => {
    const plate = await firstDoorplate(base);
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/d/${plate.code}`);
    assert((await waitForAppState(page)).state === 'ready', 'landing not ready');
    // The service worker registers after the first view and keeps the guides in the background.
    await page.waitForFunction(() => navigator.serviceWorker.controller && document.documentElement.dataset.offlineGuides,
      null, { timeout: 30000 });
    const kept = Number(await page.evaluate(() => document.documentElement.dataset.offlineGuides));
    const index = await (await fetch(base + '/api/v1/search-index')).json();
    assert(kept === index.entries.length, `kept ${kept} of ${index.entries.length} guides for offline use`);

    await ctx.setOffline(true);
    const guide = await (await fetch(base + '/api/v1/items/birth-registration')).json();
    await page.goto(`${base}/d/${plate.code}/guide/birth-registration`);
    assert((await waitForAppState(page)).state === 'ready', 'the guide did not open offline');
    await hitbox(page, '开始');
    const title = await page.title();
    assert(title.includes(guide.plain_name), `offline guide title "${title}" should name ${guide.plain_name}`);
    await shot(page, 'offline-guide');
    // The landing too (a plain reload of the doorplate link).
    await page.goto(`${base}/d/${plate.code}`);
    assert((await waitForAppState(page)).state === 'ready', 'the landing did not open offline');
    await page.waitForFunction(() => (window.Module.dpHitboxes || []).length > 3);
    await ctx.setOffline(false);
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }],

  ['turning the phone sideways lays the page out again at full sharpness', async ({ base, browser }) => {
    const plate = await firstDoorplate(base);
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${base}/d/${plate.code}`);
    assert((await waitForAppState(page)).state === 'ready', 'landing not ready');
    await page.setViewportSize({ width: 844, height: 390 });
    await page.waitForFunction(() => document.getElementById('canvas').width === 844 * 3);
    await page.waitForFunction(() => (window.Module.dpHitboxes || []).some((b) => b.x + b.w > 500));
    const c = await page.evaluate(() => ({ w: document.getElementById('canvas').width, h: document.getElementById('canvas').height }));
    assert(c.w === 2532 && c.h === 1170, `landscape backing store should be 2532×1170, got ${c.w}×${c.h}`);
    for (const b of await hitboxes(page))
      assert(b.x >= 0 && b.x + b.w <= 844.5, `tap target ${b.id} sticks out of the landscape viewport: ${JSON.stringify(b)}`);
    await shot(page, 'landscape');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.getElementById('canvas').width === 390 * 3);
    await ctx.close();
  }],

  ['content and tap targets stay out of the notch and the home indicator', async ({ base, browser }) => {
    const plate = await firstDoorplate(base);
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: { top: 47, bottom: 34, left: 0, right: 0 } });
    await page.goto(`${base}/d/${plate.code}/settings`);
    assert((await waitForAppState(page)).state === 'ready', 'settings not ready');
    const probe = await page.evaluate(() => getComputedStyle(document.getElementById('safe-area-probe')).paddingTop);
    assert(probe === '47px', `the safe-area probe should read the emulated inset, got ${probe}`);
    const back = await hitbox(page, 'back');
    assert(back.y >= 47 - 0.5, `the back button must sit below the notch, at y=${back.y}`);
    for (const b of await hitboxes(page))
      assert(b.y >= 47 - 0.5 && b.y + b.h <= 844 - 34 + 0.5, `tap target ${b.id} under an inset: ${JSON.stringify(b)}`);
    await shot(page, 'safe-area');
    await ctx.close();
  }],

  ['a material shows its sample picture and the result can be shared', async ({ base, browser }) => {
    const plate = await firstDoorplate(base);
    const ctx = await phoneContext(browser);
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const result = `/d/${plate.code}/guide/id-card-renewal/result?reason=lost&age=under16&hukou-local=local`;
    await page.goto(base + result);
    assert((await waitForAppState(page)).state === 'ready', 'result not ready');
    await tap(page, 'sample-photo');
    const pic = await hitbox(page, 'picture-photo');
    // Loaded: the picture is taller than the placeholder would be for the same width, and
    // it has the sample's red 样例 stamp and dark text, which the grey placeholder has not.
    await page.waitForTimeout(800);
    const box = await hitbox(page, 'picture-photo');
    const shotPng = await page.screenshot({ path: path.join(artifacts, 'resident-sample-picture.png'),
      clip: { x: box.x, y: box.y, width: box.w, height: Math.min(box.h, 844 - box.y) } });
    const colours = await page.evaluate(async (b64) => {
      const img = new Image(); img.src = 'data:image/png;base64,' + b64; await img.decode();
      const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
      const g = c.getContext('2d'); g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data; let red = 0, dark = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] > 170 && d[i + 1] < 80 && d[i + 2] < 90) red++;
        if (d[i] < 80 && d[i + 1] < 80 && d[i + 2] < 80) dark++;
      }
      return { red, dark };
    }, shotPng.toString('base64'));
    assert(pic.w > 300 && colours.red > 200 && colours.dark > 200, `sample picture not drawn: ${JSON.stringify({ pic, colours })}`);

    // Share: on a desktop-like browser without a share sheet the link is copied.
    const cdp = await ctx.newCDPSession(page);
    for (let i = 0; i < 30 && !(await page.evaluate(() => (window.Module.dpHitboxes || []).some((b) => b.id === 'share'))); i++) {
      await drag(cdp, 200, 760, 160);
      await page.waitForTimeout(300);
    }
    await page.waitForTimeout(1200);  // let the scroll settle before tapping

    await tap(page, 'share');
    await page.waitForFunction(() => window.Module.dpShared, null, { timeout: 5000 });
    const shared = await page.evaluate(() => window.Module.dpShared);
    // The same page with the same answers (the app writes them in its canonical order).
    const canon = (u) => { const x = new URL(u, base); return x.origin + x.pathname + '?' + [...x.searchParams].map((kv) => kv.join('=')).sort().join('&'); };
    assert(canon(shared) === canon(base + result), `shared ${shared}, expected ${base + result}`);
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    assert(clip === shared, `clipboard holds ${clip}`);
    await page.waitForTimeout(300);
    await shot(page, 'shared-notice');
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }],
];
