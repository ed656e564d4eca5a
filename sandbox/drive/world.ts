/** One simulated world and one browser with the built sandbox extension: an e2e test file's, or a benchmark's. */
import {startSandbox, type Sandbox} from '../server.ts';
import {enableConsoleOrigin, launchWithExtension, type BrowserName, type ExtensionBrowser} from './browser.ts';

export interface World {
  readonly sandbox: Sandbox;
  readonly ext: ExtensionBrowser;
}

/** The keynode of the happy-path world (and of the scenarios extending it). */
export const KEYNODE = {id: 42, name: 'Acme Customer Billing'} as const;

/** Starts the scenario's sandbox and the browser with the extension; the console is enabled unless told otherwise. */
export async function startWorld(scenario: string, options: {browser: BrowserName; enable?: boolean; display?: string | undefined}): Promise<World> {
  const sandbox = await startSandbox({scenario});
  const ext = await launchWithExtension({
    browser: options.browser,
    headless: !options.display,
    ...(options.display ? {display: options.display} : {}),
    endpoints: {s3: sandbox.s3Url, sts: sandbox.stsUrl, cur: sandbox.curUrl},
  });
  if (options.enable ?? true) await enableConsoleOrigin(ext, sandbox.origin);
  return {sandbox, ext};
}

export async function stopWorld(world: Partial<World>): Promise<void> {
  await world.ext?.close();
  await world.sandbox?.close();
}
