// Round trips between the resident's phone app and the agent console (/desk), both driven in
// the browser against the real server: 视频帮办 booked in the app, another time proposed in the
// console and accepted in the app; pictures both ways in 问一问; 撤回申请 with its confirmation;
// a bad rating's follow-up opened and closed by a supervisor.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { artifacts, assert, click, desktopContext, hitbox, waitForAppState, waitForPath } from './harness.mjs';
import { api, clickIn, deskState, nextFrames, png, scrollTo, staffToken, waitDesk, ximeiDoorplate } from './desk_fixtures.mjs';
import { mine, openPhone, showOnScreen, tapOnScreen, typeInChat, waitHelp } from './phone_fixtures.mjs';

const shot = (page, name) => page.screenshot({ path: path.join(artifacts, `round-${name}.png`) });

async function createQuestion(base, plate, text) {
  const r = await api(base, 'POST', '/api/v1/requests', {
    kind: 'question', item_id: 'id-card-renewal', doorplate: plate,
    contact: { name: '林秀英', phone: '13905951234' }, payload: { text } });
  assert(r.status === 201, 'create request: ' + JSON.stringify(r));
  return r.body;
}
function pictureFile(name, size, colour) {
  const file = path.join(artifacts, name);
  writeFileSync(file, png(size[0], size[1], colour));
  return file;
}

