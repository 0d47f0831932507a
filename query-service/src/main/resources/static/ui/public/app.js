// The public disclosure site (绩效信息公开): what a district published, without signing in. A district's years, a
// year's published self-evaluations with their figures and a chart, its published evaluations (部门评价, 财政重点评价)
// with their findings and a chart of their scores beside the self-evaluations', one plan's 自评表; downloads as Excel,
// CSV and a fiscal data package; and beside each publication the district's chain head of its day, to keep and compare.
import { h, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Chart } from '../chart.js';
import { money, pct, score, text } from '../lib/format.js';

const e = h;
const API = '/api/v1/public/districts/';

function useRoute() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

function useJson(path) {
  const [state, setState] = useState({ loading: true });
  useEffect(() => {
    let live = true;
    setState({ loading: true });
    fetch(path, { headers: { Accept: 'application/json' } })
      .then(response => (response.ok ? response.json() : response.json().catch(() => ({})).then(problem =>
        Promise.reject(new Error(response.status === 404 ? '没有找到公开的信息' : problem.detail ?? '读取失败')))))
      .then(data => live && setState({ data }), error => live && setState({ error: error.message }));
    return () => { live = false; };
  }, [path]);
  return state;
}

function Loaded({ state, children }) {
  if (state.loading) return e('p', { role: 'status' }, '正在读取…');
  if (state.error) return e('p', { role: 'alert', 'data-test': 'public-error' }, state.error);
  return children(state.data);
}

const link = (...parts) => '#/' + parts.map(encodeURIComponent).join('/');

/** A published plan's or evaluation's project, or its department's whole plan. */
const planTitle = item => item.name ?? item.departmentName + '部门整体';

function Home() {
  const [district, setDistrict] = useState('');
  return e('section', null,
    e('h2', null, '查询区（县）公开的预算绩效信息'),
    e('form', { onSubmit: ev => { ev.preventDefault(); if (district.trim()) location.hash = link(district.trim()); } },
      e('label', { for: 'district' }, '区（县）编码 '),
      e('input', { id: 'district', value: district, onInput: ev => setDistrict(ev.target.value), 'data-test': 'public-district' }),
      ' ', e('button', { type: 'submit' }, '查询')));
}

function Years({ district }) {
  const state = useJson(API + encodeURIComponent(district) + '/years');
  return e(Loaded, { state }, data => e('section', null,
    e('h2', null, '公开年度'),
    e('ul', { 'data-test': 'public-years' }, Object.entries(data.years).map(([year, count]) => e('li', null,
      e('a', { href: link(district, year) }, year + ' 年度'),
      '（已公开绩效自评 ' + count + ' 个，绩效评价 ' + (data.evaluations?.[year] ?? 0) + ' 个）')))));
}

function Head({ head }) {
  if (!head) return e('span', null, '公开日期未载明');
  return e('span', { class: 'chain-head', 'data-test': 'chain-head' }, head.day + (head.dayOver ? ' 当日' : ' 当日截至目前') + '链头：',
    head.hash ? [e('span', null, '第 ' + head.position + ' 个链节，'), e('code', { class: 'hash' }, head.hash)] : '无');
}

function Year({ district, year }) {
  const path = API + encodeURIComponent(district) + '/years/' + encodeURIComponent(year);
  const state = useJson(path);
  return e(Loaded, { state }, data => e('section', null,
    e('h2', null, data.districtName + ' ' + data.year + ' 年度预算绩效信息公开'),
    e('p', null, '下载：', e('a', { href: path + '.xlsx', 'data-test': 'download-year-xlsx' }, 'Excel（自评与评价）'), ' · ',
      e('a', { href: path + '.csv', 'data-test': 'download-csv' }, '自评 CSV'), ' · ',
      e('a', { href: path + '/evaluations.csv', 'data-test': 'download-evaluations-csv' }, '评价 CSV'), ' · ',
      e('a', { href: path + '.json', 'data-test': 'download-json' }, '数据包（JSON，年初预算、调整后预算、执行数）')),
    e('h3', null, '绩效自评'),
    data.plans.length ? e(Plans, { district, year, plans: data.plans })
      : e('p', { 'data-test': 'public-no-plans' }, '本年度没有公开的绩效自评。'),
    e('h3', null, '绩效评价（部门评价、财政重点评价）'),
    data.evaluations.length ? e(Evaluations, { district, year, evaluations: data.evaluations, withChart: true })
      : e('p', { 'data-test': 'public-no-evaluations' }, '本年度没有公开的绩效评价。')));
}

