// The browser test drives Debian's Chromium (a test tool's own browser download cannot work
// offline). Finds it, or installs the distribution's package when running as root on Debian.
import { existsSync } from 'node:fs';
import { commandExists, run } from './commands.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Returns the Chromium path, installing the package if it is missing and we may. */
export function ensureChromium({ log = console.log } = {}) {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.getuid?.() === 0 && commandExists('apt-get')) {
    log('Installing Chromium for the browser test (apt-get install chromium) ...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update'], { env });
    run('apt-get', ['install', '-y', 'chromium'], { env });
    if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  }
  throw new Error(
    `Chromium is needed for the browser test and was not found at ${CHROMIUM_PATH}. ` +
      'Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.',
  );
}
