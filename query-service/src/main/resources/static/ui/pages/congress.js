// The district's report of a year for the people's congress (人大): the year at a glance, the key evaluations, the
// use of their results and the rectification items not yet closed; printed from the browser, or downloaded.
import { h } from 'preact';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { go, href } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { base } from '../lib/session.js';
import { gradeLabel, money, pct, score, text } from '../lib/format.js';
import { DownloadButton, YearPicker } from '../components/controls.js';

const e = h;

export function CongressPage({ year }) {
  const path = base() + '/years/' + year + '/congress-report';
  const [state] = useLoad(() => api.read(path), path);
  return e('div', { class: 'report' },
    e('div', { class: 'toolbar no-print' },
      e(YearPicker, { year, onPick: y => go('/congress/' + y) }),
      e('button', { type: 'button', 'data-test': 'print-report', onClick: () => window.print() }, t('congress.print')),
      e(DownloadButton, { path: path + '.xlsx', text: t('congress.download'), test: 'download-congress' })),
    e(Loading, { state }, report => e('div', { 'data-test': 'congress-report' },
      e('h2', null, t('congress.title', { district: report.districtName, year: report.year })),
      e('p', { class: 'muted' }, t('congress.asOf', { day: report.asOf })),
      e('section', { class: 'card', 'data-test': 'congress-summary' }, e('h3', null, t('congress.summary')),
        e('ul', null,
          e('li', null, t('congress.plans', { plans: report.summary.plans, evaluated: report.summary.evaluated })),
          e('li', { 'data-test': 'congress-grades' }, t('congress.grades') + '：' + Object.entries(report.summary.grades)
            .map(([grade, count]) => grade + ' ' + count).join('，')),
          e('li', null, t('congress.money', { adjusted: money(report.summary.adjustedBudget),
            executed: money(report.summary.executed), rate: pct(report.summary.executionRate) })),
          e('li', null, t('congress.proposals', { proposals: report.summary.proposals, cutting: report.summary.proposalsCutting })),
          e('li', null, t('congress.rectifications', { open: report.summary.openRectifications,
            late: report.summary.lateRectifications })))),
      e(Table, { test: 'congress-key-evaluations', title: t('congress.keyEvaluations'), rows: report.keyEvaluations,
        heads: ['col.department', 'col.name', 'evaluation.evaluator', 'evaluation.agency', 'evaluations.status',
          'evaluations.score', 'evaluations.selfScore', 'evaluations.difference'],
        cells: row => [row.departmentName ?? row.department,
          e('a', { href: href('plan', row.department, report.year, row.plan) }, row.name ?? t('dept.departmentWide')),
          row.evaluator, row.agency, t('evaluation.status.' + row.status),
          row.score == null ? '—' : score(row.score) + ' ' + (row.grade ?? ''),
          row.selfScore == null ? '—' : score(row.selfScore) + ' ' + (row.selfGrade ?? ''),
          row.difference == null ? '—' : row.difference + (row.large ? ' · ' + t('evaluations.large') : '')],
        numeric: [] }),
      e(Table, { test: 'congress-evaluations', title: t('congress.evaluations'), rows: report.evaluations,
        heads: ['col.department', 'col.name', 'col.adjustedBudget', 'col.executed', 'col.executionRate', 'col.score', 'col.grade'],
        cells: row => [row.departmentName ?? row.department,
          e('a', { href: href('plan', row.department, report.year, row.plan ?? 'department') }, row.name ?? t('dept.departmentWide')),
          money(row.adjustedBudget), money(row.executed), pct(row.executionRate), score(row.score), gradeLabel(row.grade)],
        numeric: [2, 3, 4, 5] }),
      e(Table, { test: 'congress-proposals', title: t('congress.results'), rows: report.proposals,
        heads: ['col.department', 'col.name', 'col.grade', 'results.action', 'results.base', 'results.proposed', 'results.reason'],
        cells: row => [row.departmentName ?? row.department, row.name ?? t('dept.departmentWide'), row.grade, row.action,
          money(row.base), money(row.proposed), row.overrideReason ?? t('results.byRules')],
        numeric: [4, 5] }),
      e(Table, { test: 'congress-rectifications', title: t('congress.openRectifications'), rows: report.rectifications,
        heads: ['col.department', 'col.name', 'rectification.issue', 'rectification.owner', 'rectification.deadline', 'col.status'],
        cells: row => [row.departmentName ?? row.department, row.name ?? t('dept.departmentWide'),
          t('congress.numbered', { number: row.number }) + row.issue, row.owner, row.deadline,
          row.late ? t('rectification.late') : t('rectification.status.' + row.status)],
        numeric: [] }))));
}

function Table({ test, title, rows, heads, cells, numeric }) {
  return e('section', { class: 'card' }, e('h3', null, title),
    rows.length === 0 ? e('p', { class: 'muted' }, t('congress.none'))
      : e('table', { tabindex: 0, 'data-test': test },
        e('thead', null, e('tr', null, heads.map((key, i) => e('th', { scope: 'col', class: numeric.includes(i) ? 'num' : '' }, t(key))))),
        e('tbody', null, rows.map(row => e('tr', null, cells(row).map((cell, i) =>
          e('td', { class: numeric.includes(i) ? 'num' : '' }, typeof cell === 'string' || typeof cell === 'number' ? text(cell) : cell)))))));
}
