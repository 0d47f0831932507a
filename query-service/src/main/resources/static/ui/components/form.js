// Forms that send one command each. A refusal comes back at the field that caused it, once, in the reader's language,
// under the form's own label; required fields are marked and checked before sending; what was typed is kept.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n.js';

const e = h;

/** Points, or percentage points, as typed: up to three digits and two decimals (20, 97.5, 100). */
export const POINTS = /^\d{1,3}(\.\d{1,2})?$/;

/** A server's field name as the form names it: `improvementMeasures: ` prefixes and the like are the API's. */
const withoutFieldPrefix = message => String(message ?? '').replace(/^([\w.[\]]+: )+/, '');

/** A broken rule in the reader's words: the dictionary's where it has them, else the server's message. */
export function ruleText(error) {
  const key = 'rule.' + error.rule;
  const known = t(key);
  return known !== key ? known : withoutFieldPrefix(error.message);
}

/** A refusal's own words (no field): the dictionary's for the problem type, else the server's detail. */
export function problemText(problem) {
  const type = String(problem?.type ?? '').split('/').pop();
  const key = 'problem.' + type;
  return type && t(key) !== key ? t(key) : withoutFieldPrefix(problem?.message);
}

/** Which field of the form a server error is about: by name, or by one of the API names the field stands for. */
function fieldOf(fields, error) {
  if (!error.field) return null;
  return fields.find(field => field.name === error.field || (field.apiNames ?? []).includes(error.field)
    || (field.apiPrefix && error.field.startsWith(field.apiPrefix))) ?? null;
}

function Control({ field, value, values, set, invalid, describedBy }) {
  const options = typeof field.options === 'function' ? field.options(values) : field.options;
  const common = {
    id: 'f-' + field.id, name: field.name, 'data-test': 'field-' + field.name, 'aria-invalid': invalid ? 'true' : undefined,
    'aria-describedby': describedBy, 'aria-required': field.required ? 'true' : undefined,
  };
  if (field.type === 'checkbox') {
    return e('input', { ...common, type: 'checkbox', checked: value === true, onChange: ev => set(ev.target.checked) });
  }
  if (options) {
    return e('select', { ...common, value, onChange: ev => set(ev.target.value) },
      field.placeholder !== false && !options.some(([v]) => v === '') && e('option', { value: '' }, '—'),
      options.map(([v, text]) => e('option', { value: v }, text)));
  }
  if (field.long) {
    return e('textarea', { ...common, rows: field.rows ?? 2, maxlength: field.max, value,
      onInput: ev => set(ev.target.value) });
  }
  return e('input', { ...common, type: field.type ?? 'text', value, maxlength: field.max, min: field.min,
    max: field.maxValue, step: field.step, inputmode: field.money ? 'decimal' : undefined,
    placeholder: field.hint, onInput: ev => set(ev.target.value) });
}

let ids = 0;

/**
 * A form for one command. fields: {name, label, required, type, options, long, money, initial, hint, help, check,
 * preview, askedBy, apiNames, apiPrefix, wide}. submit(values) sends it and answers the receipt; onDone(receipt)
 * follows. A field with askedBy shows only once the server asked for it (a confirmation).
 */
export function Form({ fields, submit, onDone, onCancel, test, submitText, title }) {
  const [formId] = useState(() => ++ids);
  const [values, setValues] = useState(() => Object.fromEntries(fields.map(f => [f.name, f.initial ?? (f.type === 'checkbox' ? false : '')])));
  const [errors, setErrors] = useState({});
  const [general, setGeneral] = useState([]);
  const [asked, setAsked] = useState([]);
  const [busy, setBusy] = useState(false);
  const all = fields.map((field, i) => ({ ...field, id: formId + '-' + i }));
  const shown = all.filter(field => !field.askedBy || asked.includes(field.askedBy) || values[field.name] === true);
  const set = name => value => {
    setValues(previous => ({ ...previous, [name]: value }));
    setErrors(previous => (previous[name] ? { ...previous, [name]: undefined } : previous));
  };
  const send = async event => {
    event.preventDefault();
    // checked here first: the server checks again, but a reader should not wait for a round trip to learn a field is empty
    const local = {};
    for (const field of shown) {
      const value = values[field.name];
      if (field.required && (value === '' || value === null || value === undefined)) {
        local[field.name] = t('rule.required');
      } else if (field.check && value !== '') {
        const problem = await field.check(value, values);
        if (problem) local[field.name] = problem;
      }
    }
    if (Object.keys(local).length) {
      setErrors(local);
      setGeneral([]);
      return;
    }
    setBusy(true);
    setErrors({});
    setGeneral([]);
    try {
      await onDone(await submit(values));
    } catch (problem) {
      const atFields = {};
      const rest = [];
      const rules = [];
      for (const error of problem.errors ?? []) {
        rules.push(error.rule);
        const field = fieldOf(all, error);
        const text = ruleText(error);
        if (field && all.find(f => f.name === field.name)) {
          if (!atFields[field.name]) atFields[field.name] = text;
        } else if (!rest.includes(text)) {
          rest.push(text);
        }
      }
      const askedNow = all.filter(field => field.askedBy && rules.includes(field.askedBy)).map(field => field.askedBy);
      setAsked(askedNow);
      setErrors(atFields);
      setGeneral(rest.length || Object.keys(atFields).length ? rest : [problemText(problem)]);
    } finally {
      setBusy(false);
    }
  };
  return e('form', { class: 'inline', onSubmit: send, 'data-test': test, 'aria-label': title, noValidate: true },
    title && e('h4', { class: 'wide' }, title),
    shown.map(field => {
      const error = errors[field.name];
      const help = field.help || field.preview;
      return e('div', { class: 'field' + (field.long || field.wide ? ' wide' : '') + (field.type === 'checkbox' ? ' wide confirm' : '')
          + (error ? ' invalid' : ''), 'data-test': 'at-' + field.name },
        e('label', { for: 'f-' + field.id }, field.label, field.required && e('span', { class: 'required', 'aria-hidden': 'true' }, ' *')),
        e(Control, { field, value: values[field.name], values, set: set(field.name), invalid: !!error,
          describedBy: [error && 'e-' + field.id, help && 'h-' + field.id].filter(Boolean).join(' ') || undefined }),
        error && e('span', { class: 'field-error', id: 'e-' + field.id, role: 'alert', 'data-test': 'error-' + field.name }, error),
        help && e('span', { class: 'help', id: 'h-' + field.id },
          field.preview ? e(field.preview, { value: values[field.name], values }) : field.help));
    }),
    general.length > 0 && e('div', { class: 'problems', role: 'alert', 'data-test': 'problems' },
      general.map(text => e('div', null, text))),
    e('div', { class: 'buttons' },
      e('button', { class: 'primary', type: 'submit', disabled: busy, 'data-test': 'submit' }, submitText ?? t('action.submit')),
      onCancel && e('button', { type: 'button', onClick: onCancel, 'data-test': 'cancel' }, t('action.cancel'))),
    e('p', { class: 'muted wide legend' }, t('form.requiredLegend')));
}

/** A decision with an optional or required comment (approve / return), as a small form. */
export function DecisionForm({ label, required, submitText, submit, onDone, onCancel, test, name = 'comment' }) {
  return e(Form, { test, submitText, onDone, onCancel, submit: values => submit(values[name] || null),
    fields: [{ name, label, required, long: true, max: 500 }] });
}
