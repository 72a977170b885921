// Small helpers every screen uses: building elements, amounts, dates, phones, tables, paging, field errors.
import { t, errorText, language } from './i18n.js';

/**
 * An element: h('button', { class: 'primary', onclick: f, 'data-field': 'phone' }, 'text', child...).
 * Text is always text (never parsed as HTML); no inline styles (the Content-Security-Policy forbids them).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'value') el.value = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** Replaces what el holds with children (nodes, text, arrays; null and false left out). */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** The number an amount field holds, for the API (which takes amounts as JSON numbers); null when empty. */
export function amountOf(input) {
  return input.value === '' ? null : Number(input.value);
}

export const BUSINESS_ZONE = 'Asia/Shanghai';

/** An amount with two decimals and group separators ("1,234.50"); empty for none. */
export function money(v) {
  if (v === undefined || v === null || v === '') return '';
  return new Intl.NumberFormat(language(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fen(v) / 100);
}

/** An amount in fen (an integer): all arithmetic on amounts in the pages is done in fen. */
export function fen(v) {
  return Math.round(Number(v) * 100);
}

/** Fen back to the API's decimal text ("12.30"). */
export function yuan(f) {
  const sign = f < 0 ? '-' : '';
  const a = Math.abs(f);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** A mainland mobile number, as the API takes it. */
export const PHONE = /^1[3-9]\d{9}$/;

/** What an amount field accepts as it is typed: digits, at most two decimals. */
export const AMOUNT = /^\d{1,9}(\.\d{0,2})?$/;

/** A date and time in the stores' business zone. */
export function dateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language(), {
    timeZone: BUSINESS_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).format(new Date(iso));
}

/** Today in the business zone, as yyyy-MM-dd. */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_ZONE }).format(new Date());
}

export function maskPhone(p) {
  return p && p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : p || '';
}

/** A labelled form field: the input carries data-field (the API's field name) so errors land next to it. */
export function field(label, input, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'label' }, label), input, hint ? h('small', { class: 'hint' }, hint) : null);
}

/** An amount input that refuses a third decimal as it is typed. */
export function amountInput(name, attrs = {}) {
  const input = h('input', { name, 'data-field': name, inputmode: 'decimal', autocomplete: 'off', ...attrs });
  let last = input.value;
  input.addEventListener('input', () => {
    if (input.value === '' || AMOUNT.test(input.value)) {
      last = input.value;
      setFieldError(input, null);
    } else {
      input.value = last;
      setFieldError(input, t('form.amount.twoDecimals'));
    }
  });
  return input;
}

/** Shows message under the field (or clears it). */
export function setFieldError(input, message) {
  const box = input.closest('.field') || input.parentElement;
  let note = box.querySelector(':scope > .field-error');
  if (!message) {
    if (note) note.remove();
    input.removeAttribute('aria-invalid');
    return;
  }
  if (!note) {
    note = h('div', { class: 'field-error', role: 'alert' });
    box.append(note);
  }
  note.textContent = message;
  input.setAttribute('aria-invalid', 'true');
}

/**
 * Shows an API error in form: next to the input whose data-field is the error's field (the API's name for it),
 * else in the form's message box. Answers the message.
 */
export function showError(form, err) {
  clearErrors(form);
  const message = errorText(err);
  const input = err && err.field ? form.querySelector(`[data-field="${CSS.escape(err.field)}"]`) : null;
  if (input) {
    setFieldError(input, message);
    input.focus();
  } else {
    let box = form.querySelector('.form-error');
    if (!box) {
      box = h('div', { class: 'form-error', role: 'alert' });
      form.prepend(box);
    }
    // The catalogue's message, and under it the server's own words (they name the figures: what the tenders add
    // up to, how many points may be used) when they say more than the code.
    fill(box, message, err && err.code && err.message && err.message !== message ? h('small', { class: 'detail' }, err.message) : null);
  }
  return message;
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error, .form-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/** A table: columns [{ label, value: row => text or node, class }]; an empty list says so. */
export function table(columns, rows, options = {}) {
  const head = h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.class }, c.label))));
  const body = h('tbody', {}, rows.length === 0
    ? h('tr', {}, h('td', { class: 'empty', colspan: String(columns.length) }, t('table.empty')))
    : rows.map((r) => h('tr', { onclick: options.onRow ? () => options.onRow(r) : null, class: options.onRow ? 'clickable' : null },
      columns.map((c) => h('td', { class: c.class }, c.value(r))))));
  const foot = options.footer ? h('tfoot', {}, options.footer) : null;
  return h('div', { class: 'table-wrap' }, h('table', { class: 'grid' }, head, body, foot));
}

/** Paging under a table: page numbers start at 1. */
export function pager(page, size, total, go) {
  const pages = Math.max(1, Math.ceil(total / size));
  return h('div', { class: 'pager' },
    h('span', {}, t('table.total', { total })),
    h('button', { type: 'button', disabled: page <= 1, onclick: () => go(page - 1) }, t('table.previous')),
    h('span', { class: 'page-no' }, `${page} / ${pages}`),
    h('button', { type: 'button', disabled: page >= pages, onclick: () => go(page + 1) }, t('table.next')));
}

/** A short note at the top of the page that goes away by itself. */
export function toast(message, kind = 'ok') {
  let box = document.getElementById('toasts');
  if (!box) {
    box = h('div', { id: 'toasts' });
    document.body.append(box);
  }
  const el = h('div', { class: `toast ${kind}`, role: 'status' }, message);
  box.append(el);
  setTimeout(() => el.remove(), 4000);
}

/** Disables the form's buttons while work runs, so Enter pressed twice sends once. */
export async function busy(form, work) {
  const buttons = [...form.querySelectorAll('button')].filter((b) => !b.disabled);
  buttons.forEach((b) => { b.disabled = true; });
  form.classList.add('busy');
  try {
    return await work();
  } finally {
    buttons.filter((b) => !b.dataset.counting).forEach((b) => { b.disabled = false; });
    form.classList.remove('busy');
  }
}

/** A countdown on a button: disabled, "label (59s)", until seconds have passed. */
export function countdown(button, seconds, label) {
  let left = seconds;
  button.disabled = true;
  button.dataset.counting = 'true';
  const tick = () => {
    if (left <= 0 || !button.isConnected) {
      delete button.dataset.counting;
      button.disabled = false;
      button.textContent = label;
      return;
    }
    button.textContent = t('countdown', { label, seconds: left });
    left -= 1;
    setTimeout(tick, 1000);
  };
  tick();
}
