// A plan's budget: opened by funding source and class, adjusted by district finance under a 文号, received, spent and
// corrected (红字冲销) by the department, with its 明细 lines and every movement in order.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t, label } from '../../i18n.js';
import * as api from '../../api.js';
import { termLabel, termOptions, useVocabulary } from '../../lib/session.js';
import { businessTime, money, pct } from '../../lib/format.js';
import { Notice, useSaved } from '../../components/controls.js';
import { Form } from '../../components/form.js';
import { correctionForm, dated, expenditureForm, money as moneyField, moneyCheck, orNull, undatable }
  from '../../components/plan-forms.js';
import { REPORTING } from './phases.js';

// the movements that carry a date of their own; one the source does not date says 未载明
const DATED = ['adjusted', 'received', 'spent', 'corrected'];

const e = h;
const OPENABLE = ['DRAFTING', 'TARGETS_SUBMITTED', 'IN_EXECUTION'];

export function BudgetSection({ plan, path, year, editor, finance, reload }) {
  const words = useVocabulary();
  const [form, setForm] = useState(null);
  const [notice, saved] = useSaved();
  const phase = plan.phase.code;
  const budget = plan.budget;
  const departmentWide = plan.kind === 'DEPARTMENT';
  const executing = phase === 'IN_EXECUTION';
  const done = async receipt => {
    setForm(null);
    await saved(path, receipt, reload);
  };
  if (!words) return null;
  const forms = {
    open: () => openForm(path, departmentWide, words),
    lines: () => linesForm(path, budget.lines),
    receipt: () => receiptForm(path, year, words),
    expenditure: () => expenditureForm(path, year, departmentWide, words, budget.lines),
    correction: () => correctionForm(path, year, departmentWide, words, form.movement),
    adjustment: () => adjustmentForm(path, year, departmentWide, words),
    noted: () => notedAdjustmentForm(path, year, words),
    bySource: () => spendingBySourceForm(path, words, budget.sources),
    hold: () => holdForm(path, budget.fundsHold),
    resume: () => resumeForm(path),
  };
  const action = (kind, text, extra = {}) => e('button', { type: 'button', 'data-test': kind, onClick: () => setForm({ kind, ...extra }) }, text);
  return e('section', { class: 'card', 'data-test': 'budget-section' },
    e('h3', null, t('section.budget')),
    !budget.opened ? e('p', { class: 'muted', 'data-test': 'budget-not-opened' }, t('budget.notOpened')) : e('div', null,
      e('div', { class: 'figures' },
        [['budget.initial', money(budget.initial)], ['budget.adjusted', money(budget.adjusted)],
          ['budget.received', money(budget.received)], ['budget.executed', money(budget.executed)],
          ['budget.rate', pct(budget.executionRate)]].map(([key, value]) => e('div', null, t(key), e('b', { 'data-test': 'figure-' + key }, value)))),
      budget.overBudget && e('p', { class: 'badge', 'data-test': 'over-budget' }, t('alert.over-budget')),
      budget.unstated && e('p', { class: 'notice', role: 'note', 'data-test': 'budget-unstated' }, t('budget.unstated')),
      budget.flags.includes('spending-by-source-differs') && e('p', { class: 'notice warn', 'data-test': 'spending-by-source-differs' },
        t('budget.bySourceDiffers')),
      budget.fundsHold && e('p', { class: 'notice warn', role: 'note', 'data-test': 'funds-held' },
        t('funds.held.' + budget.fundsHold.code, { reason: budget.fundsHoldReason })),
      e(PartsTable, { budget })),
    budget.lines.length > 0 && e('table', { tabindex: 0, 'data-test': 'budget-lines' },
      e('caption', null, t('budget.lines')),
      e('thead', null, e('tr', null, e('th', { scope: 'col' }, t('budget.lineName')), e('th', { scope: 'col', class: 'num' }, t('budget.lineAmount')),
        e('th', { scope: 'col', class: 'num' }, t('budget.executed')), e('th', { scope: 'col', class: 'num' }, t('budget.rate')))),
      e('tbody', null, budget.lines.map(line => e('tr', null, e('td', null, line.name), e('td', { class: 'num' }, money(line.amount)),
        e('td', { class: 'num' }, money(line.executed)), e('td', { class: 'num' }, pct(line.executionRate)))))),
    e('div', { class: 'toolbar' },
      !budget.opened && OPENABLE.includes(phase) && (editor || finance) && action('open-budget', t('action.openBudget')),
      budget.opened && !budget.unstated && editor && OPENABLE.includes(phase) && action('set-lines', t('action.setLines')),
      executing && !budget.unstated && editor && action('record-receipt', t('action.receipt')),
      executing && editor && action('record-expenditure', t('action.expenditure')),
      executing && editor && action('record-correction', t('action.correction')),
      executing && !budget.unstated && finance && action('adjust-budget', t('action.adjustBudget')),
      executing && !budget.unstated && finance && action('note-adjustment', t('action.noteAdjustment')),
      budget.opened && REPORTING.includes(phase) && editor && action('state-spending-by-source', t('action.spendingBySource')),
      executing && finance && budget.fundsHold?.code !== 'STOPPED' && action('hold-funds', t('action.holdFunds')),
      executing && finance && budget.fundsHold?.code === 'SUSPENDED' && action('resume-funds', t('action.resumeFunds'))),
    e(Notice, { notice }),
    form && e(Form, { ...forms[{ 'open-budget': 'open', 'set-lines': 'lines', 'record-receipt': 'receipt',
      'record-expenditure': 'expenditure', 'record-correction': 'correction', 'correct-movement': 'correction',
      'adjust-budget': 'adjustment', 'note-adjustment': 'noted', 'state-spending-by-source': 'bySource', 'hold-funds': 'hold',
      'resume-funds': 'resume' }[form.kind]](),
      onDone: done, onCancel: () => setForm(null) }),
    budget.movements.length > 0 && e(Movements, { movements: budget.movements,
      correct: executing && editor ? movement => setForm({ kind: 'correct-movement', movement }) : null }));
}

