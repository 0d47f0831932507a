// A department's budget adjustments of a year (预算调整轨迹): each step with its reason, 文号 and who made it.
import { h } from 'preact';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { Loading, useLoad } from '../lib/load.js';
import { base, termLabel, useDepartmentNames } from '../lib/session.js';
import { money } from '../lib/format.js';

const e = h;

export function Trail({ dep, year }) {
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
          e('td', null, step.name ?? t('dept.departmentWide')), e('td', null, termLabel('adjustmentKind', step.kind)),
          e('td', { class: 'num' }, money(step.amount)), e('td', { class: 'num' }, money(step.from)), e('td', { class: 'num' }, money(step.to)),
          e('td', null, step.reason), e('td', null, step.documentNumber), e('td', null, step.date ?? t('trail.dateNotStated')),
          e('td', null, step.actor)))))));
}

