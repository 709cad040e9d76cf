// The resident app's first view under Lighthouse's "slow 4G" (150 ms latency, 1.6 Mbit/s down,
// 750 kbit/s up, CPU slowed 4×) with a cold cache, through CDP in Debian's Chromium; and the
// frames it draws per second while idle. Prints JSON lines {"name","value","unit"}.
// Usage: node bench/bench_web.mjs [runs] [--www DIR --prefix NAME]   (needs build/native and
// build/www; --www serves another web root, e.g. the floor's, and names its figures NAME_…)
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, root, startServer } from '../tests/e2e/harness.mjs';
import { slow4gPage } from './slow4g.mjs';

const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const runs = Number(args[0] && !args[0].startsWith('--') ? args[0] : 5);
const www = option('--www');
const prefix = option('--prefix') || 'resident';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const emit = (name, value, unit, extra = {}) => console.log(JSON.stringify({ name, value, unit, ...extra }));

const server = await startServer(www ? ['--www', www] : []);
const browser = await launchBrowser();
try {
  const plate = (await (await fetch(server.base + '/api/v1/doorplates?limit=1')).json()).doorplates[0];
  const url = `${server.base}/d/${plate.code}`;
  const times = [], bytes = [], requests = [], idle = [];
  for (let i = 0; i < runs; i++) {
    const { ctx, page, cdp } = await slow4gPage(browser);
    // Bytes on the wire (compressed, headers included) of everything fetched until ready.
    let wire = 0, count = 0, counting = true;
    cdp.on('Network.loadingFinished', (e) => { if (counting) { wire += e.encodedDataLength; count++; } });
    // The moment the app says the first view is drawn, relative to navigation start.
    await page.addInitScript(() => {
      // Runs before <html> exists: watch the whole document for the attribute.
      new MutationObserver((list, obs) => {
        const s = document.documentElement && document.documentElement.dataset.appState;
        if (s && s !== 'loading') { window.__dpReadyAt = performance.now(); obs.disconnect(); }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-app-state'] });
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__dpReadyAt !== undefined, null, { timeout: 120000, polling: 50 });
    counting = false;
    const st = await page.evaluate(() => ({ at: window.__dpReadyAt, state: document.documentElement.dataset.appState }));
    if (st.state !== 'ready') throw new Error('app state ' + st.state);
    times.push(st.at); bytes.push(wire); requests.push(count);

    // Idle: no input for 5 s after things settle.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.waitForTimeout(1500);
    const f0 = await page.evaluate(() => window.Module.dpFrames.drawn);
    await page.waitForTimeout(5000);
    const f1 = await page.evaluate(() => window.Module.dpFrames.drawn);
    idle.push((f1 - f0) / 5);
    await ctx.close();
    console.error(`run ${i + 1}: ready ${st.at.toFixed(0)} ms, ${wire} bytes in ${count} requests, idle ${(f1 - f0) / 5} frames/s`);
  }
  const goal = (g) => (prefix === 'resident' ? { goal: g } : {});
  emit(prefix + '_first_view_slow4g_time', Math.round(median(times)), 'ms', goal('<= 2000'));
  emit(prefix + '_first_view_slow4g_bytes', Math.round(median(bytes)), 'bytes', goal('<= 256000'));
  emit(prefix + '_first_view_requests', median(requests), 'count');
  emit(prefix + '_idle_frames_per_second', median(idle), 'frames/s', goal('0'));
  // The first view's two big files as served (brotli), from the page's own file names.
  const webRoot = www || path.join(root, 'build/www');
  const html = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  for (const [attr, name] of [['data-wasm', prefix + '_wasm_brotli_bytes'], ['data-js', prefix + '_js_brotli_bytes']]) {
    const file = (html.match(new RegExp(attr + '="/([^"]+)"')) || [])[1];
    const br = file && path.join(webRoot, file + '.br');
    try { emit(name, statSync(br).size, 'bytes'); } catch (e) { /* not precompressed */ }
  }
} finally {
  await browser.close();
  await server.stop();
}
