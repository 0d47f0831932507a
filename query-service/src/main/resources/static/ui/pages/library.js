// District finance's indicator library (指标库): 共性指标 and 个性指标 by sector, each with its stable code, classes, unit,
// direction and the way its target is best set, version by version; which plans picked each one; and one indicator
// compared across departments and years (对标), with the spread.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t, label } from '../i18n.js';
import * as api from '../api.js';
import { go, href } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { base, termLabel, termOptions, useVocabulary } from '../lib/session.js';
import { businessTime, pct, text } from '../lib/format.js';
import { Chart } from '../chart.js';
import { Notice, useSaved } from '../components/controls.js';
import { Form } from '../components/form.js';

const e = h;
const KINDS = ['COMMON', 'SECTOR'];
const BASES = ['PLANNED', 'INDUSTRY', 'HISTORICAL', 'OTHER'];
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

export function LibraryPage({ query }) {
  const path = base() + '/indicator-library';
  const [state, reload] = useLoad(() => api.read(path), path);
  const kind = KINDS.includes(query.get('kind')) ? query.get('kind') : '';
  const [notice, saved] = useSaved();
  const words = useVocabulary();
  return e('div', null,
    e('h2', null, t('library.title')),
    e('div', { class: 'toolbar' },
      e('label', null, t('library.kind') + ' ', e('select', { value: kind, 'data-test': 'library-kind',
        onChange: ev => go('/library', new URLSearchParams(ev.target.value ? { kind: ev.target.value } : {})) },
      e('option', { value: '' }, t('overview.all')),
      KINDS.map(k => e('option', { value: k }, label('libraryKind', k)))))),
    e(Loading, { state }, entries => e('div', null,
      entries.length === 0 ? e('p', { class: 'muted', 'data-test': 'library-empty' }, t('library.empty'))
        : e('table', { tabindex: 0, 'data-test': 'library' },
          e('thead', null, e('tr', null, ['library.code', 'library.name', 'library.kind', 'ind.level1', 'ind.level2',
            'library.unit', 'ind.direction', 'library.basis', 'library.uses'].map(key => e('th', { scope: 'col' }, t(key))))),
          e('tbody', null, entries.filter(entry => !kind || entry.kind === kind).map(entry => e('tr',
            { 'data-test': 'library-' + entry.code, class: entry.retiredAt ? 'muted' : '' },
            e('td', null, e('a', { href: href('library', entry.code) }, entry.code)),
            e('td', null, entry.name, entry.retiredAt && e('span', { class: 'badge' }, ' ' + t('library.retired'))),
            e('td', null, label('libraryKind', entry.kind) + (entry.sector ? '（' + entry.sector + '）' : '')),
            e('td', null, words ? termLabel('level1', entry.level1) : entry.level1),
            e('td', null, words ? termLabel('level2', entry.level2) : entry.level2),
            e('td', null, text(entry.unit)), e('td', null, label('direction', entry.direction)),
            e('td', null, label('basis', entry.basis)),
            e('td', { class: 'num' }, t('library.usesCount', { uses: entry.uses, departments: entry.departments,
              years: entry.years })))))),
      api.can('DISTRICT_FINANCE') && words && e(DefinitionForm, { path, words,
        onDone: answer => saved(null, null, async () => {
          await api.until(() => api.read(path), now => now.some(item => item.code === answer.code
            && item.version >= answer.version));
          reload();
        }) }),
      e(Notice, { notice }))));
}

