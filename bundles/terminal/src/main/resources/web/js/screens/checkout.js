// 收银: a sale at the counter. Items scanned or typed (code, name, quantity, price; Enter adds the line), the
// member (optional), their coupons and points, the tenders the sale will be paid with; Tessera prices the order
// (level discount, coupons, points spread over the lines); then any mix of tenders adding up to what is payable
// (cash with change; WeChat Pay and Alipay with the customer's payment code) and a receipt to print.
import { t } from '../i18n.js';
import { get, post, newKey } from '../api.js';
import * as session from '../session.js';
import { h, fill, field, amountInput, amountOf, table, money, fen, yuan, showError, clearErrors, busy, dateTime, setFieldError } from '../dom.js';
import { hasDomain, storeLabel } from '../nav.js';
import { memberPicker } from '../parts/member-picker.js';

const METHODS = ['MEMBER', 'CASH', 'WECHAT', 'ALIPAY', 'POS_CARD'];

export function render(main) {
  const lines = [];
  let member = null;
  let coupons = [];
  let pointsAvailable = 0;

  const code = h('input', { name: 'sku', id: 'item-code', 'data-field': 'lines', autocomplete: 'off', autofocus: true });
  const name = h('input', { name: 'name', id: 'item-name', autocomplete: 'off' });
  const qty = h('input', { name: 'quantity', id: 'item-qty', inputmode: 'numeric', value: '1' });
  const price = amountInput('unitPrice', { id: 'item-price' });
  const itemForm = h('form', { class: 'filters', id: 'item-form' }, field(t('checkout.code'), code), field(t('checkout.name'), name),
    field(t('checkout.qty'), qty), field(t('checkout.price'), price),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary', id: 'item-add' }, t('checkout.add'))));
  const lineBox = h('div', { id: 'checkout-lines' });
  const memberBox = h('div', { id: 'checkout-member' });
  const payWith = h('div', { class: 'checks', id: 'pay-with' }, METHODS.map((m) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', value: m, 'data-method': m, checked: m === 'CASH' }), t(`tender.${m}`))));
  const priceForm = h('form', { class: 'form', id: 'price-form' }, memberBox, field(t('checkout.payWith'), payWith),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'price-order' }, t('checkout.price.order'))));
  const orderBox = h('div', { id: 'checkout-order' });
  fill(main, h('h2', {}, t('nav.checkout')), itemForm, lineBox,
    memberPicker(async (m) => { member = m; await memberOffers(); }), priceForm, orderBox);
  showLines();

  itemForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(itemForm);
    const n = Number(qty.value);
    if (!code.value.trim()) return setFieldError(code, t('form.required'));
    if (!name.value.trim()) return setFieldError(name, t('form.required'));
    if (!Number.isInteger(n) || n < 1) return setFieldError(qty, t('checkout.qty.invalid'));
    if (price.value === '') return setFieldError(price, t('form.required'));
    lines.push({ sku: code.value.trim(), name: name.value.trim(), quantity: n, unitPrice: amountOf(price) });
    code.value = '';
    name.value = '';
    qty.value = '1';
    price.value = '';
    showLines();
    code.focus();
  });

  function showLines() {
    const total = lines.reduce((s, l) => s + fen(l.unitPrice) * l.quantity, 0);
    fill(lineBox, table([
      { label: '#', value: (l) => String(lines.indexOf(l) + 1) },
      { label: t('checkout.code'), value: (l) => l.sku },
      { label: t('checkout.name'), value: (l) => l.name },
      { label: t('checkout.qty'), value: (l) => String(l.quantity), class: 'num' },
      { label: t('checkout.price'), value: (l) => money(l.unitPrice), class: 'num' },
      { label: t('checkout.amount'), value: (l) => money(yuan(fen(l.unitPrice) * l.quantity)), class: 'num' },
      { label: '', value: (l) => h('button', { type: 'button', class: 'link', onclick: () => { lines.splice(lines.indexOf(l), 1); showLines(); } }, t('action.remove')) },
    ], lines), h('div', { class: 'totals' }, t('checkout.gross'), ' ', h('strong', { id: 'checkout-gross' }, money(yuan(total)))));
  }

  async function memberOffers() {
    coupons = hasDomain('coupons') ? ((await get('/coupons', { memberId: member.id, state: 'AVAILABLE', size: 50 }).catch(() => ({ items: [] }))).items || []) : [];
    pointsAvailable = 0;
    if (hasDomain('points')) {
      const accounts = await get('/points/accounts', { memberId: member.id }).catch(() => []);
      pointsAvailable = accounts.reduce((s, a) => s + (a.available || 0), 0);
    }
    fill(memberBox,
      coupons.length ? field(t('checkout.coupons'), h('div', { class: 'checks', id: 'coupon-choices' }, coupons.map((c) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', value: c.no, 'data-coupon': c.no }), `${c.templateName} (${c.no.slice(-6)}) ${t('checkout.validTo', { date: c.validTo })}`)))) : null,
      pointsAvailable > 0 ? field(t('checkout.points', { available: pointsAvailable }), h('input', { name: 'points', id: 'checkout-points', 'data-field': 'discounts.quantity', inputmode: 'numeric' })) : null);
  }

  priceForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(priceForm);
    if (!lines.length) {
      setFieldError(code, t('checkout.noLines'));
      return;
    }
    const discounts = [...priceForm.querySelectorAll('[data-coupon]:checked')].map((c) => ({ source: 'COUPON', reference: c.value }));
    const points = priceForm.querySelector('#checkout-points');
    if (points && points.value.trim()) discounts.push({ source: 'POINTS', quantity: Number(points.value) });
    const methods = [...payWith.querySelectorAll('input:checked')].map((c) => c.value);
    await busy(priceForm, async () => {
      try {
        const order = await post('/orders', {
          storeId: session.current().storeId, posOrderNo: `T${Date.now()}${Math.floor(Math.random() * 1000)}`, source: 'TERMINAL',
          memberId: member ? member.id : null, payWith: methods.length ? methods : null, lines, discounts: discounts.length ? discounts : null,
        }, { key: newKey() });
        showOrder(order, methods);
      } catch (e) {
        showError(priceForm, e);
      }
    });
  });

  function showOrder(order, methods) {
    let key = newKey();
    const rows = h('div', { id: 'tender-rows' });
    const tenders = [];
    const left = h('strong', { id: 'tender-left' });
    const addTender = (method, amount) => {
      const amt = amountInput('amount', { 'data-tender-amount': method, value: amount });
      const extra = method === 'CASH' ? amountInput('cashReceived', { 'data-cash-received': 'true', placeholder: t('checkout.cashReceived') })
        : method === 'WECHAT' || method === 'ALIPAY' ? h('input', { name: 'authCode', 'data-field': 'tenders.authCode', placeholder: t('checkout.authCode'), autocomplete: 'off' }) : null;
      const row = { method, amt, extra };
      tenders.push(row);
      rows.append(h('div', { class: 'tender-row', 'data-tender': method }, h('span', { class: 'tender-name' }, t(`tender.${method}`)), amt, extra,
        h('button', { type: 'button', class: 'link', onclick: (e) => { tenders.splice(tenders.indexOf(row), 1); e.target.parentElement.remove(); update(); } }, t('action.remove'))));
      amt.addEventListener('input', update);
      update();
    };
    function update() {
      const sum = tenders.reduce((s, x) => s + (x.amt.value ? fen(x.amt.value) : 0), 0);
      left.textContent = money(yuan(fen(order.payable) - sum));
    }
    // One button per tender the order was priced for; a method is taken once (the API's rule), its amount the rest.
    const adder = h('div', { class: 'checks', id: 'tender-add' }, (order.pricedFor || methods).map((m) => h('button', {
      type: 'button', class: 'secondary', 'data-add-tender': m,
      onclick: () => {
        if (tenders.some((x) => x.method === m)) return;
        const remaining = fen(order.payable) - tenders.reduce((s, x) => s + (x.amt.value ? fen(x.amt.value) : 0), 0);
        addTender(m, remaining > 0 ? yuan(remaining) : '');
        tenders[tenders.length - 1].amt.focus();
      },
    }, `+ ${t(`tender.${m}`)}`)));
    const payForm = h('form', { class: 'form', id: 'pay-order-form', novalidate: true },
      h('h3', {}, t('checkout.tenders')), rows, adder,
      h('div', { class: 'totals' }, t('checkout.left'), ' ', left),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'pay-order' }, t('checkout.pay'))));
    payForm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(payForm);
      await busy(payForm, async () => {
        try {
          const paid = await post(`/orders/${order.orderNo}/payments`, {
            tenders: tenders.map((x) => ({
              method: x.method, amount: amountOf(x.amt),
              cashReceived: x.extra && x.extra.name === 'cashReceived' ? amountOf(x.extra) : null,
              authCode: x.extra && x.extra.name === 'authCode' ? x.extra.value.trim() || null : null,
            })),
          }, { key });
          const final = paid.state === 'PAID' ? paid : await waitPaid(paid.orderNo);
          fill(orderBox, receipt(final));
        } catch (e) {
          if (e.status >= 400 && e.status < 500) key = newKey();
          showError(payForm, e);
        }
      });
    });
    fill(orderBox, orderSummary(order), order.state === 'PAID' ? receipt(order) : payForm);
    if (fen(order.payable) > 0 && methods.length === 1) addTender(methods[0], yuan(fen(order.payable)));
  }

  async function waitPaid(orderNo) {
    for (let i = 0; i < 60; i += 1) {
      const o = await get(`/orders/${orderNo}`);
      if (o.state === 'PAID' || o.state === 'CLOSED') return o;
      await new Promise((r) => setTimeout(r, 1000));
    }
    return get(`/orders/${orderNo}`);
  }
}

