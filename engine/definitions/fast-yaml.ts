// A quick first reading of a definition file: js-yaml's event parser, with values built exactly as the `yaml` package
// builds them (YAML 1.2 core schema, the same scalar resolvers, the same keys). It gives up — returns undefined — on
// anything it does not follow exactly or that a definition may not use (tags, directives, no or several documents, keys
// that are not text, repeated keys, `<<`, an alias inside an anchored node or too many aliases), and the file is then
// read by `yaml` alone, which reports every problem with its position. test/definitions/fast-yaml.test.ts holds the
// proof that both readings give the same value.
import { getScalarValue, parseEvents, type Event, type ScalarEvent } from 'js-yaml';
import { isScalar, Schema, type ScalarTag } from 'yaml';

const DOCUMENT = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const ALIAS = 5;
const POP = 6;
const PLAIN = 1;
const LITERAL_BLOCK = 4;

// The implicit scalar tags of `yaml`'s core schema, in the order `yaml` tries them (null, bool, int, float).
const implicitTags = new Schema({ schema: 'core' }).tags.filter(
  (tag): tag is ScalarTag & { test: RegExp } => tag.default === true && !('collection' in tag && tag.collection) && 'test' in tag && tag.test instanceof RegExp,
);
const resolveOptions = { intAsBigInt: false };

// `yaml` refuses a document whose aliases multiply past 100 values ("Excessive alias count"): with no alias inside an
// anchored node each alias is worth one, so up to 99 of them can never reach that limit.
const MAX_ALIASES = 99;

const MAX_KEY_SOURCE = 1000;
const BLOCK_INDENTATION_INDICATOR = /[|>](?:[-+]?[1-9]|[1-9][-+])[ ]*(?:#.*)?$/m;
const DOCUMENT_MARKER = /^(?:\.\.\.|[ ]+(?:---|\.\.\.))(?:[ ]|$)/m;
const BLOCK = 1;
// After the anchor of a block collection, `yaml` wants the line to end (`key: &a` then the mapping below it).
const LINE_END = /[ ]*(?:#.*)?(?:\n|$)/y;

class NotFollowed extends Error {}

function giveUp(): never {
  throw new NotFollowed();
}

// Every implicit tag's pattern starts with one of these (or matches the empty text, as null): other text is a string.
const MAY_RESOLVE = /^[~nNtTfF0-9+.-]/;

function plainValue(text: string): unknown {
  if (text !== '' && !MAY_RESOLVE.test(text)) return text;
  for (const tag of implicitTags) {
    if (tag.test.test(text)) {
      const resolved = tag.resolve(text, giveUp, resolveOptions as never);
      return isScalar(resolved) ? resolved.value : resolved;
    }
  }
  return text;
}

/** The value of a YAML text as `yaml` would give it, or undefined when the text needs `yaml` itself. */
export function fastYamlValue(text: string): { value: unknown } | undefined {
  // `yaml` refuses a tab used as indentation, where js-yaml may take it as a space; it reads a lone carriage return as
  // text where js-yaml breaks the line, and js-yaml keeps one line break too many at the end of a `>+` block scalar
  // whose lines end in CR LF (">+\r\n\n    ": "\n\n", where `yaml` gives "\n"). Such texts, and so every file saved
  // with Windows line ends, go to `yaml`.
  if (text.includes('\t') || text.includes('\r')) return undefined;
  // Block scalars with an explicit indentation (`|2`, `>-1`) are read differently at the edges: leave them to `yaml`.
  if (BLOCK_INDENTATION_INDICATOR.test(text)) return undefined;
  // So are document end markers (`...`) and indented markers, which a definition has no need of.
  if (DOCUMENT_MARKER.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  const first = events[0];
  // One document, no directives, and exactly its events (a stream of several documents has more).
  if (!first || first.type !== DOCUMENT || first.directives.length > 0 || events.at(-1)?.type !== POP) return undefined;
  let at = 1;
  const anchors = new Map<string, unknown>();
  let anchoredDepth = 0;
  let aliases = 0;
  const anchor = (event: { anchorStart: number; anchorEnd: number }, value: unknown) => {
    if (event.anchorStart !== -1) anchors.set(text.slice(event.anchorStart, event.anchorEnd), value);
  };
  const node = (): unknown => {
    const event = events[at++];
    if (!event) return giveUp();
    if (event.type === SCALAR) {
      // Anchors are followed only on block scalars (`key: &name |`) and, below, on collections.
      if (event.tagStart !== -1 || (event.anchorStart !== -1 && event.style < LITERAL_BLOCK)) giveUp();
      const source = getScalarValue(text, event as ScalarEvent);
      const value = event.style === PLAIN ? plainValue(source) : source;
      anchor(event, value);
      return value;
    }
    if (event.type === ALIAS) {
      const name = text.slice(event.anchorStart, event.anchorEnd);
      if (anchoredDepth > 0 || ++aliases > MAX_ALIASES || !anchors.has(name)) giveUp();
      // As `yaml` does, an alias gives the very value of its anchor, not a copy.
      return anchors.get(name);
    }
    if (event.type !== SEQUENCE && event.type !== MAPPING) return giveUp();
    if (event.tagStart !== -1) giveUp();
    const anchored = event.anchorStart !== -1 ? 1 : 0;
    if (anchored && event.style === BLOCK) {
      LINE_END.lastIndex = event.anchorEnd;
      if (!LINE_END.test(text)) giveUp();
    }
    anchoredDepth += anchored;
    let value: unknown;
    if (event.type === SEQUENCE) {
      const items: unknown[] = [];
      anchor(event, items);
      while (events[at]?.type !== POP) items.push(node());
      value = items;
    } else {
      const map: Record<string, unknown> = {};
      anchor(event, map);
      while (events[at]?.type !== POP) {
        const keyEvent = events[at];
        // `yaml` refuses an implicit key over 1024 characters: leave long keys to it.
        if (keyEvent?.type !== SCALAR || keyEvent.anchorStart !== -1 || keyEvent.valueEnd - keyEvent.valueStart > MAX_KEY_SOURCE) giveUp();
        const key = node();
        // A key that is not text (1, true, ~) or `<<` is left to `yaml`, as is a repeated key.
        if (typeof key !== 'string' || key === '<<' || Object.prototype.hasOwnProperty.call(map, key)) giveUp();
        const item = node();
        // As `yaml` does: a key such as __proto__ or toString becomes an own property.
        if (key in map) Object.defineProperty(map, key, { value: item, writable: true, enumerable: true, configurable: true });
        else map[key] = item;
      }
      value = map;
    }
    at++;
    anchoredDepth -= anchored;
    return value;
  };
  try {
    const value = node();
    // The document closes, and nothing follows it.
    if (events[at]?.type !== POP || at + 1 !== events.length) return undefined;
    return { value };
  } catch (error) {
    if (error instanceof NotFollowed) return undefined;
    throw error;
  }
}
