// 会员查询: a member by phone or member no; edit the profile; return the card (退卡: the member's personal data is
// erased for good, refused while stored value remains — the server decides, the page warns first).
import { t } from '../i18n.js';
import { get, api, post } from '../api.js';
import { h, clear, field, showError, clearErrors, busy, dateTime, maskPhone, toast, fill } from '../dom.js';
import { storeLabel } from '../nav.js';
import { findMember } from '../parts/member-picker.js';

export async function render(main, params) {
  const query = h('input', { name: 'query', id: 'member-query', 'data-field': 'query', autocomplete: 'off', value: params.phone || params.memberNo || '', autofocus: true });
  const form = h('form', { class: 'inline', id: 'member-search' }, field(t('member.phoneOrNo'), query),
    h('button', { type: 'submit', class: 'primary' }, t('action.search')));
  const result = h('div', { id: 'member-result' });
  fill(main, h('h2', {}, t('nav.members.find')), form, result);

  async function find() {
    clearErrors(form);
    clear(result);
    const q = query.value.trim();
    if (!q) return;
    try {
      const m = await findMember(q);
      show(m);
    } catch (e) {
      showError(form, e);
    }
  }

  function show(m) {
    const rows = [
      ['member.no', m.memberNo], ['member.name', m.name], ['member.phone', maskPhone(m.phone)],
      ['member.gender', t(`member.gender.${m.gender || 'UNKNOWN'}`)], ['member.birthday', m.birthday || ''],
      ['member.level', m.levelName || ''], ['member.store', storeLabel(m.registeredStoreId)],
      ['member.registeredAt', dateTime(m.registeredAt)], ['member.status', t(`member.status.${m.status}`)],
    ];
    fill(result, h('dl', { class: 'details', id: 'member-details' }, rows.map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)])));
    if (m.status === 'ACTIVE') result.append(editForm(m), returnForm(m));
  }

  function editForm(m) {
    const name = h('input', { name: 'name', 'data-field': 'name', value: m.name, maxlength: '50' });
    const gender = h('select', { name: 'gender', 'data-field': 'gender' }, ['UNKNOWN', 'FEMALE', 'MALE'].map((g) => h('option', { value: g, selected: g === m.gender }, t(`member.gender.${g}`))));
    const birthday = h('input', { name: 'birthday', type: 'date', 'data-field': 'birthday', value: m.birthday || '' });
    const f = h('form', { class: 'form', id: 'member-edit' }, h('h3', {}, t('member.edit')),
      field(t('member.name'), name), field(t('member.gender'), gender), field(t('member.birthday'), birthday),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('action.save'))));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(f);
      await busy(f, async () => {
        try {
          const updated = await api('PATCH', `/members/${m.id}`, { body: { name: name.value.trim(), gender: gender.value, birthday: birthday.value || null } });
          toast(t('action.saved'));
          show(updated);
        } catch (e) {
          showError(f, e);
        }
      });
    });
    return f;
  }

  function returnForm(m) {
    const reason = h('input', { name: 'reason', 'data-field': 'reason', maxlength: '200' });
    const sure = h('input', { type: 'checkbox', name: 'confirm', 'data-field': 'confirm', id: 'return-confirm' });
    const f = h('form', { class: 'form danger', id: 'member-return' }, h('h3', {}, t('member.returnCard')),
      h('p', { class: 'warning' }, t('member.returnCard.warning')),
      field(t('member.returnCard.reason'), reason),
      h('label', { class: 'check' }, sure, t('member.returnCard.confirm')),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, t('member.returnCard'))));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(f);
      await busy(f, async () => {
        try {
          const done = await post(`/members/${m.id}/return-card`, { confirm: sure.checked, reason: reason.value.trim() || null });
          toast(t('member.returnCard.done'));
          show(done);
        } catch (e) {
          showError(f, e);
        }
      });
    });
    return f;
  }

  form.addEventListener('submit', (ev) => { ev.preventDefault(); find(); });
  if (query.value) await find();
}
