// Issue 24, finding 1: what may hold confidential information is decided from the expressions' trees. A read reaches
// confidential information when it is, holds or lies inside a confidential part (a whole-object read included), and
// a path worked out at run time reaches whatever any path it could work out reaches. The lint refuses such a path
// where it could reach confidential information, at the `var`, with file, line and column.
import { describe, expect, it } from 'vitest';
import { checkDefinitions, compileDefinitions } from '../../engine/definitions/check.js';
import {
  confidentialFlow,
  confidentialFlowOf,
  readReachesConfidential,
  type ConfidentialSources,
} from '../../engine/definitions/confidential-values.js';
import { formatProblem } from '../../engine/definitions/problems.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import type { JsonObject } from '../../engine/definitions/types.js';
import { withConfidentialComputedAnswers } from '../../engine/forms/computed-confidentiality.js';
import { fixtureFiles, problemsAfter } from './helpers.js';

/** Values the partner-safety pathway records from its confidential forms: confidential themselves. */
const PARTNER_SAFETY_VALUES = ['marac.checklistScore', 'lastFeedbackStage'];

const FORMS = new Map<string, JsonObject>([
  [
    'referral',
    { type: 'object', properties: { name: { type: 'string' }, secret: { type: 'string', 'x-confidential': true } } },
  ],
  ['risk-confidential', { type: 'object', 'x-confidential': true, properties: { text: { type: 'string' } } }],
  ['notes', { type: 'object', properties: { text: { type: 'string' } } }],
]);
const SOURCES: ConfidentialSources = { forms: FORMS, values: new Set(['copy', 'nested.secret']) };
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A problem at `where` (file:line:col) whose message has `pieces` in this order. */
const problemAt = (where: string, ...pieces: string[]) =>
  expect.stringMatching(new RegExp(`^${escape(where)}: ${pieces.map(escape).join('.*')}`));
const literal = (path: string) => readReachesConfidential({ path, literal: true }, SOURCES);
const begun = (path: string) => readReachesConfidential({ path, literal: false }, SOURCES);

describe('readReachesConfidential', () => {
  it('should count a read of a whole object as a read of everything confidential beneath it', () => {
    for (const path of ['', 'forms', 'forms.referral', 'forms.risk-confidential', 'case', 'case.nested']) {
      expect(literal(path), path).toBe(true);
    }
    expect(
      readReachesConfidential(
        { path: 'forms', literal: true },
        { forms: new Map([['notes', FORMS.get('notes')!]]), values: new Set() },
      ),
    ).toBe(false);
  });

  it('should count a read inside a confidential part, and a copy of one, wherever it is read from', () => {
    for (const path of [
      'forms.referral.secret',
      'forms.referral.secret.x',
      'forms.risk-confidential.text',
      'case.copy',
      'case.copy.deep',
      'case.nested.secret',
      'case.parent.copy',
      'case.parent.parent.nested',
    ]) {
      expect(literal(path), path).toBe(true);
    }
    for (const path of [
      'forms.referral.name',
      'forms.notes',
      'forms.unknown.x',
      'case.other',
      'case.nested.open',
      'event.data.copy',
      'user.id',
      'now',
    ]) {
      expect(literal(path), path).toBe(false);
    }
  });

  it('should count a path worked out at run time as reaching whatever a path beginning so could', () => {
    for (const path of [
      '',
      'f',
      'forms.',
      'forms.risk-',
      'forms.referral.',
      'forms.referral.sec',
      'c',
      'case.',
      'case.co',
      'case.nested.',
      'case.par',
      'case.parent.co',
    ]) {
      expect(begun(path), path).toBe(true);
    }
    for (const path of [
      'event.',
      'user.',
      'forms.notes',
      'forms.notes.',
      'case.other',
      'case.nested.open',
      'forms.referral.name.',
    ]) {
      expect(begun(path), path).toBe(false);
    }
  });
});

