// The shapes of the generic vocabulary: a condition or an action named in YAML and implemented once here.
import type { EvaluationEnv, InstanceContext } from './types.js';

export interface VocabularyReference {
  /** JSON Logic expressions inside the params, for the `var` path lint. */
  expressions?: unknown[];
  forms?: string[];
  roles?: string[];
  pathways?: string[];
  /** Events named in the params (declared by some pathway). */
  events?: string[];
  /** Paths written under `case.` by this action. */
  writes?: string[];
  /**
   * The param whose expression's value is kept where people read it — a case value (the path in `writes`) or a note
   * in the history — rather than only tested: what it reads decides whether what is kept is confidential.
   */
  keeps?: { param: string; as: 'case value' | 'note' };
}

export interface GuardDefinition {
  name: string;
  summary: string;
  params: object;
  evaluate(env: EvaluationEnv, params: Record<string, unknown>): boolean;
  /** Why the condition does not hold, in words a person can act on. */
  explain(env: EvaluationEnv, params: Record<string, unknown>, forms: ReadonlyMap<string, { title: string }>): string;
  references?(params: Record<string, unknown>): VocabularyReference;
  /**
   * The fields of the event's data the condition reads (beside what its expressions read, found by walking them), for
   * deciding which events are possible before their details are known. Without it, a condition is taken to read them
   * all.
   */
  eventDataReads?(params: Record<string, unknown>): string[];
}

/** What an action reads: the same as a condition (the settings included). */
export type ActionEnv = EvaluationEnv;

export interface ActionDefinition {
  name: string;
  summary: string;
  params: object;
  /** Changes the instance context in place (it is already a copy). */
  apply(context: InstanceContext, env: ActionEnv, params: Record<string, unknown>): void;
  references?(params: Record<string, unknown>): VocabularyReference;
}
