import { spawnSync } from 'node:child_process';
import { KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, InvalidConfigError, loadAppConfig } from './app-config';
import { signingKey, signingKeyObject } from './signing-keys';

const ROOT = join(__dirname, '../../../../..');
const SECRET = 'x'.repeat(40);

describe(AppConfig.name, () => {
  it('reads the environment with defaults', () => {
    const config = loadAppConfig({
      PORT: '4100',
      DATABASE_POOL_SIZE: '7',
      REDIS_URL: 'redis://cache:6379',
      TOKEN_SECRET: SECRET,
    });
    expect(config.port).toBe(4100);
    expect(config.databasePoolSize).toBe(7);
    expect(config.redisUrl).toBe('redis://cache:6379');
    expect(config.accessTokenTtlSeconds).toBe(900);
    expect(config.tokenSecret).toBe(SECRET);
  });

  it('fails the boot with every bad variable named', () => {
    const attempt = () => loadAppConfig({ PORT: 'eighty', TOKEN_SECRET: 'short', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(InvalidConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/TOKEN_SECRET/);
    expect(attempt).toThrow(/LOG_LEVEL/);
  });

  it('requires TOKEN_SECRET in production and never writes one there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secrets-'));
    const secretsFile = join(dir, 'secrets.json');
    expect(() => loadAppConfig({ NODE_ENV: 'production', SECRETS_FILE: secretsFile })).toThrow(
      /TOKEN_SECRET: must be set in production/,
    );
    expect(() => statSync(secretsFile)).toThrow(/ENOENT/);
    expect(loadAppConfig({ NODE_ENV: 'production', TOKEN_SECRET: SECRET }).tokenSecret).toBe(SECRET);
  });

  it('refuses the secret this project once published in its source, in every environment', () => {
    for (const NODE_ENV of ['development', 'test', 'production'])
      expect(() =>
        loadAppConfig({ NODE_ENV, TOKEN_SECRET: 'development-only-secret-change-me-in-production!' }),
      ).toThrow(/TOKEN_SECRET: is a value published in the source code/);
  });

  describe('without TOKEN_SECRET outside production', () => {
    it('makes a random secret on first start and keeps it, readable by its owner only', () => {
      const secretsFile = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'nested', 'secrets.json');
      const first = loadAppConfig({ SECRETS_FILE: secretsFile }).tokenSecret;
      expect(first).toMatch(/^[\w-]{64}$/);
      expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(secretsFile, 'utf8'))).toEqual({ tokenSecret: first });
      // The worker, a restart, a test run: the same secret.
      expect(loadAppConfig({ NODE_ENV: 'test', SECRETS_FILE: secretsFile }).tokenSecret).toBe(first);
      const elsewhere = join(mkdtempSync(join(tmpdir(), 'secrets-')), 'secrets.json');
      expect(loadAppConfig({ SECRETS_FILE: elsewhere }).tokenSecret).not.toBe(first);
    });

    it('uses a secrets file that is already there, and says what to do with a broken one', () => {
      const dir = mkdtempSync(join(tmpdir(), 'secrets-'));
      writeFileSync(join(dir, 'kept.json'), JSON.stringify({ tokenSecret: SECRET }));
      expect(loadAppConfig({ SECRETS_FILE: join(dir, 'kept.json') }).tokenSecret).toBe(SECRET);
      writeFileSync(join(dir, 'broken.json'), JSON.stringify({ tokenSecret: 'short' }));
      expect(() => loadAppConfig({ SECRETS_FILE: join(dir, 'broken.json') })).toThrow(
        /SECRETS_FILE .*delete it to have a new one made/,
      );
    });

    it('keeps the default file where git and Docker do not look', () => {
      const defaultFile = new AppConfig().secretsFile;
      expect(spawnSync('git', ['check-ignore', '-q', defaultFile], { cwd: ROOT }).status).toBe(0);
      for (const ignore of ['server.Dockerfile.dockerignore', 'admin.Dockerfile.dockerignore'])
        expect(readFileSync(join(ROOT, 'infra/docker', ignore), 'utf8').split('\n')).toContain('.local');
    });
  });

  it('derives a key per purpose, never the secret itself', () => {
    const config = { tokenSecret: SECRET };
    const access = signingKey(config, 'access-token');
    const invitation = signingKey(config, 'invitation-token');
    expect(access).toHaveLength(32);
    expect(access.equals(invitation)).toBe(false);
    expect(access.equals(Buffer.from(SECRET).subarray(0, 32))).toBe(false);
    expect(signingKey({ tokenSecret: 'y'.repeat(40) }, 'access-token').equals(access)).toBe(false);
    expect(signingKey(config, 'access-token').equals(access)).toBe(true);
  });

  it('hands JWT code the key as a secret KeyObject, so no verify tries it as a public key first', () => {
    const config = { tokenSecret: SECRET };
    const key = signingKeyObject(config, 'access-token');
    expect(key).toBeInstanceOf(KeyObject);
    expect(key.type).toBe('secret');
    expect(key.export().equals(signingKey(config, 'access-token'))).toBe(true);
  });

  it('keeps CORS closed by default and reads a list of origins', () => {
    expect(loadAppConfig({ TOKEN_SECRET: SECRET }).corsOrigins).toEqual([]);
    expect(
      loadAppConfig({
        TOKEN_SECRET: SECRET,
        CORS_ORIGINS: 'https://admin.example.org, http://localhost:4200',
      }).corsOrigins,
    ).toEqual(['https://admin.example.org', 'http://localhost:4200']);
  });

  it.each([
    '*',
    'https://admin.example.org/',
    'https://admin.example.org/app',
    'ftp://files.example',
    'admin.example.org',
  ])('refuses %s as a CORS origin, naming the variable', (origin) => {
    expect(() =>
      loadAppConfig({ TOKEN_SECRET: SECRET, CORS_ORIGINS: `https://ok.example, ${origin}` }),
    ).toThrow(/CORS_ORIGINS: each entry must be an origin/);
  });
});
