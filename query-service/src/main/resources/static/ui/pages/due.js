// What is due in a year by district finance's calendar: monitoring rounds and the self-evaluation, done, open or late.
import { h } from 'preact';
import { t, label } from '../i18n.js';
import * as api from '../api.js';
import { go, href } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { base, useDepartmentNames } from '../lib/session.js';
import { YearPicker } from '../components/controls.js';

const e = h;

export function Due({ year, query }) {
  const lateOnly = query.get('late') === '1';
  const [state] = useLoad(() => api.read(base() + '/years/' + year + '/due'), year);
  const names = useDepartmentNames();
  const what = item => (item === 'self-evaluation' ? t('due.selfEvaluation')
    : item.startsWith('monitoring ') ? t('due.monitoring', { period: item.slice('monitoring '.length) })
      : item.startsWith('warning ') ? t('due.warning', { number: item.slice('warning '.length) })
        : item.startsWith('rectification ') ? t('due.rectification', { number: item.slice('rectification '.length) }) : item);
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
            e('td', null, e('a', { href: href('plan', item.department, year, item.plan ?? 'department') },
              item.name ?? t('dept.departmentWide'))),
            e('td', null, what(item.item)), e('td', null, item.due),
            e('td', null, e('span', { class: item.status === 'done' ? 'badge ok' : item.status === 'late' ? 'badge' : '' },
              label('due', item.status)))))));
      }));
}

