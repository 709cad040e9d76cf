// Helpers shared by the console's browser tests (test_desk_console.mjs, test_help_round_trips.mjs):
// the HTTP API as the resident and as staff, a PNG to upload, and driving the ImGui console
// (its test state window.Module.dpDesk, its tap targets window.Module.dpHitboxes).
import { deflateSync } from 'node:zlib';
import { assert } from './harness.mjs';

// ---- HTTP ----
// {status, body}: the answer's JSON, or {text} when it is not JSON.
export async function api(base, method, url, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  const res = await fetch(base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let j;
  try { j = JSON.parse(text); } catch (e) { j = { text }; }
  return { status: res.status, body: j };
}
export async function staffToken(base, username, password) {
  const r = await api(base, 'POST', '/api/v1/auth/login', { username, password });
  assert(r.status === 200, `login ${username}: ${JSON.stringify(r.body)}`);
  return r.body.token;
}
// A doorplate of 溪美街道 (agent_ximei's area).
export async function ximeiDoorplate(base) {
  const list = (await (await fetch(base + '/api/v1/doorplates?limit=200')).json()).doorplates;
  const d = list.find((p) => p.town_id === '350583-101' || (p.area_id || '').startsWith('350583-101'));
  assert(d, 'no demo doorplate in 溪美街道');
  return d.code;
}

// A PNG of w×h in a colour with a dark frame and a bar (something to recognise in screenshots).
export function png(w, h, [r, g, b]) {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const edge = x < 8 || y < 8 || x >= w - 8 || y >= h - 8 || (y > h * 0.4 && y < h * 0.55 && x > w * 0.15 && x < w * 0.85);
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = edge ? r * 0.4 : r; raw[o + 1] = edge ? g * 0.4 : g; raw[o + 2] = edge ? b * 0.4 : b;
    }
  }
  const table = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (buf) => { let c = 0xffffffff; for (const x of buf) c = table[(c ^ x) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// ---- the console ----
export const deskState = (page) => page.evaluate(() => window.Module.dpDesk || {});
// Waits until `cond` (an expression of s = window.Module.dpDesk, the console's test state, and
// a = arg) holds. Made into a function here: Playwright passes functions through the DevTools
// protocol, while a string predicate would be eval'ed in the page and refused by its CSP.
export const waitDesk = (page, cond, arg, timeout = 30000) =>
  page.waitForFunction(new Function('a', `const s = window.Module && window.Module.dpDesk; if (!s) return false; return (${cond});`),
    arg === undefined ? null : arg, { timeout });
export const nextFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
// Scrolls the panel under `at` (mouse wheel) until the tap target `id` is wholly inside the
// viewport below the top bar; returns its box.
export async function scrollTo(page, id, at = { x: 900, y: 500 }) {
  const view = page.viewportSize();
  let direction = 1;
  for (let i = 0; i < 60; i++) {
    const b = await page.evaluate((want) => (window.Module.dpHitboxes || []).find((h) => h.id === want) || null, id);
    if (b && b.y >= 52 && b.y + b.h <= view.height) return b;
    if (i === 30) direction = -1;
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, b ? (b.y < 52 ? -150 : 150) : 200 * direction);
    await nextFrames(page);
  }
  throw new Error(`tap target ${id} never came into view`);
}
// Clicks the middle of tap target `id`, found again after a moment (so a layout that was still
// settling — a picture arriving, a list growing — does not send the click beside it).
export async function clickIn(page, id, at) {
  const b = await scrollTo(page, id, at);
  await page.waitForTimeout(150);
  const again = await scrollTo(page, id, at);
  await page.mouse.click(again.x + again.w / 2, again.y + again.h / 2);
  return b;
}
