// The platform's operators (PLATFORM_ADMIN): onboarding a district, moving a district in from its exported event log,
// and rebuilding the read models from the event store (built and compared, or swapped in).
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, label } from '../i18n.js';
import * as api from '../api.js';
import { Loading, useLoad } from '../lib/load.js';
import { businessTime } from '../lib/format.js';
import { Notice, useSaved } from '../components/controls.js';
import { Form, problemText } from '../components/form.js';

const e = h;
const REBUILDS = '/api/v1/read-models/rebuilds';
const DISTRICT = /^[a-z][a-z0-9-]{0,62}$/;

export function AdminPage() {
  const [notice, saved] = useSaved();
  const [form, setForm] = useState(null);
  return e('div', null,
    e('h2', null, t('admin.title')),
    e('section', { class: 'card', 'data-test': 'admin-districts' },
      e('h3', null, t('admin.onboard')),
      e(Notice, { notice }),
      form !== 'district' ? e('button', { type: 'button', class: 'primary', 'data-test': 'onboard-district',
        onClick: () => setForm('district') }, t('admin.onboard'))
        : e(Form, { test: 'district-form', title: t('admin.onboard'), onCancel: () => setForm(null),
          onDone: async () => { setForm(null); await saved(null, null, null); },
          fields: [
            { name: 'district', label: t('admin.districtCode'), required: true, max: 63, hint: 'hanyang',
              help: t('admin.districtCodeHelp'), check: value => (DISTRICT.test(value.trim()) ? null : t('rule.code.format')) },
            { name: 'name', label: t('admin.districtName'), required: true, max: 200 },
          ],
          submit: values => api.send('POST', '/api/v1/districts', { district: values.district.trim(), name: values.name.trim() }) })),
    e(LogImport),
    e(Rebuilds));
}

/** A district's exported event log (JSON Lines with its chain) stored into this PerfLedger, which holds none of it yet. */
function LogImport() {
  const [district, setDistrict] = useState('');
  const [progress, setProgress] = useState(null);
  const [result, setResult] = useState(null);
  const start = async event => {
    const file = event.target.files[0];
    if (!file || !DISTRICT.test(district)) return;
    setResult(null);
    setProgress(0);
    try {
      const imported = await api.upload('/api/v1/districts/' + encodeURIComponent(district) + '/event-log.jsonl', file,
        setProgress, 'application/x-ndjson');
      setResult({ text: t('admin.imported', { events: imported.events, district: imported.district, head: imported.headHash.slice(0, 12) }) });
    } catch (problem) {
      setResult({ problem: problemText(problem), errors: problem.errors ?? [] });
    } finally {
      setProgress(null);
      event.target.value = '';
    }
  };
  return e('section', { class: 'card', 'data-test': 'admin-import' },
    e('h3', null, t('admin.import')),
    e('p', { class: 'muted' }, t('admin.importHelp')),
    e('form', { class: 'inline', onSubmit: ev => ev.preventDefault() },
      e('div', { class: 'field' }, e('label', { for: 'import-district' }, t('admin.districtCode')),
        e('input', { id: 'import-district', value: district, maxlength: 63, 'data-test': 'import-district',
          onInput: ev => setDistrict(ev.target.value.trim()) })),
      e('div', { class: 'field' }, e('label', { for: 'import-log' }, t('admin.logFile')),
        e('input', { id: 'import-log', type: 'file', accept: '.jsonl,.ndjson,.txt', disabled: !DISTRICT.test(district),
          'data-test': 'import-log', onChange: start })),
      progress !== null && e('div', { class: 'wide' }, t('form.uploading', { percent: progress }))),
    result?.text && e('div', { class: 'notice', role: 'status', 'data-test': 'import-result' }, result.text),
    result?.problem && e('div', { class: 'problems', role: 'alert', 'data-test': 'import-problem' },
      e('div', null, result.problem),
      e('ul', null, result.errors.map(error => e('li', null, (error.field ? error.field + ': ' : '') + error.message)))));
}

/** Rebuilding the read models: each run with its progress, and whether the rebuilt tables equalled the live ones. */
function Rebuilds() {
  const [state, reload] = useLoad(() => api.read(REBUILDS), 'rebuilds');
  const [problem, setProblem] = useState(null);
  const running = (state.data ?? []).some(run => run.state === 'running');
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(reload, 1000);
    return () => clearInterval(timer);
  }, [running]);
  const start = async swap => {
    setProblem(null);
    try {
      await api.post(REBUILDS + '?swap=' + swap, null);
      reload();
    } catch (error) {
      setProblem(problemText(error));
    }
  };
  return e('section', { class: 'card', 'data-test': 'admin-rebuilds' },
    e('h3', null, t('admin.rebuilds')),
    e('p', { class: 'muted' }, t('admin.rebuildHelp')),
    e('div', { class: 'toolbar' },
      e('button', { type: 'button', disabled: running, 'data-test': 'rebuild-compare', onClick: () => start(false) }, t('admin.compare')),
      e('button', { type: 'button', class: 'primary', disabled: running, 'data-test': 'rebuild-swap', onClick: () => start(true) },
        t('admin.rebuildSwap'))),
    problem && e('p', { class: 'problems', role: 'alert' }, problem),
    e(Loading, { state }, runs => runs.length === 0 ? e('p', { class: 'muted' }, t('admin.noRebuilds'))
      : e('table', { tabindex: 0, 'data-test': 'rebuilds' },
        e('thead', null, e('tr', null, ['admin.started', 'admin.kind', 'admin.state', 'admin.progress', 'admin.result', 'log.actor']
          .map(key => e('th', { scope: 'col' }, t(key))))),
        e('tbody', null, runs.map(run => e('tr', { 'data-test': 'rebuild-row' },
          e('td', null, businessTime(run.startedAt)), e('td', null, run.swap ? t('admin.rebuildSwap') : t('admin.compare')),
          e('td', null, label('rebuild', run.state)),
          e('td', { class: 'num' }, run.applied + ' / ' + run.total),
          e('td', null, run.error ?? (run.comparison ? (run.comparison.equal ? t('admin.equal') : t('admin.differs')) : '—')),
          e('td', null, run.requestedBy)))))));
}
