// 代会员注册: the clerk registers a member on the member's behalf (phone, name, gender, birthday) in the store of
// the shift; when another screen sent the clerk here ("register now" in a migration), it goes back there after.
import { t } from '../i18n.js';
import { post, newKey } from '../api.js';
import * as session from '../session.js';
import { h, field, showError, clearErrors, busy, setFieldError, toast, fill, PHONE } from '../dom.js';
import { go } from '../nav.js';


export function render(main, params) {
  let key = newKey();
  const phone = h('input', { name: 'phone', id: 'register-phone', 'data-field': 'phone', inputmode: 'numeric', maxlength: '11', autocomplete: 'off', value: params.phone || '' });
  const name = h('input', { name: 'name', id: 'register-name', 'data-field': 'name', maxlength: '50', autocomplete: 'off' });
  const gender = h('select', { name: 'gender', 'data-field': 'gender' }, ['UNKNOWN', 'FEMALE', 'MALE'].map((g) => h('option', { value: g }, t(`member.gender.${g}`))));
  const birthday = h('input', { name: 'birthday', type: 'date', 'data-field': 'birthday' });
  const form = h('form', { class: 'form', id: 'register-form', novalidate: true },
    field(t('member.phone'), phone), field(t('member.name'), name), field(t('member.gender'), gender), field(t('member.birthday'), birthday),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: 'register-submit' }, t('member.register')),
      params.back ? h('button', { type: 'button', class: 'secondary', onclick: () => back() }, t('action.back')) : null));
  fill(main, h('h2', {}, t('nav.members.register')), form);
  (params.phone ? name : phone).focus();

  // Back to the screen that asked, with the phone as typed (answers carry it masked for store roles).
  function back(registeredPhone) {
    const { back: to, ...rest } = params;
    go(to, { ...rest, phone: registeredPhone || params.phone });
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    if (!PHONE.test(phone.value.trim())) {
      setFieldError(phone, t('form.phone.invalid'));
      return;
    }
    if (!name.value.trim()) {
      setFieldError(name, t('form.required'));
      return;
    }
    await busy(form, async () => {
      try {
        const m = await post('/members', {
          phone: phone.value.trim(), name: name.value.trim(), gender: gender.value,
          birthday: birthday.value || null, storeId: session.current().storeId,
        }, { key });
        toast(t('member.registered', { no: m.memberNo }));
        if (params.back) back(phone.value.trim());
        else go('members', { memberNo: m.memberNo });
      } catch (e) {
        // A refusal is final for this request: a corrected one is a new request.
        if (e.status >= 400 && e.status < 500) key = newKey();
        showError(form, e);
      }
    });
  });
}
