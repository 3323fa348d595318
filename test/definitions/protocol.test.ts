// The protocol as definitions: every appendix document is a form reachable in a pathway, the printed lists are
// complete, and every question is worded as printed (product labels the document does not print are listed here).
import { describe, expect, it } from 'vitest';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { walkPathway } from '../../engine/definitions/pathway-walk.js';
import { reachableStates } from '../../engine/definitions/reachability.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import type { JsonObject } from '../../engine/definitions/types.js';
import { PROTOCOL_TEXT, normalise } from './protocol-text.js';

const { compiled, problems } = checkDefinitions(await readDefinitionFiles('definitions'));

/** Section 6 of the protocol, "Appendix documents", and the form that is each. */
const APPENDIX: [string, string][] = [
  ['Screening form', 'screening'],
  ['Consent form', 'consent'],
  ['Healthy Relationships Assessment', 'healthy-relationships-assessment'],
  ['Risk Assessment – Confidential Information', 'risk-assessment-confidential'],
  ['Addendum Risk Assessment', 'addendum-risk-assessment'],
  ['Action Plan', 'action-plan'],
  ['Post-Intervention Report', 'post-intervention-report'],
  ['Post-Programme Report', 'post-programme-report'],
];

function reachableForms(): Set<string> {
  const forms = new Set<string>();
  for (const pathway of compiled!.set.pathways.values()) {
    const walk = walkPathway(pathway.data);
    const reached = reachableStates(walk);
    for (const state of reached)
      for (const f of ((state.node.meta as JsonObject | undefined)?.forms as string[] | undefined) ?? []) forms.add(f);
    for (const use of walk.uses)
      if (reached.has(use.state) && use.type === 'openDocument') forms.add(String(use.params.form));
  }
  return forms;
}

function titles(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => titles(n, out));
  else if (node && typeof node === 'object') {
    const n = node as JsonObject;
    if (typeof n.title === 'string') out.push(n.title);
    Object.values(n).forEach((v) => titles(v, out));
  }
  return out;
}

function rows(formId: string, path: string[]): JsonObject {
  let node = compiled!.forms.get(formId)!.schema as JsonObject;
  for (const key of path) node = (node.properties as JsonObject)[key] as JsonObject;
  return node.properties as JsonObject;
}

describe('the protocol definitions', () => {
  it('should load without problems', () => {
    expect(problems).toEqual([]);
  });

  it('should have every appendix document as a form reachable in a pathway', () => {
    const reachable = reachableForms();
    for (const [title, id] of APPENDIX) {
      expect(compiled!.forms.has(id), `${title} has no form`).toBe(true);
      expect(reachable.has(id), `${title} is not reachable in any pathway`).toBe(true);
      expect(PROTOCOL_TEXT.includes(normalise(title)), `${title} is not in the protocol's appendix list`).toBe(true);
    }
  });

  it('should have every form reachable in a pathway', () => {
    const reachable = reachableForms();
    expect([...compiled!.forms.keys()].filter((id) => !reachable.has(id))).toEqual([]);
  });

  it('should keep the printed lists complete', () => {
    expect(Object.keys(rows('behaviour-inventory-abuse', ['items']))).toHaveLength(35);
    expect(Object.keys(rows('behaviour-inventory-violence', ['items']))).toHaveLength(29);
    const sara = compiled!.forms.get('sara')!.schema;
    const saraItems = new Set(
      titles(sara)
        .map((t) => /^(\d+)\.\s/.exec(t)?.[1])
        .filter(Boolean)
        .map(Number),
    );
    expect(
      [...saraItems].sort((a, b) => a - b),
      'this test pins the protocol\'s numbering of the 20 SARA items ("1. …") in their titles; ' +
        'update it together with the form',
    ).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const audit = JSON.stringify(compiled!.forms.get('risk-assessment-audit')!.schema);
    expect(audit.match(/"x-widget":"yesno"/g)).toHaveLength(33);
    const whyAmIEngaging = Object.values(
      compiled!.forms.get('why-am-i-engaging')!.schema.properties as JsonObject,
    ).filter((p) => (p as JsonObject)['x-widget'] === 'scale');
    expect(whyAmIEngaging).toHaveLength(6);
    expect(Object.keys(compiled!.forms.get('storyboarding')!.schema.properties as JsonObject)).toHaveLength(7);
  });

  it('should use the printed scales', () => {
    const frequency = (compiled!.forms.get('behaviour-inventory-abuse')!.schema.$defs as JsonObject)
      .frequency as JsonObject;
    expect((frequency.oneOf as JsonObject[]).map((o) => o.const)).toEqual(['?', '0', '1', '2', '3', '4']);
    const matrix = compiled!.forms.get('risk-assessment')!.schema.properties as JsonObject;
    expect(Object.keys((matrix.riskMatrix as JsonObject).properties as JsonObject)).toEqual([
      'public',
      'children',
      'knownAdult',
      'staff',
    ]);
  });

  it('should word every question as the protocol prints it', () => {
    // Labels the document does not print: the Request for Service, Check In and workbook summaries are not in it,
    // nor the partner-safety work (issue 26), and a few columns and totals are the product's own.
    const notPrinted = new Set([
      'request-for-service',
      'check-in',
      'workbook-summary',
      'programme-summary',
      'partner-contact',
      'safety-plan',
      'partner-feedback',
      'risk-checklist',
    ]);
    const productLabels = new Set(
      [
        'What they did',
        'Level of risk of serious harm',
        'Age / year',
        'How it affected me',
        'Are they a Red or Green flag?',
        'Red flag',
        'Green flag',
        'Notes',
        'Outcome of the audit',
        'Passed',
        'Returned with comments',
        'Other consideration 1',
        'Other consideration 2',
        'Other consideration 3',
        'Total score',
        'Number of critical items',
        'I would like help with this',
        'Would you like to book a consultation for advice and guidance?',
        'Behaviour Inventories – Abuse',
        'Behaviour Inventories – Violence',
        'Total – what I did',
        'Total – what they did',
        'Words deleted or changed',
        'Completely disregards your personal safety or your views',
        'In your own words, why do you believe you have been referred to this service?',
      ].map(normalise),
    );
    const missing: string[] = [];
    for (const [id, form] of compiled!.forms) {
      if (notPrinted.has(id)) continue;
      for (const title of titles(form.schema)) {
        const text = normalise(title);
        if (text && !productLabels.has(text) && !PROTOCOL_TEXT.includes(text)) missing.push(`${id}: ${title}`);
      }
    }
    expect(
      missing,
      "this test pins the protocol's own wording (test/fixtures/protocol/dao-protocol.txt) of every question; " +
        'a title reworded on purpose is a label the protocol does not print: ' +
        'add it to productLabels above, together with the form',
    ).toEqual([]);
  });
});
