// 待办: what waits on the reader's role in a year. District finance sees what to review (targets, target adjustments,
// self-evaluations) and publish; a department's editor sees what to draft or rework, with finance's reason.
import { h } from 'preact';
import { t, label } from '../i18n.js';
import * as api from '../api.js';
import { go, href } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { base } from '../lib/session.js';
import { businessTime } from '../lib/format.js';
import { YearPicker } from '../components/controls.js';

const e = h;

export function Work({ year }) {
  const [state] = useLoad(() => api.read(base() + '/years/' + year + '/work'), 'work' + year);
  const mine = task => api.can(task.role);
  return e('div', null,
    e('h2', null, t('work.title', { year })),
    e('div', { class: 'toolbar' },
      e(YearPicker, { year, onPick: y => go('/work/' + y) }),
      api.can('DISTRICT_FINANCE') && e('a', { href: href('calendar', year), 'data-test': 'calendar-link' }, t('nav.calendar')),
      api.can('DISTRICT_FINANCE') && e('a', { href: '#/departments', 'data-test': 'departments-link' }, t('nav.departments'))),
    e(Loading, { state }, tasks => {
      const shown = tasks.filter(mine);
      const others = tasks.filter(task => !mine(task));
      return e('div', null,
        shown.length === 0 ? e('p', { class: 'muted', 'data-test': 'work-empty' }, t('work.empty'))
          : e(TaskTable, { tasks: shown, year, test: 'work' }),
        others.length > 0 && e('details', null, e('summary', null, t('work.others', { count: others.length })),
          e(TaskTable, { tasks: others, year, test: 'work-others' })));
    }));
}

function TaskTable({ tasks, year, test }) {
  return e('table', { tabindex: 0, 'data-test': test },
    e('thead', null, e('tr', null, ['col.department', 'col.name', 'work.task', 'work.detail', 'work.since']
      .map(key => e('th', { scope: 'col' }, t(key))))),
    e('tbody', null, tasks.map(task => e('tr', { 'data-test': 'task-' + task.task },
      e('td', null, task.departmentName ?? task.department),
      e('td', null, e('a', { href: href('plan', task.department, year, task.plan), 'data-test': 'task-link' },
        task.name ?? t('dept.departmentWide'))),
      e('td', null, label('task', task.task) + (task.number ? ' ' + t('adjustment.numbered', { number: task.number }) : '')),
      e('td', null, task.task === 'decide-target-adjustment'
        ? t('work.adjustmentDetail', { indicator: task.indicator, target: task.detail, reason: task.note ?? '' })
        : ['answer-warning', 'rectify', 'close-rectification'].includes(task.task)
          ? t('work.warningDetail', { text: task.note, due: task.detail })
        : task.task === 'accept-evaluation'
          ? t('work.evaluationDetail', { type: label('evaluationType', task.note), evaluator: task.by, due: task.detail })
        : task.note ? t('work.note', { note: task.note }) : e('span', { class: 'muted' }, label('phase', task.phase))),
      e('td', null, businessTime(task.since))))));
}