function PartsTable({ budget }) {
  const rows = [...budget.sources.map(part => ['fundingSource', part]), ...budget.classes.map(part => ['expenditureClass', part])];
  return e('table', { tabindex: 0, 'data-test': 'budget-parts' },
    e('thead', null, e('tr', null, ['budget.part', 'budget.initial', 'budget.adjusted', 'budget.received', 'budget.executed']
      .map((key, i) => e('th', { scope: 'col', class: i ? 'num' : '' }, t(key))))),
    e('tbody', null, rows.map(([kind, part]) => e('tr', null,
      e('td', null, t('budget.by.' + kind) + ' · ' + termLabel(kind, part.part)),
      e('td', { class: 'num' }, money(part.initial)), e('td', { class: 'num' }, money(part.adjusted)),
      e('td', { class: 'num' }, money(part.received)), e('td', { class: 'num' }, money(part.executed))))));
}

function Movements({ movements, correct }) {
  return e('table', { tabindex: 0, 'data-test': 'movements' },
    e('caption', null, t('budget.movements')),
    e('thead', null, e('tr', null, ['movement.what', 'movement.amount', 'movement.change', 'movement.date', 'movement.why',
      'movement.document', 'movement.by'].map((key, i) => e('th', { scope: 'col', class: i === 1 ? 'num' : '' }, t(key))),
    correct && e('th', { scope: 'col' }, t('col.actions')))),
    e('tbody', null, movements.map(movement => e('tr', { 'data-test': 'movement-' + movement.movement },
      e('td', null, label('movement', movement.movement) + (movement.kind ? ' · ' + termLabel('adjustmentKind', movement.kind) : '')
        + (movement.source ? ' · ' + termLabel('fundingSource', movement.source) : '')
        + (movement.expenditureClass ? ' · ' + termLabel('expenditureClass', movement.expenditureClass) : '')
        + (movement.line ? ' · ' + movement.line : ''),
      movement.overBudget && e('span', { class: 'badge' }, t('movement.overBudget'))),
      e('td', { class: 'num' }, movement.amount == null ? t('movement.amountNotPrinted') : money(movement.amount),
        movement.parts && e('div', { class: 'muted', 'data-test': 'parts' }, movement.parts
          .map(part => part.name + (part.amount == null ? '' : ' ' + money(part.amount))).join(movement.amount == null ? '、' : ' + '))),
      e('td', null, movement.from != null ? money(movement.from) + ' → ' + money(movement.to) + ' ' + t('budget.unit') : ''),
      e('td', null, movement.date ?? (DATED.includes(movement.movement) ? t('trail.dateNotStated') : '')),
      e('td', null, movement.reason ?? ''),
      e('td', null, movement.documentNumber ?? movement.voucher ?? ''),
      e('td', null, movement.actor, e('br'), e('span', { class: 'muted' }, businessTime(movement.recordedAt))),
      correct && e('td', null, movement.movement === 'spent' && !reversed(movements, movement) && e('button', { type: 'button', 'data-test': 'correct-movement',
        onClick: () => correct(movement) }, t('action.correct')))))));
}

