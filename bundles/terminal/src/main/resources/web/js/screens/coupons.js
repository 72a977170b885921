// 优惠券 (HQ): templates (list; create any kind — 满减, 代金, 折扣, 单品, 兑换 — with its stores or formats, its items,
// a fixed or relative validity and a points price for the mall; activate, stop), sending a template to
// members (by phone, a level, or every member: a job), and the claim and redemption records (领取记录, 核销记录)
// with the redemptions' export.
import { t } from '../i18n.js';
import { get, post, newKey, api } from '../api.js';
import { h, fill, field, table, pager, money, amountInput, amountOf, showError, clearErrors, busy, dateTime, today, toast } from '../dom.js';
import { follow, download } from '../parts/jobs.js';
import { context } from '../nav.js';

const VIEWS = ['templates', 'send', 'claims', 'redemptions'];
const KINDS = ['THRESHOLD', 'CASH', 'DISCOUNT', 'SINGLE_ITEM', 'EXCHANGE'];

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
  const formatList = await get('/formats').catch(() => []);
  const name = h('input', { name: 'name', 'data-field': 'name', maxlength: '100', id: 'template-name' });
  const kind = h('select', { name: 'kind', 'data-field': 'kind', id: 'template-kind' }, KINDS.map((k) => h('option', { value: k }, t(`coupon.kind.${k}`))));
  const value = amountInput('value', { id: 'template-value' });
  const mode = h('select', { name: 'singleItemMode', 'data-field': 'singleItemMode', id: 'template-mode' }, ['AMOUNT_OFF', 'FIXED_PRICE'].map((m) => h('option', { value: m }, t(`coupon.mode.${m}`))));
  const minSpend = amountInput('minSpend', { id: 'template-min' });
  const rate = h('input', { name: 'discountRate', 'data-field': 'discountRate', inputmode: 'decimal', placeholder: '0.85', id: 'template-rate' });
  const cap = amountInput('discountCap', { id: 'template-cap' });
  const units = h('input', { name: 'maxUnits', 'data-field': 'maxUnits', inputmode: 'numeric', value: '1', id: 'template-units' });
  const productScope = h('select', { name: 'productScope', 'data-field': 'productScope', id: 'template-product-scope' }, ['ALL', 'LISTED', 'EXCLUDED'].map((x) => h('option', { value: x }, t(`coupon.productScope.${x}`))));
  const skus = h('textarea', { name: 'skus', 'data-field': 'skus', rows: '2', id: 'template-skus', placeholder: t('coupon.skus.hint') });
  const storeScope = h('select', { name: 'storeScope', 'data-field': 'storeScope', id: 'template-store-scope' }, ['ALL', 'LISTED'].map((x) => h('option', { value: x }, t(`coupon.storeScope.${x}`))));
  const stores = h('div', { class: 'checks', 'data-field': 'storeIds' }, context.stores.map((s) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: String(s.id) }), `${s.code} ${s.name}`)));
  const formats = h('div', { class: 'checks', 'data-field': 'formatCodes' }, formatList.map((f) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: f.code }), `${f.code} ${f.name}`)));
  const validity = h('select', { name: 'validity', 'data-field': 'validity', id: 'template-validity' }, ['RELATIVE', 'FIXED'].map((x) => h('option', { value: x }, t(`coupon.validity.${x}`))));
  const days = h('input', { name: 'validDays', 'data-field': 'validDays', inputmode: 'numeric', value: '30' });
  const from = h('input', { type: 'date', name: 'validFrom', 'data-field': 'validFrom', value: today() });
  const to = h('input', { type: 'date', name: 'validTo', 'data-field': 'validTo' });
  const stock = h('input', { name: 'stock', 'data-field': 'stock', inputmode: 'numeric', value: '1000' });
  const perMember = h('input', { name: 'perMemberLimit', 'data-field': 'perMemberLimit', inputmode: 'numeric', value: '1' });
  const pointsPrice = h('input', { name: 'pointsPrice', 'data-field': 'pointsPrice', inputmode: 'numeric', placeholder: t('coupon.pointsPrice.hint') });
  const fields = {
    value: field(t('coupon.value'), value), mode: field(t('coupon.mode'), mode), minSpend: field(t('coupon.minSpend'), minSpend),
    rate: field(t('coupon.rate'), rate), cap: field(t('coupon.cap'), cap), units: field(t('coupon.maxUnits'), units),
    productScope: field(t('coupon.productScope'), productScope), skus: field(t('coupon.skus'), skus),
    storeScope: field(t('coupon.storeScope'), storeScope), stores: field(t('org.stores'), stores), formats: field(t('ledger.format'), formats),
    days: field(t('coupon.validDays'), days), from: field(t('filter.from'), from), to: field(t('filter.to'), to),
  };
  // Which fields a kind, a scope and a validity take; the server checks the same and names the field at fault.
  function sync() {
    const k = kind.value;
    const itemKind = k === 'SINGLE_ITEM' || k === 'EXCHANGE';
    fields.value.hidden = !['CASH', 'THRESHOLD', 'SINGLE_ITEM'].includes(k);
    fields.mode.hidden = k !== 'SINGLE_ITEM';
    fields.rate.hidden = k !== 'DISCOUNT';
    fields.cap.hidden = k !== 'DISCOUNT';
    fields.units.hidden = !itemKind;
    fields.productScope.hidden = itemKind;
    fields.skus.hidden = !itemKind && productScope.value === 'ALL';
    fields.stores.hidden = storeScope.value === 'ALL';
    fields.formats.hidden = storeScope.value === 'ALL';
    fields.days.hidden = validity.value !== 'RELATIVE';
    fields.from.hidden = validity.value !== 'FIXED';
    fields.to.hidden = validity.value !== 'FIXED';
  }
  [kind, productScope, storeScope, validity].forEach((x) => x.addEventListener('change', sync));
  sync();
  const form = h('form', { class: 'filters', id: 'template-form', novalidate: true }, h('h3', {}, t('coupons.create')),
    field(t('coupon.name'), name), field(t('coupon.kind'), kind), fields.value, fields.mode, fields.minSpend, fields.rate, fields.cap, fields.units,
    fields.productScope, fields.skus, fields.storeScope, fields.stores, fields.formats,
    field(t('coupon.validity'), validity), fields.days, fields.from, fields.to,
    field(t('coupon.stock'), stock), field(t('coupon.perMember'), perMember), field(t('coupon.pointsPrice'), pointsPrice),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'template-create' }, t('coupons.create'))));
  fill(body, list, form);
  const number = (input) => (input.value.trim() === '' ? null : Number(input.value));
  const shown = (f, v) => (f.hidden ? null : v);
  const checked = (box) => [...box.querySelectorAll('input:checked')].map((c) => c.value);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const itemKind = kind.value === 'SINGLE_ITEM' || kind.value === 'EXCHANGE';
    const skuList = skus.value.split(/[\s,，]+/).map((x) => x.trim()).filter(Boolean);
    await busy(form, async () => {
      try {
        await post('/coupons/templates', {
          name: name.value.trim(), kind: kind.value, value: shown(fields.value, amountOf(value)),
          singleItemMode: shown(fields.mode, mode.value), minSpend: amountOf(minSpend),
          discountRate: shown(fields.rate, number(rate)), discountCap: shown(fields.cap, amountOf(cap)), maxUnits: shown(fields.units, number(units)),
          productScope: itemKind ? 'LISTED' : productScope.value, skus: fields.skus.hidden ? null : skuList,
          storeScope: storeScope.value, storeIds: storeScope.value === 'ALL' ? null : checked(stores).map(Number),
          formatCodes: storeScope.value === 'ALL' ? null : checked(formats),
          validity: validity.value, validDays: shown(fields.days, number(days)),
          validFrom: shown(fields.from, from.value || null), validTo: shown(fields.to, to.value || null),
          stock: number(stock), perMemberLimit: number(perMember),
          pointsExchangeable: pointsPrice.value.trim() !== '', pointsPrice: number(pointsPrice),
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
  // One key per send: a retry after a lost answer is the same send; a new one after an answer.
  let key = newKey();
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
        key = newKey();
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
        if (e.status >= 400 && e.status < 500) key = newKey();
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
