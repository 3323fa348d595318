// The one contract every CaseStore implementation passes; each store's test file runs it.
import { afterEach, beforeEach, describe } from 'vitest';
import type { CaseStore } from '../../engine/store/types.js';
import { describeAppointmentContract } from './contract/appointments.js';
import { describeCaseContract } from './contract/cases.js';
import { describeDeadlineContract } from './contract/deadlines.js';
import { describeLinkedCasesContract } from './contract/linked-cases.js';
import { describeListContract } from './contract/lists.js';
import { describeMailOutboxContract } from './contract/mail-outbox.js';
import { describePerformanceContract } from './contract/performance.js';
import { describeRecordContract } from './contract/records.js';
import { describeSignInAttemptContract } from './contract/sign-in-attempts.js';

/** makeStore must give a fresh, empty store each time; the contract migrates and closes it. */
export function runStoreContract(name: string, makeStore: () => Promise<CaseStore>): void {
  describe(name, () => {
    let store: CaseStore | undefined;
    beforeEach(async () => {
      store = await makeStore();
      await store.migrate();
    });
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });
    const currentStore = (): CaseStore => {
      if (store === undefined) throw new Error('the store is only open inside a test');
      return store;
    };
    describeCaseContract(currentStore);
    describeListContract(currentStore);
    describeDeadlineContract(currentStore);
    describeRecordContract(currentStore);
    describeSignInAttemptContract(currentStore);
    describeMailOutboxContract(currentStore);
    describePerformanceContract(currentStore);
    describeAppointmentContract(currentStore);
    describeLinkedCasesContract(currentStore);
  });
}
