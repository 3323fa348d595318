// Quick check used while authoring forms: parse each YAML form, compile it with ajv 2020 (x- keywords allowed),
// and report unknown x-widget values. The full lint is `npm run check:definitions`.
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
const widgets = new Set([
  'text',
  'textarea',
  'date',
  'number',
  'radios',
  'checkboxes',
  'yesno',
  'scale',
  'section',
  'frequency-grid',
  'yesno-help-table',
  'risk-matrix',
  'table',
  'signature',
]);
const dir = process.argv[2] ?? 'definitions/forms';
let bad = 0;
for (const f of readdirSync(dir)
  .filter((n) => n.endsWith('.yaml'))
  .sort()) {
  try {
    const doc = parse(readFileSync(`${dir}/${f}`, 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.compile(doc);
    if (doc.$id !== f.replace(/\.yaml$/, '')) throw new Error(`$id ${doc.$id} should be ${f.replace(/\.yaml$/, '')}`);
    const walk = (n, p) => {
      if (n && typeof n === 'object') {
        if (typeof n['x-widget'] === 'string' && !widgets.has(n['x-widget']))
          throw new Error(`unknown x-widget ${n['x-widget']} at ${p}`);
        for (const [k, v] of Object.entries(n)) walk(v, `${p}/${k}`);
      }
    };
    walk(doc, '');
    console.log(`ok   ${f}`);
  } catch (e) {
    bad++;
    console.log(`FAIL ${f}: ${e.message}`);
  }
}
process.exit(bad ? 1 : 0);
