// PerfLedger's web UI: the district overview, a department's dashboard with its forms, year over year, the budget
// adjustment trail and what is due. Every figure comes from the query API; every change is a command to the command
// service, after which the page waits for the read model to catch up. Text is rendered by Preact, always escaped.
import { h, render } from 'preact';
import { useEffect, useState, useCallback } from 'preact/hooks';
import { t, label, lang, setLang } from './i18n.js';
import * as api from './api.js';
import { Chart } from './chart.js';

const e = h;

// ---- routing: #/overview/2020, #/dept/scjgj/2020, #/dept/scjgj/years, #/dept/scjgj/2020/trail, #/due/2020 ----

function parseRoute() {
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query: new URLSearchParams(query ?? '') };
}

function go(path, query) {
  const search = query && [...query].length ? '?' + query.toString() : '';
  location.hash = '#' + path + search;
}

function useRoute() {
  const [route, setRoute] = useState(parseRoute());
  useEffect(() => {
    const changed = () => setRoute(parseRoute());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

/** Load once per key; reload() fetches again (after a command). */
function useLoad(load, key) {
  const [state, setState] = useState({ loading: true });
  const fetchIt = useCallback(() => {
    let live = true;
    load().then(data => live && setState({ data }), error => live && setState({ error }));
    return () => { live = false; };
  }, [key]);
  useEffect(() => {
    setState({ loading: true });
    return fetchIt();
  }, [fetchIt]);
  return [state, fetchIt];
}

function Loading({ state, children }) {
  if (state.loading) {
    return e('p', { class: 'muted' }, t('loading'));
  }
  if (state.error) {
    return e('p', { class: 'badge', 'data-test': 'error' }, t('error') + ': ' + state.error.message);
  }
  return children(state.data);
}

const district = () => api.claims()?.district;

/** Department code → name, for the district of the signed-in user. */
function useDepartmentNames() {
  const [departments] = useLoad(() => api.read(base() + '/departments'), district());
  const names = {};
  (departments.data ?? []).forEach(d => { names[d.department] = d.name; });
  return names;
}
const base = () => '/api/v1/districts/' + encodeURIComponent(district());
const planPath = (dep, year, plan) => base() + '/departments/' + encodeURIComponent(dep) + '/years/' + year
  + (plan === 'department' ? '/department' : '/projects/' + encodeURIComponent(plan));
const fmt = value => (value === null || value === undefined ? '—' : String(value));
const pct = value => (value === null || value === undefined ? '—' : Number(value).toFixed(2) + '%');

// ---- sign in -------------------------------------------------------------------------------------------------------

function SignIn({ onSignedIn }) {
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = event => {
    event.preventDefault();
    if (api.signIn(value.trim())) {
      onSignedIn();
    } else {
      setInvalid(true);
    }
  };
  if (api.providerSignIn) {
    return e('section', { class: 'card signin' },
      e('h2', null, t('signIn.title')),
      e('p', null, e('button', { class: 'primary', type: 'button', onClick: () => api.startProviderSignIn(),
        'data-test': 'sign-in-provider' }, t('signIn.provider'))),
      e('p', { class: 'muted' }, t('signIn.providerHelp')));
  }
  return e('section', { class: 'card signin' },
    e('h2', null, t('signIn.title')),
    e('form', { onSubmit: submit },
      e('label', null, t('signIn.token'),
        e('textarea', { name: 'token', value, onInput: ev => setValue(ev.target.value), 'data-test': 'token' })),
      invalid && e('p', { class: 'badge' }, t('signIn.invalid')),
      e('p', null, e('button', { class: 'primary', type: 'submit', 'data-test': 'sign-in' }, t('signIn.submit')))),
    e('p', { class: 'muted' }, t('signIn.help')));
}

// ---- district overview ---------------------------------------------------------------------------------------------

function YearPicker({ year, onPick }) {
  const [years] = useLoad(() => api.read(base() + '/years'), district());
  const known = years.data ? years.data.map(row => row.year) : [];
  const all = known.includes(Number(year)) ? known : [...known, Number(year)].sort();
  return e('label', null, t('year') + ' ',
    e('select', { value: year, onChange: ev => onPick(ev.target.value), 'data-test': 'year' },
      all.map(y => e('option', { value: y }, y))));
}

// ---- the record as it stood at an instant: replayed from the event log by the query service ------------------------

/** An instant as the browser's local date and time, for a datetime-local input. */
function localTime(iso) {
  const d = new Date(iso);
  const p = n => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':'
    + p(d.getMinutes()) + ':' + p(d.getSeconds());
}

/**
 * An instant as the district's business day and time (Beijing time, as the services' business zone), with the zone
 * named, so a time reads the same to everyone whatever their browser's zone.
 */
const businessClock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const businessTime = iso => (iso ? businessClock.format(new Date(iso)) + ' ' + t('time.zone') : '—');

/** Picks the instant a page shows the record at (null: now); the browser's local time becomes an exact instant. */
function AtPicker({ at, onPick, test = 'at', text = t('at.label') }) {
  return e('label', null, text + ' ',
    e('input', { type: 'datetime-local', step: 1, value: at ? localTime(at) : '', 'data-test': test,
      onChange: ev => onPick(ev.target.value ? new Date(ev.target.value).toISOString() : null) }),
    at && e('button', { type: 'button', onClick: () => onPick(null), 'data-test': test + '-now' }, t('at.now')));
}

function AtBanner({ at, changes }) {
  return e('div', { class: 'notice busy', 'data-test': 'as-of-banner' },
    t('at.banner', { time: businessTime(at) }), ' ',
    changes && e('a', { href: changes, 'data-test': 'changes-link' }, t('at.changes')));
}

function Overview({ year, query }) {
  const grade = query.get('grade') ?? '';
  const alert = query.get('alert') ?? '';
  const sort = query.get('sort') ?? 'department';
  const order = query.get('order') ?? 'asc';
  const page = Number(query.get('page') ?? 0);
  const size = 20;
  const at = query.get('at');
  const params = new URLSearchParams({ sort, order, page, size });
  if (grade) params.set('grade', grade);
  if (alert) params.set('alert', alert);
  if (at) params.set('at', at);
  const [state] = useLoad(() => api.read(base() + '/years/' + year + '/overview?' + params), params.toString() + year);
  const names = useDepartmentNames();
  const set = (key, value) => {
    const next = new URLSearchParams(query);
    if (value === '' || value === null) next.delete(key); else next.set(key, value);
    if (key !== 'page') next.delete('page');
    go('/overview/' + year, next);
  };
  const sortBy = column => {
    const next = new URLSearchParams(query);
    next.set('sort', column);
    next.set('order', sort === column && order === 'asc' ? 'desc' : 'asc');
    next.delete('page');
    go('/overview/' + year, next);
  };
  // a sortable column's header is a button (reached and pressed by keyboard); aria-sort says how it is sorted
  const header = (column, text, numeric) => e('th', {
    class: 'sortable' + (numeric ? ' num' : ''), scope: 'col',
    'aria-sort': sort === column ? (order === 'asc' ? 'ascending' : 'descending') : 'none',
  }, e('button', { type: 'button', class: 'link', onClick: () => sortBy(column), 'data-test': 'sort-' + column },
    text + (sort === column ? (order === 'asc' ? ' ▲' : ' ▼') : '')));
  return e('div', null,
    e('h2', null, t('overview.title', { year })),
    e('div', { class: 'toolbar' },
      e(YearPicker, { year, onPick: y => go('/overview/' + y, query) }),
      e('label', null, t('overview.filterGrade') + ' ',
        e('select', { value: grade, onChange: ev => set('grade', ev.target.value), 'data-test': 'filter-grade' },
          e('option', { value: '' }, t('overview.all')),
          ['优秀', '良好', '中', '差'].map(g => e('option', { value: g }, g)))),
      e('label', null, t('overview.filterAlert') + ' ',
        e('select', { value: alert, onChange: ev => set('alert', ev.target.value), 'data-test': 'filter-alert' },
          e('option', { value: '' }, t('overview.all')),
          ['over-budget', 'zero-budget-with-spending', 'spending-lags', 'no-scheme', 'scoring-flags', 'reported-differs']
            .map(a => e('option', { value: a }, label('alert', a))))),
      e(AtPicker, { at, onPick: value => set('at', value) }),
      e(DownloadButton, { path: base() + '/years/' + year + '/summary.xlsx', text: t('overview.summary'),
        test: 'download-summary' })),
    at && e(AtBanner, { at }),
    e(Loading, { state }, data => e('div', null,
      e('section', { class: 'card' },
        e('h3', null, t('overview.chart')),
        e(Chart, { test: 'overview-chart', option: overviewChart(data.items) })),
      e('table', { tabindex: 0, 'data-test': 'overview' },
        e('thead', null, e('tr', null,
          header('department', t('col.department')), header('name', t('col.name')), e('th', null, t('col.phase')),
          e('th', { class: 'num' }, t('col.adjustedBudget')), e('th', { class: 'num' }, t('col.executed')),
          header('executionRate', t('col.executionRate'), true), header('score', t('col.score'), true),
          e('th', null, t('col.grade')), e('th', null, t('col.status')), e('th', null, t('col.alerts')))),
        e('tbody', null, data.items.map(row => e('tr', { 'data-test': 'overview-row' },
          e('td', null, e('a', { href: '#/dept/' + encodeURIComponent(row.department) + '/' + year,
            'data-test': 'department-link' }, names[row.department] ?? row.department)),
          e('td', null, row.name ?? t('dept.departmentWide')),
          e('td', null, label('phase', row.phase)),
          e('td', { class: 'num' }, fmt(row.adjustedBudget)), e('td', { class: 'num' }, fmt(row.executed)),
          e('td', { class: 'num' }, pct(row.executionRate)), e('td', { class: 'num' }, fmt(row.score)),
          e('td', null, fmt(row.grade)), e('td', null, label('status', row.status)),
          e('td', null, row.alerts.map(a => e('span', { class: 'badge' }, label('alert', a)))))))),
      e('div', { class: 'toolbar' },
        e('span', { class: 'muted' }, t('overview.total', { total: data.total }) + ' · '
          + t('page.of', { page: page + 1, pages: Math.max(1, Math.ceil(data.total / size)) })),
        e('button', { disabled: page === 0, onClick: () => set('page', page - 1) }, t('page.prev')),
        e('button', { disabled: (page + 1) * size >= data.total, onClick: () => set('page', page + 1) },
          t('page.next'))))));
}

function overviewChart(items) {
  const names = items.map(row => row.name ?? row.department);
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('col.score'), t('col.executionRate')] },
    grid: { left: 50, right: 50, bottom: 90 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, interval: 0, width: 120, overflow: 'truncate' } },
    yAxis: [{ type: 'value', name: t('col.score'), max: 100 }, { type: 'value', name: '%', max: 120 }],
    series: [
      { name: t('col.score'), type: 'bar', data: items.map(row => row.score) },
      { name: t('col.executionRate'), type: 'line', yAxisIndex: 1, data: items.map(row => row.executionRate) },
    ],
  };
}

