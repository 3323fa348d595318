// <dao-app>: the web app's shell — skip link, header with the navigation for the signed-in person's abilities, the
// demo banner, and the screen for the location hash. It owns the session; screens get it as a property.
import { html, nothing } from 'lit';
import { ApiClient } from './core/api-client.js';
import { Catalogue } from './core/catalogue.js';
import { navigationFor, type AppContext } from './core/context.js';
import { LightElement } from './core/light-element.js';
import { isRouteHash, navigate, parseRoute, type Route } from './core/router.js';
import type { User } from './core/types.js';
import './pages/sign-in-page.js';
import './pages/my-cases-page.js';
import './pages/case-page.js';
import './pages/referrals-page.js';
import './pages/allocation-page.js';
import './pages/to-do-page.js';
import './pages/documents-page.js';
import './pages/all-cases-page.js';
import './pages/audit-log-page.js';
import './pages/performance-page.js';
import './pages/groups-page.js';

/** Screens that are lists: their query is their search, filters, sort and page. */
const LIST_ROUTES = new Set(['to-do', 'my-cases', 'referrals', 'allocation', 'all-cases']);

const TITLES: Record<string, string> = {
  'sign-in': 'Sign in',
  'my-cases': 'Your cases',
  case: 'Case',
  referrals: 'Referrals',
  allocation: 'Allocation',
  'to-do': 'Waiting for you',
  'all-cases': 'All cases',
  audit: 'Audit log',
  performance: 'Service performance',
  groups: 'Groups',
  definitions: 'Definitions',
  'not-found': 'Page not found',
};

/**
 * The DAO Pathways web app. Put it in a page whose <base> is where the server's router is mounted.
 *
 * ```html
 * <base href="/dao/"><link rel="stylesheet" href="app/app.css"><script type="module" src="app/app.js"></script>
 * <dao-app data-demo="true"></dao-app>
 * ```
 *
 * Attributes: `data-demo` ("true": demo accounts exist; shows the demo banner before anyone signs in).
 * Listens for `app-signed-in` {user, csrfToken} and `app-definitions-published` from its screens.
 */
export class DaoApp extends LightElement {
  static override properties = {
    user: { state: true },
    route: { state: true },
    checked: { state: true },
    definitionsLoaded: { state: true },
  };

  declare user: User | undefined;
  declare route: Route;
  declare checked: boolean;
  declare definitionsLoaded: boolean;
  readonly api = new ApiClient();
  readonly catalogue = new Catalogue(this.api);
  #navigated = false;

  constructor() {
    super();
    this.route = parseRoute(location.hash);
    this.checked = false;
    this.definitionsLoaded = false;
    this.api.onSignedOut = () => {
      this.user = undefined;
      if (this.route.name !== 'sign-in') navigate('#/sign-in');
    };
    this.addEventListener('app-signed-in', (event) =>
      this.#signedIn((event as CustomEvent<{ user: User; csrfToken: string }>).detail),
    );
    this.addEventListener('app-definitions-published', () => this.catalogue.clear());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
    void this.#loadSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  get demo(): boolean {
    return this.dataset.demo === 'true' || this.user?.demo === true;
  }

