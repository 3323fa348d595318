// A form or document as one labelled view model, ready to print: every question by its own title, every choice by its
// title, dates as "12 August 1988", grids as tables, the case's facts and the sign-off records. It is built from the
// schema and answers the reader's Redactor left, so the HTML and the PDF rendered from it withhold the same things.
// The schema is read with the form renderer's own helpers, so a print and the screen describe a form alike.
import {
  choicesOf,
  propertiesOf,
  resolveSchema,
  titleOf,
  widgetOf,
  type Schema,
} from '../../../forms-ui/src/core/schema.js';
import { formatDate, formatDateTime } from '../../../forms-ui/src/app/core/format.js';
import { signOffWording } from '../../../engine/index.js';

export type PrintValue =
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'group'; fields: PrintField[] }
  | { kind: 'table'; columns: string[]; rows: { label?: string; cells: string[] }[] };

export interface PrintField {
  label: string;
  value: PrintValue;
}

export interface PrintFact {
  label: string;
  value: string;
}

export interface PrintSignOff {
  /** What was signed: "Countersigned", "Audit passed". */
  label: string;
  name: string;
  role: string;
  /** When, already worded ("3 March 2026 at 9:05am"). */
  at: string;
  final: boolean;
}

export interface PrintModel {
  title: string;
  facts: PrintFact[];
  fields: PrintField[];
  signOffs: PrintSignOff[];
  /** Lines about the whole print (what was withheld, who it was prepared for). */
  notices: string[];
}

export const NOT_ANSWERED = 'Not answered';
const GRIDS = new Set(['frequency-grid', 'risk-matrix', 'yesno-help-table']);

/** A date-time or date as words; other text as it is. */
export function wordDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  return value;
}

function scalarText(schema: Schema, value: unknown): string {
  if (value === undefined || value === null || value === '') return NOT_ANSWERED;
  const choice = choicesOf(schema)?.find((c) => c.value === value);
  if (choice) return choice.title;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string')
    return schema.format === 'date' || schema.format === 'date-time' ? wordDate(value) : value;
  return String(value);
}

/** Fields whose answer is a sign-off's record (`x-signOff`), worded, by the event that fills them. */
export type SignedFields = ReadonlyMap<string, string>;

interface Context {
  root: Schema;
  signed: SignedFields;
}

function cellText(ctx: Context, schema: Schema, value: unknown): string {
  const field = resolveSchema(ctx.root, schema);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return propertiesOf(field)
      .filter(([key]) => key in (value as object))
      .map(
        ([key, s]) =>
          `${titleOf(resolveSchema(ctx.root, s), key)}: ${cellText(ctx, s, (value as Record<string, unknown>)[key])}`,
      )
      .join('; ');
  }
  if (Array.isArray(value))
    return value.map((v) => cellText(ctx, (field.items ?? {}) as Schema, v)).join(', ') || NOT_ANSWERED;
  return scalarText(field, value);
}

/** Rows × columns (the grid widgets): each row's title, then its columns' answers. */
function gridValue(ctx: Context, schema: Schema, value: Record<string, unknown>): PrintValue {
  const rows = propertiesOf(schema).map(([key, s]) => [key, resolveSchema(ctx.root, s)] as const);
  const first = rows[0]?.[1];
  const columns =
    first?.type === 'object'
      ? propertiesOf(first).map(([key, s]) => [key, resolveSchema(ctx.root, s)] as const)
      : undefined;
  return {
    kind: 'table',
    columns: ['Question', ...(columns ? columns.map(([key, s]) => titleOf(s, key)) : ['Answer'])],
    rows: rows
      .filter(([key]) => key in value)
      .map(([key, s]) => {
        const row = value[key];
        const cells = columns
          ? columns.map(([c, cs]) => cellText(ctx, cs, (row as Record<string, unknown> | undefined)?.[c]))
          : [cellText(ctx, s, row)];
        return { label: titleOf(s, key), cells };
      }),
  };
}

function arrayValue(ctx: Context, schema: Schema, value: unknown[]): PrintValue {
  const items = resolveSchema(ctx.root, (schema.items ?? {}) as Schema);
  if (items.type === 'object') {
    const columns = propertiesOf(items).map(([key, s]) => [key, resolveSchema(ctx.root, s)] as const);
    return {
      kind: 'table',
      columns: columns.map(([key, s]) => titleOf(s, key)),
      rows: value.map((row) => ({
        cells: columns.map(([key, s]) => cellText(ctx, s, (row as Record<string, unknown> | undefined)?.[key])),
      })),
    };
  }
  return value.length
    ? { kind: 'list', items: value.map((v) => scalarText(items, v)) }
    : { kind: 'text', text: NOT_ANSWERED };
}

function fieldValue(ctx: Context, schema: Schema, value: unknown, key: string): PrintValue {
  const signed = typeof schema['x-signOff'] === 'string' ? ctx.signed.get(key) : undefined;
  if (signed && (value === undefined || value === null || (typeof value === 'object' && !Object.keys(value).length)))
    return { kind: 'text', text: signed };
  if (value === undefined || value === null || value === '') return { kind: 'text', text: NOT_ANSWERED };
  const widget = widgetOf(ctx.root, schema);
  if (GRIDS.has(widget) && typeof value === 'object' && !Array.isArray(value))
    return gridValue(ctx, schema, value as Record<string, unknown>);
  if (Array.isArray(value)) return arrayValue(ctx, schema, value);
  if (typeof value === 'object')
    return { kind: 'group', fields: fieldsOf(ctx, schema, value as Record<string, unknown>) };
  return { kind: 'text', text: scalarText(schema, value) };
}

/** The answered questions of an object, in the form's order; a question filled by a sign-off is always there. */
function fieldsOf(ctx: Context, schema: Schema, answers: Record<string, unknown>): PrintField[] {
  return propertiesOf(resolveSchema(ctx.root, schema))
    .map(([key, s]) => [key, resolveSchema(ctx.root, s)] as const)
    .filter(([key, s]) => key in answers || (typeof s['x-signOff'] === 'string' && ctx.signed.has(key)))
    .map(([key, s]) => ({ label: titleOf(s, key), value: fieldValue(ctx, s, answers[key], key) }));
}

export interface PrintInput {
  title: string;
  /** The form's schema as this reader is served it (confidential parts already gone where they must be). */
  schema: Schema;
  /** The answers this reader may see, or null when nothing has been written. */
  answers: Record<string, unknown> | null;
  facts: PrintFact[];
  signOffs: PrintSignOff[];
  /** Top-level questions marked `x-signOff`, with the record that fills them. */
  signed?: SignedFields;
  notices?: string[];
}

export function buildPrintModel(input: PrintInput): PrintModel {
  const ctx: Context = { root: input.schema, signed: input.signed ?? new Map() };
  const fields = input.answers ? fieldsOf(ctx, input.schema, input.answers) : [];
  return {
    title: input.title,
    facts: input.facts,
    fields: input.answers
      ? fields
      : [{ label: 'Answers', value: { kind: 'text', text: 'Nothing has been written yet.' } }],
    signOffs: input.signOffs,
    notices: input.notices ?? [],
  };
}

/** One line of a sign-off record: "Countersigned by Jo Bennett, Team Manager, on 3 March 2026 at 9:05am". */
export function signOffLine(s: PrintSignOff): string {
  return `${signOffWording(s.label, s.name, s.role, s.at)}${s.final ? ': the document became final' : ''}`;
}
