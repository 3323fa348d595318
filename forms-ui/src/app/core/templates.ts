// Small GOV.UK building blocks as templates (not elements): tags, the error summary, notification banners, the
// loading and error states of a screen, and how a refusal from the server is worded.
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from './api-client.js';
import type { LoadController } from '../controllers/load-controller.js';

export function tag(
  text: string,
  colour: 'grey' | 'blue' | 'green' | 'red' | 'yellow' | 'purple' = 'blue',
): TemplateResult {
  return html`<strong class="tag tag--${colour}">${text}</strong>`;
}

/** Words for an error from the server or the network, with what the person can do about it. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 409)
      return 'Someone else changed this case while you were looking at it. It has been reloaded: check it and try again.';
    if (error.status === 403) return error.problem.detail ?? 'You may not do this.';
    if (error.status === 404) return error.problem.detail ?? 'It could not be found. It may not be one of yours.';
    const fields = Object.values(error.problem.errors ?? {}).flat();
    const detail = error.problem.detail ?? error.message;
    return fields.length ? `${detail} ${fields.join('. ')}` : detail;
  }
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  return (error as Error | undefined)?.message ?? 'Something went wrong.';
}

export interface SummaryItem {
  text: string;
  /** Moves focus to the field or place the item is about. */
  go?: () => void;
}

export function errorSummary(items: SummaryItem[], title = 'There is a problem'): TemplateResult {
  return html`<div class="error-summary" role="alert" tabindex="-1">
    <h2 class="error-summary__title">${title}</h2>
    <ul class="error-summary__list">
      ${items.map(
        (item) =>
          html`<li>${
            item.go
              ? html`<a href="#" @click=${(e: Event) => (e.preventDefault(), item.go!())}>${item.text}</a>`
              : item.text
          }</li>`,
      )}
    </ul>
  </div>`;
}

export function banner(
  message: string | undefined,
  kind: 'success' | 'important' = 'success',
): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<div class="notification-banner notification-banner--${kind}" role=${kind === 'success' ? 'alert' : 'region'}
    aria-labelledby="notification-banner-title" tabindex="-1">
    <div class="notification-banner__header"><h2 class="notification-banner__title"
      id="notification-banner-title">${kind === 'success' ? 'Success' : 'Important'}</h2></div>
    <div class="notification-banner__content"><p class="notification-banner__heading">${message}</p></div>
  </div>`;
}

/** A screen's body once loaded; its loading line or error summary until then. */
export function loaded<T>(load: LoadController<T>, body: (value: T) => unknown): unknown {
  if (load.error) return errorSummary([{ text: problemText(load.error) }], 'This could not be loaded');
  if (load.value === undefined) return html`<p class="body" role="status">Loading…</p>`;
  return body(load.value);
}
