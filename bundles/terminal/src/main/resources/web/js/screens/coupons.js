// 优惠券 (HQ): templates (list, create a 满减 / 代金 / 折扣 template, activate, stop), sending a template to
// members (by phone, a level, or every member: a job), and the claim and redemption records (领取记录, 核销记录)
// with the redemptions' export.
import { t } from '../i18n.js';
import { get, post, newKey, api } from '../api.js';
import { h, fill, field, table, pager, money, amountInput, amountOf, showError, clearErrors, busy, dateTime, today, toast } from '../dom.js';
import { follow, download } from '../parts/jobs.js';

const VIEWS = ['templates', 'send', 'claims', 'redemptions'];

export async function render(main, params) {
  const view = VIEWS.includes(params.view) ? params.view : 'templates';
  const tabs = h('div', { class: 'tabs' }, VIEWS.map((v) => h('a', { href: `#/coupons?view=${v}`, class: v === view ? 'active' : null, 'data-view': v }, t(`coupons.${v}`))));
  const body = h('div', { id: 'coupons-body' });
  fill(main, h('h2', {}, t('nav.coupons')), tabs, body);
  if (view === 'templates') await templates(body);
  else if (view === 'send') await send(body);
  else await records(body, view);
}

async function templates(body) {
  const list = h('div', { id: 'template-list' });
  const name = h('input', { name: 'name', 'data-field': 'name', maxlength: '50', id: 'template-name' });
  const kind = h('select', { name: 'kind', 'data-field': 'kind', id: 'template-kind' }, ['THRESHOLD', 'CASH', 'DISCOUNT'].map((k) => h('option', { value: k }, t(`coupon.kind.${k}`))));
  const value = amountInput('value', { id: 'template-value' });
  const minSpend = amountInput('minSpend', { id: 'template-min' });
  const rate = h('input', { name: 'discountRate', 'data-field': 'discountRate', inputmode: 'decimal', placeholder: '0.85' });
  const days = h('input', { name: 'validDays', 'data-field': 'validDays', inputmode: 'numeric', value: '30' });
  const stock = h('input', { name: 'stock', 'data-field': 'stock', inputmode: 'numeric', value: '1000' });
  const perMember = h('input', { name: 'perMemberLimit', 'data-field': 'perMemberLimit', inputmode: 'numeric', value: '1' });
  const form = h('form', { class: 'filters', id: 'template-form', novalidate: true }, h('h3', {}, t('coupons.create')),
    field(t('coupon.name'), name), field(t('coupon.kind'), kind), field(t('coupon.value'), value), field(t('coupon.minSpend'), minSpend),
    field(t('coupon.rate'), rate), field(t('coupon.validDays'), days), field(t('coupon.stock'), stock), field(t('coupon.perMember'), perMember),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'template-create' }, t('coupons.create'))));
  fill(body, list, form);
  const number = (input) => (input.value.trim() === '' ? null : Number(input.value));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    await busy(form, async () => {
      try {
        await post('/coupons/templates', {
          name: name.value.trim(), kind: kind.value, value: kind.value === 'DISCOUNT' ? null : amountOf(value),
          minSpend: amountOf(minSpend), discountRate: kind.value === 'DISCOUNT' ? number(rate) : null,
          validity: 'RELATIVE', validDays: number(days), stock: number(stock), perMemberLimit: number(perMember),
        });
        toast(t('action.saved'));
        await load(1);
      } catch (e) {
        showError(form, e);
      }
    });
  });
  async function load(page) {
    const p = await get('/coupons/templates', { page, size: 20 });
    fill(list, table([
      { label: t('coupon.name'), value: (x) => x.name },
      { label: t('coupon.kind'), value: (x) => t(`coupon.kind.${x.kind}`) },
      { label: t('coupon.value'), value: (x) => (x.kind === 'DISCOUNT' ? String(x.discountRate) : money(x.value)), class: 'num' },
      { label: t('coupon.minSpend'), value: (x) => money(x.minSpend), class: 'num' },
      { label: t('coupon.stock'), value: (x) => (x.stock == null ? '∞' : String(x.stock)), class: 'num' },
      { label: t('coupon.issued'), value: (x) => String(x.issued), class: 'num' },
      { label: t('import.status'), value: (x) => t(`template.status.${x.status}`) },
      { label: '', value: (x) => action(x) },
    ], p.items || []), pager(page, 20, p.total, load));
  }
  function action(x) {
    const go = async (what) => {
      try {
        await post(`/coupons/templates/${x.id}/${what}`);
        await load(1);
      } catch (e) {
        showError(list, e);
      }
    };
    if (x.status === 'DRAFT') return h('button', { type: 'button', class: 'link', 'data-activate': String(x.id), onclick: () => go('activate') }, t('coupons.activate'));
    if (x.status === 'ACTIVE') return h('button', { type: 'button', class: 'link', 'data-stop': String(x.id), onclick: () => go('stop') }, t('coupons.stop'));
    return '';
  }
  await load(1);
}

