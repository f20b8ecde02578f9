import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { UnreadNotifications } from './unread-notifications';

describe(UnreadNotifications.name, () => {
  let unread: UnreadNotifications;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    unread = TestBed.inject(UnreadNotifications);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('reads the count of the organization shown', () => {
    unread.refresh('o-alpha');
    backend.expectOne('/api/v1/orgs/o-alpha/notifications/unread-count').flush({ unread: 3 });
    expect(unread.count()).toBe(3);
  });

  it('does not show a late answer for an organization left meanwhile', () => {
    unread.refresh('o-alpha');
    const late = backend.expectOne('/api/v1/orgs/o-alpha/notifications/unread-count');
    unread.refresh('o-beta');
    backend.expectOne('/api/v1/orgs/o-beta/notifications/unread-count').flush({ unread: 1 });
    late.flush({ unread: 7 });
    expect(unread.count()).toBe(1);
  });

  it('shows none outside an organization, asking nothing', () => {
    unread.refresh('o-alpha');
    backend.expectOne('/api/v1/orgs/o-alpha/notifications/unread-count').flush({ unread: 2 });
    unread.refresh(null);
    expect(unread.count()).toBe(0);
  });
});