// ---- downloads and uploads show their progress ---------------------------------------------------------------------

function DownloadButton({ path, text, test, record }) {
  const [progress, setProgress] = useState(null);
  const [error, setError] = useState(null);
  const start = async () => {
    setError(null);
    setProgress('0%');
    try {
      await api.download(path, setProgress, record);
    } catch (problem) {
      setError(problem.message);
    } finally {
      setProgress(null);
    }
  };
  return e('span', null,
    e('button', { onClick: start, disabled: progress !== null, 'data-test': test },
      progress === null ? text : t('form.downloading', { percent: progress })),
    error && e('span', { class: 'badge' }, error));
}

// ---- forms: each sends one command and waits until the dashboard shows it ------------------------------------------

function Problems({ problem }) {
  if (!problem) return null;
  return e('div', { class: 'problems', 'data-test': 'problems' },
    e('b', null, problem.message),
    problem.errors.length > 0 && e('ul', null, problem.errors.map(error => e('li', null,
      (error.field ? error.field + ': ' : '') + error.message))));
}

function CommandForm({ fields, submit, onDone, onCancel, test }) {
  const [values, setValues] = useState(Object.fromEntries(fields.map(f => [f.name, f.initial ?? ''])));
  const [problem, setProblem] = useState(null);
  const [busy, setBusy] = useState(false);
  const send = async event => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await onDone(await submit(values));
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  const input = field => {
    if (field.type === 'checkbox') {
      return e('input', { type: 'checkbox', name: field.name, checked: values[field.name] === true,
        'data-test': 'field-' + field.name, onChange: ev => setValues({ ...values, [field.name]: ev.target.checked }) });
    }
    const common = { name: field.name, value: values[field.name], 'data-test': 'field-' + field.name,
      onInput: ev => setValues({ ...values, [field.name]: ev.target.value }) };
    if (field.options) {
      return e('select', { ...common, onChange: common.onInput },
        field.options.map(([value, text]) => e('option', { value }, text)));
    }
    if (field.long) {
      return e('textarea', { ...common, rows: 2 });
    }
    return e('input', { ...common, type: field.type ?? 'text', required: field.required });
  };
  return e('form', { class: 'inline', onSubmit: send, 'data-test': test },
    // a confirmation is asked for only once the server said it is needed (e.g. spending past the budget)
    fields.filter(field => !field.askedBy || values[field.name] === true
        || (problem?.errors ?? []).some(error => error.rule === field.askedBy))
      .map(field => e('label', { class: field.long ? 'wide' : field.type === 'checkbox' ? 'wide confirm' : '' },
        field.label, input(field))),
    e(Problems, { problem }),
    e('div', { class: 'buttons' },
      e('button', { class: 'primary', type: 'submit', disabled: busy, 'data-test': 'submit' }, t('action.submit')),
      e('button', { type: 'button', onClick: onCancel }, t('action.cancel'))));
}

