// 事前绩效评估: a new project's ex-ante assessment. Its department states the five criteria with their evidence; district
// finance scores each under the year's scheme and concludes 予以支持 / 调整后支持 / 不予支持. A new project gets no budget
// before a supported conclusion ("没有事前评估或评估未通过的，不得安排预算"); one not supported may be submitted again.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { Notice, useSaved } from '../../components/controls.js';
import { Form, POINTS } from '../../components/form.js';
import { businessTime } from '../../lib/format.js';

const e = h;
export const CRITERIA = ['NECESSITY', 'ECONOMY', 'GOALS', 'FEASIBILITY', 'COMPLIANCE'];
const CONCLUSIONS = ['SUPPORTED', 'SUPPORTED_AFTER_ADJUSTMENT', 'NOT_SUPPORTED'];
const BEFORE_BUDGET = ['DRAFTING', 'TARGETS_SUBMITTED', 'IN_EXECUTION'];

export function AssessmentSection({ plan, path, editor, finance, reload }) {
  const [form, setForm] = useState(null);
  const [notice, saved] = useSaved();
  if (plan.kind !== 'PROJECT' || plan.unstarted) return null;
  const rounds = plan.assessments ?? [];
  const isNew = plan.profile?.attribute?.code === 'NEW';
  if (rounds.length === 0 && !isNew) return null;
  const last = rounds[rounds.length - 1];
  const awaiting = last && !last.conclusion;
  const done = !!last?.conclusion && last.conclusion !== 'NOT_SUPPORTED';
  const open = BEFORE_BUDGET.includes(plan.phase.code);
  const canSubmit = editor && open && !plan.budget.opened && !awaiting && !done;
  const canConclude = finance && open && awaiting;
  const finished = async receipt => {
    setForm(null);
    await saved(path, receipt, reload);
  };
  return e('section', { class: 'card', 'data-test': 'assessment-section' },
    e('h3', null, t('section.assessment')),
    isNew && !done && e('p', { class: 'notice warn', role: 'note', 'data-test': 'assessment-rule' }, t('assessment.rule')),
    rounds.length === 0 ? e('p', { class: 'muted', 'data-test': 'assessment-none' }, t('assessment.none'))
      : rounds.map(round => e(Round, { round })),
    e(Notice, { notice }),
    !form && (canSubmit || canConclude) && e('div', { class: 'toolbar' },
      canSubmit && e('button', { type: 'button', class: 'primary', 'data-test': 'submit-assessment',
        onClick: () => setForm('submit') }, t(last ? 'action.resubmitAssessment' : 'action.submitAssessment')),
      canConclude && e('button', { type: 'button', class: 'primary', 'data-test': 'conclude-assessment',
        onClick: () => setForm('conclude') }, t('action.concludeAssessment'))),
    form === 'submit' && e(Form, { test: 'assessment-form', title: t('action.submitAssessment'),
      fields: CRITERIA.flatMap(code => [
        { name: code, label: t('criterion.' + code), required: true, long: true, rows: 3, max: 2000,
          initial: last?.statements?.[code]?.text ?? '', apiNames: ['statements.' + code + '.text'] },
        { name: code + ':evidence', label: t('assessment.evidence', { criterion: t('criterion.' + code) }), max: 500,
          initial: last?.statements?.[code]?.evidence ?? '', apiNames: ['statements.' + code + '.evidence'] }]),
      submit: values => api.send('PUT', path + '/assessment', { statements: Object.fromEntries(CRITERIA.map(code =>
        [code, { text: values[code], evidence: values[code + ':evidence'] || null }])) }),
      onDone: finished, onCancel: () => setForm(null) }),
    form === 'conclude' && e(Form, { test: 'conclusion-form', title: t('action.concludeAssessment'),
      fields: [
        ...CRITERIA.map(code => ({ name: code, label: t('criterion.' + code), required: true, hint: '0–20',
          check: value => (POINTS.test(value.trim()) ? null : t('rule.points.format')), apiNames: ['scores.' + code] })),
        { name: 'conclusion', label: t('assessment.conclusion'), required: true,
          options: CONCLUSIONS.map(code => [code, t('conclusion.' + code)]) },
        { name: 'opinion', label: t('assessment.opinion'), required: true, long: true, rows: 3, max: 2000 },
        { name: 'assessor', label: t('assessment.assessor'), max: 200, help: t('assessment.assessorHelp') },
      ],
      submit: values => api.send('POST', path + '/assessment/conclusion', {
        scores: Object.fromEntries(CRITERIA.map(code => [code, values[code].trim()])), conclusion: values.conclusion,
        opinion: values.opinion, assessor: values.assessor || null }),
      onDone: finished, onCancel: () => setForm(null) }));
}

function Round({ round }) {
  return e('div', { 'data-test': 'assessment-round-' + round.round },
    e('h4', null, t('assessment.round', { round: round.round }) + ' · ' + round.submittedBy + ' · '
      + businessTime(round.submittedAt),
      round.conclusion && e('span', { class: round.conclusion === 'NOT_SUPPORTED' ? 'badge' : 'badge ok',
        'data-test': 'assessment-conclusion' }, ' ' + t('conclusion.' + round.conclusion))),
    e('table', { tabindex: 0, 'aria-label': t('section.assessment') + ' · ' + t('assessment.round', { round: round.round }) },
      e('thead', null, e('tr', null, e('th', { scope: 'col' }, t('assessment.criterion')),
        e('th', { scope: 'col' }, t('assessment.statement')),
        e('th', { scope: 'col', class: 'num' }, t('assessment.score')))),
      e('tbody', null, CRITERIA.map(code => e('tr', { 'data-test': 'assessment-' + code },
        e('th', { scope: 'row' }, t('criterion.' + code)),
        e('td', null, round.statements?.[code]?.text,
          round.statements?.[code]?.evidence && e('div', { class: 'muted' }, t('assessment.evidenceShown') + '：'
            + round.statements[code].evidence)),
        e('td', { class: 'num' }, round.scores ? round.scores[code] + ' / ' + round.weights[code] : '—')))),
      round.conclusion && e('tfoot', null, e('tr', null, e('th', { scope: 'row', colspan: 2 }, t('assessment.total')),
        e('td', { class: 'num', 'data-test': 'assessment-total' }, String(round.total))))),
    round.conclusion && e('p', { 'data-test': 'assessment-opinion' }, e('b', null, t('assessment.opinion') + '：'),
      round.opinion, round.assessor ? ' （' + t('assessment.assessor') + '：' + round.assessor + '）' : '',
      ' · ' + round.concludedBy + ' · ' + businessTime(round.concludedAt)));
}
