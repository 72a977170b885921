// 积分: a member's points at the counter (available, pending, debt, expiring next; the journal; the points mall:
// a coupon for points, in one step), and (HQ) the earning rules: spend rules (points per yuan) and activity rules
// (registration, first purchase, recharge, birthday), activated and stopped.
import { t } from '../i18n.js';
import { get, post, newKey } from '../api.js';
import * as session from '../session.js';
import { h, fill, field, table, pager, showError, clearErrors, busy, dateTime, toast, money } from '../dom.js';
import { memberPicker } from '../parts/member-picker.js';

export async function render(main, params) {
  const view = session.isHq() && params.view !== 'member' ? 'rules' : 'member';
  const tabs = session.isHq() ? h('div', { class: 'tabs' }, ['rules', 'member'].map((v) => h('a', { href: `#/points?view=${v}`, class: v === view ? 'active' : null, 'data-view': v }, t(`points.${v}`)))) : null;
  const body = h('div', { id: 'points-body' });
  fill(main, h('h2', {}, t('nav.points')), tabs, body);
  if (view === 'rules') await rules(body);
  else fill(body, memberPicker((m) => member(body, m)), h('div', { id: 'points-member' }));
}

async function member(body, m) {
  const box = body.querySelector('#points-member');
  const accounts = await get('/points/accounts', { memberId: m.id });
  const journal = await get('/points/journal', { memberId: m.id, page: 1, size: 20 });
  const items = await get('/points/mall', { memberId: m.id, storeId: session.current().storeId }).catch(() => []);
  const a = accounts[0] || { available: 0, pending: 0, debt: 0 };
  fill(box,
    h('div', { class: 'totals big', id: 'points-balance' },
      h('span', {}, t('points.available'), ' ', h('strong', { 'data-name': 'available' }, String(a.available))),
      h('span', {}, t('points.pending'), ' ', h('strong', {}, String(a.pending))),
      h('span', {}, t('points.debt'), ' ', h('strong', {}, String(a.debt || 0))),
      a.expiringNext ? h('span', {}, t('points.expiring', { points: a.expiringNext, date: a.expiringNextLastDay })) : null),
    items.length ? h('section', { id: 'points-mall' }, h('h3', {}, t('points.mall')), table([
      { label: t('coupon.name'), value: (i) => i.name },
      { label: t('coupon.value'), value: (i) => money(i.value), class: 'num' },
      { label: t('points.price'), value: (i) => String(i.pointsPrice), class: 'num' },
      { label: t('coupon.stock'), value: (i) => (i.stockLeft == null ? '∞' : String(i.stockLeft)), class: 'num' },
      { label: '', value: (i) => (i.affordable && session.hasRole('CLERK', 'STORE_MANAGER') ? h('button', { type: 'button', class: 'link', 'data-exchange': String(i.templateId), onclick: () => exchange(i) }, t('points.exchange')) : '') },
    ], items)) : null,
    h('h3', {}, t('points.journal')),
    table([
      { label: t('entry.time'), value: (e) => e.businessDate || '' },
      { label: t('entry.type'), value: (e) => t(`points.entry.${e.type}`) },
      { label: t('points.available'), value: (e) => String(e.availableDelta), class: 'num' },
      { label: t('points.pending'), value: (e) => String(e.pendingDelta), class: 'num' },
      { label: t('points.after'), value: (e) => String(e.availableAfter), class: 'num' },
      { label: t('entry.remark'), value: (e) => e.reference || '' },
    ], journal.items || []));

  async function exchange(item) {
    try {
      await post('/points/exchanges', { memberId: m.id, templateId: item.templateId, pointsPrice: item.pointsPrice, storeId: session.current().storeId }, { key: newKey() });
      toast(t('points.exchanged', { name: item.name }));
      await member(body, m);
    } catch (e) {
      showError(box, e);
    }
  }
}

async function rules(body) {
  const list = h('div', { id: 'rule-list' });
  const name = h('input', { name: 'name', 'data-field': 'name', maxlength: '50', id: 'rule-name' });
  const kind = h('select', { name: 'kind', 'data-field': 'kind', id: 'rule-kind' }, ['SPEND', 'ACTIVITY'].map((k) => h('option', { value: k }, t(`points.kind.${k}`))));
  const perYuan = h('input', { name: 'pointsPerYuan', 'data-field': 'pointsPerYuan', inputmode: 'decimal', value: '1', id: 'rule-per-yuan' });
  const activity = h('select', { name: 'activity', 'data-field': 'activity' }, ['REGISTER', 'FIRST_PURCHASE', 'RECHARGE', 'BIRTHDAY'].map((k) => h('option', { value: k }, t(`points.activity.${k}`))));
  const fixed = h('input', { name: 'fixedPoints', 'data-field': 'fixedPoints', inputmode: 'numeric' });
  const form = h('form', { class: 'filters', id: 'rule-form', novalidate: true }, h('h3', {}, t('points.rules.new')),
    field(t('coupon.name'), name), field(t('points.kind'), kind), field(t('points.perYuan'), perYuan), field(t('points.activity'), activity), field(t('points.fixed'), fixed),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'rule-create' }, t('action.save'))));
  fill(body, list, form);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    await busy(form, async () => {
      try {
        const spend = kind.value === 'SPEND';
        await post('/points/rules', {
          name: name.value.trim(), kind: kind.value, pointsPerYuan: spend && perYuan.value ? Number(perYuan.value) : null,
          activity: spend ? null : activity.value, fixedPoints: !spend && fixed.value ? Number(fixed.value) : null,
        });
        toast(t('action.saved'));
        await load(1);
      } catch (e) {
        showError(form, e);
      }
    });
  });
  async function load(page) {
    const p = await get('/points/rules', { page, size: 20 });
    fill(list, table([
      { label: t('coupon.name'), value: (r) => r.name },
      { label: t('points.kind'), value: (r) => (r.kind === 'ACTIVITY' ? t(`points.activity.${r.activity}`) : t('points.kind.SPEND')) },
      { label: t('points.perYuan'), value: (r) => (r.pointsPerYuan == null ? '' : String(r.pointsPerYuan)), class: 'num' },
      { label: t('points.fixed'), value: (r) => (r.fixedPoints == null ? '' : String(r.fixedPoints)), class: 'num' },
      { label: t('import.status'), value: (r) => t(`template.status.${r.status}`) },
      { label: t('import.at'), value: (r) => dateTime(r.updatedAt || r.createdAt) },
      { label: '', value: (r) => (r.status === 'DRAFT' ? h('button', { type: 'button', class: 'link', 'data-activate': String(r.id), onclick: () => act(r, 'activate') }, t('coupons.activate'))
        : r.status === 'ACTIVE' ? h('button', { type: 'button', class: 'link', onclick: () => act(r, 'stop') }, t('coupons.stop')) : '') },
    ], p.items || []), pager(page, 20, p.total, load));
  }
  async function act(r, what) {
    try {
      await post(`/points/rules/${r.id}/${what}`);
      await load(1);
    } catch (e) {
      showError(list, e);
    }
  }
  await load(1);
}
