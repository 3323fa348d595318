import { describe, expect, it } from 'vitest';
import { SESSION_TTL_MS, SessionTokens } from '../../server/services/session-tokens.js';

describe('SessionTokens', () => {
  describe('#verify', () => {
    it('should keep refusing a token once it has expired, though it was accepted (and remembered) before', () => {
      // given
      let now = 1_000_000;
      const tokens = new SessionTokens('secret', () => now);
      const { token, claims } = tokens.issue('ann');
      expect(tokens.verify(token)).toEqual(claims);
      expect(tokens.verify(token)).toEqual(claims);
      // when
      now += SESSION_TTL_MS + 1;
      // then
      expect(tokens.verify(token)).toBeUndefined();
    });

    it('should refuse a token signed with another secret or altered, after a genuine one was accepted', () => {
      const tokens = new SessionTokens('secret');
      const { token } = tokens.issue('ann');
      expect(tokens.verify(token)?.username).toBe('ann');
      const [version, body, mac] = token.split('.');
      const forged = new SessionTokens('another secret').issue('ann').token;
      expect(tokens.verify(forged)).toBeUndefined();
      const altered = (mac![0] === 'A' ? 'B' : 'A') + mac!.slice(1);
      expect(tokens.verify(`${version}.${body}.${altered}`)).toBeUndefined();
      expect(tokens.verify(`${version}.${Buffer.from('null').toString('base64url')}.${mac}`)).toBeUndefined();
      expect(tokens.verify(undefined)).toBeUndefined();
    });

    it('should hand back the claims kept for a token verified before, and verify afresh one of the 10,000 kept least lately', () => {
      // given
      const tokens = new SessionTokens('secret');
      const first = tokens.issue('ann').token;
      const claims = tokens.verify(first);
      expect(tokens.verify(first)).toBe(claims);
      expect(Object.isFrozen(claims)).toBe(true);
      // when 10,000 other sessions are verified since
      for (let i = 0; i < 10_000; i++) tokens.verify(tokens.issue(`user-${i}`).token);
      // then the token is checked again: the same claims, read afresh
      const again = tokens.verify(first);
      expect(again).toEqual(claims);
      expect(again).not.toBe(claims);
    });
  });

  describe('#checkCsrf', () => {
    it('should accept only the token derived for that session', () => {
      const tokens = new SessionTokens('secret');
      const a = tokens.issue('ann').claims.sid;
      const b = tokens.issue('bob').claims.sid;
      expect(tokens.checkCsrf(a, tokens.csrfToken(a))).toBe(true);
      expect(tokens.checkCsrf(a, tokens.csrfToken(b))).toBe(false);
      expect(tokens.checkCsrf(a, undefined)).toBe(false);
      expect(tokens.csrfToken(a)).toBe(new SessionTokens('secret').csrfToken(a));
    });
  });
});
