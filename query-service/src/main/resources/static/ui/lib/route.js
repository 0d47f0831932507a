// Routing by the address's fragment: #/overview/2020, #/dept/scjgj/2020, #/plan/scjgj/2020/P1, #/work/2020 …
import { useEffect, useState } from 'preact/hooks';

export function parseRoute() {
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query: new URLSearchParams(query ?? '') };
}

export function go(path, query) {
  const search = query && [...query].length ? '?' + query.toString() : '';
  location.hash = '#' + path + search;
}

/** A link's href for a path whose segments are escaped. */
export const href = (...segments) => '#/' + segments.map(segment => encodeURIComponent(segment)).join('/');

export function useRoute() {
  const [route, setRoute] = useState(parseRoute());
  useEffect(() => {
    const changed = () => setRoute(parseRoute());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

/** The query with one key set (or removed for an empty value), for filters kept in the address. */
export function withParam(query, key, value, keep = ['page']) {
  const next = new URLSearchParams(query);
  if (value === '' || value === null || value === undefined) next.delete(key); else next.set(key, value);
  if (!keep.includes(key)) next.delete('page');
  return next;
}