function Plans({ district, year, plans }) {
  return e('div', null,
    e('figure', null,
      e(Chart, { test: 'public-chart', height: 300, option: chart(plans) }),
      e('figcaption', null, '各项目执行率（%）与得分；数据见下表')),
    e('table', { tabindex: 0, 'data-test': 'public-plans' },
      e('caption', null, '已公开的绩效自评'),
      e('thead', null, e('tr', null, ['部门', '项目', '年初预算（万元）', '调整后预算（万元）', '执行数（万元）', '执行率',
        '得分', '等级', '公开'].map((head, i) => e('th', { scope: 'col', class: i >= 2 && i <= 6 ? 'num' : '' }, head)))),
      e('tbody', null, plans.map(plan => e('tr', { 'data-test': 'public-plan' },
        e('td', null, plan.departmentName),
        e('td', null, e('a', { href: link(district, year, plan.department, plan.plan) }, plan.name ?? '部门整体')),
        e('td', { class: 'num' }, money(plan.approved)), e('td', { class: 'num' }, money(plan.adjusted)),
        e('td', { class: 'num' }, money(plan.executed)), e('td', { class: 'num' }, pct(plan.executionRate)),
        e('td', { class: 'num' }, score(plan.score)), e('td', null, text(plan.grade)),
        e('td', null, text(plan.publishedOn), e('br'), e(Head, { head: plan.chainHead })))))));
}

/** Published evaluations: a table, each with its findings to open, and (on the year's page) a chart of the scores. */
function Evaluations({ district, year, evaluations, withChart }) {
  return e('div', null,
    withChart && e('figure', null,
      e(Chart, { test: 'public-evaluation-chart', height: 280, option: evaluationChart(evaluations) }),
      e('figcaption', null, '绩效评价得分与自评得分；数据见下表')),
    e('table', { tabindex: 0, 'data-test': 'public-evaluations' },
      e('caption', null, '已公开的绩效评价'),
      e('thead', null, e('tr', null, ['部门', '项目', '评价', '评价机构', '核实支出（万元）', '评价得分', '评价等级',
        '自评得分', '评价发现', '公开'].map((head, i) => e('th', { scope: 'col', class: [4, 5, 7].includes(i) ? 'num' : '' },
        head)))),
      e('tbody', null, evaluations.map(evaluation => e('tr', { 'data-test': 'public-evaluation' },
        e('td', null, evaluation.departmentName),
        e('td', null, evaluation.planPublished
          ? e('a', { href: link(district, year, evaluation.department, evaluation.plan) }, planTitle(evaluation))
          : planTitle(evaluation)),
        e('td', null, evaluation.typeLabel + ' 第 ' + evaluation.number + ' 号'),
        e('td', null, text(evaluation.agency)),
        e('td', { class: 'num' }, money(evaluation.executed)),
        e('td', { class: 'num' }, score(evaluation.score)), e('td', null, text(evaluation.grade)),
        e('td', { class: 'num' }, score(evaluation.selfScore)),
        e('td', null, e('details', { 'data-test': 'public-evaluation-findings' },
          e('summary', null, '查看'),
          e('dl', null,
            e('dt', null, '主要发现'), e('dd', null, text(evaluation.findings)),
            e('dt', null, '存在问题'), e('dd', null, text(evaluation.problems)),
            e('dt', null, '改进建议'), e('dd', null, text(evaluation.suggestions)),
            evaluation.verified.length > 0 && [e('dt', null, '核实的指标'), e('dd', null, e('ul', null,
              evaluation.verified.map(line => e('li', null, line.indicator + '：' + [line.actual, line.achievement,
                line.note].filter(Boolean).join('，')))))]))),
        e('td', null, text(evaluation.publishedOn), e('br'), e(Head, { head: evaluation.chainHead })))))));
}

