// Definitions management for the team manager: check a draft set of files, run its scenarios, compare it with a
// published version, and publish it. Files are data: only known definition paths are accepted, and nothing in them runs.
import { createTwoFilesPatch } from 'diff';
import {
  checkDefinitions,
  type Problem,
  isDefinitionPath,
  type DefinitionFiles,
  runAllScenarios,
  migrateCases,
  type CaseStore,
} from '../../engine/index.js';
import { problem } from '../http-problems.js';
import type { SharedDefinitionRegistry } from './shared-registry.js';

const MAX_FILES = 500;

/** A problem as the editor shows it: the path inside the definitions, without the engine's label ("draft/", "version 3/"). */
export function publicProblem({ file, line, col, message, code }: Problem) {
  return { file: file.replace(/^[^/]*\//, ''), line, col, message, code };
}

/** The files of a request body, refused (400) unless every path is a definition path and every content is text. */
export function definitionFilesFrom(body: unknown): DefinitionFiles {
  const files = (body as { files?: unknown } | undefined)?.files;
  if (!files || typeof files !== 'object' || Array.isArray(files))
    throw problem(400, 'bad-request', 'Send {"files": {"path": "text", …}}.');
  const entries = Object.entries(files);
  if (entries.length > MAX_FILES) throw problem(400, 'bad-request', `At most ${MAX_FILES} files.`);
  const bad = entries
    .filter(([path, text]) => !isDefinitionPath(path) || typeof text !== 'string')
    .map(([path]) => path);
  if (bad.length)
    throw problem(400, 'bad-path', `Not definition files: ${bad.slice(0, 10).join(', ')}`, { paths: bad });
  return Object.fromEntries(entries) as DefinitionFiles;
}

export class DefinitionsAdmin {
  constructor(
    private readonly store: CaseStore,
    private readonly registry: SharedDefinitionRegistry,
  ) {}

  async published(version?: number) {
    const record = version
      ? await this.store.getDefinitionVersion(version)
      : await this.store.latestDefinitionVersion();
    if (!record)
      throw problem(
        404,
        'not-found',
        version ? `There is no definition version ${version}.` : 'No definitions have been published.',
      );
    return record;
  }

  validate(files: DefinitionFiles) {
    const { problems } = checkDefinitions(files, 'draft');
    return { valid: problems.length === 0, problems: problems.map(publicProblem) };
  }

  async scenarios(files: DefinitionFiles) {
    const { problems, compiled } = checkDefinitions(files, 'draft');
    if (!compiled) return { ran: false, passed: false, problems: problems.map(publicProblem), results: [] };
    const results = await runAllScenarios(compiled);
    return { ran: true, problems: [], passed: results.every((r) => r.passed), results };
  }

  async diff(files: DefinitionFiles, againstVersion?: number) {
    const base = await this.published(againstVersion);
    const paths = [...new Set([...Object.keys(base.files), ...Object.keys(files)])].sort();
    const changes = paths
      .filter((path) => base.files[path] !== files[path])
      .map((path) => ({
        file: path,
        status: base.files[path] === undefined ? 'added' : files[path] === undefined ? 'removed' : 'changed',
        diff: createTwoFilesPatch(
          `a/${path}`,
          `b/${path}`,
          base.files[path] ?? '',
          files[path] ?? '',
          `version ${base.version}`,
          'draft',
        ),
      }));
    return { against: base.version, changes };
  }

  async publish(files: DefinitionFiles, by: string, note?: string) {
    const version = await this.registry.publish(files, by, note);
    return { version };
  }

  /** Moves in-flight cases onto a version (the current one by default); `dryRun` only says which could move. */
  async migrate(
    by: { id: string; role: string },
    options: { toVersion?: number; caseIds?: string[]; dryRun?: boolean },
  ) {
    const toVersion = options.toVersion ?? (await this.published()).version;
    await this.published(toVersion);
    return migrateCases(this.store, this.registry, by, toVersion, {
      ...(options.caseIds ? { caseIds: options.caseIds } : {}),
      dryRun: options.dryRun === true,
    });
  }
}