// ---- the console ----
async function openConsole(browser, base, urlPath, username, password) {
  const ctx = await desktopContext(browser);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + urlPath);
  assert((await waitForAppState(page)).state === 'ready', 'console not ready');
  await page.waitForSelector('#field-login-user', { state: 'visible' });
  await page.fill('#field-login-user', username);
  await page.fill('#field-login-password', password);
  await click(page, 'login');
  await waitDesk(page, 's.logged_in');
  return { ctx, page, errors };
}
export const tests = [
  ['视频帮办: booked in the app, another time proposed in /desk, accepted in the app, confirmed on both', async ({ base, browser }) => {
    const plate = await ximeiDoorplate(base);
    const phone = await openPhone(browser, base, `/d/${plate}/help/video?item=id-card-renewal`);
    const { page: rp, cdp } = phone;
    for (const [f, v] of [['f-name', '林秀英'], ['f-phone', '13905951234']]) {
      await showOnScreen(rp, cdp, 'field-' + f);
      await rp.locator('#field-' + f).fill(v);
    }
    await tapOnScreen(rp, cdp, 'slot-0');
    await rp.waitForTimeout(300);
    await shot(rp, '01-video-slot-chosen');
    await tapOnScreen(rp, cdp, '预约这个时间');
    await waitForPath(rp, /\/requests\/\d+$/, 30000);
    await waitHelp(rp, 's.video === "requested"');
    await showOnScreen(rp, cdp, 'video-requested');
    await shot(rp, '02-video-requested-phone');
    const [made] = await rp.evaluate(() => JSON.parse(localStorage.getItem('doorplate:requests') || '[]'));
    const requested = (await api(base, 'GET', `/api/v1/requests/${made.id}`, undefined, made.token)).body.video.requested_at;
    assert(requested > 0, 'the resident\'s slot is stored');

    // The agent claims it and proposes another free time of the town.
    const { ctx, page, errors } = await openConsole(browser, base, '/desk/requests/' + made.id, 'agent_ximei', 'ximei-demo-2025');
    await waitDesk(page, 's.detail_id === a && s.video === "requested"', Number(made.id));
    await clickIn(page, 'action-claim');
    await waitDesk(page, 's.detail_status === "assigned"');
    await clickIn(page, 'video-propose');
    await waitDesk(page, 's.video_slots > 1');
    await nextFrames(page);
    const other = await page.evaluate((req) => (window.Module.dpHitboxes || [])
      .find((h) => h.id.startsWith('video-slot-') && h.id !== 'video-slot-' + req) || null, requested);
    assert(other, 'another slot is offered');
    const proposedAt = Number(other.id.slice('video-slot-'.length));
    await clickIn(page, other.id);
    await nextFrames(page);
    await shot(page, '03-desk-propose-slot');
    await clickIn(page, 'video-send-proposal');
    await waitDesk(page, 's.video === "proposed"');
    await nextFrames(page);
    await shot(page, '04-desk-proposed');

    // The phone hears of it live and the resident accepts the new time.
    await waitHelp(rp, 's.video === "proposed"');
    await showOnScreen(rp, cdp, 'video-accept');
    await shot(rp, '05-video-proposed-phone');
    await tapOnScreen(rp, cdp, 'video-accept');
    await waitHelp(rp, 's.video === "confirmed"');
    await showOnScreen(rp, cdp, 'video-confirmed');
    await rp.waitForTimeout(300);
    await shot(rp, '06-video-confirmed-phone');
    const v = (await api(base, 'GET', `/api/v1/requests/${made.id}`, undefined, made.token)).body.video;
    assert(v.state === 'confirmed' && v.confirmed_at === proposedAt, 'confirmed at the proposed time: ' + JSON.stringify(v));
    // The console shows it confirmed without a reload.
    await waitDesk(page, 's.video === "confirmed"');
    await nextFrames(page);
    await shot(page, '07-desk-confirmed');

    // Another resident's time, confirmed as asked: the phone shows the confirmed time.
    const slots = (await api(base, 'GET', `/api/v1/help/video-slots?doorplate=${plate}`)).body.slots;
    const second = await api(base, 'POST', '/api/v1/requests', {
      kind: 'video', item_id: 'id-card-renewal', doorplate: plate, contact: { name: '陈阿婆', phone: '13905950001' },
      payload: { slot_at: slots[slots.length - 1].at } });
    assert(second.status === 201, 'second video request: ' + JSON.stringify(second.body));
    const phone2 = await openPhone(browser, base, `/d/${plate}/requests/${second.body.id}`, [mine(second.body, plate, 'video')]);
    await waitHelp(phone2.page, 's.video === "requested"');
    await page.goto(`${base}/desk/requests/${second.body.id}`);
    await waitForAppState(page);
    await waitDesk(page, 's.detail_id === a && s.video === "requested"', second.body.id);
    await clickIn(page, 'action-claim');
    await waitDesk(page, 's.detail_status === "assigned"');
    await clickIn(page, 'video-confirm');
    await waitDesk(page, 's.video === "confirmed"');
    await waitHelp(phone2.page, 's.video === "confirmed"');
    await showOnScreen(phone2.page, phone2.cdp, 'video-confirmed');
    await phone2.page.waitForTimeout(300);
    await shot(phone2.page, '07b-video-confirmed-as-asked-phone');
    const v2 = (await api(base, 'GET', `/api/v1/requests/${second.body.id}`, undefined, second.body.token)).body.video;
    assert(v2.state === 'confirmed' && v2.confirmed_at === slots[slots.length - 1].at, 'confirmed as asked: ' + JSON.stringify(v2));
    assert(errors.length === 0 && phone.errors.length === 0 && phone2.errors.length === 0,
      'page errors: ' + errors.concat(phone.errors, phone2.errors).join('; '));
    await phone2.ctx.close();
    await phone.ctx.close();
    await ctx.close();
  }],

  ['问一问 pictures: the resident sends one from the gallery, the agent sees it and sends one back', async ({ base, browser }) => {
    const plate = await ximeiDoorplate(base);
    const req = await createQuestion(base, plate, '我的户口簿这一页拍得清楚吗？');
    const phone = await openPhone(browser, base, `/d/${plate}/requests/${req.id}`, [mine(req, plate)]);
    const { page: rp, cdp } = phone;
    const chooser = rp.waitForEvent('filechooser');
    await tapOnScreen(rp, cdp, 'chat-gallery');
    await (await chooser).setFiles(pictureFile('round-resident-picture.png', [480, 360], [120, 170, 230]));
    await waitHelp(rp, 's.chat.some((m) => m.side === "resident" && m.picture)', undefined, 40000);
    const msgs = (await api(base, 'GET', `/api/v1/requests/${req.id}/messages`, undefined, req.token)).body.messages;
    const sent = msgs.find((m) => m.side === 'resident' && m.upload);
    assert(sent && sent.upload.mime === 'image/jpeg', 'the picture is a chat message on the server: ' + JSON.stringify(msgs));
    await showOnScreen(rp, cdp, 'msg-picture-' + sent.id);
    await rp.waitForTimeout(800);
    await shot(rp, '08-chat-picture-sent-phone');

    const { ctx, page, errors } = await openConsole(browser, base, '/desk/requests/' + req.id, 'agent_ximei', 'ximei-demo-2025');
    await waitDesk(page, 's.detail_id === a && s.messages.some((m) => m.side === "resident" && m.picture)', req.id);
    await clickIn(page, 'action-claim');
    await waitDesk(page, 's.detail_status === "assigned"');
    await scrollTo(page, 'msg-picture-' + sent.id);
    await page.waitForTimeout(800);
    await shot(page, '09-desk-sees-picture');
    const deskChooser = page.waitForEvent('filechooser');
    await clickIn(page, 'send-picture');
    await (await deskChooser).setFiles(pictureFile('round-agent-picture.png', [400, 300], [240, 200, 120]));
    await waitDesk(page, 's.messages.some((m) => m.side === "agent" && m.picture)');
    const back = (await deskState(page)).messages.find((m) => m.side === 'agent' && m.picture);
    await scrollTo(page, 'msg-picture-' + back.id);
    await page.waitForTimeout(800);
    await shot(page, '10-desk-sent-picture');

    // The phone shows the agent's picture live (fetched with the request's token).
    await waitHelp(rp, 's.chat.some((m) => m.side === "agent" && m.picture)');
    await showOnScreen(rp, cdp, 'msg-picture-' + back.id);
    await rp.waitForTimeout(1000);
    await shot(rp, '11-chat-picture-received-phone');
    assert(errors.length === 0 && phone.errors.length === 0, 'page errors: ' + errors.concat(phone.errors).join('; '));
    await phone.ctx.close();
    await ctx.close();
  }],

  ['撤回申请: asked to confirm (不撤回 keeps it), withdrawn, the console shows 已撤回', async ({ base, browser }) => {
    const plate = await ximeiDoorplate(base);
    const req = await createQuestion(base, plate, '想问问换证要多久？');
    const phone = await openPhone(browser, base, `/d/${plate}/requests/${req.id}`, [mine(req, plate)]);
    const { page: rp, cdp } = phone;
    await tapOnScreen(rp, cdp, 'withdraw');
    await waitHelp(rp, 's.confirm_withdraw === true');
    await showOnScreen(rp, cdp, 'withdraw-question');
    await shot(rp, '12-withdraw-confirm');
    await tapOnScreen(rp, cdp, 'withdraw-no');
    await waitHelp(rp, 's.confirm_withdraw === false');
    assert((await api(base, 'GET', `/api/v1/requests/${req.id}`, undefined, req.token)).body.status === 'submitted',
      '不撤回 leaves the request as it was');
    await tapOnScreen(rp, cdp, 'withdraw');
    await tapOnScreen(rp, cdp, 'withdraw-yes');
    await waitHelp(rp, 's.status === "withdrawn"');
    await showOnScreen(rp, cdp, 'status-withdrawn');
    await shot(rp, '13-withdrawn-phone');
    assert((await api(base, 'GET', `/api/v1/requests/${req.id}`, undefined, req.token)).body.status === 'withdrawn',
      'the server has it withdrawn');

    const { ctx, page, errors } = await openConsole(browser, base, '/desk/requests/' + req.id, 'agent_ximei', 'ximei-demo-2025');
    await waitDesk(page, 's.detail_id === a && s.detail_status === "withdrawn"', req.id);
    await waitDesk(page, 's.rows.some((r) => r.id === a && r.status === "withdrawn")', req.id);
    await nextFrames(page);
    await shot(page, '14-desk-withdrawn');
    assert(errors.length === 0 && phone.errors.length === 0, 'page errors: ' + errors.concat(phone.errors).join('; '));
    await phone.ctx.close();
    await ctx.close();
  }],

  ['差评回访: a 不满意 rating opens a follow-up; the supervisor opens it and closes it with a note', async ({ base, browser }) => {
    const plate = await ximeiDoorplate(base);
    const req = await createQuestion(base, plate, '上次来办证排队太久了。');
    const agent = await staffToken(base, 'agent_ximei', 'ximei-demo-2025');
    for (const [a, body] of [['claim', {}], ['start', {}], ['complete', { result: '已答复办理时间' }]]) {
      const r = await api(base, 'POST', `/api/v1/desk/requests/${req.id}/${a}`, body, agent);
      assert(r.status === 200, a + ': ' + JSON.stringify(r.body));
    }
    const rated = await api(base, 'POST', `/api/v1/requests/${req.id}/rate`, { score: 2, comment: '回复太慢了' }, req.token);
    assert(rated.status === 200, 'rate: ' + JSON.stringify(rated.body));

    const { ctx, page, errors } = await openConsole(browser, base, '/desk', 'supervisor', 'supervisor-demo-2025');
    await click(page, 'nav-follow-ups');
    await waitDesk(page, 's.page === "follow_ups" && s.follow_ups.some((f) => f.number === a)', req.number);
    const f = (await deskState(page)).follow_ups.find((x) => x.number === req.number);
    assert(f.state === 'open' && f.label === '不满意', 'an open follow-up: ' + JSON.stringify(f));
    await nextFrames(page);
    await shot(page, '15-follow-ups-open');
    // An empty note is refused with a clear message.
    await clickIn(page, 'follow-close-' + f.id);
    await clickIn(page, 'follow-submit-' + f.id);
    await waitDesk(page, 's.follow_error.includes("回访说明")');
    await scrollTo(page, 'field:follow-note-' + f.id);
    await page.fill('#field-follow-note-' + f.id, '已电话回访，居民反映答复慢；已提醒帮办员两小时内答复。');
    await shot(page, '16-follow-up-note');
    await clickIn(page, 'follow-submit-' + f.id);
    await waitDesk(page, 's.follow_notice.length > 0 && !s.follow_ups.some((x) => x.id === a)', f.id);
    await click(page, 'follow-filter-closed');
    await waitDesk(page, 's.follow_filter === "closed" && s.follow_ups.some((x) => x.id === a && x.note.includes("电话回访"))', f.id);
    await nextFrames(page);
    await shot(page, '17-follow-up-closed');
    const list = await api(base, 'GET', '/api/v1/desk/follow-ups?state=closed', undefined,
      await staffToken(base, 'supervisor', 'supervisor-demo-2025'));
    assert(list.body.follow_ups.some((x) => x.id === f.id && x.state === 'closed'), 'closed on the server');
    // 查看申请 opens the request in the console.
    await clickIn(page, 'follow-open-' + f.id);
    await waitDesk(page, 's.detail_id === a && s.detail_status === "rated"', req.id);
    await nextFrames(page);
    await shot(page, '18-follow-up-request');
    assert(errors.length === 0, 'page errors: ' + errors.join('; '));
    await ctx.close();
  }],
];
