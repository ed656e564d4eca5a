/**
 * `npm run bench`: the product's targets (docs/benchmarks.md) measured against the sandbox. Later issues add their
 * parts here. Record the output in docs/benchmarks.md.
 */
import {spawnSync} from 'node:child_process';
import {sizeOf} from '../vite.config.ts';
import {benchVerdict, LATENCY_MS} from './aws-verdict.ts';
import {benchConsole, contentScriptFigure} from './console-weight.ts';
import {benchCsvParsers, csvParsersTable} from './csv-parsers.ts';
import {benchDiscovery} from './discovery.ts';
import {benchPreview, previewTable} from './preview.ts';
import {benchSandboxStart} from './sandbox-start.ts';
import {benchTabHeight} from './tab-height.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const ms = (n: number) => `${Math.round(n)} ms`;

// Measures the builds as they are now: both flavours are rebuilt first.
for (const flavour of [[], ['--sandbox']]) {
  if (spawnSync('npx', ['tsx', 'scripts/build.ts', '--quiet', ...flavour], {stdio: 'inherit'}).status !== 0) process.exit(1);
}

console.log(`npm run sandbox (happy-path): JSON line after ${ms(await benchSandboxStart())} (target: ≤ 10 s)\n`);

console.log(`Time to verdict, ${LATENCY_MS} ms injected per AWS request (target: ≤ 4 sequential round trips)`);
for (const f of await benchVerdict()) {
  console.log(
    `  ${f.label.padEnd(42)} ${String(f.roundTrips).padStart(2)} round trips  ${String(f.requests).padStart(3)} requests  ${ms(f.ms).padStart(8)}  ${f.ok ? 'report verified' : 'NO REPORT'}`,
  );
}

console.log('\nDiscovery to a verdict (target: round trips flat; S3 requests bounded, unmoved by unrelated objects; a cut search says so)');
console.log('  folders   objects  typed          round trips  S3 requests  verdict');
for (const f of await benchDiscovery()) {
  console.log(
    `  ${String(f.folders).padStart(7)}  ${f.objects.toLocaleString('en').padStart(8)}  ${f.typed.padEnd(13)}  ${String(f.roundTrips).padStart(11)}  ${String(f.s3Requests).padStart(11)}  ${f.verdict}  (seeded in ${ms(f.seedMs)})`,
  );
}

console.log(`\n${csvParsersTable(await benchCsvParsers())}`);
console.log(`\n${previewTable(await benchPreview())}`);

console.log('\nService worker bundle (target: ≤ 100 KB gzip)');
for (const file of ['dist/chrome/background.js', 'dist/sandbox-chrome/background.js']) {
  const {minified, gzipped} = sizeOf(file);
  console.log(`  ${file}: ${(minified / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzip`);
}

console.log('\nContent scripts in the console (target: ≤ 40 KB gzip on every page, no AWS SDK code)');
for (const [name, when] of [
  ['content', 'every console page'],
  ['tab-ui', 'once a dialog or the toolbar wants the tab'],
] as const) {
  const figure = contentScriptFigure(name);
  console.log(
    `  dist/chrome/${name}.js (${when}): ${figure.minifiedKb.toFixed(1)} KB, ${figure.gzipKb.toFixed(1)} KB gzip, AWS SDK code: ${figure.holdsAwsSdk ? 'YES' : 'none'}`,
  );
}

const consoleFigure = await benchConsole();
const sorted = [...consoleFigure.mountMs].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
console.log('\nOn the console page, in Chromium (targets: tab mounted ≤ 50 ms after the dialog appears; no long task added)');
console.log(`  dialog → tab mounted over ${sorted.length} openings: median ${median.toFixed(1)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms`);
const [firstFilled = Number.NaN, ...laterFilled] = consoleFigure.filledMs;
console.log(
  `  dialog → the tab's UI in its pane: first opening after the page loads ${firstFilled.toFixed(1)} ms (the UI is loaded then), later ones at most ${Math.max(Number.NaN, ...laterFilled).toFixed(1)} ms`,
);
const tasks = (list: readonly number[]) => (list.length === 0 ? 'none' : list.map((d) => `${Math.round(d)} ms`).join(', '));
console.log(`  long tasks (> 50 ms), same flow: with the extension ${tasks(consoleFigure.longTasksWith)}; without it ${tasks(consoleFigure.longTasksWithout)}`);

console.log('\nThe tab at each step, Chromium 1280×900 (goal: each step fits the dialog; after Apply at most twice its height)');
for (const f of await benchTabHeight()) {
  const repeats = Object.entries(f.repeats)
    .map(([fact, n]) => `${fact} ×${n}`)
    .join(', ');
  console.log(
    `  ${f.step.padEnd(28)} ${String(f.tabPx).padStart(5)} px tall, dialog shows ${f.visiblePx} px (${(f.tabPx / f.visiblePx).toFixed(1)}×); said: ${repeats}`,
  );
}
