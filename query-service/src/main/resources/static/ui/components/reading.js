// How the kernel reads a target or an actual value as it is typed (GET /api/v1/target-readings): the indicator form's
// live preview, and the completion form's check that an actual is of its target's kind before anything is sent.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { ruleText } from './form.js';

const e = h;

export const reading = (text, target) => api.read('/api/v1/target-readings?' + new URLSearchParams(
  target ? { text, target } : { text }));

/** A typed value in words: ≥ 400 家, ≥ 90%, 38/583/39 件, 定性：合格. */
export function describe(value) {
  if (!value) return '';
  if (value.kind === 'quantity') {
    return (value.subject ? value.subject + ' ' : '') + t('cmp.' + value.comparator) + ' ' + value.value
      + (value.percent ? '%' : value.unit ? ' ' + value.unit : '');
  }
  if (value.kind === 'compound') {
    return t('reading.compound', { count: value.parts.length }) + ' ' + value.parts.join(' / ') + (value.unit ? ' ' + value.unit : '');
  }
  return t('reading.qualitative') + ' ' + value.statement;
}

/** What kind of value a target asks for, in words: a percentage, a number of 家, three figures, a statement. */
function kindOf(value) {
  if (value?.kind === 'quantity') {
    return value.percent ? t('reading.kindPercent') : value.unit ? t('reading.kindUnit', { unit: value.unit }) : t('reading.kindNumber');
  }
  if (value?.kind === 'compound') return t('reading.kindCompound', { count: value.parts.length });
  return t('reading.kindStatement');
}

/** The live reading of what is typed, under the field. */
export function ReadingPreview({ value }) {
  const [shown, setShown] = useState(null);
  useEffect(() => {
    if (!value || !String(value).trim()) {
      setShown(null);
      return undefined;
    }
    let live = true;
    const timer = setTimeout(() => reading(String(value)).then(answer => live && setShown(answer), () => {}), 250);
    return () => { live = false; clearTimeout(timer); };
  }, [value]);
  if (!shown) return e('span', { class: 'muted' }, t('reading.hint'));
  if (shown.rule) return e('span', { class: 'field-error', 'data-test': 'reading' }, ruleText({ rule: shown.rule, message: shown.problem }));
  return e('span', { 'data-test': 'reading' }, t('reading.as') + ' ' + describe(shown.value));
}

/** A completion form's check: the actual must be of its target's kind; words belong in the narrative. */
export async function kindCheck(actual, target) {
  const answer = await reading(String(actual), target).catch(() => null);
  if (!answer) return null;
  if (answer.rule) return ruleText({ rule: answer.rule, message: answer.problem });
  if (answer.fits === false) {
    const wanted = await reading(target).catch(() => null);
    return t('rule.completion.kind-mismatch.detail', { target, kind: kindOf(wanted?.value) });
  }
  return null;
}
