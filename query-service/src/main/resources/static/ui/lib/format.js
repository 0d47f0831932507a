// How figures and times are shown: money in 万元 with two decimals, rates and scores with fixed decimals, times in the
// district's business zone (Beijing time) with the zone named. Figures arrive as decimal strings and are rounded as
// decimals (HALF_UP), never through binary floating point.
import { t } from '../i18n.js';

/** A decimal string rounded HALF_UP to {@code places}, or null for what is not a number. */
export function fixed(value, places) {
  if (value === null || value === undefined || value === '') return null;
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(String(value).trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const digits = (whole + fraction.padEnd(places + 1, '0').slice(0, places + 1));
  let kept = BigInt(digits.slice(0, -1) || '0');
  if (Number(digits.slice(-1)) >= 5) kept += 1n;
  const text = kept.toString().padStart(places + 1, '0');
  const result = places ? text.slice(0, -places) + '.' + text.slice(-places) : text;
  return (sign === '-' && kept !== 0n ? '-' : '') + result;
}

const grouped = text => text.replace(/^(-?\d+)/, whole => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

/** An amount in 万元: two decimals, thousands grouped; '—' when absent. The unit is named by the column or label. */
export const money = value => { const f = fixed(value, 2); return f === null ? '—' : grouped(f); };
/** An amount with its unit, for running text: 6,352.76 万元. */
export const moneyWithUnit = value => money(value) + ' ' + t('budget.unit');
/** A rate in percent with two decimals. */
export const pct = value => { const f = fixed(value, 2); return f === null ? '—' : f + '%'; };
/** A score with two decimals; a score over 100 is shown as it is. */
export const score = value => fixed(value, 2) ?? '—';
export const text = value => (value === null || value === undefined || value === '' ? '—' : String(value));

/** An instant as the browser's local date and time, for a datetime-local input. */
export function localTime(iso) {
  const d = new Date(iso);
  const p = n => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':'
    + p(d.getMinutes()) + ':' + p(d.getSeconds());
}

const businessClock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const businessDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
  day: '2-digit' });

/** An instant as the district's business day and time, with the zone named. */
export const businessTime = iso => (iso ? businessClock.format(new Date(iso)) + ' ' + t('time.zone') : '—');

/** Today in the business zone, and a sensible default date within a fiscal year: today, or the year's nearer end. */
export const today = () => businessDay.format(new Date());
export function dayInYear(year) {
  const now = today();
  const first = year + '-01-01';
  const last = year + '-12-31';
  return now < first ? first : now > last ? last : now;
}

const GRADES = { 优秀: 'EXCELLENT', 良好: 'GOOD', 中: 'FAIR', 差: 'POOR' };

/** A grade (优秀 / 良好 / 中 / 差, as the tables print it) in the reader's language. */
export const gradeLabel = grade => (grade ? (GRADES[grade] ? t('grade.' + GRADES[grade]) : grade) : '—');
