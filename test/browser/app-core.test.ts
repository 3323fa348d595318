// The web app's pure core (no DOM): the pathway diagram read from the engine's Mermaid text, the task checklist's
// pairing of tasks with forms, computed answers, officers offered as choices.
import { describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../engine/definitions/load.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { pathwayToMermaid } from '../../engine/diagram/mermaid.js';
import type { JsonObject } from '../../engine/definitions/types.js';
import { checklistItems } from '../../forms-ui/src/app/core/checklist.js';
import { computedAnswers } from '../../forms-ui/src/app/core/computed-answers.js';
import { diagramFromConfig, findCurrent, parseDiagram } from '../../forms-ui/src/app/core/diagram-model.js';
import { eventDataSchema } from '../../forms-ui/src/app/core/event-data.js';
import { activeStatePaths } from '../../forms-ui/src/app/core/catalogue.js';

const { set } = loadDefinitions(await readDefinitionFiles('definitions'));
const pathway = (id: string) => set.pathways.get(id)!.data as JsonObject;
const formTitle = (id: string) => String(set.forms.get(id)!.data.title);
const events = (id: string) =>
  (pathway(id).meta as { events: Record<string, { title?: string; data?: Record<string, unknown> }> }).events;

describe('diagram-model', () => {
  describe('#parseDiagram', () => {
    it('should mark where a case is, with its ways out in the definitions’ words', () => {
      // given the served diagram of a case in the risk assessment
      const text = pathwayToMermaid(pathway('referral'), ['active.riskAssessment']);
      // when
      const diagram = parseDiagram(text, { events: events('referral') });
      // then
      const [here] = findCurrent(diagram);
      expect(here?.title).toBe('Risk assessment');
      const active = diagram.states.find((s) => s.id === 'active')!;
      expect(active.containsCurrent).toBe(true);
      expect(active.next.map((w) => w.label)).toContain('Raise a risk escalation');
      const decision = diagram.states
        .find((s) => s.id === 'referred')!
        .children.find((s) => s.id === 'referred__decision')!;
      expect(decision.next).toContainEqual({
        label: 'Decline the referral',
        to: 'Not accepted (case consultation offered)',
        event: 'DECLINE',
      });
    });

    it('should name a return to where the case was, instead of the history state', () => {
      const escalated = diagramFromConfig(pathway('referral')).states.find((s) => s.id === 'escalated')!;
      expect(escalated.next.map((w) => w.to)).toContain(
        'back to where it was in Allocated to a Domestic Abuse Officer',
      );
      expect(JSON.stringify(escalated.next)).not.toContain('__resume');
    });
  });
});

describe('checklist', () => {
  describe('#checklistItems', () => {
    it('should link the tasks of session 1 to the forms their wording names, and list the other forms after them', () => {
      const session1 = (pathway('assessment').states as Record<string, { meta: { tasks: string[]; forms: string[] } }>)
        .session1!.meta;
      const forms = session1.forms.map((id) => ({ id, title: formTitle(id), submitted: false }));
      const items = checklistItems(session1.tasks, forms);
      const paired = Object.fromEntries(items.filter((i) => i.form).map((i) => [i.text, i.form!.id]));
      expect(paired['Why am I engaging? Questionnaire']).toBe('why-am-i-engaging');
      expect(paired['Expectations & Goals']).toBe('expectations-and-goals');
      expect(paired['Introducing Life Map (Homework)']).toBe('life-map');
      expect(items.find((i) => i.text === 'Consent Form/ Introduction')?.form).toBeUndefined();
      expect(
        items
          .filter((i) => i.form)
          .map((i) => i.form!.id)
          .sort(),
      ).toEqual([...session1.forms].sort());
    });
  });
});

describe('event-data', () => {
  describe('#eventDataSchema', () => {
    it('should offer the team’s officers, with their load, for the officer an event names', () => {
      const schema = eventDataSchema('Allocate', { data: events('referral').ALLOCATE!.data! }, [
        { username: 'officer-po', name: 'PO', role: 'dao-po', capacity: 15, active: 15 },
        { username: 'officer-pso', name: 'PSO', role: 'dao-pso', capacity: 12, active: 3 },
      ]);
      const officer = (schema.properties as Record<string, { oneOf: { const: string; title: string }[] }>).officer!;
      expect(officer.oneOf).toEqual([
        { const: 'officer-po', title: 'PO – 15 of 15 active cases (at capacity)' },
        { const: 'officer-pso', title: 'PSO – 3 of 12 active cases' },
      ]);
    });
  });
});

describe('computed-answers', () => {
  it('should read the outcome a form works out, in the words of its choice', () => {
    const screening = set.forms.get('screening')!.data;
    const [outcome] = computedAnswers(screening, { q1ProbationSupervision: 'no', outcome: 'likely-suitable' });
    expect(outcome).toMatchObject({ title: 'Outcome', colour: 'green' });
    expect(outcome!.text).toMatch(/^If you have ticked only green boxes/);
  });
});

describe('catalogue', () => {
  it('should list the states an instance is in with their ancestors, parallel regions included', () => {
    expect(activeStatePaths('active.intervention.oneToOne')).toEqual([
      'active',
      'active.intervention',
      'active.intervention.oneToOne',
    ]);
    expect(activeStatePaths('a.b, c.d')).toEqual(['a', 'a.b', 'c', 'c.d']);
  });
});
