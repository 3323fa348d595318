// Generators for the confidentiality property test: expressions that copy a confidential answer by every form of
// expression the vocabulary allows, and definitions (the server fixture, edited) that keep such copies as case values,
// notes, computed answers, what identifies a case and document headers.
import fc from 'fast-check';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import type { DefinitionFiles } from '../../engine/definitions/types.js';
import { DEFINITIONS } from '../server/helpers.js';

/** The confidential text and number the requester answers; neither may reach a reader not cleared for them. */
export const MARK = 'TAINT-MARK-5f0c';
export const SCORE = 61803.3988;
export const MARKERS = [MARK, String(SCORE)];

/** What an expression's value is, as far as what a wrapper may do to it and keep the confidential content. */
type Kind = 'text' | 'number' | 'list' | 'object';

export interface Copy {
  expr: unknown;
  kind: Kind;
  /** The expression forms it is made of, for a failure's report. */
  forms: string[];
}

interface Scope {
  /** Where the answers of the form holding the secret are read: `forms.request` in a pathway, `form` in x-compute. */
  answers: string;
  /** Where case values are read (`case`, or `case.parent` in a started pathway), none in x-compute. */
  values?: string;
  /** Copies kept before this one, as case values. */
  earlier: { name: string; kind: Kind }[];
  /** The form has a computed answer `copied` made from the secret. */
  computed: boolean;
  /** The data holds more than `forms` and `case` (not so for a document header). */
  wholeData: boolean;
}

function leaves(scope: Scope): fc.Arbitrary<Copy>[] {
  const { answers } = scope;
  const secret = `${answers}.secret`;
  const leaf = (expr: unknown, kind: Kind, form: string) => fc.constant<Copy>({ expr, kind, forms: [form] });
  const found = [
    leaf({ var: secret }, 'text', 'var'),
    leaf({ var: [`${answers}.nickname`, { var: secret }] }, 'text', 'var with a default'),
    fc.integer({ min: 0, max: secret.length }).map<Copy>((k) => ({
      expr: { var: { cat: [secret.slice(0, k), secret.slice(k)] } },
      kind: 'text',
      forms: ['var built with cat'],
    })),
    leaf({ var: { if: [{ var: `${answers}.urgent` }, secret, `${answers}.name`] } }, 'text', 'var built with if'),
    leaf({ var: { substr: [`##${secret}`, 2] } }, 'text', 'var built with substr'),
    leaf({ missing: [{ var: secret }] }, 'list', 'missing'),
    leaf({ missing_some: [3, [{ var: secret }, `${answers}.name`]] }, 'list', 'missing_some'),
    leaf({ var: `${answers}.score` }, 'number', 'var of a number'),
    leaf({ var: answers }, 'object', 'whole form'),
  ];
  if (scope.wholeData) found.push(leaf({ var: '' }, 'object', 'whole data'));
  if (scope.computed) found.push(leaf({ var: `${answers}.copied` }, 'text', 'computed answer'));
  if (scope.values) {
    found.push(leaf({ var: { var: `${scope.values}.pathHolder` } }, 'text', 'var whose path is a case value'));
    for (const { name, kind } of scope.earlier)
      found.push(leaf({ var: `${scope.values}.${name}` }, kind, 'copy of a copy'));
    if (scope.earlier.length) found.push(leaf({ var: scope.values }, 'object', 'all case values'));
  }
  return found;
}

