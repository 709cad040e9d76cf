// The statistics dashboard (/desk → 统计) against its own server with the demo month
// (--demo-activity): a supervisor opens it, the headline figures are the API's for the same period
// (and the seed's 25,653 / 1,080 / 937 over the last 30 days), the period, grouping, town and
// village filters change them as the API says, a table exports as CSV whose total matches, and
// the screenshots show the charts (build/test-artifacts/desk-stats-*.png).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { artifacts, assert, click, desktopContext, startServer, waitForAppState } from './harness.mjs';

const shot = (page, name) => page.screenshot({ path: path.join(artifacts, `desk-stats-${name}.png`) });
const stats = (page) => page.evaluate(() => (window.Module.dpDesk || {}).stats || {});
const waitDesk = (page, cond, timeout = 30000) =>
  page.waitForFunction(new Function(`const s = window.Module && window.Module.dpDesk; if (!s) return false; return (${cond});`),
    null, { timeout });
// Every table of the dashboard has arrived for the filter the test state names.
const ready = 's.stats && ["trend", "items", "areas", "channels"].every((t) => s.stats[t].state === "ready")';
const nextFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function token(base) {
  const res = await fetch(base + '/api/v1/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: 'supervisor-demo-2025' }),
  });
  assert(res.status === 200, 'login: ' + res.status);
  return (await res.json()).token;
}
async function apiStats(base, tok, s) {
  let url = `/api/v1/stats?from=${s.from}&to=${s.to}&group_by=${s.group}`;
  if (s.area) url += `&area=${encodeURIComponent(s.area)}`;
  const res = await fetch(base + url, { headers: { Authorization: 'Bearer ' + tok } });
  assert(res.status === 200, url + ': ' + res.status);
  return res.json();
}
// The dashboard's figures equal the API's for the same from/to/area; returns the API's headline.
async function sameAsApi(base, tok, page) {
  const s = await stats(page);
  const j = await apiStats(base, tok, s);
  const h = j.headline;
  assert(s.look_ups === h.look_ups && s.navigations === h.navigations && s.help_services === h.help_services &&
    s.ratings === h.ratings, `dashboard ${JSON.stringify(s)} vs API ${JSON.stringify(h)}`);
  assert(s.trend.rows === j.rows.length, `trend rows ${s.trend.rows} vs ${j.rows.length}`);
  return { s, h, j };
}

