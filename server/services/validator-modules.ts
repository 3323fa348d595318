// Browser validators: the form's served schema compiled by ajv into a standalone ES module (no eval, so it runs under
// the CSP), kept per definition version, form and clearance.
import { LRUCache } from 'lru-cache';
import { type JsonObject, standaloneValidatorModule } from '../../engine/index.js';

export class ValidatorModules {
  /**
   * Worth it: compiling a module took 27 ms for the median form of the protocol (53 ms for the largest) against 3 µs
   * kept (side by side, median of 7 rounds), and every browser opening a form asks for one. A version's form never
   * changes, so a kept module is never stale; the least recently asked for go first.
   */
  private readonly modules: LRUCache<string, string>;

  constructor(max = 500) {
    this.modules = new LRUCache({ max });
  }

  /** `key` names the schema: the same key always comes with the same schema (a version's form never changes). */
  moduleFor(key: string, schema: JsonObject): string {
    let code = this.modules.get(key);
    if (code === undefined) {
      code = standaloneValidatorModule(schema);
      this.modules.set(key, code);
    }
    return code;
  }
}
