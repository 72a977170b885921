// 报表: every report of the reporting domain over a date range, a store or a business format, with a chart where
// people would rather look than read (payment-method shares, recharge trend, monthly coupon statistics, the
// overview's sales and recharges); each can be exported (申请下载: a job with progress, then the file).
import { t } from '../i18n.js';
import { get, post } from '../api.js';
import * as session from '../session.js';
import { h, fill, field, table, money, showError, clearErrors, busy, today } from '../dom.js';
import { myStores, storeOptions } from '../nav.js';
import { chart } from '../parts/chart.js';
import { follow, download } from '../parts/jobs.js';

const REPORTS = {
  overview: { path: '/reports/overview', kind: 'OVERVIEW', show: overview },
  'payment-methods': { path: '/reports/payment-methods', kind: 'PAYMENT_METHODS', show: paymentMethods },
  recharges: { path: '/reports/recharges', kind: 'RECHARGES', show: recharges },
  coupons: { path: '/reports/coupons', kind: 'COUPONS', show: coupons },
};

export async function render(main, params) {
  const which = REPORTS[params.report] ? params.report : 'payment-methods';
  const report = REPORTS[which];
  const formats = await get('/formats').catch(() => []);
  const end = today();
  const from = h('input', { type: 'date', name: 'from', 'data-field': 'from', value: params.from || `${end.slice(0, 8)}01` });
  const to = h('input', { type: 'date', name: 'to', 'data-field': 'to', value: params.to || end });
  const store = h('select', { name: 'storeId', 'data-field': 'storeId', id: 'report-store' },
    session.isHq() ? h('option', { value: '' }, t('filter.allStores')) : null,
    storeOptions(h, myStores(session), session.isHq() ? null : session.current().storeId));
  const format = h('select', { name: 'formatCode', 'data-field': 'formatCode' }, h('option', { value: '' }, t('filter.all')),
    formats.map((f) => h('option', { value: f.code }, `${f.code} ${f.name}`)));
  const exportFormat = h('select', { name: 'format', 'data-field': 'format', id: 'export-format' }, ['xlsx', 'csv'].map((x) => h('option', { value: x }, x.toUpperCase())));
  const form = h('form', { class: 'filters', id: 'report-query' },
    field(t('filter.from'), from), field(t('filter.to'), to), field(t('card.store'), store), field(t('ledger.format'), format),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: 'report-search' }, t('action.search')),
      exportFormat,
      h('button', { type: 'button', class: 'secondary', id: 'report-export', onclick: () => requestExport() }, t('export.request'))));
  const tabs = h('div', { class: 'tabs' }, Object.keys(REPORTS).map((k) => h('a', { href: `#/reports?report=${k}`, class: k === which ? 'active' : null, 'data-report': k }, t(`report.${k}`))));
  const exportBox = h('div', { id: 'export-progress' });
  const out = h('div', { id: 'report-body' });
  fill(main, h('h2', {}, t('nav.reports')), tabs, form, exportBox, out);

  const filters = () => ({ from: from.value, to: to.value, storeId: store.value, formatCode: format.value });

  async function load() {
    clearErrors(form);
    await busy(form, async () => {
      try {
        fill(out, ...report.show(await get(report.path, filters())));
      } catch (e) {
        showError(form, e);
      }
    });
  }

  async function requestExport() {
    clearErrors(form);
    try {
      const job = await post('/reports/exports', undefined, { query: { report: report.kind, format: exportFormat.value, ...filters() } });
      const done = await follow(job.id, exportBox);
      if (done.status === 'SUCCEEDED') {
        exportBox.append(h('button', { type: 'button', class: 'link', id: 'export-download', onclick: () => download(done) }, t('export.download', { name: done.resultName || '' })));
      }
    } catch (e) {
      showError(form, e);
    }
  }

  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  await load();
}

const METHODS = (m) => t(`tender.${m}`);

function paymentMethods(r) {
  const rows = [...(r.rows || []), { ...(r.total || {}), total: true }];
  return [
    chart('chart-payment-methods', {
      title: { text: t('report.shareOfNet'), left: 'center', textStyle: { fontSize: 14 } },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: (r.rows || []).filter((x) => Number(x.netReceived) > 0).map((x) => ({ name: METHODS(x.method), value: Number(x.netReceived) })) }],
    }),
    table([
      { label: t('report.method'), value: (x) => (x.total ? t('report.total') : METHODS(x.method)) },
      { label: t('report.orders'), value: (x) => String(x.orders ?? ''), class: 'num' },
      { label: t('report.refunds'), value: (x) => String(x.refunds ?? ''), class: 'num' },
      { label: t('report.refundAmount'), value: (x) => money(x.refundAmount), class: 'num' },
      { label: t('report.netReceived'), value: (x) => money(x.netReceived), class: 'num' },
      { label: t('report.fee'), value: (x) => (x.feeApplies || x.total ? money(x.fee) : t('report.na')), class: 'num' },
      { label: t('report.settlement'), value: (x) => (x.feeApplies || x.total ? money(x.settlement) : t('report.na')), class: 'num' },
    ], rows),
  ];
}

