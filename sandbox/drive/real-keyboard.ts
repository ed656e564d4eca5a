/**
 * A real keyboard for the e2e keyboard test: X key events (xdotool) into a browser window on a private Xvfb
 * display. Firefox needs it: over WebDriver BiDi, Enter on a button after Enter on a dialog's tab link fires no
 * click, while the same keys from an X keyboard do (docs/console-compatibility.md #23).
 */
import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import type {Page} from 'puppeteer-core';

export interface Keyboard {
  press(key: 'Tab' | 'Enter'): Promise<void>;
  type(text: string): Promise<void>;
}

/** The keyboard of the automation protocol (CDP in Chromium, BiDi in Firefox). */
export function protocolKeyboard(page: Page): Keyboard {
  return {press: (key) => page.keyboard.press(key), type: (text) => page.keyboard.type(text)};
}

export interface Display {
  /** `:N`, for the browser's `DISPLAY`. */
  readonly name: string;
  stop(): void;
}

/** Starts Xvfb on the first free display (it writes the number it took to fd 3). */
export async function startXvfb(): Promise<Display> {
  const server: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    server.stdio[3]!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    server.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before giving its display`)));
  });
  return {name: `:${number}`, stop: () => server.kill()};
}

/** Keys typed on the display's keyboard, into the browser window that holds the focus of the page. */
export function x11Keyboard(display: Display, windowClass: string): Keyboard {
  const xdotool = (...args: string[]) => execFileSync('xdotool', args, {env: {...process.env, DISPLAY: display.name}, encoding: 'utf8'});
  const focusWindow = () => {
    const windows = xdotool('search', '--onlyvisible', '--class', windowClass).trim().split('\n');
    xdotool('windowfocus', '--sync', windows.at(-1)!);
  };
  return {
    async press(key) {
      focusWindow();
      xdotool('key', key === 'Enter' ? 'Return' : key);
    },
    async type(text) {
      focusWindow();
      xdotool('type', '--delay', '5', text);
    },
  };
}
