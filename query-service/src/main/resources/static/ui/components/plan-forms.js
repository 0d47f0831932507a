// The commands a plan takes, as forms: what each asks, with the form's labels, and the request it sends. The
// dashboard's plan cards and the plan's own page use the same definitions.
import { t } from '../i18n.js';
import * as api from '../api.js';
import { dayInYear, gradeLabel } from '../lib/format.js';
import { termOptions } from '../lib/session.js';
import { kindCheck, ReadingPreview } from './reading.js';

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;
const moneyCheck = value => (MONEY.test(String(value).trim()) ? null : t('rule.money.format'));
const money = (name, label, extra = {}) => ({ name, label, money: true, check: moneyCheck, hint: '0.00', ...extra });
const date = (name, label, year) => ({ name, label, type: 'date', required: true, initial: dayInYear(year),
  min: year + '-01-01', maxValue: year + '-12-31', apiNames: [name] });
const orNull = value => (value === '' || value === undefined ? null : value);
// a date the source may not state (a year's total printed in a self-evaluation table): left empty, it is sent as
// undated, and the views say 未载明 rather than show a made-up day
const undatable = (name, label, year) => ({ ...date(name, label, year), required: false, help: t('form.undatedHelp') });
const dated = (name, value) => (value ? { [name]: value } : { undated: true });

/** 实际完成值 of one indicator; the value must be of the target's kind, said at the field before sending. */
export const completionForm = (path, year, indicator) => ({
  test: 'completion-form', title: t('action.completion') + ' · ' + indicator.name,
  fields: [
    { name: 'value', label: t('form.value') + '（' + t('ind.target') + ' ' + indicator.target + '）', required: true,
      max: 200, check: value => kindCheck(value, indicator.target), help: t('form.valueHelp') },
    undatable('asOf', t('form.asOf'), year),
    { name: 'evidence', label: t('form.evidence'), max: 500 },
    { name: 'narrative', label: t('form.narrative'), long: true, max: 2000 },
  ],
  submit: values => api.send('POST', path + '/indicators/' + encodeURIComponent(indicator.code) + '/completions', {
    value: values.value, ...dated('asOf', values.asOf), evidence: orNull(values.evidence),
    narrative: orNull(values.narrative),
  }),
});

/** Spending; past the budget it needs an explicit confirmation, which the server records with who gave it. */
export const expenditureForm = (path, year, departmentWide, words, lines = []) => ({
  test: 'expenditure-form', title: t('action.expenditure'),
  fields: [
    money('amount', t('form.amount'), { required: true }),
    undatable('date', t('form.date'), year),
    ...(departmentWide ? [{ name: 'expenditureClass', label: t('form.class'), required: true, initial: 'PUBLIC_FUNDS',
      options: termOptions(words, 'expenditureClass') }] : []),
    ...(lines.length ? [{ name: 'line', label: t('form.line'), options: lines.map(line => [line.name, line.name]) }] : []),
    { name: 'voucher', label: t('form.voucher'), max: 100 },
    { name: 'description', label: t('form.description'), long: true, required: true, max: 500 },
    { name: 'overBudgetConfirmed', label: t('form.overBudgetConfirmed'), type: 'checkbox', askedBy: 'expenditure.over-budget' },
  ],
  submit: values => api.send('POST', path + '/budget/expenditures', {
    amount: values.amount.trim(), ...dated('date', values.date), description: values.description,
    voucher: orNull(values.voucher), expenditureClass: orNull(values.expenditureClass), line: orNull(values.line),
    overBudgetConfirmed: values.overBudgetConfirmed === true,
  }),
});

/** 红字冲销: a correction of a payment recorded earlier, naming its voucher. */
export const correctionForm = (path, year, departmentWide, words, movement) => ({
  test: 'correction-form', title: t('action.correction'),
  fields: [
    money('amount', t('form.correctionAmount'), { required: true, initial: movement?.amount ?? '' }),
    date('date', t('form.correctionDate'), year),
    ...(departmentWide ? [{ name: 'expenditureClass', label: t('form.class'), required: true,
      initial: movement?.expenditureClass?.code ?? 'PUBLIC_FUNDS', options: termOptions(words, 'expenditureClass') }] : []),
    { name: 'originalVoucher', label: t('form.originalVoucher'), required: true, initial: movement?.voucher ?? '', max: 100 },
    { name: 'reason', label: t('form.correctionReason'), long: true, required: true, max: 500 },
  ],
  submit: values => api.send('POST', path + '/budget/expenditure-corrections', {
    amount: values.amount.trim(), date: values.date, expenditureClass: orNull(values.expenditureClass),
    line: movement?.line ?? null, originalVoucher: values.originalVoucher, reason: values.reason,
  }),
});

