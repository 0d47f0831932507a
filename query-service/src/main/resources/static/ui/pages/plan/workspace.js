// One plan's own page: everything done on it over the year, and what the reader's role may do next. District finance
// reviews (targets, target adjustments, the self-evaluation), adjusts the budget and closes the year; the department's
// editor drafts, records and reports. Nothing a role may not do is offered.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t, label } from '../../i18n.js';
import * as api from '../../api.js';
import { href } from '../../lib/route.js';
import { Loading, useLoad } from '../../lib/load.js';
import { departmentPath, evaluatorOnly, planPath, termLabel, useDepartmentNames } from '../../lib/session.js';
import { DownloadButton, Notice, useSaved } from '../../components/controls.js';
import { DecisionForm, Form } from '../../components/form.js';
import { BudgetSection } from './budget.js';
import { StaffingSection } from './staffing.js';
import { SubProjectsSection } from './subprojects.js';
import { AssessmentSection } from './assessment.js';
import { WarningsSection } from './warnings.js';
import { ResultsSection } from './results.js';
import { RectificationsSection } from './rectifications.js';
import { ExternalEvaluationsSection } from './external.js';
import { TargetsSection } from './targets.js';
import { AdjustmentsSection } from './adjustments.js';
import { MonitoringSection } from './monitoring.js';
import { EvaluationSection } from './evaluation.js';

const e = h;

/** A department-wide plan nobody has begun yet: it begins with its first budget, goal or target. */
const unstarted = (dep, year) => ({ department: dep, year: Number(year), project: null, kind: 'DEPARTMENT', name: null,
  phase: { code: 'DRAFTING' }, targetsReview: null, profile: null, goals: [], targetAdjustments: [], monitoringReports: [],
  selfEvaluations: [], version: 0, unstarted: true,
  budget: { opened: false, sources: [], classes: [], movements: [], lines: [], flags: [] } });

export function PlanWorkspace({ dep, year, planKey }) {
  const path = planPath(dep, year, planKey);
  const me = api.claims();
  const editor = api.can('DEPARTMENT_EDITOR') && me?.department === dep;
  const finance = api.can('DISTRICT_FINANCE');
  const [state, reload] = useLoad(() => api.read(path).catch(error => {
    if (error.status === 404 && planKey === 'department' && editor) return unstarted(dep, year);
    throw error;
  }), path);
  const [dashboard, reloadDashboard] = useLoad(() => api.read(departmentPath(dep) + '/years/' + year + '/dashboard')
    .then(data => data.plans.find(plan => plan.plan === planKey) ?? null).catch(() => null), path + '/dashboard');
  const names = useDepartmentNames();
  const refresh = () => { reload(); reloadDashboard(); };
  return e(Loading, { state }, plan => {
    const phase = plan.phase.code;
    const props = { plan, path, dep, year, editor, finance, reload: refresh, card: dashboard.data };
    return e('div', { 'data-test': 'plan-page' },
      // an evaluator reads this plan only, not its department's page
      e('p', { class: 'muted' }, evaluatorOnly() ? (names[dep] ?? dep) + ' · ' + year
        : e('a', { href: href('dept', dep, year) }, (names[dep] ?? dep) + ' · ' + year)),
      e('h2', { 'data-test': 'plan-title' }, (plan.name ?? t('dept.departmentWide')) + ' ',
        e('span', { class: 'badge ok', 'data-test': 'plan-phase' }, label('phase', phase))),
      plan.profile && e('p', { class: 'muted', 'data-test': 'plan-profile' }, [
        plan.profile.category ? termLabel('projectCategory', plan.profile.category) : t('project.categoryNotStated'),
        plan.profile.attribute ? termLabel('projectAttribute', plan.profile.attribute) : t('project.attributeNotStated'),
        plan.profile.types?.length ? plan.profile.types.map(type => termLabel('projectType', type)).join('、')
          : t('project.typeNotStated')].join(' · ')
        + (plan.profile.implementingUnits?.length ? ' · ' + t('project.units') + '：' + plan.profile.implementingUnits.join('、') : '')),
      plan.targetsReview?.decision === 'returned' && phase === 'DRAFTING' && e('div', { class: 'notice warn', role: 'note',
        'data-test': 'returned-note' }, t('review.targetsReturned', { note: plan.targetsReview.note ?? '—' })),
      e(PhaseActions, props),
      e(StaffingSection, props),
      e(SubProjectsSection, props),
      e(AssessmentSection, props),
      e(BudgetSection, props),
      e(TargetsSection, props),
      !plan.unstarted && e(AdjustmentsSection, props),
      !plan.unstarted && e(WarningsSection, props),
      !plan.unstarted && e(MonitoringSection, props),
      !plan.unstarted && e(EvaluationSection, props),
      !plan.unstarted && e(ExternalEvaluationsSection, props),
      !plan.unstarted && e(ResultsSection, props),
      !plan.unstarted && e(RectificationsSection, props),
      !plan.unstarted && e('div', { class: 'toolbar' },
        e(DownloadButton, { path: path + '/self-evaluation.xlsx', text: t('action.export'), test: 'export-self-evaluation' }),
        (api.can('AUDITOR') || finance || editor) && e('a', { href: '#/audit/log?' + new URLSearchParams({ department: dep, year,
          plan: planKey }), 'data-test': 'plan-log-link' }, t('plan.log'))));
  });
}

