// What the request thread and the SQLite writer thread say to each other: which write of SqlCaseWrites to run with
// which arguments, and its result or its error. Both cross as structured clones of plain data; errors cross as plain
// data and are rebuilt as the store's own error classes.
import { StoreConflictError, StoreNotFoundError } from './errors.js';
import type { SqlCaseWrites, WriteMethod } from './sql-case-writes.js';

export type WriterRequest =
  | { [M in WriteMethod]: { id: number; method: M; args: Parameters<SqlCaseWrites[M]> } }[WriteMethod]
  | { id: number; method: 'close'; args: [] };

export interface SerialisedError {
  name: string;
  message: string;
  code?: unknown;
  entity?: string;
  key?: string;
  expectedVersion?: number;
  actualVersion?: number;
}

export type WriterReply = { id: number; value: unknown; error?: undefined } | { id: number; error: SerialisedError };

export function serialiseStoreError(error: unknown): SerialisedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, entity, key, expectedVersion, actualVersion } = error as Error & Partial<SerialisedError>;
  return { name: error.name, message: error.message, code, entity, key, expectedVersion, actualVersion };
}

export function rebuildStoreError(error: SerialisedError): Error {
  if (error.name === 'StoreConflictError') {
    return new StoreConflictError(error.message, {
      entity: error.entity ?? '',
      key: error.key ?? '',
      ...(error.expectedVersion !== undefined ? { expectedVersion: error.expectedVersion } : {}),
      ...(error.actualVersion !== undefined ? { actualVersion: error.actualVersion } : {}),
    });
  }
  if (error.name === 'StoreNotFoundError') return new StoreNotFoundError(error.entity ?? '', error.key ?? '');
  const rebuilt = Object.assign(new Error(error.message), { name: error.name });
  return error.code === undefined ? rebuilt : Object.assign(rebuilt, { code: error.code });
}
