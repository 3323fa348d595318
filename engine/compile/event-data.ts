// What an event may carry (meta.events.<type>.data), checked by the forms' rules (strict JSON Schema 2020-12, formats,
// the x- keywords) before its details reach the event log.
import type { ValidateFunction } from 'ajv';
import { createFormAjv, type Ajv2020 } from '../forms/ajv.js';
import type { JsonObject } from '../definitions/types.js';

/**
 * One pathway's event data checks, part of its compiled definitions. A schema is compiled the first time an event of
 * its type is sent, not at load: compiling the protocol's 24 at load took 185–290 ms, most of the 500 ms cold-start
 * budget, for checks a running server may never need. ajv keeps what it compiled: its `compile` returns the same
 * function for the same schema object, so nothing is compiled twice.
 */
export class EventDataChecks {
  #ajv: Ajv2020 | undefined;

  constructor(private readonly events: Record<string, { data?: JsonObject } | undefined>) {}

  /** The check for the data of `type`, or undefined when the event declares none (and so takes none). */
  validator(type: string): ValidateFunction | undefined {
    const schema = Object.hasOwn(this.events, type) ? this.events[type]?.data : undefined;
    if (!schema) return undefined;
    // Strict, as the definitions' checks made sure each compiles so.
    this.#ajv ??= createFormAjv();
    return this.#ajv.compile(schema);
  }
}
