// 对账: 收银员对账 (a store's day, till or cashier: what Tessera expects per tender beside what was counted, the
// difference), 财务对账 (per day and merchant account, the funds that should reach the bank beside the bills'), and
// 渠道账单 (WeChat Pay / Alipay bills fetched from the channel or uploaded, their differences resolved with a reason,
// the day closed).
import { t } from '../i18n.js';
import { get, post, put, api } from '../api.js';
import * as session from '../session.js';
import { h, fill, field, table, pager, money, amountInput, amountOf, showError, clearErrors, busy, today, dateTime, toast } from '../dom.js';
import { myStores, storeOptions } from '../nav.js';
import { follow } from '../parts/jobs.js';

const VIEWS = ['cashier', 'funds', 'bills'];
const METHODS = ['MEMBER', 'CASH', 'WECHAT', 'ALIPAY', 'POS_CARD'];

export async function render(main, params) {
  const view = VIEWS.includes(params.view) ? params.view : (session.isHq() ? 'bills' : 'cashier');
  const views = session.isHq() ? VIEWS : ['cashier'];
  const tabs = h('div', { class: 'tabs' }, views.map((v) => h('a', { href: `#/reconcile?view=${v}`, class: v === view ? 'active' : null, 'data-view': v }, t(`reconcile.${v}`))));
  const body = h('div', { id: 'reconcile-body' });
  fill(main, h('h2', {}, t('nav.reconcile')), tabs, body);
  if (view === 'cashier') await cashier(body);
  else if (view === 'funds') await funds(body);
  else await bills(body, params);
}

async function cashier(body) {
  const store = h('select', { name: 'storeId', 'data-field': 'storeId' }, storeOptions(h, myStores(session), session.current().storeId));
  const day = h('input', { type: 'date', name: 'day', 'data-field': 'day', value: today() });
  const till = h('input', { name: 'tillNo', 'data-field': 'tillNo', maxlength: '32' });
  const who = h('input', { name: 'cashier', 'data-field': 'cashier', placeholder: 'operator:E10301' });
  const form = h('form', { class: 'filters', id: 'cashier-query' }, field(t('card.store'), store), field(t('ledger.date'), day),
    field(t('reconcile.till'), till), field(t('reconcile.cashier.who'), who),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('action.search'))));
  const out = h('div', { id: 'cashier-result' });
  fill(body, form, out);
  const whose = () => ({ storeId: store.value, day: day.value, tillNo: till.value.trim(), cashier: who.value.trim() });
  async function load() {
    clearErrors(form);
    await busy(form, async () => {
      try {
        show(await get('/reports/cashier', whose()));
      } catch (e) {
        showError(form, e);
      }
    });
  }
  function show(r) {
    const inputs = {};
    const countForm = h('form', { class: 'form', id: 'cashier-count' },
      table([
        { label: t('report.method'), value: (l) => t(`tender.${l.method}`) },
        { label: t('report.orders'), value: (l) => String(l.orders), class: 'num' },
        { label: t('report.refunds'), value: (l) => String(l.refunds), class: 'num' },
        { label: t('reconcile.expected'), value: (l) => money(l.expected), class: 'num' },
        { label: t('reconcile.counted'), value: (l) => { inputs[l.method] = amountInput(`counts.${l.method}`, { value: l.counted == null ? '' : String(l.counted), 'data-count': l.method }); return inputs[l.method]; } },
        { label: t('reconcile.difference'), value: (l) => money(l.difference), class: 'num' },
        { label: t('reconcile.result'), value: (l) => (l.result ? t(`reconcile.result.${l.result}`) : '') },
      ], r.lines || []),
      h('div', { class: 'totals' },
        h('span', {}, t('reconcile.expected'), ' ', h('strong', {}, money(r.expected))),
        h('span', {}, t('reconcile.counted'), ' ', h('strong', {}, money(r.counted))),
        h('span', {}, t('reconcile.difference'), ' ', h('strong', { id: 'cashier-difference' }, money(r.difference))),
        r.countedBy ? h('span', { class: 'note' }, t('reconcile.countedBy', { who: r.countedBy, at: dateTime(r.countedAt) })) : null),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'cashier-save' }, t('reconcile.saveCount'))));
    countForm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(countForm);
      const w = whose();
      await busy(countForm, async () => {
        try {
          show(await put('/reports/cashier/counts', {
            storeId: Number(w.storeId), day: w.day, tillNo: w.tillNo || null, cashier: w.cashier || null,
            counts: Object.entries(inputs).filter(([, i]) => i.value !== '').map(([method, i]) => ({ method, amount: amountOf(i) })),
          }));
          toast(t('action.saved'));
        } catch (e) {
          showError(countForm, e);
        }
      });
    });
    fill(out, countForm);
  }
  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  await load();
}

