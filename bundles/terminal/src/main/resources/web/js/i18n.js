// Messages: every label from web/i18n/<lang>.json, every error code's message from web/i18n/errors.<lang>.json.
// zh-CN is the default; the choice is kept in the browser (localStorage) and sent to the API as Accept-Language.

export const LANGUAGES = ['zh-CN', 'en'];
const KEY = 'tessera.lang';
let lang = LANGUAGES.includes(localStorage.getItem(KEY)) ? localStorage.getItem(KEY) : 'zh-CN';
let labels = {};
let errors = {};

export async function loadMessages() {
  const [l, e] = await Promise.all([fetchJson(`i18n/${lang}.json`), fetchJson(`i18n/errors.${lang}.json`)]);
  labels = l;
  errors = e;
  document.documentElement.lang = lang;
}

async function fetchJson(path) {
  const r = await fetch(path, { cache: 'no-cache' });
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

export function language() {
  return lang;
}

export function setLanguage(next) {
  localStorage.setItem(KEY, next);
  lang = next;
}

/** The label of key, with {name} placeholders filled from params; the key itself when it has none. */
export function t(key, params = {}) {
  const text = labels[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? m));
}

/** The message for an error from the API: the code's message in this language, else the server's text. */
export function errorText(err) {
  if (err && err.code && errors[err.code]) return errors[err.code];
  if (err && err.status === 0) return t('error.network');
  return (err && err.message) || t('error.unknown');
}
