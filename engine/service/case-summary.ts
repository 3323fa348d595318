// The summary stored beside each case, which lists show, filter, sort and search (store/types.ts, CaseSummary): from
// the case view, the generic case values the definitions record (referredBy, allocatedTo, priority, waitingSince),
// the states' meta (awaitingAllocation, worklists, actors), who the case is about (the pathway's meta.identity), its
// urgency (meta.urgency) and the notices still asking a role to act.
import type { CompiledDefinitions } from '../definitions/check.js';
import { confidentialFlowOf, readReachesConfidential } from '../definitions/confidential-values.js';
import { currentMeta, restoreSnapshot } from '../runtime/instances.js';
import type { CaseData } from '../runtime/model.js';
import { rolesAskedToAct } from '../runtime/notifications.js';
import type { CaseView } from '../runtime/view.js';
import type { CaseSummary } from '../store/types.js';
import { derivedFrom } from '../util/derived.js';
import { milestonesOf, type PerformanceMeta } from './case-milestones.js';
import { identityOf, urgencyOf, type IdentityMeta, type ShownToAll, type UrgencyMeta } from './case-identity.js';

/**
 * The summary's format: a stored summary of an older one is made again at start-up (resummarise.ts). 3: what
 * identifies a case leaves out any answer that reads confidential information, whatever the version let through.
 * 4: the milestones the service is measured by (meta.performance, case-milestones.ts).
 */
export const SUMMARY_FORMAT = 4;

/**
 * Whether an answer path reads nothing confidential, decided once per path and definition version: deciding took
 * 8 µs a path against 0.02 µs kept (side by side, median of 11 rounds), asked 2.6 times a request on average
 * (bench/simulated-officers.ts's mix of requests). The paths asked are those the pathways' meta.identity names.
 */
const decidedPaths = derivedFrom((_defs: CompiledDefinitions) => new Map<string, boolean>());

function shownToAll(defs: CompiledDefinitions): ShownToAll {
  const decided = decidedPaths(defs);
  return (path) => {
    let shown = decided.get(path);
    if (shown === undefined) {
      shown = !readReachesConfidential({ path, literal: true }, confidentialFlowOf(defs).sources);
      decided.set(path, shown);
    }
    return shown;
  };
}

export function summarise(
  defs: CompiledDefinitions,
  data: CaseData,
  view: CaseView,
  record: { createdBy: string; createdAt: string },
): CaseSummary {
  const main = Object.values(data.instances).find((i) => i.kind === 'case');
  const metas =
    main && !main.done ? currentMeta(restoreSnapshot(defs.pathways.get(main.pathway)!.machine, main.snapshot)) : [];
  const waiting = metas.some((m) => m.awaitingAllocation === true);
  const values = view.values;
  const pathwayMeta = (defs.pathways.get(data.pathway)?.config.meta ?? {}) as {
    identity?: IdentityMeta;
    urgency?: UrgencyMeta;
    performance?: PerformanceMeta;
  };
  const confidentialCase = defs.pathways.get(data.pathway)?.meta.confidential === true;
  const actors = view.done
    ? []
    : [
        ...new Set([...view.instances.filter((i) => !i.done).flatMap((i) => i.actors), ...rolesAskedToAct(data)]),
      ].sort();
  return {
    format: SUMMARY_FORMAT,
    state: view.state,
    title: view.title,
    referredBy: typeof values.referredBy === 'string' ? values.referredBy : record.createdBy,
    allocatedTo: typeof values.allocatedTo === 'string' ? values.allocatedTo : null,
    activeCase: view.activeCase,
    priority: Number(values.priority ?? 0) || 0,
    waiting,
    waitingSince: waiting ? (typeof values.waitingSince === 'string' ? values.waitingSince : record.createdAt) : null,
    closed: view.done,
    nextDeadline: view.deadlines[0]?.due ?? null,
    nextDeadlineLabel: view.deadlines[0]?.label ?? null,
    // A confidential pathway's case reaches only readers cleared for what is confidential in it (visibility.ts).
    ...identityOf(pathwayMeta.identity, data, values, confidentialCase ? () => true : shownToAll(defs)),
    urgency: urgencyOf(pathwayMeta.urgency, data, values),
    worklists: [...new Set(metas.flatMap((m) => (Array.isArray(m.worklists) ? (m.worklists as string[]) : [])))].sort(),
    actors,
    milestones: milestonesOf(pathwayMeta.performance, data, values),
  };
}
