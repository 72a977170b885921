// The operator's session: the token from POST /api/v1/auth/login, kept in sessionStorage (this tab only, gone
// when the browser closes) and sent as "Authorization: Bearer"; never a cookie. The store chosen for the shift.

const KEY = 'tessera.session';

export function current() {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY));
    if (s && s.token && (!s.expiresAt || Date.parse(s.expiresAt) > Date.now())) return s;
  } catch (e) {
    // A damaged entry is no session.
  }
  return null;
}

export function start(login) {
  const s = { token: login.token, expiresAt: login.expiresAt, operator: login.operator, storeId: null };
  const stores = login.operator.storeIds || [];
  if (stores.length === 1) s.storeId = stores[0];
  sessionStorage.setItem(KEY, JSON.stringify(s));
  return s;
}

export function update(changes) {
  const s = { ...current(), ...changes };
  sessionStorage.setItem(KEY, JSON.stringify(s));
  return s;
}

export function end() {
  sessionStorage.removeItem(KEY);
}

export function roles() {
  const s = current();
  return s ? s.operator.roles || [] : [];
}

/** Headquarters roles see every store; store roles only theirs (the server enforces it; the pages follow). */
export function isHq() {
  return roles().some((r) => r === 'FINANCE' || r === 'HQ_ADMIN');
}

export function hasRole(...wanted) {
  return roles().some((r) => wanted.includes(r));
}
