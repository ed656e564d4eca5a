// The simulated Abiquo console: login, the Users view (#/enterprises) and the enterprise-edit modal. It talks to
// the API as the real console does (cookie session, vendor media types) and its Save writes back what it loaded.
import {stringsFor} from './strings.js';

const VERSION = '6.2';
const mediaType = (name) => `application/vnd.abiquo.${name}+json; version=${VERSION}`;
const app = document.getElementById('app');
let apiBase = `${location.origin}/api`;
let user;
let s = stringsFor(navigator.language);

const escapeHtml = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
const linkOf = (dto, rel) => dto?.links?.find((l) => l.rel === rel);

class ApiFailure extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * One API call; `href` is absolute (a link) or a path under the API base. A link may name another host than the
 * endpoint (an API behind a proxy writes its own: scenario `linkBase`); the call goes to the endpoint with the
 * link's path [I]. `login` sends Basic credentials (GET /login opens the session and sets the auth cookie).
 *
 * XMLHttpRequest with credentials given to open(), not fetch: Abiquo answers 401 with `WWW-Authenticate: Basic`, and
 * for a fetch Chromium and Firefox hold the request for their own login prompt (measured, headless too). open()'s
 * credentials go only in answer to a challenge, and their refusal hands the page the 401 instead of prompting.
 */
