// 找人帮我办 on a phone: the 代办 form checked as the resident types (the shared validators'
// Chinese messages beside the fields, nothing cleared), a finger-drawn signature, consent and
// the request number; a 预审 with a supplement round trip; a request made offline that is
// delivered exactly once (also when the first response is lost); the rating.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { artifacts, assert, drag, firstDoorplate, hitbox, tap, waitForAppState, waitForPath } from './harness.mjs';
import { helpState, openPhone, tapOnScreen as tapWholeOnScreen } from './phone_fixtures.mjs';

const shot = (page, name) => page.screenshot({ path: path.join(artifacts, `resident-help-${name}.png`) });

// GB 11643 check character of 17 digits.
function checkChar(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * w[i];
  return '10X98765432'[s % 11];
}
const FIRST17 = '35058319800101123';
const GOOD_ID = FIRST17 + checkChar(FIRST17);
const BAD_ID = FIRST17 + (checkChar(FIRST17) === '1' ? '2' : '1');

async function login(base, username, password) {
  const r = await fetch(base + '/api/v1/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  assert(r.ok, `login ${username}: ${r.status}`);
  return (await r.json()).token;
}
async function desk(base, token, p, body) {
  const r = await fetch(base + p, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: 'Bearer ' + token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined });
  const j = await r.json().catch(() => ({}));
  assert(r.ok, `${p}: ${r.status} ${JSON.stringify(j)}`);
  return j;
}
async function residentGet(base, id, token) {
  const r = await fetch(`${base}/api/v1/requests/${id}`, { headers: { Authorization: 'Bearer ' + token } });
  assert(r.ok, `GET request ${id}: ${r.status}`);
  return r.json();
}
// This phone's requests, as the app keeps them (id, number, token).
const myRequests = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('doorplate:requests') || '[]'));

// Taps a target once the page has drawn it, scrolling it wholly on screen first (phone_fixtures).
async function tapOnScreen(page, cdp, id) {
  await hitbox(page, id, 3000).catch(() => null);  // a page that is still loading draws it soon
  return tapWholeOnScreen(page, cdp, id);
}
// Waits for a tap target that may be anywhere on a long page: looks, then scrolls down and up.
async function seek(page, cdp, id, timeout = 30000) {
  const end = Date.now() + timeout;
  const has = () => page.evaluate((want) => (window.Module.dpHitboxes || []).some((h) => h.id === want), id);
  while (Date.now() < end) {
    for (const dir of [1, -1]) {
      for (let i = 0; i < 10; i++) {
        if (await has()) return hitbox(page, id);
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 383, y: dir > 0 ? 600 : 250 }] });
        for (let k = 1; k <= 5; k++)
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 383, y: (dir > 0 ? 600 : 250) - dir * 60 * k }] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        await page.waitForTimeout(300);
      }
    }
  }
  throw new Error(`${id} was not shown`);
}

async function fill(page, cdp, field, value) {
  const sel = `#field-${field}`;
  for (let i = 0; i < 12 && !(await page.locator(sel).isVisible().catch(() => false)); i++) {
    await drag(cdp, 383, 700, 500, 4);
    await page.waitForTimeout(400);
  }
  await page.locator(sel).fill(value);
}

