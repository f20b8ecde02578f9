import { AppConfig, InvalidConfigError, loadAppConfig } from './app-config';

describe(AppConfig.name, () => {
  it('reads the environment with defaults', () => {
    const config = loadAppConfig({ PORT: '4100', DATABASE_POOL_SIZE: '7', REDIS_URL: 'redis://cache:6379' });
    expect(config.port).toBe(4100);
    expect(config.databasePoolSize).toBe(7);
    expect(config.redisUrl).toBe('redis://cache:6379');
    expect(config.accessTokenTtlSeconds).toBe(900);
  });

  it('fails the boot with every bad variable named', () => {
    const attempt = () => loadAppConfig({ PORT: 'eighty', TOKEN_SECRET: 'short', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(InvalidConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/TOKEN_SECRET/);
    expect(attempt).toThrow(/LOG_LEVEL/);
  });

  it('refuses the development secret in production', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(
      /TOKEN_SECRET: must be set in production/,
    );
    expect(loadAppConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(40) }).nodeEnv).toBe(
      'production',
    );
  });

  it('keeps CORS closed by default and reads a list of origins', () => {
    expect(loadAppConfig({}).corsOrigins).toEqual([]);
    expect(
      loadAppConfig({ CORS_ORIGINS: 'https://admin.example.org, http://localhost:4200' }).corsOrigins,
    ).toEqual(['https://admin.example.org', 'http://localhost:4200']);
  });

  it.each([
    '*',
    'https://admin.example.org/',
    'https://admin.example.org/app',
    'ftp://files.example',
    'admin.example.org',
  ])('refuses %s as a CORS origin, naming the variable', (origin) => {
    expect(() => loadAppConfig({ CORS_ORIGINS: `https://ok.example, ${origin}` })).toThrow(
      /CORS_ORIGINS: each entry must be an origin/,
    );
  });
});
