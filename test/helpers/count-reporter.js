// web-test-runner's own summary never stands alone on a line; this prints `N passed, N failed, N skipped`
// last, and writes the counts for scripts/test.ts to add up.
import {mkdirSync, writeFileSync} from 'node:fs';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function countReporter() {
  return {
    onTestRunFinished({sessions}) {
      const totals = {passed: 0, failed: 0, skipped: 0};
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load has no results but errors: count it as one failure.
        if (!session.testResults && (session.errors?.length ?? 0) > 0) totals.failed += 1;
      }
      mkdirSync('.test-results', {recursive: true});
      writeFileSync('.test-results/browser.json', JSON.stringify(totals));
      console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
    },
  };
}
