// PerfLedger's web UI: the frame (sign-in, navigation, language) and the routes to its pages. Pages live in pages/,
// shared controls and forms in components/, routing, loading, formats and the session in lib/. Every figure comes from
// the query API; every change is a command to the command service, after which the page waits for the read model to
// catch up. Text is rendered by Preact, always escaped.
import { h, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, label, lang, setLang } from './i18n.js';
import * as api from './api.js';
import { go, parseRoute, useRoute } from './lib/route.js';
import { Loading, useLoad } from './lib/load.js';
import { base, district, evaluatorOnly } from './lib/session.js';
import { Overview } from './pages/overview.js';
import { Department } from './pages/department.js';
import { PlanWorkspace } from './pages/plan/workspace.js';
import { Work } from './pages/work.js';
import { CalendarPage } from './pages/calendar.js';
import { DepartmentsPage } from './pages/departments.js';
import { SchemesPage } from './pages/schemes.js';
import { LibraryIndicatorPage, LibraryPage } from './pages/library.js';
import { CongressPage } from './pages/congress.js';
import { EvaluationsPage } from './pages/evaluations.js';
import { AdminPage } from './pages/admin.js';
import { YearOverYear } from './pages/years.js';
import { Trail } from './pages/trail.js';
import { Due } from './pages/due.js';
import { Changes } from './pages/changes.js';
import { ChainPage, EventLogPage } from './pages/audit.js';

const e = h;

function SignIn({ onSignedIn }) {
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = event => {
    event.preventDefault();
    if (api.signIn(value.trim())) {
      onSignedIn();
    } else {
      setInvalid(true);
    }
  };
  if (api.providerSignIn) {
    return e('section', { class: 'card signin' },
      e('h2', null, t('signIn.title')),
      e('p', null, e('button', { class: 'primary', type: 'button', onClick: () => api.startProviderSignIn(),
        'data-test': 'sign-in-provider' }, t('signIn.provider'))),
      e('p', { class: 'muted' }, t('signIn.providerHelp')));
  }
  return e('section', { class: 'card signin' },
    e('h2', null, t('signIn.title')),
    e('form', { onSubmit: submit },
      e('label', null, t('signIn.token'),
        e('textarea', { name: 'token', value, onInput: ev => setValue(ev.target.value), 'data-test': 'token' })),
      invalid && e('p', { class: 'badge', role: 'alert' }, t('signIn.invalid')),
      e('p', null, e('button', { class: 'primary', type: 'submit', 'data-test': 'sign-in' }, t('signIn.submit')))),
    e('p', { class: 'muted' }, t('signIn.help')));
}

/** Where a role starts: a department's staff at their dashboard, finance at its work queue, auditors at the overview. */
function Home() {
  // the platform's operators belong to no district: their page is the platform's
  return !district() && api.can('PLATFORM_ADMIN') ? e(OperatorHome) : e(DistrictHome);
}

function OperatorHome() {
  useEffect(() => go('/admin'), []);
  return null;
}

function DistrictHome() {
  // an evaluator reads no year of the district: its list is where it starts
  const [years] = useLoad(() => (evaluatorOnly() ? Promise.resolve([]) : api.read(base() + '/years')), district());
  useEffect(() => {
    // the reader may have gone elsewhere while the years loaded: then they stay there
    if (!years.data || parseRoute().parts.length) return;
    const latest = years.data.length ? years.data[years.data.length - 1].year : new Date().getFullYear();
    const me = api.claims();
    if (evaluatorOnly()) {
      go('/evaluations');
    } else if (me.department && !me.roles.some(role => role === 'DISTRICT_FINANCE' || role === 'AUDITOR')) {
      go('/dept/' + me.department + '/' + latest);
    } else if (me.roles.includes('DISTRICT_FINANCE')) {
      go('/work/' + latest);
    } else {
      go('/overview/' + latest);
    }
  }, [years.data]);
  return e(Loading, { state: years.error ? years : { loading: true } }, () => null);
}

function Page({ route }) {
  const [first, second, third, fourth] = route.parts;
  const query = route.query;
  if (first === 'overview' && second) return e(Overview, { year: second, query });
  if (first === 'work' && second) return e(Work, { year: second });
  if (first === 'calendar' && second) return e(CalendarPage, { year: second });
  if (first === 'admin' && api.can('PLATFORM_ADMIN')) return e(AdminPage);
  if (first === 'departments') return e(DepartmentsPage);
  if (first === 'schemes' && second) return e(SchemesPage, { year: second, query });
  if (first === 'library' && second) return e(LibraryIndicatorPage, { key: second, code: second });
  if (first === 'library') return e(LibraryPage, { query });
  if (first === 'congress' && second) return e(CongressPage, { year: second });
  if (first === 'evaluations') return e(EvaluationsPage);
  if (first === 'due' && second) return e(Due, { year: second, query });
  if (first === 'audit' && second === 'log') return e(EventLogPage, { query });
  if (first === 'audit' && second === 'chain') return e(ChainPage);
  if (first === 'plan' && second && third && fourth) return e(PlanWorkspace, { key: route.parts.join('/'), dep: second, year: third, planKey: fourth });
  if (first === 'dept' && second && third === 'years') return e(YearOverYear, { dep: second });
  if (first === 'dept' && second && third && fourth === 'trail') return e(Trail, { dep: second, year: third });
  if (first === 'dept' && second && third && fourth === 'changes') return e(Changes, { dep: second, year: third, query });
  if (first === 'dept' && second && third) return e(Department, { dep: second, year: third, query });
  return e(Home);
}

