// 人员情况: a department's headcounts for the year as its 基本情况 states them (在职人员 and its establishments, 离休,
// 编外 …), on its department-wide plan; where 在职人员 and its establishments are both stated, their sum is checked.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { termLabel, useVocabulary } from '../../lib/session.js';
import { Notice, useSaved } from '../../components/controls.js';
import { Form } from '../../components/form.js';
import { STATING } from './phases.js';

const e = h;

export function StaffingSection({ plan, path, editor, reload }) {
  const words = useVocabulary();
  const [open, setOpen] = useState(false);
  const [notice, saved] = useSaved();
  const staffing = plan.staffing;
  const stating = editor && plan.kind === 'DEPARTMENT' && !plan.unstarted && STATING.includes(plan.phase.code);
  if (!words || (!staffing && !stating)) return null;
  const done = async receipt => {
    setOpen(false);
    await saved(path, receipt, reload);
  };
  const counts = Object.fromEntries((staffing?.headcounts ?? []).map(count => [count.category.code, count.count]));
  return e('section', { class: 'card', 'data-test': 'staffing-section' },
    e('h3', null, t('section.staffing')),
    staffing ? e('table', { tabindex: 0, 'data-test': 'staffing' },
      e('thead', null, e('tr', null, e('th', { scope: 'col' }, t('staffing.category')),
        e('th', { scope: 'col', class: 'num' }, t('staffing.count')))),
      e('tbody', null, staffing.headcounts.map(count => e('tr', { 'data-test': 'headcount-' + count.category.code },
        e('td', null, termLabel('staffCategory', count.category)), e('td', { class: 'num' }, count.count)))))
      : e('p', { class: 'muted' }, t('staffing.none')),
    staffing?.agrees != null && e('p', { class: staffing.agrees ? 'muted' : 'notice warn', 'data-test': 'staffing-check' },
      t(staffing.agrees ? 'staffing.agrees' : 'staffing.differs', { inService: counts.IN_SERVICE, sum: staffing.establishments })),
    stating && !open && e('div', { class: 'toolbar' }, e('button', { type: 'button', 'data-test': 'state-staffing',
      onClick: () => setOpen(true) }, t('action.stateStaffing'))),
    e(Notice, { notice }),
    open && e(Form, { test: 'staffing-form', title: t('action.stateStaffing'),
      fields: words.staffCategory.map(category => ({ name: category.code, label: termLabel('staffCategory', category),
        type: 'number', min: 0, maxValue: 1000000, step: 1, initial: counts[category.code] == null ? '' : String(counts[category.code]),
        apiNames: ['headcounts.' + category.code, 'headcounts.' + category.label] })),
      submit: values => api.send('PUT', path + '/staffing', { headcounts: Object.fromEntries(Object.entries(values)
        .filter(([, value]) => String(value).trim() !== '').map(([code, value]) => [code, Number(value)])) }),
      onDone: done, onCancel: () => setOpen(false) }));
}
