import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { Subject } from 'rxjs';
import { FormSubmission } from './form-submission';
import { SubmitButtonsComponent } from './submit-buttons.component';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, SubmitButtonsComponent],
  template: `
    <form [formGroup]="form" (ngSubmit)="send()">
      <input formControlName="note" aria-label="Note" />
      <mm-submit-buttons
        [submission]="submission"
        label="Send"
        [cancelLabel]="cancelLabel()"
        [outlined]="outlined()"
        (cancelled)="cancels = cancels + 1"
      />
    </form>
  `,
})
class HostComponent {
  readonly form = new FormGroup({ note: new FormControl('hello', Validators.required) });
  readonly submission = new FormSubmission(this.form);
  readonly answer = new Subject<string>();
  readonly cancelLabel = signal<string | null>(null);
  readonly outlined = signal(false);
  sends = 0;
  cancels = 0;
  send(): void {
    // A form that stays once answered: the button is free again after the answer.
    this.submission.submitInPlace(() => {
      this.sends += 1;
      return this.answer;
    });
  }
}

describe(SubmitButtonsComponent.name, () => {
  // Harness steps on a busy shared machine; the first test also compiles the components.
  jest.setTimeout(30_000);

  async function render() {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    return { fixture, host: fixture.componentInstance, loader };
  }

  it('submits the form and holds the button while the request is out', async () => {
    const { fixture, host, loader } = await render();
    const send = await loader.getHarness(MatButtonHarness.with({ text: 'Send' }));
    expect(await send.getAppearance()).toBe('filled');
    await send.click();
    expect(host.sends).toBe(1);
    expect(await send.isDisabled()).toBe(true);
    host.answer.next('done');
    await fixture.whenStable();
    expect(await send.isDisabled()).toBe(false);
  });

  it('shows what the API refused above the buttons', async () => {
    const { fixture, host, loader } = await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Send' }))).click();
    host.answer.error(
      new HttpErrorResponse({
        status: 409,
        error: { statusCode: 409, code: 'conflict', message: 'Someone else changed it.' },
      }),
    );
    await fixture.whenStable();
    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Someone else changed it.');
  });

  it('offers a way back only when it has words for it, and the outlined look when asked', async () => {
    const { fixture, host, loader } = await render();
    expect(await loader.getAllHarnesses(MatButtonHarness)).toHaveLength(1);
    host.cancelLabel.set('Cancel');
    host.outlined.set(true);
    await fixture.whenStable();
    const cancel = await loader.getHarness(MatButtonHarness.with({ text: 'Cancel' }));
    await cancel.click();
    expect(host.cancels).toBe(1);
    expect(host.sends).toBe(0);
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: 'Send' }))).getAppearance()).toBe(
      'outlined',
    );
  });
});
