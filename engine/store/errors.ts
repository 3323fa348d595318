// Errors the store reports to its callers; each carries a code and says which record it is about.

/** Someone else changed the record first, or it already exists. Nothing was written. */
export class StoreConflictError extends Error {
  readonly code = 'conflict' as const;
  readonly entity: string;
  readonly key: string;
  readonly expectedVersion: number | undefined;
  readonly actualVersion: number | undefined;

  constructor(
    message: string,
    where: { entity: string; key: string; expectedVersion?: number; actualVersion?: number },
  ) {
    super(message);
    this.name = 'StoreConflictError';
    this.entity = where.entity;
    this.key = where.key;
    this.expectedVersion = where.expectedVersion;
    this.actualVersion = where.actualVersion;
  }
}

/** The record the operation needs does not exist. Nothing was written. */
export class StoreNotFoundError extends Error {
  readonly code = 'not-found' as const;
  readonly entity: string;
  readonly key: string;

  constructor(entity: string, key: string) {
    super(`${entity} '${key}' does not exist`);
    this.name = 'StoreNotFoundError';
    this.entity = entity;
    this.key = key;
  }
}

export function caseVersionConflict(
  caseId: string,
  expectedVersion: number,
  actualVersion: number,
): StoreConflictError {
  return new StoreConflictError(
    `case '${caseId}' is at version ${actualVersion}, not ${expectedVersion}: reload it and try again`,
    { entity: 'case', key: caseId, expectedVersion, actualVersion },
  );
}

/** A list query the store cannot run, such as a cursor it did not make. Nothing was read. */
export class StoreQueryError extends Error {
  readonly code = 'bad-query' as const;

  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
    this.name = 'StoreQueryError';
  }
}
