// <performance-page>: the Team Manager's service performance, month by month (GET /api/reports/performance). Each
// table of the report is shown as a chart with the same figures in a table beside it, and can be downloaded as CSV.
import { html } from 'lit';
import type { AppContext } from '../core/context.js';
import { LightElement } from '../core/light-element.js';
import { loaded } from '../core/templates.js';
import { LoadController } from '../controllers/load-controller.js';
import type { ChartTable } from '../components/performance-chart.js';
import '../components/performance-chart.js';

interface PerformanceReport {
  generatedAt: string;
  months: string[];
  waitingNow: { cases: number; meanDays: number | null; longestDays: number | null };
  tables: (ChartTable & { description: string })[];
}

const MONTH_CHOICES = [6, 12, 24, 36];

const cell = (value: string | number | null) => (value === null ? 'none' : String(value));
const days = (value: number | null) => (value === null ? 'none' : `${value} day${value === 1 ? '' : 's'}`);

/** Properties: `context`. */
export class PerformancePage extends LightElement {
  static override properties = { context: { attribute: false }, months: { state: true } };

  declare context: AppContext;
  declare months: number;
  readonly #load = new LoadController<PerformanceReport>(
    this,
    () => this.context.api.get<PerformanceReport>(`api/reports/performance?months=${this.months}`),
    () => (this.context ? String(this.months) : undefined),
  );

  constructor() {
    super();
    this.months = 12;
  }

  #choose(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    this.months = Number((form.elements.namedItem('performance-months') as HTMLSelectElement).value) || 12;
  }

  #section(table: PerformanceReport['tables'][number]): unknown {
    const heading = `performance-${table.id}`;
    return html`<section class="performance-section" aria-labelledby=${heading}>
      <h2 class="heading-m" id=${heading}>${table.title}</h2>
      <p class="body">${table.description}</p>
      <div class="performance-section__body">
        <figure class="performance-section__chart">
          <performance-chart .table=${table}></performance-chart>
          <figcaption class="hint">A chart of the figures in the table “${table.title}”.</figcaption>
        </figure>
        <div class="performance-section__table" tabindex="0" role="region" aria-label=${`${table.title} (table)`}>
          <table class="table">
            <caption class="table__caption">${table.title}</caption>
            <thead>
              <tr>${table.columns.map((c) => html`<th scope="col" class="table__header">${c.title}</th>`)}</tr>
            </thead>
            <tbody>
              ${table.rows.map(
                ([first, ...rest]) => html`<tr>
                  <th scope="row" class="table__header">${cell(first ?? null)}</th>
                  ${rest.map((value) => html`<td class="table__cell table__cell--numeric">${cell(value)}</td>`)}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </div>
      <p class="body">
        <a class="link" download href=${`api/reports/performance/${table.id}.csv?months=${this.months}`}
          >Download “${table.title}” as CSV</a
        >
      </p>
    </section>`;
  }

  protected override render(): unknown {
    return html`<h1 class="heading-l" tabindex="-1">Service performance</h1>
      <form class="filter-form" @submit=${(e: Event) => this.#choose(e)}>
        <div class="form-group">
          <label class="label" for="performance-months">Months shown</label>
          <select class="select" id="performance-months" name="performance-months">
            ${MONTH_CHOICES.map(
              (n) => html`<option value=${n} ?selected=${n === this.months}>The last ${n} months</option>`,
            )}
          </select>
        </div>
        <button class="button button--secondary" type="submit">Show</button>
      </form>
      ${loaded(
        this.#load,
        (report) => html`<h2 class="heading-m">The waiting list now</h2>
          <dl class="summary-list">
            <div class="summary-list__row">
              <dt class="summary-list__key">Cases waiting</dt>
              <dd class="summary-list__value">${report.waitingNow.cases}</dd>
            </div>
            <div class="summary-list__row">
              <dt class="summary-list__key">Mean time waiting</dt>
              <dd class="summary-list__value">${days(report.waitingNow.meanDays)}</dd>
            </div>
            <div class="summary-list__row">
              <dt class="summary-list__key">Longest wait</dt>
              <dd class="summary-list__value">${days(report.waitingNow.longestDays)}</dd>
            </div>
          </dl>
          ${report.tables.map((table) => this.#section(table))}`,
      )}`;
  }
}

if (!customElements.get('performance-page')) customElements.define('performance-page', PerformancePage);
