// What changed on a department's dashboard between two instants, and the events recorded in between.
import { h } from 'preact';
import { t, label } from '../i18n.js';
import * as api from '../api.js';
import { go, href, withParam } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { base, departmentPath, useDepartmentNames } from '../lib/session.js';
import { businessTime, money, pct, score, text } from '../lib/format.js';
import { AtPicker } from '../components/controls.js';

const e = h;

export function Changes({ dep, year, query }) {
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

