// An Apache ECharts chart as a Preact component: created once per element, updated with new options, disposed and
// resized with the page. echarts.min.js is a classic script (global `echarts`) loaded by the page.
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function Chart({ option, height = 320, test }) {
  const element = useRef(null);
  const chart = useRef(null);
  useEffect(() => {
    chart.current = window.echarts.init(element.current, null, { renderer: 'canvas' });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return h('div', { ref: element, class: 'chart', style: { height: height + 'px' }, 'data-test': test });
}
