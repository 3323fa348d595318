// <definitions-page>: the team manager's definition editor. Browse the published files, edit one in a YAML editor
// (which scrolls on its own) with the engine's problems shown inline as you type, see beside it the pathway drawn as a
// picture or the form, redrawn from the draft,
// run the scenarios against the draft, compare it with the published version, and publish it as a new version.
// Loaded on demand (it brings the code editor).
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { parse } from 'yaml';
import '../components/migrate-cases.js';
import type { AppContext } from '../core/context.js';
import { parseDiagram, type Diagram, type DiagramWording } from '../core/diagram-model.js';
import { pathwayToMermaid } from '../../../../engine/diagram/mermaid.js';
import { countOf, formatDateTime } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import { navigate } from '../core/router.js';
import { banner, errorSummary, loaded, problemText, tag } from '../core/templates.js';
import { LoadController } from '../controllers/load-controller.js';
import type { JsonObject } from '../../../../engine/definitions/types.js';
import type { Schema } from '../../core/schema.js';
import type { YamlEditor } from '../components/yaml-editor.js';
import '../components/pathway-graph.js';
import '../components/yaml-editor.js';
import '../../dao-form.js';

interface Published {
  version: number;
  publishedBy: string;
  publishedAt: string;
  note: string | null;
  files: Record<string, string>;
}

interface FileProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

interface ScenarioRun {
  ran: boolean;
  passed: boolean;
  problems: FileProblem[];
  results: { id: string; title: string; passed: boolean; failures: string[] }[];
}

interface Comparison {
  against: number;
  changes: { file: string; status: 'added' | 'removed' | 'changed'; diff: string }[];
}

type Preview =
  | { kind: 'diagram'; text: string; wording: DiagramWording; diagram: Diagram; title: string }
  | { kind: 'form'; schema: Schema }
  | { kind: 'none'; reason: string };

const GROUPS: [label: string, test: (path: string) => boolean][] = [
  ['Settings and roles', (p) => !p.includes('/')],
  ['Pathways', (p) => p.startsWith('pathways/')],
  ['Forms', (p) => p.startsWith('forms/')],
  ['Scenarios', (p) => p.startsWith('scenarios/')],
];
const CHECK_DELAY = 500;
const STORAGE_KEY = 'dao-pathways-definitions-draft';

/** Properties: `context`, `file` (the path being edited, from the address). */
export class DefinitionsPage extends LightElement {
  static override properties = {
    context: { attribute: false },
    file: {},
    draft: { state: true },
    problems: { state: true },
    checking: { state: true },
    preview: { state: true },
    scenarios: { state: true },
    comparison: { state: true },
    busy: { state: true },
    message: { state: true },
    error: { state: true },
  };

  declare context: AppContext;
  declare file: string;
  declare draft: Record<string, string>;
  declare problems: FileProblem[];
  declare checking: boolean;
  declare preview: Preview | undefined;
  declare scenarios: ScenarioRun | undefined;
  declare comparison: Comparison | undefined;
  declare busy: string | undefined;
  declare message: string | undefined;
  declare error: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #checkRun = 0;
  #previewFor: string | undefined;

