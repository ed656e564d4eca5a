/** The hypervisor types a credential links to (`/config/hypervisortypes/AMAZON`), and the credentials check. */
import {ASSUMED} from './assumptions.ts';
import {badRequest, notFound} from './errors.ts';
import type {Ctx, Route} from './http.ts';
import {link, objectBody, requirePrivileges} from './http.ts';
import {NEEDS} from './privileges.ts';

/** name → realName, as in 3.10's list (abridged to the public clouds and a few hypervisors). */
export const HYPERVISOR_TYPES: Readonly<Record<string, string>> = {
  AMAZON: 'Amazon',
  AZURE: 'Azure',
  GOOGLE: 'Google Cloud',
  KVM: 'KVM',
  VMX_04: 'VMware vSphere',
};

const PUBLIC = new Set(['AMAZON', 'AZURE', 'GOOGLE']);

function dto(ctx: Ctx, name: string) {
  const realName = HYPERVISOR_TYPES[name] ?? name;
  const base = `/config/hypervisortypes/${name}`;
  return {
    name,
    realName,
    baseFormat: PUBLIC.has(name) ? 'AMI' : 'RAW',
    compatibilityTable: [PUBLIC.has(name) ? 'AMI' : 'RAW'],
    diskControllerTypes: ['IDE', 'SCSI'],
    constraints: {provider_credentials: PUBLIC.has(name) ? 'MANDATORY' : 'NO_APPLICABLE'},
    links: [
      link(ctx, base, 'self', 'hypervisortype', realName),
      ...(PUBLIC.has(name)
        ? [
            link(ctx, `${base}/action/checkcredentials`, 'checkcredentials', 'publiccloudcredentials', 'checkcredentials'),
            link(ctx, `${base}/regions`, 'regions', 'regions', 'regions'),
          ]
        : []),
    ],
  };
}

export const hypervisorTypeRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/config\/hypervisortypes$/,
    produces: ['hypervisortypes'],
    handle: (ctx) => ({status: 200, body: {links: [], collection: Object.keys(HYPERVISOR_TYPES).map((n) => dto(ctx, n))}}),
  },
  {
    method: 'GET',
    path: /^\/config\/hypervisortypes\/([A-Z0-9_]+)$/,
    produces: ['hypervisortype'],
    handle: (ctx) => {
      if (!HYPERVISOR_TYPES[ctx.params[0] ?? '']) throw notFound('The requested hypervisor type does not exist');
      return {status: 200, body: dto(ctx, ctx.params[0] ?? '')};
    },
  },
  {
    // The sandbox only checks that both values are there; AWS itself is checked by the extension (STS).
    method: 'POST',
    path: /^\/config\/hypervisortypes\/([A-Z0-9_]+)\/action\/checkcredentials$/,
    produces: ['errors'],
    consumes: ['publiccloudcredentials'],
    handle: (ctx) => {
      requirePrivileges(ctx, NEEDS.providerCredentials);
      if (!PUBLIC.has(ctx.params[0] ?? '')) throw notFound('The requested hypervisor type does not exist');
      const body = objectBody(ctx);
      if (typeof body.access !== 'string' || !body.access || typeof body.key !== 'string' || !body.key) {
        throw badRequest(ASSUMED.codes.credentialsIncomplete, 'The access ID and secret key are required to validate the credentials');
      }
      return {status: 204};
    },
  },
];
