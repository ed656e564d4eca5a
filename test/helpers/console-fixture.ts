import {fixture} from '@open-wc/testing';
import {html, unsafeStatic} from 'lit/static-html.js';

/** Renders a saved console screen (test/fixtures/console/) into the test page. */
export async function loadConsoleFixture(file: string): Promise<HTMLElement> {
  const markup = await (await fetch(`/test/fixtures/console/${file}`)).text();
  return fixture(html`<div>${unsafeStatic(markup)}</div>`);
}
