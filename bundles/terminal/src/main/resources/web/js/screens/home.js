// 首页: who is logged in, where, and the screens at hand.
import { t } from '../i18n.js';
import * as session from '../session.js';
import { h } from '../dom.js';
import { storeLabel, context } from '../nav.js';
import { available } from '../screens.js';

export function render(main) {
  const s = session.current();
  const screens = available(context.domains, session.roles()).filter((x) => x.path !== 'home');
  main.append(
    h('h2', {}, t('home.welcome', { name: s.operator.name })),
    h('p', {}, session.isHq() ? t('home.hq') : t('home.store', { store: storeLabel(s.storeId) })),
    h('div', { class: 'tiles' }, screens.map((x) => h('a', { class: 'tile', href: `#/${x.path}` }, t(x.label)))));
}
