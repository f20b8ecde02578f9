import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, Validators } from '@angular/forms';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { OrganizationRole } from '@mentorship/contracts';
import { RolePickerComponent } from './role-picker.component';

@Component({
  imports: [RolePickerComponent],
  template: `<mm-role-picker [control]="control" [roles]="roles()" requiredMessage="Pick one." />`,
})
class HostComponent {
  readonly control = new FormControl<OrganizationRole[]>(['mentee'], {
    nonNullable: true,
    validators: Validators.required,
  });
  readonly roles = signal<readonly OrganizationRole[]>(['admin', 'coordinator', 'mentor', 'mentee']);
}

describe(RolePickerComponent.name, () => {
  async function render() {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    return {
      fixture,
      select: await loader.getHarness(MatSelectHarness),
      field: await loader.getHarness(MatFormFieldHarness),
    };
  }

  it('offers the roles in the product’s words and writes the choice to the control', async () => {
    const { fixture, select } = await render();
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual([
      'Admin',
      'Coordinator',
      'Mentor',
      'Mentee',
    ]);
    await (await select.getOptions({ text: 'Mentor' }))[0]!.click();
    expect(fixture.componentInstance.control.value).toEqual(['mentor', 'mentee']);
  });

  it('offers only the roles it is given', async () => {
    const { fixture, select } = await render();
    fixture.componentInstance.roles.set(['mentor', 'mentee']);
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual(['Mentor', 'Mentee']);
  });

  it('says in words that a role is needed once every role is taken away', async () => {
    const { fixture, select, field } = await render();
    await select.open();
    await (await select.getOptions({ text: 'Mentee' }))[0]!.click();
    await select.close();
    fixture.componentInstance.control.markAsTouched();
    await fixture.whenStable();
    expect(await field.getTextErrors()).toEqual(['Pick one.']);
  });
});
