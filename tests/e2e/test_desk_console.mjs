// The agent console (/desk) in a desktop browser against the real server: login (a bad password
// first), the queue with counts, a request with its masked data and an audited reveal, claim and
// reply; a resident (phone context: the help app's chat screen of a request made through the HTTP
// API) and an agent at the same time: the resident types and sends, the agent answers, the phone
// shows it live;
// a pre-review supplement round trip; batch proxy's per-person report.
import path from 'node:path';
import { artifacts, assert, click, desktopContext, waitForAppState } from './harness.mjs';
import { api, clickIn, deskState, nextFrames, png, scrollTo, staffToken, waitDesk, ximeiDoorplate } from './desk_fixtures.mjs';
import { mine, openPhone, showOnScreen, tapOnScreen, typeInChat, waitHelp } from './phone_fixtures.mjs';

const shot = (page, name) => page.screenshot({ path: path.join(artifacts, `desk-${name}.png`) });
// ---- HTTP helpers (the resident's side and checks) ----
async function createRequest(base, kind, payload, extra = {}) {
  const r = await api(base, 'POST', '/api/v1/requests', {
    kind, item_id: extra.item_id || 'border-travel-pass', doorplate: await ximeiDoorplate(base),
    contact: { name: '林秀英', phone: '13905951234' }, ...(extra.id_number ? { id_number: extra.id_number } : {}), payload,
  });
  assert(r.status === 201, 'create request: ' + JSON.stringify(r));
  return r.body;
}
async function upload(base, id, token, material, bytes) {
  const form = new FormData();
  form.append('material', material);
  form.append('file', new Blob([bytes], { type: 'image/png' }), material + '.png');
  const res = await fetch(`${base}/api/v1/requests/${id}/uploads`, { method: 'POST', headers: { Authorization: 'Bearer ' + token }, body: form });
  const text = await res.text();
  let body;
  try { body = JSON.parse(text); } catch (e) { throw new Error(`upload: ${res.status} ${text.slice(0, 200)}`); }
  assert(res.status === 201 || res.status === 200, 'upload: ' + JSON.stringify(body));
  return body.upload.sha256;
}

// ---- the console ----
async function openConsole(browser, base, urlPath = '/desk') {
  const ctx = await desktopContext(browser);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !/401|Unauthorized|Failed to load resource/.test(m.text())) errors.push(m.text()); });
  await page.goto(base + urlPath);
  const st = await waitForAppState(page);
  assert(st.state === 'ready', 'console not ready: ' + st.error);
  return { ctx, page, errors };
}
async function login(page, username, password) {
  await page.waitForSelector('#field-login-user', { state: 'visible' });
  await page.fill('#field-login-user', username);
  await page.fill('#field-login-password', password);
  await click(page, 'login');
}
async function typeInto(page, id, text) {
  await scrollTo(page, 'field:' + id);
  await page.waitForSelector('#field-' + id, { state: 'visible' });
  await page.fill('#field-' + id, text);
}

