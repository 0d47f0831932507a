// District finance's scoring schemes (评分办法) for a year: the version in force, a new version edited in the terms the
// rules are written in, a preview of how every plan of the year would score under it, and then setting it.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { go } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { base } from '../lib/session.js';
import { businessTime, gradeLabel, score } from '../lib/format.js';
import { Notice, YearPicker, useSaved } from '../components/controls.js';
import { Form, problemText, POINTS } from '../components/form.js';
import { CRITERIA } from './plan/assessment.js';
import { ThresholdsCard } from './thresholds.js';
import { ResultRulesCard } from './result-rules.js';

const e = h;
const KINDS = ['project', 'department-wide', 'external'];
const GRADES = ['EXCELLENT', 'GOOD', 'FAIR'];
const DECIMALS = /^[0-4]$/;

/** Where a district starts when it has no scheme yet: the common template (20 points for 执行率, 90/80/60). */
const TEMPLATE = {
  execution: { weight: 20, base: 'ADJUSTED', capped: true, bands: [] }, partialCredit: 50, shortfallBands: [],
  overrides: {}, grades: [{ grade: 'EXCELLENT', atLeast: 90 }, { grade: 'GOOD', atLeast: 80 }, { grade: 'FAIR', atLeast: 60 },
    { grade: 'POOR', atLeast: 0 }], precision: { rateDecimals: 2, scoreDecimals: 2 },
};

export function SchemesPage({ year, query }) {
  const kind = KINDS.includes(query.get('kind')) ? query.get('kind') : 'project';
  const path = base() + '/years/' + year + '/scoring-schemes/' + kind;
  const [state, reload] = useLoad(() => api.read(path).catch(error => (error.status === 404 ? null : Promise.reject(error))),
    path);
  const [preview, setPreview] = useState(null);
  const [notice, saved] = useSaved();
  return e('div', null,
    e('h2', null, t('schemes.title', { year })),
    e('div', { class: 'toolbar' },
      e(YearPicker, { year, onPick: y => go('/schemes/' + y, new URLSearchParams({ kind })) }),
      e('label', null, t('schemes.kind') + ' ', e('select', { value: kind, 'data-test': 'scheme-kind',
        onChange: ev => { setPreview(null); go('/schemes/' + year, new URLSearchParams({ kind: ev.target.value })); } },
      KINDS.map(k => e('option', { value: k }, t('schemes.kind.' + k)))))),
    e(Loading, { state }, current => {
      const scheme = current?.scheme ?? TEMPLATE;
      const grade = code => scheme.grades.find(g => g.grade === code)?.atLeast ?? '';
      return e('div', null,
        e('section', { class: 'card', 'data-test': 'scheme-current' },
          e('h3', null, current ? t('schemes.inForce', { version: current.version }) : t('schemes.none')),
          current && e('ul', null, current.versions.map(v => e('li', null,
            t('schemes.version', { version: v.version }) + ' · ' + v.setBy + ' · ' + businessTime(v.setAt)))),
          current && scheme.source && e('p', { 'data-test': 'scheme-source' }, e('b', null, t('schemes.source') + '：'),
            scheme.source, scheme.unpublished && e('span', { class: 'badge', 'data-test': 'scheme-unpublished' },
              ' ' + t('schemes.unpublished'))),
          current && Object.keys(scheme.plans ?? {}).length > 0 && e('div', { 'data-test': 'scheme-plans' },
            e('p', null, e('b', null, t('schemes.plans'))),
            e('ul', null, Object.entries(scheme.plans).map(([key, layout]) => e('li', null, key + ' · '
              + t('schemes.planLayout', { weight: layout.executionWeight ?? scheme.execution?.weight ?? '—',
                base: t('schemes.base.' + (layout.base ?? scheme.execution?.base ?? 'ADJUSTED')) }) + ' · ' + layout.source))))),
        e(Form, { key: path + (current?.version ?? 0), test: 'scheme-form', title: t('schemes.new'),
          submitText: t('schemes.preview'),
          fields: [
            { name: 'weight', label: t('schemes.executionWeight'), required: true, initial: String(scheme.execution.weight),
              check: value => (POINTS.test(value.trim()) ? null : t('rule.points.format')) },
            { name: 'base', label: t('schemes.base'), required: true, initial: scheme.execution.base,
              options: [['ADJUSTED', t('schemes.base.ADJUSTED')], ['INITIAL', t('schemes.base.INITIAL')]] },
            { name: 'capped', label: t('schemes.capped'), type: 'checkbox', initial: scheme.execution.capped === true },
            { name: 'partialCredit', label: t('schemes.partialCredit'), required: true, initial: String(scheme.partialCredit),
              check: value => (POINTS.test(value.trim()) ? null : t('rule.percentage.format')) },
            ...GRADES.map(code => ({ name: 'grade:' + code, label: t('schemes.gradeFrom', { grade: gradeLabel(t('grade.' + code)) }),
              required: true, initial: String(grade(code)), check: value => (POINTS.test(value.trim()) ? null : t('rule.points.format')) })),
            { name: 'source', label: t('schemes.source'), initial: scheme.source ?? '', long: true, max: 500,
              help: t('schemes.sourceHelp') },
            { name: 'rateDecimals', label: t('schemes.rateDecimals'), required: true, initial: String(scheme.precision.rateDecimals),
              check: value => (DECIMALS.test(value.trim()) ? null : t('schemes.decimalsRule')) },
            { name: 'scoreDecimals', label: t('schemes.scoreDecimals'), required: true, initial: String(scheme.precision.scoreDecimals),
              check: value => (DECIMALS.test(value.trim()) ? null : t('schemes.decimalsRule')) },
          ],
          submit: async values => {
            const candidate = {
              ...scheme,
              execution: { ...scheme.execution, weight: Number(values.weight), base: values.base, capped: values.capped === true },
              partialCredit: Number(values.partialCredit),
              grades: [...GRADES.map(code => ({ grade: code, atLeast: Number(values['grade:' + code]) })),
                { grade: 'POOR', atLeast: 0 }],
              precision: { ...scheme.precision, rateDecimals: Number(values.rateDecimals), scoreDecimals: Number(values.scoreDecimals) },
              source: values.source.trim() || null,
            };
            const rows = await api.post(path + '/preview', candidate);
            return { candidate, rows };
          },
          onDone: answer => setPreview(answer) }),
        preview && e(PreviewTable, { preview, onSet: async () => {
          try {
            const answer = await api.send('PUT', path, preview.candidate);
            setPreview(null);
            await saved(null, null, async () => {
              await api.until(() => api.read(path), now => now.version >= answer.version);
              reload();
            });
          } catch (problem) {
            setPreview({ ...preview, problem: problemText(problem) });
          }
        } }),
        e(Notice, { notice }));
    }),
    e(AssessmentSchemeCard, { year }),
    e(ThresholdsCard, { year }),
    e(ResultRulesCard, { year }));
}

