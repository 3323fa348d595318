// Bearer tokens from a host portal: verified with jose against a configured public key or a JWKS, their claims
// mapped to a username and a role of roles.yaml.
import { createRemoteJWKSet, importSPKI, jwtVerify, type CryptoKey, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { JwtConfig } from '../config.js';

export interface BearerIdentity {
  username: string;
  role: string;
  displayName: string;
}

export type BearerVerifier = (token: string) => Promise<BearerIdentity | undefined>;

async function importKey(pem: string, algorithms: string[]): Promise<CryptoKey> {
  for (const alg of algorithms) {
    try {
      return await importSPKI(pem, alg);
    } catch {
      // try the next algorithm: the PEM does not say which one its key is for
    }
  }
  throw new Error(`JWT_PUBLIC_KEY is not an SPKI public key for any of ${algorithms.join(', ')}`);
}

function claim(payload: JWTPayload, name: string): unknown {
  return name
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      payload,
    );
}

function roleFrom(value: unknown, config: JwtConfig): string | undefined {
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) if (typeof v === 'string') return config.roleMap[v] ?? v;
  return undefined;
}

export function createBearerVerifier(config: JwtConfig & { key?: CryptoKey | Uint8Array }): BearerVerifier {
  let key: Promise<CryptoKey | Uint8Array | JWTVerifyGetKey> | undefined;
  const resolveKey = () =>
    (key ??= config.key
      ? Promise.resolve(config.key)
      : config.jwksUrl
        ? Promise.resolve(createRemoteJWKSet(new URL(config.jwksUrl)))
        : importKey(config.publicKey!, config.algorithms));
  const options = {
    algorithms: config.algorithms,
    ...(config.issuer ? { issuer: config.issuer } : {}),
    ...(config.audience ? { audience: config.audience } : {}),
    // A token without an expiry, issued too long ago, or issued in the future (beyond the skew) is refused.
    requiredClaims: ['exp', 'iat'],
    maxTokenAge: config.maxAgeSeconds,
    clockTolerance: config.clockToleranceSeconds,
  };
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, (await resolveKey()) as never, options);
      const username = claim(payload, config.usernameClaim);
      const role = roleFrom(claim(payload, config.roleClaim), config);
      if (typeof username !== 'string' || !username || !role) return undefined;
      const name = claim(payload, 'name');
      return { username, role, displayName: typeof name === 'string' ? name : username };
    } catch {
      return undefined;
    }
  };
}
