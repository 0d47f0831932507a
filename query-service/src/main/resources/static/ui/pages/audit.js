// The auditor's pages: the event log in words, and the hash chain's verification and daily heads.
import { h } from 'preact';
import { t, label } from '../i18n.js';
import * as api from '../api.js';
import { go, href, withParam } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { base, departmentPath, useDepartmentNames } from '../lib/session.js';
import { businessTime, money, pct, score, text } from '../lib/format.js';
import { useEffect, useState } from 'preact/hooks';
import { DownloadButton } from '../components/controls.js';

const e = h;

export function EventLogPage({ query }) {
  const names = useDepartmentNames();
  const department = query.get('department') ?? '';
  const year = query.get('year') ?? '';
  const plan = query.get('plan') ?? '';
  const [pages, setPages] = useState([]);
  const [state, setState] = useState({ loading: true });
  const filter = () => {
    const params = new URLSearchParams({ size: 100 });
    if (department) params.set('department', department);
    if (year) params.set('year', year);
    if (plan) params.set('plan', plan);
    return params;
  };
  const load = async after => {
    const params = filter();
    if (after) params.set('after', after);
    try {
      const page = await api.readRecord(base() + '/event-log?' + params);
      setPages(previous => (after ? [...previous, page] : [page]));
      setState({});
    } catch (error) {
      setState({ error });
    }
  };
  useEffect(() => {
    setState({ loading: true });
    setPages([]);
    load(null);
  }, [department, year, plan]);
  const set = (key, value) => {
    const next = new URLSearchParams(query);
    if (value) next.set(key, value); else next.delete(key);
    if (key !== 'plan' && !next.get('year')) next.delete('plan');
    go('/audit/log', next);
  };
  const items = pages.flatMap(page => page.items);
  const next = pages.length ? pages[pages.length - 1].next : null;
  return e('div', null,
    e('h2', null, t('log.title')),
    e('div', { class: 'toolbar' },
      e('label', null, t('col.department') + ' ', e('select', { value: department, 'data-test': 'log-department',
        onChange: ev => set('department', ev.target.value) },
        e('option', { value: '' }, t('overview.all')),
        Object.entries(names).map(([code, name]) => e('option', { value: code }, name)))),
      e('label', null, t('year') + ' ', e('input', { value: year, size: 6, 'data-test': 'log-year',
        onChange: ev => set('year', ev.target.value.trim()) })),
      department && /^\d{4}$/.test(year) && e(PlanPicker, { department, year, plan, onPick: value => set('plan', value) }),
      (api.can('AUDITOR') || api.can('DISTRICT_FINANCE')) && e(DownloadButton, { record: true,
        path: base() + '/event-log.jsonl' + (/^\d{4}$/.test(year) ? '?year=' + year : ''), text: t('log.export'),
        test: 'log-export' })),
    e(Loading, { state }, () => e('div', null,
      e('table', { tabindex: 0, 'data-test': 'event-log' },
        e('thead', null, e('tr', null, ['log.position', 'log.time', 'log.event', 'log.content', 'log.actor',
          'log.correlation', 'log.hash'].map(key => e('th', null, t(key))))),
        e('tbody', null, items.map(item => e('tr', { 'data-test': 'log-row' },
          e('td', { class: 'num' }, item.position), e('td', null, businessTime(item.recordedAt)),
          e('td', null, item.title), e('td', null, item.description),
          e('td', null, item.actor, e('br'), e('span', { class: 'muted' },
            (item.role ?? '').split(',').filter(Boolean).map(role => label('role', role)).join('、'))),
          e('td', { class: 'muted', title: item.correlationId }, (item.correlationId ?? '').slice(0, 8)),
          e('td', { class: 'muted', title: item.hash }, item.hash.slice(0, 12)))))),
      e('div', { class: 'toolbar' },
        e('span', { class: 'muted' }, t('log.shown', { count: items.length })),
        next && e('button', { onClick: () => load(next), 'data-test': 'log-more' }, t('log.more'))))));
}

/** A plan picked by its name among a department's plans of a year. */
function PlanPicker({ department, year, plan, onPick }) {
  const [projects] = useLoad(() => api.read(departmentPath(department) + '/years/' + year + '/projects').catch(() => []),
    department + year);
  return e('label', null, t('log.plan') + ' ', e('select', { value: plan, 'data-test': 'log-plan', onChange: ev => onPick(ev.target.value) },
    e('option', { value: '' }, t('overview.all')),
    e('option', { value: 'department' }, t('dept.departmentWide')),
    (projects.data ?? []).map(project => e('option', { value: project.project }, project.name + '（' + project.project + '）'))));
}

export function ChainPage() {
  const [heads] = useLoad(() => api.readRecord(base() + '/event-chain/heads'), district());
  const [verification, setVerification] = useState(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setVerification(null);
    try {
      setVerification(await api.readRecord(base() + '/event-chain/verification'));
    } catch (error) {
      setVerification({ error });
    } finally {
      setBusy(false);
    }
  };
  const broken = verification?.firstBreak;
  return e('div', null,
    e('h2', null, t('chain.title')),
    e('p', { class: 'muted' }, t('chain.help')),
    e('div', { class: 'toolbar' },
      e('button', { class: 'primary', onClick: verify, disabled: busy, 'data-test': 'chain-verify' },
        busy ? t('chain.verifying') : t('chain.verify'))),
    verification?.error && e('p', { class: 'badge' }, verification.error.message),
    verification && !verification.error && e('div', { class: 'notice' + (verification.intact ? '' : ' busy'),
      'data-test': 'chain-result' },
      verification.intact ? t('chain.intact', { links: verification.links, head: verification.headHash ?? '—' })
        : t('chain.broken', { position: broken.position, problem: label('problem', broken.problem),
          event: broken.eventIdentifier ?? broken.globalIndex ?? '—', detail: broken.detail })),
    e('h3', null, t('chain.heads')),
    e(Loading, { state: heads }, rows => e('table', { tabindex: 0, 'data-test': 'chain-heads' },
      e('thead', null, e('tr', null, e('th', null, t('chain.day')), e('th', { class: 'num' }, t('log.position')),
        e('th', null, t('log.hash')))),
      e('tbody', null, rows.map(row => e('tr', null, e('td', null, row.day), e('td', { class: 'num' }, row.position),
        e('td', { style: { fontFamily: 'monospace' } }, row.hash)))))));
}

