/** `npm run sandbox` from spawn to its JSON line (issue target: within 10 s), as an operator or a driver waits for it. */
import {spawn} from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export async function benchSandboxStart(scenario = 'happy-path'): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', '--scenario', scenario], {cwd: root, stdio: ['ignore', 'pipe', 'inherit']});
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.includes('\n') && resolve());
      child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    });
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
  }
}
