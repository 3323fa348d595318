// Moving in-flight cases onto a newer definition version: an explicit, checked step, logged in each case's event log.
import type { CaseCommand, CaseData } from '../runtime/model.js';
import { applyCommand } from '../runtime/apply.js';
import { migrationProblems } from '../runtime/commands/migrate.js';
import { describeCase } from '../runtime/view.js';
import { maxPageSize, type CaseRecord, type CaseStore } from '../store/types.js';
import { summarise } from './case-summary.js';
import type { DefinitionRegistry } from './definition-registry.js';

export interface MigrationReport {
  toVersion: number;
  moved: string[];
  cannotMove: { caseId: string; fromVersion: number; reasons: string[] }[];
}

/** Checks every case below `toVersion` (or only `caseIds`), moves those that can move, and says why the others cannot. */
export async function migrateCases(
  store: CaseStore,
  registry: DefinitionRegistry,
  by: { id: string; role: string },
  toVersion: number,
  options: { caseIds?: string[]; dryRun?: boolean; now?: string } = {},
): Promise<MigrationReport> {
  const target = await registry.get(toVersion);
  const report: MigrationReport = { toVersion, moved: [], cannotMove: [] };
  for await (const record of casesToMove(store, toVersion, options.caseIds)) {
    const data = record.snapshot as CaseData;
    const reasons = migrationProblems(target, data);
    if (reasons.length) {
      report.cannotMove.push({ caseId: record.id, fromVersion: record.definitionVersion, reasons });
      continue;
    }
    if (options.dryRun) {
      report.moved.push(record.id);
      continue;
    }
    const now = options.now ?? new Date().toISOString();
    const ctx = { user: { id: by.id, role: by.role, qualifications: [] }, now };
    const commands: CaseCommand[] = [{ kind: 'migrate', fromVersion: record.definitionVersion, toVersion, ctx }];
    const result = applyCommand(target, data, commands[0]!);
    if (!result.ok) {
      report.cannotMove.push({
        caseId: record.id,
        fromVersion: record.definitionVersion,
        reasons: [result.error.message],
      });
      continue;
    }
    await store.commitEvent({
      caseId: record.id,
      expectedVersion: record.version,
      snapshot: result.data,
      summary: summarise(target, result.data, describeCase(target, result.data, ctx.user, now), record),
      previousSummary: record.summary,
      event: {
        type: 'case.migrated',
        userId: by.id,
        role: by.role,
        at: now,
        definitionVersion: toVersion,
        data: { commands },
      },
      definitionVersion: toVersion,
      audit: [
        {
          at: now,
          userId: by.id,
          caseId: record.id,
          action: 'case.migrated',
          detail: { from: record.definitionVersion, to: toVersion },
        },
      ],
    });
    report.moved.push(record.id);
  }
  return report;
}

/** The open cases below `toVersion` (or those of `caseIds`), a page of summaries at a time, each read whole. */
async function* casesToMove(store: CaseStore, toVersion: number, caseIds?: string[]): AsyncGenerator<CaseRecord> {
  let after: string | undefined;
  do {
    const page = await store.listCases({ visibleTo: { all: true }, limit: maxPageSize, ...(after ? { after } : {}) });
    for (const item of page.cases) {
      if (item.definitionVersion >= toVersion || (caseIds && !caseIds.includes(item.id))) continue;
      const record = await store.getCase(item.id);
      if (record) yield record;
    }
    after = page.next ?? undefined;
  } while (after);
}
