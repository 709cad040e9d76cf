// Usage events from the resident app: a doorplate visit is queued while offline (nothing sent,
// kept in localStorage), sent when the phone is back online, and counted once by the server
// under the visit's entry channel; a guide view follows when a guide is opened.
import { assert, firstDoorplate, phoneContext, waitForAppState } from './harness.mjs';

async function channelCounts(base) {
  const login = await fetch(base + '/api/v1/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: 'supervisor-demo-2025' }),
  });
  const { token } = await login.json();
  const r = await fetch(base + '/api/v1/stats?group_by=channel', { headers: { Authorization: 'Bearer ' + token } });
  assert(r.status === 200, 'stats status ' + r.status);
  const j = await r.json();
  return Object.fromEntries(j.rows.map((row) => [row.key, row]));
}

export const tests = [
  ['usage events wait offline and are sent once online, counted once under their channel', async ({ base, browser }) => {
    const plate = await firstDoorplate(base);
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${base}/d/${plate.code}?src=lift_ad`);
    const st = await waitForAppState(page);
    assert(st.state === 'ready', `app state ${st.state}: ${st.error}`);
    await page.waitForFunction(() => window.Module && window.Module.dpUsage);
    const before = await channelCounts(base);
    assert(before.lift_ad.doorplate_opens === 0, 'lift_ad opens before: ' + before.lift_ad.doorplate_opens);

    await ctx.setOffline(true);
    // The page is hidden (the resident switches apps): offline, nothing can go out.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForTimeout(300);
    const queued = await page.evaluate(() => window.Module.dpUsage);
    assert(queued.pending >= 1 && queued.sent === 0, 'offline: ' + JSON.stringify(queued));
    const stored = await page.evaluate(() => localStorage.getItem('doorplate:usage/queue') || '');
    assert(stored.includes('doorplate_opened') && stored.includes('lift_ad'), 'queue not in localStorage: ' + stored);
    assert(!stored.includes('"query"'), 'typed text must never be queued');

    await ctx.setOffline(false);  // the browser's "online" event sends the queue
    await page.waitForFunction(() => window.Module.dpUsage.pending === 0, null, { timeout: 10000 });
    const after = await channelCounts(base);
    assert(after.lift_ad.doorplate_opens === 1, 'lift_ad opens after: ' + after.lift_ad.doorplate_opens);
    // Hidden again with nothing pending: no second copy.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.waitForTimeout(300);
    const again = await channelCounts(base);
    assert(again.lift_ad.doorplate_opens === 1, 'counted twice: ' + again.lift_ad.doorplate_opens);
    await ctx.close();
  }],
];