function ImportForm({ path, onDone, onCancel }) {
  const [progress, setProgress] = useState(null);
  const [problem, setProblem] = useState(null);
  const start = async event => {
    const file = event.target.files[0];
    if (!file) return;
    setProblem(null);
    setProgress(0);
    try {
      await onDone(await api.upload(path + '/self-evaluation.xlsx', file, setProgress));
    } catch (error) {
      setProblem(error);
    } finally {
      setProgress(null);
    }
  };
  return e('form', { class: 'inline', 'data-test': 'import-form', onSubmit: ev => ev.preventDefault() },
    e('label', { class: 'wide' }, t('form.file'),
      e('input', { type: 'file', accept: '.xlsx,.xls', onChange: start, 'data-test': 'import-file' })),
    progress !== null && e('div', { class: 'wide' }, t('form.uploading', { percent: progress }),
      e('div', { class: 'progress' }, e('div', { class: 'bar', style: { width: progress + '%' } }))),
    e(Problems, { problem }),
    e('div', { class: 'buttons' }, e('button', { type: 'button', onClick: onCancel }, t('action.cancel'))));
}

// ---- a department's dashboard --------------------------------------------------------------------------------------

function Department({ dep, year, query }) {
  const asOf = query.get('asOf');
  const at = query.get('at');
  const params = new URLSearchParams();
  if (asOf) params.set('asOf', asOf);
  if (at) params.set('at', at);
  const [state, reload] = useLoad(() => api.read(base() + '/departments/' + encodeURIComponent(dep) + '/years/'
    + year + '/dashboard?' + params), dep + year + params);
  const set = (key, value) => {
    const next = new URLSearchParams(query);
    if (value) next.set(key, value); else next.delete(key);
    go('/dept/' + dep + '/' + year, next);
  };
  const name = useDepartmentNames()[dep] ?? dep;
  const [notice, setNotice] = useState(null);
  const changed = async (path, receipt) => {
    setNotice({ busy: true, text: t('syncing') });
    await api.caughtUp(path, receipt.version);
    reload();
    setNotice({ text: t('saved') });
    setTimeout(() => setNotice(null), 4000);
  };
  return e('div', null,
    e('h2', { 'data-test': 'department-title' }, t('dept.title', { name, year })),
    e('div', { class: 'toolbar' },
      e(YearPicker, { year, onPick: y => go('/dept/' + dep + '/' + y) }),
      e('label', null, t('dept.asOf') + ' ', e('input', { type: 'date', value: asOf ?? '', min: year + '-01-01',
        max: year + '-12-31', 'data-test': 'as-of', onChange: ev => set('asOf', ev.target.value) })),
      e(AtPicker, { at, onPick: value => set('at', value) }),
      e('a', { href: '#/dept/' + encodeURIComponent(dep) + '/years', 'data-test': 'yoy-link' }, t('dept.yoy')),
      e('a', { href: '#/dept/' + encodeURIComponent(dep) + '/' + year + '/trail', 'data-test': 'trail-link' },
        t('dept.trail'))),
    notice && e('div', { class: 'notice' + (notice.busy ? ' busy' : ''), 'data-test': 'notice' }, notice.text),
    at && e(AtBanner, { at, changes: '#/dept/' + encodeURIComponent(dep) + '/' + year + '/changes?'
      + new URLSearchParams({ from: at }) }),
    e(Loading, { state }, data => e('div', null,
      e('section', { class: 'card' }, e('h3', null, t('dept.chart')),
        e(Chart, { test: 'department-chart', height: 260, option: departmentChart(data.plans) })),
      data.plans.map(plan => e(PlanCard, { key: plan.plan, plan, dep, year, past: !!at, onChanged: changed })))));
}

