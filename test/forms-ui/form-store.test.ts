// forms-ui/src/core/form-store.ts: who is told about which change.
import { beforeAll, describe, expect, it } from 'vitest';
import { FormStore, type StoreChange } from '../../forms-ui/src/core/form-store.js';
import { loadExtensions } from '../../forms-ui/src/extensions.js';

// Computed answers' evaluator is loaded on demand, as <dao-form> loads it for a form that has them (extensions.ts).
beforeAll(() => loadExtensions());

describe('FormStore', () => {
  it('should tell listeners the path that changed, and nothing when the value is the same', () => {
    const store = new FormStore({ type: 'object' });
    const changes: StoreChange[] = [];
    store.subscribe((c) => changes.push(c));
    store.set('a.b', 1);
    store.set('a.b', 1);
    expect(changes).toEqual([{ kind: 'value', path: 'a.b' }]);
    expect(store.data).toEqual({ a: { b: 1 } });
  });

  it('should tell only the fields whose error message changed', () => {
    const store = new FormStore({ type: 'object' });
    store.setErrors({ a: ['Enter a'], b: ['Enter b'] });
    const changes: StoreChange[] = [];
    store.subscribe((c) => changes.push(c));
    store.setErrors({ a: ['Enter a'], c: ['Enter c'] });
    expect(changes).toEqual([{ kind: 'errors', paths: ['b', 'c'] }]);
  });

  it('should work out computed answers on demand', () => {
    const store = new FormStore({
      type: 'object',
      properties: { n: { type: 'integer' }, twice: { 'x-compute': { '*': [{ var: 'form.n' }, 2] } } },
    });
    store.set('n', 4);
    expect(store.computed('twice')).toBe(8);
  });
});
