// The pure heart of a case: apply one command to the case data and get the new data, or an error that says why not.
import type { AnyMachineSnapshot } from 'xstate';
import type { CompiledDefinitions } from '../definitions/check.js';
import type { EventContext, InstanceContext, PathwayEvent } from '../compile/types.js';
import { computeAnswers } from '../forms/compute.js';
import { createFormAjv } from '../forms/ajv.js';
import { toFieldErrors } from '../forms/messages.js';
import { allowedEvents } from './allowed.js';
import { explainRefusal } from './explain.js';
import { currentMeta, handledEvents, persistSnapshot, restoreSnapshot, startInstance, stepInstance, type StepResult } from './instances.js';
import type { CaseCommand, CaseData, CaseError, CaseResult, CommandContext, InstanceRecord } from './model.js';
import { fillableForms, mayFill, maySend } from './permissions.js';
import { answersTooDeep, eventDataTooDeep, exceedsJsonDepth } from '../util/json-limits.js';

type Fail = { ok: false; error: CaseError };
const fail = (code: CaseError['code'], message: string, extra: Partial<CaseError> = {}): Fail => ({ ok: false, error: { code, message, ...extra } });

export function eventContextFor(data: CaseData | undefined, ctx: CommandContext): EventContext {
  const forms = Object.fromEntries(Object.entries(data?.forms ?? {}).map(([id, s]) => [id, s.data]));
  return { user: ctx.user, now: ctx.now, forms, ...(ctx.officers ? { officers: ctx.officers } : {}) };
}

function caseValues(instance: InstanceRecord): Record<string, unknown> {
  return ((instance.snapshot as { context?: InstanceContext }).context?.case ?? {}) as Record<string, unknown>;
}

class CaseStepper {
  constructor(
    private readonly defs: CompiledDefinitions,
    readonly data: CaseData,
    private readonly ctx: CommandContext,
  ) {}

  machine(instance: InstanceRecord) {
    const pathway = this.defs.pathways.get(instance.pathway);
    if (!pathway) throw new Error(`pathway "${instance.pathway}" is not in this definition version`);
    return pathway.machine;
  }

  snapshotOf(instance: InstanceRecord): AnyMachineSnapshot {
    return restoreSnapshot(this.machine(instance), instance.snapshot);
  }

  /** Stores a step's result and carries out what its actions asked for (documents, pathways, notices, timers). */
  settle(instance: InstanceRecord, step: StepResult, at: string): void {
    const machine = this.machine(instance);
    const outbox = (step.snapshot.context as InstanceContext).outbox ?? [];
    instance.snapshot = persistSnapshot(machine, step.snapshot);
    for (const id of step.cancel) delete this.data.timers[`${instance.id}/${id}`];
    for (const s of step.schedule) {
      const key = `${instance.id}/${s.id}`;
      this.data.timers[key] = { id: key, instance: instance.id, dueAt: new Date(Date.parse(at) + s.delayMs).toISOString(), event: { type: s.event.type } };
    }
    for (const effect of outbox) {
      if (effect.kind === 'notify') this.data.notifications.push({ at: effect.at, roles: effect.roles, message: effect.message, instance: instance.id });
      else if (effect.kind === 'clearForm') delete this.data.forms[effect.form];
      else if (effect.kind === 'startPathway') this.open(effect.pathway, 'pathway', instance);
      else this.open(effect.lifecycle, 'document', instance, effect.form, effect.cites);
    }
    const wasDone = instance.done;
    instance.done = step.snapshot.status === 'done';
    if (instance.done && !wasDone) {
      this.dropTimers(instance.id);
      if (instance.parent) this.reportDone(instance);
      // A closed case stops everything still running inside it.
      if (instance.kind === 'case') {
        for (const other of Object.values(this.data.instances)) {
          if (other.done) continue;
          other.done = true;
          this.dropTimers(other.id);
        }
      }
    }
  }

  dropTimers(instanceId: string): void {
    for (const key of Object.keys(this.data.timers)) if (this.data.timers[key]!.instance === instanceId) delete this.data.timers[key];
  }

  reportDone(child: InstanceRecord): void {
    const parent = this.data.instances[child.parent!];
    if (!parent || parent.done) return;
    const event: PathwayEvent = {
      type: `${child.pathway}.done`,
      data: { instance: child.id, ...(child.form ? { form: child.form } : {}) },
      $ctx: eventContextFor(this.data, this.ctx),
    };
    const snapshot = this.snapshotOf(parent);
    if (!handledEvents(snapshot).includes(event.type)) return;
    this.settle(parent, stepInstance(this.machine(parent), snapshot, event), this.ctx.now);
  }

