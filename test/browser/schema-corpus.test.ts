// Issue 23: every schema of the corpus (test/fixtures/schema-corpus: each JSON Schema keyword alone and in the
// combinations portals bring) renders in Chromium from the schema alone — no validator — with no page error, shows
// each valid datum, is axe clean with its errors on screen, links every error to a control, and validate() gives
// ajv's verdict on every datum.
import { describe, expect, it } from 'vitest';
import { ajvValidator, loadCorpus, type CorpusDatum } from '../fixtures/schema-corpus.js';
import { ensureBuilt } from './support/build.js';
import { SchemaPage } from './support/schema-page.js';
import { useBrowserSession } from './support/session.js';

await ensureBuilt();
const corpus = loadCorpus();
const session = useBrowserSession();

/** What a datum shows: its given `shows`, else its strings and numbers, and yes/no for its booleans. */
function expectedTexts({ data, shows }: CorpusDatum): string[] {
  if (shows) return shows;
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
    else if (typeof v === 'boolean') out.push(v ? 'Yes' : 'No');
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(data);
  return out;
}

describe('<dao-form> with the JSON Schema corpus', () => {
  it.each(corpus.map((e) => [e.name, e] as const))('%s', async (_name, entry) => {
    const form = await SchemaPage.open(session.browser, session.server);
    const ajv = ajvValidator(entry.schema);
    try {
      for (const datum of entry.valid) {
        await form.show(entry.schema, datum.data);
        const shown = await form.shown();
        for (const text of expectedTexts(datum))
          expect(shown.texts, `${JSON.stringify(datum.data)} shows ${text}`).toContain(text);
        const result = await form.validate();
        expect(ajv(datum.data)).toBe(true);
        expect(result.valid, JSON.stringify(result.errors)).toBe(true);
        expect(result.data).toEqual(datum.data);
      }
      for (const datum of entry.invalid) {
        await form.show(entry.schema, datum.data);
        const result = await form.validate();
        expect(result.valid, `${JSON.stringify(datum.data)} as submitted: ${JSON.stringify(result.data)}`).toBe(
          ajv(datum.data),
        );
        expect(ajv(result.data)).toBe(false);
        const targets = await form.summaryTargets();
        expect(targets.length).toBeGreaterThan(0);
        expect(targets, JSON.stringify(result.errors)).not.toContain(null);
      }
      expect(await form.axe()).toEqual([]);
      expect(form.problems).toEqual([]);
    } finally {
      await form.close();
    }
  });
});
