// 订单与退款: the store's orders (today's by default, or by order no); an order with its lines, discounts and
// tenders; a refund by lines and units (退货) with its reason, which gives back what those lines were paid through
// the tenders they were paid with (the server splits it); the order's refunds.
import { t } from '../i18n.js';
import { get, post, newKey } from '../api.js';
import * as session from '../session.js';
import { h, fill, field, table, pager, money, dateTime, showError, clearErrors, busy, today, setFieldError } from '../dom.js';
import { receipt } from './checkout.js';

const SIZE = 20;

export async function render(main, params) {
  const orderNo = h('input', { name: 'orderNo', id: 'order-no', 'data-field': 'orderNo', autocomplete: 'off', value: params.orderNo || '' });
  const date = h('input', { type: 'date', name: 'date', 'data-field': 'from', value: today() });
  const form = h('form', { class: 'filters', id: 'order-query' }, field(t('receipt.orderNo'), orderNo), field(t('ledger.date'), date),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'order-search' }, t('action.search'))));
  const list = h('div', { id: 'order-list' });
  const detail = h('div', { id: 'order-detail' });
  fill(main, h('h2', {}, t('nav.orders')), form, list, detail);

  async function search(page) {
    clearErrors(form);
    fill(detail);
    await busy(form, async () => {
      try {
        if (orderNo.value.trim()) {
          fill(list);
          await open(orderNo.value.trim());
          return;
        }
        const p = await get('/orders', { storeId: session.isHq() ? null : session.current().storeId, from: date.value, to: date.value, page, size: SIZE });
        fill(list, table([
          { label: t('receipt.orderNo'), value: (o) => o.orderNo, class: 'mono' },
          { label: t('entry.time'), value: (o) => dateTime(o.createdAt) },
          { label: t('checkout.payable'), value: (o) => money(o.payable), class: 'num' },
          { label: t('order.refunded'), value: (o) => money(o.refunded), class: 'num' },
          { label: t('import.status'), value: (o) => t(`order.state.${o.state}`) },
        ], p.items || [], { onRow: (o) => open(o.orderNo) }), pager(page, SIZE, p.total, search));
      } catch (e) {
        showError(form, e);
      }
    });
  }

  async function open(no) {
    try {
      const o = await get(`/orders/${encodeURIComponent(no)}`);
      const refunds = await get(`/orders/${encodeURIComponent(no)}/refunds`).catch(() => []);
      fill(detail, receipt(o), refundForm(o), refundList(Array.isArray(refunds) ? refunds : refunds.items || []));
    } catch (e) {
      showError(form, e);
    }
  }

  function refundForm(o) {
    if (o.state !== 'PAID' && o.state !== 'PARTIALLY_REFUNDED') return null;
    let key = newKey();
    const inputs = [];
    const reason = h('input', { name: 'reason', 'data-field': 'reason', maxlength: '500', id: 'refund-reason' });
    const f = h('form', { class: 'form', id: 'order-refund-form', novalidate: true }, h('h3', {}, t('order.refund')),
      table([
        { label: '#', value: (l) => String(l.lineNo) },
        { label: t('checkout.name'), value: (l) => l.name },
        { label: t('checkout.qty'), value: (l) => String(l.quantity), class: 'num' },
        { label: t('order.returned'), value: (l) => String(l.returnedQuantity), class: 'num' },
        { label: t('checkout.payable'), value: (l) => money(l.payable), class: 'num' },
        {
          label: t('order.returnQty'),
          value: (l) => {
            const left = l.quantity - l.returnedQuantity;
            const input = h('input', { name: `lines[${l.lineNo}]`, 'data-field': 'lines', 'data-line': String(l.lineNo), inputmode: 'numeric', class: 'qty', placeholder: `0-${left}`, disabled: left <= 0 });
            inputs.push({ line: l, input, left });
            return input;
          },
        },
      ], o.lines || []),
      field(t('wallet.reason'), reason),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'order-refund-submit' }, t('order.refund'))));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(f);
      const lines = [];
      for (const x of inputs) {
        if (!x.input.value.trim()) continue;
        const n = Number(x.input.value);
        if (!Number.isInteger(n) || n < 1 || n > x.left) {
          setFieldError(x.input, t('order.returnQty.invalid', { max: x.left }));
          return;
        }
        lines.push({ lineNo: x.line.lineNo, quantity: n });
      }
      if (!lines.length) {
        setFieldError(inputs[0].input, t('order.returnQty.none'));
        return;
      }
      await busy(f, async () => {
        try {
          const r = await post(`/orders/${encodeURIComponent(o.orderNo)}/refunds`, { lines, reason: reason.value.trim() || null }, { key });
          f.replaceWith(h('p', { class: 'success', id: 'refund-done' }, t('order.refunded.done', { amount: money(r.amount), state: t(`refund.state.${r.state}`) })));
          await open(o.orderNo);
        } catch (e) {
          if (e.status >= 400 && e.status < 500) key = newKey();
          showError(f, e);
        }
      });
    });
    return f;
  }

  function refundList(refunds) {
    if (!refunds.length) return null;
    return h('section', { id: 'order-refunds' }, h('h3', {}, t('order.refunds')), table([
      { label: t('order.refundNo'), value: (r) => r.refundNo, class: 'mono' },
      { label: t('entry.time'), value: (r) => dateTime(r.createdAt) },
      { label: t('wallet.amount'), value: (r) => money(r.amount), class: 'num' },
      { label: t('order.refundTenders'), value: (r) => (r.tenders || []).map((p) => `${t(`tender.${p.method}`)} ${money(p.amount)}`).join('，') },
      { label: t('import.status'), value: (r) => t(`refund.state.${r.state}`) },
      { label: t('wallet.reason'), value: (r) => r.reason || '' },
    ], refunds));
  }

  form.addEventListener('submit', (ev) => { ev.preventDefault(); search(1); });
  await search(1);
}
