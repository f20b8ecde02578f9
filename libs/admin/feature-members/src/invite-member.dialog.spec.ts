import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { ERROR_CODES, type InvitationView } from '@mentorship/contracts';
import { InviteMemberDialog } from './invite-member.dialog';
import { MembersStore } from './members.store';

describe(InviteMemberDialog.name, () => {
  let backend: HttpTestingController;
  const close = jest.fn();

  beforeEach(() => {
    close.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        MembersStore,
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(MembersStore).open('o1');
  });

  async function render() {
    const fixture = TestBed.createComponent(InviteMemberDialog);
    await fixture.whenStable();
    // The store loads its lists as soon as it has an organization; not this test's concern.
    backend
      .match(() => true)
      .forEach((request) => request.flush({ items: [], page: 1, pageSize: 20, total: 0 }));
    const loader = TestbedHarnessEnvironment.loader(fixture);
    return {
      email: await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="email"]' })),
      emailField: await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: /^Email/ })),
      send: () =>
        loader.getHarness(MatButtonHarness.with({ text: 'Send invitation' })).then((b) => b.click()),
      text: async () => {
        await fixture.whenStable();
        return (fixture.nativeElement as HTMLElement).textContent ?? '';
      },
    };
  }

  it('says what is wrong with the address and sends nothing', async () => {
    const { email, emailField, send } = await render();
    await send();
    expect(await emailField.getTextErrors()).toEqual(['Enter an email address.']);
    await email.setValue('grace@');
    expect(await emailField.getTextErrors()).toEqual(['Enter an email address, like name@example.org.']);
    backend.expectNone('/api/v1/orgs/o1/invitations');
  });

  it('puts a refusal about the address next to it and stays open', async () => {
    const { email, emailField, send } = await render();
    await email.setValue('grace@example.org');
    await send();
    const request = backend.expectOne('/api/v1/orgs/o1/invitations');
    expect(request.request.body).toEqual({ email: 'grace@example.org', roles: ['mentee'] });
    request.flush(
      {
        statusCode: 409,
        code: ERROR_CODES.invitationPending,
        message: 'This address already has a pending invitation.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(await emailField.getTextErrors()).toEqual(['This address already has a pending invitation.']);
    expect(close).not.toHaveBeenCalled();
  });

  it('says any other refusal in the dialog, and closes with the invitation once sent', async () => {
    const { email, send, text } = await render();
    await email.setValue('grace@example.org');
    await send();
    backend
      .expectOne('/api/v1/orgs/o1/invitations')
      .flush(
        { statusCode: 403, code: ERROR_CODES.forbiddenRole, message: 'This needs one of the roles: admin.' },
        { status: 403, statusText: 'Forbidden' },
      );
    expect(await text()).toContain('This needs one of the roles: admin.');

    await send();
    const sent = { id: 'i1', email: 'grace@example.org' } as InvitationView;
    backend.expectOne('/api/v1/orgs/o1/invitations').flush(sent);
    expect(close).toHaveBeenCalledWith(sent);
  });
});
