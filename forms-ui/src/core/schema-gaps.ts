// What a schema asks for that the form cannot show, each named by its place in the schema, so a portal developer
// hears of it on the console rather than finding a silent gap: answers under names the schema does not list, items
// after a tuple's fixed positions, a $ref that does not resolve, a format nobody knows, a value of several types, an
// x-widget that names no widget of ours (shown as its type is).
import { checkFormat } from './json-schema/formats.js';
import { childSchemas, indexOf, isNode, type SchemaNode } from './json-schema/resources.js';

const isOpen = (s: unknown) =>
  isNode(s) && Object.keys(s).some((k) => !['title', 'description', '$comment'].includes(k));

function gapsOf(root: SchemaNode, node: SchemaNode, isWidget: (name: string) => boolean): string[] {
  const gaps: string[] = [];
  const widget = node['x-widget'];
  if (typeof widget === 'string' && !isWidget(widget)) gaps.push(`x-widget: "${widget}" is not a widget of this form`);
  for (const key of ['additionalProperties', 'patternProperties', 'unevaluatedProperties']) {
    const value = node[key];
    if (key === 'patternProperties' ? isNode(value) && Object.keys(value).length : isOpen(value))
      gaps.push(`${key}: answers under other names cannot be entered`);
  }
  const rest = Array.isArray(node.prefixItems) ? node.items : Array.isArray(node.items) ? node.additionalItems : false;
  if (rest === true || isOpen(rest)) gaps.push('items after the fixed positions cannot be added');
  for (const key of ['$ref', '$dynamicRef', '$recursiveRef']) {
    if (typeof node[key] === 'string' && indexOf(root).resolve(node[key] as string, node) === undefined)
      gaps.push(`${key}: not in this schema, not shown`);
  }
  if (typeof node.format === 'string' && checkFormat(node.format, '') === undefined)
    gaps.push('format: unknown, shown as text and not checked');
  if (Array.isArray(node.type) && node.type.filter((t) => t !== 'null').length > 1)
    gaps.push('type: only the first type is offered');
  const nested = (node.allOf as unknown[] | undefined)?.some((m) => isNode(m) && (m.oneOf ?? m.anyOf) !== undefined);
  if (nested) gaps.push('allOf: a oneOf/anyOf inside allOf is checked but not offered as a choice');
  return gaps;
}

/** Every gap in the schema, in document order, as "#/json/pointer: what"; `isWidget` knows the x-widget names. */
export function schemaGaps(root: SchemaNode, isWidget: (name: string) => boolean = () => true): string[] {
  const gaps: string[] = [];
  const seen = new Set<SchemaNode>();
  const visit = (node: SchemaNode, at: string) => {
    if (seen.has(node)) return;
    seen.add(node);
    gaps.push(...gapsOf(root, node, isWidget).map((gap) => `${at} ${gap}`));
    for (const [key, child] of childSchemas(node)) if (isNode(child)) visit(child, `${at}/${key}`);
  };
  visit(root, '#');
  return gaps;
}
