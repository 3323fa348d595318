// Links between cases (a pathway's meta.links): what a case records of the cases it started or was started by, and
// what its actions ask of them. Pure: the case service opens and changes the other cases (service/linked-changes.ts).
import type { Effect } from '../compile/types.js';
import type { CompiledDefinitions } from '../definitions/check.js';
import type { CaseData, CommandContext, LinkCrossing, LinkRecord } from './model.js';

type LinkEffect = Extract<Effect, { kind: 'startLinkedCase' | 'sendLinked' }>;

export function isLinkEffect(effect: Effect): effect is LinkEffect {
  return effect.kind === 'startLinkedCase' || effect.kind === 'sendLinked';
}

function declaredLink(defs: CompiledDefinitions, pathway: string, name: string) {
  const link = defs.pathways.get(pathway)?.meta.links?.[name];
  if (!link) throw new Error(`pathway "${pathway}" declares no link "${name}"`);
  return link;
}

/** The name of the link of `pathway` that leads to `other` (the lint makes sure there is exactly one). */
export function linkNameTo(defs: CompiledDefinitions, pathway: string, other: string): string | undefined {
  return Object.entries(defs.pathways.get(pathway)?.meta.links ?? {}).find(([, link]) => link.pathway === other)?.[0];
}

function addLink(data: CaseData, key: string, link: LinkRecord): void {
  data.links = { ...data.links, [key]: link };
}

/** Records what a link effect asks, to be carried out by the case service: a case to start, an event to send. */
export function linkCrossing(
  defs: CompiledDefinitions,
  data: CaseData,
  ctx: CommandContext,
  effect: LinkEffect,
): LinkCrossing {
  const link = declaredLink(defs, data.pathway, effect.link);
  if (effect.kind === 'sendLinked') return { kind: 'send', link: effect.link, event: effect.event, data: effect.data };
  const key = `${effect.link}:${Object.keys(data.links ?? {}).length + 1}`;
  addLink(data, key, { name: effect.link, pathway: link.pathway, started: true, at: ctx.now, by: effect.by });
  return { kind: 'start', key, pathway: link.pathway };
}

/** Records the id of the case that a link of this one started. */
export function recordLinkedCase(data: CaseData, key: string, caseId: string): boolean {
  const link = data.links?.[key];
  if (!link || link.caseId) return false;
  addLink(data, key, { ...link, caseId });
  return true;
}

/** Records, on a case just opened over a link, the case that started it. */
export function recordStartedBy(
  defs: CompiledDefinitions,
  data: CaseData,
  ctx: CommandContext,
  from: { caseId: string; pathway: string },
): boolean {
  const name = linkNameTo(defs, data.pathway, from.pathway);
  if (!name) return false;
  addLink(data, `${name}:1`, {
    name,
    pathway: from.pathway,
    caseId: from.caseId,
    started: false,
    at: ctx.now,
    by: ctx.user.id,
  });
  return true;
}

/** The link of this case to `caseId`, and whether its pathway accepts `event` over it. */
export function linkFrom(defs: CompiledDefinitions, data: CaseData, caseId: string, event: string) {
  const link = Object.values(data.links ?? {}).find((l) => l.caseId === caseId);
  if (!link) return undefined;
  const accepts = defs.pathways.get(data.pathway)?.meta.links?.[link.name]?.accepts ?? [];
  return { link, accepted: accepts.includes(event) };
}

/** The other cases at the end of this case's links named `name`. */
export function linkedCaseIds(data: CaseData, name: string): string[] {
  return Object.values(data.links ?? {}).flatMap((l) => (l.name === name && l.caseId ? [l.caseId] : []));
}