  open(pathway: string, kind: InstanceRecord['kind'], opener?: InstanceRecord, form?: string, cites?: string): InstanceRecord {
    const id = kind === 'case' ? 'case' : kind === 'pathway' ? `pathway:${pathway}` : `document:${++this.data.documentCount}`;
    const citedDoc = cites ? Object.values(this.data.instances).filter((i) => i.form === cites).at(-1)?.id : undefined;
    const instance: InstanceRecord = {
      id: this.data.instances[id] ? `${id}:${Object.keys(this.data.instances).length}` : id,
      pathway,
      kind,
      ...(form ? { form } : {}),
      ...(citedDoc ? { cites: citedDoc } : {}),
      ...(opener ? { parent: opener.id } : {}),
      openedBy: this.ctx.user.id,
      openedAt: this.ctx.now,
      done: false,
      snapshot: undefined,
    };
    this.data.instances[instance.id] = instance;
    const seed: Record<string, unknown> = {};
    if (opener) seed.parent = structuredClone(caseValues(opener));
    if (kind === 'document') {
      seed.document = { id: instance.id, form, openedBy: this.ctx.user.id, openedByRole: this.ctx.user.role, cites: citedDoc ?? null };
    }
    const machine = this.machine(instance);
    this.settle(instance, startInstance(machine, { case: seed, $ctx: eventContextFor(this.data, this.ctx) }), this.ctx.now);
    return instance;
  }
}

/** Why a case could not move onto these definitions: a pathway gone, or a state that no longer exists. */
export function migrationProblems(defs: CompiledDefinitions, data: CaseData): string[] {
  const problems: string[] = [];
  for (const instance of Object.values(data.instances)) {
    const pathway = defs.pathways.get(instance.pathway);
    if (!pathway) {
      problems.push(`${instance.id}: the pathway "${instance.pathway}" no longer exists`);
      continue;
    }
    const old = instance.snapshot as { value: unknown; context: unknown };
    try {
      // resolveState throws for a state value the new machine does not declare; check before anything is restored.
      pathway.machine.resolveState({ value: old.value as never, context: old.context as never });
    } catch (error) {
      problems.push(`${instance.id}: its state ${JSON.stringify(old.value)} does not exist in the new version (${(error as Error).message})`);
    }
  }
  return problems;
}

/**
 * The case a command changes: new containers (the case, its instances, forms, timers and notices), holding what the
 * original holds. A step never changes a held object in place: it replaces an instance's snapshot, a form's
 * submission or a timer whole, and XState makes a new snapshot and context at each step. So the copy shares them with
 * the original (a case the store keeps is frozen, and a change in place would throw), and each instance's restored
 * XState snapshot is found again for the same persisted one, instead of deep-copying the case for every command.
 */
function copyForChange(current: CaseData): CaseData {
  return {
    ...current,
    instances: Object.fromEntries(Object.entries(current.instances).map(([id, instance]) => [id, { ...instance }])),
    forms: { ...current.forms },
    timers: { ...current.timers },
    notifications: [...current.notifications],
  };
}

function emptyCase(pathway: string): CaseData {
  return { pathway, instances: {}, forms: {}, notifications: [], timers: {}, documentCount: 0 };
}

let eventDataAjv: ReturnType<typeof createFormAjv> | undefined;
const eventDataValidators = new WeakMap<object, ReturnType<ReturnType<typeof createFormAjv>['compile']>>();

function validateEventData(defs: CompiledDefinitions, pathway: string, type: string, data: unknown): CaseError | undefined {
  const schema = defs.pathways.get(pathway)?.meta.events[type]?.data;
  if (!schema) {
    // An event that declares no details takes none: nothing unchecked reaches the event log.
    const empty = data === undefined || data === null || (typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0);
    return empty ? undefined : { code: 'data-invalid', message: `"${type}" carries no details, but some were sent`, fieldErrors: { '': [`"${type}" carries no details`] } };
  }
  let validate = eventDataValidators.get(schema);
  if (!validate) {
    // Strict, as the definitions' checks made sure it compiles so.
    eventDataAjv ??= createFormAjv();
    validate = eventDataAjv.compile(schema);
    eventDataValidators.set(schema, validate);
  }
  if (validate(data ?? {})) return undefined;
  return { code: 'data-invalid', message: `The details sent with "${type}" are not valid`, fieldErrors: toFieldErrors(validate.errors, schema as never) };
}

