// 整改: what district finance finds a plan must put right, who owns it and by when; the department reports what it did
// with its evidence; finance returns a report that does not settle it, or closes the item (销号).
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { Notice, useSaved } from '../../components/controls.js';
import { Form } from '../../components/form.js';
import { businessTime, today } from '../../lib/format.js';

const e = h;
const ONCE_APPROVED = ['IN_EXECUTION', 'CLOSED', 'SELF_EVALUATION_SUBMITTED', 'SELF_EVALUATION_RETURNED',
  'SELF_EVALUATION_ACCEPTED', 'PUBLISHED'];

export function RectificationsSection({ plan, path, editor, finance, reload }) {
  const [form, setForm] = useState(null);
  const [notice, saved] = useSaved();
  const items = plan.rectifications ?? [];
  const active = ONCE_APPROVED.includes(plan.phase.code);
  if (plan.unstarted || (items.length === 0 && !(finance && active))) return null;
  const done = async receipt => {
    setForm(null);
    await saved(path, receipt, reload);
  };
  const item = path + '/rectifications/' + form?.number;
  return e('section', { class: 'card', 'data-test': 'rectifications-section' },
    e('h3', null, t('section.rectifications')),
    items.length === 0 ? e('p', { class: 'muted' }, t('rectification.none'))
      : e('ul', { 'data-test': 'rectifications' }, items.map(r => e('li', { 'data-test': 'rectification-' + r.number },
        e('span', { class: r.status === 'closed' ? 'badge ok' : 'badge' }, t('rectification.status.' + r.status)
          + (r.status === 'open' && today() > r.deadline ? ' · ' + t('rectification.late') : '')), ' ',
        t('rectification.line', { number: r.number, issue: r.issue, owner: r.owner, due: r.deadline }),
        e('div', { class: 'muted' }, r.raised_by + ' · ' + businessTime(r.raised_at)),
        r.return_reason && r.status === 'open' && e('div', null, e('b', null, t('rectification.returned') + '：'), r.return_reason),
        r.measures && e('div', { 'data-test': 'rectification-report' }, e('b', null, t('rectification.report') + '：'),
          r.measures + '（' + t('rectification.evidence') + '：' + r.evidence + '）',
          e('span', { class: 'muted' }, ' · ' + r.reported_by + ' · ' + businessTime(r.reported_at))),
        r.status === 'closed' && e('div', null, e('b', null, t('rectification.closed') + '：'), r.close_note ?? '—',
          e('span', { class: 'muted' }, ' · ' + r.closed_by + ' · ' + businessTime(r.closed_at))),
        active && !form && e('div', { class: 'toolbar' },
          editor && r.status === 'open' && e('button', { type: 'button', 'data-test': 'report-rectification-' + r.number,
            onClick: () => setForm({ kind: 'report', number: r.number }) }, t('action.reportRectification')),
          finance && r.status === 'reported' && e('button', { type: 'button', 'data-test': 'close-rectification-' + r.number,
            onClick: () => setForm({ kind: 'close', number: r.number }) }, t('action.closeRectification')),
          finance && r.status === 'reported' && e('button', { type: 'button', 'data-test': 'return-rectification-' + r.number,
            onClick: () => setForm({ kind: 'return', number: r.number }) }, t('action.returnRectification')))))),
    e(Notice, { notice }),
    finance && active && !form && e('div', { class: 'toolbar' }, e('button', { type: 'button', 'data-test': 'raise-rectification',
      onClick: () => setForm({ kind: 'raise' }) }, t('action.raiseRectification'))),
    form?.kind === 'raise' && e(Form, { test: 'rectification-form', title: t('action.raiseRectification'),
      fields: [
        { name: 'issue', label: t('rectification.issue'), required: true, long: true, rows: 3, max: 2000 },
        { name: 'owner', label: t('rectification.owner'), required: true, max: 100 },
        { name: 'deadline', label: t('rectification.deadline'), required: true, type: 'date' },
      ],
      submit: values => api.send('POST', path + '/rectifications', values), onDone: done, onCancel: () => setForm(null) }),
    form?.kind === 'report' && e(Form, { test: 'rectification-report-form', title: t('action.reportRectification') + ' ' + form.number,
      fields: [
        { name: 'measures', label: t('rectification.measures'), required: true, long: true, rows: 3, max: 2000 },
        { name: 'evidence', label: t('rectification.evidence'), required: true, max: 500 },
      ],
      submit: values => api.send('POST', item + '/report', values), onDone: done, onCancel: () => setForm(null) }),
    form?.kind === 'return' && e(Form, { test: 'rectification-return-form', title: t('action.returnRectification') + ' ' + form.number,
      fields: [{ name: 'reason', label: t('rectification.returnReason'), required: true, long: true, max: 500 }],
      submit: values => api.send('POST', item + '/return', values), onDone: done, onCancel: () => setForm(null) }),
    form?.kind === 'close' && e(Form, { test: 'rectification-close-form', title: t('action.closeRectification') + ' ' + form.number,
      fields: [{ name: 'note', label: t('rectification.closeNote'), long: true, max: 500 }],
      submit: values => api.send('POST', item + '/closure', { note: values.note.trim() || null }), onDone: done,
      onCancel: () => setForm(null) }));
}
