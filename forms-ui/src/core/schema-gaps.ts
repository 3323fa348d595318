// What a schema asks for that the form cannot show, each named by its place in the schema, so a portal developer
// hears of it on the console rather than finding a silent gap: answers under names the schema does not list, items
// after a tuple's fixed positions, a $ref that does not resolve, a format nobody knows, a value of several types.
import { checkFormat } from './json-schema/formats.js';
import { childSchemas, indexOf, isNode, type SchemaNode } from './json-schema/resources.js';

function isOpen(schema: unknown): boolean {
  return isNode(schema) && Object.keys(schema).some((k) => !['title', 'description', '$comment'].includes(k));
}

function gapsOf(root: SchemaNode, node: SchemaNode, at: string): string[] {
  const gaps: string[] = [];
  for (const key of ['additionalProperties', 'patternProperties', 'unevaluatedProperties']) {
    const value = node[key];
    const open = key === 'patternProperties' ? isNode(value) && Object.keys(value).length > 0 : isOpen(value);
    if (open) gaps.push(`${at}/${key}: answers under other names than the properties listed cannot be entered on this form`);
  }
  const fixed = Array.isArray(node.prefixItems) || Array.isArray(node.items);
  const rest = Array.isArray(node.prefixItems) ? node.items : node.additionalItems;
  if (fixed && (rest === true || isOpen(rest))) gaps.push(`${at}: items after the fixed positions cannot be added on this form`);
  for (const key of ['$ref', '$dynamicRef', '$recursiveRef']) {
    if (typeof node[key] === 'string' && indexOf(root).resolve(node[key] as string, node) === undefined) {
      gaps.push(`${at}/${key}: "${String(node[key])}" is not in this schema, so the questions it points to are not shown`);
    }
  }
  if (typeof node.format === 'string' && checkFormat(node.format, '') === undefined) {
    gaps.push(`${at}/format: "${node.format}" is not a format the form knows; it is shown as text and not checked`);
  }
  const types = Array.isArray(node.type) ? node.type.filter((t) => t !== 'null') : [];
  if (types.length > 1) gaps.push(`${at}/type: only the first of ${types.join(', ')} is offered`);
  for (const key of ['oneOf', 'anyOf']) {
    const inAllOf = Array.isArray(node.allOf) && node.allOf.some((m) => isNode(m) && Array.isArray(m[key]) && m[key].some((b) => isNode(b) && !('const' in b)));
    if (inAllOf) gaps.push(`${at}/allOf: a ${key} inside allOf is checked but its variants are not offered as a choice`);
  }
  return gaps;
}

/** Every gap in the schema, in document order. */
export function schemaGaps(root: SchemaNode): string[] {
  const gaps: string[] = [];
  const seen = new Set<SchemaNode>();
  const visit = (node: SchemaNode, at: string) => {
    if (seen.has(node)) return;
    seen.add(node);
    gaps.push(...gapsOf(root, node, at));
    for (const [key, child] of childSchemas(node)) if (isNode(child)) visit(child, `${at}/${key}`);
  };
  visit(root, '#');
  return gaps;
}
