// A department's dashboard for a year: each plan's figures against 序时进度, its indicators and open items, with the
// quick forms an editor uses most (a completion, a payment, the self-evaluation) and a link to the plan's own page.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t, label } from '../i18n.js';
import * as api from '../api.js';
import { go, href, withParam } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { departmentPath, planPath, useDepartmentNames, useVocabulary } from '../lib/session.js';
import { gradeLabel, money, pct, score, text } from '../lib/format.js';
import { Chart } from '../chart.js';
import { AtBanner, AtPicker, DownloadButton, ImportForm, Light, Notice, YearPicker, useSaved } from '../components/controls.js';
import { Form } from '../components/form.js';
import { completionForm, expenditureForm, selfEvaluationForm } from '../components/plan-forms.js';
import { RegisterProject } from './plan/register.js';

const e = h;

export function Department({ dep, year, query }) {
  const asOf = query.get('asOf');
  const at = query.get('at');
  const params = new URLSearchParams();
  if (asOf) params.set('asOf', asOf);
  if (at) params.set('at', at);
  // a year with no plan yet is an empty dashboard, where an editor starts one
  const [state, reload] = useLoad(() => api.read(departmentPath(dep) + '/years/' + year + '/dashboard?' + params)
    .catch(error => (error.status === 404 && !at ? { plans: [] } : Promise.reject(error))), dep + year + params);
  const set = (key, value) => go('/dept/' + dep + '/' + year, withParam(query, key, value));
  const name = useDepartmentNames()[dep] ?? dep;
  const [registering, setRegistering] = useState(false);
  const editor = api.can('DEPARTMENT_EDITOR') && api.claims()?.department === dep && !at;
  return e('div', null,
    e('h2', { 'data-test': 'department-title' }, t('dept.title', { name, year })),
    e('div', { class: 'toolbar' },
      e(YearPicker, { year, onPick: y => go('/dept/' + dep + '/' + y) }),
      e('label', null, t('dept.asOf') + ' ', e('input', { type: 'date', value: asOf ?? '', min: year + '-01-01',
        max: year + '-12-31', 'data-test': 'as-of', onChange: ev => set('asOf', ev.target.value) })),
      e(AtPicker, { at, onPick: value => set('at', value) }),
      e('a', { href: href('dept', dep, 'years'), 'data-test': 'yoy-link' }, t('dept.yoy')),
      e('a', { href: href('dept', dep, year, 'trail'), 'data-test': 'trail-link' }, t('dept.trail')),
      editor && e('button', { type: 'button', 'data-test': 'new-project', onClick: () => setRegistering(true) }, t('action.newProject'))),
    registering && e(RegisterProject, { dep, year, onCancel: () => setRegistering(false),
      onDone: code => go('/plan/' + dep + '/' + year + '/' + code) }),
    at && e(AtBanner, { at, changes: href('dept', dep, year, 'changes') + '?' + new URLSearchParams({ from: at }) }),
    e(Loading, { state }, data => e('div', null,
      e('section', { class: 'card' }, e('h3', null, t('dept.chart')),
        data.plans.length === 0 ? e('p', { class: 'muted', 'data-test': 'chart-empty' }, t('chart.empty'))
          : e(Chart, { test: 'department-chart', height: 280, option: departmentChart(data.plans) })),
      editor && !data.plans.some(plan => plan.plan === 'department') && e('p', null,
        e('a', { href: href('plan', dep, year, 'department'), 'data-test': 'start-department-plan' }, t('action.startDepartmentPlan'))),
      data.plans.length === 0 && e('p', { class: 'muted', 'data-test': 'no-plans' }, t('dept.noPlans')),
      data.plans.map(plan => e(PlanCard, { key: plan.plan, plan, dep, year, past: !!at, reload })))));
}

function departmentChart(plans) {
  const elapsed = plans.find(p => p.timeProgress)?.timeProgress?.yearElapsed;
  const rates = plans.map(p => (p.executionRate == null ? null : Number(p.executionRate)));
  const top = Math.max(100, ...rates.filter(v => v !== null));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('budget.rate')] },
    grid: { left: 50, right: 30, top: 40, bottom: 10, containLabel: true },
    xAxis: { type: 'category', data: plans.map(p => p.name ?? t('dept.departmentWide')),
      axisLabel: { interval: 0, width: 100, overflow: 'truncate' } },
    yAxis: { type: 'value', name: '%', min: 0, max: Math.ceil(top / 10) * 10 },
    series: [{
      name: t('budget.rate'), type: 'bar', data: rates,
      markLine: elapsed == null ? undefined : { symbol: 'none', data: [{ yAxis: Number(elapsed), name: t('dept.timeProgress') }],
        label: { position: 'insideEndTop', formatter: t('dept.timeProgress') + ' {c}%' } },
    }],
  };
}