async function funds(body) {
  const end = today();
  const from = h('input', { type: 'date', name: 'from', 'data-field': 'from', value: `${end.slice(0, 8)}01` });
  const to = h('input', { type: 'date', name: 'to', 'data-field': 'to', value: end });
  const form = h('form', { class: 'filters', id: 'funds-query' }, field(t('filter.from'), from), field(t('filter.to'), to),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('action.search'))));
  const out = h('div', { id: 'funds-result' });
  fill(body, form, out);
  async function load() {
    clearErrors(form);
    await busy(form, async () => {
      try {
        const r = await get('/reports/bills/funds', { from: from.value, to: to.value });
        fill(out, table([
          { label: t('ledger.date'), value: (l) => l.day || t('report.total') },
          { label: t('report.method'), value: (l) => (l.method ? t(`tender.${l.method}`) : '') },
          { label: t('reconcile.merchant'), value: (l) => l.merchantId || '' },
          { label: t('reconcile.sales'), value: (l) => money(l.sales), class: 'num' },
          { label: t('report.rechargeAmount'), value: (l) => money(l.recharges), class: 'num' },
          { label: t('report.fee'), value: (l) => money(l.fees), class: 'num' },
          { label: t('reconcile.funds.col'), value: (l) => money(l.funds), class: 'num' },
          { label: t('reconcile.billFunds'), value: (l) => money(l.billFunds), class: 'num' },
          { label: t('reconcile.difference'), value: (l) => money(l.difference), class: 'num' },
        ], [...(r.lines || []), ...(r.total ? [r.total] : [])]));
      } catch (e) {
        showError(form, e);
      }
    });
  }
  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  await load();
}

