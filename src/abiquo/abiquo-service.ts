/**
 * The `AbiquoService` the tab's components are given, bound to the keynode enterprise being edited. It holds no
 * secret: keys pass through to one POST/PUT body and are forgotten. What it remembers is the enterprise DTO (its
 * links do not change while the dialog is open); the AWS accounts of linked enterprises go to the memory it is
 * given.
 */
import {err, ok} from '../shared/result.ts';
import type {AbiquoResult} from './codes.ts';
import {accountIdsInMemory} from './account-id-memory.ts';
import type {AbiquoService, AccountIdMemory, KeynodeState} from './types.ts';
import {DEFAULT_SCOPE_REL} from './assumptions.ts';
import {enterpriseHref, readEnterprise, summarise} from './enterprise.ts';
import type {EnterpriseDto} from './enterprise.ts';
import {createHttp} from './http.ts';
import type {HttpOptions} from './http.ts';
import {addLinkedAccount, listLinkedAccounts} from './linked-accounts.ts';
import type {Keynode} from './linked-accounts.ts';
import {requireLink} from './links.ts';
import {failureOf} from '../shared/result.ts';
import {applySetup} from './apply-setup.ts';
import type {SetupLinks} from './apply-setup.ts';
import {findAmazonPricing, pricingCredentialsHref} from './pricing-credentials.ts';
import {readProperties} from './properties.ts';
import {defaultScopeLink, readScope} from './scopes.ts';

export interface AbiquoServiceOptions extends HttpOptions {
  readonly enterpriseId: number;
  /** Where linked enterprises' AWS accounts are kept; by default for the service's life only. */
  readonly accountIds?: AccountIdMemory;
}

export function createAbiquoService(options: AbiquoServiceOptions): AbiquoService {
  const http = createHttp(options);
  const accountIds = options.accountIds ?? accountIdsInMemory();
  let cached: EnterpriseDto | undefined;

  const enterprise = async (signal: AbortSignal): Promise<AbiquoResult<EnterpriseDto>> => {
    if (cached) return ok(cached);
    const read = await readEnterprise(http, enterpriseHref(options.apiBase, options.enterpriseId), signal);
    if (read.ok) cached = read.value;
    return read;
  };

  const propertiesHref = async (signal: AbortSignal): Promise<AbiquoResult<string>> => {
    const e = await enterprise(signal);
    if (!e.ok) return e;
    const link = requireLink(e.value, 'properties');
    return link.ok ? ok(link.value.href) : link;
  };

  const pricingHref = (e: EnterpriseDto): AbiquoResult<string> => {
    const href = pricingCredentialsHref(e);
    return href ? ok(href) : err('ABIQUO_UNEXPECTED_RESPONSE', {missingLink: 'pricingcredentials'});
  };

  const setupLinks = async (signal: AbortSignal): Promise<AbiquoResult<SetupLinks>> => {
    const properties = await propertiesHref(signal);
    if (!properties.ok) return properties;
    // Cached by propertiesHref's read.
    const e = await enterprise(signal);
    const pricing = e.ok ? pricingHref(e.value) : e;
    return pricing.ok ? ok({properties: properties.value, pricingCredentials: pricing.value}) : pricing;
  };

  const keynode = async (signal: AbortSignal): Promise<AbiquoResult<Keynode>> => {
    const e = await enterprise(signal);
    if (!e.ok) return e;
    const link = defaultScopeLink(e.value);
    if (!link) return err('ABIQUO_UNEXPECTED_RESPONSE', {missingLink: DEFAULT_SCOPE_REL});
    const scope = await readScope(http, link, signal);
    return scope.ok ? ok({id: summarise(e.value).id, scope: scope.value}) : scope;
  };

  return {
    async loadKeynode(signal) {
      const e = await enterprise(signal);
      if (!e.ok) return e;
      const propsLink = requireLink(e.value, 'properties');
      if (!propsLink.ok) return propsLink;
      const pricing = pricingHref(e.value);
      if (!pricing.ok) return pricing;
      const scopeLink = defaultScopeLink(e.value);
      // Independent reads run in parallel.
      const [properties, amazonPricing, scope] = await Promise.all([
        readProperties(http, propsLink.value.href, signal),
        findAmazonPricing(http, pricing.value, signal),
        scopeLink ? readScope(http, scopeLink, signal) : Promise.resolve(undefined),
      ]);
      if (!properties.ok) return properties;
      if (!amazonPricing.ok) return amazonPricing;
      if (scope && !scope.ok) return scope;
      const state: KeynodeState = {
        enterprise: summarise(e.value),
        properties: properties.value.properties,
        hasPricingCredentials: amazonPricing.value !== undefined,
        ...(scope ? {scope: {id: scope.value.id, name: scope.value.name, computeResources: scope.value.computeResources}} : {}),
      };
      return ok(state);
    },

    async readProperties(signal) {
      const href = await propertiesHref(signal);
      if (!href.ok) return href;
      const read = await readProperties(http, href.value, signal);
      return read.ok ? ok(read.value.properties) : read;
    },

    async applySetup(plan, signal) {
      const links = await setupLinks(signal);
      return links.ok ? applySetup(http, links.value, plan, signal) : {failure: failureOf(links), credentialsSaved: false};
    },

    async listLinkedAccounts(signal) {
      const k = await keynode(signal);
      return k.ok ? listLinkedAccounts(http, k.value, await accountIds.load(), signal) : k;
    },

    async addLinkedAccount(account, signal) {
      const k = await keynode(signal);
      if (!k.ok) return k;
      const added = await addLinkedAccount(http, k.value, account, signal);
      // Keys STS says are account A, given for an enterprise that has credentials already: the operator matched them.
      const enterpriseId = added.ok ? added.value.account.enterpriseId : added.code === 'ABIQUO_ACCOUNT_EXISTS' ? added.facts?.enterpriseId : undefined;
      if (typeof enterpriseId === 'number') await accountIds.remember(enterpriseId, account.awsAccountId);
      return added;
    },
  };
}
