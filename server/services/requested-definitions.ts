// Which published version of the definitions a request reads: `?version=N` (a case stays on the version it started
// with, so its screens ask for that one), or the current version when none is named.
import type { CompiledDefinitions } from '../../engine/index.js';
import { problem } from '../http-problems.js';
import type { Services } from './index.js';

export async function requestedDefinitions(
  services: Services,
  query: Record<string, unknown>,
): Promise<{ version: number; defs: CompiledDefinitions }> {
  const raw = query.version;
  if (raw === undefined) return services.registry.current();
  if (typeof raw !== 'string' || !/^[1-9]\d{0,8}$/.test(raw)) {
    throw problem(400, 'bad-request', 'version must be the number of a published version of the definitions.');
  }
  const version = Number(raw);
  const { version: latest } = await services.registry.current();
  if (version > latest)
    throw problem(404, 'not-found', `There is no version ${version} of the definitions; the latest is ${latest}.`);
  return { version, defs: await services.registry.get(version) };
}
