import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';

/**
 * For the door pages' component tests: renders `page` with its `inputs` and reaches its form as a
 * person does, by the fields' labels and the submit button's text.
 */
export async function renderAuthPage<T>(
  page: Type<T>,
  submitLabel: string,
  inputs: Record<string, unknown> = {},
) {
  const fixture = TestBed.createComponent(page);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const field = (label: string | RegExp) =>
    loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const input = async (label: string | RegExp) => {
    const control = await (await field(label)).getControl(MatInputHarness);
    if (!control) throw new Error(`No input in the ${String(label)} field`);
    return control;
  };
  const submit = () => loader.getHarness(MatButtonHarness.with({ text: submitLabel })).then((b) => b.click());
  return { fixture, field, input, submit };
}
