// Loading what a page shows: once per key, again on reload() (after a command).
import { h } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../i18n.js';

export function useLoad(load, key) {
  const [state, setState] = useState({ loading: true });
  const fetchIt = useCallback(() => {
    let live = true;
    load().then(data => live && setState({ data }), error => live && setState({ error }));
    return () => { live = false; };
  }, [key]);
  useEffect(() => {
    setState({ loading: true });
    return fetchIt();
  }, [fetchIt]);
  return [state, fetchIt];
}

export function Loading({ state, children }) {
  if (state.loading) {
    return h('p', { class: 'muted', role: 'status' }, t('loading'));
  }
  if (state.error) {
    return h('p', { class: 'badge', role: 'alert', 'data-test': 'error' }, t('error') + ': ' + state.error.message);
  }
  return children(state.data);
}
