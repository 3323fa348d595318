// Issue 19: the answers a pathway declares as identifying its cases are checked like every other path, and can never
// be confidential.
import { describe, expect, it } from 'vitest';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { formatProblem } from '../../engine/definitions/problems.js';
import { fixtureFiles, problemsAfter } from './helpers.js';

const META = '  title: Flow\n';
const withIdentity = (identity: string) => problemsAfter('pathways/flow.yaml', META, `${META}${identity}`);

describe('lintIdentity', () => {
  it('should accept a person, a case number and other people named by questions and case values', async () => {
    const problems = await withIdentity(
      '  identity:\n' +
        '    person: { title: Person, name: { var: forms.request.name } }\n' +
        '    caseNumber: { value: { var: case.urgent } }\n' +
        '    people: [{ title: Officer, name: { var: case.allocatedTo } }]\n',
    );
    expect(problems).toEqual([]);
  });

  it('should report a question the form does not have at its var, with file, line and column', async () => {
    const problems = await withIdentity('  identity:\n    person: { name: { var: forms.request.surname } }\n');
    expect(problems).toEqual([
      'defs/pathways/flow.yaml:6:28: {var: "forms.request.surname"}: form "request" has no question "surname"',
    ]);
  });

  it('should report an unknown form and a case value the pathway never records', async () => {
    const problems = await withIdentity(
      '  identity:\n    person: { name: { var: forms.nothing.name } }\n    caseNumber: { value: { var: ' +
        'case.reference } }\n',
    );
    expect(problems).toEqual([
      'defs/pathways/flow.yaml:6:28: {var: "forms.nothing.name"}: unknown form "nothing": there is no ' +
        'forms/nothing.yaml',
      'defs/pathways/flow.yaml:7:33: {var: "case.reference"}: "case.reference" is never recorded by an assign ' +
        'action in this pathway',
    ]);
  });

  it('should check the paths of meta.performance too (issue 25)', async () => {
    const problems = await withIdentity(
      '  performance:\n    allocatedAt: { var: case.allocatedTo }\n' +
        "    group: { member: { '==': [{ var: case.programme }, group] } }\n",
    );
    expect(problems).toEqual([
      'defs/pathways/flow.yaml:7:38: {var: "case.programme"}: "case.programme" is never recorded by an assign ' +
        'action in this pathway',
    ]);
  });

  it('should refuse a confidential question', async () => {
    const problems = await withIdentity(
      '  identity:\n    people: [{ title: Note, name: { var: forms.request.secret } }]\n',
    );
    expect(problems).toEqual([
      'defs/pathways/flow.yaml:6:42: {var: "forms.request.secret"}: it is confidential (x-confidential), and ' +
        'what identifies a case is shown to everyone who may see the case',
    ]);
  });

  it('should refuse a question of a wholly confidential form, and a case value copied from a secret', async () => {
    // given a whole form marked confidential, and a case value assigned from a confidential question
    const files = await fixtureFiles();
    files['forms/request.yaml'] = files['forms/request.yaml']!.replace(
      'x-version: 1\n',
      'x-version: 1\nx-confidential: true\n',
    );
    const copied = await problemsAfter(
      'pathways/flow.yaml',
      `${META}`,
      `${META}  identity:\n    caseNumber: { value: { var: case.note } }\n`,
      (text) =>
        text.replace(
          '    entry:\n',
          '    entry:\n      - { type: assign, params: { path: note, expr: { var: forms.request.secret } } }\n',
        ),
    );
    files['pathways/flow.yaml'] = files['pathways/flow.yaml']!.replace(
      META,
      `${META}  identity:\n    person: { name: { var: forms.request.name } }\n`,
    );
    // then both are refused
    const whole = checkDefinitions(files, 'defs')
      .problems.map(formatProblem)
      .filter((p) => p.includes('confidential'));
    expect(whole).toEqual([
      expect.stringMatching(/^defs\/pathways\/flow\.yaml:6:28: \{var: "forms\.request\.name"\}: it is confidential/),
    ]);
    expect(copied).toEqual([
      expect.stringMatching(/^defs\/pathways\/flow\.yaml:6:33: \{var: "case\.note"\}: it is confidential/),
    ]);
  });

  it('should refuse a whole form, which is not one answer', async () => {
    const problems = await withIdentity('  urgency:\n    requested: { var: forms.request }\n');
    expect(problems).toEqual([
      'defs/pathways/flow.yaml:6:23: {var: "forms.request"}: it names the whole form "request": name one of ' +
        'its questions',
    ]);
  });
});