/** A library indicator, new or a new version of one (its code given again). */
function DefinitionForm({ path, words, entry, onDone }) {
  return e(Form, { key: (entry?.code ?? 'new') + (entry?.version ?? 0), test: 'library-form',
    title: entry ? t('library.newVersion', { code: entry.code }) : t('library.define'),
    fields: [
      ...(entry ? [] : [{ name: 'code', label: t('library.code'), required: true, max: 63, help: t('library.codeHelp'),
        check: value => (CODE.test(value.trim()) ? null : t('rule.code.format')) }]),
      { name: 'kind', label: t('library.kind'), required: true, initial: entry?.kind ?? 'COMMON',
        options: KINDS.map(k => [k, label('libraryKind', k)]) },
      { name: 'sector', label: t('library.sector'), initial: entry?.sector ?? '', max: 60, help: t('library.sectorHelp') },
      { name: 'level1', label: t('ind.level1'), required: true, initial: entry?.level1 ?? '', options: termOptions(words, 'level1') },
      { name: 'level2', label: t('ind.level2'), required: true, initial: entry?.level2 ?? '',
        options: values => termOptions(words, 'level2', term => !values.level1 || term.under.includes(values.level1)) },
      { name: 'name', label: t('library.name'), required: true, initial: entry?.name ?? '', max: 200, wide: true },
      { name: 'unit', label: t('library.unit'), initial: entry?.unit ?? '', max: 20 },
      { name: 'direction', label: t('ind.direction'), required: true, initial: entry?.direction ?? 'HIGHER_IS_BETTER',
        options: termOptions(words, 'direction') },
      { name: 'basis', label: t('library.basis'), required: true, initial: entry?.basis ?? 'PLANNED',
        options: BASES.map(b => [b, label('basis', b)]) },
      { name: 'guidance', label: t('library.guidance'), initial: entry?.guidance ?? '', long: true, max: 2000 },
    ],
    submit: values => api.send('PUT', path + '/' + encodeURIComponent(entry?.code ?? values.code.trim()), {
      kind: values.kind, sector: values.sector.trim() || null, level1: values.level1, level2: values.level2,
      name: values.name, unit: values.unit.trim() || null, direction: values.direction, basis: values.basis,
      guidance: values.guidance.trim() || null }),
    onDone });
}

export function LibraryIndicatorPage({ code }) {
  const path = base() + '/indicator-library/' + encodeURIComponent(code);
  const [state, reload] = useLoad(() => Promise.all([api.read(path), api.read(path + '/benchmark')]), path);
  const [notice, saved] = useSaved();
  const [retiring, setRetiring] = useState(false);
  const words = useVocabulary();
  const after = answer => saved(null, null, async () => {
    await api.until(() => api.read(path), now => now.current.version >= answer.version);
    setRetiring(false);
    reload();
  });
  return e(Loading, { state }, ([detail, benchmark]) => {
    const entry = detail.current;
    return e('div', null,
      e('p', null, e('a', { href: '#/library' }, t('library.back'))),
      e('h2', { 'data-test': 'library-title' }, entry.code + ' ' + entry.name),
      e('section', { class: 'card', 'data-test': 'library-entry' },
        e('p', null, label('libraryKind', entry.kind) + (entry.sector ? '（' + entry.sector + '）' : '') + ' · '
          + (words ? termLabel('level1', entry.level1) + ' / ' + termLabel('level2', entry.level2) : '') + ' · '
          + t('library.unit') + '：' + text(entry.unit) + ' · ' + label('direction', entry.direction) + ' · '
          + t('library.basis') + '：' + label('basis', entry.basis)),
        entry.guidance && e('p', null, entry.guidance),
        entry.retiredAt && e('p', { class: 'badge', 'data-test': 'library-retired' },
          t('library.retiredOn', { at: businessTime(entry.retiredAt), reason: entry.retiredReason })),
        e('ul', null, detail.versions.map(v => e('li', null, t('schemes.version', { version: v.version }) + ' · '
          + v.name + ' · ' + v.definedBy + ' · ' + businessTime(v.definedAt)))),
        api.can('DISTRICT_FINANCE') && !entry.retiredAt && e('div', { class: 'toolbar' },
          e('button', { type: 'button', 'data-test': 'retire-library', onClick: () => setRetiring(true) }, t('library.retire')))),
      retiring && e(Form, { test: 'retire-form', title: t('library.retire'),
        fields: [{ name: 'reason', label: t('library.retireReason'), required: true, long: true, max: 500 }],
        submit: values => api.post(path + '/retirement', { reason: values.reason }), onDone: after,
        onCancel: () => setRetiring(false) }),
      api.can('DISTRICT_FINANCE') && !entry.retiredAt && words && e(DefinitionForm, { path: base() + '/indicator-library',
        words, entry, onDone: after }),
      e(Notice, { notice }),
      e(BenchmarkSection, { benchmark, unit: entry.unit }),
      e('section', { class: 'card' }, e('h3', null, t('library.usedBy')),
        detail.uses.length === 0 ? e('p', { class: 'muted', 'data-test': 'library-unused' }, t('library.unused'))
          : e('table', { tabindex: 0, 'data-test': 'library-uses' },
            e('thead', null, e('tr', null, ['col.year', 'col.department', 'col.name', 'ind.code', 'ind.target',
              'ind.actual'].map(key => e('th', { scope: 'col' }, t(key))))),
            e('tbody', null, detail.uses.map(use => e('tr', { 'data-test': 'library-use' },
              e('td', null, use.year), e('td', null, use.departmentName ?? use.department),
              e('td', null, e('a', { href: href('plan', use.department, use.year, use.plan) }, use.planName ?? t('dept.departmentWide'))),
              e('td', null, use.code), e('td', null, use.target), e('td', null, text(use.latestActual))))))));
  });
}