/** What changed on a department's dashboard between two instants, and the events recorded in between. */
function Changes({ dep, year, query }) {
  const from = query.get('from');
  const to = query.get('to');
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  const [state] = useLoad(() => from ? api.read(base() + '/departments/' + encodeURIComponent(dep) + '/years/' + year
    + '/dashboard/changes?' + params) : Promise.resolve(null), dep + year + params);
  const name = useDepartmentNames()[dep] ?? dep;
  const set = (key, value) => {
    const next = new URLSearchParams(query);
    if (value) next.set(key, value); else next.delete(key);
    go('/dept/' + dep + '/' + year + '/changes', next);
  };
  const show = value => value === null || value === undefined ? '—'
    : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return e('div', null,
    e('h2', { 'data-test': 'changes-title' }, t('changes.title', { name, year })),
    e('div', { class: 'toolbar' },
      e(AtPicker, { at: from, onPick: value => set('from', value), test: 'changes-from', text: t('changes.from') }),
      e(AtPicker, { at: to, onPick: value => set('to', value), test: 'changes-to', text: t('changes.to') })),
    !from ? e('p', { class: 'muted' }, t('changes.pick')) : e(Loading, { state }, data => e('div', null,
      e('h3', null, t('changes.figures')),
      data.changes.length === 0 ? e('p', { class: 'muted' }, t('changes.none')) : e('table', { tabindex: 0, 'data-test': 'changes' },
        e('thead', null, e('tr', null, ['changes.path', 'changes.before', 'changes.after']
          .map(key => e('th', null, t(key))))),
        e('tbody', null, data.changes.map(change => e('tr', { 'data-test': 'change-row' },
          e('td', { style: { fontFamily: 'monospace' } }, change.path), e('td', null, show(change.before)),
          e('td', null, show(change.after)))))),
      e('h3', null, t('changes.events')),
      e('table', { tabindex: 0, 'data-test': 'changes-events' },
        e('thead', null, e('tr', null, ['log.time', 'log.event', 'log.content', 'log.actor', 'log.correlation']
          .map(key => e('th', null, t(key))))),
        e('tbody', null, data.events.map(event => e('tr', { 'data-test': 'change-event' },
          e('td', null, businessTime(event.recordedAt)), e('td', null, event.title),
          e('td', null, event.description), e('td', null, event.actor),
          e('td', { class: 'muted', title: event.correlationId }, (event.correlationId ?? '').slice(0, 8)))))))));
}

function departmentChart(plans) {
  const elapsed = plans.find(p => p.timeProgress)?.timeProgress?.yearElapsed;
  const rate = p => (Number(p.adjustedBudget) > 0 ? Math.round(Number(p.executed) * 10000 / Number(p.adjustedBudget)) / 100 : null);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 90, bottom: 60 },
    xAxis: { type: 'category', data: plans.map(p => p.name ?? t('dept.departmentWide')),
      axisLabel: { interval: 0, width: 110, overflow: 'truncate' } },
    yAxis: { type: 'value', name: '%', max: 120 },
    series: [{
      name: t('budget.rate'), type: 'bar', data: plans.map(rate),
      markLine: elapsed == null ? undefined : { symbol: 'none', data: [{ yAxis: elapsed, name: t('dept.timeProgress') }],
        label: { formatter: t('dept.timeProgress') + ' {c}%' } },
    }],
  };
}

