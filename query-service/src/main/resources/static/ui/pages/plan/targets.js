// A plan's goals and indicators (绩效目标 and 一级/二级/三级指标 with 分值 and 年初目标值): drafted by the department,
// with a live reading of each target as typed and indicators picked by stable code from earlier years; during the
// year, completions (实际完成值) and requests to adjust a target.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t, label } from '../../i18n.js';
import * as api from '../../api.js';
import { useLoad } from '../../lib/load.js';
import { base, departmentPath, termLabel, termOptions, useVocabulary } from '../../lib/session.js';
import { pct, score, text } from '../../lib/format.js';
import { Notice, useSaved } from '../../components/controls.js';
import { Form, POINTS } from '../../components/form.js';
import { completionForm, orNull } from '../../components/plan-forms.js';
import { ReadingPreview } from '../../components/reading.js';
import { REPORTING, STATING } from './phases.js';

const e = h;
// while the self-evaluation is drawn up, an indicator the approved targets did not hold may be added (自评时补充)
const LATE = ['CLOSED', 'SELF_EVALUATION_RETURNED'];
// one goal a row, "经费：目标" where the documents tie it to a fund
const FUNDED = /^([^：:]{1,100})[：:](.+)$/;

export function TargetsSection({ plan, path, dep, year, editor, reload, card }) {
  const words = useVocabulary();
  const [form, setForm] = useState(null);
  const [notice, saved] = useSaved();
  const phase = plan.phase.code;
  const drafting = editor && phase === 'DRAFTING';
  const done = async receipt => {
    setForm(null);
    await saved(path, receipt, reload);
  };
  if (!words) return null;
  const scored = code => card?.indicators?.find(line => line.code === code);
  const indicators = plan.goals.flatMap(goal => goal.indicators);
  // an unset 分值 is not 0: it is left out of the sum and counted apart
  const weights = indicators.reduce((sum, indicator) => sum + Math.round(Number(indicator.weight ?? 0) * 100), 0) / 100;
  const unweighted = indicators.filter(indicator => indicator.weight == null).length;
  const forms = {
    goal: () => ({ test: 'goal-form', title: t('action.addGoal'),
      fields: [{ name: 'text', label: t('goal.text'), long: true, required: true, max: 2000 },
        { name: 'weight', label: t('goal.weightInput'), hint: '80', help: t('goal.weightHelp'),
          check: value => (!value.trim() || POINTS.test(value.trim()) ? null : t('rule.points.format')) },
        { name: 'fundedBy', label: t('goal.fundedByInput'), help: t('goal.fundedByHelp'), max: 100 }],
      submit: values => api.send('POST', path + '/goals', { text: values.text, weight: orNull(values.weight.trim()),
        fundedBy: orNull(values.fundedBy.trim()) }) }),
    indicator: () => indicatorForm(path, plan, words, form.indicator, form.known),
    late: () => lateIndicatorForm(path, plan, words),
    overall: () => overallGoalsForm(path, plan.overallGoals ?? []),
    completion: () => completionForm(path, year, { code: form.indicator.code, name: form.indicator.name, target: form.indicator.target.text }),
    adjustment: () => adjustmentRequestForm(path, form.indicator),
  };
  return e('section', { class: 'card', 'data-test': 'targets-section' },
    e('h3', null, t('section.targets')),
    plan.overallGoals && e('div', { 'data-test': 'overall-goals' }, e('h4', null, t('overall.title')),
      e('ol', null, plan.overallGoals.map(goal => e('li', null, goal.fundedBy && e('b', null, goal.fundedBy + '：'), goal.text)))),
    plan.goals.length === 0 && e('p', { class: 'muted', 'data-test': 'no-goals' }, t('goal.none')),
    plan.goals.map(goal => e('div', { class: 'goal', 'data-test': 'goal-' + goal.number },
      e('p', null, e('b', null, t('goal.number', { number: goal.number }) + ' '),
        goal.weight != null && e('span', { class: 'muted', 'data-test': 'goal-weight' }, t('goal.weight', { weight: Number(goal.weight) }) + ' '),
        goal.fundedBy != null && e('span', { class: 'muted', 'data-test': 'goal-funded-by' }, t('goal.fundedBy', { fund: goal.fundedBy }) + ' '),
        goal.text,
        goal.weightsAgree === false && e('span', { class: 'badge', 'data-test': 'goal-weights-differ' },
          ' ' + t('goal.weightsDiffer', { sum: Number(goal.indicatorWeights) }))),
      goal.indicators.length === 0 ? e('p', { class: 'muted' }, t('goal.noIndicators')) : e('table', { tabindex: 0, 'data-test': 'plan-indicators' },
        e('thead', null, e('tr', null, ['ind.code', 'ind.level1', 'ind.level2', 'ind.name', 'ind.weight', 'ind.target',
          'ind.actual', 'ind.deviation', 'ind.score'].map(key => e('th', { scope: 'col' }, t(key))),
        editor && (drafting || REPORTING.includes(phase)) && e('th', { scope: 'col' }, t('col.actions')))),
        e('tbody', null, goal.indicators.map(indicator => e('tr', { 'data-test': 'indicator-' + indicator.code },
          e('td', null, indicator.code), e('td', null, termLabel('level1', indicator.level1)),
          e('td', null, termLabel('level2', indicator.level2)), e('td', null, indicator.name,
            indicator.addedAtSelfEvaluation && e('span', { class: 'badge', 'data-test': 'added-at-self-evaluation',
              title: indicator.addedAtSelfEvaluation }, ' ' + t('ind.addedLate'))),
          e('td', { class: 'num' }, weightText(indicator.weight)), e('td', null, indicator.target.text,
            indicator.direction && e('span', { class: 'muted', 'data-test': 'direction' }, ' (' + indicator.direction.label + ')')),
          e('td', { 'data-test': 'actual' }, indicator.latest ? indicator.latest.actual.text : '—',
            indicator.latest && e('span', { class: 'muted' }, ' (' + (indicator.latest.asOf
              ? t('ind.asOf') + ' ' + indicator.latest.asOf : t('ind.undated')) + ')')),
          e('td', { class: 'num' }, pct(scored(indicator.code)?.deviationRate ?? indicator.deviationRate)),
          e('td', { class: 'num' }, score(scored(indicator.code)?.score)),
          editor && (drafting || REPORTING.includes(phase)) && e('td', null,
            drafting && e('button', { type: 'button', 'data-test': 'edit-indicator',
              onClick: () => setForm({ kind: 'indicator', indicator }) }, t('action.edit')),
            REPORTING.includes(phase) && e('button', { type: 'button', 'data-test': 'record-completion',
              onClick: () => setForm({ kind: 'completion', indicator }) }, t('action.completion')),
            phase === 'IN_EXECUTION' && !plan.targetAdjustments.some(a => a.code === indicator.code && a.status === 'requested')
              && e('button', { type: 'button', 'data-test': 'request-adjustment',
              onClick: () => setForm({ kind: 'adjustment', indicator }) }, t('action.requestAdjustment'))))))))),
    indicators.length > 0 && e('p', { class: 'muted', 'data-test': 'weights' }, t('ind.weightsTotal', { total: weights }),
      unweighted > 0 && ' ' + t('ind.unweighted', { count: unweighted })),
    drafting && e('div', { class: 'toolbar' },
      e('button', { type: 'button', 'data-test': 'add-goal', onClick: () => setForm({ kind: 'goal' }) }, t('action.addGoal')),
      plan.goals.length > 0 && e('button', { type: 'button', 'data-test': 'add-indicator', onClick: () => setForm({ kind: 'indicator' }) },
        t('action.addIndicator'))),
    editor && STATING.includes(phase) && e('div', { class: 'toolbar' },
      e('button', { type: 'button', 'data-test': 'state-overall-goals', onClick: () => setForm({ kind: 'overall' }) },
        t('action.stateOverallGoals'))),
    editor && LATE.includes(phase) && plan.goals.length > 0 && e('div', { class: 'toolbar' },
      e('button', { type: 'button', 'data-test': 'add-late-indicator', onClick: () => setForm({ kind: 'late' }) },
        t('action.addLateIndicator'))),
    e(Notice, { notice }),
    form?.kind === 'indicator' && !form.indicator && e(KnownPicker, { dep, year, pick: known => setForm({ kind: 'indicator', known, key: Date.now() }) }),
    form?.kind === 'indicator' && !form.indicator && e(LibraryPicker, { pick: known => setForm({ kind: 'indicator', known, key: Date.now() }) }),
    form && e(Form, { key: form.key ?? form.kind, ...forms[form.kind](), onDone: done, onCancel: () => setForm(null) }));
}

