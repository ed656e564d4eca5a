/**
 * Billing preview throughput (docs/benchmarks.md): GZIP legacy reports of 1 and 2 million line items, read by the
 * preview engine in a child process, against `gzip -dc` of the same file (the floor: decompression alone). Targets:
 * at most 3× the floor, peak memory under 150 MB and flat as the file doubles. Each time is the best of three runs
 * (a shared two-core machine varies by a fifth from run to run), the memory the highest of them. Generating the
 * files is timed apart. Runnable alone: npx tsx bench/preview.ts
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {sampleLineItems, writeReportFile} from '../sandbox/aws/report-file.ts';

export interface PreviewFigure {
  readonly lines: number;
  readonly fileMb: number;
  readonly generateS: number;
  readonly floorS: number;
  readonly previewS: number;
  readonly peakRssMb: number;
  /** The engine's total is the generator's, to the cent: a fast wrong answer is no answer. */
  readonly totalsAgree: boolean;
}

const root = path.resolve(import.meta.dirname, '..');
const seconds = (since: number) => (performance.now() - since) / 1000;

const RUNS = 3;

function floorSeconds(file: string): number {
  const started = performance.now();
  execFileSync('sh', ['-c', 'gzip -dc "$1" > /dev/null', 'sh', file]);
  return seconds(started);
}

interface EngineRun {
  readonly ms: number;
  readonly rows: number;
  readonly total: number;
  readonly maxRssMb: number;
}

function engineRun(file: string): EngineRun {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/read-report-file.ts', file, 'GZIP'], {cwd: root, encoding: 'utf8'});
  if (child.status !== 0) throw new Error(`bench/read-report-file.ts failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as EngineRun;
}

/** The floor and the engine in turns, so that a slow spell of the machine weighs on both alike. */
function bestRuns(file: string): {floorS: number; run: EngineRun} {
  const floors: number[] = [];
  const runs: EngineRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    floors.push(floorSeconds(file));
    runs.push(engineRun(file));
  }
  const fastest = runs.reduce((best, run) => (run.ms < best.ms ? run : best));
  return {floorS: Math.min(...floors), run: {...fastest, maxRssMb: Math.max(...runs.map((run) => run.maxRssMb))}};
}

export async function benchPreview(sizes: readonly number[] = [1_000_000, 2_000_000]): Promise<PreviewFigure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-preview-'));
  try {
    const figures: PreviewFigure[] = [];
    for (const lines of sizes) {
      const file = path.join(dir, `report-${lines}.csv.gz`);
      const generating = performance.now();
      const totals = await writeReportFile(file, {...sampleLineItems(lines), compression: 'GZIP'});
      const generateS = seconds(generating);
      // The floor runs first, so both read the file from the page cache.
      const {floorS, run} = bestRuns(file);
      figures.push({
        lines,
        fileMb: statSync(file).size / 1_048_576,
        generateS,
        floorS,
        previewS: run.ms / 1000,
        peakRssMb: run.maxRssMb,
        totalsAgree: run.rows === lines && Math.abs(run.total - Number(totals.unblended)) < 0.005,
      });
      rmSync(file);
    }
    return figures;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** The figures as the benchmark prints them, under their heading. */
export function previewTable(figures: readonly PreviewFigure[]): string {
  const rows = figures.map(
    (f) =>
      `  ${f.lines.toLocaleString('en').padStart(9)}  ${f.fileMb.toFixed(1).padStart(7)}  ${f.floorS.toFixed(2).padStart(7)}  ${f.previewS.toFixed(2).padStart(9)}  ${`${(f.previewS / f.floorS).toFixed(1)}×`.padStart(5)}  ${f.peakRssMb.toFixed(0).padStart(11)}  ${f.totalsAgree ? 'yes' : 'NO'}`,
  );
  const generated = figures.map((f) => `${f.lines.toLocaleString('en')} lines in ${f.generateS.toFixed(1)} s`).join(', ');
  return [
    'Billing preview of a GZIP report (targets: ≤ 3× the floor; peak RSS < 150 MB, flat as the file doubles)',
    '      lines  file MB  floor s  preview s  ratio  peak RSS MB  totals agree',
    ...rows,
    `  (best of ${RUNS} runs each; floor: gzip -dc > /dev/null; preview: the engine in a child process; files generated apart: ${generated})`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(previewTable(await benchPreview()));
