// 我的下载: the operator's own exports and jobs, newest first, each downloadable while its file is kept.
import { t } from '../i18n.js';
import { get } from '../api.js';
import { h, fill, table, pager, dateTime } from '../dom.js';
import { download } from '../parts/jobs.js';

export async function render(main) {
  const out = h('div', { id: 'downloads' });
  fill(main, h('h2', {}, t('nav.downloads')), out);
  async function load(page) {
    const p = await get('/jobs', { mine: true, page, size: 20 });
    fill(out, table([
      { label: t('job.description'), value: (j) => j.description || j.type },
      { label: t('import.status'), value: (j) => t(`job.${j.status}`) },
      { label: t('job.percent'), value: (j) => (j.percent == null ? '' : `${j.percent}%`), class: 'num' },
      { label: t('import.at'), value: (j) => dateTime(j.createdAt) },
      { label: t('job.expires'), value: (j) => dateTime(j.resultExpiresAt) },
      { label: '', value: (j) => (j.resultUrl ? h('button', { type: 'button', class: 'link', 'data-download': String(j.id), onclick: () => download(j) }, t('export.download', { name: j.resultName || '' })) : '') },
    ], p.items || []), pager(page, 20, p.total, load));
  }
  await load(1);
}
