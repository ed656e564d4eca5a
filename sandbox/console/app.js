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

async function renderEnterprises(main) {
  main.innerHTML = `<div class="enterprises-container"><h2>${escapeHtml(s.enterprises)}</h2><ul class="enterprise-list"><li class="enterprise-row">${escapeHtml(s.loading)}</li></ul></div>`;
  const list = main.querySelector('.enterprise-list');
  let page;
  try {
    page = await api('/admin/enterprises?startwith=0&limit=0&by=name', {accept: 'enterprises'});
  } catch (error) {
    if (error.status === 401) return renderLogin();
    list.innerHTML = `<li class="enterprise-row alert alert-error">${escapeHtml(error.message)}</li>`;
    return;
  }
  list.innerHTML = '';
  for (const enterprise of page.collection) {
    const row = document.createElement('li');
    row.className = 'enterprise-row';
    const markers = [enterprise.keyNode ? s.keyNodeMarker : '', enterprise.reseller ? s.resellerMarker : ''].filter(Boolean).join(' ');
    row.innerHTML = `<span class="enterprise-name">${escapeHtml(enterprise.name)}</span>
      ${markers ? `<span class="enterprise-marker">${escapeHtml(markers)}</span>` : ''}
      <button type="button" class="btn btn-link edit-enterprise" title="${escapeHtml(s.edit)}" aria-label="${escapeHtml(`${s.edit} ${enterprise.name}`)}"><i class="icon-pencil" aria-hidden="true">✎</i></button>`;
    row.querySelector('.edit-enterprise').addEventListener('click', () => openEnterpriseDialog(linkOf(enterprise, 'edit').href, main));
    list.append(row);
  }
}

/** Bootstrap tab behaviour: activate one li and its pane, deactivate the siblings (foreign ones included). */
function bindTabs(tabbable) {
  const nav = tabbable.querySelector(':scope > .nav-tabs');
  const content = tabbable.querySelector(':scope > .tab-content');
  for (const anchor of nav.querySelectorAll(':scope > li > a')) {
    anchor.addEventListener('click', (event) => {
      event.preventDefault();
      for (const li of nav.children) li.classList.remove('active');
      for (const pane of content.children) pane.classList.remove('active');
      anchor.parentElement.classList.add('active');
      content.querySelector(`:scope > ${anchor.getAttribute('href')}`)?.classList.add('active');
    });
  }
}

const settle = (promise) => promise.then((value) => ({value}), (error) => ({error}));

function credentialStatus(result) {
  if (result.error) return `<p class="credential-status alert alert-info">${escapeHtml(result.error.status === 403 ? s.noPermission : result.error.message)}</p>`;
  const rows = result.value.collection.map((c) => `<li>${escapeHtml(linkOf(c, 'hypervisortype')?.title ?? '')}: ${escapeHtml(s.credentialsAssigned)}</li>`);
  return `<div class="credential-status"><strong>${escapeHtml(s.currentCredentials)}</strong>${rows.length ? `<ul>${rows.join('')}</ul>` : `<p>${escapeHtml(s.noCredentials)}</p>`}</div>`;
}

function credentialForm(kind, withOnlyForBilling, actionLabel) {
  return `
    <div class="control-group"><label class="control-label" for="${kind}-provider">${escapeHtml(s.provider)}</label>
      <div class="controls"><select id="${kind}-provider" name="${kind}-provider"><option value="AMAZON">Amazon</option></select></div></div>
    <div class="control-group"><label class="control-label" for="${kind}-access">${escapeHtml(s.accessKeyId)}</label>
      <div class="controls"><input id="${kind}-access" name="${kind}-access" type="text" autocomplete="off"></div></div>
    <div class="control-group"><label class="control-label" for="${kind}-secret">${escapeHtml(s.secretAccessKey)}</label>
      <div class="controls"><input id="${kind}-secret" name="${kind}-secret" type="password" autocomplete="off"></div></div>
    ${withOnlyForBilling ? `<label class="checkbox"><input type="checkbox" name="${kind}-only-for-billing"> ${escapeHtml(s.onlyForBilling)}</label>` : ''}
    <button type="button" class="btn ${kind}-credentials-action">${escapeHtml(actionLabel)}</button>`;
}

