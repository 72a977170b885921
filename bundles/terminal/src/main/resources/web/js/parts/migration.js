// The details of a card's migration (迁移详情): member, amount, operator employee no and name, time, remark, vouchers.
import { t } from '../i18n.js';
import { api } from '../api.js';
import { h, money, dateTime } from '../dom.js';
import { storeLabel } from '../nav.js';

export function migrationDetails(m) {
  const images = h('div', { class: 'vouchers' });
  (m.vouchers || []).forEach((v, i) => {
    const img = h('img', { alt: v.fileName || t('migrate.voucher', { n: i + 1 }), class: 'voucher', 'data-voucher': String(i + 1) });
    images.append(h('figure', {}, img, h('figcaption', {}, v.fileName || '')));
    // The image needs the operator's token: fetched, then shown from a blob: URL.
    api('GET', `/cards/${encodeURIComponent(m.cardNo)}/migration/vouchers/${i + 1}`, { raw: true })
      .then((r) => r.blob()).then((b) => { img.src = URL.createObjectURL(b); }).catch(() => { img.alt = t('migrate.voucher.unavailable'); });
  });
  const rows = [
    ['migration.cardNo', m.cardNo],
    ['migration.member', `${m.memberNo || ''} ${m.maskedPhone || ''}`],
    ['migration.amount', money(m.amount)],
    ['migration.store', storeLabel(m.storeId)],
    ['migration.operatorNo', m.operatorEmployeeNo],
    ['migration.operatorName', m.operatorName],
    ['migration.time', dateTime(m.migratedAt)],
    ['migration.remark', m.remark || ''],
  ];
  return h('section', { class: 'details', id: 'migration-details' },
    h('h3', {}, t('migration.title')),
    h('dl', {}, rows.map(([k, v]) => [h('dt', {}, t(k)), h('dd', { 'data-name': k.split('.')[1] }, v)])),
    h('h4', {}, t('migration.vouchers', { count: (m.vouchers || []).length })),
    images);
}
