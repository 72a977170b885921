// 储值余额查询: members' stored-value accounts with their principal, bonus and available balance.
import { t } from '../i18n.js';
import { get } from '../api.js';
import * as session from '../session.js';
import { h, field, amountInput, table, pager, money, showError, clearErrors, busy, fill } from '../dom.js';
import { storeLabel, context, storeOptions } from '../nav.js';

const SIZE = 20;

export async function render(main) {
  const phone = h('input', { name: 'phone', 'data-field': 'phone', inputmode: 'numeric', maxlength: '11', autocomplete: 'off' });
  const memberNo = h('input', { name: 'memberNo', 'data-field': 'memberNo', autocomplete: 'off' });
  const min = amountInput('minBalance');
  const max = amountInput('maxBalance');
  const store = session.isHq()
    ? h('select', { name: 'storeId', 'data-field': 'storeId' }, h('option', { value: '' }, t('filter.allStores')), storeOptions(h, context.stores))
    : null;
  const form = h('form', { class: 'filters', id: 'balance-query' }, store ? field(t('card.store'), store) : null,
    field(t('member.phone'), phone), field(t('member.no'), memberNo), field(t('card.balanceMin'), min), field(t('card.balanceMax'), max),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('action.search'))));
  const out = h('div', { id: 'balance-results' });
  fill(main, h('h2', {}, t('nav.wallet.balances')), form, out);
  async function search(page) {
    clearErrors(form);
    await busy(form, async () => {
      try {
        const p = await get('/wallets/balances', {
          storeId: store ? store.value : session.current().storeId, phone: phone.value.trim(), memberNo: memberNo.value.trim(),
          minBalance: min.value, maxBalance: max.value, page, size: SIZE,
        });
        fill(out, table([
          { label: t('member.no'), value: (a) => a.memberNo || '' },
          { label: t('member.name'), value: (a) => a.memberName || '' },
          { label: t('card.store'), value: (a) => storeLabel(a.scopeStoreId) },
          { label: t('wallet.principal'), value: (a) => money(a.principal), class: 'num' },
          { label: t('wallet.bonus'), value: (a) => money(a.bonus), class: 'num' },
          { label: t('wallet.total'), value: (a) => money(a.total), class: 'num' },
          { label: t('wallet.available'), value: (a) => money(a.available), class: 'num' },
        ], p.items || []), pager(page, SIZE, p.total, search));
      } catch (e) {
        showError(form, e);
      }
    });
  }
  form.addEventListener('submit', (ev) => { ev.preventDefault(); search(1); });
  await search(1);
}
