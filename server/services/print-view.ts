// A form or document as a printable HTML page, rendered from its print model (print/print-model.ts) — the same model
// the PDF is drawn from. Every text, from the definitions or from answers, is escaped; what the Redactor withheld is
// not in the model to print.
import { signOffLine, type PrintField, type PrintModel, type PrintValue } from './print/print-model.js';

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function text(value: string): string {
  return escapeHtml(value).replace(/\n/g, '<br>');
}

function renderValue(value: PrintValue): string {
  switch (value.kind) {
    case 'text':
      return text(value.text);
    case 'list':
      return `<ul>${value.items.map((item) => `<li>${text(item)}</li>`).join('')}</ul>`;
    case 'group':
      return renderFields(value.fields);
    case 'table': {
      // Roles kept explicit: below 40rem the cells stack under their column titles (WCAG 1.4.10), and a table drawn
      // as blocks would otherwise lose its semantics.
      const titles = value.columns.map((c) => `<th role="columnheader" scope="col">${text(c)}</th>`).join('');
      const head = `<thead role="rowgroup"><tr role="row">${titles}</tr></thead>`;
      const cellColumns = value.rows.some((r) => r.label !== undefined) ? value.columns.slice(1) : value.columns;
      const rows = value.rows.map((row) => {
        const label = row.label !== undefined ? `<th role="rowheader" scope="row">${text(row.label)}</th>` : '';
        const cells = row.cells
          .map((c, i) => `<td role="cell" data-label="${escapeHtml(cellColumns[i] ?? '')}">${text(c)}</td>`)
          .join('');
        return `<tr role="row">${label}${cells}</tr>`;
      });
      return `<table role="table">${head}<tbody role="rowgroup">${rows.join('')}</tbody></table>`;
    }
  }
}

function renderFields(fields: PrintField[]): string {
  return `<dl>${fields.map((f) => `<dt>${text(f.label)}</dt><dd>${renderValue(f.value)}</dd>`).join('')}</dl>`;
}

const STYLE = [
  'body{font-family:Arial,sans-serif;margin:1rem;color:#0b0c0c;line-height:1.4;overflow-wrap:anywhere}',
  'main{max-width:50rem}',
  'h1{font-size:1.8rem;margin:0 0 1rem}h2{font-size:1.3rem;margin:1.5rem 0 .5rem}',
  'dt{font-weight:bold;margin-top:.75rem}dd{margin-left:0}dd dl{border-left:4px solid #b1b4b6;padding-left:.75rem}',
  '.facts{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.25rem 1rem}.facts dt{margin:0}',
  'table{border-collapse:collapse;margin:.5rem 0}',
  'th,td{border-bottom:1px solid #b1b4b6;padding:.25rem .5rem .25rem 0;text-align:left;vertical-align:top}',
  '.notice{border-left:5px solid #0b0c0c;padding-left:.75rem}',
  '@media screen and (max-width:40rem){table,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-9999px}',
  'tr{border-bottom:1px solid #b1b4b6;padding:.25rem 0}th,td{border:0;padding:.1rem 0}',
  'td[data-label]::before{content:attr(data-label) ": ";font-weight:bold}}',
  '@media print{body{margin:0}}',
].join('');

export function renderPrintHtml(model: PrintModel): string {
  const facts = model.facts.length
    ? `<dl class="facts">${model.facts.map((f) => `<dt>${text(f.label)}</dt><dd>${text(f.value)}</dd>`).join('')}</dl>`
    : '';
  const notices = model.notices.map((n) => `<p class="notice">${text(n)}</p>`).join('');
  const records = model.signOffs.map((s) => `<li>${text(signOffLine(s))}</li>`).join('');
  const signOffs = model.signOffs.length
    ? `<h2>Sign-offs</h2><ul class="sign-offs">${records}</ul>`
    : '<h2>Sign-offs</h2><p>Not signed off yet.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(model.title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${text(model.title)}</h1>
${facts}
${notices}
<h2>Answers</h2>
${renderFields(model.fields)}
${signOffs}
</main></body></html>
`;
}
