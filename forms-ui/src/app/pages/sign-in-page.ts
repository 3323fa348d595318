// <sign-in-page>: the GOV.UK sign-in form; on success it tells the app shell (app-signed-in {user, csrfToken}).
import { html, nothing } from 'lit';
import { ApiError, type ApiClient } from '../core/api-client.js';
import { LightElement } from '../core/light-element.js';
import { errorSummary, problemText, type SummaryItem } from '../core/templates.js';
import type { User } from '../core/types.js';

/**
 * Properties: `api` (ApiClient). Events: `app-signed-in` {user, csrfToken}.
 */
export class SignInPage extends LightElement {
  static override properties = { api: { attribute: false }, errors: { state: true }, busy: { state: true } };

  declare api: ApiClient;
  declare errors: { username?: string; password?: string; form?: string };
  declare busy: boolean;

  constructor() {
    super();
    this.errors = {};
    this.busy = false;
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const username = (form.elements.namedItem('username') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    const errors: SignInPage['errors'] = {};
    if (!username) errors.username = 'Enter your user name';
    if (!password) errors.password = 'Enter your password';
    this.errors = errors;
    if (!errors.username && !errors.password) {
      this.busy = true;
      try {
        const { user, csrfToken } = await this.api.post<{ user: User; csrfToken: string }>('api/session', {
          username,
          password,
        });
        this.emit('app-signed-in', { user, csrfToken });
        return;
      } catch (error) {
        this.errors = {
          form:
            error instanceof ApiError && error.status === 401
              ? 'The user name or password is not right'
              : problemText(error),
        };
      } finally {
        this.busy = false;
      }
    }
    await this.updateComplete;
    this.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  #field(name: 'username' | 'password', label: string, type: string, autocomplete: string) {
    const error = this.errors[name];
    return html`<div class="form-group ${error ? 'form-group--error' : ''}">
      <label class="label" for=${name}>${label}</label>
      ${error ? html`<p class="error-message" id="${name}-error"><span class="visually-hidden">Error:</span> ${error}</p>` : nothing}
      <input class="input input--width-20 ${error ? 'input--error' : ''}" id=${name} name=${name} type=${type} autocomplete=${autocomplete}
        spellcheck="false" aria-describedby=${error ? `${name}-error` : nothing} />
    </div>`;
  }

  protected override render(): unknown {
    const items: SummaryItem[] = [];
    const focus = (id: string) => () => this.querySelector<HTMLElement>(`#${id}`)?.focus();
    if (this.errors.form) items.push({ text: this.errors.form, go: focus('username') });
    if (this.errors.username) items.push({ text: this.errors.username, go: focus('username') });
    if (this.errors.password) items.push({ text: this.errors.password, go: focus('password') });
    return html`<div class="grid-row"><div class="grid-column-two-thirds">
      ${items.length ? errorSummary(items) : nothing}
      <h1 class="heading-l" tabindex="-1">Sign in to DAO Pathways</h1>
      <form novalidate @submit=${(e: Event) => void this.#submit(e)}>
        ${this.#field('username', 'User name', 'text', 'username')}
        ${this.#field('password', 'Password', 'password', 'current-password')}
        <button class="button" type="submit" ?disabled=${this.busy}>Sign in</button>
      </form>
    </div></div>`;
  }
}

if (!customElements.get('sign-in-page')) customElements.define('sign-in-page', SignInPage);
