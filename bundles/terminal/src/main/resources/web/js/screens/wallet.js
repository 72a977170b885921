// 会员储值: the member's stored value at this store (principal, bonus, available) and what the counter does with
// it: recharge (the packages on offer, or an amount), member pay, stored-value refund (退储值: the principal left
// goes back to the member and the account closes). Reversals of recharges and refunds of payments start from the
// transaction records (交易记录查询), where the entry to take back is picked.
import { t } from '../i18n.js';
import { get, post, newKey } from '../api.js';
import * as session from '../session.js';
import { h, field, amountInput, money, showError, clearErrors, busy, toast, fill, amountOf } from '../dom.js';
import { memberPicker } from '../parts/member-picker.js';

export const TENDERS = ['CASH', 'WECHAT', 'ALIPAY', 'POS_CARD'];

export async function render(main, params) {
  const body = h('div', { id: 'wallet-body' });
  fill(main, h('h2', {}, t('nav.wallet.counter')), memberPicker(show, params.phone || params.memberNo || ''), body);

  async function show(member) {
    const storeId = session.current().storeId;
    const accounts = await get('/wallets/accounts', { memberId: member.id });
    const account = accounts.find((a) => a.scopeStoreId === storeId && a.status === 'OPEN') || accounts.find((a) => a.status === 'OPEN');
    const packages = (await get('/wallets/packages').catch(() => [])).filter((p) => p.enabled !== false);
    fill(body, 
      balances(account),
      h('div', { class: 'columns' }, rechargeForm(member, storeId, packages), payForm(member, storeId)),
      account ? svRefundForm(member, storeId, account) : null,
      h('p', {}, h('a', { href: `#/wallet/transactions?memberNo=${encodeURIComponent(member.memberNo)}`, id: 'member-transactions' }, t('wallet.transactions.ofMember'))));

    function refresh() {
      return show(member);
    }

    function rechargeForm(m, store, pkgs) {
      let key = newKey();
      let chosen = null;
      const amount = amountInput('amount', { id: 'recharge-amount' });
      const method = h('select', { name: 'method', 'data-field': 'method', id: 'recharge-method' }, TENDERS.map((x) => h('option', { value: x }, t(`tender.${x}`))));
      const remark = h('input', { name: 'remark', 'data-field': 'remark', maxlength: '200' });
      const pkgButtons = h('div', { class: 'packages', id: 'packages' }, pkgs.map((p) => h('button', {
        type: 'button', class: 'package', 'data-package': String(p.id),
        onclick: (e) => {
          chosen = p;
          amount.value = money(p.payAmount).replace(/,/g, '');
          body.querySelectorAll('.package').forEach((b) => b.classList.toggle('chosen', b === e.currentTarget));
        },
      }, h('strong', {}, p.name), h('span', {}, t('wallet.package.line', { pay: money(p.payAmount), bonus: money(p.bonusAmount) })))));
      amount.addEventListener('input', () => {
        if (chosen && amount.value !== money(chosen.payAmount).replace(/,/g, '')) {
          chosen = null;
          body.querySelectorAll('.package').forEach((b) => b.classList.remove('chosen'));
        }
      });
      const f = h('form', { class: 'form', id: 'recharge-form', novalidate: true }, h('h3', {}, t('wallet.recharge')),
        pkgs.length ? field(t('wallet.packages'), pkgButtons) : null,
        field(t('wallet.amount'), amount), field(t('wallet.method'), method), field(t('wallet.remark'), remark),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'recharge-submit' }, t('wallet.recharge'))));
      f.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(f);
        await busy(f, async () => {
          try {
            const r = await post('/wallets/recharges', {
              memberId: m.id, storeId: store, amount: amountOf(amount), method: method.value,
              packageId: chosen ? chosen.id : null, remark: remark.value.trim() || null,
            }, { key });
            key = newKey();
            toast(t('wallet.recharged', { principal: money(r.entry.principalDelta), bonus: money(r.entry.bonusDelta) }));
            await refresh();
          } catch (e) {
            if (e.status >= 400 && e.status < 500) key = newKey();
            showError(f, e);
          }
        });
      });
      return f;
    }

    function payForm(m, store) {
      let key = newKey();
      const amount = amountInput('amount', { id: 'pay-amount' });
      const orderNo = h('input', { name: 'orderNo', 'data-field': 'orderNo', maxlength: '64', autocomplete: 'off' });
      const remark = h('input', { name: 'remark', 'data-field': 'remark', maxlength: '200' });
      const f = h('form', { class: 'form', id: 'pay-form', novalidate: true }, h('h3', {}, t('wallet.pay')),
        field(t('wallet.amount'), amount), field(t('wallet.orderNo'), orderNo), field(t('wallet.remark'), remark),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'pay-submit' }, t('wallet.pay'))));
      f.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(f);
        await busy(f, async () => {
          try {
            const r = await post('/wallets/payments', {
              memberId: m.id, storeId: store, amount: amountOf(amount), orderNo: orderNo.value.trim() || null, remark: remark.value.trim() || null,
            }, { key });
            key = newKey();
            toast(t('wallet.paid', { amount: money(-(Number(r.entry.principalDelta) + Number(r.entry.bonusDelta))) }));
            await refresh();
          } catch (e) {
            if (e.status >= 400 && e.status < 500) key = newKey();
            showError(f, e);
          }
        });
      });
      return f;
    }

    function svRefundForm(m, store, acc) {
      let key = newKey();
      const method = h('select', { name: 'method', 'data-field': 'method' }, TENDERS.map((x) => h('option', { value: x }, t(`tender.${x}`))));
      const reason = h('input', { name: 'reason', 'data-field': 'reason', maxlength: '200' });
      const f = h('form', { class: 'form danger', id: 'sv-refund-form', novalidate: true }, h('h3', {}, t('wallet.svRefund')),
        h('p', { class: 'warning' }, t('wallet.svRefund.warning', { principal: money(acc.principal), bonus: money(acc.bonus) })),
        field(t('wallet.svRefund.method'), method), field(t('wallet.reason'), reason),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, t('wallet.svRefund'))));
      f.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearErrors(f);
        await busy(f, async () => {
          try {
            await post('/wallets/stored-value-refunds', { memberId: m.id, storeId: store, method: method.value, reason: reason.value.trim() || null }, { key });
            toast(t('wallet.svRefunded'));
            await refresh();
          } catch (e) {
            // A refusal is final for this request: a corrected one is a new request.
            if (e.status >= 400 && e.status < 500) key = newKey();
            showError(f, e);
          }
        });
      });
      return f;
    }
  }
}

export function balances(account) {
  if (!account) return h('p', { class: 'note', id: 'wallet-balances' }, t('wallet.noAccount'));
  return h('div', { class: 'totals big', id: 'wallet-balances' },
    h('span', {}, t('wallet.principal'), ' ', h('strong', { 'data-name': 'principal' }, money(account.principal))),
    h('span', {}, t('wallet.bonus'), ' ', h('strong', { 'data-name': 'bonus' }, money(account.bonus))),
    h('span', {}, t('wallet.total'), ' ', h('strong', { 'data-name': 'total' }, money(account.total))),
    h('span', {}, t('wallet.available'), ' ', h('strong', { 'data-name': 'available' }, money(account.available))));
}
