// The resident app on a phone: a doorplate link opens, shows the address and items, is sharp
// at devicePixelRatio 3, reports errors for unknown doorplates, and stops drawing when idle.
import path from 'node:path';
import { artifacts, assert, firstDoorplate, phoneContext, waitForAppState } from './harness.mjs';


export const tests = [
  ['a doorplate link opens the landing with the address on a phone', async ({ base, browser }) => {
    const plate = await firstDoorplate(base);
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // The page's Link header preloads the doorplate answer; the shell and the app use that one.
    const plateFetches = [];
    page.on('request', (r) => { if (r.url().includes('/api/v1/doorplates/')) plateFetches.push(r.url()); });
    await page.goto(`${base}/d/${plate.code}?src=poster`);
    const st = await waitForAppState(page);
    assert(st.state === 'ready', `app state ${st.state}: ${st.error}`);
    assert(plateFetches.length === 1 && plateFetches[0].endsWith(`/api/v1/doorplates/${plate.code}?src=poster`),
      `the doorplate answer should be fetched once, got ${JSON.stringify(plateFetches)}`);
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      const r = c.getBoundingClientRect();
      return { w: c.width, h: c.height, cssW: r.width, cssH: r.height,
        overlayHidden: document.getElementById('loading').classList.contains('done') };
    });
    assert(canvas.cssW === 390 && canvas.w === 1170 && canvas.h === 2532,
      `canvas backing store should be CSS size × 3, got ${JSON.stringify(canvas)}`);
    assert(canvas.overlayHidden, 'loading overlay still shown after ready');
    // The overlay fades out (CSS, 0.2 s): look at the page once it is gone.
    await page.waitForFunction(() => getComputedStyle(document.getElementById('loading')).opacity === '0');
    // The header is the government red; the page below it is light: a blank canvas fails here.
    const shot = await page.screenshot({ path: path.join(artifacts, 'resident-landing.png') });
    const px = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const at = (x, y) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
      // count distinct dark pixels in the header band (text) and in the list (cards' text)
      const dark = (y0, y1) => { let n = 0; const d = g.getImageData(0, y0, c.width, y1 - y0).data;
        for (let i = 0; i < d.length; i += 4) if (d[i] < 90 && d[i + 1] < 90 && d[i + 2] < 90) n++; return n; };
      return { header: at(20, 20), light: at(img.width - 5, img.height - 5), textPixels: dark(img.height * 0.25, img.height * 0.9) };
    }, shot.toString('base64'));
    assert(px.header[0] > 150 && px.header[1] < 80, `header is not red: ${px.header}`);
    assert(px.light[0] > 220, `page background is not light: ${px.light}`);
    assert(px.textPixels > 2000, `too little text drawn below the header (${px.textPixels} dark pixels)`);
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }],

  ['an unknown doorplate code shows a clear error', async ({ base, browser }) => {
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${base}/d/ZZZZZZZ`);
    const st = await waitForAppState(page);
    assert(st.state === 'error', `expected error state, got ${st.state}`);
    assert(st.error.includes('门牌'), `error reason should mention the doorplate: ${st.error}`);
    // The error page is the app's own: the loading overlay fades away (0.2 s) over it.
    await page.waitForFunction(() => getComputedStyle(document.getElementById('loading')).opacity === '0');
    await page.screenshot({ path: path.join(artifacts, 'resident-unknown-doorplate.png') });
    await ctx.close();
  }],

  ['the landing draws no frames while nothing changes', async ({ base, browser }) => {
    const plate = await firstDoorplate(base);
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${base}/d/${plate.code}`);
    const st = await waitForAppState(page);
    assert(st.state === 'ready', `app state ${st.state}: ${st.error}`);
    // The search index loads after the first view; once it is in, nothing else is pending.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const before = await page.evaluate(() => window.Module.dpFrames.drawn);
    await page.waitForTimeout(1500);
    const after = await page.evaluate(() => window.Module.dpFrames.drawn);
    assert(after === before, `drew ${after - before} frames in 1.5 s while idle`);
    await page.touchscreen.tap(200, 600);
    await page.waitForTimeout(300);
    const woke = await page.evaluate(() => window.Module.dpFrames.drawn);
    assert(woke > after, 'a tap did not wake the app');
    await ctx.close();
  }],
];
