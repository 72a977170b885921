// Charts with ECharts (from its WebJar, served with the terminal): loaded once, on the first chart. Tooltips are
// drawn on the canvas (richText), so no inline style is needed under the Content-Security-Policy.
import { h } from '../dom.js';

let loading;

function echarts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const s = h('script', { src: 'lib/echarts.min.js' });
      s.onload = () => resolve(window.echarts);
      s.onerror = () => reject(new Error('echarts'));
      document.head.append(s);
    });
  }
  return loading;
}

/** A chart in a new element: option is ECharts' option object. Answers the element (class chart). */
export function chart(id, option) {
  const el = h('div', { class: 'chart', id, role: 'img' });
  echarts().then((e) => {
    const c = e.init(el, null, { renderer: 'canvas' });
    c.setOption({ animation: false, tooltip: { renderMode: 'richText' }, ...option });
    el.dataset.ready = 'true';
    new ResizeObserver(() => c.resize()).observe(el);
  }).catch(() => { el.textContent = ''; });
  return el;
}
