/**
 * `npm run sandbox`: starts the sandbox from one scenario, prints ONE JSON line
 * {"console","api","s3","sts","cur","elsewhere","login"} when ready, and runs until SIGINT/SIGTERM.
 * Options and exit status: `usage` below.
 */
import {existsSync} from 'node:fs';
import {parseOptions} from '../src/cli/parse-options.ts';
import {listScenarios, scenarioPath} from './scenario.ts';
import {DEFAULT_PORTS, PortInUseError, startSandbox, type SandboxPorts} from './server.ts';

const usage = () => `Usage: npm run sandbox -- [--scenario NAME|FILE] [--latency MS] [--storage DIR]
                       [--console-port PORT] [--s3-port PORT] [--sts-port PORT] [--cur-port PORT]

Starts the simulated Abiquo console and API, S3, STS and the CUR API on loopback ports, prints one JSON
line with their URLs and the login, and runs until Ctrl-C (SIGINT) or SIGTERM. The sandbox build
(npm run build -- --sandbox, loaded by hand) reaches the simulated AWS at the default ports.

  --scenario NAME|FILE   a scenario of sandbox/scenarios/ or a path to a .json file (default: happy-path)
  --latency MS           milliseconds added to every Abiquo and AWS answer (default: 0)
  --storage DIR          keep the simulated S3's files in DIR across runs (default: a temporary folder)
  --console-port PORT    the console and API (default: ${DEFAULT_PORTS.console})
  --s3-port PORT         the simulated S3 (default: ${DEFAULT_PORTS.s3})
  --sts-port PORT        the simulated STS (default: ${DEFAULT_PORTS.sts})
  --cur-port PORT        the simulated CUR API (default: ${DEFAULT_PORTS.cur})
                         0 picks a free port; the sandbox build reaches other AWS ports than the defaults
                         only through a sandbox-endpoints.json written into its folder
  -h, --help             show this help

Scenarios: ${listScenarios().join(', ')}

Exit status: 0 stopped by a signal; 1 the sandbox could not start or stop; 2 bad usage.
`;

const specs = {
  scenario: {type: 'string'},
  latency: {type: 'string'},
  storage: {type: 'string'},
  'console-port': {type: 'string'},
  's3-port': {type: 'string'},
  'sts-port': {type: 'string'},
  'cur-port': {type: 'string'},
  help: {type: 'boolean', short: 'h'},
} as const;

const portFlags = {console: 'console-port', s3: 's3-port', sts: 'sts-port', cur: 'cur-port'} as const satisfies Record<keyof SandboxPorts, keyof typeof specs>;

function usageError(error: string): number {
  process.stderr.write(`sandbox: ${error}\n\n${usage()}`);
  return 2;
}

/** An exit status, or `undefined` while the sandbox runs (a signal ends it). */
async function main(argv: readonly string[]): Promise<number | undefined> {
  const parsed = parseOptions(argv, specs);
  if (!parsed.ok) return usageError(parsed.error);
  const {scenario = 'happy-path', latency, storage, help} = parsed.values;
  if (help) {
    process.stdout.write(usage());
    return 0;
  }
  // Checked here so that a typo gets the list of names, not ENOENT from deep inside the loader.
  if (!existsSync(scenarioPath(scenario))) return usageError(`unknown scenario ${scenario}; known: ${listScenarios().join(', ')}`);
  const latencyMs = latency === undefined ? undefined : Number(latency);
  if (latencyMs !== undefined && !(latencyMs >= 0)) return usageError(`--latency must be a number of milliseconds, not "${latency}"`);
  const ports: Required<SandboxPorts> = {...DEFAULT_PORTS};
  for (const [service, flag] of Object.entries(portFlags) as [keyof SandboxPorts, keyof typeof specs][]) {
    const given = parsed.values[flag] as string | undefined;
    if (given === undefined) continue;
    if (!/^\d{1,5}$/.test(given) || Number(given) > 65535) return usageError(`--${flag} must be a port number from 0 to 65535, not "${given}"`);
    ports[service] = Number(given);
  }

  let sandbox;
  try {
    sandbox = await startSandbox({
      scenario,
      ...(latencyMs === undefined ? {} : {latencyMs}),
      ...(storage === undefined ? {} : {storageDir: storage}),
      ports,
    });
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    process.stderr.write(
      `sandbox: ${error.message} (another npm run sandbox?): stop what holds it, or choose another with --${portFlags[error.service]} PORT (0: any free port)\n`,
    );
    return 1;
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => fail('could not stop', error),
    );
  };
  // Before the JSON line: a driver may stop the sandbox as soon as it reads it.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(
    `${JSON.stringify({console: sandbox.consoleUrl, api: sandbox.apiUrl, s3: sandbox.s3Url, sts: sandbox.stsUrl, cur: sandbox.curUrl, elsewhere: sandbox.elsewhereOrigin, login: sandbox.login})}\n`,
  );
  return undefined;
}

/** One line, no stack trace: a broken scenario file or a busy port is for the operator to fix. */
function fail(what: string, error: unknown): never {
  process.stderr.write(`sandbox: ${what}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const status = await main(process.argv.slice(2)).catch((error: unknown) => fail('could not start', error));
if (status !== undefined) process.exit(status);
