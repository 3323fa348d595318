// <yaml-editor>: a CodeMirror 6 editor for one definition file, with the engine's problems shown inline at their line
// and column (underlined, with a gutter mark and the message on hover). Tab is left to move focus on (no keyboard
// trap); indentation is typed with spaces, as YAML needs. Lines wrap, and the editor scrolls on its own within most of
// the window's height, so a long file (a pathway is hundreds of lines) leaves its problems, preview and checks in
// reach; moving the cursor by keyboard scrolls it.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { html, type PropertyValues } from 'lit';
import { LightElement } from '../core/light-element.js';

export interface EditorProblem {
  line: number;
  col: number;
  message: string;
}

/** Colours that keep 4.5:1 contrast on white (WCAG 1.4.3). */
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: '#0b0c0c', fontWeight: 'bold' },
  { tag: [tags.string, tags.special(tags.string)], color: '#005a30' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: '#1d4f91' },
  { tag: tags.comment, color: '#505a5f', fontStyle: 'italic' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: '#383f43' },
  { tag: [tags.keyword, tags.definition(tags.name), tags.labelName, tags.typeName], color: '#6f1d46' },
]);

const theme = EditorView.theme({
  '&': { border: '2px solid #0b0c0c', backgroundColor: '#fff', fontSize: '16px', maxHeight: '70vh' },
  '.cm-scroller': { overflow: 'auto' },
  '&.cm-focused': { outline: '3px solid #ffdd00', outlineOffset: '0' },
  '.cm-content': { fontFamily: 'monospace', caretColor: '#0b0c0c' },
  '.cm-gutters': { backgroundColor: '#f3f2f1', color: '#505a5f', borderRight: '1px solid #b1b4b6' },
  '.cm-activeLine': { backgroundColor: '#f8f8f8' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy #d4351c',
    textDecorationSkipInk: 'none',
    textUnderlineOffset: '3px',
  },
});

/** The position of a 1-based line and column in a document, clamped to the document. */
export function positionOf(doc: Text, line: number, col: number): number {
  const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(target.from + Math.max(col - 1, 0), target.to);
}

function diagnostics(doc: Text, problems: EditorProblem[]): Diagnostic[] {
  return problems.map((p) => {
    const from = positionOf(doc, p.line, p.col);
    const lineEnd = doc.lineAt(from).to;
    return { from, to: Math.max(from, from === lineEnd ? from : lineEnd), severity: 'error', message: p.message };
  });
}

/**
 * ```html
 * <yaml-editor .value=${text} .problems=${[{ line: 3, col: 5, message: '…' }]} label="settings.yaml"></yaml-editor>
 * ```
 * Properties: `value` (the text; setting it replaces the document), `problems` (shown inline), `label` (accessible
 * name). Events: `yaml-change` {value} on every edit. Methods: `focusAt(line, col)`.
 */
export class YamlEditor extends LightElement {
  static override properties = { value: { attribute: false }, problems: { attribute: false }, label: {} };

  declare value: string;
  declare problems: EditorProblem[];
  declare label: string;
  #view: EditorView | undefined;

  constructor() {
    super();
    this.value = '';
    this.problems = [];
    this.label = 'YAML';
  }

  protected override render(): unknown {
    return html`<div class="yaml-editor__host"></div>`;
  }

  protected override firstUpdated(): void {
    this.#create();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.#view) this.#create();
  }

  #create(): void {
    const parent = this.querySelector<HTMLElement>('.yaml-editor__host')!;
    this.#view = new EditorView({
      parent,
      state: EditorState.create({
        doc: this.value,
        extensions: [
          lineNumbers(),
          history(),
          highlightActiveLine(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          yaml(),
          syntaxHighlighting(highlight),
          lintGutter(),
          EditorView.lineWrapping,
          theme,
          // tabindex says what the editable area already is — focusable — to checkers of the scrolling area
          // around it.
          EditorView.contentAttributes.of({
            'aria-label': this.label,
            spellcheck: 'false',
            autocapitalize: 'off',
            tabindex: '0',
          }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            this.value = update.state.doc.toString();
            this.emit('yaml-change', { value: this.value });
          }),
        ],
      }),
    });
    this.#showProblems();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const view = this.#view;
    if (!view) return;
    if (changed.has('value') && view.state.doc.toString() !== this.value) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: this.value } });
    }
    if (changed.has('problems') || changed.has('value')) this.#showProblems();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#view?.destroy();
    this.#view = undefined;
  }

  #showProblems(): void {
    const view = this.#view;
    if (view) view.dispatch(setDiagnostics(view.state, diagnostics(view.state.doc, this.problems)));
  }

  /** Puts the cursor at a 1-based line and column and focuses the editor. */
  focusAt(line: number, col: number): void {
    const view = this.#view;
    if (!view) return;
    const pos = positionOf(view.state.doc, line, col);
    view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    view.focus();
  }
}

if (!customElements.get('yaml-editor')) customElements.define('yaml-editor', YamlEditor);
