// The district overview: every plan of a year, filtered, sorted and paged, with its chart and the summary workbook.
import { h } from 'preact';
import { t, label } from '../i18n.js';
import * as api from '../api.js';
import { go, href, withParam } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { base, useDepartmentNames } from '../lib/session.js';
import { gradeLabel, money, pct, score } from '../lib/format.js';
import { Chart } from '../chart.js';
import { AtBanner, AtPicker, DownloadButton, Light, SortHeader, YearPicker } from '../components/controls.js';

const e = h;
const GRADES = ['优秀', '良好', '中', '差'];
const LIGHTS = ['RED', 'YELLOW', 'GREEN'];
const ALERTS = ['over-budget', 'zero-budget-with-spending', 'spending-lags', 'funds-held', 'rectification-late', 'no-scheme',
  'scoring-flags', 'reported-differs'];

export function Overview({ year, query }) {
  const grade = query.get('grade') ?? '';
  const alert = query.get('alert') ?? '';
  const light = query.get('light') ?? '';
  const sort = query.get('sort') ?? 'department';
  const order = query.get('order') ?? 'asc';
  const page = Number(query.get('page') ?? 0);
  const size = 20;
  const at = query.get('at');
  const params = new URLSearchParams({ sort, order, page, size });
  if (grade) params.set('grade', grade);
  if (alert) params.set('alert', alert);
  if (light) params.set('light', light);
  if (at) params.set('at', at);
  const [state] = useLoad(() => api.read(base() + '/years/' + year + '/overview?' + params), params.toString() + year);
  const names = useDepartmentNames();
  const set = (key, value) => go('/overview/' + year, withParam(query, key, value));
  const sortBy = column => {
    const next = withParam(query, 'sort', column);
    next.set('order', sort === column && order === 'asc' ? 'desc' : 'asc');
    go('/overview/' + year, next);
  };
  const header = (column, text, numeric) => e(SortHeader, { column, text, numeric, sort, order, onSort: sortBy });
  const planName = row => row.name ?? (names[row.department] ?? row.department) + ' · ' + t('dept.departmentWide');
  return e('div', null,
    e('h2', null, t('overview.title', { year })),
    e('div', { class: 'toolbar' },
      e(YearPicker, { year, onPick: y => go('/overview/' + y, query) }),
      e('label', null, t('overview.filterGrade') + ' ',
        e('select', { value: grade, onChange: ev => set('grade', ev.target.value), 'data-test': 'filter-grade' },
          e('option', { value: '' }, t('overview.all')),
          GRADES.map(g => e('option', { value: g }, gradeLabel(g))))),
      e('label', null, t('overview.filterAlert') + ' ',
        e('select', { value: alert, onChange: ev => set('alert', ev.target.value), 'data-test': 'filter-alert' },
          e('option', { value: '' }, t('overview.all')),
          ALERTS.map(a => e('option', { value: a }, label('alert', a))))),
      e('label', null, t('overview.filterLight') + ' ',
        e('select', { value: light, onChange: ev => set('light', ev.target.value), 'data-test': 'filter-light' },
          e('option', { value: '' }, t('overview.all')),
          LIGHTS.map(l => e('option', { value: l }, label('light', l))))),
      e(AtPicker, { at, onPick: value => set('at', value) }),
      e(DownloadButton, { path: base() + '/years/' + year + '/summary.xlsx?lang=' + (t('lang.code')), text: t('overview.summary'),
        test: 'download-summary' })),
    at && e(AtBanner, { at }),
    e(Loading, { state }, data => e('div', null,
      e('section', { class: 'card' },
        e('h3', null, t('overview.chart')),
        data.items.length === 0 ? e('p', { class: 'muted', 'data-test': 'chart-empty' }, t('chart.empty'))
          : e(Chart, { test: 'overview-chart', option: overviewChart(data.items, planName) })),
      e('table', { tabindex: 0, 'data-test': 'overview' },
        e('thead', null, e('tr', null,
          header('department', t('col.department')), header('name', t('col.name')), e('th', null, t('col.phase')),
          e('th', { class: 'num' }, t('col.adjustedBudget')), e('th', { class: 'num' }, t('col.executed')),
          header('executionRate', t('col.executionRate'), true), header('score', t('col.score'), true),
          e('th', null, t('col.grade')), e('th', null, t('col.status')), e('th', null, t('col.light')),
          e('th', null, t('col.alerts')))),
        e('tbody', null, data.items.map(row => e('tr', { 'data-test': 'overview-row' },
          e('td', null, e('a', { href: href('dept', row.department, year), 'data-test': 'department-link' },
            names[row.department] ?? row.department)),
          e('td', null, e('a', { href: href('plan', row.department, year, row.plan ?? 'department') }, row.name ?? t('dept.departmentWide'))),
          e('td', null, label('phase', row.phase)),
          e('td', { class: 'num' }, money(row.adjustedBudget)), e('td', { class: 'num' }, money(row.executed)),
          e('td', { class: 'num' }, pct(row.executionRate)), e('td', { class: 'num' }, score(row.score)),
          e('td', null, gradeLabel(row.grade)), e('td', null, label('status', row.status)),
          e('td', { 'data-test': 'overview-light' }, e(Light, { light: row.light })),
          e('td', null, row.alerts.map(a => e('span', { class: 'badge' }, label('alert', a)))))))),
      e('div', { class: 'toolbar' },
        e('span', { class: 'muted' }, t('overview.total', { total: data.total }) + ' · '
          + t('page.of', { page: page + 1, pages: Math.max(1, Math.ceil(data.total / size)) })),
        e('button', { type: 'button', disabled: page === 0, onClick: () => set('page', page - 1) }, t('page.prev')),
        e('button', { type: 'button', disabled: (page + 1) * size >= data.total, onClick: () => set('page', page + 1) },
          t('page.next'))))));
}

/** Scores (0 to their largest, which may pass 100: shown as it is) as bars, execution rates as a line. */
function overviewChart(items, planName) {
  const scores = items.map(row => (row.score == null ? null : Number(row.score)));
  const rates = items.map(row => (row.executionRate == null ? null : Number(row.executionRate)));
  const top = values => Math.max(100, ...values.filter(v => v !== null));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('col.score'), t('col.executionRate')] },
    grid: { left: 56, right: 56, top: 40, bottom: 10, containLabel: true },
    xAxis: { type: 'category', data: items.map(planName),
      axisLabel: { rotate: 30, interval: 0, width: 110, overflow: 'truncate' } },
    yAxis: [{ type: 'value', name: t('col.score'), min: 0, max: Math.ceil(top(scores) / 10) * 10 },
      { type: 'value', name: '%', min: 0, max: Math.ceil(top(rates) / 10) * 10 }],
    series: [
      { name: t('col.score'), type: 'bar', data: scores },
      { name: t('col.executionRate'), type: 'line', yAxisIndex: 1, data: rates },
    ],
  };
}
