// type: "null" — a question with only one possible answer (null), so nothing to ask: it is not shown, and the form
// sends null for it when it is required (core/answers.ts).
import { nothing } from 'lit';
import type { Widget } from './registry.js';

export const nullValue: Widget = { render: () => nothing, readOnly: () => nothing };