  readonly #load = new LoadController<Published>(
    this,
    () => this.#fetch(),
    () => (this.context ? '' : undefined),
  );

  constructor() {
    super();
    this.file = '';
    this.draft = {};
    this.problems = [];
    this.checking = false;
  }

  async #fetch(): Promise<Published> {
    const published = await this.context.api.get<Published>('api/definitions');
    this.draft = { ...published.files, ...this.#stored(published.version) };
    this.#scheduleCheck(0);
    return published;
  }

  /** Edits kept in this browser tab, so moving to another screen and back does not lose them. */
  #stored(version: number): Record<string, string> {
    try {
      const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as {
        version: number;
        files: Record<string, string>;
      } | null;
      return stored?.version === version ? stored.files : {};
    } catch {
      return {};
    }
  }

  #store(): void {
    const published = this.#load.value;
    if (!published) return;
    const changed = Object.fromEntries(
      Object.entries(this.draft).filter(([path, text]) => published.files[path] !== text),
    );
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ version: published.version, files: changed }));
  }

  get #current(): string {
    const files = Object.keys(this.draft);
    return files.includes(this.file) ? this.file : (files.find((f) => f === 'settings.yaml') ?? files[0] ?? '');
  }

  #changedFiles(): string[] {
    const published = this.#load.value?.files ?? {};
    return Object.keys(this.draft).filter((path) => published[path] !== this.draft[path]);
  }

  #edit(value: string): void {
    this.draft = { ...this.draft, [this.#current]: value };
    this.scenarios = undefined;
    this.comparison = undefined;
    this.message = undefined;
    this.#store();
    this.#scheduleCheck(CHECK_DELAY);
  }

  #scheduleCheck(delay: number): void {
    clearTimeout(this.#timer);
    this.checking = true;
    this.#timer = setTimeout(() => void this.#check(), delay);
  }

  async #check(): Promise<void> {
    const run = ++this.#checkRun;
    this.#updatePreview();
    try {
      const { problems } = await this.context.api.post<{ problems: FileProblem[] }>('api/definitions/validate', {
        files: this.draft,
      });
      if (run !== this.#checkRun) return;
      this.problems = problems;
      this.error = undefined;
    } catch (error) {
      if (run === this.#checkRun) this.error = problemText(error);
    } finally {
      if (run === this.#checkRun) this.checking = false;
    }
  }

  #updatePreview(): void {
    const path = this.#current;
    const text = this.draft[path] ?? '';
    const key = `${path}\n${text}`;
    if (this.#previewFor === key) return;
    this.#previewFor = key;
    const isPathway = path.startsWith('pathways/');
    const isForm = path.startsWith('forms/');
    if (!isPathway && !isForm) {
      this.preview = {
        kind: 'none',
        reason: 'Settings, roles and scenarios have no preview: run the scenarios to try them.',
      };
      return;
    }
    try {
      const value = parse(text) as unknown;
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a mapping');
      this.preview = isPathway ? this.#diagramOf(value as JsonObject, path) : { kind: 'form', schema: value as Schema };
    } catch {
      this.preview = {
        kind: 'none',
        reason: 'The preview will show again once the file can be read: see the problems above.',
      };
    }
  }

  #diagramOf(config: JsonObject, path: string): Preview {
    const meta = (config.meta ?? {}) as JsonObject;
    const wording = { events: (meta.events ?? {}) as DiagramWording['events'] };
    const text = pathwayToMermaid(config);
    return { kind: 'diagram', text, wording, diagram: parseDiagram(text, wording), title: String(meta.title ?? path) };
  }

  async #run<T>(label: string, task: () => Promise<T>, done: (value: T) => void | Promise<void>): Promise<void> {
    this.busy = label;
    this.error = undefined;
    this.message = undefined;
    try {
      await done(await task());
    } catch (error) {
      const problems = (error as { problem?: { problems?: FileProblem[] } }).problem?.problems;
      if (problems) this.problems = problems;
      this.error = problemText(error);
    } finally {
      this.busy = undefined;
    }
    await this.updateComplete;
    this.querySelector<HTMLElement>(this.error ? '.error-summary' : `#${label}-result`)?.focus();
  }

  #runScenarios(): Promise<void> {
    return this.#run(
      'scenarios',
      () => this.context.api.post<ScenarioRun>('api/definitions/scenarios', { files: this.draft }),
      (run) => {
        this.scenarios = run;
        if (!run.ran) this.problems = run.problems;
      },
    );
  }

  #compare(): Promise<void> {
    return this.#run(
      'comparison',
      () => this.context.api.post<Comparison>('api/definitions/diff', { files: this.draft }),
      (c) => {
        this.comparison = c;
      },
    );
  }

  #publish(event: Event): Promise<void> {
    event.preventDefault();
    const note = (this.querySelector<HTMLTextAreaElement>('#publish-note')?.value ?? '').trim();
    return this.#run(
      'publish',
      () =>
        this.context.api.post<{ version: number }>('api/definitions/publish', {
          files: this.draft,
          ...(note ? { note } : {}),
        }),
      async ({ version }) => {
        sessionStorage.removeItem(STORAGE_KEY);
        this.scenarios = undefined;
        this.comparison = undefined;
        this.emit('app-definitions-published', { version });
        await this.#load.reload();
        this.message =
          `Version ${version} is published. New cases use it; ` +
          'cases already open stay on the version they started with until you move them (below).';
      },
    );
  }

  #discard(): void {
    sessionStorage.removeItem(STORAGE_KEY);
    this.draft = { ...(this.#load.value?.files ?? {}) };
    this.scenarios = undefined;
    this.comparison = undefined;
    this.#previewFor = undefined;
    this.#scheduleCheck(0);
  }

  #openFile(event: Event): void {
    event.preventDefault();
    const path = (this.querySelector<HTMLSelectElement>('#definition-file')?.value ?? '').trim();
    this.#previewFor = undefined;
    navigate(`#/definitions?file=${encodeURIComponent(path)}`);
  }

  protected override updated(): void {
    // Switching file (the address changed) redraws the preview at once.
    if (this.#load.value && !this.#previewFor?.startsWith(`${this.#current}\n`)) this.#updatePreview();
  }

  #fileChooser(published: Published): TemplateResult {
    const changed = new Set(this.#changedFiles());
    const counts = new Map<string, number>();
    for (const p of this.problems) counts.set(p.file, (counts.get(p.file) ?? 0) + 1);
    const label = (path: string) =>
      `${path}${changed.has(path) ? ' (changed)' : ''}${counts.get(path) ? ` (${countOf(counts.get(path)!, 'problem')})` : ''}`;
    const paths = Object.keys(this.draft).sort();
    return html`<form class="file-chooser" @submit=${(e: Event) => this.#openFile(e)}>
      <div class="form-group">
        <label class="label" for="definition-file">Definition file</label>
        <div class="hint" id="definition-file-hint">Published version ${published.version}, by ${published.publishedBy}
          on ${formatDateTime(published.publishedAt)}${published.note ? `: ${published.note}` : ''}</div>
        <select class="select" id="definition-file" aria-describedby="definition-file-hint">
          ${GROUPS.map(
            ([group, test]) =>
              html`<optgroup label=${group}>
                ${paths
                  .filter(test)
                  .map(
                    (path) => html`<option value=${path} ?selected=${path === this.#current}>${label(path)}</option>`,
                  )}
              </optgroup>`,
          )}
        </select>
      </div>
      <button class="button button--secondary" type="submit">Open file</button>
    </form>`;
  }

  #problemList(): TemplateResult {
    const here = this.problems.filter((p) => p.file === this.#current);
    const elsewhere = this.problems.filter((p) => p.file !== this.#current);
    const editor = () => this.querySelector<YamlEditor>('yaml-editor');
    const count = this.checking
      ? 'Checking…'
      : here.length
        ? `${countOf(here.length, 'problem')} in this file`
        : elsewhere.length
          ? 'No problems in this file'
          : 'No problems found';
    return html`<p class="body problem-count" role="status">${count}${!this.checking && elsewhere.length ? `; ${elsewhere.length} in other files` : ''}</p>
      ${
        here.length
          ? html`<ul class="problem-list">${here.map(
              (p) => html`<li class="problem-list__item">
            <button type="button" class="link-button" @click=${() => editor()?.focusAt(p.line, p.col)}
              >Line ${p.line}, column ${p.col}</button>: ${p.message}</li>`,
            )}</ul>`
          : nothing
      }
      ${
        elsewhere.length
          ? html`<details class="details"><summary class="details__summary"
              ><span class="details__summary-text">Problems in other files (${elsewhere.length})</span></summary>
            <div class="details__text"><ul class="problem-list">${elsewhere.map(
              (p) => html`<li class="problem-list__item">
              <a class="link" href="#/definitions?file=${encodeURIComponent(p.file)}">${p.file}:${p.line}:${p.col}</a>: ${p.message}</li>`,
            )}</ul></div></details>`
          : nothing
      }`;
  }

  #previewSection(): TemplateResult {
    const preview = this.preview;
    const heading =
      preview?.kind === 'diagram'
        ? 'Diagram of the draft'
        : preview?.kind === 'form'
          ? 'Preview of the draft form'
          : 'Preview';
    return html`<section class="definition-preview" aria-labelledby="preview-heading">
      <h2 class="heading-m" id="preview-heading">${heading}</h2>
      ${
        preview?.kind === 'diagram'
          ? html`<pathway-graph .text=${preview.text} .wording=${preview.wording} .diagram=${preview.diagram}
            caption=${preview.title}></pathway-graph>`
          : nothing
      }
      ${preview?.kind === 'form' ? html`<div class="form-preview"><dao-form .schema=${preview.schema} no-submit></dao-form></div>` : nothing}
      ${preview?.kind === 'none' || !preview ? html`<p class="body">${preview?.kind === 'none' ? preview.reason : ''}</p>` : nothing}
    </section>`;
  }

  #scenarioResults(): TemplateResult | typeof nothing {
    const run = this.scenarios;
    if (!run) return nothing;
    const passed = run.results.filter((r) => r.passed).length;
    const failed = run.results.filter((r) => !r.passed);
    return html`<div id="scenarios-result" tabindex="-1" class="result-panel">
      <h3 class="heading-s">Scenarios</h3>
      ${
        !run.ran
          ? html`<p class="body">
              ${tag('Not run', 'red')} The scenarios could not run: the draft has ${countOf(run.problems.length, 'problem')}.
            </p>`
          : html`<p class="body scenario-summary">${run.passed ? tag('Passed', 'green') : tag('Failed', 'red')}
              ${passed} of ${run.results.length} scenarios passed.</p>
            ${
              failed.length
                ? html`<ul class="list">${failed.map((r) => html`<li><strong>${r.title}</strong> (${r.id}): ${r.failures.join('; ')}</li>`)}</ul>`
                : nothing
            }`
      }
    </div>`;
  }

  #comparisonResult(): TemplateResult | typeof nothing {
    const c = this.comparison;
    if (!c) return nothing;
    return html`<div id="comparison-result" tabindex="-1" class="result-panel">
      <h3 class="heading-s">Changes from version ${c.against}</h3>
      ${
        c.changes.length
          ? c.changes.map(
              (change) =>
                html`<h4 class="heading-s">${change.file} (${change.status})</h4><pre class="diff">${change.diff}</pre>`,
            )
          : html`<p class="body">The draft is the same as version ${c.against}.</p>`
      }
    </div>`;
  }

  #checks(): TemplateResult {
    const busy = this.busy !== undefined;
    const changed = this.#changedFiles();
    return html`<section aria-labelledby="checks-heading">
      <h2 class="heading-m" id="checks-heading">Check and publish</h2>
      <p class="body">${
        changed.length
          ? `You have changed ${countOf(changed.length, 'file')}: ${changed.join(', ')}.`
          : 'You have not changed anything yet.'
      }</p>
      <div class="button-group">
        <button type="button" class="button button--secondary" ?disabled=${busy}
          @click=${() => void this.#runScenarios()}>${this.busy === 'scenarios' ? 'Running the scenarios…' : 'Run the scenarios'}</button>
        <button type="button" class="button button--secondary" ?disabled=${busy}
          @click=${() => void this.#compare()}>Compare with the published version</button>
        ${
          changed.length
            ? html`<button type="button" class="button button--warning" ?disabled=${busy}
              @click=${() => this.#discard()}>Discard your changes</button>`
            : nothing
        }
      </div>
      ${this.#scenarioResults()}
      ${this.#comparisonResult()}
      <form class="publish-form" @submit=${(e: Event) => void this.#publish(e)}>
        <div class="form-group">
          <label class="label" for="publish-note">Note about this version (optional)</label>
          <div class="hint" id="publish-note-hint">For example, what changed and why. Up to 500 characters.</div>
          <textarea class="textarea" id="publish-note" rows="3" maxlength="500" aria-describedby="publish-note-hint"></textarea>
        </div>
        <button class="button" type="submit" ?disabled=${busy || !changed.length}>Publish as a new version</button>
      </form>
    </section>`;
  }

  protected override render(): unknown {
    return html`<h1 class="heading-l" tabindex="-1">Definitions</h1>
      ${banner(this.message)}
      ${this.error ? errorSummary([{ text: this.error }]) : nothing}
      ${loaded(this.#load, (published) => {
        const path = this.#current;
        return html`${this.#fileChooser(published)}
          <div class="definition-workspace">
            <section class="definition-editor" aria-labelledby="editor-heading">
              <h2 class="heading-m" id="editor-heading">${path}</h2>
              ${keyed(
                path,
                html`<yaml-editor .value=${this.draft[path] ?? ''} label="Contents of ${path}"
                .problems=${this.problems.filter((p) => p.file === path)}
                @yaml-change=${(e: CustomEvent<{ value: string }>) => this.#edit(e.detail.value)}></yaml-editor>`,
              )}
              ${this.#problemList()}
            </section>
            ${this.#previewSection()}
          </div>
          ${this.#checks()}
          <migrate-cases .context=${this.context} .version=${published.version}></migrate-cases>`;
      })}`;
  }
}

if (!customElements.get('definitions-page')) customElements.define('definitions-page', DefinitionsPage);
