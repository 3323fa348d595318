// The flow side of plain-yaml.ts: `{ key: value, … }` and `[item, …]` (joined into one line by the caller) and quoted
// strings, read as `yaml` reads them or given up on (see plain-yaml.ts).
import { giveUp, plainValue, setKey } from './fast-yaml.js';

export const MAX_KEY_SOURCE = 1000;
export const TRAILING_SPACES = / +$/;
// The first character of a plain scalar: not an indicator, nor anything these readers leave to others.
export const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`\s]/;
const FLOW_PLAIN_STOP = /[,[\]{}]|: |:$| #|:(?=[,[\]{}])/;

/** How many flow collections are still open at the end of `text` (quotes skipped; a wrong guess only makes the reader give up). */
export function flowDepth(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ((c === '"' || c === "'") && (i === 0 || /[\s,[{:]/.test(text[i - 1]!))) {
      const close = closingQuote(text.slice(i));
      if (close === -1) return depth + 1;
      i += close;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth;
}

/** Where the quoted string that `text` starts with closes, or -1. */
export function closingQuote(text: string): number {
  const quote = text[0]!;
  for (let i = 1; i < text.length; i++) {
    if (text[i] !== quote) continue;
    if (quote === "'" && text[i + 1] === "'") i++;
    else return i;
  }
  return -1;
}

/** A one-line quoted string from `start`: double quotes without escapes, single quotes with '' for '. */
export function quoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start]!;
  let value = '';
  let i = start + 1;
  for (;;) {
    const close = text.indexOf(quote, i);
    if (close === -1) giveUp();
    value += text.slice(i, close);
    if (quote === "'" && text[close + 1] === "'") {
      value += "'";
      i = close + 2;
      continue;
    }
    i = close + 1;
    break;
  }
  if (quote === '"' && value.includes('\\')) giveUp();
  return { value, end: i };
}

/** A flow collection written on one line (the caller joins the lines it runs on to): `{ key: value, … }`, `[item, …]`, nested. */
export class FlowReader {
  at = 0;

  constructor(private readonly text: string) {}

  private skipSpaces(): void {
    while (this.text[this.at] === ' ') this.at++;
  }

  node(): unknown {
    this.skipSpaces();
    const c = this.text[this.at];
    if (c === '[') return this.sequence();
    if (c === '{') return this.mapping();
    if (c === '"' || c === "'") {
      const { value, end } = quoted(this.text, this.at);
      this.at = end;
      return value;
    }
    return this.plain();
  }

  private plain(): unknown {
    const rest = this.text.slice(this.at);
    if (!PLAIN_START.test(rest) && !/^-[^\s,[\]{}]/.test(rest)) giveUp();
    const stop = rest.search(FLOW_PLAIN_STOP);
    if (stop === -1) giveUp(); // the line ends inside the collection
    const source = rest.slice(0, stop).replace(TRAILING_SPACES, '');
    // A colon in the text, or a comment, is left to the others.
    if (rest[stop] === ':' || rest[stop] === ' ') giveUp();
    this.at += stop;
    return plainValue(source);
  }

  /** Steps over the opening bracket; true when the collection closes at once (`[]`, `{}`). */
  private opensEmpty(close: string): boolean {
    this.at++;
    this.skipSpaces();
    if (this.text[this.at] !== close) return false;
    this.at++;
    return true;
  }

  /** After an entry: true at the bracket that ends the collection; otherwise a comma and another entry must follow (no `,,` or `, ]`). */
  private closesAfterEntry(close: string): boolean {
    this.skipSpaces();
    const c = this.text[this.at++];
    if (c === close) return true;
    if (c !== ',') giveUp();
    this.skipSpaces();
    if (this.text[this.at] === close || this.text[this.at] === ',') giveUp();
    return false;
  }

  private sequence(): unknown[] {
    const items: unknown[] = [];
    if (this.opensEmpty(']')) return items;
    do items.push(this.node());
    while (!this.closesAfterEntry(']'));
    return items;
  }

  private mapping(): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    if (this.opensEmpty('}')) return map;
    do {
      this.skipSpaces();
      let key: unknown;
      let withValue = true;
      const keyStart = this.at;
      if (this.text[this.at] === '"' || this.text[this.at] === "'") {
        const { value, end } = quoted(this.text, this.at);
        key = value;
        this.at = end;
      } else {
        const rest = this.text.slice(this.at);
        const stop = rest.search(FLOW_PLAIN_STOP);
        if (!PLAIN_START.test(rest) || stop <= 0) giveUp();
        key = plainValue(rest.slice(0, stop).replace(TRAILING_SPACES, ''));
        this.at += stop;
        // `{ key }` or `{ a, key }`: a key with no value is null, as in `yaml`.
        withValue = rest[stop] === ':';
        if (!withValue && rest[stop] !== ',' && rest[stop] !== '}') giveUp();
      }
      if (typeof key !== 'string' || key === '<<' || this.at - keyStart > MAX_KEY_SOURCE || Object.prototype.hasOwnProperty.call(map, key)) giveUp();
      if (withValue) {
        if (this.text[this.at] !== ':' || this.text[this.at + 1] !== ' ') giveUp();
        this.at += 2;
        this.skipSpaces();
        if (this.text[this.at] === ',' || this.text[this.at] === '}') giveUp();
        setKey(map, key, this.node());
      } else {
        setKey(map, key, null);
      }
    } while (!this.closesAfterEntry('}'));
    return map;
  }
}
