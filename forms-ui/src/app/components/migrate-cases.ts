// <migrate-cases>: moves the cases still open on older definition versions onto the published one — an explicit
// step: first a check that lists which cases can move and why the others cannot, then the move itself.
import { html, nothing } from 'lit';
import type { AppContext } from '../core/context.js';
import { LightElement } from '../core/light-element.js';
import { caseTitle } from '../core/case-label.js';
import { countOf } from '../core/format.js';
import { problemText } from '../core/templates.js';

interface MigrationReport {
  toVersion: number;
  moved: string[];
  cannotMove: { caseId: string; fromVersion: number; reasons: string[] }[];
  /** Who each case that cannot move is about, as this user may see it. */
  cases?: Record<string, Parameters<typeof caseTitle>[0]>;
}

/**
 * ```html
 * <migrate-cases .context=${context} .version=${3}></migrate-cases>
 * ```
 * Properties: `context`, `version` (the published version cases would move to).
 */
export class MigrateCases extends LightElement {
  static override properties = {
    context: { attribute: false },
    version: { type: Number },
    check: { state: true },
    done: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  declare context: AppContext;
  declare version: number;
  declare check: MigrationReport | undefined;
  declare done: MigrationReport | undefined;
  declare error: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.busy = false;
  }

  async #call(dryRun: boolean): Promise<void> {
    this.busy = true;
    this.error = undefined;
    try {
      const report = await this.context.api.post<MigrationReport>('api/definitions/migrate', {
        toVersion: this.version,
        dryRun,
      });
      if (dryRun) this.check = report;
      else {
        this.done = report;
        this.check = undefined;
      }
    } catch (error) {
      this.error = problemText(error);
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.querySelector<HTMLElement>('#migration-result')?.focus();
  }

  #report(report: MigrationReport, moved: boolean): unknown {
    return html`<div id="migration-result" tabindex="-1">
      <p class="body">${countOf(report.moved.length, 'case')} ${moved ? 'moved' : 'can move'} to version ${report.toVersion}.</p>
      ${
        report.cannotMove.length
          ? html`<p class="body">${countOf(report.cannotMove.length, 'case')} cannot move and stay on their version:</p>
            <ul class="list list--bullet">${report.cannotMove.map(
              (c) =>
                html`<li><a class="link" href="#/cases/${c.caseId}">${caseTitle(report.cases?.[c.caseId], c.caseId)}</a>
                  (version ${c.fromVersion}): ${c.reasons.join('; ')}</li>`,
            )}</ul>`
          : nothing
      }
    </div>`;
  }

  protected override render(): unknown {
    return html`<section aria-labelledby="migrate-heading">
      <h2 class="heading-m" id="migrate-heading">Move open cases to version ${this.version}</h2>
      <p class="body">Cases stay on the version they started with. Check which open cases can move to version ${this.version}, then move them.</p>
      ${this.error ? html`<p class="error-message" role="alert">${this.error}</p>` : nothing}
      <div class="button-group">
        <button type="button" class="button button--secondary" ?disabled=${this.busy} @click=${() => void this.#call(true)}>Check which cases can move</button>
        ${
          this.check?.moved.length
            ? html`<button type="button" class="button" ?disabled=${this.busy}
              @click=${() => void this.#call(false)}>Move ${countOf(this.check.moved.length, 'case')}</button>`
            : nothing
        }
      </div>
      ${this.check ? this.#report(this.check, false) : nothing}
      ${this.done ? this.#report(this.done, true) : nothing}
    </section>`;
  }
}

if (!customElements.get('migrate-cases')) customElements.define('migrate-cases', MigrateCases);
