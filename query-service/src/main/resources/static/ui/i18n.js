// Messages of the web UI: Chinese first (zh-CN), English on request (the dictionaries in i18n/). The choice is kept
// in localStorage.
import { zh } from './i18n/zh-CN.js';
import { en } from './i18n/en.js';

export { englishTerms } from './i18n/terms.js';

const messages = { 'zh-CN': zh, en };

const KEY = 'perfledger.lang';
let current = localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
document.documentElement.lang = current;

export function lang() {
  return current;
}

export function setLang(value) {
  current = value === 'en' ? 'en' : 'zh-CN';
  localStorage.setItem(KEY, current);
  document.documentElement.lang = current;
}

/** The message for the key in the current language, with {name} placeholders filled in; the key if unknown. */
export function t(key, params = {}) {
  const text = messages[current][key] ?? messages['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (params[name] ?? all).toString());
}

/** A known code's label (phase.IN_EXECUTION …), or the code itself. */
export function label(prefix, code) {
  const key = prefix + '.' + code;
  return messages[current][key] ? t(key) : code;
}