/** The indicators of a dashboard plan as the forms take them. */
const formIndicators = plan => plan.indicators.map(indicator => ({ code: indicator.code, name: indicator.name,
  target: indicator.target, actual: indicator.latestActual, score: indicator.score }));

function PlanCard({ plan, dep, year, past, reload }) {
  const path = planPath(dep, year, plan.plan);
  const words = useVocabulary();
  const [form, setForm] = useState(null);
  const [notice, saved] = useSaved();
  // the record as it stood in the past is read, not written
  const editor = api.can('DEPARTMENT_EDITOR') && !past;
  const executing = plan.phase === 'IN_EXECUTION';
  const evaluating = plan.phase === 'CLOSED' || plan.phase === 'SELF_EVALUATION_RETURNED';
  const progress = plan.timeProgress;
  const done = async receipt => {
    setForm(null);
    await saved(path, receipt, reload);
  };
  const needsReason = indicator => plan.openItems.some(item => item.kind === 'missing-deviation-reason' && item.indicator === indicator.code);
  const formProps = form?.kind === 'completion' ? completionForm(path, year, form.indicator)
    : form?.kind === 'expenditure' ? expenditureForm(path, year, plan.plan === 'department', words)
      : form?.kind === 'evaluation' ? withAnalysis(selfEvaluationForm(path, formIndicators(plan), plan, needsReason),
        plan.openItems.some(item => item.kind === 'missing-deviation-reason')) : null;
  return e('section', { class: 'card', 'data-test': 'plan-' + plan.plan },
    e('h3', null, e('a', { href: href('plan', dep, year, plan.plan), 'data-test': 'open-plan' }, plan.name ?? t('dept.departmentWide')), ' ',
      e('span', { class: 'badge ok' }, label('phase', plan.phase)), ' ',
      plan.score != null && e('span', { 'data-test': 'plan-score' }, t('plan.score', { score: score(plan.score), grade: gradeLabel(plan.grade) })
        + '（' + label('status', plan.status) + '）')),
    e('div', { class: 'figures' },
      [['budget.initial', plan.initialBudget], ['budget.adjusted', plan.adjustedBudget], ['budget.received', plan.received],
        ['budget.executed', plan.executed]].map(([key, value]) => e('div', null, t(key), e('b', null, money(value))))),
    plan.overBudget && e('p', { class: 'badge', 'data-test': 'over-budget' }, t('alert.over-budget')),
    progress && e('div', { 'data-test': 'time-progress' },
      e(Light, { light: progress.light, test: 'plan-light', title: t('light.planBasis') }), ' ',
      t('budget.rate') + ' ' + pct(progress.executionRate) + ' · ' + t('dept.timeProgress') + ' ' + pct(progress.yearElapsed),
      progress.lagging && e('span', { class: 'badge' }, t('budget.lagging', { lag: progress.lag })),
      e('div', { class: 'progress' },
        e('div', { class: 'bar', style: { width: Math.min(100, Number(progress.executionRate)) + '%' } }),
        e('div', { class: 'mark', style: { left: Math.min(100, Number(progress.yearElapsed)) + '%' } }))),
    e('table', { tabindex: 0, 'data-test': 'indicators' },
      e('thead', null, e('tr', null, ['ind.code', 'ind.name', 'ind.weight', 'ind.target', 'ind.actual',
        'ind.completion', 'ind.deviation', 'ind.score'].map(key => e('th', { scope: 'col' }, t(key))),
        executing && e('th', { scope: 'col' }, t('ind.light')),
        editor && executing && e('th', { scope: 'col' }, t('col.actions')))),
      e('tbody', null, plan.indicators.map(indicator => e('tr', { 'data-test': 'indicator-' + indicator.code },
        e('td', null, indicator.code), e('td', null, indicator.name), e('td', { class: 'num' }, indicator.weight == null ? t('ind.weightUnset') : text(indicator.weight)),
        e('td', null, indicator.target),
        e('td', { 'data-test': 'actual' }, indicator.latestActual ? indicator.latestActual + ' '
          : '—', indicator.latestActual && e('span', { class: 'muted' }, '(' + (indicator.latestAsOf
            ? t('ind.asOf') + ' ' + indicator.latestAsOf : t('ind.undated')) + ')')),
        e('td', { class: 'num' }, pct(indicator.completion)), e('td', { class: 'num' }, pct(indicator.deviationRate)),
        e('td', { class: 'num' }, score(indicator.score)),
        executing && e('td', { 'data-test': 'indicator-light' }, indicator.light ? [e(Light, { light: indicator.light }),
          ' ', e('span', { class: 'muted' }, lightBasis(indicator))] : e('span', { class: 'muted' }, t('light.none'))),
        editor && executing && e('td', null, e('button', { type: 'button', 'data-test': 'record-completion',
          onClick: () => setForm({ kind: 'completion', indicator: formIndicators(plan).find(i => i.code === indicator.code) }) },
        t('action.completion'))))))),
    e(Notice, { notice }),
    formProps && e(Form, { ...formProps, onDone: done, onCancel: () => setForm(null) }),
    e('div', null, e('b', null, t('plan.openItems') + ': '),
      plan.openItems.length === 0 ? e('span', { class: 'muted' }, t('plan.noOpenItems'))
        : e('ul', { 'data-test': 'open-items' }, plan.openItems.map(item => e('li', null, openItem(item, plan))))),
    e('div', { class: 'toolbar' },
      editor && executing && e('button', { type: 'button', 'data-test': 'record-expenditure', onClick: () => setForm({ kind: 'expenditure' }) },
        t('action.expenditure')),
      editor && evaluating && e('button', { type: 'button', 'data-test': 'submit-self-evaluation', onClick: () => setForm({ kind: 'evaluation' }) },
        t('action.selfEvaluation')),
      editor && evaluating && e('button', { type: 'button', 'data-test': 'import-self-evaluation', onClick: () => setForm({ kind: 'import' }) },
        t('action.import')),
      e(DownloadButton, { path: path + '/self-evaluation.xlsx', text: t('action.export'), test: 'export-self-evaluation' })),
    form?.kind === 'import' && e(ImportForm, { path, onDone: done, onCancel: () => setForm(null) }));
}

