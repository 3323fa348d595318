// A writer that increments a counter in a case snapshot `rounds` times, retrying each increment on
// conflict: if the store ever lost an update, the final counter would fall short of the commits made.
import { StoreConflictError } from '../../engine/store/errors.js';
import type { CaseStore } from '../../engine/store/types.js';
import { nextCommit } from './contract/fixtures.js';

const nextTurnOfEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function readModifyWrite(
  store: CaseStore,
  caseId: string,
  rounds: number,
  pauseBeforeWrite = nextTurnOfEventLoop,
): Promise<{ conflicts: number }> {
  let conflicts = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (;;) {
      const current = await store.getCase(caseId);
      if (current === undefined) throw new Error(`case '${caseId}' is missing`);
      const counter = ((current.snapshot as { counter?: number }).counter ?? 0) + 1;
      // Let the other writer read the same version before this one writes, so that they do collide.
      await pauseBeforeWrite();
      try {
        await store.commitEvent(nextCommit(current, { snapshot: { counter } }));
        break;
      } catch (error) {
        if (!(error instanceof StoreConflictError)) throw error;
        conflicts += 1;
      }
    }
  }
  return { conflicts };
}