/** Ways of using a value that keep its confidential content in what they give. */
function wrappers(copy: Copy, scope: Scope): Copy[] {
  const { expr, kind } = copy;
  const wrapped = (next: unknown, nextKind: Kind, form: string): Copy => ({
    expr: next,
    kind: nextKind,
    forms: [form, ...copy.forms],
  });
  const listKind = kind === 'object' ? 'object' : 'list';
  const found = [
    wrapped({ if: [true, expr, null] }, kind, 'if'),
    wrapped({ if: [{ var: `${scope.answers}.urgent` }, expr, expr] }, kind, 'if on an answer'),
    wrapped({ or: [false, expr] }, kind, 'or'),
    wrapped({ and: [true, expr] }, kind, 'and'),
    wrapped({ merge: [expr] }, listKind, 'merge'),
    wrapped({ map: [{ merge: [expr] }, { var: '' }] }, listKind, 'map'),
    wrapped({ filter: [{ merge: [expr] }, true] }, listKind, 'filter'),
    wrapped({ reduce: [[], { var: 'accumulator' }, expr] }, kind, 'reduce from it'),
  ];
  if (kind !== 'object') {
    found.push(
      wrapped({ cat: ['<', expr, '>'] }, 'text', 'cat'),
      wrapped({ substr: [expr, 0] }, 'text', 'substr'),
      wrapped(
        { reduce: [{ merge: [expr] }, { cat: [{ var: 'accumulator' }, { var: 'current' }] }, ''] },
        'text',
        'reduce',
      ),
    );
  }
  if (kind === 'number') {
    found.push(
      wrapped({ max: [expr, 0] }, 'number', 'max'),
      wrapped({ min: [expr, 1e15] }, 'number', 'min'),
      wrapped({ '+': [expr, 0] }, 'number', '+'),
      wrapped({ '*': [expr, 1] }, 'number', '*'),
    );
  }
  return found;
}

/** A copy of the secret: one way of reading it, used through up to three wrappers. */
function copyIn(scope: Scope): fc.Arbitrary<Copy> {
  const choices = fc.array(fc.nat(), { maxLength: 3 });
  return fc.tuple(fc.oneof(...leaves(scope)), choices).map(([leaf, picks]) =>
    picks.reduce((copy, pick) => {
      const next = wrappers(copy, scope);
      return next[pick % next.length]!;
    }, leaf),
  );
}

/** A copy that reads as text (a note, a computed answer, a header): objects are left out, as text they are lost. */
const asText = (scope: Scope) => copyIn(scope).filter((copy) => copy.kind !== 'object');

/**
 * Tried every run: the finding as reported; a version the lint accepts (copies it knows of, which the server
 * withholds); and one that keeps a copy in every other place (what identifies the case, a note, a header).
 */
export const EXAMPLES: Program[] = [
  {
    assigns: [
      {
        expr: { var: { cat: ['forms.req', 'uest.secret'] } },
        kind: 'text',
        forms: ['var built with cat'],
      },
    ],
    identityReadsCopy: false,
  },
  {
    computed: { expr: { cat: [{ var: 'form.secret' }] }, kind: 'text', forms: ['cat', 'var'] },
    assigns: [
      { expr: { var: '' }, kind: 'object', forms: ['whole data'] },
      { expr: { cat: [{ var: 'forms.request.copied' }] }, kind: 'text', forms: ['cat', 'computed answer'] },
      {
        expr: { cat: [{ var: 'case.copy1' }, { max: [{ var: 'forms.request.score' }, 0] }] },
        kind: 'text',
        forms: ['cat', 'max', 'copy of a copy'],
      },
    ],
    identityReadsCopy: false,
  },
  {
    assigns: [{ expr: { var: 'forms.request.secret' }, kind: 'text', forms: ['var'] }],
    identityReadsCopy: true,
    note: { expr: { cat: ['Copied: ', { var: 'case.parent.copy0' }] }, kind: 'text', forms: ['cat', 'copy of a copy'] },
    header: { expr: { var: 'case.copy0' }, kind: 'text', forms: ['copy of a copy'] },
  },
];

export interface Program {
  /** x-compute of the request form's `copied`. */
  computed?: Copy;
  /** Case values copy0, copy1, … assigned in this order when the request is submitted. */
  assigns: Copy[];
  /** A note the report's lifecycle records when it opens (reading the case's values under `case.parent`). */
  note?: Copy;
  /** The case number (meta.identity) read from copy0. */
  identityReadsCopy: boolean;
  /** A document header line. */
  header?: Copy;
}

function assignChain(count: number, scope: Scope): fc.Arbitrary<Copy[]> {
  if (count === 0) return fc.constant([]);
  return copyIn(scope).chain((copy) => {
    const earlier = [...scope.earlier, { name: `copy${scope.earlier.length}`, kind: copy.kind }];
    return assignChain(count - 1, { ...scope, earlier }).map((rest) => [copy, ...rest]);
  });
}

const base = { earlier: [], computed: false, wholeData: true };

