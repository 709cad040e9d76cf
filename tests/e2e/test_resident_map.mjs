// The resident map on a phone: /d/<code>/map draws roads, water, labels and markers; a touch
// drag pans, a two-finger pinch zooms, a tap on a marker opens its card (back closes it), 步行路线
// draws the route with its steps, 导航 asks for the map app once, opens it with GCJ-02
// coordinates (app scheme, then the web page) and a reload remembers the choice. On a desktop
// the wheel zooms about the pointer, out to rivers and town boundaries.
import path from 'node:path';
import { artifacts, assert, desktopContext, phoneContext, waitForAppState } from './harness.mjs';

// WGS-84 → GCJ-02, written out here independently of shared/geo.cpp.
function wgs84ToGcj02(lat, lng) {
  const a = 6378245.0, ee = 0.00669342162296594323;
  const tLat = (x, y) => {
    let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
    r += (20 * Math.sin(y * Math.PI) + 40 * Math.sin(y / 3 * Math.PI)) * 2 / 3;
    r += (160 * Math.sin(y / 12 * Math.PI) + 320 * Math.sin(y * Math.PI / 30)) * 2 / 3;
    return r;
  };
  const tLng = (x, y) => {
    let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
    r += (20 * Math.sin(x * Math.PI) + 40 * Math.sin(x / 3 * Math.PI)) * 2 / 3;
    r += (150 * Math.sin(x / 12 * Math.PI) + 300 * Math.sin(x / 30 * Math.PI)) * 2 / 3;
    return r;
  };
  let dLat = tLat(lng - 105, lat - 35), dLng = tLng(lng - 105, lat - 35);
  const radLat = lat / 180 * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - ee * magic * magic;
  const sq = Math.sqrt(magic);
  dLat = (dLat * 180) / ((a * (1 - ee)) / (magic * sq) * Math.PI);
  dLng = (dLng * 180) / (a / sq * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, lng: lng + dLng };
}

const mapState = (page) => page.evaluate(() => window.Module && window.Module.dpMap);
const hitboxes = (page) => page.evaluate(() => window.Module.dpHitboxes || []);

async function hitbox(page, pred, what, timeout = 10000) {
  const started = Date.now();
  for (;;) {
    const h = (await hitboxes(page)).find(pred);
    if (h) return h;
    if (Date.now() - started > timeout) throw new Error('no hitbox for ' + what);
    await page.waitForTimeout(100);
  }
}

async function tapBox(page, box) {
  await page.touchscreen.tap(box.x + box.w / 2, box.y + box.h / 2);
}

// Waits until the app stops requesting frames (inertia and layout settled).
async function settle(page) {
  await page.waitForLoadState('networkidle');  // data arriving later would (rightly) draw a frame
  let before = await page.evaluate(() => window.Module.dpFrames.drawn), still = 0;
  for (let i = 0; i < 80; i++) {
    await page.waitForTimeout(150);
    const now = await page.evaluate(() => window.Module.dpFrames.drawn);
    still = now === before ? still + 1 : 0;
    if (still >= 3) return;  // nothing drawn for 450 ms (late fetches included)
    before = now;
  }
  throw new Error('the map never stopped drawing');
}

// Counts pixels of the screenshot near the given colours (tolerance per channel).
async function colourCounts(page, png, colours) {
  return page.evaluate(async ([b64, cols]) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const out = {};
    for (const [name, rgb, tol] of cols) {
      let n = 0;
      for (let i = 0; i < d.length; i += 16) {  // every 4th pixel
        if (Math.abs(d[i] - rgb[0]) <= tol && Math.abs(d[i + 1] - rgb[1]) <= tol && Math.abs(d[i + 2] - rgb[2]) <= tol) n++;
      }
      out[name] = n;
    }
    return out;
  }, [png.toString('base64'), colours]);
}

