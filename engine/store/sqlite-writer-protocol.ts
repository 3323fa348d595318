// What the request thread and the SQLite writer thread say to each other, as JSON text: which store method to run,
// and its result or its error. Everything the store writes is JSON or a plain value, so JSON loses nothing it keeps.
// Errors cross as plain data and are rebuilt as the store's own error classes.
import { StoreConflictError, StoreNotFoundError } from './errors.js';

/** The store's writes; everything else is read on the requesting thread. */
export const writerMethods = [
  'migrate', 'createCaseJson', 'commitEventJson', 'saveDraft', 'deleteDraft', 'purgeDrafts', 'appendAudit', 'upsertUser',
  'deleteUser',
  'endSession', 'purgeEndedSessions', 'takeSignInAttempt', 'giveBackSignInAttempt', 'purgeSignInAttempts',
  'saveDefinitionVersion', 'claimDeadlines', 'settleDeadlineClaim',
] as const;

export type WriterMethod = (typeof writerMethods)[number];

export interface WriterRequest {
  id: number;
  method: WriterMethod | 'close';
  args: unknown[];
}

/**
 * A request as it crosses: its JSON text, or for a case write the JSON text without the snapshot and the snapshot's
 * own JSON text beside it, which then is neither escaped into the request nor parsed out of it again.
 */
export type WriterMessage = string | [request: string, snapshotJson: string];

export function toWriterMessage(request: WriterRequest, snapshotJson?: string): WriterMessage {
  return snapshotJson === undefined ? JSON.stringify(request) : [JSON.stringify(request), snapshotJson];
}

export function fromWriterMessage(message: WriterMessage): WriterRequest {
  if (typeof message === 'string') return JSON.parse(message) as WriterRequest;
  const request = JSON.parse(message[0]) as WriterRequest;
  (request.args[0] as { snapshotJson: string }).snapshotJson = message[1];
  return request;
}

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
      entity: error.entity ?? '', key: error.key ?? '',
      ...(error.expectedVersion !== undefined ? { expectedVersion: error.expectedVersion } : {}),
      ...(error.actualVersion !== undefined ? { actualVersion: error.actualVersion } : {}),
    });
  }
  if (error.name === 'StoreNotFoundError') return new StoreNotFoundError(error.entity ?? '', error.key ?? '');
  return Object.assign(new Error(error.message), { name: error.name, ...(error.code !== undefined ? { code: error.code } : {}) });
}