/** Applies one command. `current` is not changed: the result is a new case, sharing with it what the command left as it was. */
export function applyCommand(defs: CompiledDefinitions, current: CaseData | undefined, command: CaseCommand): CaseResult {
  try {
    const data = current ? copyForChange(current) : emptyCase(command.kind === 'open' ? command.pathway : '');
    const stepper = new CaseStepper(defs, data, command.ctx);
    switch (command.kind) {
      case 'open': {
        const pathway = defs.pathways.get(command.pathway);
        if (!pathway || pathway.meta.startsCase === false) return fail('not-found', `there is no pathway "${command.pathway}" that starts a case`);
        if (!(pathway.meta.startedBy ?? []).includes(command.ctx.user.role)) {
          return fail('forbidden', `a ${command.ctx.user.role} may not open a case on "${command.pathway}"`);
        }
        stepper.open(command.pathway, 'case');
        return { ok: true, data, summary: `opened ${command.pathway}` };
      }
      case 'submitForm': {
        const form = defs.forms.get(command.form);
        if (!form) return fail('not-found', `there is no form "${command.form}"`);
        if (exceedsJsonDepth(command.data)) return { ok: false, error: answersTooDeep(String(form.schema.title)) };
        if (!mayFill(defs, command.ctx.user.role, command.form)) return fail('forbidden', `a ${command.ctx.user.role} may not fill in "${command.form}"`);
        const open = fillableForms(defs, data, stepper);
        if (!open.includes(command.form)) {
          return fail('form-not-open', `"${form.schema.title}" cannot be filled in at this stage; forms open now: ${open.join(', ') || 'none'}`);
        }
        const answers = computeAnswers(form.schema, command.data);
        const result = form.validator.validate(answers);
        if (!result.valid) return fail('form-invalid', `There is a problem with "${form.schema.title}"`, { fieldErrors: result.errors });
        const submission = {
          data: answers as Record<string, unknown>,
          formVersion: form.validator.version,
          ...(command.definitionVersion !== undefined ? { definitionVersion: command.definitionVersion } : {}),
          submittedBy: command.ctx.user.id,
          role: command.ctx.user.role,
          at: command.ctx.now,
        };
        data.forms[command.form] = submission;
        for (const instance of Object.values(data.instances)) {
          if (instance.done || instance.form !== command.form) continue;
          if (currentMeta(stepper.snapshotOf(instance)).some((m) => m.editsDocument)) instance.answers = submission;
        }
        return { ok: true, data, summary: `submitted ${command.form}` };
      }
      case 'send': {
        const instance = Object.hasOwn(data.instances, command.instance) ? data.instances[command.instance] : undefined;
        if (!instance) return fail('not-found', `this case has no "${command.instance}"`);
        if (exceedsJsonDepth(command.data)) return { ok: false, error: eventDataTooDeep(command.type) };
        if (instance.done) return fail('instance-closed', `"${command.instance}" has finished and accepts no more events`);
        const snapshot = stepper.snapshotOf(instance);
        const event: PathwayEvent = { type: command.type, data: command.data ?? {}, $ctx: eventContextFor(data, command.ctx) };
        // A refusal says what could be sent instead; trying every event's conditions is left for when one is refused.
        const role = command.ctx.user.role;
        if (!handledEvents(snapshot).includes(command.type)) {
          const possible = allowedEvents(defs, instance.pathway, snapshot, event, role);
          return fail('event-not-allowed', `"${command.type}" is not possible now; possible now: ${possible.join(', ') || 'nothing you may send'}`, { allowedEvents: possible });
        }
        if (!maySend(defs, role, command.type)) {
          return fail('forbidden', `a ${role} may not send "${command.type}"`, { allowedEvents: allowedEvents(defs, instance.pathway, snapshot, event, role) });
        }
        const invalid = validateEventData(defs, instance.pathway, command.type, command.data);
        if (invalid) return { ok: false, error: { ...invalid, allowedEvents: allowedEvents(defs, instance.pathway, snapshot, event, role) } };
        if (!snapshot.can(event)) {
          const reasons = explainRefusal(defs, instance.pathway, snapshot, event);
          const possible = allowedEvents(defs, instance.pathway, snapshot, event, role);
          return fail('guard-failed', `"${command.type}" is not possible now: ${reasons.join('; ') || 'its conditions are not met'}. Possible now: ${possible.join(', ') || 'nothing you may send'}`, { allowedEvents: possible });
        }
        stepper.settle(instance, stepInstance(stepper.machine(instance), snapshot, event), command.ctx.now);
        return { ok: true, data, summary: `${command.instance}: ${command.type}` };
      }
      case 'migrate': {
        const problems = migrationProblems(defs, data);
        if (problems.length) return fail('cannot-migrate', problems.join('; '));
        for (const instance of Object.values(data.instances)) {
          const machine = stepper.machine(instance);
          const old = instance.snapshot as { value: unknown; context: unknown; historyValue?: unknown; status?: string };
          const resolved = machine.resolveState({ value: old.value as never, context: old.context as never });
          instance.snapshot = { ...persistSnapshot(machine, resolved) as object, historyValue: old.historyValue ?? {}, status: old.status ?? 'active' };
        }
        return { ok: true, data, summary: `moved from version ${command.fromVersion} to ${command.toVersion}` };
      }
      case 'fireTimer': {
        const timer = Object.hasOwn(data.timers, command.timer) ? data.timers[command.timer] : undefined;
        if (!timer) return fail('not-found', `no timer "${command.timer}"`);
        delete data.timers[command.timer];
        const instance = data.instances[timer.instance];
        if (!instance || instance.done) return { ok: true, data, summary: `timer ${command.timer} dropped` };
        const event: PathwayEvent = { ...timer.event, $ctx: eventContextFor(data, command.ctx) };
        stepper.settle(instance, stepInstance(stepper.machine(instance), stepper.snapshotOf(instance), event), command.ctx.now);
        return { ok: true, data, summary: `timer ${timer.event.type}` };
      }
    }
  } catch (error) {
    return fail('definition-error', `the definitions could not run this step: ${(error as Error).message}`);
  }
}

export { CaseStepper };
