// <audit-log-page>: who read or changed what, newest first (never any answers), optionally for one case or person.
import { html } from 'lit';
import type { AppContext } from '../core/context.js';
import { caseName } from '../core/case-label.js';
import { formatDateTime } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import { href } from '../core/router.js';
import { loaded } from '../core/templates.js';
import type { CaseIdentity } from '../core/types.js';
import { LoadController } from '../controllers/load-controller.js';
import '../components/mail-outbox.js';

interface AuditEntry {
  id: number;
  at: string;
  userId: string;
  /** The user's display name. */
  userName?: string;
  caseId: string | null;
  action: string;
  detail: Record<string, unknown> | null;
}

interface AuditPage {
  entries: AuditEntry[];
  /** Who each case named is about, for the cases the reader may see. */
  cases?: Record<string, CaseIdentity>;
}

/** Properties: `context`. */
export class AuditLogPage extends LightElement {
  static override properties = { context: { attribute: false }, filter: { state: true } };

  declare context: AppContext;
  declare filter: { userId: string; caseId: string };
  readonly #load = new LoadController<AuditPage>(
    this,
    async () => {
      const query = new URLSearchParams({
        limit: '200',
        ...(this.filter.userId ? { userId: this.filter.userId } : {}),
        ...(this.filter.caseId ? { caseId: this.filter.caseId } : {}),
      });
      return this.context.api.get<AuditPage>(`api/audit?${query}`);
    },
    () => (this.context ? JSON.stringify(this.filter) : undefined),
  );

  constructor() {
    super();
    this.filter = { userId: '', caseId: '' };
  }

  #apply(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    this.filter = { userId: value('audit-user'), caseId: value('audit-case') };
  }

  #detail(entry: AuditEntry): string {
    const detail = entry.detail ?? {};
    return Object.entries(detail)
      .filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && !v.length))
      .map(
        ([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`,
      )
      .join('; ');
  }

  protected override render(): unknown {
    return html`<h1 class="heading-l" tabindex="-1">Audit log</h1>
      <mail-outbox .context=${this.context}></mail-outbox>
      <h2 class="heading-m">Who read or changed what</h2>
      <form class="filter-form" @submit=${(e: Event) => this.#apply(e)}>
        <div class="form-group"><label class="label" for="audit-user">User name</label>
          <input class="input input--width-20" id="audit-user" name="audit-user" type="text" autocomplete="off" .value=${this.filter.userId} /></div>
        <div class="form-group"><label class="label" for="audit-case">Case id</label>
          <input class="input input--width-20" id="audit-case" name="audit-case" type="text" autocomplete="off" .value=${this.filter.caseId} /></div>
        <button class="button button--secondary" type="submit">Show entries</button>
      </form>
      ${loaded(
        this.#load,
        ({
          entries,
          cases = {},
        }) => html`<p class="body" role="status">${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, newest first</p>
        <ol class="audit-list">${entries.map(
          (entry) => html`<li class="audit-list__item">
          <p class="audit-list__what"><strong>${entry.action}</strong> by ${entry.userName ?? entry.userId}</p>
          <p class="audit-list__when"><time datetime=${entry.at}>${formatDateTime(entry.at)}</time>
            ${entry.caseId ? html` – <a class="link" href=${href('/cases', entry.caseId)}>${caseName(cases[entry.caseId], entry.caseId)}</a>` : ''}</p>
          ${this.#detail(entry) ? html`<p class="audit-list__detail hint">${this.#detail(entry)}</p>` : ''}
        </li>`,
        )}</ol>`,
      )}`;
  }
}

if (!customElements.get('audit-log-page')) customElements.define('audit-log-page', AuditLogPage);
