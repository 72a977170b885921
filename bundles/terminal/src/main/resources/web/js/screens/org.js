// 组织 (HQ admin): business formats (业态), stores, operators (roles, stores, enabled), integrator clients (接入方:
// the new client's secret is shown once, then only its hash is kept; clients can also come from etc/ files).
import { t } from '../i18n.js';
import { get, post, put } from '../api.js';
import { h, fill, field, table, pager, showError, clearErrors, busy, maskPhone, toast } from '../dom.js';
import { context } from '../nav.js';

const VIEWS = ['stores', 'formats', 'operators', 'clients'];
const ROLES = ['CLERK', 'STORE_MANAGER', 'FINANCE', 'HQ_ADMIN'];

export async function render(main, params) {
  const view = VIEWS.includes(params.view) ? params.view : 'stores';
  const tabs = h('div', { class: 'tabs' }, VIEWS.map((v) => h('a', { href: `#/org?view=${v}`, class: v === view ? 'active' : null, 'data-view': v }, t(`org.${v}`))));
  const body = h('div', { id: 'org-body' });
  fill(main, h('h2', {}, t('nav.org')), tabs, body);
  if (view === 'stores') await stores(body);
  else if (view === 'formats') await formats(body);
  else if (view === 'clients') await clients(body);
  else await operators(body);
}

function simpleForm(id, title, fields, submit) {
  const form = h('form', { class: 'filters', id, novalidate: true }, h('h3', {}, title), fields.map(([label, input]) => field(label, input)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: `${id}-submit` }, t('action.save'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    await busy(form, async () => {
      try {
        await submit();
        toast(t('action.saved'));
        form.reset();
      } catch (e) {
        showError(form, e);
      }
    });
  });
  return form;
}

async function formats(body) {
  const list = h('div', { id: 'format-list' });
  const code = h('input', { name: 'code', 'data-field': 'code', maxlength: '32' });
  const name = h('input', { name: 'name', 'data-field': 'name', maxlength: '50' });
  async function load() {
    fill(list, table([{ label: t('org.code'), value: (f) => f.code }, { label: t('org.name'), value: (f) => f.name }], await get('/formats')));
  }
  fill(body, list, simpleForm('format-form', t('org.formats.new'), [[t('org.code'), code], [t('org.name'), name]], async () => {
    await post('/formats', { code: code.value.trim(), name: name.value.trim() });
    await load();
  }));
  await load();
}

async function stores(body) {
  const formatList = await get('/formats');
  const list = h('div', { id: 'store-list' });
  const code = h('input', { name: 'code', 'data-field': 'code', maxlength: '32' });
  const name = h('input', { name: 'name', 'data-field': 'name', maxlength: '100' });
  const format = h('select', { name: 'formatCode', 'data-field': 'formatCode' }, formatList.map((f) => h('option', { value: f.code }, `${f.code} ${f.name}`)));
  async function load() {
    const all = await get('/stores');
    context.stores = all;
    fill(list, table([
      { label: t('org.code'), value: (s) => s.code },
      { label: t('org.name'), value: (s) => s.name },
      { label: t('ledger.format'), value: (s) => s.formatCode },
      { label: t('import.status'), value: (s) => t(`store.status.${s.status}`) },
      { label: '', value: (s) => h('button', { type: 'button', class: 'link', 'data-toggle-store': s.code, onclick: async () => {
        await put(`/stores/${s.id}`, { code: s.code, name: s.name, formatCode: s.formatCode, status: s.status === 'OPEN' ? 'CLOSED' : 'OPEN' }).catch((e) => showError(list, e));
        await load();
      } }, s.status === 'OPEN' ? t('org.close') : t('org.open')) },
    ], all));
  }
  fill(body, list, simpleForm('store-form', t('org.stores.new'), [[t('org.code'), code], [t('org.name'), name], [t('ledger.format'), format]], async () => {
    await post('/stores', { code: code.value.trim(), name: name.value.trim(), formatCode: format.value });
    await load();
  }));
  await load();
}

