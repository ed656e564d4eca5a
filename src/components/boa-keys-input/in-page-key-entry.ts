import type {AwsKeys} from '../../aws/types.ts';
import type {Translate} from '../../shared/i18n.ts';
import type {KeyEntry} from '../services.ts';
import {BoaKeysInput} from './boa-keys-input.ts';

/** Defines `boa-keys-input` in this document (the key-entry frame's; a test page's), once. */
export function defineKeysInput(registry: CustomElementRegistry = customElements): void {
  if (!registry.get('boa-keys-input')) registry.define('boa-keys-input', BoaKeysInput);
}

/** A key-entry form as a `boa-keys-input` of this document: inside the key-entry frame, and in component tests. */
export function inPageKeyEntry(t: Translate, onKeys: (keys: AwsKeys | undefined) => void): KeyEntry {
  const input = document.createElement('boa-keys-input') as BoaKeysInput;
  input.t = t;
  input.addEventListener('boa-keys-input', (event) => {
    // Told once, by `onKeys`: the wrapper re-dispatches it where the form is placed.
    event.stopPropagation();
    onKeys(event.keys);
  });
  return {
    element: input,
    update: ({heading, note, errors, accepted, expectedUserName}) => Object.assign(input, {heading, note, errors, accepted, expectedUserName}),
    clear: () => input.clear(),
    focus: () => input.focus(),
    dispose: () => undefined,
  };
}
