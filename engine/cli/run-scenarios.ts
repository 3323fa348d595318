// npm run scenarios [-- DIR]: runs every walk-through and ends with "N passed, M failed".
import { checkDefinitions } from '../definitions/check.js';
import { formatProblem } from '../definitions/problems.js';
import { readDefinitionFiles } from '../definitions/read-files.js';
import { runAllScenarios } from '../scenarios/run-scenario.js';

const dir = (process.argv[2] ?? 'definitions').replace(/\/+$/, '');
const { problems, compiled } = checkDefinitions(await readDefinitionFiles(dir), dir);
if (!compiled) {
  for (const problem of problems) console.log(formatProblem(problem));
  console.log(`0 passed, ${problems.length} failed`);
  process.exit(1);
}
const outcomes = await runAllScenarios(compiled);
for (const outcome of outcomes) {
  console.log(`${outcome.passed ? '✓' : '✗'} ${outcome.id}: ${outcome.title}`);
  for (const failure of outcome.failures) console.log(`    ${failure}`);
}
const failed = outcomes.filter((o) => !o.passed).length;
console.log(`${outcomes.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
