// A definition file as parsed YAML that remembers where every value came from, so problems carry line:col.
import { createRequire } from 'node:module';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ParseCache } from './parse-cache.js';
import type { Problem } from './problems.js';

export type Path = readonly (string | number)[];

export interface SourceFile {
  file: string;
  text: string;
  /** The YAML document with every node's place in the text: read on first use, which only a problem needs. */
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  data: unknown;
  parseFailed: boolean;
}

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true } as const;
const TO_JS_OPTIONS = { maxAliasCount: 100 } as const;

/** What gives a file's value — the parser's version and options — for a cache of values read before. */
const yamlVersion = (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;
export const YAML_READING = `yaml ${yamlVersion} ${JSON.stringify([PARSE_OPTIONS, TO_JS_OPTIONS])}`;

function parseWithPositions(text: string): { doc: Document; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { ...PARSE_OPTIONS, lineCounter }), lineCounter };
}

/**
 * A file read without problems keeps its value only: the document with every node's position is read again from
 * the text when a problem is first reported in it (few files have one), rather than kept for every file of every
 * version the server holds.
 */
function lazySource(file: string, text: string, data: unknown): SourceFile {
  let positions: { doc: Document; lineCounter: LineCounter } | undefined;
  const read = () => (positions ??= parseWithPositions(text));
  return {
    file,
    text,
    data,
    parseFailed: false,
    get doc() {
      return read().doc;
    },
    get lineCounter() {
      return read().lineCounter;
    },
  };
}

function yamlProblem(code: string, message: string, file: string, lineCounter: LineCounter, offset: number): Problem {
  return { code, message: `YAML: ${message}`, file, ...lineCounter.linePos(offset) };
}

/**
 * Reads a definition file with `yaml` (the one YAML reader): its value, or every problem at its line and column.
 * A value `cache` holds for exactly this text was read by `yaml` before, and is used as it is.
 */
export function parseSource(
  file: string,
  text: string,
  cache?: ParseCache,
): { source: SourceFile; problems: Problem[] } {
  const kept = cache?.read(text);
  if (kept) return { source: lazySource(file, text, kept.value), problems: [] };
  const { doc, lineCounter } = parseWithPositions(text);
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    const offset = /^Flow (sequence|map)/.test(error.message) ? unclosedFlowStart(text, error.pos[0]) : error.pos[0];
    const duplicate = error.code === 'DUPLICATE_KEY';
    const firstLine = error.message.split('\n')[0]!;
    const message = duplicate ? 'duplicate key: ' + error.message.replace(/^.*?:\s*/, '') : firstLine;
    problems.push(yamlProblem(duplicate ? 'duplicate-key' : 'yaml-syntax', message, file, lineCounter, offset));
  }
  // Definitions are data: a YAML tag (!!js/function, !include…) is refused, never resolved or silently dropped.
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    const message = `tags are not allowed in definitions (${warning.message.split('\n')[0]})`;
    problems.push(yamlProblem('yaml-tag', message, file, lineCounter, warning.pos[0]));
  }
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS(TO_JS_OPTIONS);
    } catch (error) {
      // e.g. "Excessive alias count": an alias bomb is refused, not expanded.
      problems.push({
        code: 'yaml-aliases',
        message: `YAML: ${(error as Error).message.split('\n')[0]}`,
        file,
        line: 1,
        col: 1,
      });
    }
  }
  if (problems.length === 0) {
    cache?.keep(text, data);
    return { source: lazySource(file, text, data), problems };
  }
  return { source: { file, text, doc, lineCounter, data, parseFailed: true }, problems };
}

function childNode(node: unknown, key: string | number): { value: Node | null; keyNode: Node | null } | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(key)) {
        return { value: (item.value as Node) ?? null, keyNode: item.key as Node };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof key === 'number') {
    const value = node.items[key] as Node | undefined;
    return value ? { value, keyNode: null } : undefined;
  }
  return undefined;
}

/** YAML notices an unclosed `[` or `{` only where the next line starts: point at the bracket that was left open. */
function unclosedFlowStart(text: string, errorAt: number): number {
  const open: number[] = [];
  let quote: string | null = null;
  for (let i = 0; i < errorAt && i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || (c === "'" && /[\s[{,:]/.test(text[i - 1] ?? ' '))) quote = c;
    else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) while (i < text.length && text[i] !== '\n') i++;
    else if (c === '[' || c === '{') open.push(i);
    else if ((c === ']' || c === '}') && open.length) open.pop();
  }
  return open.at(-1) ?? errorAt;
}

/** Where a path points in the file; `at: 'key'` points at the key instead of its value. Falls back to the deepest ancestor found. */
export function locate(source: SourceFile, path: Path, at: 'value' | 'key' = 'value'): { line: number; col: number } {
  let node: unknown = source.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const found = childNode(node, path[i]!);
    if (!found) break;
    const last = i === path.length - 1;
    const target = last && at === 'key' && found.keyNode ? found.keyNode : (found.value ?? found.keyNode);
    if (target?.range) offset = target.range[0];
    node = found.value;
  }
  return source.lineCounter.linePos(offset);
}

export function problemAt(
  source: SourceFile,
  path: Path,
  code: string,
  message: string,
  at: 'value' | 'key' = 'value',
): Problem {
  return { code, message, file: source.file, ...locate(source, path, at) };
}
