// 营销活动 (HQ): the activities (referral, coupon sends, recharge promotions, pay-to-join) with their window, budget
// and use — created with their rewards (parts/activity-form.js), activated, paused, ended, and a coupon send's
// rewards sent to a segment of members; and the member levels (threshold of experience, discount rate).
import { t } from '../i18n.js';
import { get, post, put, newKey } from '../api.js';
import { h, fill, field, table, pager, showError, clearErrors, busy, dateTime, toast, today, amountInput, amountOf } from '../dom.js';
import { context } from '../nav.js';
import { activityForm } from '../parts/activity-form.js';
import { follow } from '../parts/jobs.js';

const SEGMENTS = ['ALL', 'LEVEL', 'STORE', 'REGISTERED', 'SPEND'];

export async function render(main, params) {
  const view = params.view === 'levels' ? 'levels' : 'activities';
  const tabs = h('div', { class: 'tabs' }, ['activities', 'levels'].map((v) => h('a', { href: `#/marketing?view=${v}`, class: v === view ? 'active' : null, 'data-view': v }, t(`marketing.${v}`))));
  const body = h('div', { id: 'marketing-body' });
  fill(main, h('h2', {}, t('nav.marketing')), tabs, body);
  if (view === 'levels') await levels(body);
  else await activities(body);
}

async function activities(body) {
  const list = h('div', { id: 'activity-list' });
  const panel = h('div', { id: 'activity-send' });
  async function load(page) {
    const p = await get('/marketing/activities', { page, size: 20 });
    fill(list, table([
      { label: t('marketing.name'), value: (a) => a.name },
      { label: t('marketing.type'), value: (a) => t(`marketing.type.${a.type}`) },
      { label: t('import.status'), value: (a) => t(`marketing.status.${a.status}`) },
      { label: t('filter.from'), value: (a) => dateTime(a.startsAt) },
      { label: t('filter.to'), value: (a) => dateTime(a.endsAt) },
      { label: t('marketing.budget'), value: (a) => `${a.used}/${a.budget == null ? '∞' : a.budget}`, class: 'num' },
      { label: '', value: (a) => h('span', {}, actions(a).map(([what, label]) => h('button', { type: 'button', class: 'link', 'data-activity': `${a.id}-${what}`, onclick: () => act(a, what) }, t(label)))) },
    ], p.items || []), pager(page, 20, p.total, load));
  }
  function actions(a) {
    if (a.status === 'DRAFT' || a.status === 'PAUSED') return [['activate', 'coupons.activate'], ['end', 'marketing.end']];
    if (a.status === 'ACTIVE') return [...(a.type === 'COUPON_SEND' ? [['send', 'marketing.send']] : []), ['pause', 'marketing.pause'], ['end', 'marketing.end']];
    return [];
  }
  async function act(a, what) {
    if (what === 'send') {
      fill(panel, await sendForm(a));
      return;
    }
    try {
      await post(`/marketing/activities/${a.id}/${what}`);
      await load(1);
    } catch (e) {
      showError(list, e);
    }
  }
  fill(body, list, panel, await activityForm(() => load(1)));
  await load(1);
}

