// 登录: the phone registered for the operator and an SMS code. The code request answers the same for any phone
// (the API never says whether a phone belongs to an operator); too many wrong codes lock the login for a while.
import { t } from '../i18n.js';
import { post } from '../api.js';
import * as session from '../session.js';
import { h, field, showError, clearErrors, busy, countdown, setFieldError, PHONE } from '../dom.js';

const RESEND_SECONDS = 60;

export function renderLogin(root, loggedIn) {
  const phone = h('input', { name: 'phone', id: 'login-phone', 'data-field': 'phone', inputmode: 'numeric', autocomplete: 'username', maxlength: '11', autofocus: true });
  const code = h('input', { name: 'code', id: 'login-code', 'data-field': 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6' });
  const send = h('button', { type: 'button', id: 'send-code', class: 'secondary' }, t('login.sendCode'));
  const submit = h('button', { type: 'submit', id: 'login-submit', class: 'primary' }, t('login.submit'));
  const note = h('p', { class: 'note', id: 'login-note', role: 'status' });
  const form = h('form', { class: 'login-box', novalidate: true },
    h('h1', {}, h('img', { src: 'img/logo.svg', alt: '' }), t('app.title')),
    field(t('login.phone'), phone),
    h('div', { class: 'code-row' }, field(t('login.code'), code), send),
    note,
    submit);

  send.addEventListener('click', async () => {
    clearErrors(form);
    if (!PHONE.test(phone.value.trim())) {
      setFieldError(phone, t('form.phone.invalid'));
      phone.focus();
      return;
    }
    try {
      await post('/auth/codes', { phone: phone.value.trim() });
      note.textContent = t('login.codeSent');
      countdown(send, RESEND_SECONDS, t('login.sendCode'));
      code.focus();
    } catch (e) {
      showError(form, e);
    }
  });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    if (!PHONE.test(phone.value.trim())) {
      setFieldError(phone, t('form.phone.invalid'));
      phone.focus();
      return;
    }
    if (!/^\d{6}$/.test(code.value.trim())) {
      setFieldError(code, t('login.code.invalid'));
      code.focus();
      return;
    }
    await busy(form, async () => {
      try {
        const result = await post('/auth/login', { phone: phone.value.trim(), code: code.value.trim() });
        session.start(result);
        loggedIn();
      } catch (e) {
        showError(form, e);
      }
    });
  });
  root.append(form);
}
