// What a case looks like to a person: states, tasks, forms open, deadlines, documents and the events they may send now.
import type { CompiledDefinitions } from '../definitions/check.js';
import type { CaseUser, Deadline, InstanceContext } from '../compile/types.js';
import { allowedEvents } from './allowed.js';
import { eventContextFor } from './case-stepper.js';
import { currentMeta, restoreSnapshot, stateValueString } from './instances.js';
import type { CaseData, InstanceRecord } from './model.js';
import { fillableForms } from './permissions.js';
import { withInstanceForms } from './instance-forms.js';
import { nextStepOf, type NextStep } from './next-step.js';

export interface InstanceView {
  id: string;
  pathway: string;
  kind: InstanceRecord['kind'];
  form?: string;
  cites?: string;
  state: string;
  title: string;
  done: boolean;
  tasks: string[];
  actors: string[];
  allowedEvents: { type: string; title: string }[];
  /** What comes next for this person here, possible now or not yet (with why). */
  nextStep?: NextStep;
}

export interface CaseView {
  pathway: string;
  state: string;
  title: string;
  done: boolean;
  values: Record<string, unknown>;
  tasks: string[];
  formsOpen: string[];
  formsSubmitted: string[];
  deadlines: (Deadline & { name: string; instance: string })[];
  instances: InstanceView[];
  allowedEvents: { instance: string; type: string; title: string }[];
  notifications: CaseData['notifications'];
  activeCase: boolean;
  /** The case's own pathway is in a state that waits for an officer to be allocated (meta.awaitingAllocation). */
  awaitingAllocation: boolean;
}

export function describeCase(
  defs: CompiledDefinitions,
  data: CaseData,
  user: CaseUser,
  now = new Date().toISOString(),
): CaseView {
  const instances: InstanceView[] = [];
  const deadlines: CaseView['deadlines'] = [];
  let activeCase = false;
  let awaitingAllocation = false;
  // Each instance restored once, for its own view and for the forms open now.
  const restored = Object.values(data.instances).flatMap((instance) => {
    const pathway = defs.pathways.get(instance.pathway);
    return pathway ? [{ instance, pathway, snapshot: restoreSnapshot(pathway.machine, instance.snapshot) }] : [];
  });
  for (const { instance, pathway, snapshot } of restored) {
    const metas = currentMeta(snapshot);
    const context = snapshot.context as InstanceContext;
    for (const [name, deadline] of Object.entries(context.deadlines ?? {}))
      deadlines.push({ name, ...deadline, instance: instance.id });
    if (!instance.done && metas.some((m) => m.activeCase)) activeCase = true;
    if (instance.kind === 'case' && !instance.done)
      awaitingAllocation = metas.some((m) => m.awaitingAllocation === true);
    const base = { type: '', data: {}, $ctx: withInstanceForms(eventContextFor(data, { user, now }), instance) };
    const allowedTypes = instance.done ? [] : allowedEvents(defs, instance.pathway, snapshot, base, user.role);
    const allowed = allowedTypes.map((type) => ({ type, title: pathway.meta.events[type]?.title ?? type }));
    const nextStep = instance.done
      ? undefined
      : nextStepOf(defs, instance.pathway, snapshot, base, user.role, allowedTypes);
    instances.push({
      id: instance.id,
      pathway: instance.pathway,
      kind: instance.kind,
      ...(instance.form ? { form: instance.form } : {}),
      ...(instance.cites ? { cites: instance.cites } : {}),
      state: stateValueString(snapshot.value),
      title:
        (metas
          .map((m) => m.title)
          .filter(Boolean)
          .at(-1) as string) ?? stateValueString(snapshot.value),
      done: instance.done,
      tasks: instance.done ? [] : metas.flatMap((m) => (m.tasks as string[] | undefined) ?? []),
      actors: metas.flatMap((m) => (m.actors as string[] | undefined) ?? []),
      allowedEvents: allowed,
      ...(nextStep ? { nextStep } : {}),
    });
  }
  const main = instances.find((i) => i.kind === 'case') ?? instances[0];
  const mainRecord = main ? data.instances[main.id] : undefined;
  const values = mainRecord ? ((mainRecord.snapshot as { context: InstanceContext }).context.case ?? {}) : {};
  return {
    pathway: data.pathway,
    state: main?.state ?? '',
    title: main?.title ?? '',
    done: main?.done ?? false,
    values,
    tasks: instances.flatMap((i) => i.tasks),
    formsOpen: fillableForms(restored),
    formsSubmitted: Object.keys(data.forms).sort(),
    deadlines: deadlines.sort((a, b) => a.due.localeCompare(b.due)),
    instances,
    allowedEvents: instances.flatMap((i) => i.allowedEvents.map((e) => ({ instance: i.id, ...e }))),
    notifications: data.notifications,
    activeCase,
    awaitingAllocation,
  };
}
