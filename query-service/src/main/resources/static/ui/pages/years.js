// A department's plans year over year: budgets, execution rates, scores and grades, with their trend.
import { h } from 'preact';
import { t, label } from '../i18n.js';
import * as api from '../api.js';
import { href } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { base, useDepartmentNames } from '../lib/session.js';
import { fixed, gradeLabel, money, pct, score } from '../lib/format.js';
import { Chart } from '../chart.js';

const e = h;

export function YearOverYear({ dep }) {
  const [state] = useLoad(() => api.read(base() + '/departments/' + encodeURIComponent(dep) + '/years'), dep);
  const name = useDepartmentNames()[dep] ?? dep;
  return e('div', null,
    e('h2', null, t('yoy.title', { name })),
    e(Loading, { state }, rows => {
      const years = [...new Set(rows.map(row => row.year))].sort();
      const plans = [...new Set(rows.map(row => row.plan))];
      const series = field => plans.map(plan => ({
        name: rows.find(row => row.plan === plan)?.name ?? t('dept.departmentWide'), type: 'line', connectNulls: true,
        data: years.map(year => { const v = rows.find(row => row.plan === plan && row.year === year)?.[field]; return v == null ? null : Number(v); }),
      }));
      const option = (title, field) => ({
        tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 }, grid: { left: 50, right: 20, top: 50, bottom: 10, containLabel: true },
        xAxis: { type: 'category', data: years.map(String) }, yAxis: { type: 'value', name: title },
        series: series(field),
      });
      if (!rows.length) return e('p', { class: 'muted', 'data-test': 'chart-empty' }, t('chart.empty'));
      return e('div', null,
        e('section', { class: 'card' }, e('h3', null, t('yoy.score')), e(Chart, { test: 'yoy-score', option: option(t('col.score'), 'score') })),
        e('section', { class: 'card' }, e('h3', null, t('yoy.rate')), e(Chart, { test: 'yoy-rate', option: option('%', 'executionRate') })),
        e('table', { tabindex: 0, 'data-test': 'yoy' },
          e('thead', null, e('tr', null, [t('year'), t('col.name'), t('col.adjustedBudget'), t('col.executed'),
            t('col.executionRate'), t('yoy.change'), t('col.score'), t('yoy.change'), t('col.grade'), t('yoy.trend')]
            .map(text => e('th', null, text)))),
          e('tbody', null, rows.map(row => e('tr', { 'data-test': 'yoy-row' },
            e('td', null, e('a', { href: href('dept', dep, row.year) }, row.year)),
            e('td', null, row.name ?? t('dept.departmentWide')), e('td', { class: 'num' }, money(row.adjustedBudget)),
            e('td', { class: 'num' }, money(row.executed)), e('td', { class: 'num' }, pct(row.executionRate)),
            e('td', { class: 'num' }, signed(row.executionRateChange, 2)), e('td', { class: 'num' }, score(row.score)),
            e('td', { class: 'num' }, signed(row.scoreChange, 2)), e('td', null, gradeLabel(row.grade)),
            e('td', null, row.trend ? label('trend', row.trend) : '—'))))));
    }));
}


/** A change from the year before, with its sign: +3.20, -1.05. */
function signed(value, places) {
  const f = fixed(value, places);
  return f === null ? '—' : (f.startsWith('-') ? f : '+' + f);
}