async function send(body) {
  const key = newKey();
  const active = await get('/coupons/templates', { status: 'ACTIVE', size: 200 });
  const levels = await get('/levels').catch(() => []);
  const template = h('select', { name: 'templateId', 'data-field': 'templateId', id: 'send-template' }, (active.items || []).map((x) => h('option', { value: String(x.id) }, x.name)));
  const target = h('select', { name: 'target', id: 'send-target' }, ['phones', 'level', 'all'].map((x) => h('option', { value: x }, t(`coupons.send.${x}`))));
  const phones = h('textarea', { name: 'phones', 'data-field': 'memberIds', rows: '3', placeholder: t('coupons.send.phonesHint'), id: 'send-phones' });
  const level = h('select', { name: 'levelId', 'data-field': 'levelId' }, (Array.isArray(levels) ? levels : levels.items || []).map((l) => h('option', { value: String(l.id) }, l.name)));
  const out = h('div', { id: 'send-result' });
  const form = h('form', { class: 'form', id: 'send-form', novalidate: true }, field(t('coupon.name'), template), field(t('coupons.send.to'), target),
    field(t('coupons.send.phones'), phones), field(t('member.level'), level),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'send-submit' }, t('coupons.send'))), out);
  fill(body, form);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    await busy(form, async () => {
      try {
        const request = { templateId: Number(template.value) };
        if (target.value === 'phones') {
          const ids = [];
          for (const p of phones.value.split(/[\s,，]+/).filter(Boolean)) ids.push((await get(`/members/by-phone/${p}`)).id);
          request.memberIds = ids;
        } else if (target.value === 'level') request.levelId = Number(level.value);
        else request.allMembers = true;
        const r = await post('/coupons/sends', request, { key });
        if (r.job) {
          await follow(r.job.id, out);
        } else {
          fill(out, h('p', { class: 'success', id: 'send-done' }, t('coupons.sent', { sent: (r.sent || []).length, refused: (r.refused || []).length })),
            (r.refused || []).length ? table([
              { label: t('member.no'), value: (x) => String(x.memberId) },
              { label: t('import.reason'), value: (x) => x.message || x.code },
            ], r.refused) : null);
        }
      } catch (e) {
        showError(form, e);
      }
    });
  });
}

async function records(body, view) {
  const end = today();
  const from = h('input', { type: 'date', name: 'from', 'data-field': 'from', value: `${end.slice(0, 8)}01` });
  const to = h('input', { type: 'date', name: 'to', 'data-field': 'to', value: end });
  const couponNo = h('input', { name: 'couponNo', 'data-field': 'couponNo', autocomplete: 'off' });
  const box = h('div', { id: 'records-export' });
  const form = h('form', { class: 'filters', id: 'records-query' }, field(t('filter.from'), from), field(t('filter.to'), to), field(t('coupon.no'), couponNo),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('action.search')),
      view === 'redemptions' ? h('button', { type: 'button', class: 'secondary', id: 'redemptions-export', onclick: () => exportRedemptions() }, t('export.request')) : null), box);
  const out = h('div', { id: 'records-result' });
  fill(body, form, out);
  const filters = () => ({ from: from.value, to: to.value, couponNo: couponNo.value.trim() });
  async function load(page) {
    clearErrors(form);
    try {
      const p = await get(`/coupons/records/${view}`, { ...filters(), page, size: 20 });
      const columns = view === 'claims' ? [
        { label: t('coupon.no'), value: (r) => r.couponNo, class: 'mono' },
        { label: t('coupon.name'), value: (r) => r.templateName },
        { label: t('member.name'), value: (r) => r.memberName || '' },
        { label: t('card.store'), value: (r) => r.storeName || '' },
        { label: t('coupons.channel'), value: (r) => r.channel || r.issueType || '' },
        { label: t('import.status'), value: (r) => t(`coupon.state.${r.state}`) },
        { label: t('entry.time'), value: (r) => dateTime(r.claimedAt) },
      ] : [
        { label: t('coupon.no'), value: (r) => r.couponNo, class: 'mono' },
        { label: t('coupon.name'), value: (r) => r.templateName },
        { label: t('member.name'), value: (r) => r.memberName || '' },
        { label: t('card.store'), value: (r) => r.storeName || '' },
        { label: t('receipt.orderNo'), value: (r) => r.orderNo || '' },
        { label: t('report.discount'), value: (r) => money(r.discount), class: 'num' },
        { label: t('entry.time'), value: (r) => dateTime(r.redeemedAt) },
      ];
      fill(out, table(columns, p.items || []), pager(page, 20, p.total, load));
    } catch (e) {
      showError(form, e);
    }
  }
  async function exportRedemptions() {
    clearErrors(form);
    try {
      const r = await api('POST', '/coupons/records/redemptions/export', { query: { ...filters(), format: 'xlsx' } });
      const done = await follow(r.id, box);
      if (done.status === 'SUCCEEDED') box.append(h('button', { type: 'button', class: 'link', onclick: () => download(done) }, t('export.download', { name: done.resultName || '' })));
    } catch (e) {
      showError(form, e);
    }
  }
  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(1); });
  await load(1);
}
