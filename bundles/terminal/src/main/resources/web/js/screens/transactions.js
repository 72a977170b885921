// 交易记录查询: stored-value journal entries with their principal and bonus columns, filtered by member, type,
// card no and dates; a migration's card no leads to the card's migration details. A recharge can be reversed
// (撤销充值) and a member payment refunded (退款) from its row.
import { t } from '../i18n.js';
import { get, post, newKey } from '../api.js';
import * as session from '../session.js';
import { h, clear, field, amountInput, table, pager, money, dateTime, showError, clearErrors, busy, toast, fill, amountOf } from '../dom.js';
import { storeLabel } from '../nav.js';
import { findMember } from '../parts/member-picker.js';

const SIZE = 20;
export const ENTRY_TYPES = ['RECHARGE', 'REVERSAL', 'CONSUME', 'REFUND', 'SV_REFUND', 'ADJUSTMENT', 'MIGRATION_IN'];

export async function render(main, params) {
  const member = h('input', { name: 'member', 'data-field': 'memberId', autocomplete: 'off', value: params.memberNo || params.phone || '' });
  const type = h('select', { name: 'type', 'data-field': 'type' }, h('option', { value: '' }, t('filter.all')), ENTRY_TYPES.map((x) => h('option', { value: x }, t(`entry.${x}`))));
  const cardNo = h('input', { name: 'cardNo', 'data-field': 'cardNo', autocomplete: 'off' });
  const from = h('input', { name: 'from', type: 'date', 'data-field': 'from' });
  const to = h('input', { name: 'to', type: 'date', 'data-field': 'to' });
  const form = h('form', { class: 'filters', id: 'transaction-query' },
    field(t('member.phoneOrNo'), member), field(t('entry.type'), type), field(t('card.no'), cardNo),
    field(t('filter.from'), from), field(t('filter.to'), to),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'transaction-search' }, t('action.search'))));
  const results = h('div', { id: 'transaction-results' });
  const action = h('div', { id: 'entry-action' });
  fill(main, h('h2', {}, t('nav.wallet.transactions')), form, results, action);

  async function memberId() {
    const q = member.value.trim();
    if (!q) return null;
    return (await findMember(q)).id;
  }

  async function search(page) {
    clearErrors(form);
    clear(action);
    await busy(form, async () => {
      try {
        const result = await get('/wallets/transactions', {
          memberId: await memberId(), storeId: session.isHq() ? null : session.current().storeId, type: type.value,
          cardNo: cardNo.value.trim(), from: from.value, to: to.value, page, size: SIZE,
        });
        const columns = [
          { label: t('entry.time'), value: (e) => dateTime(e.createdAt) },
          { label: t('entry.type'), value: (e) => t(`entry.${e.type}`) },
          { label: t('entry.principal'), value: (e) => money(e.principalDelta), class: 'num' },
          { label: t('entry.bonus'), value: (e) => money(e.bonusDelta), class: 'num' },
          { label: t('entry.principalAfter'), value: (e) => money(e.principalAfter), class: 'num' },
          { label: t('entry.bonusAfter'), value: (e) => money(e.bonusAfter), class: 'num' },
          { label: t('entry.method'), value: (e) => (e.method ? t(`tender.${e.method}`) : '') },
          { label: t('card.store'), value: (e) => storeLabel(e.storeId) },
          { label: t('entry.operator'), value: (e) => e.operator || '' },
          { label: t('card.no'), value: (e) => (e.cardNo ? h('a', { href: `#/cards?cardNo=${encodeURIComponent(e.cardNo)}&details=${encodeURIComponent(e.cardNo)}`, 'data-card': e.cardNo }, e.cardNo) : '') },
          { label: t('entry.remark'), value: (e) => e.remark || e.reference || '' },
          { label: '', value: (e) => actions(e) },
        ];
        fill(results, table(columns, result.items || []), pager(page, SIZE, result.total, search));
      } catch (e) {
        showError(form, e);
      }
    });
  }

  function actions(e) {
    if (!session.hasRole('CLERK', 'STORE_MANAGER')) return '';
    if (e.type === 'RECHARGE') return h('button', { type: 'button', class: 'link', 'data-reverse': String(e.id), onclick: () => reverse(e) }, t('wallet.reverse'));
    if (e.type === 'CONSUME') return h('button', { type: 'button', class: 'link', 'data-refund': String(e.id), onclick: () => refund(e) }, t('wallet.refund'));
    return '';
  }

  function reverse(entry) {
    let key = newKey();
    const reason = h('input', { name: 'reason', 'data-field': 'reason', maxlength: '200', id: 'reverse-reason' });
    const f = h('form', { class: 'form danger', id: 'reverse-form' }, h('h3', {}, t('wallet.reverse.title', { amount: money(entry.principalDelta) })),
      field(t('wallet.reason'), reason),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger', id: 'reverse-submit' }, t('wallet.reverse'))));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(f);
      await busy(f, async () => {
        try {
          await post('/wallets/reversals', { rechargeEntryId: entry.id, reason: reason.value.trim() || null }, { key });
          toast(t('wallet.reversed'));
          await search(1);
        } catch (e) {
          // A refusal is final for this request: a corrected one is a new request.
          if (e.status >= 400 && e.status < 500) key = newKey();
          showError(f, e);
        }
      });
    });
    fill(action, f);
    reason.focus();
  }

  function refund(entry) {
    let key = newKey();
    const amount = amountInput('amount', { id: 'refund-amount' });
    const reason = h('input', { name: 'reason', 'data-field': 'reason', maxlength: '200' });
    const paid = -(Number(entry.principalDelta) + Number(entry.bonusDelta));
    const f = h('form', { class: 'form', id: 'refund-form' }, h('h3', {}, t('wallet.refund.title', { amount: money(paid) })),
      field(t('wallet.amount'), amount), field(t('wallet.reason'), reason),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'refund-submit' }, t('wallet.refund'))));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(f);
      await busy(f, async () => {
        try {
          await post('/wallets/refunds', { paymentEntryId: entry.id, amount: amountOf(amount), reason: reason.value.trim() || null }, { key });
          toast(t('wallet.refunded'));
          await search(1);
        } catch (e) {
          if (e.status >= 400 && e.status < 500) key = newKey();
          showError(f, e);
        }
      });
    });
    fill(action, f);
    amount.focus();
  }

  form.addEventListener('submit', (ev) => { ev.preventDefault(); search(1); });
  await search(1);
}
