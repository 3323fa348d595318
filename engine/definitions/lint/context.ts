// What every lint rule gets: the loaded set, one walk per pathway, and a helper to report problems at a YAML path.
import { withConfidentialComputedAnswers } from '../../forms/computed-confidentiality.js';
import { confidentialFlow, type ConfidentialFlow } from '../confidential-values.js';
import { walkPathway, type PathwayWalk } from '../pathway-walk.js';
import type { Problem } from '../problems.js';
import { problemAt, type Path, type SourceFile } from '../source.js';
import type { DefinitionSet } from '../types.js';

export interface LintContext {
  set: DefinitionSet;
  walks: Map<string, PathwayWalk>;
  problems: Problem[];
  report(source: SourceFile, path: Path, code: string, message: string, at?: 'value' | 'key'): void;
  /** What of the case values and notes may hold confidential information: worked out when first asked. */
  readonly confidential: ConfidentialFlow;
}

export function createLintContext(set: DefinitionSet): LintContext {
  const problems: Problem[] = [];
  const walks = new Map<string, PathwayWalk>();
  for (const [id, pathway] of set.pathways) walks.set(id, walkPathway(pathway.data));
  let confidential: ConfidentialFlow | undefined;
  return {
    set,
    walks,
    problems,
    report: (source, path, code, message, at = 'value') => problems.push(problemAt(source, path, code, message, at)),
    get confidential() {
      const forms = () => new Map([...set.forms].map(([id, form]) => [id, withConfidentialComputedAnswers(form.data)]));
      return (confidential ??= confidentialFlow(
        [...set.pathways].map(([id, p]) => [id, p.data]),
        forms(),
      ));
    },
  };
}

export function declaredEvents(set: DefinitionSet): Map<string, string[]> {
  const events = new Map<string, string[]>();
  for (const [id, pathway] of set.pathways) {
    for (const name of Object.keys(((pathway.data.meta as Record<string, unknown>)?.events as object) ?? {})) {
      events.set(name, [...(events.get(name) ?? []), id]);
    }
  }
  return events;
}
