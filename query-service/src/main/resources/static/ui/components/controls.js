// Small controls the pages share: the year and instant pickers, the as-of banner, downloads and uploads with their
// progress, sortable headers, the saved-change notice and the monitoring lights.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t, label } from '../i18n.js';
import * as api from '../api.js';
import { useLoad } from '../lib/load.js';
import { base, district } from '../lib/session.js';
import { businessTime, localTime } from '../lib/format.js';
import { problemText } from './form.js';

const e = h;

export function YearPicker({ year, onPick }) {
  const [years] = useLoad(() => api.read(base() + '/years'), district());
  const known = years.data ? years.data.map(row => row.year) : [];
  const all = known.includes(Number(year)) ? known : [...known, Number(year)].sort();
  return e('label', null, t('year') + ' ',
    e('select', { value: year, onChange: ev => onPick(ev.target.value), 'data-test': 'year' },
      all.map(y => e('option', { value: y }, y))));
}

/** Picks the instant a page shows the record at (null: now); the browser's local time becomes an exact instant. */
export function AtPicker({ at, onPick, test = 'at', text = t('at.label') }) {
  return e('label', null, text + ' ',
    e('input', { type: 'datetime-local', step: 1, value: at ? localTime(at) : '', 'data-test': test,
      onChange: ev => onPick(ev.target.value ? new Date(ev.target.value).toISOString() : null) }),
    at && e('button', { type: 'button', onClick: () => onPick(null), 'data-test': test + '-now' }, t('at.now')));
}

export function AtBanner({ at, changes }) {
  return e('div', { class: 'notice busy', 'data-test': 'as-of-banner' },
    t('at.banner', { time: businessTime(at) }), ' ',
    changes && e('a', { href: changes, 'data-test': 'changes-link' }, t('at.changes')));
}

export function DownloadButton({ path, text, test, record }) {
  const [progress, setProgress] = useState(null);
  const [error, setError] = useState(null);
  const start = async () => {
    setError(null);
    setProgress('0%');
    try {
      await api.download(path, setProgress, record);
    } catch (problem) {
      setError(problemText(problem));
    } finally {
      setProgress(null);
    }
  };
  return e('span', null,
    e('button', { type: 'button', onClick: start, disabled: progress !== null, 'data-test': test },
      progress === null ? text : t('form.downloading', { percent: progress })),
    error && e('span', { class: 'badge', role: 'alert' }, error));
}

/** A filled-in 自评表 sent whole; a refusal lists every cell with its reason. */
export function ImportForm({ path, onDone, onCancel }) {
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
    problem && e('div', { class: 'problems', role: 'alert', 'data-test': 'problems' },
      e('div', null, problemText(problem)),
      (problem.errors ?? []).length > 0 && e('ul', null, problem.errors.map(error =>
        e('li', null, (error.field ? error.field + ': ' : '') + error.message)))),
    e('div', { class: 'buttons' }, e('button', { type: 'button', onClick: onCancel }, t('action.cancel'))));
}

/** A sortable column's header: a button (reached and pressed by keyboard); aria-sort says how it is sorted. */
export function SortHeader({ column, text, numeric, sort, order, onSort }) {
  return e('th', { class: 'sortable' + (numeric ? ' num' : ''), scope: 'col',
    'aria-sort': sort === column ? (order === 'asc' ? 'ascending' : 'descending') : 'none' },
  e('button', { type: 'button', class: 'link', onClick: () => onSort(column), 'data-test': 'sort-' + column },
    text + (sort === column ? (order === 'asc' ? ' ▲' : ' ▼') : '')));
}

/** A monitoring light (绿灯 / 黄灯 / 红灯), in words as well as in colour; nothing where there is no light. */
export function Light({ light, test, title }) {
  if (!light) return null;
  return e('span', { class: 'light light-' + light.toLowerCase(), 'data-test': test, 'data-light': light, title },
    label('light', light));
}

/** The confirmation of a change, shown where the reader is (beside what they changed) and read out by screen readers. */
export function Notice({ notice }) {
  if (!notice) return null;
  return e('div', { class: 'notice' + (notice.busy ? ' busy' : ''), role: 'status', 'data-test': 'notice' }, notice.text);
}

/**
 * After a command: wait until the read model shows it, then reload and say so. Answers [notice, run]: run(planPath,
 * receipt, reload) for a plan's command.
 */
export function useSaved() {
  const [notice, setNotice] = useState(null);
  const run = async (path, receipt, reload) => {
    setNotice({ busy: true, text: t('syncing') });
    if (path && receipt?.version) {
      await api.caughtUp(path, receipt.version);
    }
    await reload?.();
    setNotice({ text: t('saved') });
    setTimeout(() => setNotice(null), 6000);
  };
  return [notice, run];
}
