// Field paths ("items.item01.whatIDid", "actions.0.issue") over answer objects, with immutable updates that share
// every untouched branch, so a row whose value did not change keeps its identity.
export type Answers = Record<string, unknown>;

export function splitPath(path: string): string[] {
  return path ? path.split('.') : [];
}

export function joinPath(base: string, key: string | number): string {
  return base ? `${base}.${key}` : String(key);
}

export function getAt(data: unknown, path: string): unknown {
  let node = data;
  for (const key of splitPath(path)) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A copy of `data` with `value` at `path` (undefined removes the key); missing parents are created. */
export function setAt(data: unknown, path: string, value: unknown): unknown {
  const keys = splitPath(path);
  const write = (node: unknown, i: number): unknown => {
    const key = keys[i]!;
    const isIndex = /^\d+$/.test(key);
    const container: Record<string, unknown> | unknown[] =
      node && typeof node === 'object'
        ? Array.isArray(node)
          ? [...node]
          : { ...(node as object) }
        : isIndex
          ? []
          : {};
    const current = (container as Record<string, unknown>)[key];
    const next = i === keys.length - 1 ? value : write(current, i + 1);
    if (next === undefined && !Array.isArray(container)) delete (container as Record<string, unknown>)[key];
    else (container as Record<string, unknown>)[key] = next;
    return container;
  };
  return keys.length ? write(data, 0) : value;
}

/** True when `path` is `base` or lies inside it. */
export function isWithin(path: string, base: string): boolean {
  return base === '' || path === base || path.startsWith(`${base}.`);
}
