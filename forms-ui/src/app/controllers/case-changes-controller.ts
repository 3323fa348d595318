// For screens listing several cases with actions: when an action changes a case (case-updated) the screen's data is
// loaded again and the outcome shown in a success banner that takes focus; when the case had changed first
// (case-stale) it is loaded again.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LoadController } from './load-controller.js';

export class CaseChangesController implements ReactiveController {
  /** The last outcome, for the screen's banner. */
  message: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly load: LoadController<unknown>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('case-updated', this.#updated);
    this.host.addEventListener('case-stale', this.#stale);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('case-updated', this.#updated);
    this.host.removeEventListener('case-stale', this.#stale);
  }

  #updated = async (event: Event) => {
    await this.load.reload();
    this.message = (event as CustomEvent<{ message?: string }>).detail?.message;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.querySelector<HTMLElement>('.notification-banner')?.focus();
  };

  #stale = () => void this.load.reload();
}
