// Autosave support: after `delay` ms without a change, hands the latest answers to `save` (the host's dao-draft event).
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class DraftController implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly delay: () => number,
    private readonly save: () => void,
  ) {
    host.addController(this);
  }

  changed(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.save, this.delay());
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }
}
