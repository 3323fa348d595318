// Freezing plain data all the way down, for data that several readers share: a reader that tries to change it fails
// at once (every module here is strict code) instead of changing what the others read.

/** Freezes a value and everything it holds; a part already frozen is taken as frozen throughout and not walked again. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
