import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {unsafeStatic} from 'lit/static-html.js';
import {fakeServices} from '../../test/helpers/fake-services.ts';
import type {BoaBillingTab} from '../components/boa-billing-tab/boa-billing-tab.ts';
import {deep} from '../../test/helpers/components.ts';
import {applyConsoleTheme, contrast, readConsoleTheme} from './console-theme.ts';
import {showFloatingPanel} from './floating-panel.ts';

/**
 * A console built from the 3.0 UI's public stylesheets (`abiquo/abiquo-theme-generator`'s app.less: a Bootstrap modal
 * `.modal.modal-form` with `.modal-header`, `.modal-body`, `.modal-footer`; the form `.enterprise-form-content`;
 * Bootstrap tabs `.tabbable > .nav.nav-tabs > li(.active) > a` over `.tab-content > .tab-pane`), not from the
 * simulator, styled as Bootstrap 2.3 (the 3.0 UI's) with a reseller's branding theme (Abiquo's CSS themes) on top.
 */
const markup = `
  <div class="enterprises-container">
    <div class="modal modal-form">
      <div class="modal-header"><button type="button" class="close">×</button><h3>Edit enterprise</h3></div>
      <div class="modal-body">
        <form class="enterprise-form-content">
          <div class="tabbable">
            <ul class="nav nav-tabs">
              <li class="active"><a href="#general">General information</a></li>
              <li><a href="#credentials">Credentials</a></li>
              <li><a href="#properties">Properties</a></li>
            </ul>
            <div class="tab-content">
              <div class="tab-pane active" id="general">
                <label class="control-label">Name</label>
                <div class="controls"><input type="text" name="name" value="Acme Customer Billing" /></div>
              </div>
              <div class="tab-pane" id="credentials"></div>
              <div class="tab-pane" id="properties"></div>
            </div>
          </div>
        </form>
      </div>
      <div class="modal-footer">
        <button type="button" class="btn">Cancel</button>
        <button type="submit" class="btn btn-primary">Save</button>
      </div>
    </div>
  </div>`;

/** Bootstrap 2.3.2's rules for those classes, with the branding theme's font, size and primary colour. */
const consoleStylesheet = `
  .console { font-family: "Open Sans", Arial, sans-serif; font-size: 13px; line-height: 20px; color: #333; background: #fff; }
  .console .modal { background: #fff; border: 1px solid rgba(0, 0, 0, 0.3); border-radius: 6px; }
  .console a { color: #08c; }
  .console .btn { display: inline-block; padding: 4px 12px; font-size: 14px; line-height: 20px; color: #333; background-color: #f5f5f5;
    background-image: linear-gradient(to bottom, #fff, #e6e6e6); border: 1px solid #ccc; border-bottom-color: #b3b3b3; border-radius: 4px; }
  .console .btn-primary { color: #fff; background-color: #1b5e20; background-image: linear-gradient(to bottom, #2e7d32, #1b5e20);
    border-color: #1b5e20 #1b5e20 #0d3010; }
  .console input[type="text"] { padding: 4px 6px; border: 1px solid #ccc; border-radius: 3px; }
`;

let sheet: HTMLStyleElement | undefined;

async function consoleDialog(extraCss = ''): Promise<Element> {
  sheet = Object.assign(document.createElement('style'), {textContent: consoleStylesheet + extraCss});
  document.head.append(sheet);
  const root = await fixture(html`<div class="console">${unsafeStatic(markup)}</div>`);
  return root.querySelector('.modal')!;
}

afterEach(() => sheet?.remove());

describe('readConsoleTheme', () => {
  it("takes the Save and Cancel buttons, the dialog's text and its fields' radius from the console's computed styles", async () => {
    const theme = readConsoleTheme(document, await consoleDialog());
    expect(theme).to.deep.equal({
      primaryBg: 'rgb(27, 94, 32)',
      primaryFg: 'rgb(255, 255, 255)',
      primaryBorder: 'rgb(27, 94, 32)',
      secondaryBg: 'rgb(245, 245, 245)',
      secondaryFg: 'rgb(51, 51, 51)',
      secondaryBorder: 'rgb(204, 204, 204)',
      buttonPadding: '4px 12px 4px 12px',
      buttonRadius: '4px',
      fontFamily: '"Open Sans", Arial, sans-serif',
      fontSize: '13px',
      textColor: 'rgb(51, 51, 51)',
      // Bootstrap 2's link colour (#08c, 3.9:1) and field border (#ccc, 1.6:1) are below AA on white: left out.
      inputRadius: '3px',
    });
  });

  it('takes a link colour and a field border that are readable enough', async () => {
    const theme = readConsoleTheme(document, await consoleDialog('.console a { color: #005580; } .console input[type="text"] { border-color: #767676; }'));
    expect(theme.linkColor).to.equal('rgb(0, 85, 128)');
    expect(theme.inputBorderColor).to.equal('rgb(118, 118, 118)');
  });

  it('leaves out a Save whose colours are unreadable or not a plain colour (a gradient only)', async () => {
    const pale = readConsoleTheme(document, await consoleDialog('.console .btn-primary { background-color: #7fbf7f; }'));
    expect(pale).not.to.have.any.keys('primaryBg', 'primaryFg', 'primaryBorder');
    sheet?.remove();
    const gradient = readConsoleTheme(document, await consoleDialog('.console .btn-primary { background-color: transparent; }'));
    expect(gradient).not.to.have.any.keys('primaryBg', 'primaryFg', 'primaryBorder');
    expect(gradient.secondaryBg).to.equal('rgb(245, 245, 245)');
  });

  it('never throws on a console without those elements: it reads what is there', () => {
    const bare = document.createElement('div');
    bare.className = 'modal';
    const theme = readConsoleTheme(document, bare);
    expect(theme).not.to.have.any.keys('primaryBg', 'secondaryBg', 'linkColor', 'inputBorderColor');
    expect(theme.fontFamily, "the page's own font").to.be.a('string');
    expect(readConsoleTheme(document.implementation.createHTMLDocument(''))).to.deep.equal({});
    expect(readConsoleTheme(document)).to.be.an('object');
  });

  it('judges contrast as WCAG does', () => {
    expect(contrast([255, 255, 255], [0, 0, 0])).to.equal(21);
    expect(contrast([51, 122, 183], [255, 255, 255])).to.be.within(4.5, 4.6);
  });
});

