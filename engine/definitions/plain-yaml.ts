// The quickest reading of a definition file, for the plain YAML definitions are written in: block mappings and
// sequences, flow collections, plain and quoted scalars (also over several lines), `|` and `>` blocks, comments, and
// anchors as fast-yaml.ts follows them. Values are built as `yaml` builds them. It gives up — returns undefined — at the
// first thing outside that subset or that it is not sure of (tags, escapes, odd indentation, repeated keys, a colon or
// comment where it might change the meaning…), and the file is then read by fast-yaml.ts or `yaml`.
// test/definitions/fast-yaml.test.ts holds the proof that every reading gives the value `yaml` gives.
import { GiveUp, giveUp, plainValue, setKey } from './fast-yaml.js';
import { closingQuote, flowDepth, FlowReader, MAX_KEY_SOURCE, PLAIN_START, quoted, TRAILING_SPACES } from './plain-yaml-flow.js';

interface Line {
  indent: number;
  /** The line without its indentation; '' for a blank line. */
  content: string;
}

// Only spaces are whitespace here (JavaScript's trim would also take other characters that YAML keeps as text).
const LEADING_SPACES = /^ +/;
// As in fast-yaml.ts: with no alias inside an anchored value, up to 99 aliases never reach `yaml`'s alias limit.
const MAX_ALIASES = 99;
const PLAIN_KEY = /^[A-Za-z0-9_$][A-Za-z0-9_$.\/+-]*$/;
// Anywhere in a plain scalar: no `: `, no ` #`, no trailing `:`.
const PLAIN_BREAK = /: |:$| #/;

function isBlankOrComment(line: Line): boolean {
  return line.content === '' || line.content.startsWith('#');
}

/** After a value on a line: nothing but spaces, or a comment after a space. */
function expectLineEnd(rest: string): void {
  const trimmed = rest.replace(LEADING_SPACES, '');
  if (trimmed !== '' && !(trimmed.startsWith('#') && trimmed.length < rest.length)) giveUp();
}

class Reader {
  private at = 0;
  private readonly anchors = new Map<string, unknown>();
  private anchoredDepth = 0;
  private aliases = 0;

  constructor(
    private readonly lines: Line[],
    /** Whether the last line ends with a line break (a block scalar's last break depends on it). */
    private readonly lastLineBreak: boolean,
  ) {}

  /** The next line that is not blank or a comment, without moving on. */
  private peek(): Line | undefined {
    while (this.at < this.lines.length && isBlankOrComment(this.lines[this.at]!)) this.at++;
    return this.lines[this.at];
  }