function propertyRows(properties) {
  const entries = Object.entries(properties).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return `<tr><td colspan="3">${escapeHtml(s.noProperties)}</td></tr>`;
  return entries.map(([k, v]) => `<tr><td class="property-key">${escapeHtml(k)}</td><td class="property-value">${escapeHtml(v)}</td>
    <td><button type="button" class="btn btn-link delete-property" data-key="${escapeHtml(k)}" aria-label="${escapeHtml(`${s.deleteProperty} ${k}`)}">🗑</button></td></tr>`).join('');
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

  const backdrop = document.createElement('div');
  backdrop.className = 'modal-backdrop';
  const modal = document.createElement('div');
  modal.className = 'modal modal-form enterprise-modal';
  modal.setAttribute('role', 'dialog');
  modal.setAttribute('aria-modal', 'true');
  modal.setAttribute('aria-labelledby', 'enterprise-modal-title');
  modal.innerHTML = `
    <div class="modal-header">
      <button type="button" class="close" aria-label="${escapeHtml(s.close)}">×</button>
      <h3 id="enterprise-modal-title">${escapeHtml(s.editEnterprise)}</h3>
    </div>
    <div class="modal-body">
      <div class="alert alert-error modal-error" role="alert" hidden></div>
      <form class="enterprise-form-content" novalidate>
        <div class="tabbable enterprise-tabs">
          <ul class="nav nav-tabs" role="tablist">
            <li class="active"><a href="#enterprise-general" role="tab">${escapeHtml(s.general)}</a></li>
            <li><a href="#enterprise-credentials" role="tab">${escapeHtml(s.credentials)}</a></li>
            <li><a href="#enterprise-properties" role="tab">${escapeHtml(s.properties)}</a></li>
          </ul>
          <div class="tab-content">
            <div class="tab-pane active" id="enterprise-general" role="tabpanel">
              <div class="control-group"><label class="control-label" for="enterprise-name">${escapeHtml(s.name)}</label>
                <div class="controls"><input id="enterprise-name" name="name" type="text" value="${escapeHtml(enterprise.name)}"></div></div>
              <div class="control-group"><label class="control-label" for="enterprise-default-scope">${escapeHtml(s.defaultScope)}</label>
                <div class="controls"><select id="enterprise-default-scope" name="defaultScope">${scopes
                  .map((sc) => `<option value="${escapeHtml(linkOf(sc, 'edit').href)}"${linkOf(sc, 'edit').href === scopeLink?.href ? ' selected' : ''}>${escapeHtml(sc.name)}</option>`)
                  .join('')}</select></div></div>
              <label class="checkbox"><input type="checkbox" name="reseller"${enterprise.reseller ? ' checked' : ''}> ${escapeHtml(s.reseller)}</label>
              <label class="checkbox"><input type="checkbox" name="keyNode"${enterprise.keyNode ? ' checked' : ''}> ${escapeHtml(s.keyNode)}</label>
            </div>
            <div class="tab-pane" id="enterprise-credentials" role="tabpanel">
              <div class="tabbable credentials-tabs">
                <ul class="nav nav-tabs" role="tablist">
                  <li class="active"><a href="#enterprise-credentials-public" role="tab">${escapeHtml(s.public)}</a></li>
                  <li><a href="#enterprise-credentials-pricing" role="tab">${escapeHtml(s.pricing)}</a></li>
                </ul>
                <div class="tab-content">
                  <div class="tab-pane active" id="enterprise-credentials-public" role="tabpanel">
                    <div class="public-status">${credentialStatus(publicResult)}</div>${publicResult.error ? '' : credentialForm('public', true, s.addAccount)}
                  </div>
                  <div class="tab-pane" id="enterprise-credentials-pricing" role="tabpanel">
                    <div class="pricing-status">${credentialStatus(pricingResult)}</div>${pricingResult.error ? '' : credentialForm('pricing', false, s.createAccount)}
                  </div>
                </div>
              </div>
            </div>
            <div class="tab-pane" id="enterprise-properties" role="tabpanel">
              ${propsResult.error ? `<p class="alert alert-info">${escapeHtml(propsResult.error.status === 403 ? s.noPermission : propsResult.error.message)}</p>` : `
              <table class="table properties-table"><thead><tr><th>${escapeHtml(s.key)}</th><th>${escapeHtml(s.value)}</th><th></th></tr></thead>
                <tbody>${propertyRows(editedProperties)}</tbody></table>
              <div class="control-group add-property">
                <input name="property-key" type="text" aria-label="${escapeHtml(s.key)}" placeholder="${escapeHtml(s.key)}">
                <input name="property-value" type="text" aria-label="${escapeHtml(s.value)}" placeholder="${escapeHtml(s.value)}">
                <button type="button" class="btn add-property-button">${escapeHtml(s.add)}</button>
              </div>`}
            </div>
          </div>
        </div>
      </form>
    </div>
    <div class="modal-footer">
      <button type="button" class="btn cancel">${escapeHtml(s.cancel)}</button>
      <button type="button" class="btn btn-primary save">${escapeHtml(s.save)}</button>
    </div>`;
  document.body.append(backdrop, modal);
  for (const tabbable of modal.querySelectorAll('.tabbable')) bindTabs(tabbable);
  const form = modal.querySelector('form');
  const showError = (error) => {
    const alert = modal.querySelector('.modal-error');
    alert.textContent = error ? `${error.code}: ${error.message}` : '';
    alert.hidden = !error;
  };
  const close = () => {
    modal.remove();
    backdrop.remove();
    document.removeEventListener('keydown', onKey);
  };
  const onKey = (event) => event.key === 'Escape' && close();
  document.addEventListener('keydown', onKey);
  modal.querySelector('.close').addEventListener('click', close);
  modal.querySelector('.cancel').addEventListener('click', close);

  const redrawProperties = () => {
    const body = modal.querySelector('.properties-table tbody');
    body.innerHTML = propertyRows(editedProperties);
    for (const button of body.querySelectorAll('.delete-property')) {
      button.addEventListener('click', () => {
        delete editedProperties[button.dataset.key];
        redrawProperties();
      });
    }
  };
  if (loadedProperties) {
    redrawProperties();
    modal.querySelector('.add-property-button').addEventListener('click', () => {
      const key = form['property-key'].value.trim();
      if (!key) return;
      editedProperties[key] = form['property-value'].value;
      form['property-key'].value = '';
      form['property-value'].value = '';
      redrawProperties();
    });
  }

  // Credentials are written at once by their own buttons, as in the real console.
  const bindCredentials = (kind, collectionHref, listType, itemType) => {
    const action = modal.querySelector(`.${kind}-credentials-action`);
    action?.addEventListener('click', async () => {
      const access = form[`${kind}-access`].value.trim();
      const key = form[`${kind}-secret`].value;
      const provider = form[`${kind}-provider`].value;
      const body = {access, key, links: [{rel: 'hypervisortype', href: `${apiBase}/config/hypervisortypes/${provider}`}]};
      if (form[`${kind}-only-for-billing`]?.checked) body.onlyForBilling = true;
      try {
        const current = await api(collectionHref, {accept: listType});
        const existing = current.collection.find((c) => linkOf(c, 'hypervisortype')?.title === provider);
        if (existing) await api(linkOf(existing, 'edit').href, {method: 'PUT', accept: itemType, contentType: itemType, body});
        else await api(collectionHref, {method: 'POST', accept: itemType, contentType: itemType, body});
        form[`${kind}-secret`].value = '';
        form[`${kind}-access`].value = '';
        modal.querySelector(`.${kind}-status`).innerHTML = credentialStatus(await settle(api(collectionHref, {accept: listType})));
        showError();
      } catch (error) {
        showError(error);
      }
    });
  };
  bindCredentials('public', linkOf(enterprise, 'credentials').href, 'publiccloudcredentialslist', 'publiccloudcredentials');
  bindCredentials('pricing', linkOf(enterprise, 'pricingcredentials').href, 'pricingcredentialslist', 'pricingcredentials');

  modal.querySelector('.save').addEventListener('click', async () => {
    const chosenScope = scopes.find((sc) => linkOf(sc, 'edit').href === form.defaultScope.value);
    const links = enterprise.links.filter((l) => l.rel !== 'scope');
    if (chosenScope) links.push({...linkOf(chosenScope, 'edit'), rel: 'scope'});
    const enterpriseBody = {...enterprise, name: form.name.value.trim(), reseller: form.reseller.checked, keyNode: form.keyNode.checked, links};
    try {
      await api(linkOf(enterprise, 'edit').href, {method: 'PUT', accept: 'enterprise', contentType: 'enterprise', body: enterpriseBody});
      if (loadedProperties) {
        // The map loaded when the dialog opened plus this dialog's edits: changes made meanwhile elsewhere are lost.
        await api(linkOf(loadedProperties, 'edit').href, {method: 'PUT', accept: 'enterpriseproperties', contentType: 'enterpriseproperties', body: {...loadedProperties, properties: editedProperties}});
      }
      close();
      await renderEnterprises(main);
    } catch (error) {
      showError(error);
    }
  });
  form.name.focus();
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