function recharges(r) {
  const periods = r.periods || [];
  return [
    chart('chart-recharges', {
      title: { text: t('report.rechargeTrend'), left: 'center', textStyle: { fontSize: 14 } },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: periods.map((p) => p.period) },
      yAxis: { type: 'value' },
      series: [{ type: 'line', name: t('report.rechargeAmount'), data: periods.map((p) => Number(p.rechargeAmount)) }],
    }),
    table([
      { label: t('report.method'), value: (x) => (x.method ? METHODS(x.method) : t('report.total')) },
      { label: t('report.recharges.count'), value: (x) => String(x.recharges), class: 'num' },
      { label: t('report.paidAmount'), value: (x) => money(x.paidAmount), class: 'num' },
      { label: t('report.bonusAmount'), value: (x) => money(x.bonusAmount), class: 'num' },
      { label: t('report.rechargeAmount'), value: (x) => money(x.rechargeAmount), class: 'num' },
      { label: t('report.reversals'), value: (x) => String(x.reversals), class: 'num' },
      { label: t('report.reversedAmount'), value: (x) => money(x.reversedAmount), class: 'num' },
    ], [...(r.methods || []), ...(r.total ? [r.total] : [])]),
  ];
}

function coupons(r) {
  const periods = r.periods || [];
  return [
    chart('chart-coupons', {
      title: { text: t('report.couponStats'), left: 'center', textStyle: { fontSize: 14 } },
      legend: { bottom: 0 },
      grid: { left: 60, right: 60, top: 40, bottom: 50 },
      xAxis: { type: 'category', data: periods.map((p) => p.period) },
      yAxis: [{ type: 'value' }, { type: 'value' }],
      series: [
        { type: 'bar', name: t('report.claimed'), data: periods.map((p) => p.claimed) },
        { type: 'bar', name: t('report.redeemed'), data: periods.map((p) => p.redeemed) },
        { type: 'line', name: t('report.discount'), yAxisIndex: 1, data: periods.map((p) => Number(p.discount)) },
      ],
    }),
    table([
      { label: t('report.period'), value: (x) => x.period || t('report.total') },
      { label: t('report.claimed'), value: (x) => String(x.claimed), class: 'num' },
      { label: t('report.redeemed'), value: (x) => String(x.redeemed), class: 'num' },
      { label: t('report.discount'), value: (x) => money(x.discount), class: 'num' },
      { label: t('report.returned'), value: (x) => String(x.returned), class: 'num' },
    ], [...periods, ...(r.total ? [{ ...r.total, period: null }] : [])]),
  ];
}

function overview(r) {
  const periods = r.periods || [];
  return [
    chart('chart-overview', {
      title: { text: t('report.overviewTrend'), left: 'center', textStyle: { fontSize: 14 } },
      legend: { bottom: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 50 },
      xAxis: { type: 'category', data: periods.map((p) => p.period) },
      yAxis: { type: 'value' },
      series: [
        { type: 'line', name: t('report.salesAmount'), data: periods.map((p) => Number(p.salesAmount)) },
        { type: 'line', name: t('report.rechargeAmount'), data: periods.map((p) => Number(p.rechargeAmount)) },
      ],
    }),
    table([
      { label: t('report.period'), value: (x) => x.period || t('report.total') },
      { label: t('report.members'), value: (x) => String(x.members), class: 'num' },
      { label: t('report.newMembers'), value: (x) => String(x.newMembers), class: 'num' },
      { label: t('report.sales'), value: (x) => String(x.sales), class: 'num' },
      { label: t('report.salesAmount'), value: (x) => money(x.salesAmount), class: 'num' },
      { label: t('report.rechargeAmount'), value: (x) => money(x.rechargeAmount), class: 'num' },
      { label: t('report.consumptionAmount'), value: (x) => money(x.consumptionAmount), class: 'num' },
      { label: t('report.redeemed'), value: (x) => String(x.couponsRedeemed), class: 'num' },
      { label: t('report.pointsIssued'), value: (x) => String(x.pointsIssued), class: 'num' },
    ], [...periods, ...(r.total ? [{ ...r.total, period: null }] : [])]),
  ];
}