/** The step the plan's phase waits for, as the reader's role may take it. */
function PhaseActions({ plan, path, editor, finance, reload }) {
  const [form, setForm] = useState(null);
  const [notice, saved] = useSaved();
  const phase = plan.phase.code;
  const done = async receipt => {
    setForm(null);
    await saved(path, receipt, reload);
  };
  const send = (suffix, body) => api.send('POST', path + suffix, body);
  const button = (kind, text, primary) => e('button', { type: 'button', class: primary ? 'primary' : '', 'data-test': kind,
    onClick: () => setForm(kind) }, text);
  const buttons = [
    editor && phase === 'DRAFTING' && !plan.unstarted && button('submit-targets', t('action.submitTargets'), true),
    finance && phase === 'TARGETS_SUBMITTED' && button('approve-targets', t('action.approveTargets'), true),
    finance && phase === 'TARGETS_SUBMITTED' && button('return-targets', t('action.returnTargets')),
    finance && phase === 'IN_EXECUTION' && button('close-year', t('action.closeYear')),
    finance && phase === 'SELF_EVALUATION_SUBMITTED' && button('accept-self-evaluation', t('action.acceptSelfEvaluation'), true),
    finance && phase === 'SELF_EVALUATION_SUBMITTED' && button('return-self-evaluation', t('action.returnSelfEvaluation')),
    finance && phase === 'SELF_EVALUATION_ACCEPTED' && button('publish-self-evaluation', t('action.publish'), true),
  ].filter(Boolean);
  if (!buttons.length && !notice) return null;
  const forms = {
    'submit-targets': common => e(Form, { ...common, test: 'submit-targets-form', title: t('action.submitTargets'), fields: [],
      submitText: t('action.confirmSubmitTargets'), submit: () => send('/targets/submission') }),
    'approve-targets': common => e(DecisionForm, { ...common, test: 'approve-targets-form', label: t('review.comment'),
      submitText: t('action.approveTargets'), submit: comment => send('/targets/approval', { comment }) }),
    'return-targets': common => e(DecisionForm, { ...common, test: 'return-targets-form', label: t('review.returnReason'), required: true,
      name: 'reason', submitText: t('action.returnTargets'), submit: reason => send('/targets/return', { reason }) }),
    'close-year': common => e(Form, { ...common, test: 'close-year-form', title: t('action.closeYear'), fields: [],
      submitText: t('action.confirmCloseYear'), submit: () => send('/closure') }),
    'accept-self-evaluation': common => e(DecisionForm, { ...common, test: 'accept-self-evaluation-form', label: t('review.comment'),
      submitText: t('action.acceptSelfEvaluation'), submit: comment => send('/self-evaluation/acceptance', { comment }) }),
    'return-self-evaluation': common => e(DecisionForm, { ...common, test: 'return-self-evaluation-form', label: t('review.returnReason'),
      required: true, name: 'reason', submitText: t('action.returnSelfEvaluation'),
      submit: reason => send('/self-evaluation/return', { reason }) }),
    'publish-self-evaluation': common => e(DecisionForm, { ...common, test: 'publish-form', label: t('review.channels'), required: true,
      name: 'channels', submitText: t('action.publish'), submit: channels => send('/self-evaluation/publication', { channels }) }),
  };
  return e('section', { class: 'card actions', 'data-test': 'phase-actions' },
    e('h3', null, t('plan.nextStep')),
    e('div', { class: 'toolbar' }, buttons),
    e(Notice, { notice }),
    form && forms[form]({ onDone: done, onCancel: () => setForm(null) }));
}
