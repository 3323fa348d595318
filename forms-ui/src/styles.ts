// The GOV.UK Design System look, themable through --dao-* custom properties (and ::part from the host page).
import { css } from 'lit';

export const formStyles = css`
  :host {
    --_text: var(--dao-text-colour, #0b0c0c);
    --_hint: var(--dao-hint-colour, #505a5f);
    --_error: var(--dao-error-colour, #d4351c);
    --_focus: var(--dao-focus-colour, #ffdd00);
    --_link: var(--dao-link-colour, #1d70b8);
    --_border: var(--dao-border-colour, #0b0c0c);
    --_rule: var(--dao-rule-colour, #b1b4b6);
    --_button: var(--dao-button-colour, #00703c);
    --_button-text: var(--dao-button-text-colour, #fff);
    --_secondary: var(--dao-secondary-button-colour, #f3f2f1);
    display: block;
    max-width: var(--dao-max-width, 60rem);
    color: var(--_text);
    font-family: var(--dao-font-family, 'GDS Transport', arial, sans-serif);
    font-size: var(--dao-font-size, 1.1875rem);
    line-height: 1.32;
    -webkit-font-smoothing: antialiased;
  }
  *, *::before, *::after { box-sizing: border-box; }
  dao-field { display: block; }
  p { margin: 0 0 0.75em; }
  .title { line-height: 1.1; margin: 0 0 0.6em; }
  /* GOV.UK heading sizes at 19px body text: l 36px (an h1), m 24px (an h2), s 19px (below). */
  .title--l, .legend--l { font-size: 1.895em; }
  .title--m { font-size: 1.263em; }
  .title--s { font-size: 1em; }
  .form__body { margin: 0; padding: 0; border: 0; min-width: 0; }
  .validity-anchor { position: absolute; width: 0; height: 0; overflow: hidden; }
  .body { margin: 0 0 1em; white-space: pre-line; }
  .form-group { margin-bottom: 1.5em; }
  .form-group--error { border-left: 5px solid var(--_error); padding-left: 15px; }
  .fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
  .legend, .label { display: block; font-weight: 700; margin-bottom: 0.4em; padding: 0; }
  .legend--m { font-size: 1.2em; margin-bottom: 0.6em; }
  .legend--s { font-size: 1em; }
  .fieldset__heading { font-size: inherit; margin: 0; }
  .hint { color: var(--_hint); margin-bottom: 0.75em; }
  .hint p:last-child { margin-bottom: 0; }
  .error-message { color: var(--_error); font-weight: 700; margin: 0 0 0.6em; }
  .visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden;
    clip: rect(0 0 0 0); clip-path: inset(50%); border: 0; white-space: nowrap; }
  .tag { display: inline-block; padding: 2px 8px; font-size: 0.8em; color: #fff; background: var(--_error); text-transform: uppercase; }
  .input, .textarea { font: inherit; color: inherit; width: 100%; min-height: 40px; padding: 5px;
    border: 2px solid var(--_border); border-radius: 0; background: #fff; }
  .textarea { display: block; min-height: 7em; resize: vertical; }
  .select { font: inherit; color: inherit; min-height: 40px; max-width: 100%; padding: 5px;
    border: 2px solid var(--_border); border-radius: 0; background: #fff; }
  .input--error { border-color: var(--_error); }
  .input--width-2 { max-width: 5.4ex; }
  .input--width-4 { max-width: 9ex; }
  .input--width-5 { max-width: 10.8ex; }
  :is(.input, .textarea, .select, .radios__input, .checkboxes__input, .button, summary):focus-visible,
  :is(.input, .textarea, .select):focus { outline: 3px solid var(--_focus); outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_border); }
  .character-count { margin-top: 0.3em; }
  .character-count--over { color: var(--_error); font-weight: 700; }
  .date-input { display: flex; flex-wrap: wrap; gap: 20px; }
  .date-input__label { font-weight: 400; }
  .radios__item, .checkboxes__item { display: flex; flex-wrap: wrap; align-items: flex-start; margin-bottom: 10px; }
  label.radios__item { flex-wrap: nowrap; align-items: center; gap: 12px; padding-right: 15px; cursor: pointer; }
  .radios--inline { display: flex; flex-wrap: wrap; column-gap: 20px; }
  .radios__input, .checkboxes__input { appearance: none; flex: none; width: 40px; height: 40px; margin: 0;
    border: 2px solid currentColor; background: #fff; color: var(--_text); cursor: pointer; }
  .radios__input { border-radius: 50%; }
  .radios__input:checked { background: radial-gradient(currentColor 0 10px, transparent 11px); }
  .checkboxes__input:checked { background: linear-gradient(currentColor, currentColor) center / 55% 55% no-repeat #fff; }
  .radios__label, .checkboxes__label { flex: 1; padding: 8px 15px 5px 12px; cursor: pointer; }
  .radios__hint, .checkboxes__hint { flex-basis: 100%; padding-left: 52px; margin: 0; }
  .radios--inline .radios__label { flex: none; }
  .item--green { border-left: 6px solid #00703c; padding-left: 6px; }
  .item--red { border-left: 6px dashed var(--_error); padding-left: 6px; }
  .details { margin-bottom: 1em; }
  .details__summary { color: var(--_link); text-decoration: underline; cursor: pointer; display: inline-block; }
  .details__text { border-left: 5px solid var(--_rule); padding: 0.75em 1em; margin-top: 0.5em; }
  .variants__chosen { border-left: 4px solid var(--_rule); padding-left: 18px; margin: 0 0 1em 18px; }
  .section > .fieldset { border-top: 1px solid var(--_rule); padding-top: 1em; }
  .radios--inline, .radios__item { max-width: 100%; }
  label.radios__item { flex-wrap: wrap; }
  .add-another__item { border-bottom: 1px solid var(--_rule); margin-bottom: 1.2em; padding-bottom: 0.5em; }
  .summary { display: grid; grid-template-columns: minmax(8rem, 1fr) 2fr; gap: 10px; margin: 0 0 0.6em;
    padding-bottom: 0.5em; border-bottom: 1px solid var(--_rule); }
  .summary__key { font-weight: 700; }
  .summary__value { margin: 0; white-space: pre-line; }
  .table { width: 100%; border-collapse: collapse; }
  .table__caption { text-align: left; font-weight: 700; font-size: 1.1em; margin-bottom: 0.5em; }
  .table th, .table td { text-align: left; vertical-align: top; padding: 8px 12px 8px 0; border-bottom: 1px solid var(--_rule); }
  .button { font: inherit; font-weight: 400; display: inline-block; margin: 0 15px 1.2em 0; padding: 8px 10px 7px; border: 2px solid transparent;
    border-radius: 0; color: var(--_button-text); background: var(--_button); box-shadow: 0 2px 0 #002d18; cursor: pointer; }
  .button--secondary { color: var(--_text); background: var(--_secondary); box-shadow: 0 2px 0 #929191; }
  .error-summary { border: 5px solid var(--_error); padding: 15px 20px; margin-bottom: 1.5em; }
  .error-summary:focus { outline: 3px solid var(--_focus); }
  .error-summary__title { font-size: 1.2em; margin: 0 0 0.6em; }
  .error-summary__list { margin: 0; padding: 0; list-style: none; }
  .error-summary__list li { margin-bottom: 5px; }
  .error-summary__list a { color: var(--_error); font-weight: 700; }
  .error-summary__list a:focus { outline: 3px solid transparent; color: #0b0c0c; background: var(--_focus);
    box-shadow: 0 -2px var(--_focus), 0 4px #0b0c0c; text-decoration: none; }
  @media (max-width: 40em) {
    .table, .table thead, .table tbody, .table tr, .table th, .table td { display: block; }
    .table thead { position: absolute; left: -9999px; }
    .table tr { border-bottom: 1px solid var(--_rule); padding: 6px 0; }
    .table th, .table td { border: 0; padding: 2px 0; }
    .table td[data-label]::before { content: attr(data-label) ": "; font-weight: 700; }
  }
  @media print {
    :host { font-size: 12pt; }
    .button, .details__summary { display: none; }
  }
`;
