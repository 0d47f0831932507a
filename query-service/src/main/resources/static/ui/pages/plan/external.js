// 部门评价 and 财政重点评价: district finance commissions its key evaluations, the department its own, each from an
// evaluator (often a third-party agency's staff) who reads only the plans commissioned from them and writes the
// report: the spending and completions it verified, and what it found. The commissioner accepts or returns it, and
// publishes it once accepted. Each report is scored by the same engine as the self-evaluation, and shown beside it
// with the difference.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t, label } from '../../i18n.js';
import * as api from '../../api.js';
import { Loading, useLoad } from '../../lib/load.js';
import { Notice, useSaved } from '../../components/controls.js';
import { Form } from '../../components/form.js';
import { businessTime, money, score } from '../../lib/format.js';

const e = h;
const ONCE_APPROVED = ['IN_EXECUTION', 'CLOSED', 'SELF_EVALUATION_SUBMITTED', 'SELF_EVALUATION_RETURNED',
  'SELF_EVALUATION_ACCEPTED', 'PUBLISHED'];
const points = value => (value === null || value === undefined ? '—' : score(value));

/** Which types the reader commissions and decides: finance its 财政重点评价, the department's editor its 部门评价. */
const commissions = (type, { finance, editor }) => (type === 'FINANCE_KEY' ? finance : editor);

export function ExternalEvaluationsSection({ plan, path, editor, finance, reload }) {
  const [form, setForm] = useState(null);
  const [notice, saved] = useSaved();
  const [state, again] = useLoad(() => api.read(path + '/evaluations'), path + '/evaluations/' + plan.version);
  const active = ONCE_APPROVED.includes(plan.phase.code);
  const done = async receipt => {
    setForm(null);
    await saved(path, receipt, () => { reload(); again(); });
  };
  return e(Loading, { state }, evaluations => {
    const open = type => evaluations.some(v => v.type.code === type && v.status !== 'accepted');
    const types = ['FINANCE_KEY', 'DEPARTMENT'].filter(type => commissions(type, { finance, editor }) && !open(type));
    if (evaluations.length === 0 && !(active && types.length)) return null;
    const one = path + '/evaluations/' + form?.number;
    return e('section', { class: 'card', 'data-test': 'evaluations-section' },
      e('h3', null, t('section.evaluations')),
      evaluations.length === 0 ? e('p', { class: 'muted' }, t('evaluation.none'))
        : evaluations.map(v => e(EvaluationCard, { key: v.number, v, active, form, setForm,
          decides: commissions(v.type.code, { finance, editor }), mine: v.yours })),
      e(Notice, { notice }),
      active && !form && types.length > 0 && e('div', { class: 'toolbar' }, e('button', { type: 'button',
        'data-test': 'commission-evaluation', onClick: () => setForm({ kind: 'commission' }) }, t('action.commissionEvaluation'))),
      form?.kind === 'commission' && e(Form, { test: 'evaluation-commission-form', title: t('action.commissionEvaluation'),
        fields: [
          { name: 'type', label: t('evaluation.type'), required: true, initial: types[0], placeholder: false,
            options: types.map(type => [type, label('evaluationType', type)]) },
          { name: 'evaluator', label: t('evaluation.evaluator'), required: true, max: 100, help: t('evaluation.evaluatorHelp') },
          { name: 'evaluatorName', label: t('evaluation.evaluatorName'), max: 100 },
          { name: 'agency', label: t('evaluation.agency'), max: 200 },
          { name: 'due', label: t('evaluation.due'), required: true, type: 'date' },
          { name: 'focus', label: t('evaluation.focus'), long: true, max: 2000 },
        ],
        submit: values => api.send('POST', path + '/evaluations', { ...values,
          evaluatorName: values.evaluatorName.trim() || null, agency: values.agency.trim() || null,
          focus: values.focus.trim() || null }),
        onDone: done, onCancel: () => setForm(null) }),
      form?.kind === 'report' && e(ReportForm, { plan, path: one, number: form.number, onDone: done, onCancel: () => setForm(null) }),
      form?.kind === 'accept' && e(Form, { test: 'evaluation-accept-form', title: t('action.acceptEvaluation') + ' ' + form.number,
        fields: [{ name: 'comment', label: t('review.comment'), long: true, max: 500 }],
        submit: values => api.send('POST', one + '/acceptance', { comment: values.comment.trim() || null }),
        onDone: done, onCancel: () => setForm(null) }),
      form?.kind === 'publish' && e(Form, { test: 'evaluation-publish-form', title: t('action.publishEvaluation') + ' ' + form.number,
        fields: [{ name: 'channels', label: t('review.channels'), required: true, max: 500 }],
        submit: values => api.send('POST', one + '/publication', { channels: values.channels.trim() }),
        onDone: done, onCancel: () => setForm(null) }),
      form?.kind === 'return' && e(Form, { test: 'evaluation-return-form', title: t('action.returnEvaluation') + ' ' + form.number,
        fields: [{ name: 'reason', label: t('review.returnReason'), required: true, long: true, max: 500 }],
        submit: values => api.send('POST', one + '/return', values), onDone: done, onCancel: () => setForm(null) }));
  });
}