describe('the console theme on the tab', () => {
  it("gives the tab's primary and other buttons, in nested elements, the console's Save and Cancel look, and passes the audit", async () => {
    const theme = readConsoleTheme(document, await consoleDialog());
    const candidates = [{id: 7, name: 'Acme Customer Billing', keyNode: true, reseller: false}];
    const mount = async (themed: boolean) => {
      const el = await fixture<BoaBillingTab>(html`<boa-billing-tab .services=${fakeServices().services} .candidates=${candidates}></boa-billing-tab>`);
      if (themed) applyConsoleTheme(el, theme);
      await waitUntil(() => el.shadowRoot!.querySelector('boa-enterprise-picker')?.shadowRoot?.querySelector('button.primary'), 'no picker shown');
      return el;
    };
    const themed = await mount(true);
    const primary = getComputedStyle(deep(themed, 'boa-enterprise-picker', 'button.primary'));
    expect(themed.style.getPropertyValue('--boa-primary-bg')).to.equal('rgb(27, 94, 32)');
    expect(primary.backgroundColor).to.equal('rgb(27, 94, 32)');
    expect(primary.color).to.equal('rgb(255, 255, 255)');
    expect(primary.paddingLeft).to.equal('12px');
    expect(primary.fontFamily).to.equal('"Open Sans", Arial, sans-serif');
    expect(primary.fontSize).to.equal('13px');
    await expect(themed).to.be.accessible();

    const plain = getComputedStyle(deep(await mount(false), 'boa-enterprise-picker', 'button.primary'));
    expect(plain.backgroundColor, 'without a theme: the Bootstrap 3 fallback').to.equal('rgb(51, 122, 183)');
    expect(plain.fontSize).to.equal('14px');
  });

  it("gives the key form's own file button the Cancel look", async () => {
    const theme = readConsoleTheme(document, await consoleDialog());
    const el = await fixture<BoaBillingTab>(html`<boa-billing-tab .services=${fakeServices().services} enterprise-id="7"></boa-billing-tab>`);
    applyConsoleTheme(el, theme);
    await waitUntil(() => el.shadowRoot!.querySelector('boa-pricing-credentials')?.shadowRoot?.querySelector('boa-keys-entry boa-keys-input'), 'no key form');
    const input = deep(el, 'boa-pricing-credentials', 'boa-keys-entry', 'boa-keys-input');
    await (input as BoaBillingTab).updateComplete;
    const button = getComputedStyle(deep(input, '.file button'));
    expect(button.backgroundColor).to.equal('rgb(245, 245, 245)');
    expect(button.borderTopColor).to.equal('rgb(204, 204, 204)');
  });

  it("gives the floating panel's Close the same secondary look", async () => {
    await consoleDialog();
    const controller = new AbortController();
    showFloatingPanel(document.createElement('p'), {label: 'Billing-only AWS', closeLabel: 'Close', signal: controller.signal});
    const close = getComputedStyle(document.querySelector('section[data-boa-mounted] button')!);
    expect(close.backgroundColor).to.equal('rgb(245, 245, 245)');
    expect(close.color).to.equal('rgb(51, 51, 51)');
    expect(close.borderTopLeftRadius).to.equal('4px');
    controller.abort();
  });

  it('gives the Close of a tab floating after its dialog closed the look that tab took from the dialog', async () => {
    const tab = document.createElement('p');
    applyConsoleTheme(tab, readConsoleTheme(document, await consoleDialog('.console .modal-footer .btn:not(.btn-primary) { background-color: #e8eaf0; }')));
    sheet?.remove();
    const controller = new AbortController();
    showFloatingPanel(tab, {label: 'Billing-only AWS', closeLabel: 'Close', signal: controller.signal});
    expect(getComputedStyle(document.querySelector('section[data-boa-mounted] button')!).backgroundColor).to.equal('rgb(232, 234, 240)');
    controller.abort();
  });
});
