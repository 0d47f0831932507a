// 部门评价 and 财政重点评价 a reader works on: district finance and auditors every one of the district, a department
// its own, an evaluator (often a third-party agency's staff) those commissioned from them — the only page their
// sign-in opens, each row leading to the plan it evaluates.
import { h } from 'preact';
import { t, label } from '../i18n.js';
import * as api from '../api.js';
import { href } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { base, evaluatorOnly } from '../lib/session.js';
import { score, text } from '../lib/format.js';

const e = h;

export function EvaluationsPage() {
  const path = base() + '/evaluations';
  const [state] = useLoad(() => api.read(path), path);
  const mine = evaluatorOnly();
  return e('div', null,
    e('h2', null, t(mine ? 'evaluations.mine' : 'evaluations.title')),
    e(Loading, { state }, rows => (rows.length === 0 ? e('p', { class: 'muted', 'data-test': 'evaluations-empty' }, t('evaluations.empty'))
      : e('table', { tabindex: 0, 'data-test': 'evaluations' },
        e('caption', null, t(mine ? 'evaluations.mine' : 'evaluations.title')),
        e('thead', null, e('tr', null, ['evaluations.year', 'col.department', 'col.name', 'evaluation.type', 'evaluation.evaluator',
          'evaluation.due', 'evaluations.status', 'evaluations.score', 'evaluations.selfScore', 'evaluations.difference']
          .map(key => e('th', { scope: 'col' }, t(key))))),
        e('tbody', null, rows.map(v => e('tr', { 'data-test': 'evaluation-row' },
          e('td', null, v.year),
          e('td', null, v.departmentName ?? v.department),
          e('td', null, e('a', { href: href('plan', v.department, v.year, v.planKey), 'data-test': 'evaluation-plan' },
            v.planKey === 'department' ? t('dept.departmentWide') : (v.planName ?? v.planKey))),
          e('td', null, v.type.label),
          e('td', null, v.evaluatorName ?? v.evaluator),
          e('td', null, v.due),
          e('td', null, t('evaluation.status.' + v.status) + (v.publishedAt ? ' · ' + t('evaluation.publishedBadge') : '')),
          e('td', null, v.scorecard ? score(v.scorecard.total) + ' ' + label('grade', v.scorecard.grade) : '—'),
          e('td', null, v.divergence?.selfTotal != null ? score(v.divergence.selfTotal) + ' ' + label('grade', v.divergence.selfGrade) : '—'),
          e('td', { class: v.divergence?.large ? 'alert' : '' }, v.divergence?.difference != null
            ? text(v.divergence.difference) + (v.divergence.large ? ' · ' + t('evaluations.large') : '') : '—'))))))));
}
