/**
 * The secret access key, never from an argument (arguments end up in shell history and `ps`):
 * AWS_SECRET_ACCESS_KEY, else a prompt on the terminal that does not show what is typed, else piped stdin.
 */

/** The secret, or `undefined` when the operator pressed Ctrl-C at the prompt. */
export async function readSecret(): Promise<string | undefined> {
  if (process.env.AWS_SECRET_ACCESS_KEY) return process.env.AWS_SECRET_ACCESS_KEY;
  if (process.stdin.isTTY) return promptHidden(process.stdin, process.stderr);
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.trim();
}

const ENTER = ['\r', '\n'];
const CTRL_C = '\x03';
const CTRL_D = '\x04';
const BACKSPACE = ['\x7f', '\b'];

/**
 * Raw mode turns the terminal's echo and line editing off, so the CLI sees each key: Enter (or Ctrl-D) ends
 * the secret, Ctrl-C gives up (raw mode sends it as a character, not SIGINT), Backspace deletes.
 */
function promptHidden(stdin: NodeJS.ReadStream, prompt: NodeJS.WriteStream): Promise<string | undefined> {
  return new Promise((resolve) => {
    let secret = '';
    const finish = (value: string | undefined) => {
      stdin.off('data', onKeys);
      stdin.off('end', onEnd);
      stdin.setRawMode(false);
      stdin.pause();
      prompt.write('\n'); // the Enter itself was not echoed
      resolve(value);
    };
    const onEnd = () => finish(secret);
    const onKeys = (keys: string) => {
      if (keys.startsWith('\x1b')) return; // arrow and function keys are escape sequences, not part of a secret
      for (const key of keys) {
        if (ENTER.includes(key) || key === CTRL_D) return finish(secret);
        if (key === CTRL_C) return finish(undefined);
        if (BACKSPACE.includes(key)) secret = secret.slice(0, -1);
        else if (key >= ' ') secret += key;
      }
    };
    // Echo goes off before the prompt appears, so nothing typed after seeing the prompt is shown.
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onKeys);
    stdin.on('end', onEnd);
    stdin.resume();
    prompt.write('Secret access key (not shown; Enter to finish): ');
  });
}
