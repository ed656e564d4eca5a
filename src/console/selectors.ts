/**
 * Every selector of the console's DOM, with alternatives per console version, tried in order. Each names the
 * fixture(s) it must match; `selectors.test.ts` asserts the expected counts. The fixtures (test/fixtures/console/) are
 * written by hand from the public evidence of the console's markup (each names its sources and what it infers), and
 * the simulated console renders its dialog from them: they are never saved from the simulator.
 * The 3.x console is AngularJS 1.0 with Bootstrap 2 (its own `tabs`/`pane` templates: `.tabbable > .nav-tabs`, panes
 * under `.tab-content`; a form dialog is `.modal.modal-form`); later UIs may differ, so each entry starts with the
 * most specific form and ends with a structural fallback.
 */
export interface SelectorSpec {
  readonly alternatives: readonly string[];
  /** Fixture file → how many elements the first matching alternative finds there. */
  readonly fixtures: Readonly<Record<string, number>>;
}

/** The enterprise dialog (General tab open), English and Spanish: written by hand from the research, see their headers. */
const enterpriseEditFixtures = (count: number) => ({
  'enterprise-dialog.3x.en.html': count,
  'enterprise-dialog.3x.es.html': count,
});

export const selectors = {
  /** Open modal dialogs; the enterprise editor is recognised among them by its tabs. */
  modal: {alternatives: ['.modal.modal-form', '.modal[role="dialog"]', '.modal'], fixtures: enterpriseEditFixtures(1)},
  // The Credentials tab nests a second strip (Public, Pricing): the dialog's own is the first in document order.
  tabStrip: {alternatives: ['.tabbable > ul.nav.nav-tabs', 'ul.nav.nav-tabs', '[role="tablist"]'], fixtures: enterpriseEditFixtures(2)},
  tabLinks: {alternatives: ['.tabbable > ul.nav.nav-tabs > li > a', 'ul.nav.nav-tabs > li > a', '[role="tab"]'], fixtures: enterpriseEditFixtures(10)},
  tabContent: {alternatives: ['.tabbable > .tab-content', '.tab-content'], fixtures: enterpriseEditFixtures(2)},
  // No source shows a `name` or `id` on the Name field (AngularJS binds it by `ng-model`): after the named forms comes
  // the first text field of the dialog's first pane (General, whose first field is Name), not of a nested strip's pane.
  enterpriseName: {
    alternatives: [
      '.enterprise-form-content input[name="name"]',
      'input[name="name"]',
      '.tab-content > .tab-pane:first-child input:is([type="text"], :not([type])):not(.tab-pane .tab-pane input)',
    ],
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
