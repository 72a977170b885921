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

export function hasDomain(domain) {
  return context.domains.includes(`tessera-${domain}-impl`);
}