  #onHashChange = () => {
    if (!isRouteHash(location.hash)) return;
    const route = parseRoute(location.hash);
    // A list's new search, filters or page is the same screen: the list decides where focus goes.
    this.#navigated = !(LIST_ROUTES.has(route.name) && route.name === this.route.name);
    this.route = route;
    this.#guard();
  };

  async #loadSession(): Promise<void> {
    try {
      const { user, csrfToken } = await this.api.get<{ user: User; csrfToken?: string }>('api/session/me');
      this.api.csrfToken = csrfToken;
      this.user = user;
    } catch {
      this.user = undefined;
    }
    this.checked = true;
    this.#guard();
  }

  /** Sends a person who is not signed in to the sign-in screen, and a signed-in one from "/" to their first screen. */
  #guard(): void {
    if (!this.checked) return;
    if (!this.user && this.route.name !== 'sign-in') {
      const back =
        this.route.name === 'home' || this.route.name === 'not-found'
          ? ''
          : `?return=${encodeURIComponent(location.hash)}`;
      navigate(`#/sign-in${back}`);
    } else if (this.user && (this.route.name === 'home' || this.route.name === 'sign-in')) {
      navigate(navigationFor(this.user)[0]?.hash ?? '#/my-cases');
    }
  }

  #signedIn({ user, csrfToken }: { user: User; csrfToken: string }): void {
    this.api.csrfToken = csrfToken;
    this.catalogue.clear();
    this.user = user;
    const back = this.route.query.get('return');
    navigate(
      back && back.startsWith('#/') && !back.startsWith('#/sign-in')
        ? back
        : (navigationFor(user)[0]?.hash ?? '#/my-cases'),
    );
  }

  async #signOut(): Promise<void> {
    await this.api.delete('api/session').catch(() => undefined);
    this.api.csrfToken = undefined;
    this.user = undefined;
    navigate('#/sign-in');
  }

  #skipToMain(event: Event): void {
    event.preventDefault();
    this.querySelector<HTMLElement>('#main-content')?.focus();
  }

  protected override async updated(): Promise<void> {
    const named = this.user ? navigationFor(this.user).find((item) => item.route === this.route.name)?.text : undefined;
    document.title = `${named ?? TITLES[this.route.name] ?? 'DAO Pathways'} – DAO Pathways`;
    if (this.route.name === 'definitions' && !this.definitionsLoaded) {
      await import('./pages/definitions-page.js');
      this.definitionsLoaded = true;
    }
    if (this.#navigated) {
      this.#navigated = false;
      // After moving to another screen, start from its heading, as after a page load with a screen reader.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      (this.querySelector<HTMLElement>('main h1') ?? this.querySelector<HTMLElement>('#main-content'))?.focus();
    }
  }

  #page(context: AppContext | undefined): unknown {
    const { name, params, query } = this.route;
    if (name === 'sign-in') return html`<sign-in-page .api=${this.api}></sign-in-page>`;
    if (!context) return html`<p class="body" role="status">Loading…</p>`;
    switch (name) {
      case 'to-do':
        return html`<to-do-page .context=${context} .query=${query}></to-do-page>`;
      case 'my-cases':
        return html`<my-cases-page .context=${context} .query=${query}></my-cases-page>`;
      case 'case':
        return html`<case-page .context=${context} .caseId=${params.id} .casePart=${params.part ?? 'summary'}>
        </case-page>`;
      case 'referrals':
        return html`<referrals-page .context=${context} .query=${query}></referrals-page>`;
      case 'allocation':
        return html`<allocation-page .context=${context} .query=${query}></allocation-page>`;
      case 'documents':
        return html`<documents-page .context=${context}></documents-page>`;
      case 'all-cases':
        return html`<all-cases-page .context=${context} .query=${query}></all-cases-page>`;
      case 'audit':
        return html`<audit-log-page .context=${context}></audit-log-page>`;
      case 'performance':
        return html`<performance-page .context=${context}></performance-page>`;
      case 'groups':
        return html`<groups-page .context=${context} .groupId=${params.id}></groups-page>`;
      case 'definitions':
        return this.definitionsLoaded
          ? html`<definitions-page .context=${context} .file=${query.get('file') ?? ''}></definitions-page>`
          : html`<h1 class="heading-l" tabindex="-1">Definitions</h1><p class="body" role="status">Loading the editor…</p>`;
      case 'home':
        return html`<p class="body" role="status">Loading…</p>`;
      default:
        return html`<h1 class="heading-l" tabindex="-1">Page not found</h1>
          <p class="body">If you typed the web address, check it is correct.</p><p class="body"><a class="link" href="#/">Go to the start</a></p>`;
    }
  }

  protected override render(): unknown {
    const user = this.user;
    const context = user ? { api: this.api, catalogue: this.catalogue, user } : undefined;
    const nav = user ? navigationFor(user) : [];
    return html`
      <a href="#main-content" class="skip-link" @click=${this.#skipToMain}>Skip to main content</a>
      <header class="header">
        <div class="width-container header__container">
          <a class="header__service" href="#/">DAO Pathways</a>
          ${
            user
              ? html`<p class="header__user">${user.displayName}<span class="header__role">, ${user.roleTitle}</span></p>
                <button type="button" class="header__sign-out" @click=${() => void this.#signOut()}>Sign out</button>`
              : nothing
          }
        </div>
        ${
          nav.length
            ? html`<nav class="service-nav" aria-label="Menu"><div class="width-container"><ul class="service-nav__list">
              ${nav.map(
                (
                  item,
                ) => html`<li class="service-nav__item ${item.route === this.route.name ? 'service-nav__item--active' : ''}">
                <a class="service-nav__link" href=${item.hash} aria-current=${item.route === this.route.name ? 'page' : nothing}>${item.text}</a></li>`,
              )}
            </ul></div></nav>`
            : nothing
        }
      </header>
      <div class="width-container">
        ${
          this.demo
            ? html`<div class="phase-banner"><p class="phase-banner__content"><strong class="tag tag--purple phase-banner__tag">Demo</strong>
              <span class="phase-banner__text">Demo – accounts and data are for trying the product</span></p></div>`
            : nothing
        }
        <main class="main-wrapper" id="main-content" tabindex="-1">${
          this.checked ? this.#page(context) : html`<p class="body" role="status">Loading…</p>`
        }</main>
      </div>
      <footer class="footer"><div class="width-container">
        <p class="footer__text">DAO Pathways – the Domestic Abuse Officer team's pathways and forms</p></div></footer>`;
  }
}

if (!customElements.get('dao-app')) customElements.define('dao-app', DaoApp);

declare global {
  interface HTMLElementTagNameMap {
    'dao-app': DaoApp;
  }
}