/** The year the address names, for the navigation's links. */
function yearOf(parts) {
  const [first, second, third] = parts;
  if (['overview', 'due', 'work', 'calendar', 'schemes', 'congress'].includes(first) && /^\d{4}$/.test(second ?? '')) return second;
  if ((first === 'dept' || first === 'plan') && /^\d{4}$/.test(third ?? '')) return third;
  return null;
}

function App() {
  const route = useRoute();
  const [, setLanguage] = useState(lang());
  const [signedIn, setSignedIn] = useState(!!api.claims());
  useEffect(() => {
    const out = () => setSignedIn(false);
    window.addEventListener('perfledger:signed-out', out);
    return () => window.removeEventListener('perfledger:signed-out', out);
  }, []);
  const me = api.claims();
  const switchLanguage = () => {
    setLang(lang() === 'en' ? 'zh-CN' : 'en');
    setLanguage(lang());
  };
  const year = yearOf(route.parts) ?? String(new Date().getFullYear());
  const workQueue = api.can('DISTRICT_FINANCE') || api.can('DEPARTMENT_EDITOR');
  return e('div', { key: lang() },
    e('header', null,
      e('h1', null, t('app.title')),
      e('nav', { 'aria-label': t('nav.label') }, signedIn && !district() && api.can('PLATFORM_ADMIN')
        && e('a', { href: '#/admin', 'data-test': 'nav-admin' }, t('nav.admin')),
      signedIn && district() && evaluatorOnly() && e('a', { href: '#/evaluations', 'data-test': 'nav-evaluations' },
        t('nav.evaluations')), signedIn && district() && !evaluatorOnly() && [
        workQueue && e('a', { href: '#/work/' + year, 'data-test': 'nav-work' }, t('nav.work')),
        e('a', { href: '#/overview/' + year, 'data-test': 'nav-overview' }, t('nav.overview')),
        me?.department && e('a', { href: '#/dept/' + encodeURIComponent(me.department) + '/' + year, 'data-test': 'nav-department' }, t('nav.department')),
        e('a', { href: '#/due/' + year, 'data-test': 'nav-due' }, t('nav.due')),
        api.can('DISTRICT_FINANCE') && e('a', { href: '#/calendar/' + year, 'data-test': 'nav-calendar' }, t('nav.calendar')),
        api.can('DISTRICT_FINANCE') && e('a', { href: '#/schemes/' + year, 'data-test': 'nav-schemes' }, t('nav.schemes')),
        e('a', { href: '#/library', 'data-test': 'nav-library' }, t('nav.library')),
        e('a', { href: '#/evaluations', 'data-test': 'nav-evaluations' }, t('nav.evaluations')),
        (api.can('DISTRICT_FINANCE') || api.can('AUDITOR')) && e('a', { href: '#/congress/' + year, 'data-test': 'nav-congress' }, t('nav.congress')),
        api.can('DISTRICT_FINANCE') && e('a', { href: '#/departments', 'data-test': 'nav-departments' }, t('nav.departments')),
        e('a', { href: '#/audit/log', 'data-test': 'nav-log' }, t('nav.log')),
        (api.can('AUDITOR') || api.can('DISTRICT_FINANCE'))
          && e('a', { href: '#/audit/chain', 'data-test': 'nav-chain' }, t('nav.chain'))]),
      signedIn && me && e('span', { class: 'user', 'data-test': 'user' }, (me.name ?? me.preferred_username ?? me.sub) + ' · ' + (me.district ?? '')
        + (me.department ? '/' + me.department : '') + ' · ' + me.roles.map(role => label('role', role)).join('、')),
      e('button', { type: 'button', onClick: switchLanguage, 'data-test': 'lang-switch' }, t('lang.switch')),
      signedIn && e('button', { type: 'button', 'data-test': 'sign-out',
        onClick: () => { setSignedIn(false); go('/'); api.endSession(); } },
      t('nav.signOut'))),
    e('main', null, signedIn ? e(Page, { route }) : e(SignIn, { onSignedIn: () => setSignedIn(true) })));
}

// A sign-in link carries the token in the fragment (#token=…), which never reaches a server; it is moved to
// sessionStorage and removed from the address bar at once.
const fromLink = /^#token=([\w.-]+)/.exec(location.hash);
if (fromLink) {
  api.signIn(fromLink[1]);
  history.replaceState(null, '', location.pathname);
}
// back from the identity provider's login page: trade the code for tokens before the first render
await api.completeSignIn();
render(e(App), document.getElementById('app'));
