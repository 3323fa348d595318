// Dotted paths into plain data, refusing keys that would reach an object's prototype.

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

export function splitPath(path: string): string[] {
  const parts = path.split('.').filter((p) => p !== '');
  for (const part of parts)
    if (FORBIDDEN.has(part)) throw new Error(`the path "${path}" uses the reserved name "${part}"`);
  return parts;
}

export function getPath(target: unknown, path: string): unknown {
  let node: unknown = target;
  for (const part of splitPath(path)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = splitPath(path);
  let node = target;
  parts.slice(0, -1).forEach((part) => {
    const next = Object.hasOwn(node, part) ? node[part] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  });
  node[parts[parts.length - 1]!] = value;
}
