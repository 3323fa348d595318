// <case-page>: one case as the person signed in sees it, in parts with their own addresses (#/cases/ID/PART): a
// summary, what to do now (the task checklist of each place the case is, the forms to fill, the actions allowed now),
// its forms, its documents, its history and where it is on the pathway. Everything named on it comes from the
// definitions.
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { AppContext } from '../core/context.js';
import { instanceForms } from '../core/catalogue.js';
import { caseTitle } from '../core/case-label.js';
import { dueText, formatDate, formatDateTime, personName } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import { href } from '../core/router.js';
import { banner, loaded, tag } from '../core/templates.js';
import type { CaseBody, Instance, Officer, PathwayBody } from '../core/types.js';
import { LoadController } from '../controllers/load-controller.js';
import type { ChecklistForm } from '../components/task-checklist.js';
import { documentForms, signOffList } from '../components/case-documents.js';
import { caseHeading } from './case-heading.js';
import { formsPart, historyPart } from './case-parts.js';
import '../components/case-actions.js';
import '../components/case-appointments.js';
import '../components/case-documents.js';
import '../components/case-form.js';
import '../components/case-history.js';
import '../components/task-checklist.js';
import '../components/submitted-form.js';

export interface Loaded {
  body: CaseBody;
  pathways: Map<string, PathwayBody>;
  formTitles: Map<string, string>;
  officers: Officer[];
}

export const PARTS: [id: string, label: string][] = [
  ['summary', 'Summary'],
  ['now', 'What to do now'],
  ['forms', 'Forms'],
  ['documents', 'Documents'],
  ['appointments', 'Appointments'],
  ['history', 'History'],
  ['where', 'Where the case is'],
];

/**
 * Properties: `context`, `caseId`, `casePart` (one of PARTS; "summary" when unknown).
 */
export class CasePage extends LightElement {
  static override properties = {
    context: { attribute: false },
    caseId: { attribute: false },
    casePart: { attribute: false },
    message: { state: true },
    openForms: { state: true },
    whereLoaded: { state: true },
  };

  declare context: AppContext;
  declare caseId: string;
  declare casePart: string;
  declare message: string | undefined;
  /** Forms whose details are open: a form is loaded (with its draft) only once someone opens it. */
  declare openForms: Set<string>;
  declare whereLoaded: boolean;

