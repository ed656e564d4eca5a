/** Where AWS requests go. Release builds: AWS itself. Sandbox builds only: the loopback simulation. */
import type {AwsEndpoints} from '../aws/aws-clients.ts';

declare const __SANDBOX__: boolean;
export const isSandboxBuild = __SANDBOX__;

/**
 * The sandbox writes `sandbox-endpoints.json` into the unpacked sandbox build when it starts (its ports are
 * chosen then); `__SANDBOX__` is false in release builds, so this code and the file name are dropped there.
 */
export async function loadAwsEndpoints(): Promise<AwsEndpoints> {
  if (!__SANDBOX__) return {};
  try {
    const response = await fetch(chrome.runtime.getURL('sandbox-endpoints.json'));
    return response.ok ? ((await response.json()) as AwsEndpoints) : {};
  } catch {
    return {};
  }
}
