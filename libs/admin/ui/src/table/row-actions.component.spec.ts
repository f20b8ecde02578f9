import { BreakpointObserver } from '@angular/cdk/layout';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { of } from 'rxjs';
import { RowActionsComponent, type RowAction } from './row-actions.component';

describe(RowActionsComponent.name, () => {
  async function render({ narrow = false, foldOnNarrow = true } = {}) {
    TestBed.configureTestingModule({
      providers: [
        {
          provide: BreakpointObserver,
          useValue: { observe: () => of({ matches: narrow, breakpoints: {} }), isMatched: () => narrow },
        },
      ],
    });
    const ran: string[] = [];
    const actions: RowAction[] = [
      { label: 'Edit roles', ariaLabel: 'Edit roles of ada@example.com', run: () => ran.push('edit') },
      { label: 'Remove', ariaLabel: 'Remove ada@example.com', run: () => ran.push('remove'), danger: true },
    ];
    const fixture = TestBed.createComponent(RowActionsComponent);
    fixture.componentRef.setInput('actions', actions);
    fixture.componentRef.setInput('menuLabel', 'Actions for ada@example.com');
    fixture.componentRef.setInput('foldOnNarrow', foldOnNarrow);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const buttons = () => [...host.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
    return { fixture, host, buttons, ran };
  }

  it('shows one button per action on a wide screen, each named after its row', async () => {
    const { host, buttons, ran } = await render();
    expect(buttons()).toEqual(['Edit roles of ada@example.com', 'Remove ada@example.com']);
    expect(host.querySelector('button.danger')?.textContent?.trim()).toBe('Remove');
    host.querySelector<HTMLButtonElement>('button.danger')?.click();
    expect(ran).toEqual(['remove']);
  });

  it('folds the actions into one menu on a narrow screen', async () => {
    const { fixture, buttons, ran } = await render({ narrow: true });
    expect(buttons()).toEqual(['Actions for ada@example.com']);
    const menu = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatMenuHarness);
    await menu.open();
    expect(await Promise.all((await menu.getItems()).map((item) => item.getText()))).toEqual([
      'Edit roles',
      'Remove',
    ]);
    await menu.clickItem({ text: 'Edit roles' });
    expect(ran).toEqual(['edit']);
  });

  it('keeps the buttons on a narrow screen when the row asks not to fold', async () => {
    const { buttons } = await render({ narrow: true, foldOnNarrow: false });
    expect(buttons()).toEqual(['Edit roles of ada@example.com', 'Remove ada@example.com']);
  });
});