/** Whether a payment was reversed in full already (a reversal of its amount naming its voucher). */
const reversed = (movements, payment) => payment.voucher && movements.some(m => m.movement === 'corrected'
  && m.voucher === payment.voucher && Number(m.amount) === Number(payment.amount));

/** 年初预算 by funding source (at least one) and, for a department-wide plan, by class. */
function openForm(path, departmentWide, words) {
  const sources = words.fundingSource.map(source => moneyField('source:' + source.code,
    t('budget.by.fundingSource') + ' · ' + termLabel('fundingSource', source) + '（' + t('budget.unit') + '）',
    { apiNames: ['sources.' + source.code, 'sources.' + source.label] }));
  const classes = departmentWide ? words.expenditureClass.map(type => moneyField('class:' + type.code,
    t('budget.by.expenditureClass') + ' · ' + termLabel('expenditureClass', type) + '（' + t('budget.unit') + '）',
    { apiNames: ['classes.' + type.code, 'classes.' + type.label] })) : [];
  const pick = (values, prefix) => Object.fromEntries(Object.entries(values)
    .filter(([key, value]) => key.startsWith(prefix) && String(value).trim() !== '')
    .map(([key, value]) => [key.slice(prefix.length), String(value).trim()]));
  return {
    test: 'open-budget-form', title: t('action.openBudget'),
    // a plan whose documents state no budget at all (a report of spending only) is opened as such, without amounts
    fields: [...sources, ...classes, { name: 'unstated', type: 'checkbox', label: t('budget.unstatedBox') }],
    submit: values => {
      const given = pick(values, 'source:');
      if (values.unstated === true) {
        return api.send('POST', path + '/budget', { sources: given, classes: pick(values, 'class:'), unstated: true });
      }
      if (!Object.keys(given).length) {
        return Promise.reject(new api.Problem(422, { detail: t('rule.budget.sources-required'),
          errors: [{ field: 'source:GENERAL_PUBLIC_BUDGET', rule: 'budget.sources-required', message: '' }] }));
      }
      return api.send('POST', path + '/budget', { sources: given, classes: pick(values, 'class:') });
    },
  };
}

/** 决算 by funding source, as the documents print it beside the spending recorded by class. */
function spendingBySourceForm(path, words, sources) {
  const stated = Object.fromEntries(sources.filter(part => part.executed != null).map(part => [part.part.code, part.executed]));
  return {
    test: 'spending-by-source-form', title: t('action.spendingBySource'),
    fields: words.fundingSource.map(source => moneyField('source:' + source.code,
      termLabel('fundingSource', source) + '（' + t('budget.unit') + '）',
      { initial: stated[source.code] ?? '', apiNames: ['bySource.' + source.code, 'bySource.' + source.label] })),
    submit: values => api.send('PUT', path + '/budget/spending-by-source', { bySource: Object.fromEntries(Object.entries(values)
      .filter(([, value]) => String(value).trim() !== '').map(([key, value]) => [key.slice('source:'.length), String(value).trim()])) }),
  };
}

// one named amount per row, "名称 金额" (pasted from a sheet too: a tab or comma also separates)
const ITEM = /^(.+?)[\s,，\t]+(\d{1,13}(?:\.\d{1,2})?)$/;
const itemsCheck = value => {
  const bad = value.split('\n').map((row, i) => [row.trim(), i + 1]).filter(([row]) => row).find(([row]) => !ITEM.test(row));
  return bad ? t('budget.lineBad', { line: bad[1] }) : null;
};
const items = value => value.split('\n').map(row => row.trim()).filter(Boolean).map(row => ITEM.exec(row))
  .map(match => ({ name: match[1].trim(), amount: match[2] }));

/** 项目支出明细: one line per row, "名称 金额". */
function linesForm(path, lines) {
  return {
    test: 'lines-form', title: t('action.setLines'),
    fields: [{ name: 'lines', label: t('budget.linesInput'), long: true, rows: 6, required: true, max: 20000, apiPrefix: 'lines',
      initial: lines.map(line => line.name + ' ' + line.amount).join('\n'), help: t('budget.linesHelp'), check: itemsCheck }],
    submit: values => api.send('PUT', path + '/budget/lines', { lines: items(values.lines) }),
  };
}