/** The year's scheme of ex-ante assessments (事前绩效评估): the points of each of the five criteria, 100 in all. */
function AssessmentSchemeCard({ year }) {
  const path = base() + '/years/' + year + '/assessment-scheme';
  const [state, reload] = useLoad(() => api.read(path).catch(error => (error.status === 404 ? null : Promise.reject(error))),
    path);
  const [notice, saved] = useSaved();
  return e(Loading, { state }, current => e('section', { class: 'card', 'data-test': 'assessment-scheme' },
    e('h3', null, t('assessmentScheme.title') + ' · ' + (current ? t('assessmentScheme.inForce', { version: current.version })
      : t('assessmentScheme.none'))),
    current && e('ul', { 'data-test': 'assessment-scheme-weights' }, CRITERIA.map(code => e('li', null,
      t('criterion.' + code) + ' ' + current.weights[code]))),
    current?.source && e('p', null, e('b', null, t('assessmentScheme.source') + '：'), current.source),
    api.can('DISTRICT_FINANCE') && e(Form, { key: path + (current?.version ?? 0), test: 'assessment-scheme-form',
      title: t('assessmentScheme.set'), submitText: t('assessmentScheme.set'),
      fields: [
        ...CRITERIA.map(code => ({ name: code, label: t('criterion.' + code), required: true,
          initial: String(current?.weights?.[code] ?? 20), help: code === 'NECESSITY' ? t('assessmentScheme.help') : undefined,
          check: value => (POINTS.test(value.trim()) ? null : t('rule.points.format')), apiNames: ['weights.' + code] })),
        { name: 'source', label: t('assessmentScheme.source'), initial: current?.source ?? '', long: true, max: 500 },
      ],
      submit: values => api.send('PUT', path, { weights: Object.fromEntries(CRITERIA.map(code => [code, values[code].trim()])),
        source: values.source.trim() || null }),
      onDone: answer => saved(null, null, async () => {
        await api.until(() => api.read(path).catch(() => null), now => (now?.version ?? 0) >= answer.version);
        reload();
      }) }),
    e(Notice, { notice })));
}

function PreviewTable({ preview, onSet }) {
  return e('section', { class: 'card', 'data-test': 'scheme-preview' },
    e('h3', null, t('schemes.previewTitle')),
    preview.rows.length === 0 ? e('p', { class: 'muted' }, t('schemes.noPlans')) : e('table', { tabindex: 0 },
      e('thead', null, e('tr', null, ['col.department', 'col.name', 'schemes.now', 'col.grade', 'schemes.then', 'col.grade',
        'schemes.change'].map((key, i) => e('th', { scope: 'col', class: [2, 4, 6].includes(i) ? 'num' : '' }, t(key))))),
      e('tbody', null, preview.rows.map(row => e('tr', { 'data-test': 'preview-row' },
        e('td', null, row.departmentName ?? row.department), e('td', null, row.name ?? t('dept.departmentWide')),
        e('td', { class: 'num' }, score(row.currentScore)), e('td', null, gradeLabel(row.currentGrade)),
        e('td', { class: 'num' }, score(row.previewScore)), e('td', null, gradeLabel(row.previewGrade)),
        e('td', { class: 'num' }, row.change == null ? '—' : (Number(row.change) > 0 ? '+' : '') + score(row.change)))))),
    preview.problem && e('p', { class: 'problems', role: 'alert' }, preview.problem),
    e('p', null, e('button', { type: 'button', class: 'primary', 'data-test': 'set-scheme', onClick: onSet }, t('schemes.set'))));
}
