/**
 * Serves the simulated console at /ui/: static files of this folder, the console's markup it fills (`/ui/fixtures/…`:
 * the hand-written fixtures of test/fixtures/console/, which the extension's selectors are tested against), plus the
 * config file the real console reads (`/ui/config/client-config-custom.json`, `config.endpoint` = this origin's /api).
 */
import {readFile} from 'node:fs/promises';
import type {IncomingMessage, ServerResponse} from 'node:http';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const MARKUP_DIR = path.resolve(here, '../../test/fixtures/console');
/** The markup files app.js asks for: `<view>.<variant>.<language>.html`. */
export const MARKUP_FILE = /^(?:users-view|enterprise-dialog)\.3x\.(?:en|es)\.html$/;
const FILES: Readonly<Record<string, string>> = {
  '': 'index.html',
  'index.html': 'index.html',
  'app.js': 'app.js',
  'strings.js': 'strings.js',
  'console.css': 'console.css',
};
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export async function serveConsole(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const pathname = new URL(req.url ?? '/', 'http://x').pathname;
  if (!pathname.startsWith('/ui/')) {
    res.writeHead(302, {Location: '/ui/'}).end();
    return;
  }
  const rest = pathname.slice('/ui/'.length);
  if (rest === 'config/client-config-custom.json') {
    const body = {'config.endpoint': `http://${req.headers.host ?? 'localhost'}/api`};
    res.writeHead(200, {'Content-Type': 'application/json', 'Cache-Control': 'no-store'}).end(JSON.stringify(body));
    return;
  }
  if (rest.startsWith('fixtures/')) {
    const name = rest.slice('fixtures/'.length);
    if (!MARKUP_FILE.test(name)) {
      res.writeHead(404, {'Content-Type': 'text/plain'}).end('Not found');
      return;
    }
    const markup = await readFile(path.join(MARKUP_DIR, name));
    res.writeHead(200, {'Content-Type': TYPES['.html'], 'Cache-Control': 'no-store'}).end(markup);
    return;
  }
  const file = FILES[rest];
  if (!file) {
    res.writeHead(404, {'Content-Type': 'text/plain'}).end('Not found');
    return;
  }
  const content = await readFile(path.join(here, file));
  res.writeHead(200, {'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store'}).end(content);
}
