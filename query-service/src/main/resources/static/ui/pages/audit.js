// The auditor's pages: the event log in words, and the hash chain's verification and daily heads.
import { h } from 'preact';
import { t, label } from '../i18n.js';
import * as api from '../api.js';
import { go } from '../lib/route.js';
import { Loading, useLoad } from '../lib/load.js';
import { base, departmentPath, district, useDepartmentNames } from '../lib/session.js';
import { businessTime } from '../lib/format.js';
import { useEffect, useState } from 'preact/hooks';
import { DownloadButton } from '../components/controls.js';

const e = h;

/** The event types an auditor filters by, in the order of a year. */
const EVENT_TYPES = ['DistrictRegistered', 'DepartmentRegistered', 'ProjectRegistered', 'DepartmentPlanStarted',
  'BudgetOpened', 'BudgetLinesSet', 'GoalAdded', 'IndicatorTargetSet', 'TargetsSubmitted', 'TargetsReturned',
  'TargetsApproved', 'ReportingCalendarSet', 'ScoringSchemeSet', 'BudgetAdjusted', 'BudgetAdjustmentNoted', 'FundsReceived',
  'ExpenditureRecorded', 'ExpenditureCorrected', 'CompletionRecorded', 'IndicatorAddedAtSelfEvaluation',
  'MonitoringReportSubmitted',
  'TargetAdjustmentRequested', 'TargetAdjustmentApproved', 'TargetAdjustmentRejected', 'YearClosed',
  'SelfEvaluationSubmitted', 'SelfEvaluationReturned', 'SelfEvaluationAccepted', 'SelfEvaluationPublished'];

/** An event's name in the reader's language; the log's own where the type is new to this page. */
const eventTitle = item => (t('event.' + item.type) !== 'event.' + item.type ? t('event.' + item.type) : item.title);

