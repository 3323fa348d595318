// The answers a pathway declares as identifying its cases (meta.identity), recording their urgency (meta.urgency) and
// their milestones (meta.performance): each `var` must name a question of a known form or a case value this pathway
// records, and never anything confidential, since lists, headings, search and reports show them.
import { actionRegistry } from '../../compile/actions/index.js';
import { schemaAt } from '../../forms/messages.js';
import { readReachesConfidential, type ConfidentialSources } from '../confidential-values.js';
import type { Path } from '../source.js';
import type { JsonObject } from '../types.js';
import type { LintContext } from './context.js';

/** Every `{var}` of meta.identity, meta.urgency and meta.performance, with its place in the YAML. */
export function declaredAnswerPaths(meta: JsonObject): { path: string; at: Path }[] {
  const found: { path: string; at: Path }[] = [];
  const visit = (node: unknown, at: Path): void => {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, [...at, i]));
    else if (node && typeof node === 'object') {
      const { var: path } = node as { var?: unknown };
      if (typeof path === 'string') found.push({ path, at: [...at, 'var'] });
      else for (const [key, value] of Object.entries(node)) visit(value, [...at, key]);
    }
  };
  for (const key of ['identity', 'urgency', 'performance']) visit(meta[key], ['meta', key]);
  return found;
}

/** The schema of a question, where a name after a list (`children.name`) is that question of every item. */
export function questionSchemaAt(form: JsonObject, path: string[]): JsonObject | undefined {
  const walked: string[] = [];
  for (const part of path) {
    const here = schemaAt(form, walked.join('.'));
    if (here?.items && !/^\d+$/.test(part)) walked.push('0');
    walked.push(part);
  }
  return schemaAt(form, walked.join('.'));
}

const NOTHING_WITHHELD: ConfidentialSources = { forms: new Map(), values: new Set() };

export function lintIdentity(ctx: LintContext): void {
  const { set } = ctx;
  const formSchemaOf = (id: string) => set.forms.get(id)?.data;
  for (const [id, walk] of ctx.walks) {
    const pathway = set.pathways.get(id)!;
    const declared = declaredAnswerPaths((pathway.data.meta ?? {}) as JsonObject);
    if (declared.length === 0) continue;
    const recorded = new Set(Object.keys((pathway.data.context as JsonObject) ?? {}));
    for (const use of walk.uses) {
      for (const p of actionRegistry.get(use.type)?.references?.(use.params).writes ?? [])
        recorded.add(p.split('.')[0]!);
    }
    // A case on a confidential pathway is shown only to readers cleared for what is confidential in it.
    const confidential =
      (pathway.data.meta as JsonObject).confidential === true ? NOTHING_WITHHELD : ctx.confidential.sources;
    for (const { path, at } of declared) {
      const problem = answerPathProblem(path, { set, recorded, formSchemaOf, confidential });
      if (problem) ctx.report(pathway.source, at, problem.code, `{var: "${path}"}: ${problem.message}`);
    }
  }
}

interface PathContext {
  set: LintContext['set'];
  recorded: Set<string>;
  formSchemaOf: (id: string) => JsonObject | undefined;
  confidential: ConfidentialSources;
}

function answerPathProblem(path: string, ctx: PathContext): { code: string; message: string } | undefined {
  const [root, head, ...rest] = path.split('.');
  if (root === 'case') {
    if (!head || !ctx.recorded.has(head)) {
      return {
        code: 'unknown-var',
        message: `"case.${head ?? ''}" is never recorded by an assign action in this pathway`,
      };
    }
  } else {
    if (head && ctx.set.broken.forms.has(head)) return undefined;
    const form = head ? ctx.formSchemaOf(head) : undefined;
    if (!form)
      return { code: 'unknown-form', message: `unknown form "${head ?? ''}": there is no forms/${head ?? ''}.yaml` };
    if (rest.length === 0)
      return { code: 'not-an-answer', message: `it names the whole form "${head}": name one of its questions` };
    const question = questionSchemaAt(form, rest);
    if (!question) return { code: 'unknown-var', message: `form "${head}" has no question "${rest.join('.')}"` };
    if (question.type === 'object' || question.type === 'array') {
      return { code: 'not-an-answer', message: `"${rest.join('.')}" is a group of questions: name one question in it` };
    }
  }
  if (readReachesConfidential({ path, literal: true }, ctx.confidential)) {
    return {
      code: 'confidential-identity',
      message:
        'it is confidential (x-confidential), and what identifies a case is shown to everyone who may see the case',
    };
  }
  return undefined;
}
