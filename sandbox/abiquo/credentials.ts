/**
 * Public cloud credentials (`/credentials`) and pricing credentials (ASSUMED path): the same resource shape, with
 * their own error codes. Responses never contain `key`, and `access` only obfuscated.
 */
import {ASSUMED} from './assumptions.ts';
import {ApiError, badRequest, conflict, notFound} from './errors.ts';
import type {Ctx, Route} from './http.ts';
import {idParam, linkPath, objectBody, requirePrivileges} from './http.ts';
import {HYPERVISOR_TYPES} from './hypervisor-types.ts';
import {obfuscate} from './obfuscate.ts';
import {NEEDS} from './privileges.ts';
import {credentialDto, credentialPaths} from './representations.ts';
import type {Credential, CredentialKind} from './store.ts';

interface Rules {
  needs: readonly string[];
  incomplete: [string, string];
  noProvider: [string, string];
  unknownProvider: [string, string];
  duplicateProvider: [string, string];
  inUse: [string, string];
  providerChanged: [string, string];
  notFound: [string, string];
}

const RULES: Record<CredentialKind, Rules> = {
  public: {
    needs: NEEDS.providerCredentials,
    incomplete: [ASSUMED.codes.credentialsIncomplete, 'The access ID and secret key are required'],
    noProvider: [ASSUMED.codes.credentialsNoProvider, 'A link to a hypervisortype or publiccloudregion is required'],
    unknownProvider: [ASSUMED.codes.credentialsNoProvider, 'The requested hypervisor type does not exist'],
    duplicateProvider: ['PUBLIC-3', 'The requested provider already has credentials assigned.'],
    inUse: ['PUBLIC-14', 'The credentials are already in use'],
    providerChanged: ['PUBLIC-7', 'The provider field of the credentials cannot be modified'],
    notFound: ['PUBLIC-1', 'The requested public cloud credentials do not exist'],
  },
  pricing: {
    needs: NEEDS.pricingCredentials,
    incomplete: ['PRICING-CREDS-4', 'The credentials require an access key attribute'],
    noProvider: ['PRICING-CREDS-6', 'A link to a hypervisortype or publiccloudregion is required'],
    unknownProvider: ['PRICING-CREDS-3', 'The credentials require a provider attribute'],
    duplicateProvider: [ASSUMED.pricingDuplicateProviderCode, 'The requested provider already has credentials assigned.'],
    inUse: ['PRICING-CREDS-2', 'The supplied pricing credentials are already in use'],
    providerChanged: ['PRICING-CREDS-5', 'Cannot update the provider of existing pricing credentials'],
    notFound: ['PRICING-CREDS-1', 'The requested pricing credentials do not exist'],
  },
};

function enterpriseOf(ctx: Ctx, rules: Rules): number {
  const id = idParam(ctx);
  if (!ctx.store.enterprises.has(id)) throw notFound('The requested enterprise does not exist');
  requirePrivileges(ctx, rules.needs);
  return id;
}

/** access, key, provider and flags of a body; `current` is the credential a PUT replaces. */
function parse(ctx: Ctx, rules: Rules, current?: Credential) {
  const body = objectBody(ctx);
  const path = linkPath(body, 'hypervisortype');
  if (path === undefined && !current) throw badRequest(...rules.noProvider);
  const provider = path === undefined ? (current?.provider ?? '') : (/^\/config\/hypervisortypes\/([A-Z0-9_]+)$/.exec(path)?.[1] ?? '');
  if (!HYPERVISOR_TYPES[provider]) throw badRequest(...rules.unknownProvider);
  if (current && provider !== current.provider) throw conflict(...rules.providerChanged);
  let access = typeof body.access === 'string' ? body.access.trim() : '';
  // A client that PUTs back what it read sends the obfuscated value: that means "unchanged".
  if (current && access === obfuscate(current.access)) access = current.access;
  const key = typeof body.key === 'string' && body.key ? body.key : current && access === current.access ? current.key : '';
  if (!access || !key) throw badRequest(...rules.incomplete);
  const flags = Object.fromEntries(Object.entries(body).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'));
  return {access, key, provider, flags};
}

function credentialRoutes(kind: CredentialKind): Route[] {
  const rules = RULES[kind];
  const paths = credentialPaths[kind];
  const list = new RegExp(`^/admin/enterprises/(\\d+)/${paths.segment}$`);
  const item = new RegExp(`^/admin/enterprises/(\\d+)/${paths.segment}/(\\d+)$`);
  const find = (ctx: Ctx): Credential => {
    const credential = ctx.store.credentials[kind].get(idParam(ctx, 1));
    if (!credential || credential.enterpriseId !== enterpriseOf(ctx, rules)) throw new ApiError(404, ...rules.notFound);
    return credential;
  };
  const checkInUse = (ctx: Ctx, enterpriseId: number, access: string) => {
    if ([...ctx.store.credentials[kind].values()].some((c) => c.access === access && c.enterpriseId !== enterpriseId)) throw conflict(...rules.inUse);
  };
  return [
    {
      method: 'GET',
      path: list,
      produces: [paths.list],
      handle: (ctx) => ({
        status: 200,
        body: {links: [], collection: ctx.store.credentialsOf(kind, enterpriseOf(ctx, rules)).map((c) => credentialDto(ctx, kind, c))},
      }),
    },
    {
      method: 'POST',
      path: list,
      produces: [paths.item],
      consumes: [paths.item],
      handle: (ctx) => {
        const enterpriseId = enterpriseOf(ctx, rules);
        const {provider, ...spec} = parse(ctx, rules);
        if (ctx.store.credentialsOf(kind, enterpriseId).some((c) => c.provider === provider)) throw conflict(...rules.duplicateProvider);
        checkInUse(ctx, enterpriseId, spec.access);
        return {status: 201, body: credentialDto(ctx, kind, ctx.store.addCredential(kind, enterpriseId, provider, spec))};
      },
    },
    {method: 'GET', path: item, produces: [paths.item], handle: (ctx) => ({status: 200, body: credentialDto(ctx, kind, find(ctx))})},
    {
      method: 'PUT',
      path: item,
      produces: [paths.item],
      consumes: [paths.item],
      handle: (ctx) => {
        const credential = find(ctx);
        const {access, key, flags} = parse(ctx, rules, credential);
        checkInUse(ctx, credential.enterpriseId, access);
        Object.assign(credential, {access, key, flags: {...credential.flags, ...flags}});
        return {status: 200, body: credentialDto(ctx, kind, credential)};
      },
    },
    {
      method: 'DELETE',
      path: item,
      produces: [paths.item],
      handle: (ctx) => {
        ctx.store.credentials[kind].delete(find(ctx).id);
        return {status: 204};
      },
    },
  ];
}

export const credentialsRoutes: Route[] = [...credentialRoutes('public'), ...credentialRoutes('pricing')];