/** 年度总体目标: one a row, "经费：目标" where the documents name the fund it is for. */
function overallGoalsForm(path, goals) {
  return {
    test: 'overall-goals-form', title: t('action.stateOverallGoals'),
    fields: [{ name: 'goals', label: t('overall.input'), help: t('overall.help'), long: true, rows: 8, required: true,
      max: 200000, apiPrefix: 'goals', initial: goals.map(goal => (goal.fundedBy ? goal.fundedBy + '：' : '') + goal.text).join('\n') }],
    submit: values => api.send('PUT', path + '/overall-goals', { goals: values.goals.split('\n').map(row => row.trim())
      .filter(Boolean).map(row => { const funded = FUNDED.exec(row);
        return funded ? { fundedBy: funded[1].trim(), text: funded[2].trim() } : { fundedBy: null, text: row }; }) }),
  };
}

/** The department's indicators of earlier years, by stable code: picking one fills in the form. */
function KnownPicker({ dep, year, pick }) {
  const [known] = useLoad(() => api.read(departmentPath(dep) + '/indicators'), dep);
  const earlier = (known.data ?? []).filter(indicator => indicator.lastYear < Number(year));
  if (!earlier.length) return null;
  return e('label', { class: 'picker' }, t('ind.pickKnown') + ' ',
    e('select', { 'data-test': 'pick-known', onChange: ev => pick(earlier.find(indicator => indicator.code === ev.target.value) ?? null) },
      e('option', { value: '' }, t('ind.pickNew')),
      earlier.map(indicator => e('option', { value: indicator.code },
        indicator.code + ' ' + indicator.name + '（' + indicator.lastYear + '：' + indicator.target + '）'))));
}

