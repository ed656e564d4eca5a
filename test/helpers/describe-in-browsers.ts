import {describe} from 'node:test';
import {browserVersion} from '../../scripts/ensure-browsers.ts';
import {e2eBrowsers, type BrowserName} from '../../sandbox/drive/browser.ts';

/** The same e2e suite once per browser, whose name and version end its title (`[firefox 140.12.0esr]`). */
export function describeInBrowsers(title: string, suite: (browser: BrowserName) => void): void {
  for (const browser of e2eBrowsers) describe(`${title} [${browserVersion(browser)}]`, () => suite(browser));
}