  document(): unknown {
    const first = this.peek();
    if (!first || first.indent !== 0 || isSequenceEntry(first.content)) giveUp();
    const value = this.mapping(0);
    if (this.peek()) giveUp();
    return value;
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || isSequenceEntry(line.content)) giveUp();
      const { key, rest } = splitKey(line.content);
      if (key === '<<' || Object.prototype.hasOwnProperty.call(map, key)) giveUp();
      this.at++;
      setKey(map, key, this.value(rest, indent, true));
    }
    return map;
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    for (let line = this.peek(); line && line.indent === indent && isSequenceEntry(line.content); line = this.peek()) {
      const rest = line.content.slice(1);
      const spaces = rest.length - rest.replace(LEADING_SPACES, '').length;
      const inner = rest.replace(LEADING_SPACES, '');
      if (inner !== '' && !inner.startsWith('#') && (isSequenceEntry(inner) || startsWithKey(inner))) {
        // `- key: value` or `- - item`: a collection whose first line is this one, indented where its text starts.
        this.lines[this.at] = { indent: indent + 1 + spaces, content: inner };
        items.push(isSequenceEntry(inner) ? this.sequence(indent + 1 + spaces) : this.mapping(indent + 1 + spaces));
      } else {
        this.at++;
        items.push(this.value(rest, indent, false));
      }
    }
    const next = this.peek();
    if (next && next.indent > indent) giveUp();
    return items;
  }

  /** The value after `key:` or `-` (the rest of that line), in a collection at `indent`. */
  private value(rest: string, indent: number, inMapping: boolean): unknown {
    const text = rest.replace(LEADING_SPACES, '');
    if (text === '' || text.startsWith('#')) return this.valueBelow(indent, inMapping);
    if (rest.length === text.length) giveUp(); // `key:value` is no mapping entry
    const first = text[0]!;
    if (first === '&') return this.anchored(text, indent, inMapping);
    if (first === '*') {
      // An alias gives the very value of its anchor, as in `yaml`; aliases inside anchored values are left to others.
      const match = /^\*([A-Za-z0-9_-]+)( +#.*| *)$/.exec(text);
      if (!match || this.anchoredDepth > 0 || ++this.aliases > MAX_ALIASES || !this.anchors.has(match[1]!)) giveUp();
      return this.anchors.get(match[1]!);
    }
    if (first === '|' || first === '>') return this.blockScalar(text, indent);
    if (first === '[' || first === '{') {
      const joined = this.flowLines(text, indent);
      const flow = new FlowReader(joined);
      const value = flow.node();
      expectLineEnd(joined.slice(flow.at));
      return value;
    }
    if (first === '"' || first === "'") return this.quotedLines(text, indent);
    return this.plainScalar(text, indent);
  }

  /** The value of `key:` (or `-`) with nothing after it on the line: a collection below, or null. */
  private valueBelow(indent: number, inMapping: boolean): unknown {
    const next = this.peek();
    if (!next || next.indent < indent) return null;
    // A sequence may sit at its key's own indentation.
    if (next.indent === indent) return inMapping && isSequenceEntry(next.content) ? this.sequence(indent) : null;
    if (isSequenceEntry(next.content)) return this.sequence(next.indent);
    if (startsWithKey(next.content)) return this.mapping(next.indent);
    return giveUp();
  }

  /** `&name` before a collection below, a flow collection or a block scalar (as fast-yaml.ts follows them). */
  private anchored(text: string, indent: number, inMapping: boolean): unknown {
    const match = /^&([A-Za-z0-9_-]+)(?: +(.*))?$/.exec(text);
    if (!match) giveUp();
    const after = match[2] ?? '';
    this.anchoredDepth++;
    let value: unknown;
    if (after === '' || after.startsWith('#')) {
      value = this.valueBelow(indent, inMapping);
      if (value === null || typeof value !== 'object') giveUp();
    } else if (/^[[{|>]/.test(after)) {
      value = this.value(' ' + after, indent, inMapping);
    } else {
      giveUp();
    }
    this.anchoredDepth--;
    this.anchors.set(match[1]!, value);
    return value;
  }

  /** A flow collection, joined with the lines it runs on to, each more indented than its collection. */
  private flowLines(text: string, indent: number): string {
    let joined = text.replace(TRAILING_SPACES, '');
    while (flowDepth(joined) > 0) {
      const line = this.lines[this.at];
      if (!line || line.content === '' || line.indent <= indent || line.content.startsWith('#') || line.content.includes(' #')) giveUp();
      joined += ' ' + line.content.replace(TRAILING_SPACES, '');
      this.at++;
    }
    return joined;
  }

  /** A quoted string, on one line or folded over several (each more indented than its collection). */
  private quotedLines(text: string, indent: number): string {
    let joined = text.replace(TRAILING_SPACES, '');
    let breaks = 0;
    while (closingQuote(joined) === -1) {
      const line = this.lines[this.at];
      if (!line || (line.content !== '' && line.indent <= indent)) giveUp();
      this.at++;
      if (line.content === '') {
        breaks++;
        continue;
      }
      joined += (breaks === 0 ? ' ' : '\n'.repeat(breaks)) + line.content.replace(TRAILING_SPACES, '');
      breaks = 0;
    }
    if (breaks > 0) giveUp();
    const { value, end } = quoted(joined, 0);
    expectLineEnd(joined.slice(end));
    return value;
  }

  private plainScalar(firstLine: string, indent: number): unknown {
    if (!PLAIN_START.test(firstLine) && !/^-[^\s]/.test(firstLine)) giveUp();
    const comment = firstLine.indexOf(' #');
    const head = (comment === -1 ? firstLine : firstLine.slice(0, comment)).replace(TRAILING_SPACES, '');
    if (PLAIN_BREAK.test(head)) giveUp();
    if (comment !== -1) {
      const next = this.peek();
      if (next && next.indent > indent) giveUp();
      return plainValue(head);
    }
    // Continuation lines, more indented than the collection, are folded in: one break is a space, each blank line a break.
    let value = head;
    let breaks = 0;
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.content === '') {
        breaks++;
        this.at++;
        continue;
      }
      if (line.indent <= indent) break;
      if (line.content.startsWith('#') || !PLAIN_START.test(line.content)) giveUp();
      const comment_ = line.content.indexOf(' #');
      const part = (comment_ === -1 ? line.content : line.content.slice(0, comment_)).replace(TRAILING_SPACES, '');
      if (PLAIN_BREAK.test(part)) giveUp();
      value += breaks === 0 ? ' ' + part : '\n'.repeat(breaks) + part;
      breaks = 0;
      this.at++;
      if (comment_ !== -1) {
        const next = this.peek();
        if (next && next.indent > indent) giveUp();
        break;
      }
    }
    return plainValue(value);
  }

  private blockScalar(header: string, indent: number): string {
    const match = /^([|>])([-+]?)( +#.*| *)$/.exec(header);
    if (!match) giveUp();
    const folded = match[1] === '>';
    const chomping = match[2];
    const content: string[] = [];
    let blockIndent = -1;
    let trailingBlank = 0;
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      // Whether the text's last line ends the block with a break or not is left to the others.
      if (this.at === this.lines.length - 1 && !this.lastLineBreak) giveUp();
      if (line.content === '') {
        // Spaces on a blank line could be content: leave those to the others.
        if (blockIndent === -1 ? line.indent > 0 : line.indent > blockIndent) giveUp();
        trailingBlank++;
        this.at++;
        continue;
      }
      if (line.indent <= indent) break;
      if (blockIndent === -1) blockIndent = line.indent;
      if (line.indent < blockIndent || (folded && line.indent > blockIndent)) giveUp();
      for (; trailingBlank > 0; trailingBlank--) content.push('');
      content.push(' '.repeat(line.indent - blockIndent) + line.content);
      this.at++;
    }
    if (blockIndent === -1 || content[0] === '') giveUp();
    let text = '';
    if (folded) {
      for (let i = 0; i < content.length; i++) {
        if (i > 0) text += content[i] === '' || content[i - 1] === '' ? (content[i] === '' ? '\n' : '') : ' ';
        text += content[i];
      }
    } else {
      text = content.join('\n');
    }
    if (chomping === '-') return text;
    if (chomping === '+') return text + '\n'.repeat(trailingBlank + 1);
    return text + '\n';
  }
}