async function bills(body, params) {
  const end = today();
  const method = h('select', { name: 'method', 'data-field': 'method' }, ['WECHAT', 'ALIPAY'].map((m) => h('option', { value: m }, t(`tender.${m}`))));
  const day = h('input', { type: 'date', name: 'day', 'data-field': 'day', value: end });
  const merchant = h('input', { name: 'merchantId', 'data-field': 'merchantId', autocomplete: 'off' });
  const file = h('input', { type: 'file', name: 'file', 'data-field': 'file', accept: '.csv,.zip' });
  const progress = h('div', { id: 'bill-progress' });
  const getForm = h('form', { class: 'filters', id: 'bill-get' }, field(t('report.method'), method), field(t('ledger.date'), day),
    field(t('reconcile.merchant'), merchant), field(t('reconcile.billFile'), file),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'bill-fetch', onclick: () => fetchBill() }, t('reconcile.fetch')),
      h('button', { type: 'button', class: 'secondary', id: 'bill-upload', onclick: () => uploadBill() }, t('reconcile.upload'))), progress);
  const list = h('div', { id: 'bill-list' });
  const detail = h('div', { id: 'bill-detail' });
  fill(body, getForm, list, detail);

  async function fetchBill() {
    clearErrors(getForm);
    try {
      const job = await post('/reports/bills/fetch', undefined, { query: { method: method.value, day: day.value } });
      await follow(job.id, progress);
      await loadList(1);
    } catch (e) {
      showError(getForm, e);
    }
  }

  async function uploadBill() {
    clearErrors(getForm);
    const f = file.files[0];
    if (!f) {
      showError(getForm, { field: 'file', message: t('import.file.missing') });
      return;
    }
    try {
      const imp = await api('POST', '/reports/bills', { query: { method: method.value, merchantId: merchant.value.trim(), day: day.value }, body: f, type: f.name.endsWith('.zip') ? 'application/zip' : 'text/csv' });
      if (imp.duplicate) fill(progress, h('p', { class: 'warning' }, t('import.duplicate', { id: imp.id })));
      else await follow(imp.jobId, progress);
      await loadList(1);
      await openBill(imp.id);
    } catch (e) {
      showError(getForm, e);
    }
  }

  async function loadList(page) {
    const p = await get('/reports/bills', { page, size: 20 });
    fill(list, table([
      { label: t('ledger.date'), value: (b) => b.day },
      { label: t('report.method'), value: (b) => t(`tender.${b.method}`) },
      { label: t('reconcile.merchant'), value: (b) => b.merchantId },
      { label: t('reconcile.billPaid'), value: (b) => money(b.billPaid), class: 'num' },
      { label: t('reconcile.tesseraPaid'), value: (b) => money(b.tesseraPaid), class: 'num' },
      { label: t('reconcile.matched'), value: (b) => String(b.matched), class: 'num' },
      { label: t('reconcile.open'), value: (b) => String(b.open), class: 'num' },
      { label: t('reconcile.closed'), value: (b) => (b.closedAt ? t('reconcile.closedBy', { who: b.closedBy }) : '') },
    ], p.items || [], { onRow: (b) => openBill(b.id) }), pager(page, 20, p.total, loadList));
  }

  async function openBill(id) {
    const b = await get(`/reports/bills/${id}`);
    const diffs = await get(`/reports/bills/${id}/differences`, { page: 1, size: 200 });
    const close = h('button', { type: 'button', class: 'primary', id: 'bill-close', disabled: !!b.closedAt, onclick: async () => {
      try {
        await post(`/reports/bills/${id}/close`);
        toast(t('reconcile.dayClosed'));
        await openBill(id);
        await loadList(1);
      } catch (e) {
        showError(detail, e);
      }
    } }, t('reconcile.closeDay'));
    fill(detail, h('section', { class: 'details', id: 'bill' },
      h('h3', {}, `${t(`tender.${b.method}`)} ${b.merchantId} ${b.day}`),
      h('div', { class: 'totals' },
        h('span', {}, t('reconcile.billPaid'), ' ', h('strong', {}, money(b.billPaid))),
        h('span', {}, t('reconcile.tesseraPaid'), ' ', h('strong', {}, money(b.tesseraPaid))),
        h('span', {}, t('reconcile.billFee'), ' ', h('strong', {}, money(b.billFee))),
        h('span', {}, t('reconcile.tesseraFee'), ' ', h('strong', {}, money(b.tesseraFee)))),
      table([
        { label: t('reconcile.kind'), value: (d) => t(`difference.${d.kind}`) },
        { label: t('import.status'), value: (d) => t(`difference.state.${d.state}`) },
        { label: t('receipt.orderNo'), value: (d) => d.orderNo || d.tradeNo || d.channelNo || '' },
        { label: t('reconcile.tesseraAmount'), value: (d) => money(d.tesseraAmount), class: 'num' },
        { label: t('reconcile.billAmount'), value: (d) => money(d.billAmount), class: 'num' },
        { label: t('reconcile.resolution'), value: (d) => (d.state === 'OPEN' ? resolveForm(d, id) : d.resolution ? `${t(`resolution.${d.resolution}`)}：${d.reason || ''}` : '') },
      ], diffs.items || []),
      h('div', { class: 'actions' }, close)));
  }

  function resolveForm(d, billId) {
    const choice = h('select', { name: 'resolution', 'data-field': 'resolution' }, ['CHANNEL_WINS', 'TESSERA_WINS'].map((r) => h('option', { value: r }, t(`resolution.${r}`))));
    const reason = h('input', { name: 'reason', 'data-field': 'reason', maxlength: '500', placeholder: t('wallet.reason') });
    const f = h('form', { class: 'inline resolve', 'data-difference': String(d.id) }, choice, reason, h('button', { type: 'submit', class: 'secondary' }, t('reconcile.resolve')));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(f);
      try {
        await post(`/reports/bills/differences/${d.id}/resolution`, { resolution: choice.value, reason: reason.value.trim() || null });
        await openBill(billId);
      } catch (e) {
        showError(f, e);
      }
    });
    return f;
  }

  await loadList(1);
  if (params.bill) await openBill(params.bill);
}
