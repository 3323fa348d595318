// The answers and errors of one form on screen, and who to tell when they change. Fields subscribe and re-render only
// when their own path (or a path they watch) changes, so typing in one field never re-renders the whole form. No DOM.
import type { FieldErrors } from '../../../engine/forms/messages.js';
import type { ComputeContext } from '../../../engine/forms/compute.js';
import { getAt, setAt, type Answers } from './paths.js';
import { hasComputedAnswers, withComputedAnswers } from './computed.js';
import type { Schema } from './schema.js';

export type StoreChange = { kind: 'value'; path: string } | { kind: 'errors'; paths: string[] } | { kind: 'reset' };
export type StoreListener = (change: StoreChange) => void;

export class FormStore {
  #data: unknown;
  #errors: FieldErrors = {};
  /** The variant chosen for each oneOf/anyOf on screen, by path (./variants.ts). */
  readonly #variants = new Map<string, number>();
  #computed: Answers | undefined;
  readonly #listeners = new Set<StoreListener>();
  readonly #hasCompute: boolean;

  /** `context()`: what computed answers read beside the answers (the case's values, the time now). */
  constructor(
    readonly root: Schema,
    data?: unknown,
    private readonly context: () => ComputeContext = () => ({}),
  ) {
    this.#data = data;
    this.#hasCompute = hasComputedAnswers(root);
  }

  /** The answers: an object for a form of questions, or one value when the form's schema is not an object. */
  get data(): unknown {
    return this.#data;
  }

  get errors(): FieldErrors {
    return this.#errors;
  }

  get(path: string): unknown {
    return getAt(this.#data, path);
  }

  /** The answers with x-compute values filled in, worked out once per change and only when asked. */
  computed(path: string): unknown {
    if (!this.#hasCompute) return this.get(path);
    this.#computed ??= withComputedAnswers(this.root, this.#data, this.context()) as Answers;
    return getAt(this.#computed, path);
  }

  set(path: string, value: unknown): void {
    if (this.get(path) === value) return;
    this.#data = setAt(this.#data, path, value);
    this.#computed = undefined;
    this.#emit({ kind: 'value', path });
  }

  variant(path: string): number | undefined {
    return this.#variants.get(path);
  }

  /** Records the variant chosen at `path` with the answer that goes with it, and tells the fields there. */
  chooseVariant(path: string, index: number, value: unknown): void {
    this.#variants.set(path, index);
    if (this.get(path) !== value) this.set(path, value);
    else this.#emit({ kind: 'value', path });
  }

  /** What computed answers read has changed: they are worked out again. */
  contextChanged(): void {
    if (!this.#hasCompute) return;
    this.#computed = undefined;
    this.#emit({ kind: 'reset' });
  }

  replace(data: unknown): void {
    this.#data = data;
    this.#variants.clear();
    this.#errors = {};
    this.#computed = undefined;
    this.#emit({ kind: 'reset' });
  }

  /** Replaces the errors shown; only the fields whose message changed are told. */
  setErrors(errors: FieldErrors): void {
    const changed = new Set<string>();
    for (const path of new Set([...Object.keys(this.#errors), ...Object.keys(errors)])) {
      if (this.#errors[path]?.[0] !== errors[path]?.[0]) changed.add(path);
    }
    this.#errors = errors;
    if (changed.size) this.#emit({ kind: 'errors', paths: [...changed] });
  }

  errorAt(path: string): string | undefined {
    return this.#errors[path]?.[0];
  }

  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(change: StoreChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}
