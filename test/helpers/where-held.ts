/**
 * Where, if anywhere, a component still holds `needle` (a secret): its own state and its children's (lit
 * properties, controllers such as `@lit/task`'s last arguments, plain objects, arrays, maps and sets), and the
 * values of the form fields in its shadow roots. Returns the first path found (`el.verification.task._previousArgs.0…`)
 * or undefined. The component's `services` (the test's fakes, which record what was sent) are not followed, however
 * they are reached (a child's property, a template part). Closures and promises cannot be looked into.
 */
export function whereHeld(root: Element, needle: string): string | undefined {
  const seen = new Set<unknown>([(root as {services?: unknown}).services]);
  const visit = (value: unknown, path: string, depth: number): string | undefined => {
    if (typeof value === 'string') return value.includes(needle) ? path : undefined;
    if (typeof value !== 'object' || value === null || seen.has(value) || depth > 16) return undefined;
    seen.add(value);
    if (value instanceof Node) {
      if ((value instanceof HTMLInputElement || value instanceof HTMLTextAreaElement) && value.value.includes(needle)) return `${path}.value`;
      const inner = value instanceof Element && value.shadowRoot ? [...value.shadowRoot.querySelectorAll('*')] : [];
      for (const [i, child] of inner.entries()) {
        const found = visit(child, `${path} >>> ${child.localName}${child.id ? `#${child.id}` : ''}[${i}]`, depth + 1);
        if (found) return found;
      }
    }
    const entries: [string, unknown][] =
      value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v]) : value instanceof Set ? [...value].map((v, i) => [String(i), v]) : [];
    for (const key of Object.getOwnPropertyNames(value)) {
      try {
        entries.push([key, (value as Record<string, unknown>)[key]]);
      } catch {
        // A getter that throws holds nothing we can read.
      }
    }
    for (const [key, inner] of entries) {
      const found = visit(inner, `${path}.${key}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return visit(root, root.localName, 0);
}
