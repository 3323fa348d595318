// Autosaves a form's answers as a draft on the server: within `interval` ms (1 s) of a change, when the form says it
// is idle (dao-draft), when focus leaves it, and — so that nothing is lost when the page is hidden, reloaded or
// left — on `visibilitychange` to hidden and on `pagehide`, with a keepalive request the browser completes after the
// page is gone. Only answers that differ from the last saved are sent.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type AutosaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export class AutosaveController implements ReactiveController {
  status: AutosaveStatus = 'idle';
  savedAt: string | undefined;
  #pending: unknown;
  /** The answers as last seen: what must be on the server when the page goes. */
  #latest: unknown;
  #lastSaved: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly save: (data: unknown) => Promise<{ savedAt: string }>,
    private readonly interval = 1000,
    /** Sends the answers in a request that outlives the page (fetch with `keepalive`). */
    private readonly saveAsPageGoes?: (data: unknown) => void,
  ) {
    host.addController(this);
  }

  /** The answers now; saved within `interval` ms unless saved sooner. */
  changed(data: unknown): void {
    this.#stopped = false;
    this.#pending = data;
    this.#latest = data;
    this.#timer ??= setTimeout(() => void this.flush(), this.interval);
  }

  /** Treats these answers as already saved (e.g. the draft just loaded). */
  saved(data: unknown, savedAt?: string): void {
    this.#lastSaved = JSON.stringify(data);
    this.#latest = data;
    if (savedAt) {
      this.savedAt = savedAt;
      this.status = 'saved';
    }
  }

  flush(data: unknown = this.#pending): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (data === undefined || this.#stopped) return this.#saving;
    this.#pending = undefined;
    this.#latest = data;
    this.#saving = this.#saving.then(() => this.#send(data));
    return this.#saving;
  }

  /** Stops saving: the form was submitted (the server drops the draft then). */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
    this.#stopped = true;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onHidden);
    window.addEventListener('pagehide', this.#onPageGoes);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onHidden);
    window.removeEventListener('pagehide', this.#onPageGoes);
    void this.flush();
  }

  #onHidden = (): void => {
    if (document.visibilityState === 'hidden') this.#onPageGoes();
  };

  /** The page is being hidden or left: a request still in flight may be cancelled with it, so send what is unsaved. */
  #onPageGoes = (): void => {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const data = this.#latest;
    if (this.#stopped || data === undefined || JSON.stringify(data) === this.#lastSaved) return;
    if (!this.saveAsPageGoes) {
      void this.flush(data);
      return;
    }
    this.#pending = undefined;
    this.saveAsPageGoes(data);
  };

  async #send(data: unknown): Promise<void> {
    const text = JSON.stringify(data);
    if (text === this.#lastSaved) return;
    this.status = 'saving';
    this.host.requestUpdate();
    try {
      const { savedAt } = await this.save(data);
      this.#lastSaved = text;
      this.savedAt = savedAt;
      this.status = 'saved';
    } catch {
      this.status = 'failed';
    }
    this.host.requestUpdate();
  }
}