function PlanCard({ plan, dep, year, past, onChanged }) {
  const path = planPath(dep, year, plan.plan);
  const [form, setForm] = useState(null);
  // the record as it stood in the past is read, not written
  const editor = api.can('DEPARTMENT_EDITOR') && !past;
  const executing = plan.phase === 'IN_EXECUTION';
  const evaluating = plan.phase === 'CLOSED' || plan.phase === 'SELF_EVALUATION_RETURNED';
  const progress = plan.timeProgress;
  const done = async receipt => {
    setForm(null);
    await onChanged(path, receipt);
  };
  const today = new Date().toISOString().slice(0, 10);
  const lastDay = year + '-12-31';
  const defaultDate = today < lastDay ? (today > year + '-01-01' ? today : year + '-01-01') : lastDay;
  return e('section', { class: 'card', 'data-test': 'plan-' + plan.plan },
    e('h3', null, (plan.name ?? t('dept.departmentWide')) + ' ',
      e('span', { class: 'badge ok' }, label('phase', plan.phase)), ' ',
      plan.score != null && e('span', { 'data-test': 'plan-score' }, t('plan.score', { score: plan.score, grade: plan.grade })
        + ' (' + label('status', plan.status) + ')')),
    e('div', { class: 'figures' },
      [['budget.initial', plan.initialBudget], ['budget.adjusted', plan.adjustedBudget], ['budget.received', plan.received],
        ['budget.executed', plan.executed]].map(([key, value]) => e('div', null, t(key), e('b', null, fmt(value))))),
    progress && e('div', { 'data-test': 'time-progress' },
      t('budget.rate') + ' ' + pct(progress.executionRate) + ' · ' + t('dept.timeProgress') + ' ' + pct(progress.yearElapsed),
      progress.lagging && e('span', { class: 'badge' }, t('budget.lagging', { lag: progress.lag })),
      e('div', { class: 'progress' },
        e('div', { class: 'bar', style: { width: Math.min(100, progress.executionRate) + '%' } }),
        e('div', { class: 'mark', style: { left: Math.min(100, progress.yearElapsed) + '%' } }))),
    e('table', { tabindex: 0, 'data-test': 'indicators' },
      e('thead', null, e('tr', null, ['ind.code', 'ind.name', 'ind.weight', 'ind.target', 'ind.actual',
        'ind.completion', 'ind.deviation', 'ind.score'].map(key => e('th', null, t(key))), editor && executing && e('th'))),
      e('tbody', null, plan.indicators.map(indicator => e('tr', { 'data-test': 'indicator-' + indicator.code },
        e('td', null, indicator.code), e('td', null, indicator.name), e('td', { class: 'num' }, fmt(indicator.weight)),
        e('td', null, indicator.target),
        e('td', { 'data-test': 'actual' }, indicator.latestActual ? indicator.latestActual + ' '
          : '—', indicator.latestAsOf && e('span', { class: 'muted' }, '(' + t('ind.asOf') + ' ' + indicator.latestAsOf + ')')),
        e('td', { class: 'num' }, pct(indicator.completion)), e('td', { class: 'num' }, pct(indicator.deviationRate)),
        e('td', { class: 'num' }, fmt(indicator.score)),
        editor && executing && e('td', null, e('button', { 'data-test': 'record-completion',
          onClick: () => setForm({ kind: 'completion', indicator }) }, t('action.completion'))))))),
    form?.kind === 'completion' && e(CommandForm, {
      test: 'completion-form', onDone: done, onCancel: () => setForm(null),
      fields: [
        { name: 'value', label: t('form.value') + ' · ' + form.indicator.name + '（' + form.indicator.target + '）', required: true },
        { name: 'asOf', label: t('form.asOf'), type: 'date', initial: defaultDate, required: true },
        { name: 'evidence', label: t('form.evidence') },
        { name: 'narrative', label: t('form.narrative'), long: true },
      ],
      submit: values => api.send('POST', path + '/indicators/' + encodeURIComponent(form.indicator.code) + '/completions', {
        value: values.value, asOf: values.asOf, evidence: values.evidence || null, narrative: values.narrative || null,
      }),
    }),
    e('div', null, e('b', null, t('plan.openItems') + ': '),
      plan.openItems.length === 0 ? e('span', { class: 'muted' }, t('plan.noOpenItems'))
        : e('ul', { 'data-test': 'open-items' }, plan.openItems.map(item => e('li', null, openItem(item, plan))))),
    e('div', { class: 'toolbar' },
      editor && executing && e('button', { 'data-test': 'record-expenditure', onClick: () => setForm({ kind: 'expenditure' }) },
        t('action.expenditure')),
      editor && evaluating && e('button', { 'data-test': 'submit-self-evaluation', onClick: () => setForm({ kind: 'evaluation' }) },
        t('action.selfEvaluation')),
      editor && evaluating && e('button', { 'data-test': 'import-self-evaluation', onClick: () => setForm({ kind: 'import' }) },
        t('action.import')),
      e(DownloadButton, { path: path + '/self-evaluation.xlsx', text: t('action.export'), test: 'export-self-evaluation' })),
    form?.kind === 'expenditure' && e(CommandForm, {
      test: 'expenditure-form', onDone: done, onCancel: () => setForm(null),
      fields: [
        { name: 'amount', label: t('form.amount'), required: true },
        { name: 'date', label: t('form.date'), type: 'date', initial: defaultDate, required: true },
        ...(plan.plan === 'department' ? [{ name: 'expenditureClass', label: t('form.class'), initial: 'PUBLIC_FUNDS',
          options: [['PERSONNEL', '人员经费'], ['PUBLIC_FUNDS', '公用经费'], ['PROJECT', '项目支出']] }] : []),
        { name: 'voucher', label: t('form.voucher') },
        { name: 'description', label: t('form.description'), long: true, required: true },
        { name: 'overBudgetConfirmed', label: t('form.overBudgetConfirmed'), type: 'checkbox', initial: false,
          askedBy: 'expenditure.over-budget' },
      ],
      submit: values => api.send('POST', path + '/budget/expenditures', {
        amount: values.amount, date: values.date, description: values.description,
        voucher: values.voucher || null, expenditureClass: values.expenditureClass || null,
        overBudgetConfirmed: values.overBudgetConfirmed === true,
      }),
    }),
    form?.kind === 'evaluation' && e(CommandForm, {
      test: 'self-evaluation-form', onDone: done, onCancel: () => setForm(null),
      fields: [
        ...plan.indicators.map(indicator => ({ name: 'reason:' + indicator.code, long: true,
          label: t('form.reason') + ' · ' + indicator.name + '（' + fmt(indicator.latestActual) + ' / ' + indicator.target + '）' })),
        ...plan.indicators.map(indicator => ({ name: 'score:' + indicator.code, initial: indicator.score ?? '',
          label: t('ind.score') + ' · ' + indicator.code })),
        { name: 'score', label: t('form.totalScore'), initial: plan.score ?? '' },
        { name: 'grade', label: t('form.grade'), initial: plan.grade ?? '',
          options: [['', '—'], ['优秀', '优秀'], ['良好', '良好'], ['中', '中'], ['差', '差']] },
        { name: 'deviationAnalysis', label: t('form.analysis'), long: true },
        { name: 'improvementMeasures', label: t('form.measures'), long: true, required: true },
        { name: 'resultsUse', label: t('form.use'), long: true, required: true },
        { name: 'publicationPlan', label: t('form.publication'), long: true, required: true },
      ],
      submit: values => api.send('POST', path + '/self-evaluation', {
        indicators: plan.indicators.map(indicator => ({
          indicator: indicator.code,
          score: values['score:' + indicator.code] === '' ? null : String(values['score:' + indicator.code]),
          deviationReason: values['reason:' + indicator.code] || null,
        })),
        score: values.score === '' ? null : String(values.score), grade: values.grade || null,
        deviationAnalysis: values.deviationAnalysis || null, improvementMeasures: values.improvementMeasures,
        resultsUse: values.resultsUse, publicationPlan: values.publicationPlan,
      }),
    }),
    form?.kind === 'import' && e(ImportForm, { path, onDone: done, onCancel: () => setForm(null) }));
}

