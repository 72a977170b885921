// The terminal's frame: login, the header (store, operator, language, logout), the menu of the screens this
// operator may use with the features installed, and the hash routes (#/cards, #/cards/migrate?cardNo=...).
import { loadMessages, t, language, setLanguage, LANGUAGES, errorText } from './i18n.js';
import * as session from './session.js';
import { get, post } from './api.js';
import { h, clear, fill } from './dom.js';
import { available } from './screens.js';
import { renderLogin } from './screens/login.js';
import { parseHash, go, context, storeLabel, myStores, storeOptions } from './nav.js';

const app = document.getElementById('app');
let expiryTimer;

async function boot() {
  await loadMessages();
  document.title = t('app.title');
  window.addEventListener('hashchange', route);
  window.addEventListener('tessera:logged-out', () => visit('login'));
  await route();
}

async function route() {
  const { path, params } = parseHash();
  const s = session.current();
  if (!s || path === 'login') {
    if (s && path === 'login') {
      go('home');
      return;
    }
    app.className = 'login-page';
    renderLogin(clear(app), onLoggedIn);
    return;
  }
  if (!s.storeId && !session.isHq() && (s.operator.storeIds || []).length > 1) {
    await renderStoreChoice();
    return;
  }
  await refreshContext();
  const screens = available(context.domains, session.roles());
  const screen = screens.find((x) => x.path === path) || screens[0];
  renderFrame(screens, screen);
  const main = document.getElementById('main');
  try {
    const module = await screen.load();
    await module.render(main, params);
  } catch (e) {
    fill(main, h('div', { class: 'form-error', role: 'alert' }, errorText(e)));
  }
}

async function refreshContext() {
  const [health, stores] = await Promise.all([get('/health'), get('/stores').catch(() => [])]);
  context.domains = health.domains || [];
  context.stores = stores || [];
  scheduleExpiry();
}

function scheduleExpiry() {
  clearTimeout(expiryTimer);
  const s = session.current();
  if (s && s.expiresAt) {
    const left = Date.parse(s.expiresAt) - Date.now();
    expiryTimer = setTimeout(() => { session.end(); visit('login'); }, Math.max(0, Math.min(left, 2 ** 31 - 1)));
  }
}

function onLoggedIn() {
  visit('home');
}

/** Goes to path; when the hash is already there (no hashchange follows), renders it again. */
function visit(path) {
  if (parseHash().path === path) route();
  else go(path);
}

async function renderStoreChoice() {
  const s = session.current();
  await refreshContext();
  app.className = 'login-page';
  const mine = myStores(session);
  fill(app, h('div', { class: 'login-box' },
    h('h1', {}, t('login.chooseStore')),
    h('div', { class: 'store-choice' }, mine.map((st) => h('button', {
      type: 'button', class: 'primary', 'data-store': String(st.id),
      onclick: () => { session.update({ storeId: st.id }); route(); },
    }, `${st.code} ${st.name}`)))));
}

function renderFrame(screens, active) {
  const s = session.current();
  app.className = 'frame';
  const groups = [];
  for (const sc of screens) {
    const g = sc.group || '';
    let entry = groups.find((x) => x.key === g);
    if (!entry) groups.push((entry = { key: g, items: [] }));
    entry.items.push(sc);
  }
  const storeSwitch = (s.operator.storeIds || []).length > 1 && !session.isHq()
    ? h('select', { id: 'store-switch', 'aria-label': t('header.store'), onchange: (e) => { session.update({ storeId: Number(e.target.value) }); route(); } },
      storeOptions(h, myStores(session), s.storeId))
    : h('span', { id: 'store-name' }, session.isHq() ? t('header.hq') : storeLabel(s.storeId));
  fill(app, 
    h('header', { class: 'top' },
      h('a', { class: 'brand', href: '#/home' }, h('img', { src: 'img/logo.svg', alt: '' }), t('app.title')),
      h('div', { class: 'where' }, storeSwitch),
      h('div', { class: 'who' }, h('span', { id: 'operator-name' }, `${s.operator.name} (${s.operator.employeeNo})`),
        h('select', { id: 'language', 'aria-label': t('header.language'), onchange: async (e) => { setLanguage(e.target.value); await loadMessages(); route(); } },
          LANGUAGES.map((l) => h('option', { value: l, selected: l === language() }, t(`language.${l}`)))),
        h('button', { type: 'button', id: 'logout', onclick: logout }, t('header.logout')))),
    h('nav', { class: 'menu' }, groups.map((g) => h('div', { class: 'menu-group' },
      g.key ? h('div', { class: 'menu-title' }, t(g.key)) : null,
      g.items.map((sc) => h('a', { href: `#/${sc.path}`, class: sc === active ? 'active' : null, 'data-screen': sc.path }, t(sc.label)))))),
    h('main', { id: 'main', tabindex: '-1' }));
  document.title = `${t(active.label)} - ${t('app.title')}`;
}

async function logout() {
  try {
    await post('/auth/logout');
  } catch (e) {
    // The token may be gone already; the session ends here either way.
  }
  session.end();
  visit('login');
}

boot().catch((e) => { app.textContent = `Tessera: ${e.message}`; });
