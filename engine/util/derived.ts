// Values worked out once from an object that never changes once made — a compiled definition version, a form's
// schema — and kept for as long as that object lives (a WeakMap keyed by it), so nothing is ever stale or evicted.
// Each use says in its comment what working the value out afresh would cost.

/** `derive`, called at most once per source object; later calls with the same object get the same value. */
export function derivedFrom<S extends object, V>(derive: (source: S) => V): (source: S) => V {
  const kept = new WeakMap<S, V>();
  return (source) => {
    const known = kept.get(source);
    if (known !== undefined || kept.has(source)) return known as V;
    const value = derive(source);
    kept.set(source, value);
    return value;
  };
}
