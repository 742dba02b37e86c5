/**
 * A copy of plain data (what JSON can hold) with every string, keys included,
 * passed through `map`: how a renderer escapes all the text of a result at once
 * instead of at each place it prints one.
 */
export function mapStrings<T>(value: T, map: (text: string) => string): T {
  return mapValue(value, map) as T;
}

function mapValue(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapValue(item, map));
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties: a key `__proto__` stays a key, never the prototype.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [map(key), mapValue(item, map)]));
  }
  return value;
}