/**
 * District finance's indicator library (指标库), indicators not retired: picking one fills in its code, classes, name
 * and direction, and the plan's indicator records that it was picked from it.
 */
function LibraryPicker({ pick }) {
  const [library] = useLoad(() => api.read(base() + '/indicator-library'), 'library');
  const open = (library.data ?? []).filter(entry => !entry.retiredAt);
  if (!open.length) return null;
  return e('label', { class: 'picker' }, t('library.pick') + ' ',
    e('select', { 'data-test': 'pick-library', onChange: ev => {
      const entry = open.find(item => item.code === ev.target.value);
      pick(entry ? { code: entry.code, level1: entry.level1, level2: entry.level2, name: entry.name,
        direction: entry.direction, library: entry.code } : null);
    } },
    e('option', { value: '' }, t('library.pickNone')),
    open.map(entry => e('option', { value: entry.code }, entry.code + ' ' + entry.name + '（' + label('libraryKind', entry.kind)
      + (entry.sector ? '·' + entry.sector : '') + (entry.unit ? '，' + entry.unit : '') + '）'))));
}

/** An indicator form's values as the service takes them. */
const indicatorBody = values => ({ goal: Number(values.goal), level1: values.level1, level2: values.level2,
  name: values.name, weight: orNull(values.weight.trim()), target: values.target.trim(),
  direction: orNull(values.direction) });

