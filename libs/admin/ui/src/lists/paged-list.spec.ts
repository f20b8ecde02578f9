import { Injector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { PagedList, type PagedQuery } from './paged-list';

type Filters = { status: string | null };
type Page = { items: string[] };

describe(PagedList.name, () => {
  let asked: { query: PagedQuery<Filters>; answer: Subject<Page> }[];
  let shown: unknown[];
  const org = signal('o1');

  function makeList(): PagedList<Filters, Page> {
    asked = [];
    shown = [];
    const load = (query: PagedQuery<Filters>) => {
      const answer = new Subject<Page>();
      asked.push({ query: { ...query, status: `${org()}:${query.status}` }, answer });
      return answer;
    };
    return runInInjectionContext(
      TestBed.inject(Injector),
      () => new PagedList<Filters, Page>(load, { show: (error) => shown.push(error) }, { status: null }, 10),
    );
  }

  it('loads the first page, then again on a filter (from page 1), a turn, a reload and a signal load reads', () => {
    const list = makeList();
    TestBed.tick();
    expect(asked.map((a) => a.query)).toEqual([{ status: 'o1:null', page: 1, pageSize: 10 }]);
    expect(list.loading()).toBe(true);
    asked[0]!.answer.next({ items: ['a'] });
    expect([list.page(), list.loading()]).toEqual([{ items: ['a'] }, false]);

    list.turn(3);
    TestBed.tick();
    list.filter({ status: 'open' });
    TestBed.tick();
    expect(list.pageNumber()).toBe(1);
    list.reload();
    TestBed.tick();
    org.set('o2');
    TestBed.tick();
    list.turn(2, 50);
    TestBed.tick();
    expect([asked.at(-1)!.query.page, asked.at(-1)!.query.pageSize, list.pageSize()]).toEqual([2, 50, 50]);
    expect(asked.slice(1).map((a) => [a.query.status, a.query.page])).toEqual([
      ['o1:null', 3],
      ['o1:open', 1],
      ['o1:open', 1],
      ['o2:open', 1],
      ['o2:open', 2],
    ]);
  });

  it('drops an answer a newer load overtook, and shows an error without keeping the spinner', () => {
    const list = makeList();
    TestBed.tick();
    list.filter({ status: 'late' });
    TestBed.tick();
    asked[0]!.answer.next({ items: ['stale'] });
    expect(list.page()).toBeNull();
    asked[1]!.answer.error(new Error('offline'));
    expect([list.loading(), shown]).toEqual([false, [new Error('offline')]]);
  });
});
