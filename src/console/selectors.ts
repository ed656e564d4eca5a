/**
 * Every selector of the console's DOM, with alternatives per console version, tried in order. Each names the
 * saved fixture(s) it must match (test/fixtures/console/, made by sandbox/console/save-fixtures.ts); `selectors.test.ts` asserts the expected counts.
 * The 3.x console is a Bootstrap modal (reference/abiquo-api.md §8.4); later UIs may differ, so each entry
 * starts with the most specific form and ends with a structural fallback.
 */
export interface SelectorSpec {
  readonly alternatives: readonly string[];
  /** Fixture file → how many elements the first matching alternative finds there. */
  readonly fixtures: Readonly<Record<string, number>>;
}

/** The simulated console's enterprise dialog (General tab active), English and Spanish. */
const enterpriseEditFixtures = (count: number) => ({
  'enterprise-modal.en.html': count,
  'enterprise-modal.es.html': count,
});

export const selectors = {
  /** Open modal dialogs; the enterprise editor is recognised among them by its tabs. */
  modal: {alternatives: ['.modal.modal-form', '.modal[role="dialog"]', '.modal'], fixtures: enterpriseEditFixtures(1)},
  // The Credentials tab nests a second strip (Public, Pricing): the dialog's own is the first in document order.
  tabStrip: {alternatives: ['.tabbable > ul.nav.nav-tabs', 'ul.nav.nav-tabs', '[role="tablist"]'], fixtures: enterpriseEditFixtures(2)},
  tabLinks: {alternatives: ['.tabbable > ul.nav.nav-tabs > li > a', 'ul.nav.nav-tabs > li > a', '[role="tab"]'], fixtures: enterpriseEditFixtures(5)},
  tabContent: {alternatives: ['.tabbable > .tab-content', '.tab-content'], fixtures: enterpriseEditFixtures(2)},
  enterpriseName: {
    alternatives: ['.enterprise-form-content input[name="name"]', 'input[name="name"]', 'input#enterprise-name'],
    fixtures: enterpriseEditFixtures(1),
  },
  saveButton: {alternatives: ['.modal-footer .btn-primary', '.modal-footer button[type="submit"]'], fixtures: enterpriseEditFixtures(1)},
} as const satisfies Record<string, SelectorSpec>;

/** Labels of the enterprise editor's own tabs in the console's languages (lang_xx_XX.json). */
export const enterpriseTabLabels = {
  credentials: ['Credentials', 'Credenciales'],
  properties: ['Properties', 'Propiedades'],
} as const;

export type SelectorName = keyof typeof selectors;
