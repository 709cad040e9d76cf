// Where the first view's time goes (a diagnostic for bench_web.mjs; not part of `make bench`):
// the same slow-4G conditions, with the page instrumented from the first script: each
// resource's request/response times, wasm compile and instantiate, every animation frame's
// duration, the time spent rasterising glyphs (measureText/fillText/getImageData), and the
// WebGL calls that can block (context creation, shader compiles, texture uploads).
// Usage: node bench/trace_first_view.mjs [runs]   (needs build/native and build/www)
import { launchBrowser, startServer } from '../tests/e2e/harness.mjs';
import { slow4gPage } from './slow4g.mjs';

const runs = Number(process.argv[2] || 3);
const server = await startServer();
const browser = await launchBrowser();
try {
  const plate = (await (await fetch(server.base + '/api/v1/doorplates?limit=1')).json()).doorplates[0];
  const url = `${server.base}/d/${plate.code}`;
  for (let i = 0; i < runs; i++) {
    const { ctx, page, cdp } = await slow4gPage(browser);
    await page.addInitScript(() => {
      const T = (window.__trace = { marks: [], frames: [], glyph: { n: 0, ms: 0, measure: 0, fill: 0, get: 0 } });
      const now = () => performance.now();
      const mark = (what) => T.marks.push([what, Math.round(now())]);
      const wrapP = (obj, name, label) => {
        const orig = obj[name];
        obj[name] = function () {
          mark(label + ' start');
          const p = orig.apply(this, arguments);
          p.then(() => mark(label + ' done'), () => mark(label + ' failed'));
          return p;
        };
      };
      wrapP(WebAssembly, 'compileStreaming', 'wasm compileStreaming');
      wrapP(WebAssembly, 'compile', 'wasm compile');
      wrapP(WebAssembly, 'instantiate', 'wasm instantiate');
      wrapP(WebAssembly, 'instantiateStreaming', 'wasm instantiateStreaming');
      const raf = window.requestAnimationFrame;
      window.requestAnimationFrame = function (cb) {
        return raf.call(window, (ts) => {
          const t0 = now(), g0 = T.glyph.ms;
          cb(ts);
          T.frames.push([Math.round(t0), Math.round(now() - t0), Math.round(T.glyph.ms - g0)]);
        });
      };
      const C = CanvasRenderingContext2D.prototype;
      for (const [name, key] of [['measureText', 'measure'], ['fillText', 'fill'], ['getImageData', 'get']]) {
        const orig = C[name];
        C[name] = function () {
          const t0 = now();
          const r = orig.apply(this, arguments);
          const d = now() - t0;
          T.glyph[key] += d; T.glyph.ms += d;
          if (name === 'getImageData') T.glyph.n++;
          return r;
        };
      }
      // WebGL calls that can block the main thread (context creation, shader compiles, uploads).
      T.gl = {};
      const G = WebGL2RenderingContext.prototype;
      for (const name of ['compileShader', 'linkProgram', 'getShaderParameter', 'getProgramParameter', 'texImage2D',
        'texSubImage2D', 'getExtension', 'getSupportedExtensions', 'drawElements', 'bufferData']) {
        const orig = G[name];
        G[name] = function () {
          const t0 = now();
          const r = orig.apply(this, arguments);
          const e = (T.gl[name] = T.gl[name] || [0, 0]);
          e[0]++; e[1] += now() - t0;
          return r;
        };
      }
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type) {
        const t0 = now();
        const r = getContext.apply(this, arguments);
        if (type === 'webgl2') mark(`getContext webgl2 (${Math.round(now() - t0)} ms) at`);
        return r;
      };
      new MutationObserver(() => {
        const s = document.documentElement && document.documentElement.dataset.appState;
        if (s && s !== 'loading' && !T.ready) { T.ready = Math.round(now()); mark('state ' + s); }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-app-state'] });
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__trace && window.__trace.ready, null, { timeout: 120000, polling: 50 });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource').map((r) => [r.name.replace(location.origin, ''),
        Math.round(r.startTime), Math.round(r.responseStart), Math.round(r.responseEnd), r.transferSize]);
      return { nav: [Math.round(nav.responseStart), Math.round(nav.responseEnd), Math.round(nav.domContentLoadedEventEnd)],
        res, ...window.__trace };
    });
    console.log(`run ${i + 1}: ready at ${t.ready} ms`);
    console.log(`  html response ${t.nav[0]}–${t.nav[1]}, DOMContentLoaded ${t.nav[2]}`);
    for (const r of t.res) console.log(`  ${r[0].slice(0, 60).padEnd(60)} start ${r[1]} first byte ${r[2]} end ${r[3]} (${r[4]} B)`);
    for (const m of t.marks) console.log(`  ${m[1]} ${m[0]}`);
    const busy = t.frames.reduce((a, f) => a + f[1], 0);
    console.log(`  ${t.frames.length} frames before ready, ${busy} ms in frames, glyphs ${t.glyph.n} rasterised in ${Math.round(t.glyph.ms)} ms ` +
      `(measure ${Math.round(t.glyph.measure)}, fill ${Math.round(t.glyph.fill)}, getImageData ${Math.round(t.glyph.get)})`);
    console.log('  WebGL [calls, ms]: ' + Object.entries(t.gl).map(([k, v]) => `${k} ${v[0]}×/${Math.round(v[1])}`).join(', '));
    console.log('  frames [start, ms, glyph ms]: ' + JSON.stringify(t.frames.filter((f) => f[0] <= t.ready + 1)));
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
