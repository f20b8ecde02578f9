import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CardPageComponent } from './card-page.component';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CardPageComponent],
  template: `
    <mm-card-page heading="Sign in" [subtitle]="subtitle()" [width]="460">
      <p class="body">The form</p>
    </mm-card-page>
  `,
})
class HostComponent {
  readonly subtitle = signal<string | null>('Welcome back.');
}

describe(CardPageComponent.name, () => {
  jest.setTimeout(30_000);

  it('frames the body in one card under the page’s heading and subtitle, as wide as asked', async () => {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const page = host.querySelector('.mm-page.mm-card-page') as HTMLElement;
    expect(page.style.maxWidth).toBe('460px');
    const card = page.querySelector('mat-card') as HTMLElement;
    expect(card.querySelector('mat-card-header h1')?.textContent).toBe('Sign in');
    expect(card.querySelector('mat-card-subtitle')?.textContent?.trim()).toBe('Welcome back.');
    // The body comes after the header, inside the card.
    expect(card.lastElementChild?.classList.contains('body')).toBe(true);
    expect(host.querySelectorAll('h1')).toHaveLength(1);

    fixture.componentInstance.subtitle.set(null);
    await fixture.whenStable();
    expect(card.querySelector('mat-card-subtitle')).toBeNull();
  });
});
