// A resident's whole errand on a phone: type 身份证 through IME composition, open the guide,
// answer the situation questions one per screen, get exactly the materials for those answers,
// go back without losing answers, tick materials (kept on the phone), switch to 繁體 and to
// elder mode. Screenshots of each step go to build/test-artifacts/.
import path from 'node:path';
import { artifacts, assert, drag, hitbox, phoneContext, tap, waitForAppState, waitForPath } from './harness.mjs';

const shot = (page, name) => page.screenshot({ path: path.join(artifacts, `resident-${name}.png`) });

const hitIds = (page) => page.evaluate(() => (window.Module.dpHitboxes || []).map((b) => b.id));

// An independent evaluator of the guide format's conditions (docs/guide-format.md).
function holds(cond, answers) {
  if (!cond) return true;
  if (cond.all) return cond.all.every((c) => holds(c, answers));
  if (cond.any) return cond.any.some((c) => holds(c, answers));
  if (cond.not) return !holds(cond.not, answers);
  return (answers[cond.q] || []).some((o) => cond.in.includes(o));
}

export const tests = [
  ['a resident finds 身份证 by IME, answers the questions and gets exactly their materials', async ({ base, browser }) => {
    const plate = (await (await fetch(base + '/api/v1/doorplates?limit=1')).json()).doorplates[0];
    const item = await (await fetch(base + '/api/v1/items/id-card-renewal')).json();
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/d/${plate.code}`);
    assert((await waitForAppState(page)).state === 'ready', 'landing not ready');

    // Type 身份证 with a Chinese IME: composition events on the real <input>.
    const field = page.locator('#field-search');
    await field.tap();
    const cdp = await ctx.newCDPSession(page);
    for (const partial of ['s', 'sh', 'shen', 'shenfen', 'shenfenzheng'])
      await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
    await cdp.send('Input.insertText', { text: '身份证' });
    await waitForPath(page, /\/search\?q=%E8%BA%AB%E4%BB%BD%E8%AF%81$/);
    assert(await field.inputValue() === '身份证', 'the input lost the composed text');
    await hitbox(page, 'r-id-card-renewal');
    await shot(page, '1-search-ime');

    await tap(page, 'r-id-card-renewal');
    await waitForPath(page, /\/guide\/id-card-renewal$/);
    await hitbox(page, '开始');
    await shot(page, '2-guide-intro');
    await tap(page, '开始');

    // One question per screen; answers chosen by option id.
    const answers = { reason: ['lost'], age: ['under16'], 'hukou-local': ['local'] };
    for (const q of ['reason', 'age', 'hukou-local']) {
      await waitForPath(page, new RegExp(`/q/${q}(\\?|$)`));
      await tap(page, answers[q][0]);
      if (q === 'age') await shot(page, '3-question');
      await tap(page, '继续');
    }
    await waitForPath(page, /\/result\?/);
    await hitbox(page, 'back');
    await page.waitForFunction(() => (window.Module.dpHitboxes || []).some((b) => b.id.startsWith('m-')));
    const expected = item.materials.filter((m) => holds(m.when, answers)).map((m) => 'm-' + m.id).sort();
    const shown = (await hitIds(page)).filter((id) => id.startsWith('m-'));
    // Materials further down the page are published once scrolled into view: scroll and collect.
    for (let i = 0; i < 6 && shown.length < expected.length; i++) {
      await drag(cdp, 200, 700, 250);
      await page.waitForTimeout(400);
      for (const id of await hitIds(page)) if (id.startsWith('m-') && !shown.includes(id)) shown.push(id);
    }
    shown.sort();
    assert(JSON.stringify(shown) === JSON.stringify(expected), `materials ${shown} ≠ expected ${expected}`);
    assert(!shown.includes('m-old-card') && shown.includes('m-loss-form'), 'a lost card needs the loss form, not the old card');
    const url = await page.evaluate(() => location.pathname + location.search);
    assert(/\/result\?/.test(url), 'a scroll drag must not tap: ' + url);
    for (let i = 0; i < 6; i++) await drag(cdp, 200, 250, 800);
    await page.waitForTimeout(1500);  // inertia settles
    await shot(page, '4-result');

    // Tick a material: kept on the phone.
    await tap(page, 'm-photo');
    await page.waitForFunction(() => localStorage.getItem('doorplate:ticks/id-card-renewal') === 'photo');

    // The back link returns to the last question with its answer kept: 继续 works at once.
    await tap(page, 'back');
    await waitForPath(page, /\/q\/hukou-local\?/);
    await tap(page, '继续');
    await waitForPath(page, /\/result\?/);

    // 繁體 and elder mode from the settings page; the guide then reads in Traditional Chinese.
    await page.goto(`${base}/d/${plate.code}/settings`);
    await waitForAppState(page);
    await tap(page, '繁體中文');
    await tap(page, 'elder');
    await page.waitForFunction(() => localStorage.getItem('doorplate:locale') === 'zh-Hant' &&
      localStorage.getItem('doorplate:elder') === '1');
    await page.goto(`${base}/d/${plate.code}/guide/id-card-renewal/result?reason=lost&age=under16&hukou-local=local`);
    await waitForAppState(page);
    await page.waitForFunction(() => document.title.includes('身份證'), null, { timeout: 10000 });
    const photo = await hitbox(page, 'm-photo');
    assert(photo.h >= 52 * 1.4 - 1, `elder mode should enlarge touch targets, got ${photo.h}px`);
    await shot(page, '5-hant-elder');
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }],
];