  readonly #load = new LoadController<Loaded>(
    this,
    () => this.#fetch(),
    () => (this.context && this.caseId ? this.caseId : undefined),
  );

  constructor() {
    super();
    this.openForms = new Set();
    this.casePart = 'summary';
    this.whereLoaded = false;
    this.addEventListener('case-updated', (event) => {
      const { case: body, message } = (event as CustomEvent<{ case: CaseBody; message: string }>).detail;
      void this.#refresh(body, message);
    });
    this.addEventListener('case-stale', () => void this.#load.reload());
    this.addEventListener(
      'open-form',
      (event) => void this.#openForm((event as CustomEvent<{ formId: string }>).detail.formId),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('caseId') && changed.get('caseId') !== undefined) {
      this.message = undefined;
      this.openForms = new Set();
    }
    if (changed.has('casePart') && changed.get('casePart') !== undefined) this.message = undefined;
  }

  protected override async updated(): Promise<void> {
    const label = PARTS.find(([id]) => id === this.#part)?.[1] ?? 'Case';
    // Who the case is about, once known: its id is no name for it.
    const body = this.#load.value?.body;
    document.title = `${label} – ${body ? caseTitle(body.identity, body.id) : 'Case'} – DAO Pathways`;
    // The picture of the pathway brings its layout library: loaded only for this part.
    if (this.#part === 'where' && !this.whereLoaded) {
      await import('../components/case-where.js');
      this.whereLoaded = true;
    }
  }

  get #part(): string {
    return PARTS.some(([id]) => id === this.casePart) ? this.casePart : 'summary';
  }

  async #fetch(body?: CaseBody): Promise<Loaded> {
    const { api, catalogue, user } = this.context;
    body ??= await api.get<CaseBody>(`api/cases/${encodeURIComponent(this.caseId)}`);
    const ids = [...new Set(body.instances.map((i) => i.pathway))];
    const pathways = new Map(
      await Promise.all(ids.map(async (id) => [id, await catalogue.pathway(id, body!.definitionVersion)] as const)),
    );
    // Titles of the forms shown: those this person fills now, those submitted and the documents' (all readable by
    // them).
    const mine = body.instances.flatMap((i) =>
      !i.done && i.actors.includes(user.role) && pathways.has(i.pathway)
        ? instanceForms(pathways.get(i.pathway)!, i)
        : [],
    );
    const own = body.documents.flatMap((d) => Object.keys(d.ownForms ?? {}));
    const formIds = [
      ...new Set([
        ...mine.filter((id) => body!.formsOpen.includes(id)),
        ...Object.keys(body.forms),
        ...body.documents.map((d) => d.form),
        ...own,
      ]),
    ];
    const formTitles = new Map(
      await Promise.all(
        formIds.map(
          async (id) =>
            [
              id,
              String((await catalogue.form(id, body!.definitionVersion).catch(() => ({ title: id }))).title ?? id),
            ] as const,
        ),
      ),
    );
    const officers = user.abilities.seesAllCases
      ? await api.get<{ officers: Officer[] }>('api/cases/allocation-queue').then(
          (q) => q.officers,
          () => [],
        )
      : [];
    return { body, pathways, formTitles, officers };
  }

  async #refresh(body: CaseBody, message: string): Promise<void> {
    this.#load.set(await this.#fetch(body));
    this.message = message;
    await this.updateComplete;
    this.querySelector<HTMLElement>('.notification-banner')?.focus();
  }

  async #openForm(formId: string): Promise<void> {
    const details = this.querySelector<HTMLDetailsElement>(`#case-form-${CSS.escape(formId)}`);
    if (!details) return;
    details.open = true;
    this.openForms = new Set([...this.openForms, formId]);
    await this.updateComplete;
    details.querySelector<HTMLElement>('summary')?.focus();
    details.scrollIntoView({ block: 'start' });
  }

  /** The forms this person fills in now, by instance: those its current states list, where it is their turn. */
  myForms(data: Loaded, instance: Instance): ChecklistForm[] {
    const { body, pathways, formTitles } = data;
    const pathway = pathways.get(instance.pathway);
    if (!pathway || instance.done || !instance.actors.includes(this.context.user.role)) return [];
    // A form a document keeps for itself is filled on the document (Documents).
    const own = new Set(pathway.meta.instanceForms ?? []);
    return instanceForms(pathway, instance)
      .filter((id) => body.formsOpen.includes(id) && !own.has(id))
      .map((id) => ({ id, title: formTitles.get(id) ?? id, submitted: Boolean(body.forms[id]) }));
  }

  #instanceHeading(data: Loaded, instance: Instance): string {
    if (instance.kind === 'case') return instance.title;
    if (instance.kind === 'document')
      return `${data.formTitles.get(instance.form ?? '') ?? instance.form}: ${instance.title}`;
    return `${data.pathways.get(instance.pathway)?.meta.title ?? instance.pathway}: ${instance.title}`;
  }

  #objective(data: Loaded, instance: Instance): unknown {
    const pathway = data.pathways.get(instance.pathway);
    const leaf = instance.state.split(', ')[0]?.split('.') ?? [];
    for (let i = leaf.length; i > 0; i--) {
      const meta = pathway?.states.find((s) => s.path === leaf.slice(0, i).join('.'))?.meta;
      if (typeof meta?.objective === 'string') return html`<p class="body">Objective: ${meta.objective}</p>`;
    }
    return nothing;
  }

  #notices(body: CaseBody): TemplateResult | typeof nothing {
    const notices = body.notifications
      .filter((n) => n.roles.includes(this.context.user.role))
      .slice(-3)
      .reverse();
    if (!notices.length) return nothing;
    return html`<div class="inset-text">
      <h3 class="heading-s">Latest notifications for you</h3>
      <ul class="list">
        ${notices.map((n) => html`<li>${n.message} <span class="hint">(${formatDateTime(n.at)})</span></li>`)}
      </ul>
    </div>`;
  }

  #steps(data: Loaded): TemplateResult {
    const { body } = data;
    const role = this.context.user.role;
    const steps = body.instances
      .filter((i) => !i.done)
      .map((instance) => ({
        instance,
        forms: this.myForms(data, instance),
        events: body.allowedEvents.filter((e) => e.instance === instance.id),
      }))
      .filter(
        ({ instance, forms, events }) =>
          forms.length ||
          events.length ||
          instance.nextStep ||
          (instance.tasks.length && instance.actors.includes(role)),
      );
    return html`${this.#notices(body)}
    ${
      steps.length
        ? steps.map(
            ({ instance, forms, events }) =>
              html`<section class="step" aria-labelledby="step-${instance.id.replace(/\W/g, '-')}">
                <h3 class="heading-s" id="step-${instance.id.replace(/\W/g, '-')}">
                  ${this.#instanceHeading(data, instance)}
                </h3>
                ${this.#objective(data, instance)}
                ${instance.kind === 'document' ? this.#documentNotes(data, instance) : nothing}
                <task-checklist
                  .tasks=${instance.actors.includes(role) ? instance.tasks : []}
                  .forms=${forms}
                  label="Tasks: ${this.#instanceHeading(data, instance)}"
                ></task-checklist>
                ${this.#documentOwnForms(data, instance)}
                <case-actions
                  .context=${this.context}
                  .caseBody=${body}
                  .events=${events}
                  .officers=${data.officers}
                  .instanceIds=${[instance.id]}
                  label="Actions: ${this.#instanceHeading(data, instance)}"
                ></case-actions>
              </section>`,
          )
        : html`<p class="body">There is nothing for you to do on this case now.</p>`
    }
    ${this.formsToFill(data, 'h3')}`;
  }

  /** The forms a document keeps for itself (its own audit), filled for it alone. */
  #documentOwnForms(data: Loaded, instance: Instance): unknown {
    const doc = instance.kind === 'document' ? data.body.documents.find((d) => d.id === instance.id) : undefined;
    return doc ? documentForms(this.context, data.body, data.pathways, doc, data.formTitles, true) : nothing;
  }

  /** A document's comments (e.g. returned by the Team Manager) where its author works on it. */
  #documentNotes(data: Loaded, instance: Instance): TemplateResult | typeof nothing {
    const doc = data.body.documents.find((d) => d.id === instance.id);
    if (!doc?.comments.length) return nothing;
    return html`<div class="inset-text document-comments">
      <p class="body"><strong>Comments on this document</strong></p>
      <ul class="list">
        ${doc.comments.map(
          (c) => html`<li>
            <span class="document-comments__text">${c.text}</span>
            <span class="hint"> – ${c.by}, ${formatDateTime(c.at)}</span>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  formsToFill(data: Loaded, level: 'h2' | 'h3'): TemplateResult | typeof nothing {
    const forms = new Map<string, ChecklistForm>();
    for (const instance of data.body.instances)
      for (const form of this.myForms(data, instance)) forms.set(form.id, form);
    if (!forms.size) return nothing;
    const heading =
      level === 'h2'
        ? html`<h2 class="heading-m">Forms to fill in</h2>`
        : html`<h3 class="heading-m">Forms to fill in</h3>`;
    return html`${heading}
    ${[...forms.values()].map(
      (form) =>
        html`<details class="details" id="case-form-${form.id}" @toggle=${(e: Event) => this.#toggled(form.id, e)}>
          <summary class="details__summary">
            <span class="details__summary-text">${form.title}</span>
            ${form.submitted ? tag('Submitted', 'green') : tag('To do', 'blue')}
          </summary>
          <div class="details__text">
            ${
              this.openForms.has(form.id)
                ? html`<case-form .context=${this.context} .caseBody=${data.body} form-id=${form.id}></case-form>`
                : nothing
            }
          </div>
        </details>`,
    )}`;
  }

  #toggled(formId: string, event: Event): void {
    if ((event.target as HTMLDetailsElement).open && !this.openForms.has(formId))
      this.openForms = new Set([...this.openForms, formId]);
  }

  #summary(data: Loaded): TemplateResult {
    const { body } = data;
    const people = { ...body.people, ...Object.fromEntries(data.officers.map((o) => [o.username, o.name])) };
    const row = (key: string, value: unknown) =>
      html`<div class="summary-list__row">
        <dt class="summary-list__key">${key}</dt>
        <dd class="summary-list__value">${value}</dd>
      </div>`;
    const next = body.instances.filter((i) => i.nextStep && !i.done);
    const deadlines = body.deadlines;
    // The stage is in the case's heading, above every part: not said twice.
    return html`<dl class="summary-list">
        ${row('Referred by', personName(String(body.values.referredBy ?? body.createdBy), people))}
        ${row(
          'Allocated to',
          body.values.allocatedTo ? personName(String(body.values.allocatedTo), people) : 'Not allocated',
        )}
        ${row('Opened', formatDateTime(body.createdAt))}
        ${(data.pathways.get(body.pathway)?.meta.summaryValues ?? []).map((shown) =>
          row(shown.title, valueAt(body.values, shown.path) ?? 'Not recorded'),
        )}
        ${
          deadlines.length
            ? row(
                'Deadlines',
                html`<ul class="list deadline-list">
                  ${deadlines.map((d) => html`<li>${d.label}: ${formatDate(d.due)} (${dueText(d.due)})</li>`)}
                </ul>`,
              )
            : nothing
        }
        ${row('Definitions', `Version ${body.definitionVersion} (a case stays on the version it started with)`)}
      </dl>
      <h3 class="heading-m">Next step for you</h3>
      ${
        next.length
          ? html`<ul class="list next-steps">
                ${next.map(
                  (i) =>
                    html`<li>
                      <strong>${this.#instanceHeading(data, i)}:</strong> ${i.nextStep!.title}${
                        i.nextStep!.possible
                          ? ''
                          : html` – not possible yet:
                            ${i.nextStep!.reasons.join('; ') || 'what it needs has not been done yet'}`
                      }
                    </li>`,
                )}
              </ul>
              <p class="body"><a class="link" href=${href('/cases', body.id, 'now')}>Go to what to do now</a></p>`
          : html`<p class="body">Nothing is waiting for you on this case now.</p>`
      }
      ${this.#notices(body)}
      <h3 class="heading-m">Sign-offs</h3>
      ${signOffList(body.signOffs ?? [], 'Sign-offs of the case', false)}`;
  }

  #partBody(data: Loaded): unknown {
    switch (this.#part) {
      case 'now':
        return this.#steps(data);
      case 'forms':
        return formsPart(this, data);
      case 'documents':
        return html`<case-documents
          .context=${this.context}
          .caseBody=${data.body}
          .pathways=${data.pathways}
          .formTitles=${data.formTitles}
          .documents=${data.body.documents}
        ></case-documents>`;
      case 'appointments':
        return html`<case-appointments .context=${this.context} .caseId=${data.body.id}></case-appointments>`;
      case 'history':
        return historyPart(data);
      case 'where':
        return this.whereLoaded
          ? html`<case-where .context=${this.context} .caseBody=${data.body} .pathways=${data.pathways}></case-where>`
          : html`<p class="body" role="status">Loading…</p>`;
      default:
        return this.#summary(data);
    }
  }

  #pathwayTitle(body: CaseBody): string {
    return this.#load.value!.pathways.get(body.pathway)?.meta.title ?? body.pathway;
  }

  #navigation(): TemplateResult {
    return html`<nav class="sub-navigation" aria-label="Parts of this case">
      <ul class="sub-navigation__list">
        ${PARTS.map(
          ([id, label]) =>
            html`<li class="sub-navigation__item">
              <a
                class="sub-navigation__link"
                href=${href('/cases', this.caseId, id)}
                aria-current=${id === this.#part ? 'page' : nothing}
                >${label}</a
              >
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  protected override render(): unknown {
    const body = this.#load.value?.body;
    const label = PARTS.find(([id]) => id === this.#part)![1];
    return html`${caseHeading(body, body ? this.#pathwayTitle(body) : '')}
      ${banner(this.message)} ${this.#navigation()}
      <h2 class="heading-m case-part__heading">${label}</h2>
      ${loaded(this.#load, (data) => this.#partBody(data))}`;
  }
}

if (!customElements.get('case-page')) customElements.define('case-page', CasePage);

/** A case value by its dotted path, as text; undefined when there is none. */
function valueAt(values: Record<string, unknown>, path: string): string | undefined {
  const found = path
    .split('.')
    .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], values);
  return found === undefined || found === null ? undefined : String(found);
}
