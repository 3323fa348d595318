// Checks one field when focus leaves it (a field is the nearest element with data-path). When focus leaves because a
// pointer is pressed, the check waits until the click is over: an error appearing or going mid-click would move the
// very thing being clicked.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

function pathOf(target: EventTarget | null): string | undefined {
  return target instanceof HTMLElement ? target.closest<HTMLElement>('[data-path]')?.dataset.path : undefined;
}

export class BlurCheckController implements ReactiveController {
  #pointerDown = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly check: (path: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointerdown', this.#onPointerDown);
    window.addEventListener('pointerup', this.#onPointerUp);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.#onPointerDown);
    window.removeEventListener('pointerup', this.#onPointerUp);
  }

  /** The focusout listener for the form. */
  readonly onFocusOut = (event: FocusEvent): void => {
    const path = pathOf(event.target);
    if (path === undefined || pathOf(event.relatedTarget) === path) return;
    if (this.#pointerDown)
      window.addEventListener('pointerup', () => setTimeout(() => this.check(path)), { once: true });
    else this.check(path);
  };

  #onPointerDown = (): void => {
    this.#pointerDown = true;
  };

  #onPointerUp = (): void => {
    this.#pointerDown = false;
  };
}
