// Requests to adjust a target during the year (目标调整) and district finance's decision on each.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t, label } from '../../i18n.js';
import * as api from '../../api.js';
import { text } from '../../lib/format.js';
import { Notice, useSaved } from '../../components/controls.js';
import { DecisionForm } from '../../components/form.js';

const e = h;

export function AdjustmentsSection({ plan, path, finance, reload }) {
  const [form, setForm] = useState(null);
  const [notice, saved] = useSaved();
  const rows = plan.targetAdjustments;
  if (!rows.length) return null;
  const deciding = finance && plan.phase.code === 'IN_EXECUTION';
  const done = async receipt => {
    setForm(null);
    await saved(path, receipt, reload);
  };
  const indicatorName = code => plan.goals.flatMap(goal => goal.indicators).find(indicator => indicator.code === code)?.name ?? '';
  return e('section', { class: 'card', 'data-test': 'adjustments-section' },
    e('h3', null, t('section.adjustments')),
    e('table', { tabindex: 0, 'data-test': 'target-adjustments' },
      e('thead', null, e('tr', null, ['adjustment.number', 'ind.name', 'adjustment.newTarget', 'ind.weight', 'adjustment.reason',
        'adjustment.status', 'adjustment.decision'].map(key => e('th', { scope: 'col' }, t(key))),
      deciding && e('th', { scope: 'col' }, t('col.actions')))),
      e('tbody', null, rows.map(row => e('tr', { 'data-test': 'adjustment-' + row.number },
        e('td', { class: 'num' }, row.number), e('td', null, row.code + ' ' + indicatorName(row.code)),
        e('td', null, row.target_text), e('td', { class: 'num' }, row.weight == null ? t('ind.weightUnset') : text(row.weight)), e('td', null, row.reason),
        e('td', null, label('adjustmentStatus', row.status)),
        e('td', null, row.decision_note ?? '', row.decided_by && e('span', { class: 'muted' }, ' — ' + row.decided_by)),
        deciding && e('td', null, row.status === 'requested' && [
          e('button', { type: 'button', class: 'primary', 'data-test': 'approve-adjustment',
            onClick: () => setForm({ kind: 'approve', number: row.number }) }, t('action.approve')), ' ',
          e('button', { type: 'button', 'data-test': 'reject-adjustment',
            onClick: () => setForm({ kind: 'reject', number: row.number }) }, t('action.reject'))]))))),
    e(Notice, { notice }),
    form?.kind === 'approve' && e(DecisionForm, { test: 'approve-adjustment-form', label: t('review.comment'),
      submitText: t('action.approve'), onDone: done, onCancel: () => setForm(null),
      submit: comment => api.send('POST', path + '/target-adjustments/' + form.number + '/approval', { comment }) }),
    form?.kind === 'reject' && e(DecisionForm, { test: 'reject-adjustment-form', label: t('review.rejectReason'), required: true,
      name: 'reason', submitText: t('action.reject'), onDone: done, onCancel: () => setForm(null),
      submit: reason => api.send('POST', path + '/target-adjustments/' + form.number + '/rejection', { reason }) }));
}
