// A form or document as a PDF, drawn with pdfkit from the same print model as the HTML page, so what a reader sees on
// screen, on paper and in a PDF cannot differ. The standard PDF fonts need no font file; they hold the Windows-1252
// characters, so any other character is written as its nearest plain form.
import PDFDocument from 'pdfkit';
import { signOffLine, type PrintField, type PrintModel, type PrintValue } from './print-model.js';

const MARGIN = 56;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
/** The characters of Windows-1252 above Latin-1's printable range, which the standard fonts can draw. */
const WINDOWS_1252 = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const NEAREST: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '←': '<-',
  '✓': 'Yes',
  '✗': 'No',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u2212': '-',
};

export function pdfText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (code === 10 || (code >= 32 && code < 127) || (code >= 160 && code <= 255) || WINDOWS_1252.has(char))
      out += char;
    else out += NEAREST[char] ?? (char.normalize('NFD')[0]!.codePointAt(0)! < 127 ? char.normalize('NFD')[0] : '?');
  }
  return out;
}

class Writer {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private get width(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  heading(text: string, size: number): void {
    this.doc.moveDown(0.6).font(BOLD).fontSize(size).text(pdfText(text), MARGIN, undefined, { width: this.width });
    this.doc.moveDown(0.3);
  }

  line(text: string, indent: number, options: { bold?: boolean; size?: number } = {}): void {
    this.doc
      .font(options.bold ? BOLD : REGULAR)
      .fontSize(options.size ?? 10.5)
      .text(pdfText(text), MARGIN + indent, undefined, { width: this.width - indent });
  }

  labelled(label: string, value: string, indent: number): void {
    this.doc
      .font(BOLD)
      .fontSize(10.5)
      .text(`${pdfText(label)}: `, MARGIN + indent, undefined, { width: this.width - indent, continued: true })
      .font(REGULAR)
      .text(pdfText(value));
  }

  value(value: PrintValue, indent: number): void {
    switch (value.kind) {
      case 'text':
        this.line(value.text, indent);
        break;
      case 'list':
        value.items.forEach((item) => this.line(`• ${item}`, indent));
        break;
      case 'group':
        this.fields(value.fields, indent + 12);
        break;
      case 'table': {
        const labelled = value.rows.some((r) => r.label !== undefined);
        const columns = labelled ? value.columns.slice(1) : value.columns;
        value.rows.forEach((row, i) => {
          this.line(row.label ?? `${i + 1}.`, indent, { bold: true });
          row.cells.forEach((cell, c) => this.labelled(columns[c] ?? '', cell, indent + 12));
        });
        break;
      }
    }
  }

  fields(fields: PrintField[], indent = 0): void {
    for (const field of fields) {
      this.doc.moveDown(0.35);
      this.line(field.label, indent, { bold: true });
      this.value(field.value, indent);
    }
  }
}

/** Page numbers on every page, written once the whole document is laid out. */
function footers(doc: PDFKit.PDFDocument, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR)
      .fontSize(8)
      .text(pdfText(`${title} – page ${i + 1} of ${range.count}`), MARGIN, doc.page.height - MARGIN / 2 - 8, {
        width: doc.page.width - MARGIN * 2,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

export function renderPrintPdf(model: PrintModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: pdfText(model.title), Creator: 'DAO Pathways' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const write = new Writer(doc);
  write.line(model.title, 0, { bold: true, size: 18 });
  doc.moveDown(0.5);
  for (const fact of model.facts) write.labelled(fact.label, fact.value, 0);
  for (const notice of model.notices) {
    doc.moveDown(0.4);
    write.line(notice, 0, { bold: true });
  }
  write.heading('Answers', 14);
  write.fields(model.fields);
  write.heading('Sign-offs', 14);
  if (model.signOffs.length) model.signOffs.forEach((s) => write.line(`• ${signOffLine(s)}`, 0));
  else write.line('Not signed off yet.', 0);
  footers(doc, model.title);
  doc.end();
  return done;
}
