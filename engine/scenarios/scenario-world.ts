// What a walk-through runs against: the case service the server uses, over a store in memory, with a clock the
// scenario moves on. Timers fall due as they would on a server that never stopped: each at its own time, in order.
import type { CompiledDefinitions } from '../definitions/check.js';
import { linkedCaseIds } from '../runtime/links.js';
import type { CaseData } from '../runtime/model.js';
import { CaseService, type ServiceUser } from '../service/case-service.js';
import { SUMMARY_FORMAT } from '../service/case-summary.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import type { CaseStore, CreateCaseInput } from '../store/types.js';
import { addDuration, type Duration } from '../util/working-days.js';

interface NamedUser {
  username: string;
  role: string;
}

export class ScenarioWorld {
  now: string;
  private constructor(
    readonly defs: CompiledDefinitions,
    readonly store: CaseStore,
    readonly service: CaseService,
    start: string,
    private readonly clock: { now: string },
  ) {
    this.now = start;
  }

  static async open(defs: CompiledDefinitions, start: string): Promise<ScenarioWorld> {
    const store = openSqliteStore(':memory:');
    await store.migrate();
    const clock = { now: start };
    const source = { current: async () => ({ version: 1, defs }), get: async () => defs };
    // Case ids in order, so that a walk-through gives the same cases (and links between them) every time it runs.
    let cases = 0;
    const newCaseId = () => `scenario-case-${++cases}`;
    const service = new CaseService(store, source, { now: () => clock.now, newCaseId });
    const world = new ScenarioWorld(defs, store, service, start, clock);
    return world;
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private setClock(at: string): void {
    this.now = at;
    this.clock.now = at;
  }

  /** The people of the settings (demo users and officers), by user name. */
  private users(): NamedUser[] {
    const settings = this.defs.settings as { demoUsers?: NamedUser[]; officers?: NamedUser[] };
    return [...(settings.demoUsers ?? []), ...(settings.officers ?? [])];
  }

  /** A user named by user name, or the first person in a role (a role no settings person has stands for itself). */
  userFor(who: { as?: string; user?: string }, fallback: ServiceUser): ServiceUser {
    const users = this.users();
    const found = who.user
      ? users.find((u) => u.username === who.user)
      : who.as
        ? users.find((u) => u.role === who.as)
        : undefined;
    const role = found?.role ?? who.as ?? fallback.role;
    return { id: found?.username ?? who.user ?? who.as ?? fallback.id, role };
  }

  /** A reader named in `expect.readers`: a user name of the settings, else a role. */
  readerFor(name: string): ServiceUser {
    const byName = this.users().find((u) => u.username === name);
    return byName ? { id: byName.username, role: byName.role } : this.userFor({ as: name }, { id: name, role: name });
  }

  /** Cases the officers already hold (the scenario's `caseload`), so that their capacity is what it says. */
  async seedCaseload(caseload: Record<string, number>): Promise<void> {
    const inputs: CreateCaseInput[] = [];
    for (const [officer, count] of Object.entries(caseload)) {
      for (let i = 0; i < count; i++) {
        inputs.push({
          id: `caseload-${officer}-${i}`,
          pathwayId: 'caseload',
          definitionVersion: 1,
          snapshot: {},
          summary: { format: SUMMARY_FORMAT, state: 'held', allocatedTo: officer, activeCase: true, closed: false },
          createdBy: 'scenario',
          at: this.now,
          event: {
            type: 'case.opened',
            userId: 'scenario',
            role: 'system',
            at: this.now,
            definitionVersion: 1,
            data: {},
          },
        });
      }
    }
    if (inputs.length) await this.store.createCases(inputs);
  }

  /** The latest case at the end of a link of this case (a step's `case`). */
  async linkedCase(caseId: string, link: string): Promise<string | undefined> {
    return linkedCaseIds(await this.caseData(caseId), link).at(-1);
  }

  async caseData(caseId: string): Promise<CaseData> {
    return (await this.store.getCase(caseId))!.snapshot as CaseData;
  }

  /** Moves the clock on (by a step's `advance`, else a minute), firing each timer that falls due on the way at its time. */
  async advance(caseId: string | undefined, duration: Duration | undefined): Promise<void> {
    const holidays = this.defs.settings.bankHolidays ?? { country: 'GB', region: 'ENG' };
    const target = duration
      ? addDuration(this.now, duration, holidays)
      : new Date(Date.parse(this.now) + 60_000).toISOString();
    for (;;) {
      const timers = caseId ? Object.values((await this.caseData(caseId)).timers) : [];
      const next = timers.map((t) => t.dueAt).sort()[0];
      if (next === undefined || next > target) break;
      this.setClock(next > this.now ? next : this.now);
      if ((await this.service.fireDueTimers()) === 0) break;
    }
    this.setClock(target);
  }
}