/** Each year's figures of the indicator side by side, the spread under them, and a chart of the spread by year. */
function BenchmarkSection({ benchmark, unit }) {
  const years = benchmark.years;
  return e('section', { class: 'card', 'data-test': 'benchmark' },
    e('h3', null, t('library.benchmark')),
    years.length === 0 ? e('p', { class: 'muted' }, t('library.unused')) : [
      e(Chart, { test: 'benchmark-chart', height: 260, option: spreadChart(years, unit) }),
      e('table', { tabindex: 0, 'data-test': 'benchmark-spread' },
        e('caption', null, t('library.spreadCaption')),
        e('thead', null, e('tr', null, ['col.year', 'library.count', 'library.min', 'library.median', 'library.max',
          'library.range', 'library.completionMedian'].map(key => e('th', { scope: 'col' }, t(key))))),
        e('tbody', null, years.map(year => e('tr', { 'data-test': 'spread-' + year.year },
          e('td', null, year.year), e('td', { class: 'num' }, year.values.count),
          ...['min', 'median', 'max', 'range'].map(key => e('td', { class: 'num' }, text(year.values[key]))),
          e('td', { class: 'num' }, pct(year.completions.median)))))),
      e('table', { tabindex: 0, 'data-test': 'benchmark-figures' },
        e('caption', null, t('library.figuresCaption')),
        e('thead', null, e('tr', null, ['col.year', 'col.department', 'col.name', 'ind.target', 'ind.actual',
          'ind.completion'].map(key => e('th', { scope: 'col' }, t(key))))),
        e('tbody', null, years.flatMap(year => year.figures.map(figure => e('tr', null,
          e('td', null, year.year), e('td', null, figure.departmentName ?? figure.department),
          e('td', null, figure.planName ?? t('dept.departmentWide')), e('td', null, figure.target),
          e('td', null, text(figure.actual), !figure.comparable && figure.actual && e('span', { class: 'muted' },
            ' ' + t('library.notComparable'))),
          e('td', { class: 'num' }, pct(figure.completion))))))),
    ]);
}

function spreadChart(years, unit) {
  const series = key => years.map(year => (year.values[key] == null ? null : Number(year.values[key])));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('library.min'), t('library.median'), t('library.max')] },
    grid: { left: 50, right: 30, top: 40, bottom: 10, containLabel: true },
    xAxis: { type: 'category', data: years.map(year => String(year.year)) },
    yAxis: { type: 'value', name: unit ?? '' },
    series: ['min', 'median', 'max'].map(key => ({ name: t('library.' + key), type: 'line', data: series(key) })),
  };
}