function EvaluationCard({ v, active, form, setForm, decides, mine }) {
  const d = v.divergence;
  return e('article', { class: 'evaluation', 'data-test': 'evaluation-' + v.number },
    e('h4', null, v.type.label + ' · ' + t('evaluation.number', { number: v.number }) + ' ',
      e('span', { class: v.status === 'accepted' ? 'badge ok' : 'badge', 'data-test': 'evaluation-status' },
        t('evaluation.status.' + v.status)),
      v.publishedAt && [' ', e('span', { class: 'badge ok', 'data-test': 'evaluation-published' }, t('evaluation.publishedBadge'))]),
    e('p', null, t('evaluation.line', { evaluator: v.evaluatorName ? v.evaluatorName + '（' + v.evaluator + '）' : v.evaluator,
      agency: v.agency ?? '—', due: v.due }), v.focus && e('span', null, ' · ' + t('evaluation.focus') + '：' + v.focus)),
    e('p', { class: 'muted' }, t('evaluation.commissioned', { by: v.commissionedBy, at: businessTime(v.commissionedAt) })),
    v.returnReason && v.status === 'returned' && e('p', null, e('b', null, t('evaluation.returned') + '：'), v.returnReason),
    v.scorecard && e('div', { 'data-test': 'evaluation-report' },
      e('p', null, e('b', null, t('evaluation.findings') + '：'), v.findings),
      v.problems && e('p', null, e('b', null, t('evaluation.problems') + '：'), v.problems),
      v.suggestions && e('p', null, e('b', null, t('evaluation.suggestions') + '：'), v.suggestions),
      e('p', { class: 'muted' }, t('evaluation.reported', { at: businessTime(v.reportedAt), version: v.schemeVersion })
        + (v.executed != null ? ' · ' + t('evaluation.executedVerified', { amount: money(v.executed) }) : '')),
      v.verified.length > 0 && e('ul', { 'data-test': 'evaluation-verified' }, v.verified.map(i => e('li', null,
        i.indicator + '：' + [i.actual?.text, i.achievement ? label('achievement', i.achievement) : null, i.note]
          .filter(Boolean).join(' · ')))),
      e('table', { class: 'compact', 'data-test': 'evaluation-comparison' },
        e('caption', null, t('evaluation.comparison')),
        e('thead', null, e('tr', null, e('th', { scope: 'col' }, t('col.part')), e('th', { scope: 'col' }, t('evaluation.self')),
          e('th', { scope: 'col' }, t('evaluation.this')))),
        e('tbody', null,
          e('tr', { 'data-test': 'evaluation-total' }, e('th', { scope: 'row' }, t('evaluation.total')),
            e('td', null, d ? points(d.selfTotal) + (d.selfGrade ? ' ' + label('grade', d.selfGrade) : '') : t('evaluation.noSelfScore')),
            e('td', null, points(v.scorecard.total) + (v.scorecard.grade ? ' ' + label('grade', v.scorecard.grade) : ''))),
          (d?.parts ?? []).map(part => e('tr', null, e('th', { scope: 'row' }, part.name ?? part.part),
            e('td', null, points(part.self)), e('td', null, points(part.evaluation)))))),
      d && e('p', { 'data-test': 'evaluation-difference', class: d.large ? 'notice warn' : 'muted', role: d.large ? 'note' : undefined },
        d.difference == null ? t('evaluation.noDifference') : t(d.large ? 'evaluation.differenceLarge' : 'evaluation.difference',
          { difference: (Number(d.difference) > 0 ? '+' : '') + score(d.difference) }))),
    v.status === 'accepted' && e('p', { class: 'muted' }, t('evaluation.accepted', { by: v.decidedBy, at: businessTime(v.decidedAt) })
      + (v.decisionNote ? '：' + v.decisionNote : '')),
    v.publishedAt && e('p', { class: 'muted' }, t('evaluation.publishedOn', { at: businessTime(v.publishedAt),
      channels: v.publishedChannels })),
    active && !form && e('div', { class: 'toolbar' },
      mine && ['commissioned', 'returned'].includes(v.status) && e('button', { type: 'button', class: 'primary',
        'data-test': 'report-evaluation-' + v.number, onClick: () => setForm({ kind: 'report', number: v.number }) },
      t('action.reportEvaluation')),
      decides && v.status === 'reported' && e('button', { type: 'button', class: 'primary', 'data-test': 'accept-evaluation-' + v.number,
        onClick: () => setForm({ kind: 'accept', number: v.number }) }, t('action.acceptEvaluation')),
      decides && v.status === 'reported' && e('button', { type: 'button', 'data-test': 'return-evaluation-' + v.number,
        onClick: () => setForm({ kind: 'return', number: v.number }) }, t('action.returnEvaluation')),
      decides && v.status === 'accepted' && !v.publishedAt && e('button', { type: 'button',
        'data-test': 'publish-evaluation-' + v.number, onClick: () => setForm({ kind: 'publish', number: v.number }) },
      t('action.publishEvaluation'))));
}

