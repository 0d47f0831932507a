// 绩效运行监控 (双监控): for each round of district finance's calendar, the department reports where each indicator and
// the budget stand, the deviations and what it does about them.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { useLoad } from '../../lib/load.js';
import { base } from '../../lib/session.js';
import { businessTime, dayInYear, money } from '../../lib/format.js';
import { Notice, useSaved } from '../../components/controls.js';
import { Form } from '../../components/form.js';
import { orNull } from '../../components/plan-forms.js';
import { kindCheck } from '../../components/reading.js';

const e = h;

export function MonitoringSection({ plan, path, year, editor, reload }) {
  const [calendar] = useLoad(() => api.read(base() + '/years/' + year + '/reporting-calendar').catch(() => null), 'calendar' + year);
  const [open, setOpen] = useState(false);
  const [notice, saved] = useSaved();
  const reports = plan.monitoringReports;
  const periods = (calendar.data?.monitoring ?? []).filter(period => !reports.some(report => report.period === period.period));
  const reporting = editor && plan.phase.code === 'IN_EXECUTION';
  if (!reports.length && !reporting) return null;
  const indicators = plan.goals.flatMap(goal => goal.indicators);
  const done = async receipt => {
    setOpen(false);
    await saved(path, receipt, reload);
  };
  return e('section', { class: 'card', 'data-test': 'monitoring-section' },
    e('h3', null, t('section.monitoring')),
    reports.length === 0 && e('p', { class: 'muted' }, t('monitoring.none')),
    reports.map(report => e('div', { class: 'report', 'data-test': 'monitoring-report' },
      e('p', null, e('b', null, t('monitoring.period', { period: report.period })), ' · ', t('monitoring.asOf', { date: report.as_of }),
        ' · ', t('budget.executed') + ' ' + money(report.executed) + ' / ' + money(report.budget),
        e('span', { class: 'muted' }, ' · ' + report.submitted_by + ' ' + businessTime(report.submitted_at))),
      e('table', { tabindex: 0 },
        e('thead', null, e('tr', null, ['ind.name', 'monitoring.latest', 'monitoring.deviation', 'monitoring.measure']
          .map(key => e('th', { scope: 'col' }, t(key))))),
        e('tbody', null, (report.indicators ?? []).map(line => e('tr', null,
          e('td', null, line.indicator + ' ' + (indicators.find(i => i.code === line.indicator)?.name ?? '')),
          e('td', null, line.latestActual ?? '—'), e('td', null, line.deviation ?? ''), e('td', null, line.correctiveMeasure ?? ''))))),
      report.deviations && e('p', null, e('b', null, t('monitoring.deviations') + '：'), report.deviations),
      report.corrective_measures && e('p', null, e('b', null, t('monitoring.measures') + '：'), report.corrective_measures))),
    reporting && (periods.length === 0
      ? e('p', { class: 'muted', 'data-test': 'no-period' }, calendar.data ? t('monitoring.allDone') : t('monitoring.noCalendar'))
      : !open && e('button', { type: 'button', 'data-test': 'submit-monitoring', onClick: () => setOpen(true) }, t('action.monitoring'))),
    e(Notice, { notice }),
    open && e(Form, { test: 'monitoring-form', title: t('action.monitoring'), onDone: done, onCancel: () => setOpen(false),
      fields: [
        { name: 'period', label: t('monitoring.round'), required: true, initial: periods[0]?.period ?? '',
          options: periods.map(period => [period.period, (period.label ?? period.period) + '（' + t('due.due') + ' ' + period.due + '）']) },
        { name: 'asOf', label: t('monitoring.asOfLabel'), type: 'date', required: true, initial: dayInYear(year),
          min: year + '-01-01', maxValue: year + '-12-31' },
        ...indicators.flatMap((indicator, i) => [
          { name: 'latest:' + indicator.code, label: indicator.name + ' · ' + t('monitoring.latest') + '（' + t('ind.target') + ' ' + indicator.target.text + '）',
            initial: indicator.latest?.actual?.text ?? '', max: 200, apiNames: ['indicators[' + i + '].latestActual'],
            check: value => kindCheck(value, indicator.target.text) },
          { name: 'deviation:' + indicator.code, label: indicator.name + ' · ' + t('monitoring.deviation'), max: 2000,
            apiNames: ['indicators[' + i + '].deviation'] },
          { name: 'measure:' + indicator.code, label: indicator.name + ' · ' + t('monitoring.measure'), max: 2000,
            apiNames: ['indicators[' + i + '].correctiveMeasure'] },
        ]),
        { name: 'deviations', label: t('monitoring.deviations'), long: true, max: 5000 },
        { name: 'correctiveMeasures', label: t('monitoring.measures'), long: true, max: 5000 },
      ],
      submit: values => api.send('POST', path + '/monitoring-reports', {
        period: values.period, asOf: values.asOf,
        indicators: indicators.map(indicator => ({ indicator: indicator.code,
          latestActual: orNull(values['latest:' + indicator.code]), deviation: orNull(values['deviation:' + indicator.code]),
          correctiveMeasure: orNull(values['measure:' + indicator.code]) })),
        deviations: orNull(values.deviations), correctiveMeasures: orNull(values.correctiveMeasures),
      }) }));
}
