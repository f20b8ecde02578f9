import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { ChoiceFilterComponent } from './choice-filter.component';

type Status = 'open' | 'closed';

@Component({
  imports: [ChoiceFilterComponent],
  template: `<mm-choice-filter
    label="Status"
    anyLabel="Any status"
    [choices]="statuses"
    [labelOf]="words"
    [value]="value()"
    (changed)="changes.push($event); value.set($event)"
  />`,
})
class HostComponent {
  readonly statuses: readonly Status[] = ['open', 'closed'];
  readonly words = (status: Status) => (status === 'open' ? 'Open' : 'Closed');
  readonly value = signal<Status | null>(null);
  readonly changes: (Status | null)[] = [];
}

describe(ChoiceFilterComponent.name, () => {
  async function render() {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness);
    return { host: fixture.componentInstance, select };
  }

  it('shows "any" while unfiltered and offers each choice in its words after it', async () => {
    const { select } = await render();
    expect(await select.getValueText()).toBe('Any status');
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual([
      'Any status',
      'Open',
      'Closed',
    ]);
  });

  it('emits the choice, and null for "any"', async () => {
    const { host, select } = await render();
    await select.open();
    await (await select.getOptions({ text: 'Closed' }))[0]!.click();
    expect(await select.getValueText()).toBe('Closed');
    await select.open();
    await (await select.getOptions({ text: 'Any status' }))[0]!.click();
    expect(host.changes).toEqual(['closed', null]);
  });
});