/** Present one time in three: each part a program may have is then often absent, and programs stay varied. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary, weight: 1 });

/** A computed answer of type string: the copy as text. */
const computedAnswer = asText({ ...base, answers: 'form' }).map<Copy>((copy) => ({
  expr: { cat: [copy.expr] },
  kind: 'text',
  forms: ['cat', ...copy.forms],
}));

export const programs: fc.Arbitrary<Program> = fc
  .constant(null)
  .chain(() => sometimes(computedAnswer))
  .chain((computed) => {
    const pathway: Scope = { ...base, answers: 'forms.request', values: 'case', computed: computed !== undefined };
    return fc.integer({ min: 1, max: 3 }).chain((count) =>
      assignChain(count, pathway).chain((assigns) => {
        const earlier = assigns.map((a, i) => ({ name: `copy${i}`, kind: a.kind }));
        return fc.record({
          note: sometimes(asText({ ...pathway, values: 'case.parent', earlier })),
          identityReadsCopy: fc
            .constant(assigns[0]!.kind === 'text' || assigns[0]!.kind === 'number')
            .chain((ok) => (ok ? fc.boolean() : fc.constant(false))),
          header: sometimes(asText({ ...pathway, earlier, wholeData: false })),
          computed: fc.constant(computed),
          assigns: fc.constant(assigns),
        });
      }),
    );
  });

function edit(text: string, find: string, replace: string): string {
  if (!text.includes(find)) throw new Error(`the fixture no longer contains ${JSON.stringify(find)}`);
  return text.replace(find, replace);
}

const json = (value: unknown) => JSON.stringify(value);

/** A case value holding the path of the secret, for a var that reads the path it is given. */
const pathHolder = '      - { type: assign, params: { path: pathHolder, value: forms.request.secret } }\n';

/** The server fixture's definitions, edited to keep the program's copies. Expressions are written as JSON (YAML). */
export async function definitionsFor(program: Program): Promise<DefinitionFiles> {
  const files = await readDefinitionFiles(DEFINITIONS);
  // Every case of the run is allocated to the one officer.
  files['settings.yaml'] = edit(files['settings.yaml']!, '  default: 2\n', '  default: 1000\n');
  let form = files['forms/request.yaml']!;
  form +=
    '  score:\n    type: number\n    title: Private score\n    x-confidential: true\n' +
    '  nickname:\n    type: string\n    title: Known as\n';
  if (program.computed)
    form += `  copied:\n    type: string\n    title: Copied\n    x-compute: ${json(program.computed.expr)}\n`;
  files['forms/request.yaml'] = form;

  const entry = '      - { type: assign, params: { path: secretCopy, expr: { var: forms.request.secret } } }\n';
  const assigns = program.assigns.map(
    (a, i) => `      - { type: assign, params: { path: copy${i}, expr: ${json(a.expr)} } }\n`,
  );
  let flow = edit(files['pathways/flow.yaml']!, entry, [entry, pathHolder, ...assigns].join(''));
  const identity = '    person: { title: Person, name: { var: forms.request.name } }\n';
  if (program.identityReadsCopy)
    flow = edit(flow, identity, `${identity}    caseNumber: { value: { var: case.copy0 } }\n`);
  if (program.header) {
    flow = edit(
      flow,
      '  title: Flow\n',
      `  title: Flow\n  documentHeader:\n    - { title: Copy, value: ${json(program.header.expr)} }\n`,
    );
  }
  files['pathways/flow.yaml'] = flow;

  const drafting = '    meta: { title: Drafting, editsDocument: true }\n';
  const note = program.note
    ? `    entry:\n      - { type: recordNote, params: { expr: ${json(program.note.expr)} } }\n`
    : '';
  files['pathways/report-lifecycle.yaml'] = edit(
    files['pathways/report-lifecycle.yaml']!,
    drafting,
    `    meta: { title: Drafting, editsDocument: true, actors: [officer, lead] }\n${note}`,
  );
  return files;
}

/** The expression forms a program uses, for a failure's report. */
export function formsUsed(program: Program): string[] {
  const copies = [program.computed, ...program.assigns, program.note, program.header].filter(Boolean) as Copy[];
  return [...new Set(copies.flatMap((c) => c.forms))].sort();
}
