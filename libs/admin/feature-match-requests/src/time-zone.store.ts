import { Injectable, inject, signal } from '@angular/core';
import { ProfilesApi } from '@mentorship/admin/data-access-people';
import { deviceTimeZone } from './request-words';

/**
 * The zone request times are shown in: the one the person gave in their profile (the product's
 * word for "their time zone"), else the device's until the profile says otherwise.
 */
@Injectable()
export class TimeZoneStore {
  private readonly profiles = inject(ProfilesApi);
  private readonly zone = signal(deviceTimeZone());
  readonly timeZone = this.zone.asReadonly();

  load(orgId: string): void {
    // A profile that cannot be read leaves the device's zone: the times stay right, only named otherwise.
    this.profiles.mine(orgId).subscribe({
      next: (profile) => {
        if (profile.timeZone) this.zone.set(profile.timeZone);
      },
      error: () => undefined,
    });
  }
}
