// The server on the protocol's own definitions (definitions/): the demo accounts of issue 5 sign in, a referral
// opens as a draft request, and the confidential risk-assessment form is withheld from the social worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFieldErrors } from '../../engine/forms/messages.js';
import { eventDataSchema } from '../../forms-ui/src/app/core/event-data.js';
import { importValidatorModule, signIn, startServer, type TestServer } from './helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ definitionsDir: 'definitions' });
});
afterAll(async () => server.close());

describe('Server on the protocol definitions', () => {
  it('should let every demo account sign in, labelled demo', async () => {
    for (const username of ['manager', 'officer-po', 'officer-pso', 'social-worker', 'service-manager']) {
      const client = await signIn(server.app, username);
      expect((await client.get('/api/session/me').expect(200)).body.user).toMatchObject({ username, demo: true });
    }
  });

  it("should name the team manager's screens as settings.yaml words them", async () => {
    const manager = await signIn(server.app, 'manager');
    const { screens } = (await manager.get('/api/session/me').expect(200)).body.user;
    expect(screens.documents).toMatchObject({ title: 'Audit and countersign' });
    expect(screens.allocation).toMatchObject({
      queue: 'Waiting list',
      position: 'Position {position} on the waiting list',
    });
  });

  it('should tell an officer their capacity from the settings, and nobody else a capacity', async () => {
    const officer = await signIn(server.app, 'officer-pso');
    expect((await officer.get('/api/session/me').expect(200)).body.user.capacity).toBe(15);
    const socialWorker = await signIn(server.app, 'social-worker');
    expect((await socialWorker.get('/api/session/me').expect(200)).body.user).not.toHaveProperty('capacity');
  });

  it('should open a referral as a draft request and withhold the confidential form from the social worker', async () => {
    const socialWorker = await signIn(server.app, 'social-worker');
    const opened = await socialWorker.post('/api/cases', { pathway: 'referral' }).expect(201);
    expect(opened.body).toMatchObject({
      id: expect.any(String),
      version: 1,
      state: expect.any(String),
      allowedEvents: expect.any(Array),
    });
    await socialWorker.get('/api/forms/risk-assessment-confidential').expect(403);
    const manager = await signIn(server.app, 'manager');
    await manager.get('/api/forms/risk-assessment-confidential').expect(200);
    await manager.get(`/api/cases/${opened.body.id}`).expect(200);
    const validator = await socialWorker.get('/api/forms/request-for-service/validator.js').expect(200);
    expect(validator.text).toContain('export');
  });

  it('should word event details checked in the browser as the forms do, with the server’s own validator', async () => {
    const manager = await signIn(server.app, 'manager');
    const events = (await manager.get('/api/pathways/referral').expect(200)).body.meta.events;
    const load = async (type: string) =>
      importValidatorModule((await manager.get(`/api/pathways/referral/events/${type}/validator.js`).expect(200)).text);
    const discussion = await load('RECORD_CASE_DISCUSSION');
    const schema = eventDataSchema('Record the case discussion', events.RECORD_CASE_DISCUSSION);
    expect(discussion({})).toBe(false);
    expect(toFieldErrors(discussion.errors, schema)).toEqual({ date: ['Enter date of the case discussion'] });
    expect(discussion({ date: '2026-02-30' })).toBe(false);
    expect(toFieldErrors(discussion.errors, schema)).toEqual({
      date: ['Date of the case discussion must be a real date'],
    });
    expect(discussion({ date: '2026-01-08', summary: 'Agreed' })).toBe(true);
    const close = await load('CLOSE');
    expect(close({ reason: 'bored' })).toBe(false);
    expect(Object.keys(toFieldErrors(close.errors, eventDataSchema('Close the case', events.CLOSE)))).toEqual([
      'reason',
    ]);
    expect(close({ reason: 'work-completed' })).toBe(true);
  });
});
