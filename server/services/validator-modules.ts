// Browser validators: the form's served schema compiled by ajv into a standalone ES module (no eval, so it runs under
// the CSP), cached per definition version, form and clearance.
import { type JsonObject, standaloneValidatorModule } from '../../engine/index.js';

const cache = new Map<string, string>();

export function validatorModuleFor(key: string, schema: JsonObject): string {
  const cached = cache.get(key);
  if (cached) return cached;
  const code = standaloneValidatorModule(schema);
  if (cache.size > 500) cache.clear();
  cache.set(key, code);
  return code;
}
