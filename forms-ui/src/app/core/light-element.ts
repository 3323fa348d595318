// The app's screens and parts render into the page itself, not a shadow root: one document holds the landmarks,
// headings, the skip link's target and label/for pairs, and one stylesheet (forms-ui/app/app.css) styles them all.
// <dao-form>, the embeddable element, keeps its own shadow root and styles.
import { LitElement } from 'lit';

export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Tells the app shell (and any host) something happened: bubbling, composed, as every event of the app. */
  protected emit(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
