// <case-page>: one case as the person signed in sees it — what to do now (the task checklist of each place the case
// is, the forms to fill, the actions allowed now), deadlines, where it is on the pathway diagram, its documents,
// the forms submitted and its history. Everything named on it comes from the definitions.
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { AppContext } from '../core/context.js';
import { instanceForms } from '../core/catalogue.js';
import { findCurrent, nodeId, parseDiagram, type Diagram } from '../core/diagram-model.js';
import { caseReference, dueText, formatDate, formatDateTime, personName } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import { banner, loaded, tag } from '../core/templates.js';
import type { CaseBody, Instance, Officer, PathwayBody } from '../core/types.js';
import { LoadController } from '../controllers/load-controller.js';
import type { ChecklistForm } from '../components/task-checklist.js';
import '../components/case-actions.js';
import '../components/case-documents.js';
import '../components/case-form.js';
import '../components/case-history.js';
import '../components/pathway-diagram.js';
import '../components/task-checklist.js';
import '../components/submitted-form.js';

interface Loaded {
  body: CaseBody;
  pathways: Map<string, PathwayBody>;
  formTitles: Map<string, string>;
  diagrams: { instance: Instance; pathway: PathwayBody; diagram: Diagram }[];
  officers: Officer[];
}

/** Titles of states by Mermaid node id: the served diagram text simplifies some punctuation in its labels. */
function stateTitles(pathway: PathwayBody): Map<string, string> {
  return new Map(pathway.states.filter((s) => typeof s.meta.title === 'string').map((s) => [nodeId(s.path), s.meta.title as string]));
}

/**
 * Properties: `context`, `caseId`.
 */
export class CasePage extends LightElement {
  static override properties = { context: { attribute: false }, caseId: { attribute: false }, message: { state: true }, openForms: { state: true } };

  declare context: AppContext;
  declare caseId: string;
  declare message: string | undefined;
  /** Forms whose details are open: a form is loaded (with its draft) only once someone opens it. */
  declare openForms: Set<string>;

  readonly #load = new LoadController<Loaded>(this, () => this.#fetch(), () => (this.context && this.caseId ? this.caseId : undefined));

  constructor() {
    super();
    this.openForms = new Set();
    this.addEventListener('case-updated', (event) => {
      const { case: body, message } = (event as CustomEvent<{ case: CaseBody; message: string }>).detail;
      void this.#refresh(body, message);
    });
    this.addEventListener('case-stale', () => void this.#load.reload());
    this.addEventListener('open-form', (event) => void this.#openForm((event as CustomEvent<{ formId: string }>).detail.formId));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('caseId') && changed.get('caseId') !== undefined) {
      this.message = undefined;
      this.openForms = new Set();
    }
  }

  async #fetch(body?: CaseBody): Promise<Loaded> {
    const { api, catalogue, user } = this.context;
    body ??= await api.get<CaseBody>(`api/cases/${encodeURIComponent(this.caseId)}`);
    const ids = [...new Set(body.instances.map((i) => i.pathway))];
    const pathways = new Map(await Promise.all(ids.map(async (id) => [id, await catalogue.pathway(id, body!.definitionVersion)] as const)));
    // Titles of the forms shown: those this person fills now, those submitted and the documents' (all readable by them).
    const mine = body.instances.flatMap((i) => (!i.done && i.actors.includes(user.role) && pathways.has(i.pathway) ? instanceForms(pathways.get(i.pathway)!, i) : []));
    const formIds = [...new Set([...mine.filter((id) => body!.formsOpen.includes(id)), ...Object.keys(body.forms), ...body.documents.map((d) => d.form)])];
    const formTitles = new Map(await Promise.all(formIds.map(async (id) => [id, String((await catalogue.form(id, body!.definitionVersion).catch(() => ({ title: id }))).title ?? id)] as const)));
    // One diagram per pathway in use (it marks where each of its instances is); document lifecycles are not drawn.
    const shown = body.instances.filter((i, n, all) => (i.kind === 'case' || !i.done) && all.findIndex((j) => j.pathway === i.pathway && (j.kind === 'case' || !j.done)) === n);
    const diagrams = await Promise.all(
      shown.map(async (instance) => {
        const pathway = pathways.get(instance.pathway)!;
        const text = await api.text(`api/pathways/${encodeURIComponent(instance.pathway)}/diagram?case=${encodeURIComponent(body!.id)}`);
        return { instance, pathway, diagram: parseDiagram(text, { events: pathway.meta.events ?? {}, titles: stateTitles(pathway) }) };
      }),
    );
    const officers = user.abilities.seesAllCases ? await api.get<{ officers: Officer[] }>('api/cases/allocation-queue').then((q) => q.officers, () => []) : [];
    return { body, pathways, formTitles, diagrams, officers };
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
  #myForms(data: Loaded, instance: Instance): ChecklistForm[] {
    const { body, pathways, formTitles } = data;
    const pathway = pathways.get(instance.pathway);
    if (!pathway || instance.done || !instance.actors.includes(this.context.user.role)) return [];
    return instanceForms(pathway, instance)
      .filter((id) => body.formsOpen.includes(id))
      .map((id) => ({ id, title: formTitles.get(id) ?? id, submitted: Boolean(body.forms[id]) }));
  }

