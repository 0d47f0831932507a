// Who is signed in, and the paths and shared lists that follow from it: the district, its departments' names and the
// vocabulary of the forms (from the kernel's own types, via the query API).
import { useLoad } from './load.js';
import * as api from '../api.js';
import { englishTerms, lang } from '../i18n.js';

export const district = () => api.claims()?.district;
export const base = () => '/api/v1/districts/' + encodeURIComponent(district());
export const departmentPath = dep => base() + '/departments/' + encodeURIComponent(dep);
export const planPath = (dep, year, plan) => departmentPath(dep) + '/years/' + year
  + (plan === 'department' ? '/department' : '/projects/' + encodeURIComponent(plan));

/** An evaluator (often a third-party agency's staff) who reads the plans commissioned from them, nothing else. */
export const evaluatorOnly = () => api.can('EVALUATOR')
  && !['DISTRICT_FINANCE', 'AUDITOR', 'DEPARTMENT_EDITOR', 'DEPARTMENT_VIEWER'].some(role => api.can(role));

/** Department code → name, for the district of the signed-in user. */
export function useDepartmentNames() {
  const [departments] = useLoad(() => api.read(base() + '/departments'), district());
  const names = {};
  (departments.data ?? []).forEach(d => { names[d.department] = d.name; });
  return names;
}

let vocabulary = null;

/** The forms' choices: {fundingSource: [{code, label, under}], …}, loaded once. */
export function useVocabulary() {
  const [state] = useLoad(() => (vocabulary ? Promise.resolve(vocabulary)
    : api.read('/api/v1/vocabulary').then(v => (vocabulary = v))), 'vocabulary');
  return state.data ?? null;
}

/** A term's name in the reader's language: the English dictionary's where reading English, else the kernel's. */
export function termLabel(kind, term) {
  if (!term) return '—';
  const code = typeof term === 'string' ? term : term.code;
  if (lang() === 'en' && englishTerms[kind]?.[code]) return englishTerms[kind][code];
  if (typeof term === 'object' && term.label) return term.label;
  const known = vocabulary?.[kind]?.find(entry => entry.code === code);
  return known?.label ?? code;
}

/** The [value, text] options of a vocabulary list. */
export const termOptions = (words, kind, filter = () => true) =>
  (words?.[kind] ?? []).filter(filter).map(term => [term.code, termLabel(kind, term)]);
