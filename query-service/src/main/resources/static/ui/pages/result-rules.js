// District finance's rules of using a year's results (评价结果应用规则): what each final grade does to next year's
// budget for the plan, as a rule per grade (优先保障, 据实安排, 压减 10%, 取消, 暂停).
import { h } from 'preact';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { Loading, useLoad } from '../lib/load.js';
import { base } from '../lib/session.js';
import { Notice, useSaved } from '../components/controls.js';
import { Form } from '../components/form.js';

const e = h;
const GRADES = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'];
/** A rule as the service reads it: an action, 压减 with its share. */
export const RULE = /^\s*(优先保障|据实安排|取消|暂停|PRIORITISE|AS_NEEDED|CANCEL|SUSPEND|(压减|REDUCE)\s*\d{1,3}(\.\d{1,2})?\s*%?)\s*$/i;
/** Where a district starts: the and common practice's rules. */
const TEMPLATE = { EXCELLENT: '优先保障', GOOD: '据实安排', FAIR: '压减 10%', POOR: '取消' };

/** A rule in the words the service reads it in (压减 10%), whatever the page's language. */
const ACTIONS = { PRIORITISE: '优先保障', AS_NEEDED: '据实安排', REDUCE: '压减', CANCEL: '取消', SUSPEND: '暂停' };
const written = rule => (rule ? ACTIONS[rule.action] + (rule.share ? ' ' + rule.share + '%' : '') : '');
/** A rule ({action, share}) in the reader's language: 压减 10%. */
export const shown = rule => (rule ? t('resultAction.' + rule.action) + (rule.share ? ' ' + rule.share + '%' : '') : '');

export function ResultRulesCard({ year }) {
  const path = base() + '/years/' + year + '/result-use-rules';
  const [state, reload] = useLoad(() => api.read(path).catch(error => (error.status === 404 ? null : Promise.reject(error))),
    path);
  const [notice, saved] = useSaved();
  return e(Loading, { state }, current => e('section', { class: 'card', 'data-test': 'result-rules' },
    e('h3', null, t('resultRules.title') + ' · ' + (current ? t('resultRules.inForce', { version: current.version })
      : t('resultRules.none'))),
    current && e('ul', { 'data-test': 'result-rules-list' }, GRADES.map(grade => e('li', null,
      t('grade.' + grade) + ' → ' + shown(current.rules[grade])))),
    current?.source && e('p', null, e('b', null, t('resultRules.source') + '：'), current.source),
    api.can('DISTRICT_FINANCE') && e(Form, { key: path + (current?.version ?? 0), test: 'result-rules-form',
      title: t('resultRules.set'), submitText: t('resultRules.set'),
      fields: [
        ...GRADES.map(grade => ({ name: grade, label: t('grade.' + grade), required: true, max: 40,
          initial: current ? written(current.rules[grade]) : TEMPLATE[grade], apiNames: ['rules.' + grade],
          help: grade === 'FAIR' ? t('resultRules.help') : undefined,
          check: value => (RULE.test(value) ? null : t('rule.results.rule')) })),
        { name: 'source', label: t('resultRules.source'), initial: current?.source ?? '', long: true, max: 500 },
      ],
      submit: values => api.send('PUT', path, { rules: Object.fromEntries(GRADES.map(grade => [grade, values[grade].trim()])),
        source: values.source.trim() || null }),
      onDone: answer => saved(null, null, async () => {
        await api.until(() => api.read(path).catch(() => null), now => (now?.version ?? 0) >= answer.version);
        reload();
      }) }),
    e(Notice, { notice })));
}
