import type { z } from 'zod';

/**
 * Checks an options object against its schema, and throws on the first
 * problem: a `RangeError` for a number out of range, a `TypeError` for a value
 * of the wrong type. Wrong options are a mistake in the calling code, not bad
 * input, so they throw even from functions that never throw on input.
 */
export function assertOptions(schema: z.ZodType, options: unknown): void {
  const result = schema.safeParse(options);
  if (result.success) return;
  const issue = result.error.issues[0]!;
  const value = issue.path.reduce<unknown>((parent, key) => (isObject(parent) ? parent[key as string] : undefined), options);
  const subject = issue.path.length === 0 ? 'Invalid options' : `Invalid option ${issue.path.join('.')}`;
  const message = `${subject}: expected ${expectation(issue)}, got ${describeValue(value)}.`;
  throw isOutOfRange(issue, value) ? new RangeError(message) : new TypeError(message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isOutOfRange(issue: z.core.$ZodIssue, value: unknown): boolean {
  if (typeof value !== 'number') return false;
  if (issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'not_multiple_of') return true;
  // A fraction where an integer is expected, NaN or an infinity where a number is.
  return issue.code === 'invalid_type' && (issue.expected === 'int' || issue.expected === 'number');
}

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return `a number ${issue.inclusive ? 'of at least' : 'greater than'} ${issue.minimum}`;
    case 'too_big':
      return `a number ${issue.inclusive ? 'of at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_type':
      return issue.expected === 'int' ? 'an integer' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`;
    default:
      return issue.message.toLowerCase();
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  if (isObject(value)) return 'an object';
  return String(value);
}
