// 评价结果应用: district finance's proposals for next year's budget, drawn from the plan's final grade under its rules
// (or overriding them, with the reason), and what this year's budget rests on from last year's result.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n.js';
import * as api from '../../api.js';
import { Notice, useSaved } from '../../components/controls.js';
import { Form } from '../../components/form.js';
import { businessTime, money } from '../../lib/format.js';
import { RULE, shown } from '../result-rules.js';

const e = h;
const PROPOSING = ['SELF_EVALUATION_ACCEPTED', 'PUBLISHED'];
const MONEY = /^\d{1,13}(\.\d{1,2})?$/;

export function ResultsSection({ plan, path, finance, reload }) {
  const [proposing, setProposing] = useState(false);
  const [notice, saved] = useSaved();
  const results = plan.results ?? { basis: null, proposals: [] };
  const canPropose = finance && PROPOSING.includes(plan.phase.code);
  if (plan.unstarted || (!results.basis && results.proposals.length === 0 && !canPropose)) return null;
  const basis = results.basis;
  return e('section', { class: 'card', 'data-test': 'results-section' },
    e('h3', null, t('section.results')),
    basis && e('p', { 'data-test': 'budget-basis' }, t('results.basis', { year: basis.priorYear, grade: t('grade.' + basis.grade),
      number: basis.proposalNumber, action: shown(basis.action), proposed: money(basis.proposed), opened: money(basis.opened) })),
    results.proposals.length === 0 ? (canPropose && e('p', { class: 'muted' }, t('results.none')))
      : e('table', { tabindex: 0, 'data-test': 'proposals' },
        e('thead', null, e('tr', null, ['results.number', 'col.grade', 'results.ruleAction', 'results.base',
          'results.ruleProposed', 'results.action', 'results.proposed', 'results.reason'].map(key => e('th', { scope: 'col' }, t(key))))),
        e('tbody', null, results.proposals.map(p => e('tr', { 'data-test': 'proposal-' + p.number },
          e('td', null, p.number), e('td', null, p.grade.label, e('div', { class: 'muted' }, p.evaluation
            ? t('results.fromEvaluation', { number: p.evaluation }) : t('results.fromSelfEvaluation'))),
          e('td', null, p.ruleAction + '（' + t('results.rulesVersion', { version: p.rulesVersion }) + '）'),
          e('td', { class: 'num' }, money(p.base)), e('td', { class: 'num' }, money(p.ruleProposed)),
          e('td', null, p.action), e('td', { class: 'num' }, money(p.proposed)),
          e('td', null, p.overrideReason ? [e('span', { class: 'badge' }, t('results.overridden')), ' ', p.overrideReason]
            : t('results.byRules'), e('div', { class: 'muted' }, p.drawnBy + ' · ' + businessTime(p.drawnAt))))))),
    e(Notice, { notice }),
    canPropose && !proposing && e('div', { class: 'toolbar' }, e('button', { type: 'button', 'data-test': 'propose-budget',
      onClick: () => setProposing(true) }, t('action.proposeBudget'))),
    proposing && e(Form, { test: 'proposal-form', title: t('action.proposeBudget'),
      fields: [
        { name: 'action', label: t('results.overrideAction'), help: t('results.overrideHelp'), max: 40,
          check: value => (!value.trim() || RULE.test(value) ? null : t('rule.results.rule')) },
        { name: 'proposed', label: t('results.overrideAmount'), money: true, max: 20,
          check: value => (!value.trim() || MONEY.test(value.trim()) ? null : t('rule.money.format')) },
        { name: 'reason', label: t('results.reason'), long: true, max: 500 },
      ],
      submit: values => api.send('POST', path + '/budget-proposals', { action: values.action.trim() || null,
        proposed: values.proposed.trim() || null, reason: values.reason.trim() || null }),
      onDone: async receipt => {
        setProposing(false);
        await saved(path, receipt, reload);
      },
      onCancel: () => setProposing(false) }));
}
