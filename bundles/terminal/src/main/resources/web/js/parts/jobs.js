// Long work runs as a job (imports, exports): a progress bar that follows it to the end, and its result
// downloaded with the operator's token.
import { t } from '../i18n.js';
import { get, api } from '../api.js';
import { h, fill } from '../dom.js';

/** Follows job jobId in box (a progress bar and its percentage) until it finishes; answers the finished job. */
export async function follow(jobId, box) {
  const bar = h('progress', { max: '100', value: '0', id: 'job-progress', 'aria-label': t('job.progress') });
  const label = h('span', { class: 'job-percent', id: 'job-percent' }, '0%');
  const status = h('span', { class: 'note', id: 'job-status' }, t('job.RUNNING'));
  fill(box, h('div', { class: 'job' }, bar, label, status));
  for (;;) {
    const job = await get(`/jobs/${jobId}`);
    const percent = job.percent ?? (job.status === 'SUCCEEDED' ? 100 : 0);
    bar.value = percent;
    label.textContent = `${percent}%`;
    status.textContent = t(`job.${job.status}`) + (job.message && job.status === 'FAILED' ? `: ${job.message}` : '');
    if (job.status === 'SUCCEEDED' || job.status === 'FAILED') return job;
    await new Promise((r) => setTimeout(r, 400));
  }
}

/** Downloads a finished job's result as the file it names. */
export async function download(job) {
  const r = await api('GET', `/jobs/${job.id}/result`, { raw: true });
  const blob = await r.blob();
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: job.resultName || `job-${job.id}` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
