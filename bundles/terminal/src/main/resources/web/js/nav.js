// Moving between screens (hash routes) and what every screen may ask of the frame: the stores, the installed domains.

/** Where a hash points: the screen's path and its parameters. */
export function parseHash(hash = location.hash) {
  const [path, query] = hash.replace(/^#\/?/, '').split('?');
  return { path: path || 'home', params: Object.fromEntries(new URLSearchParams(query || '')) };
}

/** Opens the screen at path with params (#/path?k=v). */
export function go(path, params = {}) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
  location.hash = `#/${path}${q ? `?${q}` : ''}`;
}

/** Filled by the frame on every route: the stores this operator may see and the installed domains' bundles. */
export const context = { stores: [], domains: [] };

export function storeLabel(id) {
  const st = context.stores.find((x) => x.id === id);
  return st ? `${st.code} ${st.name}` : id ? `#${id}` : '';
}

/** The stores this operator may pick: every store for headquarters, else the operator's own. */
export function myStores(session) {
  const s = session.current();
  return session.isHq() ? context.stores : context.stores.filter((st) => (s.operator.storeIds || []).includes(st.id));
}

/** One option per store ("103 蓝色港湾健康中心"), the one with id selected. */
export function storeOptions(h, stores, selectedId) {
  return stores.map((st) => h('option', { value: String(st.id), selected: st.id === selectedId }, `${st.code} ${st.name}`));
}

export function hasDomain(domain) {
  return context.domains.includes(`tessera-${domain}-impl`);
}