export const tests = [
  ['desk: login (a bad password first), the queue with counts, reveal is audited, claim and reply', async ({ base, browser }) => {
    const req = await createRequest(base, 'question', { text: '我家老人想办港澳通行证，行动不便，能不能代办？' });
    const { ctx, page, errors } = await openConsole(browser, base);
    await shot(page, '01-login');
    await login(page, 'agent_ximei', 'wrong-password-1');
    await waitDesk(page, 's.login_error.length > 0');
    const bad = await deskState(page);
    assert(bad.login_error.includes('用户名或密码不正确') && !bad.logged_in, 'bad password message: ' + bad.login_error);
    await shot(page, '02-login-bad-password');

    await login(page, 'agent_ximei', 'ximei-demo-2025');
    await waitDesk(page, 's.logged_in && s.rows.some((r) => r.id === a)', req.id);
    const q = await deskState(page);
    const sum = Object.values(q.counts).reduce((a, b) => a + b, 0);
    assert(q.counts.submitted >= 1 && sum === q.total, `counts ${JSON.stringify(q.counts)} should add up to ${q.total}`);
    await click(page, 'status-submitted');
    await waitDesk(page, 's.rows.length > 0 && s.rows.every((r) => r.status === "submitted")');
    await shot(page, '03-queue');

    await clickIn(page, 'request-' + req.id, { x: 230, y: 640 });
    await waitDesk(page, 's.detail_id === a', req.id);
    await page.waitForFunction(() => location.pathname.startsWith('/desk/requests/'));
    await shot(page, '04-detail-masked');
    const masked = await deskState(page);
    assert(!JSON.stringify(masked).includes('13905951234'), 'the phone must be masked before reveal');

    await clickIn(page, 'reveal-contact_phone');
    await clickIn(page, 'reveal-reason-0');
    await waitDesk(page, 's.revealed.contact_phone === "13905951234"');
    await shot(page, '05-revealed');
    const sup = await staffToken(base, 'supervisor', 'supervisor-demo-2025');
    const audit = await api(base, 'GET', '/api/v1/admin/audit?limit=50', undefined, sup);
    const entry = audit.body.entries.find((e) => e.action === 'reveal' && String(e.target_id) === String(req.id));
    assert(entry && entry.username === 'agent_ximei', 'reveal should be audited: ' + JSON.stringify(audit.body.entries.slice(0, 3)));
    assert(JSON.stringify(entry.detail).includes('回电联系申请人'), 'the audit entry keeps the reason: ' + entry.detail);

    await clickIn(page, 'action-claim');
    await waitDesk(page, 's.detail_status === "assigned"');
    await typeInto(page, 'message', '您好，可以代办。请准备老人的身份证和户口簿。');
    await clickIn(page, 'send-message');
    await waitDesk(page, 's.messages.some((m) => m.side === "agent" && m.text.includes("可以代办"))');
    const seen = await api(base, 'GET', `/api/v1/requests/${req.id}/messages`, undefined, req.token);
    assert(seen.body.messages.some((m) => m.side === 'agent' && m.text.includes('可以代办')), 'the resident sees the reply');
    await shot(page, '06-claimed-replied');
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }],

  ['desk: resident (phone) and agent (desktop) at once — asked, answered, seen live on both sides', async ({ base, browser }) => {
    const plate = await ximeiDoorplate(base);
    const req = await createRequest(base, 'question', { text: '新生儿落户需要带什么？' }, { item_id: 'birth-registration' });
    // The resident's phone: the request's status page in the help app (this phone made it), with
    // its conversation kept live by the app's own long poll.
    const phone = await openPhone(browser, base, `/d/${plate}/requests/${req.id}`,
      [{ ...mine(req, plate), item_id: 'birth-registration', item_name: '出生登记' }]);
    const { page: rpage, cdp } = phone;
    const { ctx, page, errors } = await openConsole(browser, base, '/desk/requests/' + req.id);
    await login(page, 'agent_ximei', 'ximei-demo-2025');
    await waitDesk(page, 's.detail_id === a', req.id);

    // The resident types a follow-up into the chat box (the real <input>, key by key) and sends it;
    // the console shows it without a reload.
    await typeInChat(rpage, cdp, req.id, '孩子是在外地医院出生的，可以吗？');
    await rpage.screenshot({ path: path.join(artifacts, 'desk-07-resident-typing.png') });
    await tapOnScreen(rpage, cdp, 'chat-send');
    await waitHelp(rpage, 's.chat.some((m) => m.side === "resident" && m.text.includes("外地医院"))');
    await waitDesk(page, 's.messages.some((m) => m.side === "resident" && m.text.includes("外地医院"))');
    await shot(page, '07-live-question');

    // The agent answers in the console (Enter sends); the phone's chat screen shows it live.
    await clickIn(page, 'action-claim');
    await waitDesk(page, 's.detail_status === "assigned"');
    await typeInto(page, 'message', '可以的，带上出生医学证明和父母的户口簿、身份证，在溪美派出所办理。');
    await page.keyboard.press('Enter');
    await waitDesk(page, 's.messages.some((m) => m.side === "agent" && m.text.includes("出生医学证明"))');
    await waitHelp(rpage, 's.chat.some((m) => m.side === "agent" && m.text.includes("出生医学证明"))');
    const answer = (await rpage.evaluate(() => window.Module.dpHelp.chat)).find((m) => m.side === 'agent' && m.text.includes('出生医学证明'));
    await showOnScreen(rpage, cdp, 'msg-' + answer.id);
    await rpage.waitForTimeout(300);
    await rpage.screenshot({ path: path.join(artifacts, 'desk-08-resident-phone.png') });
    await shot(page, '08-agent-answered');
    assert(errors.length === 0 && phone.errors.length === 0, 'page errors: ' + errors.concat(phone.errors).join('; '));
    await phone.ctx.close();
    await ctx.close();
  }],

  ['desk: pre-review — the agent asks for a supplement, the resident redoes that material, the agent accepts', async ({ base, browser }) => {
    const req = await createRequest(base, 'prereview', { materials: ['photo', 'application'] });
    for (const [mid, colour] of [['photo', [200, 220, 250]], ['application', [240, 240, 230]]]) {
      const sha = await upload(base, req.id, req.token, mid, png(320, 220, colour));
      const r = await api(base, 'POST', `/api/v1/requests/${req.id}/materials/${mid}`, { upload: sha }, req.token);
      assert(r.status === 200, 'attach material: ' + JSON.stringify(r.body));
    }
    const { ctx, page, errors } = await openConsole(browser, base, '/desk/requests/' + req.id);
    await login(page, 'agent_ximei', 'ximei-demo-2025');
    await waitDesk(page, 's.detail_id === a', req.id);
    await clickIn(page, 'action-claim');
    await waitDesk(page, 's.detail_status === "assigned"');
    await clickIn(page, 'review-accept-application');
    await waitDesk(page, 's.action_notice.includes("合格")');
    await clickIn(page, 'review-supplement-photo');
    await typeInto(page, 'review-reason-photo', '照片背景不是白色，请换白色背景重新拍摄');
    await shot(page, '09-prereview-review');
    await clickIn(page, 'review-submit-photo');
    await waitDesk(page, 's.detail_status === "needs_supplement"');
    await shot(page, '10-prereview-needs-supplement');

    const seen = (await api(base, 'GET', `/api/v1/requests/${req.id}`, undefined, req.token)).body;
    const photo = seen.materials.find((m) => m.id === 'photo');
    assert(photo.state === 'needs_supplement' && photo.reason.includes('白色背景'), 'the resident sees what to redo: ' + JSON.stringify(photo));
    assert(seen.materials.find((m) => m.id === 'application').state === 'accepted', 'the accepted material stays accepted');
    const sha = await upload(base, req.id, req.token, 'photo', png(300, 400, [250, 250, 250]));
    const again = await api(base, 'POST', `/api/v1/requests/${req.id}/materials/photo`, { upload: sha }, req.token);
    assert(again.status === 200, 'redo: ' + JSON.stringify(again.body));
    // The console hears of it (live) and offers the review again.
    await waitDesk(page, 's.detail_status === "in_progress"');
    await clickIn(page, 'review-accept-photo');
    await waitDesk(page, 's.detail_status === "completed"');
    await shot(page, '11-prereview-passed');
    const done = (await api(base, 'GET', `/api/v1/requests/${req.id}`, undefined, req.token)).body;
    assert(done.prereview_passed === true && done.status === 'completed', 'pre-review passed: ' + JSON.stringify({ s: done.status, p: done.prereview_passed }));
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }],

  ['desk: batch proxy shows a per-person report; a supervisor sees every area\'s lights', async ({ base, browser }) => {
    const { ctx, page, errors } = await openConsole(browser, base, '/desk/batch');
    await login(page, 'agent_ximei', 'ximei-demo-2025');
    await waitDesk(page, 's.logged_in');
    const plate = await ximeiDoorplate(base);
    await typeInto(page, 'batch-csv', `姓名,身份证号码,手机号码,门牌码\n陈阿婆,350583198001011233,13905950001,${plate}\n王伯,350583198001011234,13905950002,${plate}\n`);
    await clickIn(page, 'batch-check');
    await waitDesk(page, 's.batch !== null || s.batch_error.length > 0');
    const b = (await deskState(page));
    assert(b.batch && b.batch.rows === 2 && b.batch.valid === 1 && b.batch.invalid === 1, 'report: ' + JSON.stringify(b.batch) + b.batch_error);
    await shot(page, '12-batch-report');
    await click(page, 'logout');
    await waitDesk(page, '!s.logged_in');
    await login(page, 'supervisor', 'supervisor-demo-2025');
    await waitDesk(page, 's.logged_in && s.user === "supervisor"');
    await click(page, 'nav-queue');
    await waitDesk(page, 's.rows.length > 0');
    await shot(page, '13-supervisor-queue');
    await click(page, 'nav-stats');
    // The dashboard on this server (no demo month): the help requests filed by the tests so far,
    // recorded by the server (the batch above made one proxy case).
    await waitDesk(page, 's.page === "stats" && s.stats.trend.state === "ready" && s.stats.areas.state === "ready"');
    const st = (await deskState(page)).stats;
    assert(st.help_services >= 1 && st.period === 'last30', 'stats of the test server: ' + JSON.stringify(st));
    await nextFrames(page);
    await shot(page, '14-supervisor-stats');
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }],
];
