import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { InvitationPage, MemberPage, MemberView } from '@mentorship/contracts';
import { MembersStore } from './members.store';

const ORG = 'o1';
const member = (userId: string, roles: MemberView['roles']): MemberView => ({
  userId,
  email: `${userId}@example.org`,
  displayName: userId,
  roles,
  joinedAt: '2026-01-01T00:00:00.000Z',
});
const page = (items: MemberView[], at = 1, total = items.length): MemberPage => ({
  items,
  page: at,
  pageSize: 20,
  total,
});
const noInvitations: InvitationPage = { items: [], page: 1, pageSize: 100, total: 0 };

describe(MembersStore.name, () => {
  let store: MembersStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), MembersStore],
    });
    store = TestBed.inject(MembersStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  /** Lets the store's signal-driven requests go out, then returns the member list request. */
  function membersRequest(): TestRequest {
    TestBed.tick();
    return backend.expectOne((r) => r.url === `/api/v1/orgs/${ORG}/members`);
  }

  function open(first: MemberPage): void {
    store.open(ORG);
    const request = membersRequest();
    expect(request.request.params.get('page')).toBe('1');
    request.flush(first);
    const invitations = backend.expectOne((r) => r.url === `/api/v1/orgs/${ORG}/invitations`);
    expect(invitations.request.params.get('status')).toBe('pending');
    invitations.flush(noInvitations);
  }

  it('loads the first page and asks again with the role filter from page 1', () => {
    open(page([member('a', ['admin'])]));
    expect(store.members()?.items.map((m) => m.userId)).toEqual(['a']);

    store.goToPage({ page: 3, pageSize: 20 });
    membersRequest().flush(page([], 3, 41));
    store.filterByRole('mentor');
    const filtered = membersRequest();
    expect(filtered.request.params.get('role')).toBe('mentor');
    expect(filtered.request.params.get('page')).toBe('1');
    filtered.flush(page([]));
  });

  it('shows the page before when the last row of the last page is removed', () => {
    open(page([member('a', ['admin'])]));
    store.goToPage({ page: 2, pageSize: 20 });
    membersRequest().flush(page([member('z', ['mentee'])], 2, 21));

    store.remove('z').subscribe();
    backend.expectOne(`/api/v1/orgs/${ORG}/members/z`).flush(null, { status: 204, statusText: 'No Content' });
    const again = membersRequest();
    expect(again.request.params.get('page')).toBe('1');
    again.flush(page([member('a', ['admin'])]));
  });

  it('updates a row in place, or loads again when the member left the filtered set', () => {
    open(page([member('a', ['admin']), member('b', ['mentee'])]));
    store.changeRoles('b', ['mentor']).subscribe();
    const patch = backend.expectOne(`/api/v1/orgs/${ORG}/members/b`);
    expect(patch.request.body).toEqual({ roles: ['mentor'] });
    patch.flush(member('b', ['mentor']));
    expect(store.members()?.items[1]?.roles).toEqual(['mentor']);

    store.filterByRole('mentor');
    membersRequest().flush(page([member('b', ['mentor'])]));
    store.changeRoles('b', ['mentee']).subscribe();
    backend.expectOne(`/api/v1/orgs/${ORG}/members/b`).flush(member('b', ['mentee']));
    membersRequest().flush(page([]));
    expect(store.members()?.items).toEqual([]);
  });
});
