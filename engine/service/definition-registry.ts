// Definition versions: each published version is immutable and compiled once; cases stay on the version they started with.
import { checkDefinitions, type CompiledDefinitions } from '../definitions/check.js';
import { GUARDED_AT_RUN_TIME } from '../definitions/lint/confidential-flow.js';
import type { LoadOptions } from '../definitions/load.js';
import { formatProblem, type Problem } from '../definitions/problems.js';
import type { DefinitionFiles } from '../definitions/types.js';
import type { CaseStore } from '../store/types.js';

export class DefinitionProblemsError extends Error {
  readonly code = 'definition-problems';
  constructor(readonly problems: Problem[]) {
    super(`the definitions have ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  }
}

function sameFiles(a: DefinitionFiles, b: DefinitionFiles): boolean {
  const keys = Object.keys(a).sort();
  return JSON.stringify(keys) === JSON.stringify(Object.keys(b).sort()) && keys.every((k) => a[k] === b[k]);
}

export class DefinitionRegistry {
  /**
   * Each version compiled once and kept while the process runs: compiling the protocol's took 390 ms (median of 10
   * runs), and a request asks for its version 3 times on average (bench/simulated-officers.ts's mix). Not bounded: a
   * compiled version holds 1.4 MB, and a list may show cases on every version still in use, each to be compiled again
   * if it had been let go.
   */
  private readonly compiled = new Map<number, CompiledDefinitions>();
  private latest = 0;

  /** `options.parseCache`: values of definition files read before (the server keeps them in its data folder). */
  constructor(
    private readonly store: CaseStore,
    private readonly options: LoadOptions = {},
  ) {}

  get currentVersion(): number {
    return this.latest;
  }

  /**
   * Publishes `files` as a new version unless they equal the latest one. Refuses definitions with problems, its
   * scenarios' included unless `withScenarios` is false (a server publishing its definitions folder as it starts).
   */
  async publish(files: DefinitionFiles, by: string, note?: string, { withScenarios = true } = {}): Promise<number> {
    const last = await this.store.latestDefinitionVersion();
    if (last && sameFiles(last.files, files)) {
      this.latest = last.version;
      return last.version;
    }
    const label = `version ${(last?.version ?? 0) + 1}`;
    const result = checkDefinitions(files, label, { ...this.options, withScenarios });
    if (!result.compiled) throw new DefinitionProblemsError(result.problems);
    const version = (last?.version ?? 0) + 1;
    await this.store.saveDefinitionVersion({
      version,
      files,
      publishedBy: by,
      publishedAt: new Date().toISOString(),
      ...(note ? { note } : {}),
    });
    this.compiled.set(version, result.compiled);
    this.latest = version;
    return version;
  }

  async get(version: number): Promise<CompiledDefinitions> {
    const cached = this.compiled.get(version);
    if (cached) return cached;
    const record = await this.store.getDefinitionVersion(version);
    if (!record) throw new Error(`definition version ${version} does not exist`);
    // Published, perhaps by an older server: a rule added since whose subject the server guards does not unpublish it.
    // Its scenarios were checked when it was published; running cases never reads them.
    const tolerate = GUARDED_AT_RUN_TIME;
    const options = { ...this.options, tolerate, withScenarios: false };
    const result = checkDefinitions(record.files, `version ${version}`, options);
    if (!result.compiled) throw new DefinitionProblemsError(result.problems);
    this.compiled.set(version, result.compiled);
    return result.compiled;
  }

  async current(): Promise<{ version: number; defs: CompiledDefinitions }> {
    if (!this.latest) {
      const last = await this.store.latestDefinitionVersion();
      if (!last) throw new Error('no definitions have been published');
      this.latest = last.version;
    }
    return { version: this.latest, defs: await this.get(this.latest) };
  }
}
