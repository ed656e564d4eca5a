/**
 * Abiquo's vendor media types (`application/vnd.abiquo.<name>+json`). Every request names the exact type of
 * the resource, as the console does; whether a `version=` parameter is added is decided in assumptions.ts.
 */
import {API_VERSION} from './assumptions.ts';

export type MediaTypeName =
  | 'user'
  | 'enterprise'
  | 'enterprises'
  | 'enterpriseproperties'
  | 'publiccloudcredentials'
  | 'publiccloudcredentialslist'
  | 'pricingcredentials'
  | 'pricingcredentialslist'
  | 'scope'
  | 'hypervisortype';

export function mediaType(name: MediaTypeName, version: string | undefined = API_VERSION): string {
  return `application/vnd.abiquo.${name}+json${version ? `; version=${version}` : ''}`;
}

/** Whether a link's `type` is the given resource, with or without a version parameter. */
export function isMediaType(type: string | undefined, name: MediaTypeName): boolean {
  return type !== undefined && type.split(';')[0]!.trim().toLowerCase() === `application/vnd.abiquo.${name}+json`;
}