export const tests = [
  ['desk stats: a supervisor\'s dashboard shows the API\'s figures, filters by period and area, exports CSV', async ({ browser }) => {
    const server = await startServer(['--demo-activity']);
    // A tall desktop screen: the whole dashboard in one screenshot.
    const ctx = await desktopContext(browser, { viewport: { width: 1366, height: 1900 }, acceptDownloads: true });
    try {
      const base = server.base;
      const tok = await token(base);
      const page = await ctx.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error' && !/401|Unauthorized|Failed to load resource/.test(m.text())) errors.push(m.text()); });
      await page.goto(base + '/desk');
      const st0 = await waitForAppState(page);
      assert(st0.state === 'ready', 'console not ready: ' + st0.error);
      await page.waitForSelector('#field-login-user', { state: 'visible' });
      await page.fill('#field-login-user', 'supervisor');
      await page.fill('#field-login-password', 'supervisor-demo-2025');
      await click(page, 'login');
      await waitDesk(page, 's.logged_in && s.user === "supervisor"');
      await click(page, 'nav-stats');
      await waitDesk(page, `s.page === "stats" && ${ready}`);
      await page.waitForURL(/\/desk\/stats$/);

      // 近30天 (default): the API's figures, which over the demo month are the seed's.
      const month = await sameAsApi(base, tok, page);
      assert(month.s.period === 'last30' && month.s.area === '' && month.s.area_name === '全县', 'default filter: ' + JSON.stringify(month.s));
      assert(month.h.look_ups === 25653 && month.h.navigations === 1080 && month.h.help_services === 937,
        'the seed\'s figures: ' + JSON.stringify(month.h));
      assert(month.s.trend.rows === 30 && month.s.towns.length >= 10, 'month table: ' + JSON.stringify(month.s));
      await nextFrames(page);
      await shot(page, '1-county-30-days');

      // 近7天: fewer, and still the API's.
      await click(page, 'stats-period-last7');
      await waitDesk(page, `s.stats.period === "last7" && ${ready}`);
      const week = await sameAsApi(base, tok, page);
      assert(week.s.trend.rows === 7 && week.h.look_ups > 0 && week.h.look_ups < month.h.look_ups,
        `7 days: ${JSON.stringify(week.h)}`);

      // By week over 近30天: the same totals in 5–6 rows.
      await click(page, 'stats-period-last30');
      await waitDesk(page, `s.stats.period === "last30" && ${ready}`);
      await click(page, 'stats-group-week');
      await waitDesk(page, `s.stats.group === "week" && ${ready}`);
      const weeks = await sameAsApi(base, tok, page);
      assert(weeks.h.look_ups === 25653 && weeks.s.trend.rows >= 5 && weeks.s.trend.rows <= 6, 'weeks: ' + JSON.stringify(weeks.s));
      const weekSum = weeks.j.rows.reduce((n, r) => n + r.look_ups, 0);
      assert(weekSum === 25653, 'weekly rows add up: ' + weekSum);
      await nextFrames(page);
      await shot(page, '2-county-by-week');

      // A town (溪美街道), then one of its villages: the figures shrink and match the API.
      await click(page, 'stats-town-350583-101');
      await waitDesk(page, `s.stats.area === "350583-101" && ${ready} && s.stats.villages.length > 0`);
      const town = await sameAsApi(base, tok, page);
      assert(town.s.area_name === '溪美街道', 'town name: ' + town.s.area_name);
      assert(town.h.look_ups > 0 && town.h.look_ups < month.h.look_ups, 'town figures: ' + JSON.stringify(town.h));
      await click(page, 'stats-group-day');
      await waitDesk(page, `s.stats.group === "day" && ${ready}`);
      await nextFrames(page);
      await shot(page, '3-town-xi-mei');
      const village = town.s.villages[0];
      await click(page, 'stats-village-' + village);
      await waitDesk(page, `s.stats.area === ${JSON.stringify(village)} && ${ready}`);
      const v = await sameAsApi(base, tok, page);
      assert(v.h.look_ups > 0 && v.h.look_ups < town.h.look_ups, 'village figures: ' + JSON.stringify(v.h));
      assert(v.s.area_name.startsWith('溪美街道 · '), 'village name: ' + v.s.area_name);
      await nextFrames(page);
      await shot(page, '4-village');

      // Back to the county, 近7天; export the area table: the CSV's total is the dashboard's.
      await click(page, 'stats-town-all');
      await waitDesk(page, `s.stats.area === "" && ${ready}`);
      await click(page, 'stats-period-last7');
      await waitDesk(page, `s.stats.period === "last7" && ${ready}`);
      const now = await sameAsApi(base, tok, page);
      const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'stats-export-area')]);
      const name = download.suggestedFilename();
      assert(name === `stats-area-${now.s.from}-${now.s.to}.csv`, 'file name: ' + name);
      const file = await download.path();
      const csv = readFileSync(file, 'utf8');
      assert(csv.charCodeAt(0) === 0xfeff, 'CSV has a BOM for Excel');
      const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
      assert(lines[0].startsWith('区域,编号,查询次数,打开门牌,查看指南,搜索,导航,帮办服务'), 'header: ' + lines[0]);
      const total = lines[lines.length - 1].split(',');
      assert(total[0] === '合计' && Number(total[2]) === now.s.look_ups && Number(total[6]) === now.s.navigations &&
        Number(total[7]) === now.s.help_services, 'total row: ' + lines[lines.length - 1] + ' vs ' + JSON.stringify(now.s));
      const towns = lines.slice(1, -1).filter((l) => /街道|镇/.test(l.split(',')[0]));
      assert(towns.length >= 10, 'one line per town: ' + lines.length);
      // The trend table too (by day: one line per day plus the header and the total).
      const [trendCsv] = await Promise.all([page.waitForEvent('download'), click(page, 'stats-export-day')]);
      const trendLines = readFileSync(await trendCsv.path(), 'utf8').trim().split('\r\n');
      assert(trendLines.length === 7 + 2 && trendLines[0].replace(/^\uFEFF/, '').startsWith('日期,'), 'trend CSV: ' + trendLines.length);

      // Hover over the trend: the exact value of that day.
      const box = await page.evaluate(() => (window.Module.dpHitboxes || []).find((h) => h.id === 'stats-export-day'));
      await page.mouse.move(box.x - 300, box.y + 140);
      await nextFrames(page);
      await shot(page, '5-county-7-days-hover');

      // 上月 and 本月: calendar months in China time, figures as the API's.
      const china = new Date(Date.now() + 8 * 3600 * 1000);
      const pad = (n) => String(n).padStart(2, '0');
      const y = china.getUTCFullYear(), m = china.getUTCMonth() + 1;
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      const lastDay = new Date(Date.UTC(py, pm, 0)).getUTCDate();
      await click(page, 'stats-period-last_month');
      await waitDesk(page, `s.stats.period === "last_month" && ${ready}`);
      const prev = await sameAsApi(base, tok, page);
      assert(prev.s.from === `${py}-${pad(pm)}-01` && prev.s.to === `${py}-${pad(pm)}-${pad(lastDay)}` &&
        prev.s.trend.rows === lastDay, '上月: ' + JSON.stringify([prev.s.from, prev.s.to, prev.s.trend.rows]));
      await click(page, 'stats-period-this_month');
      await waitDesk(page, `s.stats.period === "this_month" && ${ready}`);
      const cur = await sameAsApi(base, tok, page);
      assert(cur.s.from === `${y}-${pad(m)}-01` && cur.s.to === `${y}-${pad(m)}-${pad(china.getUTCDate())}`,
        '本月: ' + JSON.stringify([cur.s.from, cur.s.to]));
      assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    } finally {
      await ctx.close();
      await server.stop();
    }
  }],
];
