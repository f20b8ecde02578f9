// Postgres password verifiers (RFC 5802/7677, as Postgres stores them in pg_authid).
//
// Why compute them here: roles get their password as a ready-made SCRAM verifier, so the
// plain password never appears in a statement the server may log; and a second run can
// tell whether the stored password already matches the URL's, so it changes nothing.
//
// Postgres applies SASLprep to passwords it hashes itself; node-postgres does not when it
// logs in. Hashing the raw password here matches what the client sends. (For ASCII
// passwords the two are the same.)
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

const ITERATIONS = 4096; // Postgres's default scram_iterations

function deriveKeys(password, salt, iterations) {
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  return {
    storedKey: createHash('sha256').update(clientKey).digest('base64'),
    serverKey: createHmac('sha256', salted).update('Server Key').digest('base64'),
  };
}

/** A SCRAM-SHA-256 verifier Postgres accepts in `CREATE ROLE ... PASSWORD '...'`. */
export function scramVerifier(password) {
  const salt = randomBytes(16);
  const { storedKey, serverKey } = deriveKeys(password, salt, ITERATIONS);
  return `SCRAM-SHA-256$${ITERATIONS}:${salt.toString('base64')}$${storedKey}:${serverKey}`;
}

/** Whether pg_authid.rolpassword `stored` (SCRAM or legacy md5) is the verifier of `password`. */
export function verifierMatches(stored, password, roleName) {
  if (!stored) return false;
  const scram = /^SCRAM-SHA-256\$(\d+):([^$]+)\$([^:]+):(.+)$/.exec(stored);
  if (scram) {
    const [, iterations, salt, storedKey, serverKey] = scram;
    const derived = deriveKeys(password, Buffer.from(salt, 'base64'), Number(iterations));
    return derived.storedKey === storedKey && derived.serverKey === serverKey;
  }
  if (stored.startsWith('md5')) {
    return (
      stored ===
      `md5${createHash('md5')
        .update(password + roleName)
        .digest('hex')}`
    );
  }
  return false;
}
