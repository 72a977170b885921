// Voucher picker (凭证): JPEG or PNG only (by content, as the server checks), at most 2 MB each, at most 5, with
// previews, drag-and-drop and a remove button; each refusal is said before anything is uploaded.
import { t } from '../i18n.js';
import { h, clear, fill } from '../dom.js';

export const MAX_COUNT = 5;
export const MAX_BYTES = 2 * 1024 * 1024;

/** What the first bytes say: 'image/jpeg', 'image/png' or null. */
export function sniff(bytes) {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

export function voucherPicker() {
  const chosen = [];
  const input = h('input', { type: 'file', id: 'voucher-input', accept: 'image/jpeg,image/png', multiple: true, class: 'file-input' });
  const list = h('div', { class: 'vouchers previews', id: 'voucher-previews' });
  const notes = h('div', { class: 'voucher-notes', role: 'alert', id: 'voucher-notes' });
  const zone = h('div', { class: 'drop-zone', id: 'voucher-zone', 'data-field': 'vouchers', tabindex: '0' },
    h('span', {}, t('migrate.vouchers.drop', { max: MAX_COUNT })), input);

  async function add(files) {
    clear(notes);
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let refusal = null;
      if (chosen.length >= MAX_COUNT) refusal = t('migrate.vouchers.tooMany', { max: MAX_COUNT });
      else if (bytes.length === 0) refusal = t('migrate.vouchers.empty');
      else if (bytes.length > MAX_BYTES) refusal = t('migrate.vouchers.tooLarge');
      else if (!sniff(bytes)) refusal = t('migrate.vouchers.notImage');
      if (refusal) {
        notes.append(h('div', { class: 'field-error' }, `${file.name}: ${refusal}`));
      } else {
        chosen.push({ name: file.name, bytes, url: URL.createObjectURL(new Blob([bytes], { type: sniff(bytes) })) });
      }
    }
    show();
  }

  function show() {
    fill(list, ...chosen.map((v, i) => h('figure', { class: 'preview', 'data-field': `vouchers[${i}]` },
      h('img', { src: v.url, alt: v.name }),
      h('figcaption', {}, v.name),
      h('button', { type: 'button', class: 'link remove', 'aria-label': t('action.remove'), onclick: () => { URL.revokeObjectURL(v.url); chosen.splice(i, 1); show(); } }, '×'))));
  }

  input.addEventListener('change', () => { add([...input.files]); input.value = ''; });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('over'); add([...e.dataTransfer.files]); });
  zone.addEventListener('click', (e) => { if (e.target !== input) input.click(); });
  zone.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); } });

  return {
    element: h('div', { class: 'voucher-picker' }, zone, notes, list),
    /** The vouchers as the API takes them: file name and base64 content. */
    requests() {
      return chosen.map((v) => ({ fileName: v.name, content: base64(v.bytes) }));
    },
    count: () => chosen.length,
  };
}

function base64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
