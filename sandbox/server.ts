/**
 * The whole sandbox: the simulated Abiquo console (/ui/) and API (/api) on one loopback origin, the test back door
 * (/__sandbox), the simulated AWS (S3, STS and the CUR API on their own ports), all from one scenario; and an
 * "elsewhere" origin that records what it receives (where a `redirectNext` fault sends the API's clients).
 */
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {AbiquoApi} from './abiquo/api.ts';
import {ADMIN_PREFIX, handleAdmin} from './abiquo/sandbox-admin.ts';
import type {AbiquoScenario} from './abiquo/scenario-types.ts';
import {startAws} from './aws/index.ts';
import type {AwsSandbox, AwsScenario} from './aws/index.ts';
import {serveConsole} from './console/serve.ts';
import {startElsewhere} from './elsewhere.ts';
import type {Elsewhere} from './elsewhere.ts';
import {loadScenario} from './scenario.ts';
import type {ScenarioFile} from './scenario.ts';

/** A loopback port for each of the sandbox's services that a browser reaches; 0 or absent: a free port. */
export interface SandboxPorts {
  /** The console, the API and the back door (one origin). */
  console?: number;
  s3?: number;
  sts?: number;
  cur?: number;
}

export {DEFAULT_AWS_ENDPOINTS, DEFAULT_PORTS} from './default-ports.ts';

/** A port asked for is taken (another `npm run sandbox`, most often). */
export class PortInUseError extends Error {
  constructor(
    readonly service: keyof SandboxPorts,
    readonly port: number,
  ) {
    super(`port ${port} (${service === 'console' ? 'console' : service.toUpperCase()}) is already in use`);
    this.name = 'PortInUseError';
  }
}

/** The service whose asked-for port an EADDRINUSE error names, as a PortInUseError; other errors unchanged. */
function portError(error: unknown, ports: SandboxPorts): unknown {
  const {code, port} = (error ?? {}) as {code?: string; port?: number};
  if (code !== 'EADDRINUSE' || !port) return error;
  const service = (Object.keys(ports) as (keyof SandboxPorts)[]).find((name) => ports[name] === port);
  return service ? new PortInUseError(service, port) : error;
}

export interface SandboxOptions {
  /** A scenario name (`happy-path`), a file path, or an already loaded scenario. */
  scenario: string | ScenarioFile;
  /** Added to every Abiquo and AWS answer. */
  latencyMs?: number;
  storageDir?: string;
  /** Fixed ports (npm run sandbox: DEFAULT_PORTS); by default every service gets a free port. */
  ports?: SandboxPorts;
}

export interface ConsoleLogin {
  user: string;
  password: string;
  locale: string;
}

export interface Sandbox {
  consoleUrl: string;
  apiUrl: string;
  /** Origin of the console and the API (the /__sandbox back door lives here too). */
  origin: string;
  s3Url: string;
  stsUrl: string;
  curUrl: string;
  /**
   * Another origin (`http://127.0.0.1:<port>`) that answers anything with 200 `{}`, allows any CORS request, and
   * records what it receives (`GET /__sandbox/elsewhere`): where `redirectNext` faults point by default.
   */
  elsewhereOrigin: string;
  /** The scenario's first user: who the demo logs in as. */
  login: ConsoleLogin;
  /** Every user of the scenario (the demo takes one of each language). */
  logins: readonly ConsoleLogin[];
  abiquo: AbiquoApi;
  aws: AwsSandbox;
  /** The elsewhere origin in process: `record()`, `clear()` (`abiquo.reset()` does not clear it; the back door's reset does). */
  elsewhere: Elsewhere;
  close(): Promise<void>;
}

const EMPTY_AWS: AwsScenario = {accounts: [], users: [], buckets: []};

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const scenario = typeof options.scenario === 'string' ? loadScenario(options.scenario) : options.scenario;
  const abiquoScenario = (scenario.abiquo ?? {}) as AbiquoScenario;
  const elsewhere = await startElsewhere();
  const api = new AbiquoApi(abiquoScenario, {latencyMs: options.latencyMs ?? 0, elsewhereOrigin: elsewhere.origin});
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const handled =
      pathname === '/api' || pathname.startsWith('/api/')
        ? api.handle(req, res)
        : pathname.startsWith(`${ADMIN_PREFIX}/`)
          ? handleAdmin(api, req, res, elsewhere)
          : serveConsole(req, res);
    handled.catch((error: unknown) => {
      // A bug, not an Abiquo answer: say so as the real API would (500), without details.
      console.error('[sandbox]', error instanceof Error ? error.stack : error);
      if (!res.headersSent)
        res
          .writeHead(500, {'Content-Type': 'application/json'})
          .end(JSON.stringify({collection: [{code: '500-INTERNAL-SERVER-ERROR', message: 'Unexpected exception'}]}));
    });
  });
  const ports = options.ports ?? {};
  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(ports.console ?? 0, '127.0.0.1', resolve));
  } catch (error) {
    await elsewhere.close();
    throw portError(error, ports);
  }
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let aws: AwsSandbox;
  try {
    aws = await startAws((scenario.aws as AwsScenario | undefined) ?? EMPTY_AWS, {
      ...(options.latencyMs === undefined ? {} : {latencyMs: options.latencyMs}),
      ...(options.storageDir === undefined ? {} : {storageDir: options.storageDir}),
      ports: Object.fromEntries(Object.entries({s3: ports.s3, sts: ports.sts, cur: ports.cur}).filter(([, port]) => port !== undefined)),
    });
  } catch (error) {
    server.close();
    await elsewhere.close();
    throw portError(error, ports);
  }
  const logins = Object.entries(abiquoScenario.users ?? {}).map(([user, u]) => ({user, password: u.password ?? '', locale: u.locale ?? 'en_US'}));
  return {
    consoleUrl: `${origin}/ui/`,
    apiUrl: `${origin}/api`,
    origin,
    s3Url: aws.s3Url,
    stsUrl: aws.stsUrl,
    curUrl: aws.curUrl,
    elsewhereOrigin: elsewhere.origin,
    login: logins[0] ?? {user: '', password: '', locale: 'en_US'},
    logins,
    abiquo: api,
    aws,
    elsewhere,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // also the requests a timeout fault holds forever
      await Promise.all([closed, aws.close(), elsewhere.close()]);
    },
  };
}
