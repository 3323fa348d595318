// The module ./extensions.ts loads for a form that uses this product's extensions: its own widgets (the grids of its
// assessments, scale, signature, computed answers shown) with their styles, and the computed answers' evaluator (the
// engine's own, so browser and server compute alike). Built on its own as dist/dao-form-extensions.js; it registers
// nothing itself.
import type { Widget } from './widgets/registry.js';
import { computed } from './widgets/computed.js';
import { extensionStyles } from './widgets/extension-styles.js';
import { frequencyGrid } from './widgets/frequency-grid.js';
import { riskMatrix } from './widgets/risk-matrix.js';
import { scale } from './widgets/scale.js';
import { signature } from './widgets/signature.js';
import { yesnoHelpTable } from './widgets/yesno-help-table.js';

export { computeAnswers } from '../../engine/forms/compute.js';

/** Adopted by the form's shadow root after its own styles. */
export const styles = extensionStyles;

export const widgets: Record<string, Widget> = {
  'frequency-grid': frequencyGrid,
  'risk-matrix': riskMatrix,
  'yesno-help-table': yesnoHelpTable,
  signature,
  scale,
  computed,
};
