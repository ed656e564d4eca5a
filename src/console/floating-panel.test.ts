import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {showFloatingPanel} from './floating-panel.ts';

const content = () => Object.assign(document.createElement('p'), {textContent: 'restore the billing properties'});
const panels = () => document.querySelectorAll('section[data-boa-mounted]');

describe('showFloatingPanel', () => {
  afterEach(() => panels().forEach((panel) => panel.remove()));

  it('shows the content in a labelled panel of our own and focuses its Close button', async () => {
    showFloatingPanel(content(), {label: 'Billing-only AWS', closeLabel: 'Close', signal: new AbortController().signal});
    const panel = panels()[0]!;
    expect(panel.getAttribute('aria-label')).to.equal('Billing-only AWS');
    expect(panel.textContent).to.contain('restore the billing properties');
    expect(document.activeElement?.textContent).to.equal('Close');
    await expect(panel).to.be.accessible();
  });

  it('closes on Close and on Escape, telling the caller, without letting Escape reach the console', async () => {
    let closed = 0;
    let escapesSeenByConsole = 0;
    const consoleDialog = (event: KeyboardEvent) => event.key === 'Escape' && escapesSeenByConsole++;
    document.addEventListener('keydown', consoleDialog);
    showFloatingPanel(content(), {label: 'x', closeLabel: 'Close', signal: new AbortController().signal, onClose: () => closed++});
    await sendKeys({press: 'Escape'});
    expect(panels()).to.have.length(0);
    showFloatingPanel(content(), {label: 'x', closeLabel: 'Close', signal: new AbortController().signal, onClose: () => closed++});
    panels()[0]!.querySelector('button')!.click();
    expect(panels()).to.have.length(0);
    expect(closed).to.equal(2);
    expect(escapesSeenByConsole).to.equal(0);
    document.removeEventListener('keydown', consoleDialog);
  });

  it('goes away when its signal aborts (the content script is replaced)', () => {
    const controller = new AbortController();
    showFloatingPanel(content(), {label: 'x', closeLabel: 'Close', signal: controller.signal});
    controller.abort();
    expect(panels()).to.have.length(0);
  });
});
