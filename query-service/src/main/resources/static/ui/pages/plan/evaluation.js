// The year-end self-evaluation (自评): each round the department submitted, finance's return or acceptance, and its
// publication; the department writes it (or imports the filled-in 自评表) once the year is closed.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n.js';
import { gradeLabel, score } from '../../lib/format.js';
import { ImportForm, Notice, useSaved } from '../../components/controls.js';
import { Form } from '../../components/form.js';
import { selfEvaluationForm } from '../../components/plan-forms.js';
import { withAnalysis } from '../department.js';
import * as api from '../../api.js';
import { Loading, useLoad } from '../../lib/load.js';

const e = h;

export function EvaluationSection({ plan, path, editor, reload, card }) {
  const [form, setForm] = useState(null);
  const [notice, saved] = useSaved();
  const rounds = plan.selfEvaluations;
  const writing = editor && ['CLOSED', 'SELF_EVALUATION_RETURNED'].includes(plan.phase.code);
  if (!rounds.length && !writing) return null;
  const done = async receipt => {
    setForm(null);
    await saved(path, receipt, reload);
  };
  const open = card?.openItems ?? [];
  const needsReason = indicator => open.some(item => item.kind === 'missing-deviation-reason' && item.indicator === indicator.code);
  const indicators = plan.goals.flatMap(goal => goal.indicators).map(indicator => ({ code: indicator.code, name: indicator.name,
    target: indicator.target.text, actual: indicator.latest?.actual?.text,
    score: card?.indicators?.find(line => line.code === indicator.code)?.score ?? null }));
  return e('section', { class: 'card', 'data-test': 'evaluation-section' },
    e('h3', null, t('section.evaluation')),
    rounds.map(round => e('div', { class: 'round', 'data-test': 'evaluation-round-' + round.round },
      e('p', null, e('b', null, t('evaluation.round', { round: round.round })), ' ',
        e('span', { class: round.status === 'returned' ? 'badge' : 'badge ok', 'data-test': 'evaluation-status' },
          t('evaluation.status.' + round.status)),
        round.score != null && ' ' + t('plan.score', { score: score(round.score), grade: gradeLabel(round.grade) }),
        e('span', { class: 'muted' }, ' · ' + round.submitted_by)),
      round.review_note && e('p', { 'data-test': 'review-note' }, e('b', null, t('evaluation.reviewNote') + '：'), round.review_note,
        round.reviewed_by && e('span', { class: 'muted' }, ' — ' + round.reviewed_by)),
      round.published_channels && e('p', null, e('b', null, t('evaluation.published') + '：'), round.published_channels),
      e('details', null, e('summary', null, t('evaluation.texts')),
        [['form.analysis', round.deviation_analysis], ['form.measures', round.improvement_measures], ['form.use', round.results_use],
          ['form.publication', round.publication_plan]].filter(([, value]) => value)
          .map(([key, value]) => e('p', null, e('b', null, t(key) + '：'), value))))),
    rounds.length > 0 && e(ReportedChecks, { path, version: plan.version }),
    writing && e('div', { class: 'toolbar' },
      e('button', { type: 'button', class: 'primary', 'data-test': 'submit-self-evaluation', onClick: () => setForm('write') }, t('action.selfEvaluation')),
      e('button', { type: 'button', 'data-test': 'import-self-evaluation', onClick: () => setForm('import') }, t('action.import'))),
    e(Notice, { notice }),
    form === 'write' && e(Form, { ...withAnalysis(selfEvaluationForm(path, indicators, card ?? {}, needsReason), open.some(item => item.kind === 'missing-deviation-reason')),
      onDone: done, onCancel: () => setForm(null) }),
    form === 'import' && e(ImportForm, { path, onDone: done, onCancel: () => setForm(null) }));
}

/**
 * Every figure the self-evaluation reports (执行率, 得分, 偏差率, 总分, 等级), beside what PerfLedger recomputes from the
 * plan's own figures, with the verdict and the rule: for finance reviewing it and auditors replaying it.
 */
function ReportedChecks({ path, version }) {
  const [state] = useLoad(() => api.read(path + '/scorecard'), path + '/scorecard/' + version);
  return e('details', { 'data-test': 'reported-checks', open: true },
    e('summary', null, t('checks.title')),
    e(Loading, { state }, card => !card.reported.length ? e('p', { class: 'muted' }, t('checks.none'))
      : e('table', { tabindex: 0 },
        e('caption', { class: 'muted' }, t('checks.caption')),
        e('thead', null, e('tr', null, ['checks.figure', 'checks.reported', 'checks.recomputed', 'checks.verdict', 'checks.rule']
          .map(key => e('th', { scope: 'col' }, t(key))))),
        e('tbody', null, card.reported.map(figure => e('tr', { 'data-test': 'check-' + figure.figure },
          e('td', null, figure.figure),
          e('td', { class: 'num' }, figure.reported ?? '—'),
          e('td', { class: 'num' }, figure.recomputed ?? '—'),
          e('td', null, e('span', { class: figure.verdict === 'REPRODUCED' ? 'badge ok' : 'badge', 'data-test': 'verdict' },
            t('verdict.' + figure.verdict))),
          e('td', null, figure.rule)))))));
}
