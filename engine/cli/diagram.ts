// npm run diagram -- PATHWAY_ID [DIR]: prints the pathway as a Mermaid state diagram.
import { loadDefinitions } from '../definitions/load.js';
import { readDefinitionFiles } from '../definitions/read-files.js';
import { pathwayToMermaid } from '../diagram/mermaid.js';

const [id, dir = 'definitions'] = process.argv.slice(2);
const { set } = loadDefinitions(await readDefinitionFiles(dir), dir);
const pathway = id ? set.pathways.get(id) : undefined;
if (!pathway) {
  console.error(`Usage: npm run diagram -- PATHWAY_ID. Pathways: ${[...set.pathways.keys()].join(', ') || 'none'}`);
  process.exit(1);
}
console.log(pathwayToMermaid(pathway.data));
