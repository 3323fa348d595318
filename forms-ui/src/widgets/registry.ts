// The widget registry: one renderer per x-widget name (docs/definitions.md, "Widgets"), registered in widgets/index.ts.
// Adding a widget is one file and one line there. An unknown name fails with `cannot render field <type>`; a field
// whose x-widget is not one of ours (a hint for another renderer) is shown by its type instead (dao-field.ts).
import type { FormStore } from '../core/form-store.js';
import type { Schema } from '../core/schema.js';

/** What a field needs from the form it is in. */
export interface FormHost {
  readonly root: Schema;
  readonly store: FormStore;
  readonly readonly: boolean;
  readonly confidentialCleared: boolean;
  /** The level of the form's own heading (1–6); sections go one level down for each level of nesting. */
  readonly headingLevel: number;
  /** A list of more options than this is a select rather than radios. */
  readonly selectThreshold: number;
}

/** One field as a renderer sees it. */
export interface Field {
  /** Dotted path of the answer ("items.item01.whatIDid"). */
  path: string;
  /** DOM id of the field's first control: the target of its error-summary link. */
  id: string;
  /** The field's schema with its $ref resolved. */
  schema: Schema;
  value: unknown;
  error: string | undefined;
  required: boolean;
  form: FormHost;
  set(value: unknown): void;
}

export type Render = (field: Field) => unknown;

export interface Widget {
  render: Render;
  /** The read-only and print view; a plain "question: answer" when left out. */
  readOnly?: Render;
  /** Its parts are <dao-field>s of their own: it re-renders only when its whole value is replaced. */
  container?: boolean;
  /** It shows values worked out from other answers, so it re-renders on every change. */
  watchesAll?: boolean;
}

const widgets = new Map<string, Widget>();

export function registerWidget(type: string, widget: Widget): void {
  widgets.set(type, widget);
}

/** The renderer registered as `type`, if any. */
export function findWidget(type: string): Widget | undefined {
  return widgets.get(type);
}

export function getWidget(type: string): Widget {
  const widget = widgets.get(type);
  if (!widget) throw new Error(`cannot render field ${type}`);
  return widget;
}

export function registeredWidgets(): string[] {
  return [...widgets.keys()];
}