function orderSummary(o) {
  return h('section', { class: 'details', id: 'order-summary' },
    h('h3', {}, t('checkout.order', { no: o.orderNo })),
    table([
      { label: t('checkout.name'), value: (l) => l.name },
      { label: t('checkout.qty'), value: (l) => String(l.quantity), class: 'num' },
      { label: t('checkout.amount'), value: (l) => money(l.amount), class: 'num' },
      { label: t('checkout.discount'), value: (l) => money(l.discount), class: 'num' },
      { label: t('checkout.payable'), value: (l) => money(l.payable), class: 'num' },
    ], o.lines || []),
    h('div', { class: 'totals big' },
      h('span', {}, t('checkout.gross'), ' ', h('strong', { 'data-name': 'gross' }, money(o.gross))),
      h('span', {}, t('checkout.discount'), ' ', h('strong', { 'data-name': 'discount' }, money(o.discount))),
      h('span', {}, t('checkout.payable'), ' ', h('strong', { 'data-name': 'payable', id: 'order-payable' }, money(o.payable)))),
    (o.discounts || []).length ? h('ul', { class: 'discounts' }, o.discounts.map((d) => h('li', {}, `${t(`discount.${d.source}`)} ${d.reference || ''} −${money(d.amount)}`))) : null);
}

