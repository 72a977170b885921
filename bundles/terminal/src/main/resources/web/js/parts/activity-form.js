// A marketing activity to create (HQ): its type, window, stores, budget, and 1 to 10 rewards — a coupon of an active
// template, points, or (recharge promotions) a stored-value bonus — each for the role the type rewards. The server
// checks everything again and names the field at fault, e.g. rewards[1].points, which lands next to that input.
import { t } from '../i18n.js';
import { get, post } from '../api.js';
import { h, field, amountInput, amountOf, showError, clearErrors, busy, toast, today } from '../dom.js';
import { context, hasDomain } from '../nav.js';

const TYPES = ['REFERRAL', 'COUPON_SEND', 'RECHARGE', 'PAY_TO_JOIN'];
const MAX_REWARDS = 10;
const ROLES = { REFERRAL: ['REFERRER', 'REFEREE'], COUPON_SEND: ['RECIPIENT'], RECHARGE: ['RECIPIENT'], PAY_TO_JOIN: ['RECIPIENT'] };

/** The form; onCreated(activity) runs after a creation. */
export async function activityForm(onCreated) {
  const templates = hasDomain('coupons') ? ((await get('/coupons/templates', { status: 'ACTIVE', size: 200 }).catch(() => ({}))).items || []) : [];
  const levels = await get('/levels').catch(() => []);
  const type = h('select', { name: 'type', 'data-field': 'type', id: 'activity-type' }, TYPES.map((x) => h('option', { value: x }, t(`marketing.type.${x}`))));
  const name = h('input', { name: 'name', 'data-field': 'name', maxlength: '100', id: 'activity-name' });
  const starts = h('input', { type: 'datetime-local', name: 'startsAt', 'data-field': 'startsAt', id: 'activity-starts', value: `${today()}T00:00` });
  const ends = h('input', { type: 'datetime-local', name: 'endsAt', 'data-field': 'endsAt', id: 'activity-ends' });
  const stores = h('div', { class: 'checks', 'data-field': 'storeIds' }, context.stores.map((s) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: String(s.id) }), `${s.code} ${s.name}`)));
  const budget = h('input', { name: 'budget', 'data-field': 'budget', inputmode: 'numeric', placeholder: t('marketing.unlimited') });
  const perMember = h('input', { name: 'perMemberLimit', 'data-field': 'perMemberLimit', inputmode: 'numeric', placeholder: t('marketing.unlimited') });
  const trigger = h('select', { name: 'trigger', 'data-field': 'trigger' }, ['REGISTER', 'FIRST_PAYMENT'].map((x) => h('option', { value: x }, t(`marketing.trigger.${x}`))));
  const rechargeFrom = amountInput('rechargeFrom', { id: 'activity-recharge-from' });
  const levelBox = h('div', { class: 'checks', 'data-field': 'levelIds' }, levels.map((l) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: String(l.id) }), l.name)));
  const fields = {
    trigger: field(t('marketing.trigger'), trigger), rechargeFrom: field(t('marketing.rechargeFrom'), rechargeFrom),
    levels: field(t('marketing.levelsRewarded'), levelBox, t('marketing.allWhenEmpty')),
  };
  const rewardRows = h('div', { class: 'reward-rows', id: 'reward-rows', 'data-field': 'rewards' });
  const addButton = h('button', { type: 'button', class: 'secondary', id: 'reward-add', onclick: () => addReward() }, t('marketing.reward.add'));

  function rewardRow() {
    const role = h('select', { name: 'role', 'data-part': 'role' });
    const kind = h('select', { name: 'kind', 'data-part': 'kind' });
    const template = h('select', { name: 'templateId', 'data-part': 'templateId' }, templates.map((x) => h('option', { value: String(x.id) }, x.name)));
    const points = h('input', { name: 'points', 'data-part': 'points', inputmode: 'numeric' });
    const amount = amountInput('amount');
    amount.dataset.part = 'amount';
    const parts = { template: field(t('coupon.name'), template), points: field(t('marketing.reward.points'), points), amount: field(t('marketing.reward.bonus'), amount) };
    const row = h('div', { class: 'reward-row' }, field(t('marketing.reward.role'), role), field(t('marketing.reward.kind'), kind),
      parts.template, parts.points, parts.amount,
      h('button', { type: 'button', class: 'link', onclick: () => { row.remove(); renumber(); } }, t('action.remove')));
    row.sync = () => {
      const roles = ROLES[type.value];
      if ([...role.options].map((o) => o.value).join() !== roles.join()) fillOptions(role, roles, 'marketing.reward.role.');
      const kinds = type.value === 'RECHARGE' ? ['COUPON', 'POINTS', 'BONUS'] : ['COUPON', 'POINTS'];
      if ([...kind.options].map((o) => o.value).join() !== kinds.join()) fillOptions(kind, kinds, 'marketing.reward.kind.');
      parts.template.hidden = kind.value !== 'COUPON';
      parts.points.hidden = kind.value !== 'POINTS';
      parts.amount.hidden = kind.value !== 'BONUS';
    };
    row.value = () => ({
      role: role.value, kind: kind.value,
      templateId: kind.value === 'COUPON' && template.value ? Number(template.value) : null,
      points: kind.value === 'POINTS' && points.value.trim() !== '' ? Number(points.value) : null,
      amount: kind.value === 'BONUS' ? amountOf(amount) : null,
    });
    kind.addEventListener('change', row.sync);
    return row;
  }
  function fillOptions(select, values, prefix) {
    const keep = select.value;
    select.replaceChildren(...values.map((v) => h('option', { value: v }, t(prefix + v))));
    if (values.includes(keep)) select.value = keep;
  }
  // Each row's inputs answer to rewards[i].<field> so that the server's field lands next to them.
  function renumber() {
    [...rewardRows.children].forEach((row, i) => row.querySelectorAll('[data-part]').forEach((x) => { x.dataset.field = `rewards[${i}].${x.dataset.part}`; }));
    addButton.disabled = rewardRows.children.length >= MAX_REWARDS;
  }
  function addReward() {
    const row = rewardRow();
    rewardRows.append(row);
    row.sync();
    renumber();
  }
  function sync() {
    fields.trigger.hidden = type.value !== 'REFERRAL';
    fields.rechargeFrom.hidden = type.value !== 'RECHARGE';
    fields.levels.hidden = type.value !== 'RECHARGE';
    [...rewardRows.children].forEach((row) => row.sync());
  }
  type.addEventListener('change', sync);
  addReward();
  sync();

  const form = h('form', { class: 'filters', id: 'activity-form', novalidate: true }, h('h3', {}, t('marketing.new')),
    field(t('marketing.type'), type), field(t('marketing.name'), name), field(t('filter.from'), starts), field(t('filter.to'), ends),
    field(t('org.stores'), stores, t('marketing.allWhenEmpty')), field(t('marketing.budgetTotal'), budget), field(t('coupon.perMember'), perMember),
    fields.trigger, fields.rechargeFrom, fields.levels,
    h('div', { class: 'field wide' }, h('span', { class: 'label' }, t('marketing.rewards')), rewardRows, addButton),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'activity-create' }, t('marketing.create'))));
  const number = (input) => (input.value.trim() === '' ? null : Number(input.value));
  // The business zone is China Standard Time, +08:00 all year.
  const instant = (input) => (input.value ? `${input.value.length === 16 ? `${input.value}:00` : input.value}+08:00` : null);
  const checked = (box) => [...box.querySelectorAll('input:checked')].map((c) => Number(c.value));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    await busy(form, async () => {
      try {
        const activity = await post('/marketing/activities', {
          type: type.value, name: name.value.trim(), startsAt: instant(starts), endsAt: instant(ends),
          storeIds: checked(stores), budget: number(budget), perMemberLimit: number(perMember),
          trigger: fields.trigger.hidden ? null : trigger.value,
          rechargeFrom: fields.rechargeFrom.hidden ? null : amountOf(rechargeFrom),
          levelIds: fields.levels.hidden ? null : checked(levelBox),
          rewards: [...rewardRows.children].map((row) => row.value()),
        });
        toast(t('marketing.created', { name: activity.name }));
        await onCreated(activity);
      } catch (e) {
        showError(form, e);
      }
    });
  });
  return form;
}