function api(href, {method = 'GET', accept, contentType, body, login} = {}) {
  const link = href.startsWith('http') ? new URL(href) : undefined;
  const url = link ? `${apiBase}${link.pathname.replace(/^\/api(?=\/|$)/, '')}${link.search}` : `${apiBase}${href}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url, true, login?.user ?? 'no-session', login?.password ?? 'no-session');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', accept ? mediaType(accept) : 'application/json');
    if (contentType) xhr.setRequestHeader('Content-Type', mediaType(contentType));
    if (login) xhr.setRequestHeader('Authorization', `Basic ${btoa(`${login.user}:${login.password}`)}`);
    xhr.onerror = () => reject(new ApiFailure(0, 'NETWORK', 'The API cannot be reached'));
    xhr.onload = () => {
      const text = xhr.responseText;
      const json = text && xhr.getResponseHeader('content-type')?.includes('json') ? JSON.parse(text) : undefined;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(json);
      const first = json?.collection?.[0];
      reject(new ApiFailure(xhr.status, first?.code ?? String(xhr.status), first?.message ?? xhr.statusText));
    };
    xhr.send(body === undefined ? null : JSON.stringify(body));
  });
}

async function loadConfig() {
  try {
    const config = await (await fetch('/ui/config/client-config-custom.json')).json();
    if (config['config.endpoint']) apiBase = config['config.endpoint'];
  } catch {
    // The default /api is right for a console served by the API's own host.
  }
}

function setLanguage(locale) {
  s = stringsFor(locale);
  document.documentElement.lang = s === stringsFor('es') ? 'es' : 'en';
}

function renderLogin(error) {
  app.innerHTML = `
    <form class="login-form" novalidate>
      <h1>${escapeHtml(s.loginTitle)}</h1>
      ${error ? `<div class="alert alert-error" role="alert">${escapeHtml(error)}</div>` : ''}
      <div class="control-group"><label class="control-label" for="login-username">${escapeHtml(s.username)}</label>
        <div class="controls"><input id="login-username" name="username" type="text" autocomplete="username" required></div></div>
      <div class="control-group"><label class="control-label" for="login-password">${escapeHtml(s.password)}</label>
        <div class="controls"><input id="login-password" name="password" type="password" autocomplete="current-password" required></div></div>
      <button type="submit" class="btn btn-primary">${escapeHtml(s.login)}</button>
    </form>`;
  const form = app.querySelector('form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      // Like the real console: GET /login with Basic auth; the answer sets the HttpOnly auth cookie.
      user = await api('/login', {accept: 'user', login: {user: form.username.value, password: form.password.value}});
      setLanguage(user.locale);
      if (location.hash !== '#/enterprises') location.hash = '#/enterprises';
      else route();
    } catch {
      renderLogin(s.loginFailed);
    }
  });
  form.username.focus();
}

function renderShell(active) {
  app.innerHTML = `
    <nav class="navbar">
      <span class="brand">Abiquo</span>
      <a href="#/dashboard" class="${active === 'dashboard' ? 'active' : ''}">${escapeHtml(s.dashboard)}</a>
      <a href="#/enterprises" class="${active === 'enterprises' ? 'active' : ''}">${escapeHtml(s.users)}</a>
      <span class="user">${escapeHtml(`${user.name} ${user.surname}`.trim())}</span>
    </nav>
    <main class="main"></main>`;
  return app.querySelector('main');
}

/**
 * The console's markup is not written here: the Users view and the enterprise dialog are the hand-written fixtures
 * the extension's selectors are tested against (test/fixtures/console/, served at /ui/fixtures/), filled with the
 * API's data. This file finds its way in them as AngularJS does, by their `ng-model`, `ng-click` and `ng-repeat`
 * attributes, and adds only the handles the e2e drivers use (`addDriverHooks`).
 */
const MARKUP_VARIANT = '3x';
const markupFiles = new Map();

async function consoleMarkup(view) {
  const file = `${view}.${MARKUP_VARIANT}.${document.documentElement.lang === 'es' ? 'es' : 'en'}.html`;
  if (!markupFiles.has(file)) {
    markupFiles.set(
      file,
      fetch(`/ui/fixtures/${file}`).then((response) => {
        if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
        return response.text();
      }),
    );
  }
  const parsed = new DOMParser().parseFromString(await markupFiles.get(file), 'text/html');
  return document.importNode(parsed.body.firstElementChild, true);
}

/** The first element of a repeated template (`ng-repeat`), taken out of `parent` with its siblings: the row to clone. */
function takeTemplate(parent, repeat) {
  const rows = [...parent.querySelectorAll(`[ng-repeat^="${repeat}"]`)];
  for (const row of rows) row.remove();
  const template = rows[0].cloneNode(true);
  template.classList.remove('active');
  return template;
}

const byModel = (root, model) => root.querySelector(`[ng-model="${model}"]`);
const byClick = (root, call) => root.querySelector(`[ng-click="${call}"]`);

/**
 * Not the console's: the classes and names the e2e drivers and the demo find the simulated console by
 * (test/helpers/console-driver.ts, scripts/demo-flow.ts, bench/console-weight.ts). The extension's selectors never
 * see them in their tests, whose fixtures are the files without these.
 */
function addDriverHooks(element, hooks) {
  for (const [selector, className] of Object.entries(hooks)) (selector === ':scope' ? element : element.querySelector(selector))?.classList.add(className);
}

async function renderEnterprises(main) {
  const view = await consoleMarkup('users-view');
  const list = view.querySelector('.ab-topiclist');
  const rowTemplate = takeTemplate(list, 'enterprise in ');
  addDriverHooks(list, {':scope': 'enterprise-list'});
  main.replaceChildren(view);
  let page;
  try {
    page = await api('/admin/enterprises?startwith=0&limit=0&by=name', {accept: 'enterprises'});
  } catch (error) {
    if (error.status === 401) return renderLogin();
    list.innerHTML = `<li class="enterprise-row alert alert-error">${escapeHtml(error.message)}</li>`;
    return;
  }
  for (const enterprise of page.collection) {
    const row = rowTemplate.cloneNode(true);
    const [name, markers] = row.querySelectorAll('a .ng-binding');
    name.textContent = enterprise.name;
    markers.textContent = [enterprise.keyNode ? s.keyNodeMarker : '', enterprise.reseller ? s.resellerMarker : ''].filter(Boolean).join(' ');
    const edit = row.querySelector('[ng-click^="edit("]');
    addDriverHooks(row, {':scope': 'enterprise-row', 'a .ng-binding': 'enterprise-name', '[ng-click^="edit("]': 'edit-enterprise'});
    // Also the drivers': the keyboard test finds the row's button by this name (the console's says only "Edit").
    edit.setAttribute('aria-label', `${s.edit} ${enterprise.name}`);
    row.querySelector('[ng-click^="select("]').addEventListener('click', () => {
      for (const other of list.children) other.classList.toggle('active', other === row);
    });
    edit.addEventListener('click', () => openEnterpriseDialog(linkOf(enterprise, 'edit').href, main));
    list.append(row);
  }
}

/**
 * The console's tabs (its AngularJS `tabs`/`pane` templates): a click selects the pane at the link's position; the DOM
 * changes only when the selection does (`ng-class` and `ng-show` act on a changed value), so clicking the tab already
 * selected writes nothing, even if something else hid its pane meanwhile.
 */
function bindTabs(tabbable) {
  const items = [...tabbable.querySelectorAll(':scope > .nav-tabs > li')];
  const panes = [...tabbable.querySelectorAll(':scope > .tab-content > .tab-pane')];
  let selected = items.findIndex((li) => li.classList.contains('active'));
  items.forEach((li, index) => {
    li.querySelector('a').addEventListener('click', () => {
      if (index === selected) return;
      const previous = selected;
      selected = index;
      for (const i of [previous, index]) {
        items[i]?.classList.toggle('active', i === selected);
        panes[i]?.classList.toggle('active', i === selected);
        if (panes[i]) panes[i].style.display = i === selected ? '' : 'none';
      }
    });
  });
}

const settle = (promise) =>
  promise.then(
    (value) => ({value}),
    (error) => ({error}),
  );

/** The console tells of a failed request in a toast (its theme styles toastr's `#toast-container`). */
function toast(message, kind = 'error') {
  document.getElementById('toast-container')?.remove();
  if (!message) return;
  const container = document.createElement('div');
  container.id = 'toast-container';
  container.className = 'toast-top-right';
  container.innerHTML = `<div class="toast toast-${kind}" role="alert"><div class="toast-message">${escapeHtml(message)}</div></div>`;
  document.body.append(container);
}

const deniedText = (error) => (error.status === 403 ? s.noPermission : error.message);

const credentialRows = new WeakMap();

/** Fills a credentials pane (Public or Pricing) from its list, or says it cannot be read and hides its form. */
function fillCredentials(pane, repeat, result, onRelease) {
  const list = pane.querySelector('.credentials-list');
  if (!credentialRows.has(list)) credentialRows.set(list, takeTemplate(list, repeat));
  const template = credentialRows.get(list);
  list.replaceChildren();
  for (const control of pane.querySelectorAll(':scope > .control-group, :scope > button')) control.hidden = Boolean(result.error);
  if (result.error) {
    list.innerHTML = `<li class="alert alert-info">${escapeHtml(deniedText(result.error))}</li>`;
    return;
  }
  for (const credential of result.value.collection) {
    const row = template.cloneNode(true);
    row.querySelector('.ng-binding').textContent = linkOf(credential, 'hypervisortype')?.title ?? '';
    row.querySelector('[ng-click^="releaseAccount("]').addEventListener('click', () => onRelease(credential));
    list.append(row);
  }
}

async function openEnterpriseDialog(href, main) {
  // The console's own GET of the enterprise: what a webRequest watcher sees when the dialog opens.
  const enterprise = await api(href, {accept: 'enterprise'});
  const [propsResult, publicResult, pricingResult, scopesResult] = await Promise.all([
    settle(api(linkOf(enterprise, 'properties').href, {accept: 'enterpriseproperties'})),
    settle(api(linkOf(enterprise, 'credentials').href, {accept: 'publiccloudcredentialslist'})),
    settle(api(linkOf(enterprise, 'pricingcredentials').href, {accept: 'pricingcredentialslist'})),
    settle(api('/admin/scopes?limit=0', {accept: 'scopes'})),
  ]);
  // The state the dialog loaded; Save writes it back with the edits made here (and nothing else).
  const loadedProperties = propsResult.value;
  const editedProperties = {...loadedProperties?.properties};
  const scopeLink = linkOf(enterprise, 'scope');
  const scopes = scopesResult.value?.collection ?? [];

  const modal = await consoleMarkup('enterprise-dialog');
  addDriverHooks(modal, {':scope': 'enterprise-modal', '.modal-footer [ng-click="close()"]': 'cancel', '.modal-footer [ng-click="save()"]': 'save'});
  const backdrop = document.createElement('div');
  backdrop.className = 'modal-backdrop';

  // General
  const name = byModel(modal, 'enterprise.name');
  name.value = enterprise.name;
  const scopeSelect = byModel(modal, 'enterprise.defaultScope');
  scopeSelect.replaceChildren(...scopes.map((sc) => new Option(sc.name, linkOf(sc, 'edit').href, false, linkOf(sc, 'edit').href === scopeLink?.href)));
  byModel(modal, 'enterprise.reseller').checked = Boolean(enterprise.reseller);
  byModel(modal, 'enterprise.keyNode').checked = Boolean(enterprise.keyNode);

  // Credentials: written at once by their own buttons, as in the real console.
  const credentialKinds = {
    public: {
      repeat: 'credential in publicCredentials',
      href: linkOf(enterprise, 'credentials').href,
      listType: 'publiccloudcredentialslist',
      itemType: 'publiccloudcredentials',
      model: 'publicCredential',
      add: 'addPublicAccount()',
    },
    pricing: {
      repeat: 'credential in pricingCredentials',
      href: linkOf(enterprise, 'pricingcredentials').href,
      listType: 'pricingcredentialslist',
      itemType: 'pricingcredentials',
      model: 'pricingCredential',
      add: 'addPricingAccount()',
    },
  };
  const refreshCredentials = async (kind, result) => {
    const {repeat, href: collectionHref, listType, model} = credentialKinds[kind];
    const pane = byModel(modal, `${model}.access`).closest('.tab-pane');
    fillCredentials(pane, repeat, result ?? (await settle(api(collectionHref, {accept: listType}))), async (credential) => {
      try {
        await api(linkOf(credential, 'edit').href, {method: 'DELETE'});
        toast();
      } catch (error) {
        toast(`${error.code}: ${error.message}`);
      }
      await refreshCredentials(kind);
    });
  };
  await refreshCredentials('public', publicResult);
  await refreshCredentials('pricing', pricingResult);
  for (const [kind, {href: collectionHref, listType, itemType, model, add}] of Object.entries(credentialKinds)) {
    byClick(modal, add).addEventListener('click', async () => {
      const access = byModel(modal, `${model}.access`);
      const secret = byModel(modal, `${model}.key`);
      const provider = byModel(modal, `${model}.provider`).value;
      const body = {
        access: access.value.trim(),
        key: secret.value,
        links: provider ? [{rel: 'hypervisortype', href: `${apiBase}/config/hypervisortypes/${provider}`}] : [],
      };
      if (byModel(modal, `${model}.onlyForBilling`)?.checked) body.onlyForBilling = true;
      try {
        const current = await api(collectionHref, {accept: listType});
        const existing = current.collection.find((c) => linkOf(c, 'hypervisortype')?.title === provider);
        if (existing) await api(linkOf(existing, 'edit').href, {method: 'PUT', accept: itemType, contentType: itemType, body});
        else await api(collectionHref, {method: 'POST', accept: itemType, contentType: itemType, body});
        access.value = '';
        secret.value = '';
        toast();
        await refreshCredentials(kind);
      } catch (error) {
        toast(`${error.code}: ${error.message}`);
      }
    });
  }
  byClick(modal, 'generateBilling()').addEventListener('click', () => toast(s.notSimulated, 'info'));

  // Properties
  const propertiesPane = byModel(modal, 'newProperty.key').closest('.tab-pane');
  const propertiesBody = propertiesPane.querySelector('tbody');
  const propertyTemplate = takeTemplate(propertiesBody, 'property in ');
  const newKey = byModel(modal, 'newProperty.key');
  const newValue = byModel(modal, 'newProperty.value');
  const redrawProperties = () => {
    propertiesBody.replaceChildren(
      ...Object.entries(editedProperties)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => {
          const row = propertyTemplate.cloneNode(true);
          const [keyCell, valueCell] = row.querySelectorAll('td.ng-binding');
          keyCell.textContent = key;
          valueCell.textContent = value;
          row.querySelector('[ng-click^="removeProperty("]').addEventListener('click', () => {
            delete editedProperties[key];
            redrawProperties();
          });
          row.querySelector('[ng-click^="editProperty("]').addEventListener('click', () => {
            newKey.value = key;
            newValue.value = value;
            newValue.focus();
          });
          return row;
        }),
    );
  };
  if (loadedProperties) {
    redrawProperties();
    byClick(modal, 'addProperty()').addEventListener('click', () => {
      const key = newKey.value.trim();
      if (!key) return;
      editedProperties[key] = newValue.value;
      newKey.value = '';
      newValue.value = '';
      redrawProperties();
    });
  } else {
    for (const child of propertiesPane.children) child.hidden = true;
    propertiesPane.insertAdjacentHTML('afterbegin', `<p class="alert alert-info">${escapeHtml(deniedText(propsResult.error))}</p>`);
  }

  for (const tabbable of modal.querySelectorAll('.tabbable')) bindTabs(tabbable);
  document.body.append(backdrop, modal);
  document.body.classList.add('modal-open');
  const close = () => {
    modal.remove();
    backdrop.remove();
    toast();
    document.body.classList.remove('modal-open');
    document.removeEventListener('keydown', onKey);
  };
  const onKey = (event) => event.key === 'Escape' && close();
  document.addEventListener('keydown', onKey);
  for (const button of modal.querySelectorAll('[ng-click="close()"]')) button.addEventListener('click', close);

  byClick(modal, 'save()').addEventListener('click', async () => {
    const chosenScope = scopes.find((sc) => linkOf(sc, 'edit').href === scopeSelect.value);
    const links = enterprise.links.filter((l) => l.rel !== 'scope');
    if (chosenScope) links.push({...linkOf(chosenScope, 'edit'), rel: 'scope'});
    const enterpriseBody = {
      ...enterprise,
      name: name.value.trim(),
      reseller: byModel(modal, 'enterprise.reseller').checked,
      keyNode: byModel(modal, 'enterprise.keyNode').checked,
      links,
    };
    try {
      await api(linkOf(enterprise, 'edit').href, {method: 'PUT', accept: 'enterprise', contentType: 'enterprise', body: enterpriseBody});
      if (loadedProperties) {
        // The map loaded when the dialog opened plus this dialog's edits: changes made meanwhile elsewhere are lost.
        await api(linkOf(loadedProperties, 'edit').href, {
          method: 'PUT',
          accept: 'enterpriseproperties',
          contentType: 'enterpriseproperties',
          body: {...loadedProperties, properties: editedProperties},
        });
      }
      close();
      await renderEnterprises(main);
    } catch (error) {
      toast(`${error.code}: ${error.message}`);
    }
  });
  name.focus();
}

async function route() {
  if (!user) return renderLogin();
  const view = location.hash.replace(/^#\/?/, '').split('?')[0] || 'dashboard';
  const main = renderShell(view);
  if (view === 'enterprises') await renderEnterprises(main);
  else main.innerHTML = `<p>${escapeHtml(s.dashboard)}</p>`;
}

async function boot() {
  await loadConfig();
  try {
    user = await api('/login', {accept: 'user'});
    setLanguage(user.locale);
  } catch {
    user = undefined;
  }
  window.addEventListener('hashchange', () => void route());
  await route();
}

void boot();
