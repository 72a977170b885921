// 营销活动 (HQ): the activities (referral, coupon sends, recharge promotions, pay-to-join) with their window, budget
// and use, activated, paused and ended here; and the member levels (threshold of experience, discount rate),
// created and changed here. Activities are created over the API (their rewards are specified there).
import { t } from '../i18n.js';
import { get, post, put } from '../api.js';
import { h, fill, field, table, pager, showError, clearErrors, busy, dateTime, toast } from '../dom.js';

export async function render(main, params) {
  const view = params.view === 'levels' ? 'levels' : 'activities';
  const tabs = h('div', { class: 'tabs' }, ['activities', 'levels'].map((v) => h('a', { href: `#/marketing?view=${v}`, class: v === view ? 'active' : null, 'data-view': v }, t(`marketing.${v}`))));
  const body = h('div', { id: 'marketing-body' });
  fill(main, h('h2', {}, t('nav.marketing')), tabs, body);
  if (view === 'levels') await levels(body);
  else await activities(body);
}

async function activities(body) {
  async function load(page) {
    const p = await get('/marketing/activities', { page, size: 20 });
    fill(body, table([
      { label: t('coupon.name'), value: (a) => a.name },
      { label: t('marketing.type'), value: (a) => t(`marketing.type.${a.type}`) },
      { label: t('import.status'), value: (a) => t(`marketing.status.${a.status}`) },
      { label: t('filter.from'), value: (a) => dateTime(a.startsAt) },
      { label: t('filter.to'), value: (a) => dateTime(a.endsAt) },
      { label: t('marketing.budget'), value: (a) => `${a.used}/${a.budget == null ? '∞' : a.budget}`, class: 'num' },
      { label: '', value: (a) => h('span', {}, actions(a).map(([what, label]) => h('button', { type: 'button', class: 'link', 'data-activity': `${a.id}-${what}`, onclick: () => act(a, what) }, t(label)))) },
    ], p.items || []), pager(page, 20, p.total, load), h('p', { class: 'note' }, t('marketing.createNote')));
  }
  function actions(a) {
    if (a.status === 'DRAFT' || a.status === 'PAUSED') return [['activate', 'coupons.activate'], ['end', 'marketing.end']];
    if (a.status === 'ACTIVE') return [['pause', 'marketing.pause'], ['end', 'marketing.end']];
    return [];
  }
  async function act(a, what) {
    try {
      await post(`/marketing/activities/${a.id}/${what}`);
      await load(1);
    } catch (e) {
      showError(body, e);
    }
  }
  await load(1);
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