describe('confidentialFlow', () => {
  const pathway = (actions: unknown[]): JsonObject => ({ id: 'p', initial: 'a', states: { a: { entry: actions } } });
  const assign = (path: string, expr: unknown) => ({ type: 'assign', params: { path, expr } });

  it('should follow copies of copies, in any order, and values assigned a literal are clean', () => {
    const flow = confidentialFlow(
      [
        [
          'p',
          pathway([
            assign('third', { cat: [{ var: 'case.second' }] }),
            assign('second', { var: 'case.first' }),
            assign('first', { var: 'forms.referral' }),
            { type: 'assign', params: { path: 'plain', value: 'forms.referral.secret' } },
            assign('name', { var: 'forms.referral.name' }),
          ]),
        ],
      ],
      FORMS,
    );
    expect([...flow.sources.values].sort()).toEqual(['first', 'second', 'third']);
  });

  it('should taint a value copied through a run-time path or a whole object, and a note that reads one', () => {
    const flow = confidentialFlow(
      [
        [
          'p',
          pathway([
            assign('dynamic', { var: { cat: ['forms.', { var: 'event.data.form' }] } }),
            assign('all', { var: '' }),
            assign('mapped', { map: [{ var: 'forms.referral.secret' }, { var: '' }] }),
            { type: 'recordNote', params: { expr: { cat: ['Note: ', { var: 'case.dynamic' }] } } },
          ]),
        ],
        ['q', pathway([{ type: 'recordNote', params: { expr: { var: 'event.data.reason' } } }])],
      ],
      FORMS,
    );
    expect([...flow.sources.values].sort()).toEqual(['all', 'dynamic', 'mapped']);
    expect([...flow.notePathways]).toEqual(['p']);
  });
});

describe('withConfidentialComputedAnswers', () => {
  it('should mark a computed answer that reads a confidential question of its form, and one computed from it', () => {
    const schema: JsonObject = {
      type: 'object',
      properties: {
        secret: { type: 'string', 'x-confidential': true },
        length: { type: 'number', 'x-compute': { var: { cat: ['form.sec', 'ret'] } } },
        doubled: { type: 'number', 'x-compute': { '*': [{ var: 'form.length' }, 2] } },
        open: { type: 'string', 'x-compute': { var: 'form.other' } },
        other: { type: 'string' },
      },
    };
    const marked = withConfidentialComputedAnswers(schema);
    const properties = marked.properties as Record<string, JsonObject>;
    expect(properties.length!['x-confidential']).toBe(true);
    expect(properties.doubled!['x-confidential']).toBe(true);
    expect(properties.open!['x-confidential']).toBeUndefined();
    expect((schema.properties as Record<string, JsonObject>).length!['x-confidential']).toBeUndefined();
    expect(withConfidentialComputedAnswers(properties.other!)).toBe(properties.other);
  });
});