  #instanceHeading(data: Loaded, instance: Instance): string {
    if (instance.kind === 'case') return instance.title;
    if (instance.kind === 'document') return `${data.formTitles.get(instance.form ?? '') ?? instance.form}: ${instance.title}`;
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

  /** Events that lead on from where the case is now (a way out of a current state): the primary actions. */
  #leadingEvents(data: Loaded): string[] {
    return data.diagrams.flatMap(({ diagram }) => findCurrent(diagram).flatMap((state) => state.next.flatMap((way) => (way.event ? [way.event] : []))));
  }

  #steps(data: Loaded): TemplateResult {
    const { body } = data;
    const primary = this.#leadingEvents(data);
    const role = this.context.user.role;
    const steps = body.instances
      .filter((i) => !i.done)
      .map((instance) => ({ instance, forms: this.#myForms(data, instance), events: body.allowedEvents.filter((e) => e.instance === instance.id) }))
      .filter(({ instance, forms, events }) => forms.length || events.length || (instance.tasks.length && instance.actors.includes(role)));
    const notices = body.notifications.filter((n) => n.roles.includes(role)).slice(-3).reverse();
    return html`<h2 class="heading-m">What to do now</h2>
      ${notices.length
        ? html`<div class="inset-text"><h3 class="heading-s">Latest notifications for you</h3><ul class="list">
            ${notices.map((n) => html`<li>${n.message} <span class="hint">(${formatDateTime(n.at)})</span></li>`)}</ul></div>`
        : nothing}
      ${steps.length
        ? steps.map(({ instance, forms, events }) => html`<section class="step" aria-labelledby="step-${instance.id.replace(/\W/g, '-')}">
            <h3 class="heading-s" id="step-${instance.id.replace(/\W/g, '-')}">${this.#instanceHeading(data, instance)}</h3>
            ${this.#objective(data, instance)}
            <task-checklist .tasks=${instance.actors.includes(role) ? instance.tasks : []} .forms=${forms} label="Tasks: ${this.#instanceHeading(data, instance)}"></task-checklist>
            <case-actions .context=${this.context} .caseBody=${body} .events=${events} .officers=${data.officers} .primary=${primary}
              label="Actions: ${this.#instanceHeading(data, instance)}"></case-actions>
          </section>`)
        : html`<p class="body">There is nothing for you to do on this case now.</p>`}`;
  }

  #forms(data: Loaded): TemplateResult | typeof nothing {
    const forms = new Map<string, ChecklistForm>();
    for (const instance of data.body.instances) for (const form of this.#myForms(data, instance)) forms.set(form.id, form);
    if (!forms.size) return nothing;
    return html`<h2 class="heading-m">Forms to fill in</h2>
      ${[...forms.values()].map((form) => html`<details class="details" id="case-form-${form.id}" @toggle=${(e: Event) => this.#toggled(form.id, e)}>
        <summary class="details__summary"><span class="details__summary-text">${form.title}</span> ${form.submitted ? tag('Submitted', 'green') : tag('To do', 'blue')}</summary>
        <div class="details__text">${this.openForms.has(form.id) ? html`<case-form .context=${this.context} .caseBody=${data.body} form-id=${form.id}></case-form>` : nothing}</div>
      </details>`)}`;
  }

  #toggled(formId: string, event: Event): void {
    if ((event.target as HTMLDetailsElement).open && !this.openForms.has(formId)) this.openForms = new Set([...this.openForms, formId]);
  }

  #deadlines(body: CaseBody): TemplateResult | typeof nothing {
    if (!body.deadlines.length) return nothing;
    return html`<h2 class="heading-m">Deadlines</h2>
      <ul class="list">${body.deadlines.map((d) => html`<li><strong>${d.label}</strong>: ${formatDate(d.due)} (${dueText(d.due)})</li>`)}</ul>`;
  }

  #diagrams(data: Loaded): TemplateResult {
    const [main, ...others] = data.diagrams;
    const inner = others.filter((d) => d.instance.kind === 'pathway');
    return html`<h2 class="heading-m">Where the case is</h2>
      ${main ? html`<pathway-diagram .diagram=${main.diagram} caption=${main.pathway.meta.title ?? main.pathway.id}></pathway-diagram>` : nothing}
      ${inner.map(({ pathway, diagram, instance }) => html`<details class="details">
        <summary class="details__summary"><span class="details__summary-text">${pathway.meta.title ?? pathway.id}: ${instance.title}</span></summary>
        <div class="details__text"><pathway-diagram .diagram=${diagram} caption=${pathway.meta.title ?? pathway.id}></pathway-diagram></div>
      </details>`)}`;
  }

  #submitted(data: Loaded): TemplateResult | typeof nothing {
    const ids = Object.keys(data.body.forms);
    if (!ids.length) return nothing;
    return html`<h2 class="heading-m">Forms submitted</h2>
      ${ids.map((id) => html`<submitted-form .context=${this.context} form-id=${id} .definitionVersion=${data.body.forms[id]!.definitionVersion ?? data.body.definitionVersion} .submission=${data.body.forms[id]} form-title=${data.formTitles.get(id) ?? id}></submitted-form>`)}`;
  }

  #history(data: Loaded): TemplateResult {
    const titles: Record<string, string> = {};
    for (const pathway of data.pathways.values()) for (const [type, event] of Object.entries(pathway.meta.events ?? {})) titles[type] ??= event.title ?? type;
    return html`<h2 class="heading-m">History</h2><case-history .history=${data.body.history} .titles=${titles}></case-history>`;
  }

  protected override render(): unknown {
    const body = this.#load.value?.body;
    return html`
      <span class="caption-l">Case ${caseReference(this.caseId ?? '')}${body ? html` – ${this.#load.value!.pathways.get(body.pathway)?.meta.title ?? body.pathway}` : nothing}</span>
      <h1 class="heading-l" tabindex="-1">${body ? body.title : 'Case'}</h1>
      ${banner(this.message)}
      ${loaded(this.#load, (data) => html`
        <dl class="summary-list">
          <div class="summary-list__row"><dt class="summary-list__key">Stage</dt><dd class="summary-list__value">${data.body.title} ${data.body.done ? tag('Closed', 'grey') : nothing}</dd></div>
          <div class="summary-list__row"><dt class="summary-list__key">Referred by</dt><dd class="summary-list__value">${personName(String(data.body.values.referredBy ?? data.body.createdBy))}</dd></div>
          <div class="summary-list__row"><dt class="summary-list__key">Allocated to</dt><dd class="summary-list__value">${data.body.values.allocatedTo ? personName(String(data.body.values.allocatedTo), Object.fromEntries(data.officers.map((o) => [o.username, o.name]))) : 'Not allocated'}</dd></div>
          <div class="summary-list__row"><dt class="summary-list__key">Opened</dt><dd class="summary-list__value">${formatDateTime(data.body.createdAt)}</dd></div>
          <div class="summary-list__row"><dt class="summary-list__key">Definitions</dt><dd class="summary-list__value">Version ${data.body.definitionVersion} (a case stays on the version it started with)</dd></div>
        </dl>
        ${this.#steps(data)}
        ${this.#forms(data)}
        ${this.#deadlines(data.body)}
        ${this.#diagrams(data)}
        <h2 class="heading-m">Documents</h2>
        <case-documents .api=${this.context.api} case-id=${data.body.id} .documents=${data.body.documents}></case-documents>
        ${this.#submitted(data)}
        ${this.#history(data)}`)}`;
  }
}

if (!customElements.get('case-page')) customElements.define('case-page', CasePage);