// Sends a COUPON_SEND activity's rewards to a segment of members, now (a job followed to its end) or at a set time.
async function sendForm(activity) {
  // One key per send: a retry after a lost answer is the same send; a new one after an answer.
  let key = newKey();
  const levelList = await get('/levels').catch(() => []);
  const kind = h('select', { name: 'kind', 'data-field': 'segment.kind', id: 'segment-kind' }, SEGMENTS.map((x) => h('option', { value: x }, t(`marketing.segment.${x}`))));
  const level = h('select', { name: 'levelId', 'data-field': 'segment.levelId' }, levelList.map((l) => h('option', { value: String(l.id) }, l.name)));
  const store = h('select', { name: 'storeId', 'data-field': 'segment.storeId' }, context.stores.map((s) => h('option', { value: String(s.id) }, `${s.code} ${s.name}`)));
  const from = h('input', { type: 'date', name: 'from', 'data-field': 'segment.from' });
  const to = h('input', { type: 'date', name: 'to', 'data-field': 'segment.to', value: today() });
  const fromMonth = h('input', { type: 'month', name: 'fromMonth', 'data-field': 'segment.fromMonth' });
  const toMonth = h('input', { type: 'month', name: 'toMonth', 'data-field': 'segment.toMonth', value: today().slice(0, 7) });
  const minSpend = amountInput('minSpend');
  minSpend.dataset.field = 'segment.minSpend';
  const runAt = h('input', { type: 'datetime-local', name: 'runAt', 'data-field': 'runAt' });
  const f = {
    level: field(t('member.level'), level), store: field(t('card.store'), store), from: field(t('filter.from'), from), to: field(t('filter.to'), to),
    fromMonth: field(t('marketing.fromMonth'), fromMonth), toMonth: field(t('marketing.toMonth'), toMonth), minSpend: field(t('coupon.minSpend'), minSpend),
  };
  const sync = () => {
    f.level.hidden = kind.value !== 'LEVEL';
    f.store.hidden = kind.value !== 'STORE';
    f.from.hidden = f.to.hidden = kind.value !== 'REGISTERED';
    f.fromMonth.hidden = f.toMonth.hidden = f.minSpend.hidden = kind.value !== 'SPEND';
  };
  kind.addEventListener('change', sync);
  sync();
  const out = h('div', { id: 'segment-result' });
  const form = h('form', { class: 'filters', id: 'segment-form', novalidate: true }, h('h3', {}, t('marketing.sendTitle', { name: activity.name })),
    field(t('marketing.segment'), kind), f.level, f.store, f.from, f.to, f.fromMonth, f.toMonth, f.minSpend,
    field(t('marketing.runAt'), runAt, t('marketing.runNow')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'segment-send' }, t('marketing.send'))), out);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const segment = { kind: kind.value };
    if (kind.value === 'LEVEL') segment.levelId = Number(level.value);
    if (kind.value === 'STORE') segment.storeId = Number(store.value);
    if (kind.value === 'REGISTERED') Object.assign(segment, { from: from.value || null, to: to.value || null });
    if (kind.value === 'SPEND') Object.assign(segment, { fromMonth: fromMonth.value || null, toMonth: toMonth.value || null, minSpend: amountOf(minSpend) });
    await busy(form, async () => {
      try {
        const sent = await post('/marketing/sends', { activityId: activity.id, segment, runAt: runAt.value ? `${runAt.value}:00+08:00` : null }, { key });
        key = newKey();
        if (sent.jobId) await follow(sent.jobId, out);
        else fill(out, h('p', { class: 'success' }, t(`marketing.sendState.${sent.state}`)));
      } catch (e) {
        if (e.status >= 400 && e.status < 500) key = newKey();
        showError(form, e);
      }
    });
  });
  return form;
}

async function levels(body) {
  const list = h('div', { id: 'level-list' });
  const name = h('input', { name: 'name', 'data-field': 'name', maxlength: '50' });
  const threshold = h('input', { name: 'threshold', 'data-field': 'threshold', inputmode: 'numeric' });
  const rate = h('input', { name: 'discountRate', 'data-field': 'discountRate', inputmode: 'decimal', placeholder: '0.95' });
  const form = h('form', { class: 'filters', id: 'level-form', novalidate: true }, h('h3', {}, t('marketing.levels.new')),
    field(t('coupon.name'), name), field(t('marketing.threshold'), threshold), field(t('marketing.rate'), rate),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('action.save'))));
  let editing = null;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    await busy(form, async () => {
      try {
        const level = { name: name.value.trim(), threshold: threshold.value === '' ? null : Number(threshold.value), discountRate: rate.value === '' ? null : Number(rate.value) };
        if (editing) await put(`/levels/${editing}`, level);
        else await post('/levels', level);
        editing = null;
        form.reset();
        toast(t('action.saved'));
        await load();
      } catch (e) {
        showError(form, e);
      }
    });
  });
  async function load() {
    fill(list, table([
      { label: t('coupon.name'), value: (l) => l.name },
      { label: t('marketing.threshold'), value: (l) => String(l.threshold ?? ''), class: 'num' },
      { label: t('marketing.rate'), value: (l) => (l.discountRate == null ? '' : String(l.discountRate)), class: 'num' },
      { label: t('marketing.members'), value: (l) => String(l.memberCount), class: 'num' },
      { label: '', value: (l) => h('button', { type: 'button', class: 'link', onclick: () => {
        editing = l.id;
        name.value = l.name;
        threshold.value = l.threshold ?? '';
        rate.value = l.discountRate ?? '';
        name.focus();
      } }, t('member.edit')) },
    ], await get('/levels')));
  }
  fill(body, list, form);
  await load();
}
