// 实体卡导入 (HQ): upload the legacy CRM's export (CSV or XLSX); the import runs as a job with a progress bar; then
// the counts and the rejected rows with their line numbers; earlier imports; and the list of migrated cards to
// void in the legacy CRM (an export job, downloaded when done).
import { t } from '../i18n.js';
import { get, api, post } from '../api.js';
import { h, fill, field, table, pager, dateTime, showError, clearErrors, busy, today } from '../dom.js';
import { context, storeOptions } from '../nav.js';
import { follow, download } from '../parts/jobs.js';

const TYPES = { csv: 'text/csv', txt: 'text/plain', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xls: 'application/vnd.ms-excel' };

export async function render(main) {
  const file = h('input', { type: 'file', id: 'import-file', name: 'file', 'data-field': 'file', accept: '.csv,.txt,.xlsx,.xls' });
  const charset = h('select', { name: 'charset', 'data-field': 'charset' }, h('option', { value: '' }, t('import.charset.auto')),
    ['UTF-8', 'GB18030'].map((c) => h('option', { value: c }, c)));
  const form = h('form', { class: 'form', id: 'import-form', novalidate: true },
    field(t('import.file'), file, t('import.file.hint')), field(t('import.charset'), charset),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'import-submit' }, t('import.start'))));
  const progress = h('div', { id: 'import-progress' });
  const outcome = h('div', { id: 'import-outcome' });
  const history = h('div', { id: 'import-history' });
  fill(main, h('h2', {}, t('nav.cards.imports')), form, progress, outcome, voidForm(), h('h3', {}, t('import.history')), history);

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const f = file.files[0];
    if (!f) {
      showError(form, { field: 'file', message: t('import.file.missing') });
      return;
    }
    const ext = f.name.split('.').pop().toLowerCase();
    await busy(form, async () => {
      try {
        const imp = await api('POST', '/cards/imports', { query: { fileName: f.name, charset: charset.value }, body: f, type: TYPES[ext] || 'application/octet-stream' });
        if (imp.duplicate) {
          fill(progress, h('p', { class: 'warning', id: 'import-duplicate' }, t('import.duplicate', { id: imp.id })));
        } else {
          await follow(imp.jobId, progress);
        }
        await showImport(imp.id, 1);
        await loadHistory(1);
      } catch (e) {
        showError(form, e);
      }
    });
  });

  async function showImport(id, page) {
    const imp = await get(`/cards/imports/${id}`);
    const rejects = await get(`/cards/imports/${id}/rejects`, { page, size: 50 });
    fill(outcome,
      h('div', { class: 'totals', id: 'import-counts' }, ['read', 'accepted', 'inserted', 'updated', 'unchanged', 'rejected']
        .map((k) => h('span', { 'data-name': k }, t(`import.${k}`), ' ', h('strong', {}, String(imp[k]))))),
      imp.message ? h('p', { class: 'warning' }, imp.message) : null,
      rejects.total > 0 ? h('h3', {}, t('import.rejects', { count: rejects.total })) : null,
      rejects.total > 0 ? table([
        { label: t('import.line'), value: (r) => String(r.line), class: 'num' },
        { label: t('card.no'), value: (r) => r.cardNo || '' },
        { label: t('import.code'), value: (r) => r.code },
        { label: t('import.reason'), value: (r) => r.reason || '' },
      ], rejects.items || []) : null,
      rejects.total > 50 ? pager(page, 50, rejects.total, (p) => showImport(id, p)) : null);
  }

  async function loadHistory(page) {
    const p = await get('/cards/imports', { page, size: 10 });
    fill(history, table([
      { label: t('import.fileName'), value: (i) => i.fileName || '' },
      { label: t('import.status'), value: (i) => t(`job.${i.status}`) },
      { label: t('import.read'), value: (i) => String(i.read), class: 'num' },
      { label: t('import.accepted'), value: (i) => String(i.accepted), class: 'num' },
      { label: t('import.rejected'), value: (i) => String(i.rejected), class: 'num' },
      { label: t('import.by'), value: (i) => i.createdBy || '' },
      { label: t('import.at'), value: (i) => dateTime(i.createdAt) },
    ], p.items || [], { onRow: (i) => showImport(i.id, 1) }), pager(page, 10, p.total, loadHistory));
  }

  function voidForm() {
    const store = h('select', { name: 'storeId', 'data-field': 'storeId' }, h('option', { value: '' }, t('filter.allStores')),
      storeOptions(h, context.stores));
    const from = h('input', { type: 'date', name: 'from', 'data-field': 'from', value: today().slice(0, 8) + '01' });
    const to = h('input', { type: 'date', name: 'to', 'data-field': 'to', value: today() });
    const box = h('div', { id: 'void-progress' });
    const f = h('form', { class: 'filters', id: 'void-form' }, h('h3', {}, t('import.voidList')),
      field(t('card.store'), store), field(t('filter.from'), from), field(t('filter.to'), to),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary', id: 'void-submit' }, t('export.request'))), box);
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(f);
      await busy(f, async () => {
        try {
          const job = await post('/cards/void-exports', undefined, { query: { storeId: store.value, from: from.value, to: to.value } });
          const done = await follow(job.id, box);
          if (done.status === 'SUCCEEDED') {
            box.append(h('button', { type: 'button', class: 'link', id: 'void-download', onclick: () => download(done) }, t('export.download', { name: done.resultName || '' })));
          }
        } catch (e) {
          showError(f, e);
        }
      });
    });
    return f;
  }

  await loadHistory(1);
}