/** An indicator: new (code optional: the service numbers it), picked from an earlier year (its code kept) or edited. */
function indicatorForm(path, plan, words, indicator, known) {
  const from = indicator ? { code: indicator.code, goal: indicator.goal, level1: indicator.level1?.code, level2: indicator.level2?.code,
    name: indicator.name, weight: indicator.weight == null ? '' : String(indicator.weight), target: indicator.target.text,
    direction: indicator.direction?.code ?? '', library: indicator.library?.code ?? null }
    : known ?? {};
  const goalOf = indicator ? plan.goals.find(goal => goal.indicators.some(i => i.code === indicator.code))?.number : null;
  return {
    test: 'indicator-form', title: (indicator ? t('action.editIndicator', { code: indicator.code }) : t('action.addIndicator'))
      + (from.library ? ' · ' + t('library.picked', { code: from.library }) : ''),
    fields: [
      { name: 'goal', label: t('ind.goal'), required: true, initial: String(goalOf ?? plan.goals[plan.goals.length - 1]?.number ?? ''),
        options: plan.goals.map(goal => [String(goal.number), t('goal.number', { number: goal.number }) + ' ' + goal.text.slice(0, 30)]) },
      ...(indicator ? [] : [{ name: 'code', label: t('ind.code'), initial: from.code ?? '', max: 63, help: t('ind.codeHelp') }]),
      { name: 'level1', label: t('ind.level1'), required: true, initial: from.level1 ?? '', options: termOptions(words, 'level1') },
      { name: 'level2', label: t('ind.level2'), required: true, initial: from.level2 ?? '',
        options: values => termOptions(words, 'level2', term => !values.level1 || term.under.includes(values.level1)) },
      { name: 'name', label: t('ind.name'), required: true, initial: from.name ?? '', max: 200, wide: true },
      { name: 'weight', label: t('ind.weight'), initial: from.weight ?? '', hint: '10', help: t('ind.weightHelp'),
        check: value => (!value.trim() || POINTS.test(value.trim()) ? null : t('rule.points.format')) },
      { name: 'target', label: t('ind.target'), required: true, initial: from.target ?? '', max: 200, hint: '≥400家',
        preview: ReadingPreview },
      // where the table says which way is better and the target's sign does not (a 排名's ≥4 is 第4名 or better)
      { name: 'direction', label: t('ind.direction'), initial: from.direction ?? '', help: t('ind.directionHelp'),
        options: termOptions(words, 'direction') },
    ],
    submit: values => {
      const body = { ...indicatorBody(values), library: from.library ?? null };
      return indicator
        ? api.send('PUT', path + '/indicators/' + encodeURIComponent(indicator.code), { ...body, code: indicator.code })
        : api.send('POST', path + '/indicators', { ...body, code: orNull(values.code.trim()) });
    },
  };
}

/**
 * 自评时补充: an indicator the approved targets did not hold, added as the self-evaluation is drawn up. Its code is
 * required (it is new), and the reason is kept with it; it is shown as added then, never as approved.
 */
function lateIndicatorForm(path, plan, words) {
  const base = indicatorForm(path, plan, words, null, null);
  return {
    ...base, test: 'late-indicator-form', title: t('action.addLateIndicator'),
    fields: [
      ...base.fields.map(field => (field.name === 'code' ? { ...field, required: true } : field)),
      { name: 'reason', label: t('ind.lateReason'), long: true, required: true, max: 500, help: t('ind.lateReasonHelp') },
    ],
    submit: values => api.send('PUT', path + '/self-evaluation/indicators/' + encodeURIComponent(values.code.trim()),
      { ...indicatorBody(values), reason: values.reason.trim() }),
  };
}

/** 目标调整申请: a new target (and 分值) for one indicator, with the reason; district finance decides. */
function adjustmentRequestForm(path, indicator) {
  return {
    test: 'adjustment-request-form', title: t('action.requestAdjustment') + ' · ' + indicator.name,
    fields: [
      { name: 'target', label: t('adjustment.newTarget') + '（' + t('adjustment.now') + ' ' + indicator.target.text + '）',
        required: true, max: 200, preview: ReadingPreview },
      { name: 'weight', label: t('adjustment.newWeight') + '（' + t('adjustment.now') + ' ' + weightText(indicator.weight) + '）',
        check: value => (POINTS.test(value.trim()) ? null : t('rule.points.format')) },
      { name: 'reason', label: t('adjustment.reason'), long: true, required: true, max: 500 },
    ],
    submit: values => api.send('POST', path + '/target-adjustments', { indicator: indicator.code, target: values.target.trim(),
      weight: orNull(values.weight.trim()), reason: values.reason }),
  };
}

/** A 分值 as shown: its points, or that none is set (which is not 0). */
export const weightText = weight => (weight == null ? t('ind.weightUnset') : text(weight));