export function EventLogPage({ query }) {
  const names = useDepartmentNames();
  const department = query.get('department') ?? '';
  const year = query.get('year') ?? '';
  const plan = query.get('plan') ?? '';
  const order = query.get('order') ?? 'chain';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const type = query.get('type') ?? '';
  const [pages, setPages] = useState([]);
  const [state, setState] = useState({ loading: true });
  const filter = () => {
    const params = new URLSearchParams({ size: 100 });
    if (department) params.set('department', department);
    if (year) params.set('year', year);
    if (plan) params.set('plan', plan);
    if (order === 'newest') params.set('order', 'newest');
    if (from) params.set('from', from);
    if (to) params.set('to', to);
    if (type) params.set('type', type);
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
  }, [department, year, plan, order, from, to, type]);
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
      e('label', null, t('year') + ' ', e('input', { value: year, size: 6, inputmode: 'numeric', 'data-test': 'log-year',
        onChange: ev => set('year', ev.target.value.trim()) })),
      department && /^\d{4}$/.test(year) && e(PlanPicker, { department, year, plan, onPick: value => set('plan', value) }),
      e('label', null, t('log.type') + ' ', e('select', { value: type, 'data-test': 'log-type',
        onChange: ev => set('type', ev.target.value) },
        e('option', { value: '' }, t('overview.all')),
        EVENT_TYPES.map(name => e('option', { value: name }, t('event.' + name))))),
      e('label', null, t('log.from') + ' ', e('input', { type: 'date', value: from, 'data-test': 'log-from',
        onChange: ev => set('from', ev.target.value) })),
      e('label', null, t('log.to') + ' ', e('input', { type: 'date', value: to, 'data-test': 'log-to',
        onChange: ev => set('to', ev.target.value) })),
      e('label', null, t('log.order') + ' ', e('select', { value: order, 'data-test': 'log-order',
        onChange: ev => set('order', ev.target.value === 'chain' ? '' : ev.target.value) },
        e('option', { value: 'chain' }, t('log.oldestFirst')), e('option', { value: 'newest' }, t('log.newestFirst')))),
      (api.can('AUDITOR') || api.can('DISTRICT_FINANCE')) && e(DownloadButton, { record: true,
        path: base() + '/event-log.jsonl' + (/^\d{4}$/.test(year) ? '?year=' + year : ''), text: t('log.export'),
        test: 'log-export' })),
    e(Loading, { state }, () => e('div', null,
      e('table', { tabindex: 0, 'data-test': 'event-log' },
        e('thead', null, e('tr', null, ['log.position', 'log.time', 'log.event', 'log.content', 'log.actor',
          'log.correlation', 'log.hash'].map(key => e('th', { scope: 'col' }, t(key))))),
        e('tbody', null, items.map(item => e('tr', { 'data-test': 'log-row' },
          e('td', { class: 'num' }, item.position), e('td', null, businessTime(item.recordedAt)),
          e('td', null, eventTitle(item)), e('td', { lang: 'zh-CN' }, item.description),
          e('td', null, item.actor, e('br'), e('span', { class: 'muted' },
            (item.role ?? '').split(',').filter(Boolean).map(role => label('role', role)).join('、'))),
          e('td', { class: 'muted', title: item.correlationId }, (item.correlationId ?? '').slice(0, 8)),
          e('td', { class: 'muted', title: item.hash }, item.hash.slice(0, 12)))))),
      items.length === 0 && e('p', { class: 'muted', 'data-test': 'log-empty' }, t('log.empty')),
      e('div', { class: 'toolbar' },
        e('span', { class: 'muted' }, t('log.shown', { count: items.length })),
        next && e('button', { type: 'button', onClick: () => load(next), 'data-test': 'log-more' }, t('log.more'))))));
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
  const [saved, setSaved] = useState({ day: '', hash: '' });
  const [compared, setCompared] = useState(null);
  const compare = event => {
    event.preventDefault();
    const row = (heads.data ?? []).find(head => head.day === saved.day);
    setCompared(!row ? 'unknown' : row.hash.toLowerCase() === saved.hash.trim().toLowerCase() ? 'same' : 'differs');
  };
  return e('div', null,
    e('h2', null, t('chain.title')),
    e('p', { class: 'muted' }, t('chain.help')),
    e('div', { class: 'toolbar' },
      e('button', { type: 'button', class: 'primary', onClick: verify, disabled: busy, 'data-test': 'chain-verify' },
        busy ? t('chain.verifying') : t('chain.verify'))),
    verification?.error && e('p', { class: 'badge' }, verification.error.message),
    verification && !verification.error && e('div', { class: 'notice' + (verification.intact ? '' : ' busy'),
      'data-test': 'chain-result' },
      verification.intact ? t('chain.intact', { links: verification.links, head: verification.headHash ?? '—' })
        : t('chain.broken', { position: broken.position, problem: label('problem', broken.problem),
          event: broken.eventIdentifier ?? broken.globalIndex ?? '—', detail: broken.detail })),
    e('h3', null, t('chain.compare')),
    e('form', { class: 'inline', onSubmit: compare, 'data-test': 'compare-form' },
      e('div', { class: 'field' }, e('label', { for: 'saved-day' }, t('chain.day')),
        e('input', { id: 'saved-day', type: 'date', value: saved.day, required: true, 'data-test': 'saved-day',
          onInput: ev => setSaved({ ...saved, day: ev.target.value }) })),
      e('div', { class: 'field wide' }, e('label', { for: 'saved-hash' }, t('chain.savedHash')),
        e('input', { id: 'saved-hash', value: saved.hash, required: true, maxlength: 64, 'data-test': 'saved-hash',
          onInput: ev => setSaved({ ...saved, hash: ev.target.value }) })),
      e('div', { class: 'buttons' }, e('button', { type: 'submit', class: 'primary', 'data-test': 'compare' }, t('chain.compareButton')))),
    compared && e('div', { class: 'notice' + (compared === 'same' ? '' : ' warn'), role: 'status', 'data-test': 'compare-result' },
      t('chain.compare.' + compared, { day: saved.day })),
    e('h3', null, t('chain.heads')),
    e(Loading, { state: heads }, rows => e('table', { tabindex: 0, 'data-test': 'chain-heads' },
      e('thead', null, e('tr', null, e('th', { scope: 'col' }, t('chain.day')), e('th', { scope: 'col', class: 'num' }, t('log.position')),
        e('th', { scope: 'col' }, t('log.hash')))),
      e('tbody', null, rows.map(row => e('tr', null, e('td', null, row.day), e('td', { class: 'num' }, row.position),
        e('td', { style: { fontFamily: 'monospace' } }, row.hash)))))));
}

