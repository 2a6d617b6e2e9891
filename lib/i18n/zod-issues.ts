/**
 * A zod issue as one of our error codes with parameters, so a refused field reads in the interface
 * language. Checks with a message of their own (refine, addIssue) give their code in
 * `params: { code, … }`; zod's own checks are worded by kind (type, length, format, value, keys).
 */
import type { z } from 'zod';
import { isErrorCode, type ErrorCode, type ErrorParams } from './errors';

const EXPECTED_KIND: Record<string, string> = {
  string: 'text',
  number: 'number',
  int: 'number',
  boolean: 'boolean',
  array: 'list',
  object: 'mapping',
};

export function issueCode(issue: z.core.$ZodIssue | undefined): { code: ErrorCode; params: ErrorParams } {
  if (!issue) return { code: 'field.invalid', params: {} };
  switch (issue.code) {
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as { code?: unknown } & Record<string, string | number>;
      return isErrorCode(code) ? { code, params } : { code: 'field.invalid', params: {} };
    }
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'field.missing', params: {} };
      return { code: 'field.invalid-type', params: { expectedKind: EXPECTED_KIND[issue.expected] ?? 'other' } };
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? { code: 'field.empty', params: {} }
          : { code: 'field.too-small', params: { min: Number(issue.minimum) } };
      if (issue.origin === 'array' && Number(issue.minimum) <= 1) return { code: 'field.empty', params: {} };
      return { code: 'field.too-small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'field.too-long', params: { max: Number(issue.maximum) } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'field.too-many', params: { max: Number(issue.maximum) } };
      return { code: 'field.too-big', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return issue.format === 'datetime' ? { code: 'field.not-datetime', params: {} } : { code: 'field.invalid-format', params: {} };
    case 'invalid_value':
      return { code: 'field.invalid-value', params: { values: issue.values.map((v) => JSON.stringify(v)).join(', ') } };
    case 'unrecognized_keys':
      return { code: 'field.unknown-keys', params: { keys: issue.keys.join(', ') } };
    default:
      return { code: 'field.invalid', params: {} };
  }
}
