import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import en from '../../locales/en/messages.json' with {type: 'json'};
import es from '../../locales/es/messages.json' with {type: 'json'};
import {abiquoCodes} from './codes.ts';
import {isAmazon} from './amazon-credentials.ts';
import {idFromHref, resolveHref} from './links.ts';
import {defaultScopeLink} from './scopes.ts';

const type = (name: string) => `application/vnd.abiquo.${name}+json`;
/** Recorded 3.10 answers (Abiquo's published API examples for 3.10), abridged. */
const CREATED_CP_TEST_CREDENTIALS = {
  access: '4f40b15345cd837d97d3c547dbdd15e37f536636a9ecb7d570f6b0f347b43174b6f4778f70e58e213d9af5026ec5ae11',
  id: 276,
  links: [
    {href: 'http://localhost:9009/api/admin/enterprises/1558', type: type('enterprise'), rel: 'enterprise', title: '58'},
    {href: 'http://localhost:9009/api/admin/enterprises/1558/credentials/276', type: type('publiccloudcredentials'), rel: 'edit'},
    {href: 'http://localhost:9009/api/config/hypervisortypes/CP_TEST', type: type('hypervisortype'), rel: 'hypervisortype', title: 'CP_TEST'},
  ],
};
const ENTERPRISE_310 = {
  id: 1229,
  name: '12',
  links: [
    {href: 'http://localhost:9009/api/admin/enterprises/1229', type: type('enterprise'), rel: 'edit', title: '12'},
    {href: 'http://localhost:9009/api/admin/enterprises/1229/users', type: type('users'), rel: 'users', title: 'users'},
    {href: 'http://localhost:9009/api/admin/enterprises/1229/properties', type: type('enterpriseproperties'), rel: 'properties', title: 'properties'},
    {href: 'http://localhost:9009/api/admin/enterprises/1229/credentials', type: type('publiccloudcredentialslist'), rel: 'credentials', title: 'credentials'},
  ],
};

describe('Links are followed as the API gives them', () => {
  it('finds the provider of recorded credentials by their hypervisortype link', () => {
    assert.equal(isAmazon(CREATED_CP_TEST_CREDENTIALS), false); // CP_TEST
    const amazon = {links: [{rel: 'hypervisortype', href: 'http://localhost:9009/api/config/hypervisortypes/AMAZON'}]};
    assert.equal(isAmazon(amazon), true);
    assert.equal(isAmazon({links: [{rel: 'hypervisortype', href: 'http://h/api/config/hypervisortypes/AMAZON_CHINA'}]}), false);
  });

  it('keeps the console origin when a link names the API server by an internal host', () => {
    assert.equal(
      resolveHref('http://localhost:9009/api/admin/enterprises/1229/properties', 'https://console.example.com/api'),
      'https://console.example.com/api/admin/enterprises/1229/properties',
    );
    assert.equal(resolveHref('https://console.example.com/api/login', 'https://console.example.com/api'), 'https://console.example.com/api/login');
  });

  it('reads ids at the end of hrefs', () => {
    assert.equal(idFromHref('http://localhost:9009/api/admin/scopes/2309'), 2309);
    assert.equal(idFromHref('http://localhost:9009/api/admin/scopes'), undefined);
  });

  it('finds no default scope on a 3.10 enterprise, which has no scope link, rather than a wrong one', () => {
    assert.equal(defaultScopeLink(ENTERPRISE_310), undefined);
    const byType = {links: [{rel: 'defaultScope', href: 'https://h/api/admin/scopes/9', type: 'application/vnd.abiquo.scope+json; version=6.2'}]};
    assert.equal(defaultScopeLink(byType)?.href, 'https://h/api/admin/scopes/9');
  });
});

describe('Every Abiquo code can be explained', () => {
  it('has a message abiquo_<CODE> in every locale', () => {
    for (const [language, catalogue] of Object.entries({en, es} as Record<string, Record<string, unknown>>)) {
      for (const code of abiquoCodes) assert.ok(`abiquo_${code}` in catalogue, `${language}: abiquo_${code}`);
    }
  });
});
