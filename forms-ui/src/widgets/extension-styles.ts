// The look of this product's own widgets (grids, scale, signature), adopted by a <dao-form> whose schema uses them
// once they load (../extensions.ts), after formStyles; the same --dao-* custom properties theme them.
import { css } from 'lit';

export const extensionStyles = css`
  .radios--small .radios__input { width: 24px; height: 24px; }
  .radios--small .radios__input:checked { background: radial-gradient(currentColor 0 5px, transparent 6px); }
  .radios--small { column-gap: 6px; }
  .radios--small .radios__label { padding: 0 6px 0 4px; }
  .radios--small .radios__item { align-items: center; margin-bottom: 4px; gap: 4px; padding-right: 6px; }
  .grid__key { font-size: 0.9em; }
  /* A row is its question then its columns; where they do not fit side by side the columns wrap under the question,
     and at narrow widths each column names itself (the titles over the rows are hidden): WCAG 1.4.10 reflow. */
  .grid__header, .grid-row { display: flex; flex-wrap: wrap; align-items: flex-start; column-gap: 20px; }
  .grid__header > :first-child, .grid-row__legend { flex: 1 1 10rem; min-width: 0; }
  .grid__header { font-weight: 700; border-bottom: 2px solid var(--_border); padding-bottom: 0.3em; }
  .grid__columns, .grid-row__cells {
    display: flex; flex-wrap: wrap; column-gap: 24px; flex: 0 1 auto; min-width: 0; max-width: 100%;
  }
  .grid__column, .grid-row__cell { width: var(--dao-grid-column-width, 20rem); max-width: 100%; min-width: 0; }
  .grid-row__cell-title { display: none; font-weight: 700; margin-bottom: 4px; }
  .grid-row { margin: 0; padding: 10px 0; border: 0; border-bottom: 1px solid var(--_rule); min-width: 0;
    content-visibility: auto; contain-intrinsic-size: auto 60px; }
  .grid-row__legend { float: left; padding: 0; font-weight: 400; }
  .grid-row--error { border-left: 5px solid var(--_error); padding-left: 10px; }
  .signature .form-group { display: inline-block; vertical-align: top; margin-right: 30px; }
  @media (max-width: 40em) {
    .grid__header { display: none; }
    .grid-row__cell-title { display: block; }
  }
  @media print {
    .grid-row { content-visibility: visible; }
  }
`;
