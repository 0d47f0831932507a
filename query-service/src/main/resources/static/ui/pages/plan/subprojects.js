// 子项目: a project's sub-projects as its documents name them, each with what the 项目支出明细 line of the same name
// budgeted and spent; "not printed" where the plan has no breakdown, and said so where no line bears the name.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { Notice, useSaved } from '../../components/controls.js';
import { Form } from '../../components/form.js';
import { STATING } from './phases.js';
import { money } from '../../lib/format.js';

const e = h;

export function SubProjectsSection({ plan, path, editor, reload }) {
  const [open, setOpen] = useState(false);
  const [notice, saved] = useSaved();
  const subProjects = plan.subProjects;
  const stating = editor && plan.kind === 'PROJECT' && !plan.unstarted && STATING.includes(plan.phase.code);
  if (!subProjects && !stating) return null;
  const done = async receipt => {
    setOpen(false);
    await saved(path, receipt, reload);
  };
  return e('section', { class: 'card', 'data-test': 'sub-projects-section' },
    e('h3', null, t('section.subProjects')),
    subProjects ? e('table', { tabindex: 0, 'data-test': 'sub-projects' },
      e('thead', null, e('tr', null, e('th', { scope: 'col' }, t('subProject.name')),
        e('th', { scope: 'col', class: 'num' }, t('subProject.amount')),
        e('th', { scope: 'col', class: 'num' }, t('subProject.executed')))),
      e('tbody', null, subProjects.map((sub, i) => e('tr', { 'data-test': 'sub-project-' + (i + 1) },
        e('td', null, sub.name),
        sub.amount == null
          ? e('td', { class: 'num muted', colspan: 2, 'data-test': 'sub-project-no-amount' },
            t(sub.amountNote === 'not printed' ? 'subProject.notPrinted' : 'subProject.noLine'))
          : [e('td', { class: 'num' }, money(sub.amount)), e('td', { class: 'num' }, money(sub.executed))]))))
      : e('p', { class: 'muted' }, t('subProject.none')),
    stating && !open && e('div', { class: 'toolbar' }, e('button', { type: 'button', 'data-test': 'state-sub-projects',
      onClick: () => setOpen(true) }, t('action.stateSubProjects'))),
    e(Notice, { notice }),
    open && e(Form, { test: 'sub-projects-form', title: t('action.stateSubProjects'),
      fields: [{ name: 'names', label: t('subProject.namesInput'), help: t('subProject.namesHelp'), long: true,
        required: true, max: 10000, initial: (subProjects ?? []).map(sub => sub.name).join('\n'), apiPrefix: 'names' }],
      submit: values => api.send('PUT', path + '/sub-projects', { names: values.names.split('\n')
        .map(name => name.trim()).filter(name => name !== '') }),
      onDone: done, onCancel: () => setOpen(false) }));
}