/** An open item in the reader's language; the API's own words where the kind is new to this page. */
function openItem(item, plan) {
  const name = plan.indicators.find(indicator => indicator.code === item.indicator)?.name ?? '';
  switch (item.kind) {
    case 'missing-completion': return t('open.missingCompletion', { code: item.indicator, name });
    case 'missing-deviation-reason': return t('open.missingReason', { code: item.indicator, name, detail: item.detail });
    case 'target-adjustment-pending': return t('open.adjustment', { number: item.detail, code: item.indicator });
    case 'spending-lags': return t('open.spendingLags', { lag: item.detail });
    default: return item.text;
  }
}

// ---- year over year ------------------------------------------------------------------------------------------------

function YearOverYear({ dep }) {
  const [state] = useLoad(() => api.read(base() + '/departments/' + encodeURIComponent(dep) + '/years'), dep);
  const name = useDepartmentNames()[dep] ?? dep;
  return e('div', null,
    e('h2', null, t('yoy.title', { name })),
    e(Loading, { state }, rows => {
      const years = [...new Set(rows.map(row => row.year))].sort();
      const plans = [...new Set(rows.map(row => row.plan))];
      const series = field => plans.map(plan => ({
        name: rows.find(row => row.plan === plan)?.name ?? plan, type: 'line', connectNulls: true,
        data: years.map(year => rows.find(row => row.plan === plan && row.year === year)?.[field] ?? null),
      }));
      const option = (title, field) => ({
        tooltip: { trigger: 'axis' }, legend: { type: 'scroll' }, grid: { left: 50, right: 20, top: 50 },
        xAxis: { type: 'category', data: years.map(String) }, yAxis: { type: 'value', name: title },
        series: series(field),
      });
      return e('div', null,
        e('section', { class: 'card' }, e('h3', null, t('yoy.score')), e(Chart, { test: 'yoy-score', option: option(t('col.score'), 'score') })),
        e('section', { class: 'card' }, e('h3', null, t('yoy.rate')), e(Chart, { test: 'yoy-rate', option: option('%', 'executionRate') })),
        e('table', { tabindex: 0, 'data-test': 'yoy' },
          e('thead', null, e('tr', null, [t('year'), t('col.name'), t('col.adjustedBudget'), t('col.executed'),
            t('col.executionRate'), t('yoy.change'), t('col.score'), t('yoy.change'), t('col.grade'), t('yoy.trend')]
            .map(text => e('th', null, text)))),
          e('tbody', null, rows.map(row => e('tr', { 'data-test': 'yoy-row' },
            e('td', null, e('a', { href: '#/dept/' + encodeURIComponent(dep) + '/' + row.year }, row.year)),
            e('td', null, row.name ?? t('dept.departmentWide')), e('td', { class: 'num' }, fmt(row.adjustedBudget)),
            e('td', { class: 'num' }, fmt(row.executed)), e('td', { class: 'num' }, pct(row.executionRate)),
            e('td', { class: 'num' }, fmt(row.executionRateChange)), e('td', { class: 'num' }, fmt(row.score)),
            e('td', { class: 'num' }, fmt(row.scoreChange)), e('td', null, fmt(row.grade)),
            e('td', null, row.trend ? label('trend', row.trend) : '—'))))));
    }));
}

// ---- budget adjustment trail ---------------------------------------------------------------------------------------

function Trail({ dep, year }) {
  const [state] = useLoad(() => api.read(base() + '/departments/' + encodeURIComponent(dep) + '/years/' + year
    + '/adjustments'), dep + year);
  const name = useDepartmentNames()[dep] ?? dep;
  return e('div', null,
    e('h2', null, t('trail.title', { name, year })),
    e(Loading, { state }, steps => steps.length === 0 ? e('p', { class: 'muted' }, t('trail.empty'))
      : e('table', { tabindex: 0, 'data-test': 'trail' },
        e('thead', null, e('tr', null, ['col.name', 'trail.kind', 'trail.amount', 'trail.from', 'trail.to',
          'trail.reason', 'trail.document', 'trail.date', 'trail.actor'].map(key => e('th', null, t(key))))),
        e('tbody', null, steps.map(step => e('tr', { 'data-test': 'trail-row', title: step.correlationId },
          e('td', null, step.name ?? t('dept.departmentWide')), e('td', null, label('kind', step.kind)),
          e('td', { class: 'num' }, step.amount), e('td', { class: 'num' }, step.from), e('td', { class: 'num' }, step.to),
          e('td', null, step.reason), e('td', null, step.documentNumber), e('td', null, step.date),
          e('td', null, step.actor)))))));
}

// ---- what is due ---------------------------------------------------------------------------------------------------

