import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { PaginatedTableComponent, type PageRequest } from './paginated-table.component';

describe(PaginatedTableComponent.name, () => {
  async function render(inputs: { total: number; page: number; pageSize: number; loading?: boolean }) {
    const fixture = TestBed.createComponent(PaginatedTableComponent);
    fixture.componentRef.setInput('itemsLabel', 'members');
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    const requests: PageRequest[] = [];
    fixture.componentInstance.pageChange.subscribe((request) => requests.push(request));
    await fixture.whenStable();
    const paginator = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatPaginatorHarness);
    return { fixture, paginator, requests };
  }

  it('speaks the API’s 1-based pages', async () => {
    const { paginator, requests } = await render({ total: 45, page: 1, pageSize: 20 });
    expect(await paginator.getRangeLabel()).toBe('1 – 20 of 45');
    await paginator.goToNextPage();
    expect(requests).toEqual([{ page: 2, pageSize: 20 }]);
  });

  it('starts again from the first page when the page size changes', async () => {
    const { paginator, requests } = await render({ total: 245, page: 3, pageSize: 20 });
    await paginator.setPageSize(50);
    expect(requests).toEqual([{ page: 1, pageSize: 50 }]);
  });

  it('names the loading bar and the paginator after the rows', async () => {
    const { fixture } = await render({ total: 0, page: 1, pageSize: 20, loading: true });
    const host = fixture.nativeElement as HTMLElement;
    expect(host.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading members');
    expect(host.querySelector('mat-paginator')?.getAttribute('aria-label')).toBe('Pages of members');
    fixture.componentRef.setInput('loading', false);
    await fixture.whenStable();
    expect(host.querySelector('mat-progress-bar')).toBeNull();
  });
});
