// 绩效运行监控预警: district finance's warnings on a plan during the year (提示 / 警示), each with the day the department
// answers by; the department answers each once. Finance issues them here; the editor answers them here.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { Notice, useSaved } from '../../components/controls.js';
import { Form } from '../../components/form.js';
import { businessTime } from '../../lib/format.js';

const e = h;
const ANSWERABLE = ['IN_EXECUTION', 'CLOSED'];

export function WarningsSection({ plan, path, editor, finance, reload }) {
  const [form, setForm] = useState(null);
  const [notice, saved] = useSaved();
  const warnings = plan.warnings ?? [];
  const phase = plan.phase.code;
  const canIssue = finance && phase === 'IN_EXECUTION';
  if (plan.unstarted || (warnings.length === 0 && !canIssue)) return null;
  const done = async receipt => {
    setForm(null);
    await saved(path, receipt, reload);
  };
  return e('section', { class: 'card', 'data-test': 'warnings-section' },
    e('h3', null, t('section.warnings')),
    warnings.length === 0 ? e('p', { class: 'muted' }, t('warning.none'))
      : e('ul', { 'data-test': 'warnings' }, warnings.map(warning => e('li', { 'data-test': 'warning-' + warning.number },
        e('span', { class: warning.level.code === 'CAUTION' ? 'badge' : 'badge ok' }, warning.level.label), ' ',
        t('warning.line', { number: warning.number, text: warning.text, due: warning.respondBy }),
        e('div', { class: 'muted' }, warning.issuedBy + ' · ' + businessTime(warning.issuedAt)),
        warning.response
          ? e('div', { 'data-test': 'warning-answer' }, e('b', null, t('warning.answer') + '：'), warning.response,
            e('span', { class: 'muted' }, ' · ' + warning.answeredBy + ' · ' + businessTime(warning.answeredAt)))
          : editor && ANSWERABLE.includes(phase) && form?.number !== warning.number && e('button', { type: 'button',
            'data-test': 'answer-warning-' + warning.number, onClick: () => setForm({ kind: 'answer', number: warning.number }) },
          t('action.answerWarning'))))),
    e(Notice, { notice }),
    canIssue && !form && e('div', { class: 'toolbar' }, e('button', { type: 'button', 'data-test': 'issue-warning',
      onClick: () => setForm({ kind: 'issue' }) }, t('action.issueWarning'))),
    form?.kind === 'issue' && e(Form, { test: 'warning-form', title: t('action.issueWarning'),
      fields: [
        { name: 'level', label: t('warning.level'), required: true, options: [['NOTICE', t('warning.level.NOTICE')],
          ['CAUTION', t('warning.level.CAUTION')]] },
        { name: 'text', label: t('warning.text'), required: true, long: true, rows: 3, max: 2000 },
        { name: 'respondBy', label: t('warning.respondBy'), required: true, type: 'date' },
      ],
      submit: values => api.send('POST', path + '/warnings', { level: values.level, text: values.text,
        respondBy: values.respondBy }),
      onDone: done, onCancel: () => setForm(null) }),
    form?.kind === 'answer' && e(Form, { test: 'answer-form', title: t('action.answerWarning') + ' ' + form.number,
      fields: [{ name: 'response', label: t('warning.answer'), required: true, long: true, rows: 3, max: 2000 }],
      submit: values => api.send('POST', path + '/warnings/' + form.number + '/answer', { response: values.response }),
      onDone: done, onCancel: () => setForm(null) }));
}
