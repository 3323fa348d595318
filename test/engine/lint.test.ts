import { describe, expect, it } from 'vitest';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { fixtureFiles, problemsAfter } from './helpers.js';

describe('lintDefinitions', () => {
  it('should find no problem in the minimal fixture', async () => {
    // given the fixture as written
    const { problems, compiled } = checkDefinitions(await fixtureFiles(), 'defs');
    // then it is clean and compiles
    expect(problems).toEqual([]);
    expect(compiled?.pathways.get('flow')).toBeDefined();
  });

  describe('#yaml', () => {
    it('should report a broken YAML line with its file, line and column', async () => {
      const problems = await problemsAfter(
        'forms/request.yaml',
        '  name:\n    type: string',
        '  name:\n    type: [string',
      );
      expect(problems[0]).toMatch(/^defs\/forms\/request\.yaml:11:11: YAML: /);
      // and nothing else cascades from the broken file
      expect(problems.every((p) => p.startsWith('defs/forms/request.yaml'))).toBe(true);
    });
    it('should report a duplicate key', async () => {
      const problems = await problemsAfter(
        'pathways/flow.yaml',
        '  done:\n    type: final',
        '  done:\n    type: final\n  done:\n    type: final',
      );
      expect(problems).toContain('defs/pathways/flow.yaml:39:3: YAML: duplicate key: Map keys must be unique');
    });
    it('should report every problem, not only the first', async () => {
      const files = await fixtureFiles();
      files['forms/request.yaml'] = files['forms/request.yaml']!.replace(
        'type: string\n    title: Name',
        'type: [string\n    title: Name',
      );
      files['pathways/flow.yaml'] = files['pathways/flow.yaml']!.replace('target: waiting', 'target: nowhere');
      const problems = checkDefinitions(files, 'defs').problems;
      expect(problems.map((p) => p.file)).toEqual(
        expect.arrayContaining(['defs/forms/request.yaml', 'defs/pathways/flow.yaml']),
      );
    });
  });

  describe('#meta-schema', () => {
    it('should report an unknown key in a state at that key', async () => {
      const problems = await problemsAfter(
        'pathways/flow.yaml',
        '  working:\n    meta:',
        '  working:\n    metta: {}\n    meta:',
      );
      expect(problems).toContain('defs/pathways/flow.yaml:34:5: pathway file: unknown key "metta" (at states.working)');
    });
    it('should report wrong guard params where they are', async () => {
      const problems = await problemsAfter(
        'pathways/flow.yaml',
        'params: { form: request }',
        'params: { from: request }',
      );
      expect(problems).toContain(
        'defs/pathways/flow.yaml:22:48: pathway file: unknown key "from" (at states.draft.on.SUBMIT.guard.params)',
      );
    });
    it('should report a strict-mode error inside a shared $defs piece at that piece', async () => {
      // given a piece used by two questions, itself using another piece, with an unknown widget
      const problems = await problemsAfter(
        'forms/request.yaml',
        'properties:\n  name:\n    type: string',
        "$defs:\n  inner: { type: object, properties: { z: { $ref: '#/$defs/txt' } } }\n" +
          "  txt: { type: string, x-widget: nope }\nproperties:\n  a: { $ref: '#/$defs/inner' }\n" +
          "  b: { $ref: '#/$defs/txt' }\n  name:\n    type: string",
      );
      // then the problem names the piece's path in the form, and points at its key
      expect(problems).toEqual([
        'defs/forms/request.yaml:11:24: form schema: keyword "x-widget" value is invalid at path "#/$defs/txt": ' +
          'data must be equal to one of the allowed values',
      ]);
    });
    it('should report an unknown format inside a $defs piece at that piece', async () => {
      const problems = await problemsAfter(
        'forms/request.yaml',
        'properties:\n  name:\n    type: string',
        "$defs:\n  txt: { type: string, format: nope }\nproperties:\n  b: { $ref: '#/$defs/txt' }\n  name:\n    type: string",
      );
      expect(problems).toEqual([
        'defs/forms/request.yaml:10:8: form schema: unknown format "nope" ignored in schema at path "#/$defs/txt"',
      ]);
    });
    it('should report an unknown widget in a form', async () => {
      const problems = await problemsAfter(
        'forms/request.yaml',
        '    title: Private note\n',
        '    title: Private note\n    x-widget: slider\n',
      );
      expect(
        problems.some(
          (p) =>
            p ===
            'defs/forms/request.yaml:19:5: form schema: keyword "x-widget" value is invalid at path ' +
              '"#/properties/secret": data must be equal to one of the allowed ' +
              'values',
        ),
      ).toBe(true);
    });
  });

  describe('#references', () => {
    it('should report an unknown keyword in what an event carries, with a hint when a comma split a text', async () => {
      const problems = await problemsAfter(
        'pathways/flow.yaml',
        'properties: { officer: { type: string } }',
        'properties: { officer: { type: string, title: Officer, named here } }',
      );
      expect(problems).toEqual([
        'defs/pathways/flow.yaml:13:64: event data schema: unknown keyword "named here" — a comma in an unquoted ' +
          'text inside { } starts a new key: put the text in quotes',
      ]);
    });
    it('should report a keyword with a value of the wrong kind in what an event carries', async () => {
      const problems = await problemsAfter(
        'pathways/flow.yaml',
        'properties: { officer: { type: string } }',
        'properties: { officer: { type: string, minLength: many } }',
      );
      expect(problems).toEqual([
        'defs/pathways/flow.yaml:13:59: event data schema: properties.officer.minLength must be integer',
      ]);
    });
    it('should name a form that does not exist', async () => {
      const problems = await problemsAfter('pathways/flow.yaml', 'forms: [request]', 'forms: [requets]');
      expect(problems).toContain(
        'defs/pathways/flow.yaml:18:35: unknown form "requets": there is no forms/requets.yaml',
      );
    });
    it('should name an unknown role', async () => {
      const problems = await problemsAfter('pathways/flow.yaml', 'actors: [requester]', 'actors: [requestor]');
      expect(problems).toContain(
        'defs/pathways/flow.yaml:18:54: unknown role "requestor"; roles are: lead, officer, requester',
      );
    });
    it('should name an unknown target state', async () => {
      const problems = await problemsAfter('pathways/flow.yaml', 'target: working', 'target: workin');
      expect(problems).toContain(
        'defs/pathways/flow.yaml:28:17: unknown target: "workin" does not name a state: "the pathway" has no child "workin"',
      );
    });
    it('should name a guard that is not implemented', async () => {
      const problems = await problemsAfter(
        'pathways/flow.yaml',
        'guard: { type: withinCapacity }',
        'guard: { type: hasCapacity }',
      );
      expect(problems).toContain(
        "defs/pathways/flow.yaml:29:24: Guard 'hasCapacity' is not implemented; use one of: formComplete, " +
          'hasQualification, hasRole, logic, recordedByAll, withinCapacity',
      );
    });
    it('should name an action that is not implemented', async () => {
      const problems = await problemsAfter('pathways/flow.yaml', '{ type: setDeadline,', '{ type: setDueDate,');
      expect(
        problems.some((p) => p.startsWith("defs/pathways/flow.yaml:32:21: Action 'setDueDate' is not implemented")),
      ).toBe(true);
    });
    it('should name an event no state declares', async () => {
      const problems = await problemsAfter('pathways/flow.yaml', '      FINISH: done', '      FINISHED: done');
      expect(problems).toContain('defs/pathways/flow.yaml:36:7: event "FINISHED" is not declared under meta.events');
    });
    it('should name an event that no role may send', async () => {
      const problems = await problemsAfter('roles.yaml', 'send: [FINISH]', 'send: []');
      expect(problems).toContain(
        'defs/pathways/flow.yaml:14:5: no role may send "FINISH": add it to a role\'s "send" list in roles.yaml (or to "internal")',
      );
    });
    it('should name a role that sends an undeclared event', async () => {
      const problems = await problemsAfter('roles.yaml', 'send: [SUBMIT]', 'send: [SUBMIT, CANCEL]');
      expect(problems).toContain('defs/roles.yaml:6:20: event "CANCEL" is not declared by any pathway');
    });
    it('should name a form no pathway uses', async () => {
      const files = await fixtureFiles();
      files['forms/unused.yaml'] = files['forms/request.yaml']!.replace('$id: request', '$id: unused');
      const problems = checkDefinitions(files, 'defs').problems.map(
        (p) => `${p.file}:${p.line}:${p.col}: ${p.message}`,
      );
      expect(problems).toContain('defs/forms/unused.yaml:2:6: form "unused" is not used by any pathway');
    });
    it('should name a form whose id differs from its file name', async () => {
      const problems = await problemsAfter('forms/request.yaml', '$id: request', '$id: requests');
      expect(problems).toContain('defs/forms/request.yaml:2:6: form id "requests" must match its file name "request"');
    });
  });

  describe('#expressions', () => {
    it('should name a var path that is not a question of the form', async () => {
      const problems = await problemsAfter(
        'pathways/flow.yaml',
        '{ var: forms.request.urgent }',
        '{ var: forms.request.urgnet }',
      );
      expect(problems).toContain(
        'defs/pathways/flow.yaml:25:55: {var: "forms.request.urgnet"}: form "request" has no question "urgnet"',
      );
    });
    it('should name event data that the event does not carry', async () => {
      const problems = await problemsAfter(
        'pathways/flow.yaml',
        '{ var: event.data.officer }',
        '{ var: event.data.officr }',
      );
      expect(problems).toContain(
        'defs/pathways/flow.yaml:31:64: {var: "event.data.officr"}: event "ALLOCATE" data has no "officr"',
      );
    });
    it('should name an unknown JSON Logic operator', async () => {
      const problems = await problemsAfter('pathways/flow.yaml', '{ var: forms.request.urgent }', '{ truthy: [1] }');
      expect(problems).toContain('defs/pathways/flow.yaml:25:55: unknown JSON Logic operator "truthy"');
    });
  });

  describe('#structure', () => {
    it('should name an unreachable state', async () => {
      const problems = await problemsAfter(
        'pathways/flow.yaml',
        '  done:\n    type: final',
        '  done:\n    type: final\n  orphan:\n    type: final',
      );
      expect(problems).toContain('defs/pathways/flow.yaml:39:3: state "orphan" can never be reached');
    });
    it('should name a non-final state with no way out', async () => {
      const problems = await problemsAfter('pathways/flow.yaml', '    on:\n      FINISH: done', '    entry: []');
      expect(problems).toContain('defs/pathways/flow.yaml:33:3: state "working" is not final and has no way out');
    });
    it('should name a duplicate state id', async () => {
      const problems = await problemsAfter(
        'pathways/flow.yaml',
        '  done:\n    type: final',
        '  done:\n    id: same\n    type: final',
      );
      const again = await problemsAfter(
        'pathways/flow.yaml',
        '  working:\n    meta:',
        '  working:\n    id: same\n    meta:',
      );
      expect(problems).toEqual([]);
      expect(again).toEqual([]);
      const files = await fixtureFiles();
      files['pathways/flow.yaml'] = files['pathways/flow.yaml']!.replace(
        '  working:\n    meta:',
        '  working:\n    id: same\n    meta:',
      ).replace('  done:\n    type: final', '  done:\n    id: same\n    type: final');
      const both = checkDefinitions(files, 'defs').problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`);
      expect(both).toContain('defs/pathways/flow.yaml:39:9: duplicate state id "same"');
    });
  });
});
