// What changed on a department's dashboard between two instants, and the events recorded in between.
import { h } from 'preact';
import { t, label } from '../i18n.js';
import * as api from '../api.js';
import { go } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { base, departmentPath, useDepartmentNames } from '../lib/session.js';
import { businessTime, gradeLabel, money, pct, score } from '../lib/format.js';
import { openItem } from './department.js';
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
  const [now] = useLoad(() => api.read(departmentPath(dep) + '/years/' + year + '/dashboard').catch(() => ({ plans: [] })),
    dep + year);
  const plans = now.data?.plans ?? [];
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
        e('tbody', null, data.changes.map(change => {
          const said = inWords(change, plans);
          return e('tr', { 'data-test': 'change-row', title: change.path },
            e('td', null, said.where), e('td', { class: said.numeric ? 'num' : '' }, said.before),
            e('td', { class: said.numeric ? 'num' : '' }, said.after));
        }))),
      e('h3', null, t('changes.events')),
      e('table', { tabindex: 0, 'data-test': 'changes-events' },
        e('thead', null, e('tr', null, ['log.time', 'log.event', 'log.content', 'log.actor', 'log.correlation']
          .map(key => e('th', null, t(key))))),
        e('tbody', null, data.events.map(event => e('tr', { 'data-test': 'change-event' },
          e('td', null, businessTime(event.recordedAt)),
          e('td', null, t('event.' + event.type) !== 'event.' + event.type ? t('event.' + event.type) : event.title),
          e('td', null, event.description), e('td', null, event.actor),
          e('td', { class: 'muted', title: event.correlationId }, (event.correlationId ?? '').slice(0, 8)))))))));
}


const MONEY = ['initialBudget', 'adjustedBudget', 'received', 'executed'];
const RATES = ['executionRate', 'completion', 'deviationRate', 'yearElapsed', 'lag'];

/** The parts of a change's path: plans[GSXZ/PROJECT].indicators[ZLJS.03].latestActual → named segments with keys. */
function segments(path) {
  const found = [];
  const part = /([A-Za-z]+)(?:\[([^\]]*)\])?\.?/g;
  let match;
  while ((match = part.exec(path)) && match[0]) {
    found.push({ name: match[1], key: match[2] });
  }
  return found;
}

/**
 * A change in business words: where (the plan and indicator by name, the figure by its label) and the values as the
 * pages show them (预算调整后 6,352.76 → 6,273.65 万元; an open item in words).
 */
export function inWords(change, plans) {
  const parts = segments(change.path);
  const where = [];
  let plan = null;
  let field = parts.length ? parts[parts.length - 1] : { name: change.path };
  let item = false;
  for (const part of parts) {
    if (part.name === 'plans' && part.key) {
      const key = part.key.split('/')[0];
      plan = plans.find(p => p.plan === key) ?? { plan: key, indicators: [] };
      where.push(plan.name ?? (key === 'department' ? t('dept.departmentWide') : key));
    } else if (part.name === 'indicators' && part.key) {
      const indicator = plan?.indicators?.find(i => i.code === part.key);
      where.push(part.key + (indicator ? ' ' + indicator.name : ''));
    } else if (part.name === 'openItems') {
      item = true;
      where.push(t('plan.openItems'));
    }
  }
  if (!item && field.name !== 'plans' && field.name !== 'indicators') {
    const key = 'field.' + field.name;
    where.push(t(key) !== key ? t(key) : field.name);
  }
  const show = value => {
    if (value === null || value === undefined) return '—';
    if (item && typeof value === 'object') return openItem(value, plan ?? { indicators: [] });
    if (typeof value === 'object') return Object.entries(value).map(([k, v]) => (t('field.' + k) !== 'field.' + k ? t('field.' + k) : k) + ' ' + v).join('，');
    if (MONEY.includes(field.name)) return money(value) + ' ' + t('budget.unit');
    if (RATES.includes(field.name)) return pct(value);
    if (field.name === 'score') return score(value);
    if (field.name === 'grade') return gradeLabel(value);
    if (field.name === 'phase') return label('phase', value);
    if (field.name === 'status') return label('status', value);
    return String(value);
  };
  return { where: where.join(' · '), before: show(change.before), after: show(change.after),
    numeric: MONEY.includes(field.name) || RATES.includes(field.name) || field.name === 'score' };
}
