import {redact} from './mask.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';

function write(level: Level, scope: string, args: readonly unknown[]): void {
  const text = args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === 'string' ? a : JSON.stringify(a)));
  console[level](`[boa:${scope}]`, redact(text.join(' ')));
}

/** The only logger: every line goes through `redact`, so a secret that slipped into a value never reaches the console. */
export function logger(scope: string) {
  return {
    debug: (...args: unknown[]) => write('debug', scope, args),
    info: (...args: unknown[]) => write('info', scope, args),
    warn: (...args: unknown[]) => write('warn', scope, args),
    error: (...args: unknown[]) => write('error', scope, args),
  };
}