function Due({ year, query }) {
  const lateOnly = query.get('late') === '1';
  const [state] = useLoad(() => api.read(base() + '/years/' + year + '/due'), year);
  const names = useDepartmentNames();
  const what = item => (item === 'self-evaluation' ? t('due.selfEvaluation')
    : item.startsWith('monitoring ') ? t('due.monitoring', { period: item.slice('monitoring '.length) }) : item);
  return e('div', null,
    e('h2', null, t('due.title', { year })),
    e('div', { class: 'toolbar' },
      e(YearPicker, { year, onPick: y => go('/due/' + y, query) }),
      e('label', null, e('input', { type: 'checkbox', checked: lateOnly, 'data-test': 'late-only',
        onChange: ev => go('/due/' + year, new URLSearchParams(ev.target.checked ? { late: '1' } : {})) }),
        ' ' + t('due.lateOnly'))),
    state.error?.status === 404 ? e('p', { class: 'muted', 'data-test': 'due-none' }, t('due.none'))
      : e(Loading, { state }, items => {
        const shown = items.filter(item => !lateOnly || item.status === 'late');
        return e('table', { tabindex: 0, 'data-test': 'due' },
          e('thead', null, e('tr', null, [t('col.department'), t('col.name'), t('due.what'), t('due.due'),
            t('due.state')].map(text => e('th', null, text)))),
          e('tbody', null, shown.map(item => e('tr', { 'data-test': 'due-row' },
            e('td', null, names[item.department] ?? item.department),
            e('td', null, e('a', { href: '#/dept/' + encodeURIComponent(item.department) + '/' + year },
              item.name ?? t('dept.departmentWide'))),
            e('td', null, what(item.item)), e('td', null, item.due),
            e('td', null, e('span', { class: item.status === 'done' ? 'badge ok' : item.status === 'late' ? 'badge' : '' },
              label('due', item.status)))))));
      }));
}

// ---- the auditor's pages: the event log and the hash chain ----------------------------------------------------------

function EventLogPage({ query }) {
  const names = useDepartmentNames();
  const department = query.get('department') ?? '';
  const year = query.get('year') ?? '';
  const plan = query.get('plan') ?? '';
  const [pages, setPages] = useState([]);
  const [state, setState] = useState({ loading: true });
  const filter = () => {
    const params = new URLSearchParams({ size: 100 });
    if (department) params.set('department', department);
    if (year) params.set('year', year);
    if (plan) params.set('plan', plan);
    return params;
  };
  const load = async after => {
    const params = filter();
    if (after) params.set('after', after);
    try {
      const page = await api.readRecord(base() + '/event-log?' + params);
      setPages(previous => (after ? [...previous, page] : [page]));
      setState({});
    } catch (error) {
      setState({ error });
    }
  };
  useEffect(() => {
    setState({ loading: true });
    setPages([]);
    load(null);
  }, [department, year, plan]);
  const set = (key, value) => {
    const next = new URLSearchParams(query);
    if (value) next.set(key, value); else next.delete(key);
    if (key !== 'plan' && !next.get('year')) next.delete('plan');
    go('/audit/log', next);
  };
  const items = pages.flatMap(page => page.items);
  const next = pages.length ? pages[pages.length - 1].next : null;
  return e('div', null,
    e('h2', null, t('log.title')),
    e('div', { class: 'toolbar' },
      e('label', null, t('col.department') + ' ', e('select', { value: department, 'data-test': 'log-department',
        onChange: ev => set('department', ev.target.value) },
        e('option', { value: '' }, t('overview.all')),
        Object.entries(names).map(([code, name]) => e('option', { value: code }, name)))),
      e('label', null, t('year') + ' ', e('input', { value: year, size: 6, 'data-test': 'log-year',
        onChange: ev => set('year', ev.target.value.trim()) })),
      department && year && e('label', null, t('log.plan') + ' ', e('input', { value: plan, size: 10,
        'data-test': 'log-plan', onChange: ev => set('plan', ev.target.value.trim()) })),
      (api.can('AUDITOR') || api.can('DISTRICT_FINANCE')) && e(DownloadButton, { record: true,
        path: base() + '/event-log.jsonl' + (/^\d{4}$/.test(year) ? '?year=' + year : ''), text: t('log.export'),
        test: 'log-export' })),
    e(Loading, { state }, () => e('div', null,
      e('table', { tabindex: 0, 'data-test': 'event-log' },
        e('thead', null, e('tr', null, ['log.position', 'log.time', 'log.event', 'log.content', 'log.actor',
          'log.correlation', 'log.hash'].map(key => e('th', null, t(key))))),
        e('tbody', null, items.map(item => e('tr', { 'data-test': 'log-row' },
          e('td', { class: 'num' }, item.position), e('td', null, businessTime(item.recordedAt)),
          e('td', null, item.title), e('td', null, item.description),
          e('td', null, item.actor, e('br'), e('span', { class: 'muted' },
            (item.role ?? '').split(',').filter(Boolean).map(role => label('role', role)).join('、'))),
          e('td', { class: 'muted', title: item.correlationId }, (item.correlationId ?? '').slice(0, 8)),
          e('td', { class: 'muted', title: item.hash }, item.hash.slice(0, 12)))))),
      e('div', { class: 'toolbar' },
        e('span', { class: 'muted' }, t('log.shown', { count: items.length })),
        next && e('button', { onClick: () => load(next), 'data-test': 'log-more' }, t('log.more'))))));
}

