// Variants: a oneOf/anyOf whose members are groups of questions or kinds of value (not a list of options, and not
// "this or null", which ./schema-view.ts reads as optional). The form asks which one applies, then shows that one's
// questions; which one was chosen is kept by the form (FormStore), guessed from the answers when they are given.
import { schemaMatches } from './json-schema/index.js';
import { isNode } from './json-schema/resources.js';
import { resolveSchema, type Schema } from './schema-view.js';

export interface Variant {
  title: string;
  /** As written, for the validator; `view` is as rendered. */
  source: unknown;
  view: Schema;
}

const cache = new WeakMap<Schema, Variant[] | null>();

export function variantsOf(root: Schema, node: Schema): Variant[] | undefined {
  let variants = cache.get(node);
  if (variants === undefined) {
    const list = [node.oneOf, node.anyOf].find((l) => Array.isArray(l) && l.length) as unknown[] | undefined;
    const isChoiceList = list?.every((m) => isNode(m) && 'const' in m);
    variants =
      !list || isChoiceList
        ? null
        : list.map((m, i) => {
            const view = isNode(m) ? resolveSchema(root, m) : {};
            return { title: typeof view.title === 'string' ? view.title : `Option ${i + 1}`, source: m, view };
          });
    cache.set(node, variants);
  }
  return variants ?? undefined;
}

function constants(view: Schema): [string, unknown][] {
  const props = isNode(view.properties) ? view.properties : {};
  return Object.entries(props)
    .filter(([, s]) => isNode(s) && 'const' in s)
    .map(([k, s]) => [k, (s as Schema).const]);
}

/**
 * The variant the answer is: the first it passes, else the one whose constants it has, else the one it answers
 * most.
 */
export function guessVariant(root: Schema, variants: Variant[], value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const passes = variants.findIndex((v) => schemaMatches(root, v.source, value));
  if (passes >= 0) return passes;
  if (!isNode(value)) return undefined;
  const byConstant = variants.findIndex((v) => constants(v.view).some(([k, c]) => value[k] === c));
  if (byConstant >= 0) return byConstant;
  const answered = variants.map(
    (v) => Object.keys(isNode(v.view.properties) ? v.view.properties : {}).filter((k) => k in value).length,
  );
  const most = Math.max(...answered);
  return most > 0 ? answered.indexOf(most) : undefined;
}

/** The answer once `variant` is chosen: the shared questions' and its own answers kept, its constants filled in. */
export function valueForVariant(root: Schema, node: Schema, variant: Variant, value: unknown): unknown {
  const isObject = isNode(variant.view.properties) || variant.view.type === 'object';
  if (!isObject) return value !== undefined && schemaMatches(root, variant.source, value) ? value : undefined;
  const keep = new Set([
    ...Object.keys(isNode(node.properties) ? node.properties : {}),
    ...Object.keys(isNode(variant.view.properties) ? variant.view.properties : {}),
  ]);
  const kept = Object.entries(isNode(value) ? value : {}).filter(([k]) => keep.has(k));
  return Object.fromEntries([...kept, ...constants(variant.view)]);
}
