// The searchable summary stored beside each case: derived from the case view alone, using the generic case values
// the definitions record (referredBy, allocatedTo, priority, waitingSince) and the states' meta flags.
import type { CaseView } from '../runtime/view.js';
import type { CaseSummary } from '../store/types.js';

export function summarise(view: CaseView, createdBy: string): CaseSummary {
  const waiting = view.awaitingAllocation;
  const values = view.values;
  return {
    state: view.state,
    title: view.title,
    referredBy: typeof values.referredBy === 'string' ? values.referredBy : createdBy,
    allocatedTo: typeof values.allocatedTo === 'string' ? values.allocatedTo : null,
    activeCase: view.activeCase,
    priority: Number(values.priority ?? 0) || 0,
    waiting,
    waitingSince: waiting ? ((values.waitingSince as string | undefined) ?? null) : null,
    closed: view.done,
    nextDeadline: view.deadlines[0]?.due ?? null,
    nextDeadlineLabel: view.deadlines[0]?.label ?? null,
  };
}
