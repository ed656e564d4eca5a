/**
 * The repository's command-line tools (`src/cli/<name>.ts`) run as a user runs them: in a child process, the secret
 * in the environment or on stdin, or on a real pseudo-terminal (through `script`) for prompts and progress lines.
 * Asynchronous throughout, as the simulated AWS they talk to lives in the test's own process.
 */
import {spawn} from 'node:child_process';

const root = new URL('../..', import.meta.url);

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The child's environment: no secret unless given, and nothing that would hide the SDK's warning. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const {AWS_SECRET_ACCESS_KEY: _secret, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _quiet, ...env} = process.env;
  return {...env, ...extra};
}

/** Runs `src/cli/<tool>.ts` with the secret in the environment (`env`) or on stdin. */
export function runCli(tool: string, args: readonly string[], secret: {env?: string; stdin?: string}): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${tool}.ts`, ...args], {
    cwd: root,
    env: childEnv(secret.env === undefined ? {} : {AWS_SECRET_ACCESS_KEY: secret.env}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(secret.stdin ?? '');
  return new Promise((resolve) => child.once('close', (status) => resolve({status, stdout, stderr})));
}

/** `src/cli/<tool>.ts` on a pseudo-terminal: `script` gives it a TTY and copies the screen (stdout and stderr) to its stdout. */
export function openTerminal(tool: string, args: readonly string[], signal: AbortSignal, env: Record<string, string> = {}) {
  const command = [process.execPath, '--import', 'tsx', `src/cli/${tool}.ts`, ...args].join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], {cwd: root, env: childEnv(env), signal});
  child.on('error', () => {}); // the abort on timeout: `exited` says the rest
  let screen = '';
  const watchers = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    for (const watcher of watchers) watcher();
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  return {
    exited,
    output: () => screen,
    type: (keys: string) => child.stdin.write(keys),
    /** Resolves when the screen matches; rejects if the CLI exits first. */
    waitFor: (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(screen)) return;
          watchers.delete(check);
          resolve();
        };
        watchers.add(check);
        check();
        void exited.then(() => {
          if (watchers.delete(check)) reject(new Error(`exited before ${pattern}; screen: ${JSON.stringify(screen)}`));
        });
      }),
  };
}
