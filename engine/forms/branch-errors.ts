// When an answer fits none of the variants of a oneOf/anyOf, every variant's errors come back (a "method must be
// post" beside an "enter email address"). A reader chose one variant: keep that variant's errors only — the one
// the form says was chosen, else the one the answer is closest to (fewest errors, no wrong type or constant) —
// and when no variant stands out, the one message of the oneOf/anyOf itself ("select one of the options").
import type { ErrorObject } from 'ajv';

export type ChosenVariant = (instancePath: string) => number | undefined;

export interface VariantContext {
  /** The variant the form says was chosen for the value at an instance path. */
  chosenVariant?: ChosenVariant;
  /** The answers: a variant some of whose own questions are answered is the closer one. */
  data?: unknown;
}

type Node = Record<string, unknown>;

function at(root: unknown, schemaPath: string): unknown {
  return schemaPath
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .reduce<unknown>(
      (n, k) => (n && typeof n === 'object' ? (n as Node)[k.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined),
      root,
    );
}

/** An error that says the answer is not this variant at all, rather than this variant answered wrongly. */
function rulesOut(error: ErrorObject, combinator: ErrorObject, branch: unknown): boolean {
  if (error.keyword === 'const') return true;
  if (error.keyword === 'type') return error.instancePath === combinator.instancePath;
  if (error.keyword !== 'required' || !branch || typeof branch !== 'object') return false;
  const properties = (branch as Node).properties as Record<string, Node> | undefined;
  const missing = String((error.params as { missingProperty?: unknown }).missingProperty);
  return error.instancePath === combinator.instancePath && properties?.[missing]?.const !== undefined;
}

/** How many of the variant's own questions the answer at `instancePath` answers. */
function answered(branch: unknown, data: unknown, instancePath: string): number {
  const value = instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (n, k) => (n && typeof n === 'object' ? (n as Node)[k.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined),
      data,
    );
  const properties =
    branch && typeof branch === 'object' ? ((branch as Node).properties as Node | undefined) : undefined;
  if (!properties || !value || typeof value !== 'object') return 0;
  return Object.keys(properties).filter(
    (k) => (value as Node)[k] !== undefined && !('const' in (properties[k] as Node)),
  ).length;
}

function pickVariant(combinator: ErrorObject, errors: ErrorObject[], root: unknown, context: VariantContext) {
  const prefix = `${combinator.schemaPath}/`;
  const byBranch = new Map<number, ErrorObject[]>();
  for (const error of errors) {
    if (!error.schemaPath.startsWith(prefix)) continue;
    const i = Number(error.schemaPath.slice(prefix.length).split('/')[0]);
    byBranch.set(i, [...(byBranch.get(i) ?? []), error]);
  }
  const picked = context.chosenVariant?.(combinator.instancePath);
  if (picked !== undefined && byBranch.has(picked)) return { prefix, keep: picked };
  const branch = (i: number) => at(root, `${prefix}${i}`);
  // A null beside one other kind of value is "may be left empty": the other kind is the one to talk about.
  const notNull = [...byBranch].filter(([i]) => (branch(i) as Node | undefined)?.type !== 'null');
  if (notNull.length === 1 && notNull.length < byBranch.size) return { prefix, keep: notNull[0]![0] };
  const candidates = notNull.filter(([i, list]) => !list.some((e) => rulesOut(e, combinator, branch(i))));
  const score = ([i, list]: [number, ErrorObject[]]) =>
    list.length - 10 * answered(branch(i), context.data, combinator.instancePath);
  const best = Math.min(...candidates.map(score));
  const closest = candidates.filter((c) => score(c) === best);
  return { prefix, keep: closest.length === 1 ? closest[0]![0] : undefined };
}

/** The errors with those of the variants not chosen left out, innermost oneOf/anyOf first. */
export function chosenVariantErrors(errors: ErrorObject[], root: unknown, context: VariantContext = {}): ErrorObject[] {
  let kept = errors;
  const combinators = errors
    .filter(
      (e) =>
        (e.keyword === 'oneOf' && !(e.params as { passingSchemas?: unknown }).passingSchemas) || e.keyword === 'anyOf',
    )
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const combinator of combinators) {
    if (!kept.includes(combinator)) continue;
    const { prefix, keep } = pickVariant(combinator, kept, root, context);
    const inBranch = (e: ErrorObject) => e.schemaPath.startsWith(prefix);
    if (keep === undefined) kept = kept.filter((e) => !inBranch(e));
    else kept = kept.filter((e) => e !== combinator && (!inBranch(e) || e.schemaPath.startsWith(`${prefix}${keep}/`)));
  }
  return kept;
}
