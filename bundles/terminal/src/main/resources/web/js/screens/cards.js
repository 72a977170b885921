// 实体卡余额查询: the legacy cards with filters (type, card no, balance range, card status, migration status),
// their count and total balance; a card not migrated leads to its migration, a migrated one shows the details.
import { t } from '../i18n.js';
import { get } from '../api.js';
import * as session from '../session.js';
import { h, field, amountInput, table, pager, money, dateTime, showError, clearErrors, busy, fill } from '../dom.js';
import { go, storeLabel, context, storeOptions } from '../nav.js';
import { migrationDetails } from '../parts/migration.js';

const SIZE = 20;

export async function render(main, params) {
  const s = session.current();
  const types = await get('/cards/types').catch(() => []);
  const typeCode = h('select', { name: 'typeCode', 'data-field': 'typeCode' }, h('option', { value: '' }, t('filter.all')),
    types.map((ty) => h('option', { value: ty.code }, `${ty.code} ${ty.name}`)));
  const cardNo = h('input', { name: 'cardNo', 'data-field': 'cardNo', autocomplete: 'off', value: params.cardNo || '' });
  const minBalance = amountInput('minBalance');
  const maxBalance = amountInput('maxBalance');
  const status = h('select', { name: 'status', 'data-field': 'status' }, h('option', { value: '' }, t('filter.all')),
    ['ACTIVE', 'LOST', 'FROZEN', 'VOID'].map((v) => h('option', { value: v }, t(`card.status.${v}`))));
  const migrationStatus = h('select', { name: 'migrationStatus', 'data-field': 'migrationStatus' }, h('option', { value: '' }, t('filter.all')),
    ['NOT_MIGRATED', 'MIGRATED'].map((v) => h('option', { value: v }, t(`card.migration.${v}`))));
  const store = session.isHq()
    ? h('select', { name: 'storeId', 'data-field': 'storeId' }, h('option', { value: '' }, t('filter.allStores')),
      storeOptions(h, context.stores))
    : null;
  const form = h('form', { class: 'filters', id: 'card-query' },
    store ? field(t('card.store'), store) : null,
    field(t('card.type'), typeCode),
    field(t('card.no'), cardNo),
    field(t('card.balanceMin'), minBalance),
    field(t('card.balanceMax'), maxBalance),
    field(t('card.status'), status),
    field(t('card.migrationStatus'), migrationStatus),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'card-search' }, t('action.search'))));
  const results = h('div', { id: 'card-results' });
  const details = h('div', { id: 'card-details' });
  fill(main, h('h2', {}, t('nav.cards.query')), form, results, details);

  async function search(page) {
    clearErrors(form);
    await busy(form, async () => {
      try {
        const result = await get('/cards', {
          storeId: store ? store.value : s.storeId, typeCode: typeCode.value, cardNo: cardNo.value.trim(),
          minBalance: minBalance.value, maxBalance: maxBalance.value, status: status.value,
          migrationStatus: migrationStatus.value, page, size: SIZE,
        });
        showResults(result, page);
      } catch (e) {
        showError(form, e);
      }
    });
  }

  function showResults(result, page) {
    const columns = [
      { label: t('card.no'), value: (c) => c.cardNo, class: 'mono' },
      { label: t('card.type'), value: (c) => c.typeName || c.typeCode },
      { label: t('card.store'), value: (c) => c.storeLabel || storeLabel(c.storeId) },
      { label: t('card.balance'), value: (c) => money(c.balance), class: 'num' },
      { label: t('card.status'), value: (c) => t(`card.status.${c.status}`) },
      { label: t('card.migrationStatus'), value: (c) => t(`card.migration.${c.migrationStatus}`) },
      { label: t('card.updatedAt'), value: (c) => dateTime(c.updatedAt) },
      { label: '', value: (c) => action(c) },
    ];
    fill(results, 
      h('div', { class: 'totals', id: 'card-totals' },
        h('span', {}, t('card.totalCount', { count: result.total })),
        h('span', {}, t('card.totalBalance'), ' ', h('strong', { id: 'card-total-balance' }, money(result.totalBalance)))),
      table(columns, result.items || []),
      pager(page, SIZE, result.total, search));
  }

  function action(c) {
    if (c.migrationStatus === 'MIGRATED') {
      return h('button', { type: 'button', class: 'link', 'data-details': c.cardNo, onclick: () => showDetails(c.cardNo) }, t('card.details'));
    }
    if (c.status === 'ACTIVE' && session.hasRole('CLERK', 'STORE_MANAGER')) {
      return h('button', { type: 'button', class: 'link', 'data-migrate': c.cardNo, onclick: () => go('cards/migrate', { cardNo: c.cardNo }) }, t('card.migrate'));
    }
    return '';
  }

  async function showDetails(no) {
    try {
      const m = await get(`/cards/${encodeURIComponent(no)}/migration`);
      fill(details, migrationDetails(m));
      details.scrollIntoView();
    } catch (e) {
      showError(form, e);
    }
  }

  form.addEventListener('submit', (ev) => { ev.preventDefault(); search(1); });
  await search(1);
  if (params.details) await showDetails(params.details);
}
