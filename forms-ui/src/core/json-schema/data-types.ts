// What counts as each JSON Schema type, as ajv counts it (strictNumbers: Infinity and NaN are no number); used by
// `type` and by formats, which check only data of their own type.
import { isNode } from './resources.js';

export function typeMatches(type: unknown, data: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(data);
    case 'number':
      return typeof data === 'number' && Number.isFinite(data);
    case 'null':
      return data === null;
    case 'array':
      return Array.isArray(data);
    case 'object':
      return isNode(data);
    default:
      return typeof data === type;
  }
}