/** What an indicator's light rests on: its progress against time, or how far it falls short of a level. */
function lightBasis(indicator) {
  if (indicator.progress != null) {
    return Number(indicator.behind) > 0 ? t('light.progressBehind', { progress: indicator.progress, behind: indicator.behind })
      : t('light.progressAhead', { progress: indicator.progress });
  }
  if (indicator.behind != null) {
    return Number(indicator.behind) > 0 ? t('light.shortfall', { behind: indicator.behind }) : t('light.met');
  }
  return '';
}

/** 偏差大或目标未完成原因分析 is required as soon as one indicator needs a reason: marked so before sending. */
export function withAnalysis(form, required) {
  return { ...form, fields: form.fields.map(field => (field.name === 'deviationAnalysis' ? { ...field, required } : field)) };
}

/** An open item in the reader's language; the API's own words where the kind is new to this page. */
export function openItem(item, plan) {
  const name = plan.indicators.find(indicator => indicator.code === item.indicator)?.name ?? '';
  switch (item.kind) {
    case 'missing-completion': return t('open.missingCompletion', { code: item.indicator, name });
    case 'missing-deviation-reason': return t('open.missingReason', { code: item.indicator, name, detail: item.detail });
    case 'target-adjustment-pending': return t('open.adjustment', { number: item.detail, code: item.indicator });
    case 'spending-lags': return t('open.spendingLags', { lag: item.detail });
    case 'funds-held': return t('open.fundsHeld.' + item.detail);
    case 'warning-unanswered': return t('open.warning', { number: item.detail.split('|')[0], due: item.detail.split('|')[1] });
    case 'rectification-open': case 'rectification-late':
      return t('open.' + (item.kind === 'rectification-late' ? 'rectificationLate' : 'rectificationOpen'),
        { number: item.detail.split('|')[0], due: item.detail.split('|')[1] });
    default: return item.text;
  }
}
