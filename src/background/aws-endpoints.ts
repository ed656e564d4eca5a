/** Where AWS requests go. Release builds: AWS itself. Sandbox builds only: the loopback simulation. */
import type {AwsEndpoints} from '../aws/aws-clients.ts';

declare const __SANDBOX__: boolean;
/** Sandbox builds: the simulated AWS at `npm run sandbox`'s default ports (scripts/build.ts); release builds: `{}`. */
declare const __SANDBOX_AWS_ENDPOINTS__: AwsEndpoints;
export const isSandboxBuild = __SANDBOX__;

/**
 * A sandbox build loaded by hand reaches `npm run sandbox` at its default ports. The tests and `npm start` run their
 * sandboxes on free ports and write `sandbox-endpoints.json` into their copy of the build, which wins.
 * `__SANDBOX__` is false in release builds, so this code, the file name and the endpoints are dropped there.
 */
export async function loadAwsEndpoints(): Promise<AwsEndpoints> {
  if (!__SANDBOX__) return {};
  try {
    const response = await fetch(chrome.runtime.getURL('sandbox-endpoints.json'));
    if (response.ok) return (await response.json()) as AwsEndpoints;
  } catch {
    // No such file in the build: the defaults below.
  }
  return __SANDBOX_AWS_ENDPOINTS__;
}
