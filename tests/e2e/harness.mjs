// End-to-end test harness: starts a real doorplate-server on a free port with a temporary
// database, launches Debian's Chromium through playwright-core, and runs named tests.
// Prints "  ok <name>" / "  FAIL <name>: <why>" and a last line "e2e: P passed, F failed".
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const artifacts = path.join(root, 'build/test-artifacts');
const nativeDir = process.env.NATIVE || 'build/native';

// extraArgs: e.g. ['--demo-activity'] for a test that needs its own server with the demo month.
export async function startServer(extraArgs = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'doorplate-e2e-'));
  const bin = path.join(root, nativeDir, 'bin/doorplate-server');
  const proc = spawn(bin, ['--port', '0', '--db', path.join(dir, 'e2e.db'), '--demo',
    '--www', path.join(root, 'build/www'), '--assets', path.join(root, 'assets'), '--log-level', 'warn', ...extraArgs],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + out)), 20000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving on (http:\/\/[^/\s]+)\//);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => reject(new Error('server exited with ' + code + ': ' + out)));
  });
  return {
    base,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--lang=zh-CN'],
  });
}

// A phone: 390×844 CSS px at devicePixelRatio 3, touch, mobile user agent.
export async function phoneContext(browser, extra = {}) {
  return browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...extra,
  });
}

// A desktop browser (the agent console): 1366×860 CSS px at devicePixelRatio 1, a mouse.
export async function desktopContext(browser, extra = {}) {
  return browser.newContext({
    viewport: { width: 1366, height: 860 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...extra,
  });
}

// Waits until <html data-app-state> leaves "loading"; returns {state, error}.
export async function waitForAppState(page, timeoutMs = 30000) {
  await page.waitForFunction(() => {
    const s = document.documentElement.dataset.appState;
    return s === 'ready' || s === 'error';
  }, null, { timeout: timeoutMs });
  // The loading overlay fades out over 0.2 s after 'ready'; screenshots taken during the fade
  // see the page through a half-transparent grey. Wait until it is fully gone.
  await page.waitForFunction(() => {
    if (document.documentElement.dataset.appState !== 'ready') return true;
    const el = document.getElementById('loading');
    return !el || getComputedStyle(el).opacity === '0';
  }, null, { timeout: timeoutMs });
  return page.evaluate(() => ({
    state: document.documentElement.dataset.appState,
    error: document.documentElement.dataset.appError || '',
  }));
}

// The app publishes this frame's tap targets (CSS px) on window.Module.dpHitboxes.
export async function hitbox(page, id, timeout = 10000) {
  const h = await page.waitForFunction((want) => {
    const list = (window.Module && window.Module.dpHitboxes) || [];
    return list.find((b) => b.id === want) || null;
  }, id, { timeout });
  return h.jsonValue();
}
export async function tap(page, id) {
  const b = await hitbox(page, id);
  await page.touchscreen.tap(b.x + b.w / 2, b.y + b.h / 2);
}
// A mouse click in the middle of a tap target (desktop pages).
export async function click(page, id) {
  const b = await hitbox(page, id);
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
}
export async function waitForPath(page, re, timeout = 10000) {
  await page.waitForFunction((src) => new RegExp(src).test(location.pathname + location.search), re.source, { timeout });
}
// A finger drag on the canvas (scrolls the page; no tap must fire).
export async function drag(cdp, x, fromY, toY, steps = 8) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: fromY }] });
  for (let i = 1; i <= steps; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: fromY + (toY - fromY) * i / steps }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}
// The first doorplate of the demo county (a real code for page links).
export async function firstDoorplate(base) {
  return (await (await fetch(base + '/api/v1/doorplates?limit=1')).json()).doorplates[0];
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export async function runTests(tests) {
  mkdirSync(artifacts, { recursive: true });
  let passed = 0, failed = 0;
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    for (const [name, fn] of tests) {
      const started = Date.now();
      try {
        await fn({ base: server.base, browser });
        passed++;
        console.log(`  ok ${name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        console.log(`  FAIL ${name}: ${e && e.stack ? e.stack : e}`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
