import {expect} from '@open-wc/testing';
import {createTranslator, pickLanguage} from './i18n.ts';
import {translator} from './translate.ts';

describe('i18n', () => {
  it('follows the console user locale, then the browser, then English', () => {
    expect(pickLanguage('es_ES', ['en-US'])).to.equal('es');
    expect(pickLanguage('fr_FR', ['es-419'])).to.equal('es');
    expect(pickLanguage(undefined, ['de'])).to.equal('en');
  });

  it('fills placeholders from facts whatever their case', () => {
    const t = createTranslator('es');
    expect(t('options_added', {origin: 'https://abiquo.example.com'})).to.contain('https://abiquo.example.com');
    expect(t('tab_title')).to.equal('AWS solo facturación');
  });

  it('keeps every `$` of a substituted value (an enterprise named "Cost$$Centre"), and `$$` of the template is one `$`', () => {
    const t = translator({tab_saved_none: {message: 'Editing $NAME$ (costs in US$$)'}});
    expect(t('tab_saved_none', {name: 'Cost$$Centre $1'})).to.equal('Editing Cost$$Centre $1 (costs in US$)');
  });
});
