// <task-checklist>: the tasks of where a case (or a session, or a document) is now, GOV.UK task-list style. A task
// whose wording names one of the forms to fill here links to that form and shows whether it has been submitted; forms
// no task names are listed after the tasks.
import { html, nothing } from 'lit';
import { LightElement } from '../core/light-element.js';
import { checklistItems, type ChecklistForm } from '../core/checklist.js';
import { tag } from '../core/templates.js';

export type { ChecklistForm };

/**
 * ```html
 * <task-checklist .tasks=${instance.tasks} .forms=${forms} label="Session 1"></task-checklist>
 * ```
 * Properties: `tasks` (their wording, from the definitions), `forms` (the forms this person fills here), `label`.
 * Events: `open-form` {formId} when a task's form link is followed.
 */
export class TaskChecklist extends LightElement {
  static override properties = { tasks: { attribute: false }, forms: { attribute: false }, label: {} };

  declare tasks: string[];
  declare forms: ChecklistForm[];
  declare label: string;

  constructor() {
    super();
    this.tasks = [];
    this.forms = [];
    this.label = 'Tasks';
  }

  protected override render(): unknown {
    const items = checklistItems(this.tasks, this.forms);
    if (!items.length) return nothing;
    return html`<ul class="task-list" aria-label=${this.label}>
      ${items.map(
        (item) => html`<li class="task-list__item ${item.form ? 'task-list__item--with-link' : ''}">
        <div class="task-list__name-and-hint">
          ${
            item.form
              ? html`<a class="link task-list__link" href="#"
                  @click=${(e: Event) => (e.preventDefault(), this.emit('open-form', { formId: item.form!.id }))}
                  >${item.text}</a>`
              : html`<span class="task-list__name">${item.text}</span>`
          }
        </div>
        ${item.form ? html`<div class="task-list__status">${item.form.submitted ? tag('Submitted', 'green') : tag('To do', 'blue')}</div>` : nothing}
      </li>`,
      )}
    </ul>`;
  }
}

if (!customElements.get('task-checklist')) customElements.define('task-checklist', TaskChecklist);