function receiptForm(path, year, words) {
  return {
    test: 'receipt-form', title: t('action.receipt'),
    fields: [
      moneyField('amount', t('form.amount'), { required: true }),
      undatable('date', t('form.receiptDate'), year),
      { name: 'source', label: t('budget.by.fundingSource'), options: termOptions(words, 'fundingSource') },
      { name: 'note', label: t('form.note'), long: true, max: 500 },
    ],
    submit: values => api.send('POST', path + '/budget/receipts', { amount: values.amount.trim(),
      ...dated('date', values.date), source: orNull(values.source), note: orNull(values.note) }),
  };
}

/**
 * An adjustment the documents name without its amount (压减 of named projects' funds, no sum printed): what it touched
 * (one a row), why, the document it rests on as named; no figure changes.
 */
function notedAdjustmentForm(path, year, words) {
  return {
    test: 'noted-adjustment-form', title: t('action.noteAdjustment'),
    fields: [
      { name: 'kind', label: t('trail.kind'), required: true, options: termOptions(words, 'adjustmentKind') },
      { name: 'items', label: t('budget.itemsInput'), long: true, rows: 4, max: 5000, apiPrefix: 'items' },
      { name: 'authority', label: t('budget.authority'), max: 500, hint: '《区财政局关于应对疫情影响平衡公共预算收支的工作方案》' },
      { ...undatable('date', t('trail.date'), year), help: t('form.dateNotStatedHelp') },
      { name: 'reason', label: t('trail.reason'), long: true, required: true, max: 500 },
    ],
    submit: values => api.send('POST', path + '/budget/adjustments', { amountUnstated: true, kind: values.kind,
      items: values.items.split('\n').map(item => item.trim()).filter(Boolean), authority: orNull(values.authority.trim()),
      date: orNull(values.date), reason: values.reason }),
  };
}

/**
 * District finance holds the plan's funds back during the year: 暂缓拨付 until it resumes them, or 停止拨付 for the rest of
 * the year; no receipt is recorded while they are held.
 */
function holdForm(path, current) {
  const holds = ['SUSPENDED', 'STOPPED'].filter(code => code !== current?.code);
  return {
    test: 'hold-funds-form', title: t('action.holdFunds'),
    fields: [
      { name: 'hold', label: t('funds.hold'), required: true, options: holds.map(code => [code, t('funds.hold.' + code)]) },
      { name: 'reason', label: t('trail.reason'), long: true, required: true, max: 500 },
      { name: 'documentNumber', label: t('funds.notice'), max: 100 },
    ],
    submit: values => api.send('POST', path + '/funds/hold', { hold: values.hold, reason: values.reason,
      documentNumber: orNull(values.documentNumber.trim()) }),
  };
}

function resumeForm(path) {
  return {
    test: 'resume-funds-form', title: t('action.resumeFunds'),
    fields: [{ name: 'reason', label: t('trail.reason'), long: true, required: true, max: 500 }],
    submit: values => api.send('POST', path + '/funds/resumption', { reason: values.reason }),
  };
}

/** District finance's 追加 / 调减 / …, each with its reason and 文号. */
function adjustmentForm(path, year, departmentWide, words) {
  return {
    test: 'adjustment-form', title: t('action.adjustBudget'),
    fields: [
      { name: 'kind', label: t('trail.kind'), required: true, options: termOptions(words, 'adjustmentKind') },
      moneyField('amount', t('form.amount'), { required: true, check: moneyCheck }),
      { name: 'source', label: t('budget.by.fundingSource'), options: termOptions(words, 'fundingSource'), help: t('form.sourceHelp') },
      ...(departmentWide ? [{ name: 'expenditureClass', label: t('form.class'), options: termOptions(words, 'expenditureClass') }] : []),
      { name: 'documentNumber', label: t('trail.document'), required: true, max: 100, hint: '区财预〔2020〕12号' },
      // the day of its 批复; left empty where the documents do not say (then none is recorded, not a made-up one)
      { ...undatable('date', t('trail.date'), year), help: t('form.dateNotStatedHelp') },
      { name: 'reason', label: t('trail.reason'), long: true, required: true, max: 500 },
      // where the documents itemise it (减少九峰所、豹澥所维修费 109.58 = 九峰所维修费 51.08 + 豹澥所维修费 58.50)
      { name: 'parts', label: t('budget.partsInput'), long: true, rows: 3, max: 5000, apiPrefix: 'parts',
        help: t('budget.partsHelp'), check: itemsCheck },
    ],
    submit: values => api.send('POST', path + '/budget/adjustments', { kind: values.kind, amount: values.amount.trim(),
      source: orNull(values.source), expenditureClass: orNull(values.expenditureClass), reason: values.reason,
      documentNumber: values.documentNumber, date: orNull(values.date),
      parts: values.parts.trim() ? items(values.parts) : null }),
  };
}
