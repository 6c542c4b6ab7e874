/**
 * Finds the offset of the first JSON syntax error (engines differ in whether their messages carry a
 * position). A small validating scanner; iterative so hostile nesting cannot overflow the stack.
 */
export function locateJsonError(text: string): number {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  // Stack of containers: 'o' object, 'a' array.
  const stack: string[] = [];
  type State = 'value' | 'afterValue' | 'key';
  let state: State = 'value';
  const literal = (word: string) => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return true;
    }
    return false;
  };
  const str = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return false;
        i += 2;
        continue;
      }
      if (c < 0x20) return false;
      i++;
    }
    return false;
  };
  const num = (): boolean => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') return false;
    i += m[0].length;
    return true;
  };
  for (;;) {
    ws();
    if (state === 'value') {
      const c = text[i];
      if (c === '{') {
        stack.push('o');
        i++;
        ws();
        if (text[i] === '}') {
          i++;
          stack.pop();
          state = 'afterValue';
        } else state = 'key';
        continue;
      }
      if (c === '[') {
        stack.push('a');
        i++;
        ws();
        if (text[i] === ']') {
          i++;
          stack.pop();
          state = 'afterValue';
        } else state = 'value';
        continue;
      }
      if (c === '"') {
        if (!str()) return i;
      } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
        if (!num()) return i;
      } else if (!(literal('true') || literal('false') || literal('null'))) return i;
      state = 'afterValue';
      continue;
    }
    if (state === 'key') {
      if (text[i] !== '"' || !str()) return i;
      ws();
      if (text[i] !== ':') return i;
      i++;
      state = 'value';
      continue;
    }
    // afterValue
    const top = stack[stack.length - 1];
    if (top === undefined) return i < n ? i : -1;
    const c = text[i];
    if (c === ',') {
      i++;
      state = top === 'o' ? 'key' : 'value';
      continue;
    }
    if ((top === 'o' && c === '}') || (top === 'a' && c === ']')) {
      i++;
      stack.pop();
      continue;
    }
    return i;
  }
}
