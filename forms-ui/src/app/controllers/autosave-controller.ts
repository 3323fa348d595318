// Autosaves a form's answers as a draft on the server: when the form says it is idle (dao-draft), when focus leaves
// it, and at least every `interval` ms while it keeps changing. Only answers that differ from the last saved are sent.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type AutosaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export class AutosaveController implements ReactiveController {
  status: AutosaveStatus = 'idle';
  savedAt: string | undefined;
  #pending: unknown;
  #lastSaved: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly save: (data: unknown) => Promise<{ savedAt: string }>,
    private readonly interval = 5000,
  ) {
    host.addController(this);
  }

  /** The answers now; saved within `interval` ms unless saved sooner. */
  changed(data: unknown): void {
    this.#pending = data;
    this.#timer ??= setTimeout(() => void this.flush(), this.interval);
  }

  /** Treats these answers as already saved (e.g. the draft just loaded). */
  saved(data: unknown, savedAt?: string): void {
    this.#lastSaved = JSON.stringify(data);
    if (savedAt) {
      this.savedAt = savedAt;
      this.status = 'saved';
    }
  }

  flush(data: unknown = this.#pending): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (data === undefined) return this.#saving;
    this.#pending = undefined;
    this.#saving = this.#saving.then(() => this.#send(data));
    return this.#saving;
  }

  /** Stops saving: the form was submitted (the server drops the draft then). */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
  }

  hostDisconnected(): void {
    void this.flush();
  }

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