function ChainPage() {
  const [heads] = useLoad(() => api.readRecord(base() + '/event-chain/heads'), district());
  const [verification, setVerification] = useState(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setVerification(null);
    try {
      setVerification(await api.readRecord(base() + '/event-chain/verification'));
    } catch (error) {
      setVerification({ error });
    } finally {
      setBusy(false);
    }
  };
  const broken = verification?.firstBreak;
  return e('div', null,
    e('h2', null, t('chain.title')),
    e('p', { class: 'muted' }, t('chain.help')),
    e('div', { class: 'toolbar' },
      e('button', { class: 'primary', onClick: verify, disabled: busy, 'data-test': 'chain-verify' },
        busy ? t('chain.verifying') : t('chain.verify'))),
    verification?.error && e('p', { class: 'badge' }, verification.error.message),
    verification && !verification.error && e('div', { class: 'notice' + (verification.intact ? '' : ' busy'),
      'data-test': 'chain-result' },
      verification.intact ? t('chain.intact', { links: verification.links, head: verification.headHash ?? '—' })
        : t('chain.broken', { position: broken.position, problem: label('problem', broken.problem),
          event: broken.eventIdentifier ?? broken.globalIndex ?? '—', detail: broken.detail })),
    e('h3', null, t('chain.heads')),
    e(Loading, { state: heads }, rows => e('table', { tabindex: 0, 'data-test': 'chain-heads' },
      e('thead', null, e('tr', null, e('th', null, t('chain.day')), e('th', { class: 'num' }, t('log.position')),
        e('th', null, t('log.hash')))),
      e('tbody', null, rows.map(row => e('tr', null, e('td', null, row.day), e('td', { class: 'num' }, row.position),
        e('td', { style: { fontFamily: 'monospace' } }, row.hash)))))));
}

// ---- the frame -----------------------------------------------------------------------------------------------------

function Home() {
  const [years] = useLoad(() => api.read(base() + '/years'), district());
  useEffect(() => {
    // the reader may have gone elsewhere while the years loaded: then they stay there
    if (!years.data || parseRoute().parts.length) return;
    const latest = years.data.length ? years.data[years.data.length - 1].year : new Date().getFullYear();
    const me = api.claims();
    if (me.department && !me.roles.some(role => role === 'DISTRICT_FINANCE' || role === 'AUDITOR')) {
      go('/dept/' + me.department + '/' + latest);
    } else {
      go('/overview/' + latest);
    }
  }, [years.data]);
  return e(Loading, { state: years.error ? years : { loading: true } }, () => null);
}

function Page({ route }) {
  const [first, second, third, fourth] = route.parts;
  if (first === 'overview' && second) return e(Overview, { year: second, query: route.query });
  if (first === 'due' && second) return e(Due, { year: second, query: route.query });
  if (first === 'audit' && second === 'log') return e(EventLogPage, { query: route.query });
  if (first === 'audit' && second === 'chain') return e(ChainPage);
  if (first === 'dept' && second && third === 'years') return e(YearOverYear, { dep: second });
  if (first === 'dept' && second && third && fourth === 'trail') return e(Trail, { dep: second, year: third });
  if (first === 'dept' && second && third && fourth === 'changes') {
    return e(Changes, { dep: second, year: third, query: route.query });
  }
  if (first === 'dept' && second && third) return e(Department, { dep: second, year: third, query: route.query });
  return e(Home);
}

function App() {
  const route = useRoute();
  const [, setLanguage] = useState(lang());
  const [signedIn, setSignedIn] = useState(!!api.claims());
  useEffect(() => {
    const out = () => setSignedIn(false);
    window.addEventListener('perfledger:signed-out', out);
    return () => window.removeEventListener('perfledger:signed-out', out);
  }, []);
  const me = api.claims();
  const switchLanguage = () => {
    setLang(lang() === 'en' ? 'zh-CN' : 'en');
    setLanguage(lang());
  };
  const year = route.parts[0] === 'overview' || route.parts[0] === 'due' ? route.parts[1]
    : route.parts[0] === 'dept' && /^\d{4}$/.test(route.parts[2] ?? '') ? route.parts[2] : null;
  return e('div', { key: lang() },
    e('header', null,
      e('h1', null, t('app.title')),
      e('nav', null, signedIn && [
        e('a', { href: year ? '#/overview/' + year : '#/', 'data-test': 'nav-overview' }, t('nav.overview')),
        year && e('a', { href: '#/due/' + year, 'data-test': 'nav-due' }, t('nav.due')),
        e('a', { href: '#/audit/log', 'data-test': 'nav-log' }, t('nav.log')),
        (api.can('AUDITOR') || api.can('DISTRICT_FINANCE'))
          && e('a', { href: '#/audit/chain', 'data-test': 'nav-chain' }, t('nav.chain'))]),
      signedIn && me && e('span', { class: 'user', 'data-test': 'user' }, (me.name ?? me.preferred_username ?? me.sub) + ' · ' + (me.district ?? '')
        + (me.department ? '/' + me.department : '') + ' · ' + me.roles.map(role => label('role', role)).join('、')),
      e('button', { onClick: switchLanguage, 'data-test': 'lang-switch' }, t('lang.switch')),
      signedIn && e('button', { 'data-test': 'sign-out',
        onClick: () => { setSignedIn(false); go('/'); api.endSession(); } },
        t('nav.signOut'))),
    e('main', null, signedIn ? e(Page, { route }) : e(SignIn, { onSignedIn: () => setSignedIn(true) })));
}

// A sign-in link carries the token in the fragment (#token=…), which never reaches a server; it is moved to
// sessionStorage and removed from the address bar at once.
const fromLink = /^#token=([\w.-]+)/.exec(location.hash);
if (fromLink) {
  api.signIn(fromLink[1]);
  history.replaceState(null, '', location.pathname);
}
// back from the identity provider's login page: trade the code for tokens before the first render
await api.completeSignIn();
render(e(App), document.getElementById('app'));
