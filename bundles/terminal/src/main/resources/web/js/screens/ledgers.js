// 门店总账: the stored value moved at a store (or every store of a business format), by entry type, with what is
// in effect now and the members who hold a balance there; 门店余额台账: per day, opening, in, out and closing for
// principal and bonus, with its chart (closing balances as lines, the day's principal in and out as bars).
import { t } from '../i18n.js';
import { get } from '../api.js';
import * as session from '../session.js';
import { h, clear, field, table, pager, money, showError, clearErrors, busy, today, fill } from '../dom.js';
import { myStores, storeOptions } from '../nav.js';
import { ENTRY_TYPES } from './transactions.js';
import { chart } from '../parts/chart.js';

function storeSelect() {
  return h('select', { name: 'storeId', 'data-field': 'storeId', id: 'ledger-store' },
    session.isHq() ? h('option', { value: '' }, t('ledger.byFormat')) : null,
    storeOptions(h, myStores(session), session.current().storeId));
}

export async function render(main, params) {
  if (params.view === 'daily') return daily(main);
  const formats = await get('/formats').catch(() => []);
  const store = storeSelect();
  // A store, or (HQ) every store of one business format.
  const format = h('select', { name: 'format', 'data-field': 'format', id: 'ledger-format' },
    formats.map((f) => h('option', { value: f.code }, `${f.code} ${f.name}`)));
  const form = h('form', { class: 'filters', id: 'ledger-query' }, field(t('card.store'), store), field(t('ledger.format'), format),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('action.search'))));
  const out = h('div', { id: 'ledger-general' });
  const holders = h('div', { id: 'ledger-holders' });
  fill(main, h('h2', {}, t('nav.wallet.general')), h('p', {}, h('a', { href: '#/wallet/ledgers?view=daily' }, t('nav.wallet.daily'))), form, out, holders);

  async function load() {
    clearErrors(form);
    await busy(form, async () => {
      try {
        const g = await get('/wallets/ledgers/general', store.value ? { storeId: store.value } : { format: format.value });
        const byType = Object.fromEntries((g.totals || []).map((x) => [x.type, x]));
        fill(out, 
          h('div', { class: 'totals big', id: 'ledger-effective' },
            h('span', {}, t('wallet.principal'), ' ', h('strong', { 'data-name': 'principal' }, money(g.effectivePrincipal))),
            h('span', {}, t('wallet.bonus'), ' ', h('strong', { 'data-name': 'bonus' }, money(g.effectiveBonus))),
            h('span', {}, t('wallet.total'), ' ', h('strong', { 'data-name': 'total' }, money(g.effectiveTotal)))),
          table([
            { label: t('entry.type'), value: (x) => t(`entry.${x}`) },
            { label: t('ledger.count'), value: (x) => String(byType[x] ? byType[x].count : 0), class: 'num' },
            { label: t('entry.principal'), value: (x) => money(byType[x] ? byType[x].principal : 0), class: 'num' },
            { label: t('entry.bonus'), value: (x) => money(byType[x] ? byType[x].bonus : 0), class: 'num' },
          ], ENTRY_TYPES));
        if (store.value) await loadHolders(1);
        else clear(holders);
      } catch (e) {
        showError(form, e);
      }
    });
  }

  async function loadHolders(page) {
    const p = await get('/wallets/ledgers/holders', { storeId: store.value, page, size: 20 });
    fill(holders, h('h3', {}, t('ledger.holders')), table([
      { label: t('member.no'), value: (a) => a.memberNo || '' },
      { label: t('member.name'), value: (a) => a.memberName || '' },
      { label: t('wallet.principal'), value: (a) => money(a.principal), class: 'num' },
      { label: t('wallet.bonus'), value: (a) => money(a.bonus), class: 'num' },
      { label: t('wallet.total'), value: (a) => money(a.total), class: 'num' },
    ], p.items || []), pager(page, 20, p.total, loadHolders));
  }

  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  await load();
}

async function daily(main) {
  const store = storeSelect();
  const end = today();
  const start = new Date(Date.parse(`${end}T00:00:00Z`) - 29 * 86400000).toISOString().slice(0, 10);
  const from = h('input', { name: 'from', type: 'date', 'data-field': 'from', value: start });
  const to = h('input', { name: 'to', type: 'date', 'data-field': 'to', value: end });
  const form = h('form', { class: 'filters', id: 'daily-query' }, field(t('card.store'), store), field(t('filter.from'), from), field(t('filter.to'), to),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('action.search'))));
  const out = h('div', { id: 'ledger-daily' });
  fill(main, h('h2', {}, t('nav.wallet.daily')), form, out);
  async function load() {
    clearErrors(form);
    await busy(form, async () => {
      try {
        const rows = await get('/wallets/ledgers/daily', { storeId: store.value, from: from.value, to: to.value });
        fill(out, chart('chart-daily-ledger', {
          title: { text: t('ledger.dailyTrend'), left: 'center', textStyle: { fontSize: 14 } },
          legend: { bottom: 0 },
          grid: { left: 70, right: 20, top: 40, bottom: 50 },
          xAxis: { type: 'category', data: rows.map((r) => r.date) },
          yAxis: { type: 'value' },
          series: [
            { type: 'line', name: t('ledger.principalClosing'), data: rows.map((r) => Number(r.principalClosing)) },
            { type: 'line', name: t('ledger.bonusClosing'), data: rows.map((r) => Number(r.bonusClosing)) },
            { type: 'bar', name: t('ledger.principalIn'), data: rows.map((r) => Number(r.principalIn)) },
            { type: 'bar', name: t('ledger.principalOut'), data: rows.map((r) => Number(r.principalOut)) },
          ],
        }), table([
          { label: t('ledger.date'), value: (r) => r.date },
          { label: t('ledger.principalOpening'), value: (r) => money(r.principalOpening), class: 'num' },
          { label: t('ledger.principalIn'), value: (r) => money(r.principalIn), class: 'num' },
          { label: t('ledger.principalOut'), value: (r) => money(r.principalOut), class: 'num' },
          { label: t('ledger.principalClosing'), value: (r) => money(r.principalClosing), class: 'num' },
          { label: t('ledger.bonusOpening'), value: (r) => money(r.bonusOpening), class: 'num' },
          { label: t('ledger.bonusIn'), value: (r) => money(r.bonusIn), class: 'num' },
          { label: t('ledger.bonusOut'), value: (r) => money(r.bonusOut), class: 'num' },
          { label: t('ledger.bonusClosing'), value: (r) => money(r.bonusClosing), class: 'num' },
        ], rows));
      } catch (e) {
        showError(form, e);
      }
    });
  }
  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  await load();
}