async function operators(body) {
  const list = h('div', { id: 'operator-list' });
  const employeeNo = h('input', { name: 'employeeNo', 'data-field': 'employeeNo', maxlength: '32' });
  const name = h('input', { name: 'name', 'data-field': 'name', maxlength: '50' });
  const phone = h('input', { name: 'phone', 'data-field': 'phone', inputmode: 'numeric', maxlength: '11' });
  const roles = h('div', { class: 'checks', 'data-field': 'roles' }, ROLES.map((r) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: r, 'data-role': r }), t(`role.${r}`))));
  const stores = h('div', { class: 'checks', 'data-field': 'storeIds' }, context.stores.map((s) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: String(s.id) }), `${s.code} ${s.name}`)));
  const checked = (box) => [...box.querySelectorAll('input:checked')].map((c) => c.value);
  async function load(page) {
    const p = await get('/operators', { page, size: 20 });
    fill(list, table([
      { label: t('org.employeeNo'), value: (o) => o.employeeNo },
      { label: t('org.name'), value: (o) => o.name },
      { label: t('member.phone'), value: (o) => maskPhone(o.phone) },
      { label: t('org.roles'), value: (o) => (o.roles || []).map((r) => t(`role.${r}`)).join('、') },
      { label: t('org.stores'), value: (o) => (o.storeIds || []).map((id) => (context.stores.find((s) => s.id === id) || { code: id }).code).join('、') },
      { label: t('import.status'), value: (o) => (o.enabled ? t('org.enabled') : t('org.disabled')) },
      { label: '', value: (o) => h('button', { type: 'button', class: 'link', onclick: async () => {
        await put(`/operators/${o.id}`, { employeeNo: o.employeeNo, name: o.name, phone: o.phone, roles: o.roles, storeIds: o.storeIds, enabled: !o.enabled }).catch((e) => showError(list, e));
        await load(page);
      } }, o.enabled ? t('org.disable') : t('org.enable')) },
    ], p.items || []), pager(page, 20, p.total, load));
  }
  fill(body, list, simpleForm('operator-form', t('org.operators.new'),
    [[t('org.employeeNo'), employeeNo], [t('org.name'), name], [t('member.phone'), phone], [t('org.roles'), roles], [t('org.stores'), stores]], async () => {
      await post('/operators', { employeeNo: employeeNo.value.trim(), name: name.value.trim(), phone: phone.value.trim(), roles: checked(roles), storeIds: checked(stores).map(Number), enabled: true });
      await load(1);
    }));
  await load(1);
}

async function clients(body) {
  const list = h('div', { id: 'client-list' });
  const shown = h('div', { id: 'client-secret' });
  const clientId = h('input', { name: 'clientId', 'data-field': 'clientId', maxlength: '64' });
  const name = h('input', { name: 'name', 'data-field': 'name', maxlength: '100' });
  const role = h('select', { name: 'role', 'data-field': 'role' }, ROLES.map((r) => h('option', { value: r }, t(`role.${r}`))));
  const stores = h('div', { class: 'checks', 'data-field': 'storeIds' }, context.stores.map((s) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: String(s.id) }), `${s.code} ${s.name}`)));
  const storeCode = (id) => (context.stores.find((s) => s.id === id) || { code: id }).code;
  async function load() {
    fill(list, table([
      { label: t('org.clientId'), value: (c) => c.clientId },
      { label: t('org.name'), value: (c) => c.name },
      { label: t('org.roles'), value: (c) => t(`role.${c.role}`) },
      { label: t('org.stores'), value: (c) => (c.storeIds || []).map(storeCode).join('、') },
      { label: t('import.status'), value: (c) => (c.enabled ? t('org.enabled') : t('org.disabled')) },
      { label: '', value: (c) => (c.enabled ? h('button', { type: 'button', class: 'link', 'data-disable-client': c.clientId, onclick: async () => {
        if (!window.confirm(t('org.clients.disableConfirm', { id: c.clientId }))) return;
        await post(`/clients/${encodeURIComponent(c.clientId)}/disable`).catch((e) => showError(list, e));
        await load();
      } }, t('org.disable')) : '') },
    ], await get('/clients')));
  }
  fill(body, list, shown, simpleForm('client-form', t('org.clients.new'),
    [[t('org.clientId'), clientId], [t('org.name'), name], [t('org.roles'), role], [t('org.stores'), stores]], async () => {
      const storeIds = [...stores.querySelectorAll('input:checked')].map((c) => Number(c.value));
      const made = await post('/clients', { clientId: clientId.value.trim(), name: name.value.trim() || null, role: role.value, storeIds });
      fill(shown, h('div', { class: 'secret-box' }, h('h3', {}, t('org.clients.made', { id: made.clientId })),
        h('code', { id: 'client-secret-value' }, made.secret), h('p', { class: 'warning' }, t('org.clients.once'))));
      await load();
    }), h('p', { class: 'note' }, t('org.clients.note')));
  await load();
}
