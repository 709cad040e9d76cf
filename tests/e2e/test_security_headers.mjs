// The resident app under the server's Content-Security-Policy: it reaches "ready" with the header
// in force, and neither the app page nor the text guide triggers a single CSP violation.
import { assert, phoneContext, waitForAppState } from './harness.mjs';

async function watchViolations(page) {
  const violations = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return async () => violations.concat(await page.evaluate(() => window.__cspViolations || []));
}

export const tests = [
  ['the app runs under the Content-Security-Policy without a violation', async ({ base, browser }) => {
    const plates = await (await fetch(base + '/api/v1/doorplates?limit=1')).json();
    const res = await fetch(`${base}/d/${plates.doorplates[0].code}`);
    const csp = res.headers.get('content-security-policy') || '';
    assert(csp.includes("script-src 'self' 'wasm-unsafe-eval'"), `CSP header missing or changed: ${csp}`);
    assert(!csp.includes('unsafe-inline') && !csp.includes("'unsafe-eval'"), `CSP too loose: ${csp}`);
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${base}/d/${plates.doorplates[0].code}`);
    const st = await waitForAppState(page);
    assert(st.state === 'ready', `app state ${st.state}: ${st.error}`);
    await page.waitForTimeout(300);
    const seen = await violations();
    assert(seen.length === 0, `CSP violations on the app page: ${seen.join(' | ')}`);
    await ctx.close();
  }],
  ['the demo index and the text guide show no CSP violation', async ({ base, browser }) => {
    const items = await (await fetch(base + '/api/v1/items?limit=1')).json();
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${base}/`);
    await page.goto(`${base}/guide/${items.items[0].id}`);
    await page.waitForLoadState('load');
    const seen = await violations();
    assert(seen.length === 0, `CSP violations: ${seen.join(' | ')}`);
    await ctx.close();
  }],
];
