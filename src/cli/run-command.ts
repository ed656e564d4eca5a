/**
 * What every command of `npm run verify` and `npm run preview` does around its own work: help and usage errors
 * (exit 2), one line instead of a stack trace for the unexpected, and an exit once stdout has taken everything.
 */

export type Command<A> = {readonly kind: 'help'} | {readonly kind: 'usage-error'; readonly error: string} | {readonly kind: 'run'; readonly args: A};

// Every run would end with the SDK's 8-line notice that its releases after January 2027 need Node 22, which an
// operator cannot act on here. The SDK reads this when it builds the first client, so importing this is early enough.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Runs the command named `name` on the process's arguments and exits with the status `run` returns. */
export function runCommand<A>(name: string, usage: string, parse: (argv: readonly string[]) => Command<A>, run: (args: A) => Promise<number>): void {
  const main = async (): Promise<number> => {
    const command = parse(process.argv.slice(2));
    if (command.kind === 'help') {
      process.stdout.write(usage);
      return 0;
    }
    if (command.kind === 'usage-error') {
      process.stderr.write(`${name}: ${command.error}\n\n${usage}`);
      return 2;
    }
    return run(command.args);
  };
  void main()
    .catch((error: unknown) => {
      // Nothing the operator can fix with a stack trace (an engine bug, stdin failing): one line.
      process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    })
    // Exit explicitly, as idle keep-alive sockets to AWS would hold the process open; but only once stdout has
    // taken everything (on a pipe, writes can still be queued).
    .then((status) => process.stdout.write('', () => process.exit(status)));
}
