// <case-history>: what happened on a case, newest first, as a GOV.UK-style timeline: the event's title from the
// definitions, who (by name) in which role, and when; a sign-off is marked as one. (The history holds no answers.)
import { html } from 'lit';
import { formatDateTime } from '../core/format.js';
import { nameWithRole } from '../../../../engine/reading/person-wording.js';
import { LightElement } from '../core/light-element.js';
import { tag } from '../core/templates.js';
import type { CaseBody } from '../core/types.js';

/** Wording for the entries the engine itself writes (not events of a pathway). */
const ENGINE_ENTRIES: Record<string, string> = {
  'case.opened': 'Case opened',
  'forms.submitted': 'Forms submitted',
  'timer.fired': 'A time limit was reached',
  'case.migrated': 'Moved to a new version of the definitions',
};

/**
 * ```html
 * <case-history .history=${body.history} .titles=${{ EVENT_TYPE: 'Its title' }} .people=${body.people}></case-history>
 * ```
 * Properties: `history` (the case's history), `titles` (event type → title), `signOffs` (event types that are
 * sign-offs), `people` (user name → name), `roleTitles` (role → title).
 */
export class CaseHistory extends LightElement {
  static override properties = {
    history: { attribute: false },
    titles: { attribute: false },
    signOffs: { attribute: false },
    people: { attribute: false },
    roleTitles: { attribute: false },
  };

  declare history: CaseBody['history'];
  declare titles: Record<string, string>;
  declare signOffs: Set<string>;
  declare people: Record<string, string>;
  declare roleTitles: Record<string, string>;

  constructor() {
    super();
    this.history = [];
    this.titles = {};
    this.signOffs = new Set();
    this.people = {};
    this.roleTitles = {};
  }

  #who(entry: CaseBody['history'][number]): string {
    const role = this.roleTitles[entry.role] ?? (entry.role === 'system' ? 'automatic' : entry.role);
    if (entry.by === 'system') return 'DAO Pathways (automatic)';
    // Never a user name: someone who is no longer an account is named by their role.
    const name = this.people[entry.by] ?? role;
    return nameWithRole(name, role);
  }

  protected override render(): unknown {
    const entries = [...this.history].sort((a, b) => b.seq - a.seq);
    return html`<ol class="timeline">
      ${entries.map(
        (entry) => html`<li class="timeline__item">
        <p class="timeline__title">${this.titles[entry.type] ?? ENGINE_ENTRIES[entry.type] ?? entry.type}
          ${this.signOffs.has(entry.type) ? tag('Sign-off', 'purple') : ''}</p>
        <p class="timeline__by">${this.#who(entry)}</p>
        <p class="timeline__date"><time datetime=${entry.at}>${formatDateTime(entry.at)}</time></p>
      </li>`,
      )}
    </ol>`;
  }
}

if (!customElements.get('case-history')) customElements.define('case-history', CaseHistory);