export const tests = [
  ['代办: the ID number is checked as typed, a drawn signature is stored with its hash', async ({ base, browser }) => {
    const plate = await firstDoorplate(base);
    const { ctx, page, cdp, errors } = await openPhone(browser, base, `/d/${plate.code}/guide/id-card-renewal`);
    // One tap from the guide opens 找人帮我办 (the help app, a page of its own).
    await tap(page, 'help');
    await waitForPath(page, /\/help\?item=id-card-renewal$/);
    assert((await waitForAppState(page)).state === 'ready', 'help menu not ready');
    await shot(page, '1-menu');
    await tap(page, 'kind-proxy');
    await waitForPath(page, /\/help\/proxy\?item=id-card-renewal$/);
    // The address comes from the doorplate.
    await page.waitForFunction(() => (document.getElementById('field-f-address') || {}).value, null, { timeout: 10000 });
    await fill(page, cdp, 'f-name', '张三');
    await fill(page, cdp, 'f-id_number', BAD_ID);
    await fill(page, cdp, 'f-phone', '13800138000');
    await page.waitForFunction(() => window.Module.dpHelp && window.Module.dpHelp.fields && window.Module.dpHelp.fields.id_number);
    const shown = (await helpState(page)).fields.id_number;
    assert(shown.includes('身份证号码最后一位应为 ' + checkChar(FIRST17)), `message beside the ID field: ${shown}`);
    await hitbox(page, 'error-f-id_number');
    assert(await page.inputValue('#field-f-id_number') === BAD_ID, 'the wrong ID number must stay in the field');
    assert(await page.inputValue('#field-f-name') === '张三', 'the name must stay');
    await shot(page, '2-proxy-invalid-id');
    // Going on with the mistake shows the summary at the top and keeps everything.
    await tapOnScreen(page, cdp, '下一步：签署委托书');
    await hitbox(page, 'error-summary');
    assert((await helpState(page)).page.includes('/help/proxy?'), 'must stay on the form');
    assert(await page.inputValue('#field-f-id_number') === BAD_ID, 'nothing cleared after 下一步');
    await fill(page, cdp, 'f-id_number', GOOD_ID);
    await page.waitForFunction(() => !window.Module.dpHelp.fields.id_number);
    await shot(page, '3-proxy-fixed');
    await tapOnScreen(page, cdp, '下一步：签署委托书');
    await waitForPath(page, /\/help\/proxy\/sign/);
    await hitbox(page, 'agreement-text');
    // A signature with the finger: two strokes.
    const pad = await hitbox(page, 'signature-pad');
    for (const [y0, y1] of [[0.3, 0.7], [0.6, 0.35]]) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: pad.x + pad.w * 0.15, y: pad.y + pad.h * y0 }] });
      for (let k = 1; k <= 12; k++)
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: pad.x + pad.w * (0.15 + 0.055 * k), y: pad.y + pad.h * (y0 + (y1 - y0) * Math.sin(k / 12 * Math.PI)) }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await page.waitForTimeout(200);
    }
    const padShot = await page.screenshot({ path: path.join(artifacts, 'resident-help-4-signature.png'),
      clip: { x: pad.x, y: pad.y, width: pad.w, height: Math.min(pad.h, 844 - pad.y) } });
    const ink = await page.evaluate(async (b64) => {
      const img = new Image(); img.src = 'data:image/png;base64,' + b64; await img.decode();
      const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
      const g = c.getContext('2d'); g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data; let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 60 && d[i + 1] < 60 && d[i + 2] < 60) dark++;
      return dark;
    }, padShot.toString('base64'));
    assert(ink > 300, `the drawn signature should show on the pad (${ink} dark pixels)`);
    await tapOnScreen(page, cdp, 'consent');
    await tapOnScreen(page, cdp, '签署并提交');
    await waitForPath(page, /\/requests\/\d+$/, 20000);
    await hitbox(page, 'request-number', 15000);
    const [mine] = await myRequests(page);
    assert(mine && /^D-\d{8}-[A-Z0-9]{6}$/.test(mine.number), 'request number: ' + JSON.stringify(mine));
    // The server has the request and the signed agreement with the signature's hash.
    let signed = null;
    for (let i = 0; i < 40 && !signed; i++) {
      const r = await residentGet(base, mine.id, mine.token);
      if (r.proxy && r.proxy.signed) signed = r;
      else await page.waitForTimeout(250);
    }
    assert(signed, 'the agreement was never signed on the server');
    assert(signed.kind === 'proxy' && signed.id_number === GOOD_ID, 'stored request: ' + JSON.stringify(signed).slice(0, 300));
    const s = signed.proxy.signed;
    assert(/^[0-9a-f]{64}$/.test(s.signature_sha256) && /^[0-9a-f]{64}$/.test(s.sha256) && s.verified === true,
      'signature hash: ' + JSON.stringify(s).slice(0, 300));
    await hitbox(page, 'proxy-signed', 15000);
    await page.waitForTimeout(300);
    await shot(page, '5-proxy-submitted');
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }],

  ['预审: a photo beside its sample, a supplement asked for one material, redone, 预审通过', async ({ base, browser }) => {
    const plate = await firstDoorplate(base);
    const picture = path.join(artifacts, 'resident-help-3-proxy-fixed.png');
    const { ctx, page, cdp, errors } = await openPhone(browser, base,
      `/d/${plate.code}/help/prereview?item=id-card-renewal&reason=expired&age=over16&hukou-local=local`);
    await fill(page, cdp, 'f-name', '李四');
    await fill(page, cdp, 'f-phone', '13900139000');
    const chooser = page.waitForEvent('filechooser');
    await tapOnScreen(page, cdp, 'gallery-photo');
    await (await chooser).setFiles(picture);
    await hitbox(page, 'picked-photo', 10000);
    await page.waitForTimeout(500);
    await shot(page, '6-prereview-picked');
    await tapOnScreen(page, cdp, '提交预审');
    await waitForPath(page, /\/requests\/\d+$/, 20000);
    const [mine] = await myRequests(page);
    // The photo reaches its material; old-card is still to upload.
    let r = null;
    for (let i = 0; i < 40; i++) {
      r = await residentGet(base, mine.id, mine.token);
      if (r.materials && r.materials.find((m) => m.id === 'photo' && m.state === 'submitted')) break;
      await page.waitForTimeout(250);
    }
    assert(r.materials.find((m) => m.id === 'photo').state === 'submitted', 'photo: ' + JSON.stringify(r.materials));
    await seek(page, cdp, 'material-photo-submitted');
    const chooser2 = page.waitForEvent('filechooser');
    await tapOnScreen(page, cdp, 'gallery-old-card');
    await (await chooser2).setFiles(picture);
    await tapOnScreen(page, cdp, '上传这张##old-card');
    await seek(page, cdp, 'material-old-card-submitted', 60000);
    // The agent: old card fine, photo to redo.
    const sup = await login(base, 'supervisor', 'supervisor-demo-2025');
    await desk(base, sup, `/api/v1/desk/requests/${mine.id}/claim`, {});
    await desk(base, sup, `/api/v1/desk/requests/${mine.id}/materials/old-card/review`, { decision: 'accepted' });
    await desk(base, sup, `/api/v1/desk/requests/${mine.id}/materials/photo/review`, { decision: 'needs_supplement', reason: '照片背景不是白色，请重拍' });
    await seek(page, cdp, 'material-photo-needs_supplement', 40000);
    await seek(page, cdp, 'material-old-card-accepted');
    await seek(page, cdp, 'gallery-photo');
    const boxes = await page.evaluate(() => window.Module.dpHitboxes.map((b) => b.id));
    assert(!boxes.includes('gallery-old-card'), 'only the material to redo offers an upload');
    await tapOnScreen(page, cdp, 'material-photo-needs_supplement');
    await shot(page, '7-prereview-supplement');
    const chooser3 = page.waitForEvent('filechooser');
    await tapOnScreen(page, cdp, 'gallery-photo');
    await (await chooser3).setFiles(path.join(artifacts, 'resident-help-1-menu.png'));
    await tapOnScreen(page, cdp, '上传这张##photo');
    await seek(page, cdp, 'material-photo-submitted');
    await desk(base, sup, `/api/v1/desk/requests/${mine.id}/materials/photo/review`, { decision: 'accepted' });
    for (let i = 0; i < 80; i++) {
      const st = await residentGet(base, mine.id, mine.token);
      if (st.prereview_passed) break;
      await page.waitForTimeout(250);
    }
    assert((await residentGet(base, mine.id, mine.token)).prereview_passed === true, 'the server says 预审通过');
    await seek(page, cdp, 'prereview-passed');
    await page.waitForTimeout(1500);
    await shot(page, '8-prereview-passed');
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }],

  ['offline: a question waits on the phone as 待发送 and is delivered exactly once, also after a lost response', async ({ base, browser }) => {
    const plate = await firstDoorplate(base);
    const sup = await login(base, 'supervisor', 'supervisor-demo-2025');
    const count = async () => (await desk(base, sup, '/api/v1/desk/requests?kind=question&limit=200')).requests
      .filter((q) => q.doorplate_code === plate.code).length;
    const before = await count();
    const { ctx, page, cdp, errors } = await openPhone(browser, base, `/d/${plate.code}/help/ask?item=id-card-renewal`);
    await ctx.setOffline(true);
    await page.waitForFunction(() => window.Module.dpHelp && window.Module.dpHelp.online === false);
    await fill(page, cdp, 'f-name', '王五');
    await fill(page, cdp, 'f-phone', '13700137000');
    await fill(page, cdp, 'question', '身份证过期了，要带什么？');
    await tapOnScreen(page, cdp, '发送');
    await waitForPath(page, /\/requests$/);
    await hitbox(page, 'pending-0');
    await hitbox(page, 'offline-banner');
    await shot(page, '9-offline-pending');
    assert(await count() === before, 'nothing may reach the server while offline');
    const queued = JSON.parse(await page.evaluate(() => localStorage.getItem('doorplate:outbox')));
    assert(queued.length === 1 && queued[0].key, 'one entry in the outbox with its Idempotency-Key');
    // Back online: the first answer is lost on the way back (the server did commit it).
    let lost = 0;
    await page.route('**/api/v1/requests', async (route) => {
      if (route.request().method() === 'POST' && lost === 0) {
        lost++;
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await ctx.setOffline(false);
    await waitForPath(page, /\/requests\/\d+$/, 30000);
    await hitbox(page, 'request-number', 15000);
    assert(lost === 1, 'the first response was dropped');
    const log = await page.evaluate(() => window.Module.dpOutboxLog || []);
    const posts = log.filter((e) => e.url === '/api/v1/requests');
    assert(posts.length >= 2 && posts.every((e) => e.key === queued[0].key), 'retried with the same key: ' + JSON.stringify(log));
    assert(await count() === before + 1, `exactly one request must exist (before ${before}, now ${await count()})`);
    await shot(page, '10-offline-delivered');

    // The agent answers and completes; the resident rates it.
    const [mine] = await myRequests(page);
    await desk(base, sup, `/api/v1/desk/requests/${mine.id}/claim`, {});
    await desk(base, sup, `/api/v1/desk/requests/${mine.id}/start`, {});
    await desk(base, sup, `/api/v1/desk/requests/${mine.id}/messages`, { text: '请带旧身份证和一张白底照片。' });
    await desk(base, sup, `/api/v1/desk/requests/${mine.id}/complete`, { result: '已答复：带旧证和照片到服务点办理' });
    await seek(page, cdp, 'status-completed', 60000);
    await tapOnScreen(page, cdp, 'rate-4');
    await tapOnScreen(page, cdp, '提交评价');
    await seek(page, cdp, 'rated');
    const rated = await residentGet(base, mine.id, mine.token);
    assert(rated.rating && rated.rating.score === 4 && rated.status === 'rated', 'rating: ' + JSON.stringify(rated.rating));
    await tapOnScreen(page, cdp, 'rated');
    await shot(page, '11-rated');
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }],
];
