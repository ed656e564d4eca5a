import {logger} from '../shared/log.ts';
import {selectors, type SelectorName} from './selectors.ts';

const log = logger('console');
const reported = new Set<SelectorName>();

/** All elements matched by the first alternative that matches anything under `root`. */
export function queryAll(root: ParentNode, name: SelectorName): Element[] {
  for (const selector of selectors[name].alternatives) {
    const found = [...root.querySelectorAll(selector)];
    if (found.length > 0) return found;
  }
  return [];
}

export function query(root: ParentNode, name: SelectorName): Element | undefined {
  return queryAll(root, name)[0];
}

/** Like `query`, but says loudly, once per page, which selector stopped matching: the console changed. */
export function require(root: ParentNode, name: SelectorName): Element | undefined {
  const found = query(root, name);
  if (!found && !reported.has(name)) {
    reported.add(name);
    log.warn(`no console element matches "${name}" (${selectors[name].alternatives.join(' | ')}); the console's markup may have changed`);
  }
  return found;
}
