import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { ERROR_CODES, type MemberView } from '@mentorship/contracts';
import { signedOutTestBed, signInForTest } from '@mentorship/admin/data-access-identity/testing';
import { AcceptInvitationPage } from './accept-invitation.page';

const ORG = 'o1';

describe(AcceptInvitationPage.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => (backend = signedOutTestBed()));

  afterEach(() => backend.verify());

  async function render(query: { org?: string; token?: string }) {
    const fixture = TestBed.createComponent(AcceptInvitationPage);
    for (const [name, value] of Object.entries(query)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    return { fixture, text: () => (fixture.nativeElement as HTMLElement).textContent ?? '' };
  }

  function answerAccept(status: number, code: string, message: string): void {
    const request = backend.expectOne(`/api/v1/orgs/${ORG}/invitations/accept`);
    expect(request.request.body).toEqual({ token: 'secret-token' });
    request.flush({ statusCode: status, code, message, details: null }, { status, statusText: 'Error' });
  }

  it('says the link is incomplete without organization or token', async () => {
    const { text } = await render({ org: ORG });
    expect(text()).toContain('This invitation link is incomplete');
  });

  it('sends a signed-out visitor through sign-in or sign-up and back to this link', async () => {
    const { fixture, text } = await render({ org: ORG, token: 'secret-token' });
    const preview = backend.expectOne('/api/v1/invitations/preview');
    expect(preview.request.body).toEqual({ organizationId: ORG, token: 'secret-token' });
    preview.flush({
      organizationName: 'Northwind',
      invitedBy: 'Ada Admin',
      roles: ['mentor', 'mentee'],
      status: 'pending',
      expiresAt: '2026-01-08T00:00:00.000Z',
    });
    await fixture.whenStable();
    expect(text()).toContain("You've been invited to join Northwind");
    expect(text()).toContain('Ada Admin invited you to join Northwind as Mentor and Mentee.');
    const links = [...(fixture.nativeElement as HTMLElement).querySelectorAll('a')];
    expect(links.map((link) => link.textContent?.trim())).toEqual(['Sign in', 'Create an account']);
    const returnUrl = new URL(links[0]!.href).searchParams.get('returnUrl');
    expect(returnUrl).toBe(`/invitations/accept?org=${ORG}&token=secret-token`);
  });

  it('says a link the API does not know is not valid, and offers no sign-in for it', async () => {
    const { fixture, text } = await render({ org: ORG, token: 'forged-token' });
    backend.expectOne('/api/v1/invitations/preview').flush(
      {
        statusCode: 404,
        code: ERROR_CODES.invitationNotFound,
        message: 'No such invitation.',
        details: null,
      },
      { status: 404, statusText: 'Not Found' },
    );
    await fixture.whenStable();
    expect(text()).toContain('This invitation link is not valid');
    expect((fixture.nativeElement as HTMLElement).querySelectorAll('a')).toHaveLength(0);
  });

  it('accepts at once when signed in and opens the organization for the roles given', async () => {
    signInForTest(backend, { id: 'u1' });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await render({ org: ORG, token: 'secret-token' });
    const joined: MemberView = {
      userId: 'u1',
      email: 'u1@example.org',
      displayName: 'u1',
      roles: ['mentee'],
      joinedAt: '2026-01-01T00:00:00.000Z',
    };
    backend.expectOne(`/api/v1/orgs/${ORG}/invitations/accept`).flush(joined);
    backend.expectOne('/api/v1/orgs').flush({
      items: [
        {
          id: ORG,
          name: 'Northwind',
          roles: ['mentee'],
          createdAt: '2026-01-01T00:00:00.000Z',
          lastUsedAt: null,
          deletion: null,
        },
      ],
    });
    // Joined is used: the API remembers it as the organization to land on.
    backend.expectOne(`/api/v1/orgs/${ORG}/visits`).flush(null);
    expect(navigate).toHaveBeenCalledWith(['/orgs', ORG, 'home'], { replaceUrl: true });
  });

  it('tells someone signed in with another address that the link is not theirs', async () => {
    signInForTest(backend, { id: 'u1', email: 'sam@example.org' });
    const { fixture, text } = await render({ org: ORG, token: 'secret-token' });
    answerAccept(404, ERROR_CODES.invitationNotFound, 'No such invitation.');
    await fixture.whenStable();
    expect(text()).toContain('This invitation link is not valid for your account (sam@example.org)');
  });

  it('says an expired invitation has expired', async () => {
    signInForTest(backend, { id: 'u1' });
    const { fixture, text } = await render({ org: ORG, token: 'secret-token' });
    answerAccept(410, ERROR_CODES.invitationExpired, 'This invitation has expired. Ask for a new one.');
    await fixture.whenStable();
    expect(text()).toContain('This invitation has expired');
  });
});
