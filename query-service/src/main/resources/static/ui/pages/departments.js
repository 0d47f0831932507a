// The district's departments, and district finance registering a new one.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { href } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { base } from '../lib/session.js';
import { Notice, useSaved } from '../components/controls.js';
import { Form } from '../components/form.js';

const e = h;

export function DepartmentsPage() {
  const [state, reload] = useLoad(() => api.read(base() + '/departments'), 'departments');
  const [adding, setAdding] = useState(false);
  const [notice, saved] = useSaved();
  const year = new Date().getFullYear();
  return e('div', null,
    e('h2', null, t('departments.title')),
    e(Loading, { state }, departments => e('table', { tabindex: 0, 'data-test': 'departments' },
      e('thead', null, e('tr', null, e('th', { scope: 'col' }, t('departments.code')), e('th', { scope: 'col' }, t('departments.name')))),
      e('tbody', null, departments.map(d => e('tr', null, e('td', null, d.department),
        e('td', null, e('a', { href: href('dept', d.department, year) }, d.name))))))),
    e(Notice, { notice }),
    api.can('DISTRICT_FINANCE') && !adding && e('p', null, e('button', { type: 'button', class: 'primary', 'data-test': 'add-department',
      onClick: () => setAdding(true) }, t('departments.add'))),
    adding && e(Form, { test: 'department-form', title: t('departments.add'), onCancel: () => setAdding(false),
      onDone: async answer => {
        setAdding(false);
        await saved(null, null, async () => {
          await api.until(() => api.read(base() + '/departments'), list => list.some(d => d.department === answer.departmentId));
          reload();
        });
      },
      fields: [
        { name: 'departmentId', label: t('departments.code'), required: true, max: 63, hint: 'sjj', help: t('departments.codeHelp') },
        { name: 'name', label: t('departments.name'), required: true, max: 200 },
      ],
      submit: values => api.send('POST', base() + '/departments', { departmentId: values.departmentId.trim(), name: values.name.trim() }) }));
}
