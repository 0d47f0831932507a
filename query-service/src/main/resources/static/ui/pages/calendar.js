// District finance's reporting calendar for a year: the monitoring rounds (双监控) with their due dates, the
// self-evaluation's due date and the deviation margin beyond which a 偏差原因 is required.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { go } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { base } from '../lib/session.js';
import { Notice, YearPicker, useSaved } from '../components/controls.js';
import { Form } from '../components/form.js';

const e = h;
const PERIOD = /^[A-Za-z0-9._-]{1,30}$/;

export function CalendarPage({ year }) {
  const [state, reload] = useLoad(() => api.read(base() + '/years/' + year + '/reporting-calendar')
    .catch(error => (error.status === 404 ? null : Promise.reject(error))), 'calendar' + year);
  const [editing, setEditing] = useState(false);
  const [notice, saved] = useSaved();
  const finance = api.can('DISTRICT_FINANCE');
  return e('div', null,
    e('h2', null, t('calendar.title', { year })),
    e('div', { class: 'toolbar' }, e(YearPicker, { year, onPick: y => go('/calendar/' + y) })),
    e(Loading, { state }, calendar => e('section', { class: 'card', 'data-test': 'calendar' },
      !calendar ? e('p', { class: 'muted', 'data-test': 'calendar-none' }, t('due.none')) : e('div', null,
        e('table', { tabindex: 0, 'data-test': 'calendar-rounds' },
          e('thead', null, e('tr', null, ['calendar.period', 'calendar.label', 'due.due'].map(key => e('th', { scope: 'col' }, t(key))))),
          e('tbody', null, calendar.monitoring.map(round => e('tr', null, e('td', null, round.period),
            e('td', null, round.label ?? ''), e('td', null, round.due))))),
        e('p', null, t('calendar.selfEvaluationDue') + '：' + calendar.selfEvaluationDue + ' · ' + t('calendar.margin') + '：'
          + calendar.deviationMargin + '%')),
      e(Notice, { notice }),
      finance && !editing && e('button', { type: 'button', class: 'primary', 'data-test': 'edit-calendar', onClick: () => setEditing(true) },
        calendar ? t('calendar.change') : t('calendar.set')),
      editing && e(Form, { test: 'calendar-form', title: t('calendar.set'), onCancel: () => setEditing(false),
        onDone: async answer => {
          setEditing(false);
          await saved(null, null, async () => {
            await api.until(() => api.read(base() + '/years/' + year + '/reporting-calendar'), now =>
              now.selfEvaluationDue === answer.selfEvaluationDue && JSON.stringify(now.monitoring.map(m => m.period + m.due))
                === JSON.stringify(answer.monitoring.map(m => m.period + m.due)));
            reload();
          });
        },
        fields: [
          { name: 'rounds', label: t('calendar.rounds'), long: true, rows: 4, max: 2000, apiPrefix: 'monitoring',
            initial: (calendar?.monitoring ?? [{ period: 'H1', label: '1-6月', due: year + '-07-31' }])
              .map(round => [round.period, round.label ?? '', round.due].join(' ')).join('\n'),
            help: t('calendar.roundsHelp'), check: value => {
              const bad = rows(value).find(row => !row.ok);
              return bad ? t('calendar.roundBad', { line: bad.line }) : null;
            } },
          { name: 'selfEvaluationDue', label: t('calendar.selfEvaluationDue'), type: 'date', required: true,
            initial: calendar?.selfEvaluationDue ?? (Number(year) + 1) + '-03-31' },
          { name: 'deviationMargin', label: t('calendar.margin') + '（%）', initial: calendar?.deviationMargin ?? '10',
            check: value => (/^\d{1,2}(\.\d{1,2})?$|^100$/.test(value.trim()) ? null : t('rule.calendar.deviation-margin')) },
        ],
        submit: values => api.send('PUT', base() + '/years/' + year + '/reporting-calendar', {
          monitoring: rows(values.rounds).map(row => ({ period: row.period, label: row.label || null, due: row.due })),
          selfEvaluationDue: values.selfEvaluationDue, deviationMargin: values.deviationMargin.trim() || null,
        }) }))));
}

/** "H1 1-6月 2020-07-31" per line: a round's code, its label (optional) and due date. */
function rows(text) {
  return text.split('\n').map((row, i) => ({ row: row.trim(), line: i + 1 })).filter(({ row }) => row).map(({ row, line }) => {
    const parts = row.split(/\s+/);
    const period = parts[0];
    const due = parts[parts.length - 1];
    const label = parts.slice(1, -1).join(' ');
    return { period, label, due, line, ok: parts.length >= 2 && PERIOD.test(period) && /^\d{4}-\d{2}-\d{2}$/.test(due) };
  });
}
