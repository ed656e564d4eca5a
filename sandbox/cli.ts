/**
 * `npm run sandbox -- --scenario NAME|FILE [--latency MS]`: starts the sandbox, prints ONE JSON line
 * {"console","api","s3","sts","cur","elsewhere","login"} when ready, and runs until SIGINT/SIGTERM.
 */
import {parseArgs} from 'node:util';
import {startSandbox} from './server.ts';

const {values} = parseArgs({options: {scenario: {type: 'string', default: 'happy-path'}, latency: {type: 'string'}, storage: {type: 'string'}}});
const latencyMs = values.latency === undefined ? undefined : Number(values.latency);
if (latencyMs !== undefined && !(latencyMs >= 0)) {
  console.error('--latency takes a number of milliseconds');
  process.exit(2);
}

const sandbox = await startSandbox({
  scenario: values.scenario,
  ...(latencyMs === undefined ? {} : {latencyMs}),
  ...(values.storage === undefined ? {} : {storageDir: values.storage}),
});
process.stdout.write(`${JSON.stringify({console: sandbox.consoleUrl, api: sandbox.apiUrl, s3: sandbox.s3Url, sts: sandbox.stsUrl, cur: sandbox.curUrl, elsewhere: sandbox.elsewhereOrigin, login: sandbox.login})}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  sandbox.close().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
