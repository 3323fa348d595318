// Steps a case's pathway instances and carries out what their actions asked for: documents and inner pathways
// opened, notices, timers set and cancelled, parents told when a child finishes. Shared by every runtime command.
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { Deadline, EventContext, InstanceContext, PathwayEvent } from '../compile/types.js';
import type { CompiledDefinitions } from '../definitions/check.js';
import {
  handledEvents,
  persistSnapshot,
  restoreSnapshot,
  startInstance,
  stepInstance,
  type StepResult,
} from './instances.js';
import { clearFormOf } from './instance-forms.js';
import { isLinkEffect, linkCrossing } from './links.js';
import type { CaseData, CommandContext, InstanceRecord, LinkCrossing } from './model.js';
import { notificationOf } from './notifications.js';

export function eventContextFor(data: CaseData | undefined, ctx: CommandContext): EventContext {
  const forms = Object.fromEntries(Object.entries(data?.forms ?? {}).map(([id, s]) => [id, s.data]));
  return { user: ctx.user, now: ctx.now, forms, ...(ctx.officers ? { officers: ctx.officers } : {}) };
}

function caseValues(instance: InstanceRecord): Record<string, unknown> {
  return ((instance.snapshot as { context?: InstanceContext }).context?.case ?? {}) as Record<string, unknown>;
}

export class CaseStepper {
  /** What this command's actions ask of linked cases, for the case service to carry out. */
  readonly crossings: LinkCrossing[] = [];

  constructor(
    readonly defs: CompiledDefinitions,
    readonly data: CaseData,
    readonly ctx: CommandContext,
  ) {}

  machine(instance: InstanceRecord): AnyStateMachine {
    const pathway = this.defs.pathways.get(instance.pathway);
    if (!pathway) throw new Error(`pathway "${instance.pathway}" is not in this definition version`);
    return pathway.machine;
  }

  snapshotOf(instance: InstanceRecord): AnyMachineSnapshot {
    return restoreSnapshot(this.machine(instance), instance.snapshot);
  }

  /** Sends `event` to an instance (whose snapshot the caller may have restored already) and settles the step. */
  step(instance: InstanceRecord, event: PathwayEvent, snapshot = this.snapshotOf(instance)): void {
    this.settle(instance, stepInstance(this.machine(instance), snapshot, event));
  }

  /** Stores a step's result and carries out what its actions asked for (documents, pathways, notices, timers). */
  settle(instance: InstanceRecord, step: StepResult): void {
    const machine = this.machine(instance);
    const outbox = (step.snapshot.context as InstanceContext).outbox ?? [];
    const deadlinesBefore = (instance.snapshot as { context?: InstanceContext } | undefined)?.context?.deadlines ?? {};
    instance.snapshot = persistSnapshot(machine, step.snapshot);
    for (const id of step.cancel) delete this.data.timers[`${instance.id}/${id}`];
    for (const s of step.schedule) {
      const key = `${instance.id}/${s.id}`;
      const dueAt = new Date(Date.parse(this.ctx.now) + s.delayMs).toISOString();
      this.data.timers[key] = { id: key, instance: instance.id, dueAt, event: { type: s.event.type } };
    }
    this.scheduleDeadlineEvents(instance, deadlinesBefore, (step.snapshot.context as InstanceContext).deadlines ?? {});
    for (const effect of outbox) {
      if (effect.kind === 'notify') this.data.notifications.push(notificationOf(effect, instance.id));
      else if (effect.kind === 'clearForm') clearFormOf(this.data, instance, effect.form);
      else if (effect.kind === 'startPathway') this.open(effect.pathway, 'pathway', instance);
      else if (isLinkEffect(effect)) this.crossings.push(linkCrossing(this.defs, this.data, this.ctx, effect));
      else this.open(effect.lifecycle, 'document', instance, effect.form, effect.cites);
    }
    const wasDone = instance.done;
    instance.done = step.snapshot.status === 'done';
    if (instance.done && !wasDone) this.finish(instance);
  }

  /**
   * A deadline that sends an event when it falls due has a timer of its own, set when the deadline is set (or moved)
   * and removed when it is cleared: it fires once, at its moment, whatever states the instance passes through.
   */
  private scheduleDeadlineEvents(
    instance: InstanceRecord,
    before: Record<string, Deadline>,
    after: Record<string, Deadline>,
  ): void {
    for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const [was, now] = [before[name], after[name]];
      if (was?.at === now?.at && was?.event === now?.event) continue;
      const key = `${instance.id}/deadline:${name}`;
      delete this.data.timers[key];
      if (now?.at && now.event) {
        this.data.timers[key] = { id: key, instance: instance.id, dueAt: now.at, event: { type: now.event } };
      }
    }
  }

  private finish(instance: InstanceRecord): void {
    this.dropTimers(instance.id);
    if (instance.parent) this.reportDone(instance);
    // A closed case stops everything still running inside it.
    if (instance.kind !== 'case') return;
    for (const other of Object.values(this.data.instances)) {
      if (other.done) continue;
      other.done = true;
      this.dropTimers(other.id);
    }
  }

  private dropTimers(instanceId: string): void {
    for (const [key, timer] of Object.entries(this.data.timers))
      if (timer.instance === instanceId) delete this.data.timers[key];
  }

  private reportDone(child: InstanceRecord): void {
    const parent = this.data.instances[child.parent!];
    if (!parent || parent.done) return;
    const event: PathwayEvent = {
      type: `${child.pathway}.done`,
      data: { instance: child.id, ...(child.form ? { form: child.form } : {}) },
      $ctx: eventContextFor(this.data, this.ctx),
    };
    const snapshot = this.snapshotOf(parent);
    if (handledEvents(snapshot).includes(event.type)) this.step(parent, event, snapshot);
  }

  open(pathway: string, kind: InstanceRecord['kind'], opener?: InstanceRecord, form?: string, cites?: string): void {
    const { data, ctx } = this;
    const id =
      kind === 'case' ? 'case' : kind === 'pathway' ? `pathway:${pathway}` : `document:${++data.documentCount}`;
    const citedDoc = cites
      ? Object.values(data.instances)
          .filter((i) => i.form === cites)
          .at(-1)?.id
      : undefined;
    const instance: InstanceRecord = {
      id: data.instances[id] ? `${id}:${Object.keys(data.instances).length}` : id,
      pathway,
      kind,
      ...(form ? { form } : {}),
      ...(citedDoc ? { cites: citedDoc } : {}),
      ...(opener ? { parent: opener.id } : {}),
      openedBy: ctx.user.id,
      openedAt: ctx.now,
      done: false,
      snapshot: undefined,
    };
    data.instances[instance.id] = instance;
    const seed: Record<string, unknown> = {};
    if (opener) seed.parent = structuredClone(caseValues(opener));
    if (kind === 'document') {
      seed.document = {
        id: instance.id,
        form,
        openedBy: ctx.user.id,
        openedByRole: ctx.user.role,
        cites: citedDoc ?? null,
      };
    }
    this.settle(instance, startInstance(this.machine(instance), { case: seed, $ctx: eventContextFor(data, ctx) }));
  }
}
