import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '@mentorship/contracts';

/**
 * The response class of a paginated list of `Item`, documented for OpenAPI. Every list in the
 * API answers this shape, so it is made once: `class MemberPageDto extends PageOf(MemberViewDto) {}`.
 */
export function PageOf<Item>(item: Type<Item>): Type<Page<Item>> {
  class PageDto implements Page<Item> {
    @ApiProperty({ type: item, isArray: true })
    items!: Item[];
    @ApiProperty()
    page!: number;
    @ApiProperty()
    pageSize!: number;
    @ApiProperty()
    total!: number;
  }
  return PageDto;
}

/** What a repository finds for one page: its rows, and how many there are in all. */
export interface FoundPage<Row> {
  rows: Row[];
  total: number;
}

/**
 * The page a list answers, from what the repository found for `query`: each row through
 * `toItem`, or as it is when the rows are the items already.
 */
export function pageOf<Item>(query: { page: number; pageSize: number }, found: FoundPage<Item>): Page<Item>;
export function pageOf<Row, Item>(
  query: { page: number; pageSize: number },
  found: FoundPage<Row>,
  toItem: (row: Row) => Item,
): Page<Item>;
export function pageOf<Row, Item>(
  query: { page: number; pageSize: number },
  found: FoundPage<Row>,
  toItem?: (row: Row) => Item,
): Page<Item | Row> {
  const items = toItem ? found.rows.map(toItem) : found.rows;
  return { items, page: query.page, pageSize: query.pageSize, total: found.total };
}
