// Helpers shared by the browser tests that drive the resident's help app on a phone
// (test_resident_help.mjs, test_help_round_trips.mjs, test_desk_console.mjs): opening a page,
// its test state window.Module.dpHelp, finger scrolling to a tap target, typing into the chat.
import { assert, drag, phoneContext, waitForAppState } from './harness.mjs';

export const helpState = (page) => page.evaluate(() => (window.Module && window.Module.dpHelp) || {});
export const waitHelp = (page, cond, arg, timeout = 30000) =>
  page.waitForFunction(new Function('a', `const s = window.Module && window.Module.dpHelp; if (!s) return false; return (${cond});`),
    arg === undefined ? null : arg, { timeout });
export async function openPhone(browser, base, url, requests = []) {
  const ctx = await phoneContext(browser);
  if (requests.length) {
    // This phone made these requests (as the app keeps them after submitting).
    await ctx.addInitScript((list) => {
      if (!localStorage.getItem('doorplate:requests')) localStorage.setItem('doorplate:requests', JSON.stringify(list));
    }, requests);
  }
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + url);
  assert((await waitForAppState(page)).state === 'ready', 'phone page not ready: ' + url);
  const cdp = await ctx.newCDPSession(page);
  return { ctx, page, cdp, errors };
}
export const mine = (req, plate, kind = 'question') => ({
  id: String(req.id), number: req.number, token: req.token, kind, item_id: 'id-card-renewal', item_name: '身份证换领',
  doorplate: plate, created_at: Date.now() / 1000 });
const swipe = (cdp, fromY, dy) => drag(cdp, 383, fromY, fromY + dy, 6);  // a finger drag mid-screen
// Scrolls (finger drags) until the tap target is wholly on screen and still, then taps it.
export async function tapOnScreen(page, cdp, id, tries = 30) {
  for (let i = 0; i < tries; i++) {
    const b = await page.evaluate((want) => (window.Module.dpHitboxes || []).find((h) => h.id === want) || null, id);
    const onScreen = (x) => x && x.y >= 60 && x.y + x.h <= 830;
    if (onScreen(b)) {
      await page.waitForTimeout(400);
      const again = await page.evaluate((want) => (window.Module.dpHitboxes || []).find((h) => h.id === want) || null, id);
      if (onScreen(again) && Math.abs(again.y - b.y) < 2) return page.touchscreen.tap(again.x + again.w / 2, again.y + again.h / 2);
      continue;
    }
    await swipe(cdp, b && b.y < 60 ? 300 : 700, b && b.y < 60 ? 300 : -300);
    await page.waitForTimeout(350);
  }
  throw new Error(`tap target ${id} never came on screen`);
}
// Brings a tap target (anywhere on a long page) on screen; scrolls down, then up, until timeout.
export async function showOnScreen(page, cdp, id, timeout = 30000) {
  const end = Date.now() + timeout;
  let dir = -1;
  for (let i = 0; Date.now() < end; i++) {
    const b = await page.evaluate((want) => (window.Module.dpHitboxes || []).find((h) => h.id === want) || null, id);
    if (b && b.y >= 60 && b.y + b.h <= 830) return b;
    if (b) dir = b.y < 60 ? 1 : -1;
    else if (i % 12 === 11) dir = -dir;
    await swipe(cdp, dir < 0 ? 650 : 250, dir < 0 ? -250 : 250);
    await page.waitForTimeout(300);
  }
  throw new Error(`${id} was not shown`);
}
// The chat box of the status page: the real <input>, typed into key by key.
export async function typeInChat(page, cdp, requestId, text) {
  const sel = `#field-chat-${requestId}`;
  await showOnScreen(page, cdp, `field-chat-${requestId}`);
  await page.waitForSelector(sel, { state: 'visible' });
  await page.locator(sel).tap();
  await page.locator(sel).pressSequentially(text, { delay: 20 });
}
