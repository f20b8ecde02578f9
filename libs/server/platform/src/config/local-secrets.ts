import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

interface LocalSecrets {
  tokenSecret: string;
}

function read(path: string): LocalSecrets {
  const secrets = JSON.parse(readFileSync(path, 'utf8')) as Partial<LocalSecrets>;
  if (typeof secrets.tokenSecret !== 'string' || secrets.tokenSecret.length < 32)
    throw new Error(`${path} holds no tokenSecret of 32+ characters; delete it to have a new one made`);
  return secrets as LocalSecrets;
}

/**
 * The token secret of this machine's non-production starts: made at random on first use and
 * kept in `path` (readable by its owner only), so the API and the worker, and every restart,
 * sign with the same one. The file appears whole or not at all: it is written under a
 * temporary name and hard-linked into place, which fails if another process got there
 * first, and then that process's secret is the one used.
 */
export function readOrCreateLocalSecret(path: string): string {
  const target = resolve(path);
  try {
    return read(target).tokenSecret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const draft = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const secrets: LocalSecrets = { tokenSecret: randomBytes(48).toString('base64url') };
  writeFileSync(draft, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  try {
    linkSync(draft, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return read(target).tokenSecret;
}
