/**
 * A port whose first messages arrive before its handler exists: the worker decides asynchronously whether
 * to accept a port (the enabled consoles are in storage), and Chrome drops port messages that find no
 * listener. Messages are held from the moment of connection and handed over in order.
 */
type Listener = (message: unknown) => void;

export interface HeldPort {
  readonly name: string;
  postMessage(message: unknown): void;
  readonly onMessage: {addListener(listener: Listener): void};
  readonly onDisconnect: {addListener(listener: () => void): void};
}

export function holdMessages(port: chrome.runtime.Port): HeldPort {
  const held: unknown[] = [];
  const listeners: Listener[] = [];
  port.onMessage.addListener((message: unknown) => {
    if (listeners.length === 0) held.push(message);
    else listeners.forEach((listener) => listener(message));
  });
  return {
    name: port.name,
    postMessage: (message) => port.postMessage(message),
    onDisconnect: {addListener: (listener) => port.onDisconnect.addListener(listener)},
    onMessage: {
      addListener(listener) {
        listeners.push(listener);
        for (const message of held.splice(0)) listener(message);
      },
    },
  };
}