/**
 * The year-end self-evaluation: a 偏差原因 per indicator (required where the scorecard asks for one), the scores as
 * the department reports them, and the four texts the templates ask for.
 */
export const selfEvaluationForm = (path, indicators, reported, needsReason = () => false) => ({
  test: 'self-evaluation-form', title: t('action.selfEvaluation'),
  fields: [
    ...indicators.map((indicator, i) => ({ name: 'reason:' + indicator.code, long: true, max: 2000,
      required: needsReason(indicator), apiNames: ['indicators[' + i + '].deviationReason'],
      label: t('form.reason') + ' · ' + indicator.name + '（' + (indicator.actual ?? '—') + ' / ' + indicator.target + '）' })),
    ...indicators.map((indicator, i) => ({ name: 'score:' + indicator.code, initial: indicator.score ?? '',
      apiNames: ['indicators[' + i + '].score'], label: t('ind.score') + ' · ' + indicator.name })),
    { name: 'score', label: t('form.totalScore'), initial: reported.score ?? '' },
    { name: 'grade', label: t('form.grade'), initial: reported.grade ?? '', options: ['优秀', '良好', '中', '差'].map(g => [g, gradeLabel(g)]) },
    { name: 'deviationAnalysis', label: t('form.analysis'), long: true, max: 4000 },
    { name: 'improvementMeasures', label: t('form.measures'), long: true, required: true, max: 4000 },
    { name: 'resultsUse', label: t('form.use'), long: true, required: true, max: 4000 },
    { name: 'publicationPlan', label: t('form.publication'), long: true, required: true, max: 4000 },
    // the other figures the table or report prints, one a line, to be checked beside the scores
    { name: 'printed', label: t('form.printed'), long: true, max: 20000, help: t('form.printedHelp'), apiPrefix: 'printed',
      check: value => printedFigures(value).error ?? null },
  ],
  submit: values => api.send('POST', path + '/self-evaluation', {
    indicators: indicators.map(indicator => ({
      indicator: indicator.code,
      score: orNull(String(values['score:' + indicator.code] ?? '')),
      deviationReason: orNull(values['reason:' + indicator.code]),
    })),
    score: orNull(String(values.score ?? '')), grade: orNull(values.grade),
    deviationAnalysis: orNull(values.deviationAnalysis), improvementMeasures: values.improvementMeasures,
    resultsUse: values.resultsUse, publicationPlan: values.publicationPlan,
    printed: printedFigures(values.printed).figures,
  }),
});

/** The words a line may use for a printed figure's kind, as the tables say them, and the kinds they stand for. */
const PRINTED_KINDS = { 合计: 'SUM', 比率: 'QUOTIENT', 资金到位率: 'FUNDING_RATE', 执行率偏差率: 'EXECUTION_DEVIATION',
  小计分值: 'SUBTOTAL_WEIGHT', 小计得分: 'SUBTOTAL_SCORE', 得分率: 'SUBTOTAL_RATE', 分值合计: 'TOTAL_WEIGHT',
  执行率分值: 'EXECUTION_WEIGHT', 执行数: 'EXECUTED', 调整后预算: 'ADJUSTED_BUDGET' };

/**
 * Lines of "名称 | 类型 | 数值 | 组成" into printed figures: 组成 is the parts of a 合计, the numerator and denominator of a
 * 比率 (comma-separated), or the 一级指标 of a 小计; the first line that does not read so is the error.
 */
export function printedFigures(text) {
  const figures = [];
  const lines = String(text ?? '').split('\n').map(line => line.trim()).filter(Boolean);
  for (let i = 0; i < lines.length; i++) {
    const [label, word, value, rest] = lines[i].split(/[|｜]/).map(cell => cell?.trim());
    const kind = PRINTED_KINDS[word] ?? (Object.values(PRINTED_KINDS).includes(word) ? word : null);
    if (!label || !kind || !value) return { figures, error: t('form.printedLine', { line: i + 1 }) };
    const subtotal = kind.startsWith('SUBTOTAL');
    const parts = !subtotal && rest ? rest.split(/[,，]/).map(part => part.trim()).filter(Boolean) : [];
    figures.push({ label, kind, value: value.replace(/%$/, ''), subject: subtotal ? rest ?? null : null, parts });
  }
  return { figures };
}

export { money, date, undatable, dated, orNull, moneyCheck, ReadingPreview };