describe('lintConfidentialFlow', () => {
  const ENTRY = '      - { type: assign, params: { path: urgent, expr: { var: forms.request.urgent } } }\n';

  it('should refuse a case value copied through a run-time path that could reach a confidential question', async () => {
    const problems = await problemsAfter(
      'pathways/flow.yaml',
      ENTRY,
      `${ENTRY}      - { type: assign, params: { path: copy, expr: ` +
        '{ var: { cat: [forms.request., { var: event.type }] } } } }\n',
    );
    expect(problems).toEqual([
      'defs/pathways/flow.yaml:26:60: {var: …}: the path it reads is worked out when it runs (it begins ' +
        '"forms.request."), so it could read confidential information (x-confidential) into the case value ' +
        '"case.copy", where readers not cleared for it would see it: write the path out (for example {var: ' +
        'forms.<form>.<question>})',
    ]);
  });

  it('should accept a run-time path that cannot reach confidential information, and a guard building one', async () => {
    const problems = await problemsAfter(
      'pathways/flow.yaml',
      ENTRY,
      `${ENTRY}      - { type: assign, params: { path: kind, expr: ` +
        '{ var: { cat: [event.data., { var: event.type }] } } } }\n',
    );
    expect(problems).toEqual([]);
    const guard = await problemsAfter(
      'pathways/flow.yaml',
      'guard: { type: formComplete, params: { form: request } }',
      "guard: { type: logic, params: { expr: { '!!': { var: { cat: [forms., request.secret] } } } } }",
    );
    expect(guard).toEqual([]);
  });

  it('should refuse a note that reads confidential information, written out or not', async () => {
    const problems = await problemsAfter(
      'pathways/flow.yaml',
      ENTRY,
      `${ENTRY}      - { type: recordNote, params: { expr: { cat: [Note, { var: forms.request }] } } }\n` +
        `      - { type: recordNote, params: { expr: { missing: { var: { cat: [f, orms] } } } } }\n`,
    );
    expect(problems).toEqual([
      problemAt(
        'defs/pathways/flow.yaml:26:66',
        '{var: "forms.request"}: it reads confidential information (x-confidential), and a note in the case history',
      ),
      // the keys missing looks for are worked out by a var whose own path is worked out too: both are refused
      problemAt(
        'defs/pathways/flow.yaml:27:56',
        '{missing: …}: the path it reads is worked out when it runs (nothing of it is written out)',
        'into a note',
      ),
      problemAt('defs/pathways/flow.yaml:27:63', '{var: …}: the path it reads is worked out', '(it begins "forms")'),
    ]);
  });

  it('should refuse a computed answer whose run-time path could reach a confidential question', async () => {
    const problems = await problemsAfter(
      'forms/request.yaml',
      '    title: Is this urgent?\n',
      '    title: Is this urgent?\n  echo:\n    type: string\n' +
        '    x-compute: { var: { cat: [form., { var: form.name }] } }\n',
    );
    expect(problems).toEqual([
      problemAt(
        'defs/forms/request.yaml:18:23',
        '{var: …}: the path it reads is worked out when it runs (it begins "form.")',
        'into this computed answer',
        '(for example {var: form.<question>})',
      ),
    ]);
  });

  it('should refuse a document header line that reads a confidential value or builds its path', async () => {
    const files = await fixtureFiles();
    files['pathways/flow.yaml'] = files['pathways/flow.yaml']!.replace(
      ENTRY,
      `${ENTRY}      - { type: assign, params: { path: copy, expr: { var: forms.request.secret } } }\n`,
    ).replace(
      '  title: Flow\n',
      '  title: Flow\n  documentHeader:\n    - { title: Copy, value: { var: case.copy } }\n' +
        '    - { title: Any, value: { var: { cat: [forms.req, uest.name] } } }\n',
    );
    const problems = checkDefinitions(files, 'defs').problems.map(formatProblem);
    expect(problems).toEqual([
      problemAt(
        'defs/pathways/flow.yaml:6:36',
        '{var: "case.copy"}: it reads confidential information (x-confidential), which cannot be printed in a header',
      ),
      problemAt(
        'defs/pathways/flow.yaml:7:35',
        '{var: …}: its path is worked out when it runs ("forms.request.name…"), so it could read confidential',
      ),
    ]);
  });
});

describe('the finding as reported, on the protocol', () => {
  const FINAL = 'params: { text: The Risk Assessment – Confidential Information is final';
  const COPY =
    "        - { type: assign, params: { path: riskNotes, expr: { var: { cat: ['forms.risk-assessment-', " +
    "'confidential.confidentialInformation'] } } } }\n";

  it('should be refused by the check, and its copy be confidential to a server that loads it anyway', async () => {
    const files = await readDefinitionFiles('definitions');
    const referral = files['pathways/referral.yaml']!;
    const at = referral.indexOf(FINAL);
    expect(at).toBeGreaterThan(0);
    const lineEnd = referral.indexOf('\n', at) + 1;
    files['pathways/referral.yaml'] = referral.slice(0, lineEnd) + COPY + referral.slice(lineEnd);
    const line = referral.slice(0, lineEnd).split('\n').length;

    const checked = checkDefinitions(files, 'defs');
    expect(checked.compiled).toBeUndefined();
    expect(checked.problems.map(formatProblem)).toEqual([
      problemAt(
        `defs/pathways/referral.yaml:${line}:${COPY.indexOf('{ cat') + 1}`,
        '{var: …}: the path it reads is worked out when it runs (it begins "forms.risk-assessment-confidential.',
        'into the case value "case.riskNotes"',
      ),
    ]);
    // A server that loads it (published before the rule) withholds the copy, beside the values the partner-safety
    // pathway keeps from its confidential forms (issue 26).
    expect(confidentialFlowOf(compileDefinitions(checked.set)).sources.values).toEqual(
      new Set(['riskNotes', ...PARTNER_SAFETY_VALUES]),
    );
  });
});
