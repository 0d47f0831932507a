// District finance's thresholds of the year's monitoring lights (预警阈值): how many percentage points behind time a
// plan's spending or an indicator's progress may be before it shows 黄灯 or 红灯.
import { h } from 'preact';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { Loading, useLoad } from '../lib/load.js';
import { base } from '../lib/session.js';
import { businessTime } from '../lib/format.js';
import { Light, Notice, useSaved } from '../components/controls.js';
import { Form, POINTS } from '../components/form.js';

const e = h;

export function ThresholdsCard({ year }) {
  const path = base() + '/years/' + year + '/monitoring-thresholds';
  const [state, reload] = useLoad(() => api.read(path), path);
  const [notice, saved] = useSaved();
  const points = value => (POINTS.test(value.trim()) && Number(value) <= 100 ? null : t('rule.thresholds.points'));
  return e(Loading, { state }, current => e('section', { class: 'card', 'data-test': 'thresholds' },
    e('h3', null, t('thresholds.title') + ' · ' + (current.version > 0
      ? t('thresholds.inForce', { version: current.version }) : t('thresholds.default'))),
    e('p', { 'data-test': 'thresholds-rule' }, e(Light, { light: 'YELLOW' }), ' ',
      t('thresholds.yellow', { points: current.yellow }), ' ', e(Light, { light: 'RED' }), ' ',
      t('thresholds.red', { points: current.red })),
    e('p', { class: 'muted' }, t('thresholds.explain')),
    current.source && e('p', null, e('b', null, t('thresholds.source') + '：'), current.source),
    current.versions.length > 0 && e('ul', null, current.versions.map(v => e('li', null,
      t('schemes.version', { version: v.version }) + ' · ' + v.yellow + ' / ' + v.red + ' · ' + v.setBy + ' · '
        + businessTime(v.setAt)))),
    api.can('DISTRICT_FINANCE') && e(Form, { key: path + current.version, test: 'thresholds-form',
      title: t('thresholds.set'), submitText: t('thresholds.set'),
      fields: [
        { name: 'yellow', label: t('thresholds.yellowField'), required: true, initial: String(current.yellow), check: points },
        { name: 'red', label: t('thresholds.redField'), required: true, initial: String(current.red), check: points },
        { name: 'source', label: t('thresholds.source'), initial: current.source ?? '', long: true, max: 500 },
      ],
      submit: values => api.send('PUT', path, { yellow: values.yellow.trim(), red: values.red.trim(),
        source: values.source.trim() || null }),
      onDone: answer => saved(null, null, async () => {
        await api.until(() => api.read(path), now => now.version >= answer.version);
        reload();
      }) }),
    e(Notice, { notice })));
}
