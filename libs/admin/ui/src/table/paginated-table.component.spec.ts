import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import {
  PaginatedTableComponent,
  type PageRequest,
  type PagedTableSource,
} from './paginated-table.component';

describe(PaginatedTableComponent.name, () => {
  // Harness steps on a busy shared machine; the first test also compiles the component.
  jest.setTimeout(30_000);

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

  it('reads its paging from a store’s one [paging] input', async () => {
    const { fixture, paginator } = await render({ total: 0, page: 1, pageSize: 20 });
    fixture.componentRef.setInput('paging', { total: 95, page: 2, pageSize: 10 });
    await fixture.whenStable();
    expect(await paginator.getRangeLabel()).toBe('11 – 20 of 95');
  });

  it('reads a [list] and turns it, new page size from the first page', async () => {
    const turns: PageRequest[] = [];
    const list: PagedTableSource = {
      page: signal({ total: 45 }),
      pageNumber: signal(2),
      pageSize: signal(20),
      loading: signal(true),
      turn: (page, pageSize) => turns.push({ page, pageSize }),
    };
    const { fixture, paginator, requests } = await render({ total: 0, page: 1, pageSize: 10 });
    fixture.componentRef.setInput('list', list);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    expect(await paginator.getRangeLabel()).toBe('21 – 40 of 45');
    expect(host.querySelector('mat-progress-bar')).not.toBeNull();
    await paginator.goToNextPage();
    await paginator.setPageSize(50);
    expect(turns).toEqual([
      { page: 3, pageSize: 20 },
      { page: 1, pageSize: 50 },
    ]);
    expect(requests).toEqual(turns);
  });
});
