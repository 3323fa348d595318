// Equality and length as ajv's runtime counts them: deep equality of JSON values (const, enum, uniqueItems) and a
// string's length in Unicode code points (minLength, maxLength).
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

export function codePointLength(text: string): number {
  let length = 0;
  for (const _char of text) length++;
  return length;
}
