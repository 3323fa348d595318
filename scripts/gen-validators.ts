// npm run gen:validators: writes the meta-schema validators as ajv standalone code (engine/definitions/generated/).
import { writeFile } from 'node:fs/promises';
import { META_VALIDATORS_FILE, metaValidatorsModule } from '../engine/definitions/meta-validators-source.js';

await writeFile(META_VALIDATORS_FILE, metaValidatorsModule());
console.log(`wrote ${META_VALIDATORS_FILE}`);
