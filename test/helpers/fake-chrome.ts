/**
 * A faithful-enough `chrome` for running the BUILT service-worker bundle in Node (no DOM, like a real
 * worker): listeners are captured, storage is in memory, ports deliver asynchronously and JSON-cloned.
 */
type Listener = (...args: never[]) => unknown;

function event<L extends Listener>() {
  const listeners: L[] = [];
  return {
    listeners,
    addListener: (listener: L) => void listeners.push(listener),
    removeListener: (listener: L) => void listeners.splice(listeners.indexOf(listener), 1),
  };
}

function storageArea() {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key?: string | string[]) => {
      const keys = key === undefined ? [...data.keys()] : Array.isArray(key) ? key : [key];
      return Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async (key: string | string[]) => void (Array.isArray(key) ? key : [key]).forEach((k) => data.delete(k)),
  };
}

export interface FakePort {
  name: string;
  sender?: chrome.runtime.MessageSender;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: ReturnType<typeof event<(message: never) => void>>;
  onDisconnect: ReturnType<typeof event<() => void>>;
}

function portPair(name: string, sender: chrome.runtime.MessageSender): [FakePort, FakePort] {
  const make = (): FakePort => ({name, postMessage: () => undefined, disconnect: () => undefined, onMessage: event(), onDisconnect: event()});
  const a = make();
  const b = {...make(), sender};
  let open = true;
  const link = (from: FakePort, to: FakePort) => {
    from.postMessage = (message) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const copy = JSON.parse(JSON.stringify(message)) as never;
      setTimeout(() => open && to.onMessage.listeners.forEach((l) => l(copy)), 0);
    };
    from.disconnect = () => {
      if (!open) return;
      open = false;
      setTimeout(() => to.onDisconnect.listeners.forEach((l) => l()), 0);
    };
  };
  link(a, b);
  link(b, a);
  return [a, b];
}

export function createFakeChrome(options: {extensionId?: string; files?: Record<string, string>; grantedOrigins?: readonly string[]} = {}) {
  const id = options.extensionId ?? 'boaextensionidfortests';
  const baseUrl = `chrome-extension://${id}/`;
  const onConnect = event<(port: FakePort) => void>();
  const onMessage = event<(message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (r: unknown) => void) => unknown>();
  const granted = new Set(options.grantedOrigins ?? []);
  const registered: chrome.scripting.RegisteredContentScript[] = [];
  const chromeApi = {
    runtime: {
      id,
      // Files of the unpacked extension are served as data: URLs, which Node's fetch reads.
      getURL: (file: string) =>
        options.files?.[file] !== undefined ? `data:application/json;base64,${Buffer.from(options.files[file]!).toString('base64')}` : `${baseUrl}${file}`,
      onConnect,
      onMessage,
      onInstalled: event(),
      onStartup: event(),
    },
    storage: {local: storageArea(), session: storageArea()},
    permissions: {
      contains: async ({origins = []}: {origins?: string[]}) => origins.every((o) => granted.has(o)),
      remove: async ({origins = []}: {origins?: string[]}) => origins.map((o) => granted.delete(o)).every(Boolean),
      onAdded: event(),
      onRemoved: event(),
    },
    scripting: {
      getRegisteredContentScripts: async ({ids}: {ids?: string[]} = {}) => registered.filter((s) => !ids || ids.includes(s.id)),
      registerContentScripts: async (scripts: chrome.scripting.RegisteredContentScript[]) => void registered.push(...scripts),
      unregisterContentScripts: async ({ids}: {ids?: string[]} = {}) => {
        for (let i = registered.length - 1; i >= 0; i--) if (!ids || ids.includes(registered[i]!.id)) registered.splice(i, 1);
      },
      executeScript: async () => [],
    },
    tabs: {query: async () => [], sendMessage: async () => undefined, onRemoved: event(), onUpdated: event()},
    webRequest: {onCompleted: event()},
  };

  return {
    chrome: chromeApi,
    granted,
    registered,
    /** Opens a port to the worker as `sender` would. */
    connect(name: string, sender: chrome.runtime.MessageSender): FakePort {
      const [client, worker] = portPair(name, sender);
      onConnect.listeners.forEach((l) => l(worker));
      return client;
    },
    /** Sends a one-off message as `sender` would and resolves with the reply. */
    sendMessage(message: unknown, sender: chrome.runtime.MessageSender): Promise<unknown> {
      return new Promise((resolve) => {
        for (const listener of onMessage.listeners) {
          const keepOpen = listener(JSON.parse(JSON.stringify(message)) as never, sender, resolve);
          if (keepOpen !== true) resolve(undefined);
        }
      });
    },
  };
}
