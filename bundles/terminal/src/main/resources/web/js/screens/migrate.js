// 实体卡迁移, as the manual shows it: the card (card no, balance, owning store read from the card), "migrate to:
// store stored value", the member by phone (or "register now" when the phone is no member, and back here), the
// member's code (valid 10 minutes), vouchers, a remark, confirm; then the migration's details.
import { t } from '../i18n.js';
import { get, post, newKey } from '../api.js';
import { h, clear, field, money, showError, clearErrors, busy, countdown, setFieldError, maskPhone, fill, PHONE } from '../dom.js';
import { go, storeLabel } from '../nav.js';
import { voucherPicker } from '../parts/vouchers.js';
import { migrationDetails } from '../parts/migration.js';

const RESEND_SECONDS = 60;

export async function render(main, params) {
  const cardNo = h('input', { name: 'cardNo', id: 'migrate-card-no', 'data-field': 'cardNo', autocomplete: 'off', value: params.cardNo || '', autofocus: true });
  const readCard = h('button', { type: 'submit', class: 'secondary', id: 'read-card' }, t('migrate.readCard'));
  const cardForm = h('form', { class: 'inline', id: 'card-form' }, field(t('card.no'), cardNo), readCard);
  const body = h('div', { id: 'migrate-body' });
  fill(main, h('h2', {}, t('nav.cards.migrate')), cardForm, body);

  cardForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(cardForm);
    const no = cardNo.value.trim();
    if (!no) {
      setFieldError(cardNo, t('form.required'));
      return;
    }
    await busy(cardForm, async () => {
      try {
        const card = await get(`/cards/${encodeURIComponent(no)}`);
        showCard(card);
      } catch (e) {
        clear(body);
        showError(cardForm, e);
      }
    });
  });

  function showCard(card) {
    const info = h('dl', { class: 'card-info', id: 'card-info' },
      h('dt', {}, t('card.no')), h('dd', { 'data-name': 'cardNo' }, card.cardNo),
      h('dt', {}, t('card.type')), h('dd', {}, card.typeName || card.typeCode),
      h('dt', {}, t('card.balance')), h('dd', { 'data-name': 'balance', class: 'num' }, money(card.balance)),
      h('dt', {}, t('card.ownerStore')), h('dd', { 'data-name': 'store' }, card.storeLabel || storeLabel(card.storeId)),
      h('dt', {}, t('card.status')), h('dd', {}, t(`card.status.${card.status}`)));
    if (card.migrationStatus === 'MIGRATED') {
      fill(body, info, h('p', { class: 'note' }, t('migrate.already')));
      get(`/cards/${encodeURIComponent(card.cardNo)}/migration`).then((m) => body.append(migrationDetails(m))).catch(() => {});
      return;
    }
    fill(body, info, migrationForm(card));
  }

  function migrationForm(card) {
    let key = newKey();
    let member = null;
    const target = h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'target', value: 'STORE_STORED_VALUE', checked: true }), t('migrate.target.storeValue'));
    const phone = h('input', { name: 'phone', id: 'migrate-phone', 'data-field': 'phone', inputmode: 'numeric', maxlength: '11', autocomplete: 'off', value: params.phone || '' });
    const findMember = h('button', { type: 'button', class: 'secondary', id: 'find-member' }, t('migrate.findMember'));
    const memberBox = h('div', { class: 'member-box', id: 'member-box' });
    const sendCode = h('button', { type: 'button', class: 'secondary', id: 'send-member-code', disabled: true }, t('migrate.sendCode'));
    const validity = h('span', { class: 'note', id: 'code-validity' });
    const code = h('input', { name: 'code', id: 'migrate-code', 'data-field': 'code', inputmode: 'numeric', maxlength: '6', autocomplete: 'off' });
    const vouchers = voucherPicker();
    const remark = h('textarea', { name: 'remark', id: 'migrate-remark', 'data-field': 'remark', maxlength: '500', rows: '3' });
    const counter = h('small', { class: 'counter', id: 'remark-counter' }, '0/500');
    remark.addEventListener('input', () => { counter.textContent = `${remark.value.length}/500`; });
    const confirm = h('button', { type: 'submit', class: 'primary', id: 'confirm-migration' }, t('migrate.confirm'));
    const form = h('form', { class: 'migrate-form', id: 'migrate-form', novalidate: true },
      h('div', { class: 'field' }, h('span', { class: 'label' }, t('migrate.target')), target),
      h('div', { class: 'code-row' }, field(t('migrate.memberPhone'), phone), findMember),
      memberBox,
      h('div', { class: 'code-row' }, field(t('migrate.code'), code), sendCode, validity),
      h('div', { class: 'field' }, h('span', { class: 'label' }, t('migrate.vouchers')), vouchers.element),
      h('label', { class: 'field' }, h('span', { class: 'label' }, t('migrate.remark')), remark, counter),
      h('div', { class: 'actions' }, confirm));

    async function lookUp() {
      clearErrors(form);
      member = null;
      sendCode.disabled = true;
      clear(memberBox);
      const p = phone.value.trim();
      if (!PHONE.test(p)) {
        setFieldError(phone, t('form.phone.invalid'));
        return;
      }
      try {
        member = await get(`/members/by-phone/${p}`);
        memberBox.append(h('span', { id: 'member-found' }, t('migrate.member', { name: member.name, no: member.memberNo, phone: maskPhone(member.phone) })));
        sendCode.disabled = false;
      } catch (e) {
        if (e.code === 'MEMBER_NOT_FOUND') {
          memberBox.append(h('span', { class: 'note' }, t('migrate.notMember')), ' ',
            h('button', { type: 'button', class: 'link', id: 'register-now', onclick: () => go('members/register', { phone: p, back: 'cards/migrate', cardNo: card.cardNo }) }, t('migrate.registerNow')));
        } else {
          showError(form, e);
        }
      }
    }
    findMember.addEventListener('click', lookUp);
    phone.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); lookUp(); } });
    phone.addEventListener('input', () => { member = null; sendCode.disabled = true; clear(memberBox); });

    sendCode.addEventListener('click', async () => {
      clearErrors(form);
      try {
        const preview = await post(`/cards/${encodeURIComponent(card.cardNo)}/migration-code`, { phone: phone.value.trim() });
        countdown(sendCode, RESEND_SECONDS, t('migrate.sendCode'));
        validUntil(Date.now() + preview.codeValidMinutes * 60000);
        code.focus();
      } catch (e) {
        showError(form, e);
      }
    });

    let validityTimer;
    function validUntil(end) {
      clearInterval(validityTimer);
      const tick = () => {
        const left = Math.max(0, Math.round((end - Date.now()) / 1000));
        validity.textContent = left > 0
          ? t('migrate.codeValid', { min: Math.floor(left / 60), sec: String(left % 60).padStart(2, '0') })
          : t('migrate.codeExpired');
        if (left === 0 || !validity.isConnected) clearInterval(validityTimer);
      };
      tick();
      validityTimer = setInterval(tick, 1000);
    }

    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(form);
      if (!member) {
        setFieldError(phone, t('migrate.memberFirst'));
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
          const m = await post(`/cards/${encodeURIComponent(card.cardNo)}/migration`,
            { phone: phone.value.trim(), code: code.value.trim(), remark: remark.value || null, vouchers: vouchers.requests() }, { key });
          fill(body, h('p', { class: 'success', id: 'migration-done' }, t('migrate.done', { amount: money(m.amount) })), migrationDetails(m));
        } catch (e) {
          // A refusal was decided by the server: the next attempt is a new operation with a new key.
          if (e.status >= 400 && e.status < 500) key = newKey();
          showError(form, e);
        }
      });
    });
    if (params.phone) setTimeout(lookUp);
    return form;
  }

  if (params.cardNo) cardForm.requestSubmit();
}
