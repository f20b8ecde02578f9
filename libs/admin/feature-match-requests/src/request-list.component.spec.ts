import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { MatchRequestView } from '@mentorship/contracts';
import { PagedList } from '@mentorship/admin/ui';
import { of } from 'rxjs';
import { RequestItemDirective, RequestListComponent } from './request-list.component';

const request = (id: string, subject: string) => ({ id, subject }) as MatchRequestView;

@Component({
  imports: [RequestListComponent, RequestItemDirective],
  template: `
    <mm-request-list [list]="list" label="My requests" pagesLabel="my requests" loadingLabel="Loading">
      <ng-container empty>Nothing sent yet.</ng-container>
      <ng-template mmRequestItem let-request
        ><p class="card">{{ request.subject }}</p></ng-template
      >
    </mm-request-list>
  `,
})
class HostComponent {
  readonly items = signal<MatchRequestView[]>([]);
  readonly list = new PagedList(
    () => of({ items: this.items(), total: this.items().length, page: 1, pageSize: 20 }),
    { show: () => undefined },
    {},
  );
}

describe(RequestListComponent.name, () => {
  async function render(items: MatchRequestView[]) {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.items.set(items);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows one card per request, in a list named by the page', async () => {
    const host = await render([request('r1', 'Career advice'), request('r2', 'Code review')]);
    expect(host.querySelector('ul')?.getAttribute('aria-label')).toBe('My requests');
    expect([...host.querySelectorAll('li .card')].map((card) => card.textContent)).toEqual([
      'Career advice',
      'Code review',
    ]);
    expect(host.textContent).not.toContain('Nothing sent yet.');
  });

  it('says the page’s words when there is no request', async () => {
    const host = await render([]);
    expect(host.querySelector('mm-empty-state')?.textContent?.trim()).toBe('Nothing sent yet.');
    expect(host.querySelector('ul')).toBeNull();
  });
});
