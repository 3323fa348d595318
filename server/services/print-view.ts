// A document as a printable HTML page. Every text, from the definitions or from answers, is escaped; what the
// Redactor withheld is not there to print.
import type { JsonObject } from '../../engine/definitions/types.js';
import { resolve as resolveRef } from '../../engine/forms/confidential-schema.js';
import type { DocumentBody } from './documents.js';

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function renderValue(root: JsonObject, schema: JsonObject, value: unknown): string {
  if (value === undefined || value === null || value === '') return '<span class="empty">Not answered</span>';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return `<ul>${value.map((v) => `<li>${renderValue(root, resolveRef(root, (schema.items ?? {}) as JsonObject), v)}</li>`).join('')}</ul>`;
  if (typeof value === 'object') return renderFields(root, schema, value as Record<string, unknown>);
  return escapeHtml(value).replace(/\n/g, '<br>');
}

function renderFields(root: JsonObject, schema: JsonObject, answers: Record<string, unknown>): string {
  const props = (resolveRef(root, schema).properties ?? {}) as Record<string, JsonObject>;
  const keys = [...Object.keys(props), ...Object.keys(answers).filter((k) => !(k in props))];
  const rows = keys
    .filter((k) => k in answers)
    .map((k) => {
      const field = resolveRef(root, props[k] ?? {});
      return `<dt>${escapeHtml(field.title ?? k)}</dt><dd>${renderValue(root, field, answers[k])}</dd>`;
    });
  return `<dl>${rows.join('')}</dl>`;
}

const STYLE = 'body{font-family:Arial,sans-serif;margin:2rem;color:#0b0c0c}dt{font-weight:bold;margin-top:.75rem}dd{margin-left:0}.empty{color:#505a5f}@media print{.no-print{display:none}}';

/** The case by the person it is about (and its case number) where the pathway names them, else by its stage. */
function caseHeading(doc: DocumentBody): string {
  const name = doc.person?.name;
  if (!name) return doc.caseTitle;
  const number = doc.caseNumber?.value;
  return `${name}${number ? ` (${doc.caseNumber?.title ?? 'case number'} ${number})` : ''}`;
}

export function renderPrintView(doc: DocumentBody, audienceTitle?: string): string {
  const answers = doc.answers ? renderFields(doc.schema, doc.schema, doc.answers) : '<p>Nothing has been written yet.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.formTitle)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(doc.formTitle)}</h1>
<p>Case: ${escapeHtml(caseHeading(doc))} · Status: ${escapeHtml(doc.title)}${audienceTitle ? ` · Prepared for: ${escapeHtml(audienceTitle)}` : ''}</p>
${answers}
<p>Submitted by ${escapeHtml(doc.submittedByName ?? '—')} ${doc.submittedAt ? `on ${escapeHtml(doc.submittedAt.slice(0, 10))}` : ''}</p>
</main></body></html>
`;
}
