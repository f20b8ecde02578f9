import { plainToInstance, Transform } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  ValidateBy,
  validateSync,
} from 'class-validator';
import { Stacked } from '../http/field-validators';
import { readOrCreateLocalSecret } from './local-secrets';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/** A whole number from a variable (unset or empty: the default), at least `min`, at most `max`. */
const EnvInt = (min: number, max?: number) =>
  Stacked(Transform(toInt), IsInt(), Min(min), ...(max === undefined ? [] : [Max(max)]));

/** `a, b` in a variable, or a list from the overrides. */
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

/** An origin exactly as browsers send it: `https://host[:port]`, no path, no trailing slash. */
function isOrigin(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
}

const IsOrigin = () =>
  ValidateBy(
    { name: 'isOrigin', validator: { validate: isOrigin } },
    { each: true, message: 'each entry must be an origin like https://admin.example.org (no path, no *)' },
  );

/**
 * The whole configuration of the API and the worker, validated once at boot.
 * Nothing else reads process.env: a typo in a variable fails the start, not a request.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  nodeEnv: 'development' | 'test' | 'production' = 'development';

  @EnvInt(0, 65535)
  port = 3000;

  /** 127.0.0.1 by default; containers set 0.0.0.0. */
  @IsString()
  host = '127.0.0.1';

  /** The application role: owns no table, no BYPASSRLS, so row-level security binds it. */
  @IsString()
  databaseUrl = 'postgres://mentorship_app:mentorship_app@127.0.0.1:5432/mentorship';

  @EnvInt(1, 200)
  databasePoolSize = 10;

  @IsString()
  redisUrl = 'redis://127.0.0.1:6379';

  /** Prefix for every Redis key and BullMQ queue, so test runs and deployments can share a Redis. */
  @IsString()
  @MinLength(1)
  redisPrefix = 'mm';

  /**
   * The secret access and invitation tokens are signed with (each with a key derived for it,
   * see signing-keys.ts). Required in production; elsewhere, when unset, a random one is made
   * once and kept in `secretsFile`.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  tokenSecret!: string;

  /** Where a start without TOKEN_SECRET keeps its generated secret (git and Docker ignore `.local/`). */
  @IsString()
  @MinLength(1)
  secretsFile = '.local/secrets.json';

  @EnvInt(60, 3600)
  accessTokenTtlSeconds = 900;

  @EnvInt(3600)
  refreshTokenTtlSeconds = 30 * 24 * 3600;

  @EnvInt(1)
  invitationTtlDays = 7;

  /** Days an organization scheduled for deletion can still be restored before its data is purged. */
  @EnvInt(0, 365)
  organizationDeletionGraceDays = 30;

  /** How often the worker looks for organizations whose grace period is over. */
  @EnvInt(1)
  organizationPurgeEverySeconds = 3600;

  /**
   * How long a worker holds a running job before another may take it (renewed while it runs):
   * after a worker dies, its jobs run again elsewhere within about twice this.
   */
  @EnvInt(1000)
  jobLockMs = 30_000;

  /**
   * How often the worker looks for organizations whose night is over (analytics rollups); each
   * organization's night is rolled up once, at the first look after 04:00 in its zone.
   */
  @EnvInt(1)
  analyticsRollupEverySeconds = 3600;

  /** Where people reach the admin app; used in links sent by email. */
  @IsUrl({ require_tld: false })
  publicUrl = 'http://localhost:3000';

  @IsString()
  smtpUrl = 'smtp://127.0.0.1:1025';

  @IsString()
  mailFrom = 'Mentorship Map <no-reply@mentorship-map.local>';

  /**
   * How long one SMTP step (connect, greeting, each reply) may take before the send fails and its
   * job is retried: a server that stalls must not hold a worker for nodemailer's minutes.
   */
  @EnvInt(1, 600)
  smtpTimeoutSeconds = 30;

  /** Built admin app to serve at `/`; unset to serve the API only. */
  @IsOptional()
  @IsString()
  adminDist?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel = 'info';

  @EnvInt(1)
  signInFailuresPerAccount = 5;

  @EnvInt(1)
  signInFailuresPerAddress = 20;

  @EnvInt(1)
  signInFailureWindowSeconds = 900;

  /** Request bodies larger than this get 413. */
  @IsString()
  bodyLimit = '100kb';

  /**
   * Origins whose pages may call the API from a browser. Empty by default: the admin app is
   * served from the API's own origin (or nginx forwards /api), so no other page needs it.
   */
  @Transform(toList)
  @IsArray()
  @IsOrigin()
  corsOrigins: string[] = [];

  /**
   * `on`: the OpenAPI document and its explorer at /api/docs (the demo's default); `off`: both
   * answer 404, for a production that does not publish its API's shape.
   */
  @IsIn(['on', 'off'])
  apiDocs: 'on' | 'off' = 'on';
}

