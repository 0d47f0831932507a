// Registering a new project for a year (项目申报): its code, name, kind and implementing units.
import { h } from 'preact';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { departmentPath, termOptions, useVocabulary } from '../../lib/session.js';
import { Form } from '../../components/form.js';

export function RegisterProject({ dep, year, onDone, onCancel }) {
  const words = useVocabulary();
  if (!words) return null;
  let code = null;
  return h('section', { class: 'card' }, h(Form, {
    test: 'register-project-form', title: t('action.newProject'), submitText: t('action.register'),
    fields: [
      { name: 'code', label: t('project.code'), required: true, max: 63, hint: 'ZFCG-2021',
        check: value => (/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(value) ? null : t('rule.code.format')), help: t('project.codeHelp') },
      { name: 'name', label: t('project.name'), required: true, max: 200, wide: true },
      // 类别 and 属性 may be left as 未说明 where the project's documents do not say; a project may be of several types
      { name: 'category', label: t('project.category'), options: termOptions(words, 'projectCategory'), help: t('project.notStatedHelp') },
      { name: 'attribute', label: t('project.attribute'), options: termOptions(words, 'projectAttribute'), help: t('project.notStatedHelp') },
      ...termOptions(words, 'projectType').map(([code, text]) => ({ name: 'type:' + code, type: 'checkbox',
        label: t('project.type') + '：' + text })),
      { name: 'implementingUnits', label: t('project.units'), max: 500, help: t('project.unitsHelp'), apiPrefix: 'implementingUnits' },
      { name: 'financeDesk', label: t('project.financeDesk'), max: 100 },
    ],
    submit: values => (code = values.code.trim(), api.send('POST', departmentPath(dep) + '/years/' + year + '/projects', {
      code: values.code.trim(), name: values.name, category: values.category || null, attribute: values.attribute || null,
      types: termOptions(words, 'projectType').map(([code]) => code).filter(code => values['type:' + code] === true),
      financeDesk: values.financeDesk || null,
      implementingUnits: values.implementingUnits.split(/[、，,\n]/).map(unit => unit.trim()).filter(Boolean),
    })),
    onDone: async receipt => {
      await api.caughtUp(departmentPath(dep) + '/years/' + year + '/projects/' + encodeURIComponent(code), receipt.version);
      onDone(code);
    },
    onCancel,
  }));
}
