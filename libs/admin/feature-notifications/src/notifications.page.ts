import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule, type MatCheckboxChange } from '@angular/material/checkbox';
import { RouterLink } from '@angular/router';
import { NotificationsApi, UnreadNotifications } from '@mentorship/admin/data-access-notifications';
import { EmptyStateComponent, ErrorNotifier, LoadingStateComponent } from '@mentorship/admin/ui';
import type { NotificationPage, NotificationPreference, NotificationView } from '@mentorship/contracts';

const PAGE_SIZE = 20;

/**
 * A member's notification centre: what was delivered to them, newest first, unread ones marked
 * and each linking to what it is about; and their choice per kind, in the app and by email.
 */
@Component({
  selector: 'mm-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    EmptyStateComponent,
    LoadingStateComponent,
  ],
  template: `
    <div class="mm-page">
      <header class="mm-page-header">
        <h1>Notifications</h1>
        <button mat-stroked-button type="button" [disabled]="unread.count() === 0" (click)="markAllRead()">
          Mark all read
        </button>
      </header>
      <mm-loading-state [loading]="loading()" label="Loading notifications" />
      @if (page(); as page) {
        @if (page.items.length === 0) {
          <mm-empty-state>
            Nothing here yet. Reminders come here (and by email, if you like) at 09:00 in your time zone on
            working days: set your time zone in My profile.
          </mm-empty-state>
        } @else {
          <ul class="items" aria-label="Your notifications">
            @for (item of page.items; track item.id) {
              <li class="item" [class.unread]="!item.readAt">
                <div class="item-text">
                  <h2 class="item-title">
                    @if (!item.readAt) {
                      <span class="dot" aria-hidden="true"></span
                      ><span class="visually-hidden">Unread: </span>
                    }
                    {{ item.title }}
                  </h2>
                  <p class="item-body">{{ item.body }}</p>
                  <p class="item-when">{{ item.deliveredAt | date: 'medium' }}</p>
                </div>
                <div class="item-actions">
                  @if (item.link) {
                    <a mat-button [routerLink]="item.link" (click)="markRead(item)">Open</a>
                  }
                  @if (!item.readAt) {
                    <button mat-button type="button" (click)="markRead(item)">Mark read</button>
                  }
                </div>
              </li>
            }
          </ul>
          @if (page.total > page.items.length) {
            <button mat-button type="button" (click)="more()">
              Show older ({{ page.total - page.items.length }})
            </button>
          }
        }
      }

      <section class="preferences" id="preferences" aria-labelledby="preferences-title">
        <h2 id="preferences-title">What reaches me</h2>
        <p class="intro">Choose for each kind whether it shows here and whether it is emailed to you.</p>
        @for (kind of preferences(); track kind.kind) {
          <div class="kind" role="group" [attr.aria-label]="kind.label">
            <div class="kind-text">
              <span class="kind-label">{{ kind.label }}</span>
              <span class="kind-description">{{ kind.description }}</span>
            </div>
            <mat-checkbox [checked]="kind.inApp" (change)="choose(kind, 'inApp', $event)"
              >In the app</mat-checkbox
            >
            <mat-checkbox [checked]="kind.email" (change)="choose(kind, 'email', $event)"
              >By email</mat-checkbox
            >
          </div>
        }
        <div class="kind">
          <mat-checkbox [checked]="dailyDigest()" (change)="chooseDigest($event)">
            One email a morning for all my reminders (daily digest)
          </mat-checkbox>
        </div>
      </section>
    </div>
  `,
  styles: `
    .items {
      list-style: none;
      margin: 16px 0;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .item {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
      justify-content: space-between;
      padding: 12px 16px;
    }
    .item + .item {
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .item-text {
      flex: 1 1 320px;
      min-width: 0;
    }
    .item-title {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    .unread .item-title {
      font-weight: 700;
    }
    .dot {
      display: inline-block;
      width: 8px;
      height: 8px;
      margin-right: 8px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
      vertical-align: middle;
    }
    .item-body {
      margin: 0 0 4px;
      overflow-wrap: anywhere;
    }
    .item-when {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .item-actions {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .preferences {
      margin-top: 32px;
    }
    .preferences h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 4px;
    }
    .intro {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .kind {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 8px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .kind-text {
      flex: 1 1 280px;
      display: flex;
      flex-direction: column;
    }
    .kind-label {
      font: var(--mat-sys-title-small);
    }
    .kind-description {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class NotificationsPage {
  readonly orgId = input.required<string>();
  private readonly api = inject(NotificationsApi);
  protected readonly unread = inject(UnreadNotifications);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly page = signal<NotificationPage | null>(null);
  protected readonly preferences = signal<NotificationPreference[]>([]);
  protected readonly dailyDigest = signal(false);
  protected readonly loading = signal(false);
  private pageSize = PAGE_SIZE;

  constructor() {
    effect(() => {
      const orgId = this.orgId();
      untracked(() => {
        this.pageSize = PAGE_SIZE;
        this.load(orgId);
        this.api.preferences(orgId).subscribe({
          next: (found) => {
            this.preferences.set(found.kinds);
            this.dailyDigest.set(found.dailyDigest);
          },
          error: (error: unknown) => this.notifier.show(error),
        });
      });
    });
  }

  protected more(): void {
    this.pageSize += PAGE_SIZE;
    this.load(this.orgId());
  }

  protected markRead(item: NotificationView): void {
    if (item.readAt) return;
    this.api.markRead(this.orgId(), item.id).subscribe({
      next: (read) => {
        this.page.update((page) =>
          page ? { ...page, items: page.items.map((i) => (i.id === read.id ? read : i)) } : page,
        );
        this.unread.refresh(this.orgId());
      },
      error: (error: unknown) => this.notifier.show(error),
    });
  }

  protected markAllRead(): void {
    this.api.markAllRead(this.orgId()).subscribe({
      next: () => {
        this.load(this.orgId());
        this.unread.refresh(this.orgId());
      },
      error: (error: unknown) => this.notifier.show(error),
    });
  }

  protected choose(kind: NotificationPreference, channel: 'inApp' | 'email', event: MatCheckboxChange): void {
    const choice = { kind: kind.kind, inApp: kind.inApp, email: kind.email, [channel]: event.checked };
    this.api.updatePreferences(this.orgId(), [choice]).subscribe({
      next: (saved) => {
        this.preferences.set(saved.kinds);
        this.notifier.info(`Saved: ${kind.label}.`);
      },
      error: (error: unknown) => {
        // Back to what is stored: the box must not show a choice that was not saved.
        this.preferences.set([...this.preferences()]);
        event.source.checked = !event.checked;
        this.notifier.show(error);
      },
    });
  }

  protected chooseDigest(event: MatCheckboxChange): void {
    this.api.setDailyDigest(this.orgId(), event.checked).subscribe({
      next: (saved) => {
        this.dailyDigest.set(saved.dailyDigest);
        this.notifier.info(
          saved.dailyDigest ? 'Saved: one email a morning.' : 'Saved: one email per reminder.',
        );
      },
      error: (error: unknown) => {
        event.source.checked = !event.checked;
        this.notifier.show(error);
      },
    });
  }

  private load(orgId: string): void {
    this.loading.set(true);
    this.api.list(orgId, { page: 1, pageSize: Math.min(this.pageSize, 100) }).subscribe({
      next: (page) => {
        this.loading.set(false);
        this.page.set(page);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.notifier.show(error);
      },
    });
  }
}