export const tests = [
  ['the map pans, zooms, opens a card with a walking route and navigates in the chosen app', async ({ base, browser }) => {
    const plates = await (await fetch(base + '/api/v1/doorplates?limit=1')).json();
    const code = plates.doorplates[0].code;
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // The fallback web page of the map app is outside this machine: answer it locally.
    await page.route('https://uri.amap.com/**', (r) => r.fulfill({ contentType: 'text/html', body: '<p>amap</p>' }));
    const cdp = await ctx.newCDPSession(page);
    const touch = async (type, pts) => {
      await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: pts.map(([x, y], id) => ({ x, y, id })) });
      await page.waitForTimeout(34);
    };

    await page.goto(`${base}/d/${code}/map`);
    const st = await waitForAppState(page);
    assert(st.state === 'ready', `app state ${st.state}: ${st.error}`);
    await page.waitForFunction(() => window.Module.dpMap && window.Module.dpMap.ready);
    await settle(page);
    const s0 = await mapState(page);
    assert(s0.roads >= 10, `too few roads drawn: ${JSON.stringify(s0)}`);
    assert(s0.markers >= 1 && s0.labels >= 1, `markers/labels missing: ${JSON.stringify(s0)}`);
    const shot = await page.screenshot({ path: path.join(artifacts, 'resident-map.png') });
    const px = await colourCounts(page, shot, [
      ['land', [243, 240, 234], 3], ['road', [255, 255, 255], 0], ['major', [252, 214, 150], 6],
      ['centre', [196, 30, 58], 10],
    ]);
    assert(px.land > 20000, `map background missing: ${JSON.stringify(px)}`);
    assert(px.road > 2000 && px.major > 100, `roads missing: ${JSON.stringify(px)}`);
    assert(px.centre > 50, `no red (doorplate / service-centre marker): ${JSON.stringify(px)}`);

    // Drag with one finger, starting on a marker: the map follows (the centre moves east and
    // south) and no card opens.
    const m0 = (await hitboxes(page)).find((h) => h.id.startsWith('marker:'));
    const [dx0, dy0] = m0 ? [m0.x + m0.w / 2, m0.y + m0.h / 2] : [250, 500];
    await touch('touchStart', [[dx0, dy0]]);
    for (let i = 1; i <= 6; i++) await touch('touchMove', [[dx0 - i * 20, dy0 - i * 15]]);
    await touch('touchEnd', []);
    await settle(page);
    const s1 = await mapState(page);
    assert(s1.lng > s0.lng && s1.lat < s0.lat, `drag did not pan: ${JSON.stringify([s0, s1])}`);
    assert(Math.abs(s1.m_per_css_px - s0.m_per_css_px) < 1e-6, 'a drag must not zoom');
    assert(!s1.selected, 'a drag must not open a card');

    // Pinch out with two fingers: zoom in.
    await touch('touchStart', [[160, 450], [230, 450]]);
    for (let i = 1; i <= 6; i++) await touch('touchMove', [[160 - i * 12, 450], [230 + i * 12, 450]]);
    await touch('touchEnd', []);
    await settle(page);
    const s2 = await mapState(page);
    assert(s2.m_per_css_px < s1.m_per_css_px * 0.7, `pinch did not zoom in: ${JSON.stringify([s1, s2])}`);
    assert(!s2.selected, 'a pinch must not open a card');
    // Back to the doorplate (for people who cannot pinch).
    await tapBox(page, await hitbox(page, (h) => h.id === 'map-home', 'map-home'));
    await settle(page);
    const s3 = await mapState(page);
    assert(Math.abs(s3.m_per_css_px - s0.m_per_css_px) < 1e-6, `回到门牌 did not reset the zoom: ${JSON.stringify(s3)}`);

    // Tap a marker through its hitbox: the card opens with its own URL; back closes it.
    const marker = await hitbox(page, (h) => h.id.startsWith('marker:'), 'a marker');
    const placeId = marker.id.slice('marker:'.length);
    await tapBox(page, marker);
    await page.waitForFunction((id) => window.Module.dpMap.selected === id, placeId);
    await hitbox(page, (h) => h.id === '步行路线', '步行路线');
    await hitbox(page, (h) => h.id === 'card-close', 'card-close');
    assert(page.url().endsWith(`/d/${code}/map/place/${placeId}`), 'card URL: ' + page.url());
    const title = await page.title();
    await settle(page);
    await page.screenshot({ path: path.join(artifacts, 'resident-map-card.png') });
    await page.goBack();
    await page.waitForFunction(() => window.Module.dpMap.selected === '');
    assert(page.url().endsWith(`/d/${code}/map`), 'back did not close the card: ' + page.url());
    await settle(page);
    await tapBox(page, await hitbox(page, (h) => h.id === marker.id, marker.id));
    await page.waitForFunction((id) => window.Module.dpMap.selected === id, placeId);
    assert((await page.title()) === title && title.length > 0, 'page title should name the place: ' + title);

    // 步行路线: the route is drawn and the steps are listed.
    await settle(page);
    await tapBox(page, await hitbox(page, (h) => h.id === '步行路线', '步行路线'));
    await page.waitForFunction(() => window.Module.dpMap.route_points >= 2, null, { timeout: 15000 });
    assert(page.url().endsWith('?route=walk'), 'route URL: ' + page.url());
    await settle(page);
    const routeShot = await page.screenshot({ path: path.join(artifacts, 'resident-map-route.png') });
    const rpx = await colourCounts(page, routeShot, [['route', [22, 104, 200], 12]]);
    assert(rpx.route > 300, `route line / summary not drawn: ${JSON.stringify(rpx)}`);

    // 导航: asks which app the first time, then opens Amap with GCJ-02 coordinates.
    const place = await (await fetch(`${base}/api/v1/places/${placeId}`)).json();
    const gcj = wgs84ToGcj02(place.location.lat, place.location.lng);
    await tapBox(page, await hitbox(page, (h) => h.id === '导航', '导航'));
    await settle(page);
    await page.screenshot({ path: path.join(artifacts, 'resident-map-choose-app.png') });
    // Taps that open a map app go through CDP directly: Playwright's own tap would wait for the
    // navigation to an app scheme, which never commits here.
    const cdpTap = async (box) => {
      await touch('touchStart', [[box.x + box.w / 2, box.y + box.h / 2]]);
      await page.waitForTimeout(50);
      await touch('touchEnd', []);
    };
    await cdpTap(await hitbox(page, (h) => h.id === 'nav-amap', 'nav-amap'));
    await page.waitForFunction(() => (window.Module.dpExternalUrls || []).length > 0);
    const opened = await page.evaluate(() => window.Module.dpExternalUrls.slice());
    const saved = await page.evaluate(() => localStorage.getItem('doorplate:nav_app'));
    assert(saved === 'amap', 'choice not stored: ' + saved);
    const appUrl = opened[0].url;
    assert(opened[0].kind === 'app' && appUrl.startsWith('amapuri://route/plan/'), 'app link: ' + JSON.stringify(opened));
    const q = new URL(appUrl.replace('amapuri://', 'https://x/')).searchParams;
    assert(Math.abs(Number(q.get('dlat')) - gcj.lat) < 2e-6 && Math.abs(Number(q.get('dlon')) - gcj.lng) < 2e-6,
      `app link is not GCJ-02 (${gcj.lat},${gcj.lng}): ${appUrl}`);
    // The app is not installed here: the web page follows.
    await page.waitForURL(/^https:\/\/uri\.amap\.com\/navigation/, { timeout: 10000 });
    const to = new URL(page.url()).searchParams.get('to').split(',');
    assert(Math.abs(Number(to[0]) - gcj.lng) < 2e-6 && Math.abs(Number(to[1]) - gcj.lat) < 2e-6,
      `web link is not GCJ-02 lon,lat (${gcj.lng},${gcj.lat}): ${page.url()}`);
    assert(Math.abs(Number(to[1]) - place.location.lat) > 1e-4, 'web link carries WGS-84, not GCJ-02');

    // A reload remembers the choice: 导航 opens the app at once. (A fresh tab with the same
    // storage: headless Chromium stalls a tab's second hand-over to an app scheme.)
    await page.close();
    const again = await ctx.newPage();
    again.on('pageerror', (e) => errors.push(String(e)));
    const cdp2 = await ctx.newCDPSession(again);
    await again.goto(`${base}/d/${code}/map/place/${placeId}`);
    assert((await waitForAppState(again)).state === 'ready', 'reload not ready');
    await settle(again);
    // Tapped again if nothing opened within 5 s (as a person would): on a loaded machine the
    // first tap after a reload can arrive while the page is still settling.
    for (let attempt = 1; ; attempt++) {
      const nav = await hitbox(again, (h) => h.id === '导航', '导航');
      await cdp2.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: nav.x + nav.w / 2, y: nav.y + nav.h / 2 }] });
      await again.waitForTimeout(80);  // a finger rests a moment
      await cdp2.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      try {
        await again.waitForFunction(() => (window.Module.dpExternalUrls || []).length > 0, null, { timeout: 5000 });
        break;
      } catch (e) {
        if (attempt === 3) throw new Error('导航 opened nothing after three taps');
      }
    }
    const first = await again.evaluate(() => window.Module.dpExternalUrls[0]);
    assert(first.url.startsWith('amapuri://'), 'remembered app not used: ' + JSON.stringify(first));
    assert(!(await hitboxes(again)).some((h) => h.id === 'nav-amap'), 'asked for the app again');
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }],

  ['on a desktop the wheel zooms out about the pointer to rivers, town boundaries and labels', async ({ base, browser }) => {
    const plates = await (await fetch(base + '/api/v1/doorplates?limit=1')).json();
    const ctx = await desktopContext(browser);
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/d/${plates.doorplates[0].code}/map`);
    assert((await waitForAppState(page)).state === 'ready', 'not ready');
    await page.waitForFunction(() => window.Module.dpMap && window.Module.dpMap.ready);
    await settle(page);
    const s0 = await mapState(page);
    const before = await page.screenshot();
    const water = [['water', [168, 206, 238], 4], ['town_line', [167, 128, 183], 14]];
    const px0 = await colourCounts(page, before, water);
    // Wheel down (away from the user) zooms out about the pointer, here left of the centre:
    // the centre moves away from the pointer, east.
    const vp = page.viewportSize();
    await page.mouse.move(vp.width * 0.3, vp.height / 2);
    for (let i = 0; i < 8; i++) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(60);
    }
    await settle(page);
    const s1 = await mapState(page);
    const shot = await page.screenshot({ path: path.join(artifacts, 'resident-map-zoomed-out.png') });
    assert(s1.m_per_css_px > s0.m_per_css_px * 3, `wheel did not zoom out: ${JSON.stringify([s0, s1])}`);
    assert(s1.lng > s0.lng, `zoom was not about the pointer (the centre should move east): ${JSON.stringify([s0, s1])}`);
    assert(s1.labels >= 5 && s1.roads >= 20, `zoomed-out map lacks labels or roads: ${JSON.stringify(s1)}`);
    const px = await colourCounts(page, shot, water);
    assert(px.water > 1000 && px.water > px0.water, `no river drawn when zoomed out: ${JSON.stringify([px0, px])}`);
    assert(px.town_line > 50, `no town boundary drawn: ${JSON.stringify(px)}`);
    // Wheel up zooms back in.
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -120);
    await settle(page);
    const s2 = await mapState(page);
    assert(s2.m_per_css_px < s1.m_per_css_px * 0.6, `wheel up did not zoom in: ${JSON.stringify([s1, s2])}`);
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }],

  ['the map draws no frames while nothing changes', async ({ base, browser }) => {
    const plates = await (await fetch(base + '/api/v1/doorplates?limit=1')).json();
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${base}/d/${plates.doorplates[0].code}/map`);
    assert((await waitForAppState(page)).state === 'ready', 'not ready');
    await settle(page);
    const before = await page.evaluate(() => window.Module.dpFrames.drawn);
    await page.waitForTimeout(1200);
    const after = await page.evaluate(() => window.Module.dpFrames.drawn);
    assert(after === before, `drew ${after - before} frames while idle`);
    await ctx.close();
  }],
];