function evaluationChart(evaluations) {
  const names = evaluations.map(evaluation => planTitle(evaluation) + '（' + evaluation.typeLabel + '）');
  const value = figure => (figure == null ? null : Number(figure));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['评价得分', '自评得分'] },
    grid: { left: 50, right: 30, top: 40, bottom: 10, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, interval: 0, width: 120, overflow: 'truncate' } },
    yAxis: { type: 'value', min: 0 },
    series: [{ name: '评价得分', type: 'bar', data: evaluations.map(evaluation => value(evaluation.score)) },
      { name: '自评得分', type: 'bar', data: evaluations.map(evaluation => value(evaluation.selfScore)) }],
  };
}

function chart(plans) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['执行率', '得分'] },
    grid: { left: 50, right: 30, top: 40, bottom: 10, containLabel: true },
    xAxis: { type: 'category', data: plans.map(planTitle),
      axisLabel: { rotate: 30, interval: 0, width: 100, overflow: 'truncate' } },
    yAxis: { type: 'value', min: 0 },
    series: [{ name: '执行率', type: 'bar', data: plans.map(plan => (plan.executionRate == null ? null : Number(plan.executionRate))) },
      { name: '得分', type: 'bar', data: plans.map(plan => (plan.score == null ? null : Number(plan.score))) }],
  };
}

function Plan({ district, year, department, plan }) {
  const path = API + encodeURIComponent(district) + '/departments/' + encodeURIComponent(department) + '/years/'
    + encodeURIComponent(year) + '/plans/' + encodeURIComponent(plan);
  const state = useJson(path);
  return e(Loaded, { state }, data => e('section', null,
    e('p', null, e('a', { href: link(district, year) }, '← ' + year + ' 年度全部公开')),
    e('h2', null, planTitle(data.plan) + ' ' + year + ' 年度绩效自评'),
    e('p', null, data.plan.departmentName + ' · 年初预算 ' + money(data.plan.approved) + ' 万元 · 调整后预算 '
      + money(data.plan.adjusted) + ' 万元 · 执行数 ' + money(data.plan.executed) + ' 万元 · 执行率 '
      + pct(data.plan.executionRate) + ' · 得分 ' + score(data.plan.score) + ' · 等级 ' + text(data.plan.grade)),
    e('p', null, '公开于 ' + text(data.plan.publishedOn) + '（' + text(data.plan.channels) + '）'),
    e('p', null, e(Head, { head: data.plan.chainHead })),
    e('p', { class: 'muted' }, '保存上面的链头哈希值，日后可与区财政局的事件链核对：只要核对一致，当日及以前的记录就没有被改动。'),
    e('p', null, e('a', { href: path + '/self-evaluation.xlsx', 'data-test': 'download-xlsx' }, '下载自评表（Excel）')),
    data.evaluations.length > 0 && e(Evaluations, { district, year, evaluations: data.evaluations }),
    e('table', { tabindex: 0, 'data-test': 'public-indicators' },
      e('caption', null, '绩效自评表'),
      e('thead', null, e('tr', null, ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分']
        .map((head, i) => e('th', { scope: 'col', class: i === 3 || i === 6 ? 'num' : '' }, head)))),
      e('tbody', null, data.indicators.map(line => e('tr', null,
        e('td', null, line.level1), e('td', null, line.level2), e('td', null, line.name),
        e('td', { class: 'num' }, text(line.weight)), e('td', null, line.target), e('td', null, text(line.actual)),
        e('td', { class: 'num' }, score(line.score))))))));
}

function App() {
  const [district, year, department, plan] = useRoute();
  return e('div', null,
    e('header', null, e('h1', null, e('a', { href: '#/' }, '预算绩效信息公开'))),
    e('main', { id: 'main' },
      !district ? e(Home) : !year ? e(Years, { district }) : !department ? e(Year, { district, year })
        : e(Plan, { district, year, department, plan: plan ?? 'department' })),
    e('footer', { class: 'muted' }, '本页只显示区财政局已公开的信息。'));
}

render(e(App), document.getElementById('app'));
