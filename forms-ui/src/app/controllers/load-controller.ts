// Loads what a screen shows (one async task) when the host connects and whenever its key changes, and keeps the
// result, the error and whether it is loading, re-rendering the host each time. A late answer to an older key is dropped.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class LoadController<T> implements ReactiveController {
  value: T | undefined;
  error: Error | undefined;
  loading = false;
  #key: string | undefined;
  #run = 0;

  /** `key` returns undefined while the task cannot run yet (e.g. a property is not set). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly task: () => Promise<T>,
    private readonly key: () => string | undefined = () => '',
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const key = this.key();
    if (key !== undefined && key !== this.#key) {
      // Something else is shown now (another case): the old value must not stand in for it while loading.
      if (this.#key !== undefined) this.value = undefined;
      this.#key = key;
      void this.reload();
    }
  }

  async reload(): Promise<void> {
    const run = ++this.#run;
    this.loading = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const value = await this.task();
      if (run === this.#run) this.value = value;
    } catch (error) {
      if (run === this.#run) this.error = error as Error;
    } finally {
      if (run === this.#run) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Replaces the value with a fresher one (e.g. the case an action returned). */
  set(value: T): void {
    this.value = value;
    this.error = undefined;
    this.host.requestUpdate();
  }
}
