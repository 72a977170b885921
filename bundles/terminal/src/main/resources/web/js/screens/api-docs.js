// 接口文档: the live OpenAPI document of the installed domains, read with the operator's token: every path with its
// methods and summary, the document to download, and Swagger UI (swagger.html, in this tab: it calls the API with
// this tab's session).
import { t } from '../i18n.js';
import { get } from '../api.js';
import { h, fill, table } from '../dom.js';

export async function render(main) {
  const doc = await get('/openapi.json');
  const rows = [];
  for (const [path, ops] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(ops)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) rows.push({ method: method.toUpperCase(), path, summary: op.summary || op.operationId || '', tag: (op.tags || [''])[0] });
    }
  }
  rows.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  const blob = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
  fill(main, h('h2', {}, t('nav.apiDocs')), h('p', {}, t('apiDocs.intro')),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: blob, download: 'openapi.json', id: 'openapi-download' }, t('apiDocs.download')),
      h('a', { class: 'button', href: 'swagger.html', id: 'open-swagger' }, t('apiDocs.swagger'))),
    h('p', { class: 'note', id: 'api-count' }, `${doc.info ? doc.info.title : ''} ${doc.info ? doc.info.version : ''} · ${rows.length}`),
    table([
      { label: t('apiDocs.method'), value: (r) => r.method, class: 'mono' },
      { label: t('apiDocs.path'), value: (r) => r.path, class: 'mono' },
      { label: t('apiDocs.tag'), value: (r) => r.tag },
      { label: t('apiDocs.summary'), value: (r) => r.summary },
    ], rows));
}
