// npm run check:definitions [-- DIR]: validate and lint a definitions folder; exit 1 with every problem as file:line:col.
import { checkDefinitions } from '../definitions/check.js';
import { formatProblem } from '../definitions/problems.js';
import { readDefinitionFiles } from '../definitions/read-files.js';

const dir = (process.argv[2] ?? 'definitions').replace(/\/+$/, '');
const { set, problems } = checkDefinitions(await readDefinitionFiles(dir), dir);
if (problems.length > 0) {
  for (const problem of problems) console.log(formatProblem(problem));
  console.log(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}`);
  process.exit(1);
}
console.log(
  `${dir}: OK — ${set.pathways.size} pathways, ${set.forms.size} forms, ${Object.keys(set.roles?.data.roles ?? {}).length} ` +
    `roles, ${set.scenarios.size} scenarios`,
);
