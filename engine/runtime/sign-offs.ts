// Sign-offs: an event its pathway marks `signOff` is recorded on the instance it was sent to, with who sent it, in
// which role, when, and the forms it signed (the instance's own form and those its state listed), so that what it
// signed can show the record. The event log holds the same facts; this keeps them where a document is read.
import type { AnyMachineSnapshot } from 'xstate';
import type { CompiledDefinitions } from '../definitions/check.js';
import { currentMeta } from './instances.js';
import type { CommandContext, InstanceRecord } from './model.js';

/** A sign-off as shown to people: what was signed, by whom (display name), in which role (its title), and when. */
export interface ShownSignOff {
  event: string;
  label: string;
  by: string;
  role: string;
  at: string;
  /** It made the document final (or ended what it was sent to). */
  final: boolean;
  /** The forms it signed. */
  forms: string[];
  /** The title of the state it was signed in ("Session 1"). */
  stage?: string;
}

export function recordSignOff(
  defs: CompiledDefinitions,
  instance: InstanceRecord,
  before: AnyMachineSnapshot,
  command: { type: string; ctx: CommandContext },
): void {
  if (defs.pathways.get(instance.pathway)?.meta.events[command.type]?.signOff !== true) return;
  const metas = currentMeta(before);
  const listed = metas.flatMap((m) => (m.forms as string[] | undefined) ?? []);
  const stage = metas
    .map((m) => m.title)
    .filter((t): t is string => typeof t === 'string')
    .at(-1);
  const forms = [...new Set([...(instance.form ? [instance.form] : []), ...listed])];
  const { user, now } = command.ctx;
  const record = {
    event: command.type,
    by: user.id,
    role: user.role,
    at: now,
    forms,
    ...(stage ? { stage } : {}),
    final: instance.done,
  };
  instance.signOffs = [...(instance.signOffs ?? []), record];
}
