// Issue 20: every form of definitions/forms printed as HTML and as PDF (the PDF's text read back) shows the questions'
// own titles, choices by their titles and dates in words — no raw key, no ISO date — and every sign-off record; a
// reader not cleared for confidential information finds the confidential parts in neither.
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { checkDefinitions, type CompiledDefinitions } from '../../engine/definitions/check.js';
import type { JsonObject } from '../../engine/definitions/types.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { pruneAnswers, schemaWithoutConfidential } from '../../server/services/confidential-schema.js';
import {
  buildPrintModel,
  signOffLine,
  type PrintInput,
  type PrintSignOff,
} from '../../server/services/print/print-model.js';
import { renderPrintPdf } from '../../server/services/print/print-pdf.js';
import { renderPrintHtml } from '../../server/services/print-view.js';
import { sampleAnswers } from './sample-answers.js';

const defs: CompiledDefinitions = checkDefinitions(await readDefinitionFiles('definitions')).compiled!;
const forms = [...defs.forms.keys()].sort();

const SIGN_OFFS: PrintSignOff[] = [
  {
    label: 'Submitted for audit',
    name: 'Priya Shah',
    role: 'Domestic Abuse Officer (Probation Service Officer)',
    at: '16 February 2026 at 10:15am',
    final: false,
  },
  {
    label: 'Audit passed',
    name: 'Morgan Ellis',
    role: 'Team Manager (Senior Domestic Abuse Officer)',
    at: '17 February 2026 at 2:40pm',
    final: false,
  },
  {
    label: 'Countersigned',
    name: 'Morgan Ellis',
    role: 'Team Manager (Senior Domestic Abuse Officer)',
    at: '18 February 2026 at 9:05am',
    final: true,
  },
];

async function pdfTextOf(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return oneLine(text);
}

function htmlTextOf(html: string): string {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<title>[\s\S]*?<\/title>/, '');
  return oneLine(
    body.replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))),
  );
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The schema's own words: titles, descriptions, help and content, where a key may legitimately appear as a word. */
function humanWords(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => humanWords(s, out));
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (['title', 'description', 'x-help', 'x-hint', 'x-content', 'x-note'].includes(key)) {
        for (const text of Array.isArray(value) ? value : [value])
          for (const word of String(text).split(/[^\w-]+/)) out.add(word);
      } else humanWords(value, out);
    }
  }
  return out;
}

/** Property names and choice values of a form that its own words never use: shown, they would be raw keys. */
function rawKeys(schema: JsonObject): string[] {
  // The test's own sign-off records are words too ("Audit passed").
  const words = humanWords([schema, SIGN_OFFS.map((s) => ({ title: signOffLine(s) }))]);
  const keys = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as JsonObject;
    for (const key of Object.keys((n.properties ?? {}) as object)) keys.add(key);
    if (typeof n.const === 'string') keys.add(n.const);
    if (Array.isArray(n.enum)) n.enum.forEach((v) => typeof v === 'string' && keys.add(v));
    Object.values(n).forEach(visit);
  };
  visit(schema);
  return [...keys].filter((k) => k.length > 2 && !/^\d+$/.test(k) && !words.has(k));
}

function containsWord(text: string, word: string): boolean {
  return new RegExp(`(?<![\\w-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text);
}

function inputFor(form: string, cleared: boolean): PrintInput {
  const schema = defs.forms.get(form)!.schema;
  const answers = sampleAnswers(schema);
  const signed = new Map(
    Object.entries((schema.properties ?? {}) as Record<string, JsonObject>)
      .filter(([, p]) => typeof p['x-signOff'] === 'string')
      .map(([key]) => [key, 'Morgan Ellis (Team Manager) on 18 February 2026 at 9:05am']),
  );
  const facts = [
    { label: 'Case reference', value: 'F92C0BCF' },
    { label: 'Person referred', value: 'Alex Taylor' },
    { label: 'Date of birth', value: '21 May 1989' },
  ];
  if (cleared) return { title: String(schema.title), schema, answers, facts, signOffs: SIGN_OFFS, signed };
  const redacted = schemaWithoutConfidential(schema);
  const pruned = (pruneAnswers(schema, [schema], answers, false).value ?? {}) as Record<string, unknown>;
  return {
    title: String(schema.title),
    schema: redacted,
    answers: pruned,
    facts,
    signOffs: SIGN_OFFS,
    signed,
    notices: ['Confidential information is not included.'],
  };
}

async function printed(form: string, cleared: boolean): Promise<{ html: string; pdf: string }> {
  const model = buildPrintModel(inputFor(form, cleared));
  return { html: htmlTextOf(renderPrintHtml(model)), pdf: await pdfTextOf(await renderPrintPdf(model)) };
}

/** Every answer a person typed into the confidential parts of a form (they are "Typed text N" texts). */
function confidentialTexts(schema: JsonObject): string[] {
  const all = sampleAnswers(schema);
  const pruned = pruneAnswers(schema, [schema], all, false).value;
  const texts = (value: unknown): string[] =>
    typeof value === 'string' && value.startsWith('Typed text')
      ? [value]
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(texts)
        : [];
  const kept = new Set(texts(pruned));
  return texts(all).filter((t) => !kept.has(t));
}

describe('Print views of every form', () => {
  it('should have the protocol forms to print', () => {
    expect(forms.length).toBeGreaterThan(20);
  });

  it.each(forms)(
    'should print %s as HTML and PDF with titles, worded dates and every sign-off record',
    async (form) => {
      const { html, pdf } = await printed(form, true);
      const schema = defs.forms.get(form)!.schema;
      for (const [kind, text] of [
        ['HTML', html],
        ['PDF', pdf],
      ] as const) {
        expect(text, kind).toContain(String(schema.title));
        expect(text.match(/\b\d{4}-\d{2}-\d{2}\b/g), `${kind}: ISO dates`).toBeNull();
        expect(
          rawKeys(schema).filter((key) => containsWord(text, key)),
          `${kind}: raw keys`,
        ).toEqual([]);
        for (const signOff of SIGN_OFFS) expect(text, `${kind}: ${signOff.label}`).toContain(signOffLine(signOff));
        // A question of the form, by its own title.
        const first = Object.values((schema.properties ?? {}) as Record<string, JsonObject>).find(
          (p) => typeof p.title === 'string',
        );
        if (first) expect(text, kind).toContain(oneLine(String(first.title)).slice(0, 40));
      }
      if (JSON.stringify(schema).includes('"format":"date"')) expect(html).toContain('12 August 1988');
    },
  );

  it.each(forms.filter((f) => JSON.stringify(defs.forms.get(f)!.schema).includes('"x-confidential":true')))(
    'should withhold the confidential parts of %s alike in HTML and PDF',
    async (form) => {
      const secrets = confidentialTexts(defs.forms.get(form)!.schema);
      const { html, pdf } = await printed(form, false);
      for (const secret of secrets) {
        expect(html).not.toContain(secret);
        expect(pdf).not.toContain(secret);
      }
      expect(html).toContain('Confidential information is not included.');
      expect(pdf).toContain('Confidential information is not included.');
    },
  );
});