function isSequenceEntry(content: string): boolean {
  return content === '-' || content.startsWith('- ');
}

function startsWithKey(content: string): boolean {
  try {
    splitKey(content);
    return true;
  } catch (error) {
    if (error instanceof GiveUp) return false;
    throw error;
  }
}

/** `key: rest` → the key and what follows the colon; the key is plain text or a one-line quoted string. */
function splitKey(content: string): { key: string; rest: string } {
  let key: unknown;
  let end: number;
  if (content[0] === '"' || content[0] === "'") {
    ({ value: key, end } = quoted(content, 0));
  } else {
    end = content.search(/:(?: |$)/);
    if (end <= 0) giveUp();
    const source = content.slice(0, end);
    if (!PLAIN_KEY.test(source)) giveUp();
    key = plainValue(source);
  }
  // `yaml` refuses an implicit key over 1024 characters: leave long keys to the others.
  if (typeof key !== 'string' || end > MAX_KEY_SOURCE || content[end] !== ':' || (content.length > end + 1 && content[end + 1] !== ' ')) giveUp();
  return { key, rest: content.slice(end + 1) };
}

/** The value of a definition file written in plain YAML, as `yaml` would give it, or undefined. */
export function plainYamlValue(text: string): { value: unknown } | undefined {
  if (text.includes('\t') || text.includes('\r')) return undefined;
  const raws = text.split('\n');
  const lastLineBreak = text.endsWith('\n');
  if (lastLineBreak) raws.pop();
  // Trailing spaces stay: they are text in a block scalar.
  const lines: Line[] = raws.map((raw) => {
    const content = raw.replace(LEADING_SPACES, '');
    return { indent: raw.length - content.length, content };
  });
  // Directives, document markers and the like are left to the others.
  if (lines.some((line) => line.indent === 0 && /^(?:---|\.\.\.|%)/.test(line.content))) return undefined;
  try {
    return { value: new Reader(lines, lastLineBreak).document() };
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}
