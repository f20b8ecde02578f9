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
