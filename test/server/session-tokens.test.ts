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
