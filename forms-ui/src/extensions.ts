// This product's own extensions to JSON Schema — the widgets its forms name (grids, scale, signature) and computed
// answers (x-compute) — are a module of their own (./product-extensions.ts, built as dist/dao-form-extensions.js),
// loaded by <dao-form> only for a schema that uses one of them: a portal's own schema never downloads them.
import type { CSSResultOrNative } from 'lit';
import { hasComputedAnswers, useCompute } from './core/computed.js';
import type { Schema } from './core/schema.js';
import { registerWidget } from './widgets/registry.js';

/** The x-widget names the extensions module brings (test/forms-ui/widgets.test.ts checks it against the module). */
export const EXTENSION_WIDGETS: readonly string[] = [
  'frequency-grid',
  'risk-matrix',
  'yesno-help-table',
  'signature',
  'scale',
];

let loaded: { styles: CSSResultOrNative } | undefined;
let loading: Promise<void> | undefined;

const uses = new WeakMap<Schema, boolean>();

/** Whether the schema names one of this product's widgets or has computed answers anywhere (kept per schema). */
export function usesExtensions(root: Schema): boolean {
  let used = uses.get(root);
  if (used === undefined) {
    const text = JSON.stringify(root);
    used = hasComputedAnswers(root) || EXTENSION_WIDGETS.some((name) => text.includes(`"x-widget":"${name}"`));
    uses.set(root, used);
  }
  return used;
}

/** Whether a form for `root` can be shown now: it needs no extension, or they have loaded. */
export function extensionsReady(root: Schema): boolean {
  return !!loaded || !usesExtensions(root);
}

/** The styles of this product's widgets, once loaded (a form adopts them after its own). */
export function extensionStyles(): CSSResultOrNative | undefined {
  return loaded?.styles;
}

/** Loads the extensions once and registers their widgets; a failed load may be tried again. */
export function loadExtensions(): Promise<void> {
  loading ??= import('./product-extensions.js').then(
    (module) => {
      for (const [name, widget] of Object.entries(module.widgets)) registerWidget(name, widget);
      useCompute(module.computeAnswers);
      loaded = { styles: module.styles };
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