/** The receipt: print-friendly (the print stylesheet hides the rest of the page). */
export function receipt(o) {
  return h('section', { class: 'receipt', id: 'receipt' },
    h('h3', {}, t('receipt.title')),
    h('p', {}, storeLabel(o.storeId)),
    h('p', {}, `${t('receipt.orderNo')} ${o.orderNo}`),
    h('p', {}, dateTime(o.paidAt || o.createdAt)),
    table([
      { label: t('checkout.name'), value: (l) => l.name },
      { label: t('checkout.qty'), value: (l) => String(l.quantity), class: 'num' },
      { label: t('checkout.payable'), value: (l) => money(l.payable), class: 'num' },
    ], o.lines || []),
    h('dl', {},
      h('dt', {}, t('checkout.gross')), h('dd', {}, money(o.gross)),
      h('dt', {}, t('checkout.discount')), h('dd', {}, money(o.discount)),
      h('dt', {}, t('checkout.payable')), h('dd', { 'data-name': 'payable' }, money(o.payable)),
      (o.tenders || []).map((x) => [h('dt', {}, t(`tender.${x.method}`)), h('dd', { 'data-tender-paid': x.method }, money(x.amount),
        x.change && Number(x.change) > 0 ? ` (${t('receipt.change')} ${money(x.change)})` : '')])),
    h('p', { class: 'state', id: 'receipt-state' }, t(`order.state.${o.state}`)),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'print-receipt', onclick: () => window.print() }, t('receipt.print'))));
}
