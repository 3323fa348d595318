// The widgets of any JSON Schema, registered in one place. Adding a widget: one file in this folder and one line
// here. This product's own widgets (grids, scale, signature, computed answers) are registered when a form that uses
// them loads them (../extensions.ts).
import { registerWidget } from './registry.js';
import { checkboxes } from './checkboxes.js';
import { date } from './date.js';
import { dateTime } from './date-time.js';
import { nullValue } from './null.js';
import { number } from './number.js';
import { radios } from './radios.js';
import { section } from './section.js';
import { select } from './select.js';
import { table } from './table.js';
import { text } from './text.js';
import { textarea } from './textarea.js';
import { time } from './time.js';
import { tuple } from './tuple.js';
import { variants } from './variants.js';
import { yesno } from './yesno.js';

registerWidget('text', text);
registerWidget('textarea', textarea);
registerWidget('date', date);
registerWidget('number', number);
registerWidget('radios', radios);
registerWidget('checkboxes', checkboxes);
registerWidget('yesno', yesno);
registerWidget('section', section);
registerWidget('table', table);
registerWidget('select', select);
registerWidget('time', time);
registerWidget('date-time', dateTime);
registerWidget('tuple', tuple);
registerWidget('variants', variants);
registerWidget('null', nullValue);