const ENV_KEYS: Record<keyof AppConfig, string> = {
  nodeEnv: 'NODE_ENV',
  port: 'PORT',
  host: 'HOST',
  databaseUrl: 'DATABASE_URL',
  databasePoolSize: 'DATABASE_POOL_SIZE',
  redisUrl: 'REDIS_URL',
  redisPrefix: 'REDIS_PREFIX',
  tokenSecret: 'TOKEN_SECRET',
  secretsFile: 'SECRETS_FILE',
  accessTokenTtlSeconds: 'ACCESS_TOKEN_TTL_SECONDS',
  refreshTokenTtlSeconds: 'REFRESH_TOKEN_TTL_SECONDS',
  invitationTtlDays: 'INVITATION_TTL_DAYS',
  organizationDeletionGraceDays: 'ORGANIZATION_DELETION_GRACE_DAYS',
  organizationPurgeEverySeconds: 'ORGANIZATION_PURGE_EVERY_SECONDS',
  jobLockMs: 'JOB_LOCK_MS',
  analyticsRollupEverySeconds: 'ANALYTICS_ROLLUP_EVERY_SECONDS',
  publicUrl: 'PUBLIC_URL',
  smtpUrl: 'SMTP_URL',
  mailFrom: 'MAIL_FROM',
  smtpTimeoutSeconds: 'SMTP_TIMEOUT_SECONDS',
  adminDist: 'ADMIN_DIST',
  logLevel: 'LOG_LEVEL',
  signInFailuresPerAccount: 'SIGN_IN_FAILURES_PER_ACCOUNT',
  signInFailuresPerAddress: 'SIGN_IN_FAILURES_PER_ADDRESS',
  signInFailureWindowSeconds: 'SIGN_IN_FAILURE_WINDOW_SECONDS',
  bodyLimit: 'BODY_LIMIT',
  corsOrigins: 'CORS_ORIGINS',
  apiDocs: 'API_DOCS',
};

export class InvalidConfigError extends Error {}

/** Reads and validates the configuration; `overrides` win over the environment (tests use them). */
export function loadAppConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, envName] of Object.entries(ENV_KEYS)) {
    if (env[envName] !== undefined && env[envName] !== '') raw[key] = env[envName];
  }
  const config = plainToInstance(AppConfig, { ...raw, ...overrides });
  const errors = validateSync(config, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) =>
        `${ENV_KEYS[e.property as keyof AppConfig] ?? e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`,
    );
    throw new InvalidConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (config.tokenSecret && PUBLISHED_SECRETS.includes(config.tokenSecret)) {
    throw new InvalidConfigError(
      'Invalid configuration:\n  TOKEN_SECRET: is a value published in the source code; set a secret of your own',
    );
  }
  if (!config.tokenSecret) config.tokenSecret = secretOutsideProduction(config);
  return config;
}

/** The default this project once shipped: anyone could sign tokens with it. */
const PUBLISHED_SECRETS = ['development-only-secret-change-me-in-production!'];

function secretOutsideProduction(config: AppConfig): string {
  if (config.nodeEnv === 'production')
    throw new InvalidConfigError('Invalid configuration:\n  TOKEN_SECRET: must be set in production');
  try {
    return readOrCreateLocalSecret(config.secretsFile);
  } catch (error) {
    throw new InvalidConfigError(
      `Invalid configuration:\n  TOKEN_SECRET: not set, and SECRETS_FILE (${config.secretsFile}) cannot hold a ` +
        `generated one: ${(error as Error).message}. Set TOKEN_SECRET, or SECRETS_FILE to a writable path.`,
    );
  }
}
