import type { MatchRequestStatus } from '@mentorship/contracts';

/** The device's IANA time zone: request times are shown in it, and it is named beside them. */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** "15 Dec 2026, 21:40 (Europe/Berlin)": a moment in the person's own zone, the zone named. */
export function inZone(iso: string, timeZone = deviceTimeZone()): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
  return `${text} (${timeZone})`;
}

/** A status chip's colour class: open waits, accepted is good news, the rest are over. */
export function statusTone(status: MatchRequestStatus): 'waiting' | 'good' | 'over' {
  if (status === 'open') return 'waiting';
  return status === 'accepted' ? 'good' : 'over';
}