/** The evaluator's report: the spending and each indicator's completion as verified (blank: as recorded), its findings. */
function ReportForm({ plan, path, number, onDone, onCancel }) {
  const indicators = plan.goals.flatMap(goal => goal.indicators);
  const qualitative = indicator => indicator.target?.value?.kind === 'qualitative';
  return e(Form, { test: 'evaluation-report-form', title: t('action.reportEvaluation') + ' ' + number,
    fields: [
      { name: 'executed', label: t('evaluation.executed'), money: true, hint: plan.budget?.executed ?? '', help: t('evaluation.executedHelp') },
      ...indicators.map(indicator => (qualitative(indicator)
        ? { name: 'v_' + indicator.code, label: indicator.code + ' ' + indicator.name + '（' + indicator.target.text + '）',
          options: ['ACHIEVED', 'PARTIALLY_ACHIEVED', 'NOT_ACHIEVED'].map(code => [code, label('achievement', code)]),
          apiPrefix: 'indicators' }
        : { name: 'v_' + indicator.code, label: indicator.code + ' ' + indicator.name + '（' + indicator.target.text + '）',
          hint: indicator.latest?.actual?.text ?? '', max: 100, apiPrefix: 'indicators' })),
      { name: 'findings', label: t('evaluation.findings'), required: true, long: true, rows: 4, max: 5000 },
      { name: 'problems', label: t('evaluation.problems'), long: true, max: 5000 },
      { name: 'suggestions', label: t('evaluation.suggestions'), long: true, max: 5000 },
    ],
    submit: values => api.send('POST', path + '/report', {
      executed: values.executed.trim() || null,
      indicators: indicators.filter(indicator => values['v_' + indicator.code].trim()).map(indicator => (qualitative(indicator)
        ? { indicator: indicator.code, achievement: values['v_' + indicator.code] }
        : { indicator: indicator.code, actual: values['v_' + indicator.code].trim() })),
      findings: values.findings, problems: values.problems.trim() || null, suggestions: values.suggestions.trim() || null,
    }),
    onDone, onCancel });
}
