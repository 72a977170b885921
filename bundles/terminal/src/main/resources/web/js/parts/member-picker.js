// Picking the member at the counter: phone (or scanned member no) and Enter; the member found is shown masked.
import { t } from '../i18n.js';
import { get } from '../api.js';
import { h, field, showError, clearErrors, maskPhone, PHONE } from '../dom.js';

/** The member a clerk typed: a phone number, or else a member no. */
export function findMember(q) {
  return PHONE.test(q) ? get(`/members/by-phone/${q}`) : get(`/members/by-no/${encodeURIComponent(q)}`);
}

export function memberPicker(onMember, initial = '') {
  const query = h('input', { name: 'member', id: 'member-pick', 'data-field': 'phone', autocomplete: 'off', value: initial, placeholder: t('member.phoneOrNo') });
  const found = h('span', { class: 'member-found', id: 'picked-member' });
  const form = h('form', { class: 'inline member-picker', id: 'member-picker' }, field(t('member.phoneOrNo'), query),
    h('button', { type: 'submit', class: 'secondary' }, t('action.find')), found);
  async function find() {
    clearErrors(form);
    found.textContent = '';
    const q = query.value.trim();
    if (!q) return;
    try {
      const m = await findMember(q);
      found.textContent = t('member.picked', { name: m.name, no: m.memberNo, phone: maskPhone(m.phone) });
      await onMember(m);
    } catch (e) {
      showError(form, e);
    }
  }
  form.addEventListener('submit', (ev) => { ev.preventDefault(); find(); });
  if (initial) setTimeout(find);
  return form;
}
