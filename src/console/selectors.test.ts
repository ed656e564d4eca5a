import {expect} from '@open-wc/testing';
import {loadConsoleFixture as loadFixture} from '../../test/helpers/console-fixture.ts';
import {queryAll} from './query.ts';
import {selectors, type SelectorName} from './selectors.ts';
import {findEnterpriseDialogs, readEnterpriseName} from './find-enterprise-dialog.ts';

describe('console selectors', () => {
  for (const name of Object.keys(selectors) as SelectorName[]) {
    for (const [file, count] of Object.entries(selectors[name].fixtures)) {
      it(`"${name}" finds ${count} element(s) in ${file}`, async () => {
        const root = await loadFixture(file);
        expect(queryAll(root, name)).to.have.length(count);
      });
    }
  }

  it('recognises the enterprise dialog in English and Spanish, and reads the enterprise name', async () => {
    for (const file of ['enterprise-dialog.3x.en.html', 'enterprise-dialog.3x.es.html']) {
      const root = await loadFixture(file);
      const dialogs = findEnterpriseDialogs(root);
      expect(dialogs, file).to.have.length(1);
      expect(readEnterpriseName(dialogs[0]!)).to.equal('Acme Customer Billing');
    }
  });

  it('does not take the Users view (a strip of tabs, a list of enterprises) for an enterprise dialog', async () => {
    for (const file of ['users-view.3x.en.html', 'users-view.3x.es.html']) {
      const root = await loadFixture(file);
      expect(findEnterpriseDialogs(root), file).to.have.length(0);
      expect(queryAll(root, 'modal'), file).to.have.length(0);
    }
  });
});
