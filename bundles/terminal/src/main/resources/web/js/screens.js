// Every screen of the terminal: where it lives (#/path), its menu group and label, the domain whose feature it
// needs (its screens appear only while that feature is installed) and the roles it is for. Each screen is its own
// module under screens/, loaded when first opened; it exports render(main, params).

const STORE = ['CLERK', 'STORE_MANAGER'];
const HQ = ['FINANCE', 'HQ_ADMIN'];
const ALL = [...STORE, ...HQ];

export const SCREENS = [
  { path: 'home', label: 'nav.home', roles: ALL, load: () => import('./screens/home.js') },
  { path: 'checkout', group: 'nav.group.sales', label: 'nav.checkout', domain: 'payments', roles: STORE, load: () => import('./screens/checkout.js') },
  { path: 'orders', group: 'nav.group.sales', label: 'nav.orders', domain: 'payments', roles: ALL, load: () => import('./screens/orders.js') },
  { path: 'cards', group: 'nav.group.cards', label: 'nav.cards.query', domain: 'cards', roles: ALL, load: () => import('./screens/cards.js') },
  { path: 'cards/migrate', group: 'nav.group.cards', label: 'nav.cards.migrate', domain: 'cards', roles: STORE, load: () => import('./screens/migrate.js') },
  { path: 'cards/imports', group: 'nav.group.cards', label: 'nav.cards.imports', domain: 'cards', roles: HQ, load: () => import('./screens/imports.js') },
  { path: 'wallet', group: 'nav.group.wallet', label: 'nav.wallet.counter', domain: 'wallets', roles: STORE, load: () => import('./screens/wallet.js') },
  { path: 'wallet/balances', group: 'nav.group.wallet', label: 'nav.wallet.balances', domain: 'wallets', roles: ALL, load: () => import('./screens/balances.js') },
  { path: 'wallet/transactions', group: 'nav.group.wallet', label: 'nav.wallet.transactions', domain: 'wallets', roles: ALL, load: () => import('./screens/transactions.js') },
  { path: 'wallet/ledgers', group: 'nav.group.wallet', label: 'nav.wallet.general', domain: 'wallets', roles: ALL, load: () => import('./screens/ledgers.js') },
  { path: 'members', group: 'nav.group.members', label: 'nav.members.find', domain: 'members', roles: ALL, load: () => import('./screens/members.js') },
  { path: 'members/register', group: 'nav.group.members', label: 'nav.members.register', domain: 'members', roles: STORE, load: () => import('./screens/register.js') },
  { path: 'points', group: 'nav.group.marketing', label: 'nav.points', domain: 'points', roles: ALL, load: () => import('./screens/points.js') },
  { path: 'coupons', group: 'nav.group.marketing', label: 'nav.coupons', domain: 'coupons', roles: HQ, load: () => import('./screens/coupons.js') },
  { path: 'marketing', group: 'nav.group.marketing', label: 'nav.marketing', domain: 'marketing', roles: HQ, load: () => import('./screens/marketing.js') },
  { path: 'reports', group: 'nav.group.reports', label: 'nav.reports', domain: 'reporting', roles: ['STORE_MANAGER', ...HQ], load: () => import('./screens/reports.js') },
  { path: 'reconcile', group: 'nav.group.reports', label: 'nav.reconcile', domain: 'reporting', roles: ['STORE_MANAGER', ...HQ], load: () => import('./screens/reconcile.js') },
  { path: 'org', group: 'nav.group.admin', label: 'nav.org', roles: ['HQ_ADMIN'], load: () => import('./screens/org.js') },
  { path: 'api-docs', group: 'nav.group.admin', label: 'nav.apiDocs', roles: ['HQ_ADMIN'], load: () => import('./screens/api-docs.js') },
  { path: 'downloads', group: 'nav.group.reports', label: 'nav.downloads', roles: ALL, load: () => import('./screens/downloads.js') },
];

/** The screens this operator may open with the installed domains (bundle names from /api/v1/health). */
export function available(domains, roles) {
  return SCREENS.filter((s) => (!s.domain || domains.includes(`tessera-${s.domain}-impl`))
    && s.roles.some((r) => roles.includes(r)));
}
