// The browser's JSON Logic interpreter, with the signature of engine/expressions/logic.ts `evaluateLogic`.
// json-logic-engine, used on the server, also carries a compiler built on `new Function`; json-logic-js is a plain
// interpreter, so the bundle stays free of eval and runs under a strict Content-Security-Policy. The build swaps
// this module in for engine/expressions/logic.ts (scripts/build-forms-ui.ts); test/forms-ui checks both agree on
// every x-compute expression of the protocol.
import jsonLogic from 'json-logic-js';

export function evaluateLogic(expression: unknown, data: unknown): unknown {
  return jsonLogic.apply(expression as never, data as never);
}
